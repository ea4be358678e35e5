import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/index.js";
import { compileEarnedValue, evaluatePortfolio, type EarnedValueInput } from "../../src/variance/index.js";
import { baselineOf, cost, pkg, show, week } from "./fixtures.js";

/*
 * Audit ev23: evaluatePortfolio with a project without a baseline in another currency (docs: Roll-ups — every child in
 * one currency; a child without any money sets none). P1 (EUR): BAC 2000.00, 50 % on 2027-01-10 → EV 1000.00, AC
 * 800.00, CPI 1000/800 = 1.25. P4 (USD, no baseline): its budget slices are in USD, so it is a USD project.
 */
const slices = (cur: string) => [1, 2].map((n) => ({ ...week(n, "1000.00"), amount: { amount: "1000.00", currency: cur } }));
const wp = (p: string, cur: string) => pkg({ id: `A-${p}`, rule: { type: "percent-complete" }, slices: slices(cur), progress: [{ date: "2027-01-10", percentComplete: "50" }] }, p);
const input = (p: string, baseline: boolean, ac: string | undefined, cur = "EUR"): EarnedValueInput => ({
  project: { id: p, name: p, portfolioId: "PF" }, workPackages: [wp(p, cur)], baselines: baseline ? [baselineOf([wp(p, cur)], 0, p)] : [], costEntries: ac ? [cost(`A-${p}`, "2027-01-08", ac, cur, p)] : [],
});
const compiled = (...l: EarnedValueInput[]) => l.map((i) => compileEarnedValue(i, { statusDate: "2027-01-10" }));

describe("audit ev23: roll-ups with a project without a baseline in another currency", () => {
  it("a USD project without a baseline and without actuals has no money: P1's figures (AC 800.00, CPI 1.25), P4 listed with 0.00", () => {
    for (const withoutBaseline of ["exclude", "include-ac"] as const) {
      const pf = evaluatePortfolio(compiled(input("P1", true, "800.00"), input("P4", false, undefined, "USD")), "2027-01-10", { withoutBaseline }).portfolios[0]!;
      expect([pf.currency, show(pf.figures.ac), show(pf.figures.cpi, 4), show(pf.figures.eac.cpi)]).toEqual(["EUR", "800.00", "1.2500", "1600.00"]);
      expect([pf.withoutBaseline.children.map((c) => c.id), show({ value: pf.withoutBaseline.ac })]).toEqual([["P4"], "0.00"]);
    }
  });

  it("a USD project without a baseline but with USD 500.00 of actuals is refused under both treatments, at its currency", () => {
    for (const withoutBaseline of ["exclude", "include-ac"] as const) {
      const run = () => evaluatePortfolio(compiled(input("P1", true, "800.00"), input("P4", false, "500.00", "USD")), "2027-01-10", { withoutBaseline });
      expect(run).toThrow(ValidationError);
      try { run(); } catch (e) { expect((e as ValidationError).issues.map((i) => i.path)).toEqual([["children", 1, "currency"]]); }
    }
  });
});
