import { describe, expect, it } from "vitest";
import { earnedValue, earnedValueInputFromRows } from "../../src/variance/index.js";
import { cost, pkg, project, week } from "./fixtures.js";
import { issuePathsOf } from "../support/errors.js";

/*
 * Earned-value audit 14: a record listed twice would count twice (AC doubled) or silently replace the other (a live
 * package): refused with the later row's path, as agileEarnedValue and rollUpEarnedValue refuse repeated ids.
 */

const issuesOf = issuePathsOf;

describe("earnedValue refuses an id listed twice", () => {
  const w = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00")], progress: [{ date: "2027-01-08", percentComplete: "50" }] });
  const c = cost("A", "2027-01-08", "400.00");

  it("a cost entry listed twice: costEntries.1.id (AC read 800.00, the 400.00 entry counted twice)", () => {
    expect(issuesOf(() => earnedValue(project([w], [c, c]), { statusDate: "2027-01-10" }))).toEqual(["costEntries.1.id"]);
  });

  it("a work package listed twice: workPackages.1.id (the second silently replaced the first)", () => {
    expect(issuesOf(() => earnedValue({ ...project([w], [c]), workPackages: [w, w] }, { statusDate: "2027-01-10" }))).toEqual(["workPackages.1.id"]);
  });

  it("a cost entry may share its id with a package (different kinds)", () => {
    expect(issuesOf(() => earnedValue(project([w], [cost("A", "2027-01-08", "400.00", "EUR", "PRJ-T", { id: "A" })]), { statusDate: "2027-01-10" }))).toEqual([]);
  });
});

describe("earnedValueInputFromRows refuses an actual id given twice", () => {
  it("actuals.1.id (it built two cost entries with id X, which earnedValue counts twice)", () => {
    const rows = { project: { id: "P", currency: "EUR" }, packages: [{ id: "A", rule: "percent-complete" as const, budget: [{ start: "2027-01-04", finish: "2027-01-10", amount: "1000" }] }],
      actuals: [{ id: "X", date: "2027-01-05", amount: "10" }, { id: "X", date: "2027-01-06", amount: "10" }] };
    expect(issuesOf(() => earnedValueInputFromRows(rows))).toEqual(["actuals.1.id"]);
  });

  it("an explicit id equal to a default one (P-ac-1): actuals.1.id", () => {
    const rows = { project: { id: "P", currency: "EUR" }, packages: [{ id: "A", rule: "percent-complete" as const, budget: [{ start: "2027-01-04", finish: "2027-01-10", amount: "1000" }] }],
      actuals: [{ date: "2027-01-05", amount: "10" }, { id: "P-ac-1", date: "2027-01-06", amount: "10" }] };
    expect(issuesOf(() => earnedValueInputFromRows(rows))).toEqual(["actuals.1.id"]);
  });
});
