import { describe, expect, it } from "vitest";
import { annuityRate, irr, paybackCrossings, paybackPeriod, xirr } from "../../src/prioritization/index.js";
import { createBuiltInSolver, efficientFrontier, selectPortfolio } from "../../src/selection/index.js";
import { instance } from "../selection/instances.js";
import { issuesOf, issuesOfAsync } from "../support/errors.js";

// `null` options read a key of null (a TypeError) in the functions that only checked option keys: found by the
// errors-as-data property at 10× its runs (`irr([], null)`, `createBuiltInSolver(null)`). Each is now refused at
// `options`, in the words checkArguments uses everywhere else.
const REFUSED = [["options", "expected an object, got null"]];
const N = null as never;

describe("null options are a ValidationError at options, not a TypeError", () => {
  it("finance: irr, xirr, paybackPeriod, paybackCrossings, annuityRate", () => {
    expect(issuesOf(() => irr(["-100", "110"], N))).toEqual(REFUSED);
    expect(issuesOf(() => xirr([{ date: "2027-01-01", amount: "-100" }, { date: "2028-01-01", amount: "110" }], N))).toEqual(REFUSED);
    expect(issuesOf(() => paybackPeriod(["-100", "110"], N))).toEqual(REFUSED);
    expect(issuesOf(() => paybackCrossings(["-100", "110"], N))).toEqual(REFUSED);
    expect(issuesOf(() => annuityRate({ nper: 10, pmt: "-100", pv: "800" }, N))).toEqual(REFUSED);
  });
  it("selection: createBuiltInSolver, selectPortfolio, efficientFrontier (with a valid problem)", async () => {
    expect(issuesOf(() => createBuiltInSolver(N))).toEqual(REFUSED);
    expect(await issuesOfAsync(() => selectPortfolio(instance(808, 5), N))).toEqual(REFUSED);
    expect(await issuesOfAsync(() => efficientFrontier(instance(808, 5), N))).toEqual(REFUSED);
  });
});
