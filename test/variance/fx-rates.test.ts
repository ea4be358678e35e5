import { describe, expect, it } from "vitest";
import { decodeEntity, ValidationError } from "../../src/index.js";
import { budgetVariance, earnedValue, fiscalQuarters } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/*
 * The `fxRates` table of earnedValue and budgetVariance is plain option data, not a decoded entity, so each row is
 * checked where it is read: a zero or negative rate turned a USD actual into 0 or a credit, text was a DecimalError
 * (budgetVariance) or an error without a path (earnedValue), and a null row a TypeError.
 */
const w = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-08", percentComplete: "50" }] });
const usd = cost("A", "2027-01-08", "1000.00", "USD");
const rate = (r: unknown): never => [{ from: "USD", to: "EUR", date: "2026-12-31", rate: "0.90" }, { from: "USD", to: "EUR", date: "2027-01-07", rate: r }] as never;
const issuesOf = (f: () => unknown) => {
  try { f(); } catch (e) { expect(e).toBeInstanceOf(ValidationError); return (e as ValidationError).issues.map((i) => [i.path, i.message]); }
  return expect.unreachable("no ValidationError");
};
const prj = decodeEntity("project", {
  id: "PRJ-T", version: 1, createdAt: "2027-01-01T09:00:00.000Z", updatedAt: "2027-01-01T09:00:00.000Z", code: "PRJ-T", name: "T", projectManagerId: "p-a", sponsorId: "p-b",
  scope: {}, plannedStart: "2027-01-04", plannedFinish: "2027-06-30", lifecycle: "executing",
  budget: { currency: "EUR", lines: [{ period: "2027-Q1", category: "labour", expenditure: "opex", amount: { amount: "3000.00", currency: "EUR" } }] },
});
const usdCost = { ...usd, projectId: "PRJ-T", category: "labour" };
const ev = (fxRates: unknown) => () => earnedValue(project([w], [usd]), { statusDate: "2027-01-10", fxRates: fxRates as never });
const bv = (fxRates: unknown) => () => budgetVariance(prj, [usdCost as never], { statusDate: "2027-01-22", periods: fiscalQuarters(2027, 2027).periods, fxRates: fxRates as never });

describe("fxRates rows are checked, each problem at its path", () => {
  it.each([
    ["0", "an exchange rate must be above zero"],
    ["-0.95", "an exchange rate must be above zero"],
    ["abc", '"abc" is not a decimal number like 1234.50 (digits, optional minus and fraction)'],
    [Number.NaN, "NaN is not a finite number"],
  ])("rate %s is refused by earnedValue and budgetVariance", (r, message) => {
    expect(issuesOf(ev(rate(r)))).toEqual([[["fxRates", 1, "rate"], message]]);
    expect(issuesOf(bv(rate(r)))).toEqual([[["fxRates", 1, "rate"], message]]);
  });

  it("a row that is not an object, or with a bad currency or date, is refused with its path", () => {
    // The row is refused, so the USD actual has no rate either: both are reported, each at its path.
    expect(issuesOf(ev([null]))).toEqual([[["fxRates", 0], "expected an object, got null"], [["costEntries", 0, "amount", "currency"], "USD actual in a EUR project needs a rate (entry fxRate or a rate table)"]]);
    expect(issuesOf(bv([null]))).toEqual([[["fxRates", 0], "expected an object, got null"], [["costEntries", 0, "amount", "currency"], "needs a rate to EUR"]]);
    expect(issuesOf(ev("USD"))).toEqual([[["fxRates"], 'expected an array, got "USD"']]);
    const bad = [{ from: "usd", to: "EUR", date: "2027-02-30", rate: "0.9" }];
    const want = [[["fxRates", 0, "from"], '"usd" is not an ISO 4217 currency code'], [["fxRates", 0, "date"], 'expected a calendar date YYYY-MM-DD, got "2027-02-30"']];
    expect(issuesOf(ev(bad))).toEqual([...want, [["costEntries", 0, "amount", "currency"], "USD actual in a EUR project needs a rate (entry fxRate or a rate table)"]]);
    expect(issuesOf(bv(bad))).toEqual([...want, [["costEntries", 0, "amount", "currency"], "needs a rate to EUR"]]);
  });

  it("two rates for one pair on one day are ambiguous: refused, whatever their order", () => {
    const twins = [{ from: "USD", to: "EUR", date: "2027-01-07", rate: "0.95" }, { from: "USD", to: "EUR", date: "2027-01-07", rate: "0.96" }];
    const want = [[["fxRates", 1, "date"], "a second USD→EUR rate on 2027-01-07 (row 0 has one)"]];
    expect(issuesOf(ev(twins))).toEqual(want);
    expect(issuesOf(bv(twins))).toEqual(want);
    // Another pair, or the same pair on another day, is fine.
    expect(() => ev([...twins.slice(0, 1), { from: "EUR", to: "USD", date: "2027-01-07", rate: "1.05" }])()).not.toThrow();
  });

  it("good rows still convert: 1000.00 USD at 0.95 is 950.00 EUR in both", () => {
    expect(show(earnedValue(project([w], [usd]), { statusDate: "2027-01-10", fxRates: rate("0.95") }).figures.ac)).toBe("950.00");
    expect(show(earnedValue(project([w], [usd]), { statusDate: "2027-01-10", fxRates: rate(0.95) }).figures.ac)).toBe("950.00");
    const lines = budgetVariance(prj, [usdCost as never], { statusDate: "2027-01-22", periods: fiscalQuarters(2027, 2027).periods, fxRates: rate("0.95") });
    expect(show({ value: lines[0]!.actual })).toBe("950.00");
  });
});

describe("budgetVariance checks its periods", () => {
  const q = fiscalQuarters(2027, 2027).periods;
  const run = (periods: unknown) => () => budgetVariance(prj, [], { statusDate: "2027-01-22", periods: periods as never });
  it("a label given twice listed the same budget line twice (its plan counted twice in any total): refused", () => {
    // Before: two lines "2027-Q1 labour 3000.00", 6000.00 planned in all for a 3000.00 budget.
    expect(issuesOf(run([q[0], { ...q[1]!, label: "2027-Q1" }]))).toEqual([[["periods", 1, "label"], "label 2027-Q1 is already used by period 0"]]);
  });
  it("overlapping periods (an actual in both would count in the first only) and bad dates are refused at their paths", () => {
    expect(issuesOf(run([q[0], { ...q[1]!, start: "2027-03-31" }]))).toEqual([[["periods", 1, "start"], "period 2027-Q2 overlaps period 2027-Q1 (2027-01-01…2027-03-31)"]]);
    const q1 = { ...q[0]!, start: "2027-02-30" }, backwards = { ...q[0]!, start: "2027-04-01" };
    expect(issuesOf(run([q1]))).toEqual([[["periods", 0, "start"], 'expected a calendar date YYYY-MM-DD, got "2027-02-30"']]);
    expect(issuesOf(run([backwards]))).toEqual([[["periods", 0, "finish"], "the finish 2027-03-31 is before the start 2027-04-01"]]);
  });
  it("periods out of order but disjoint are fine, and lines follow the order given", () => {
    const lines = budgetVariance(prj, [], { statusDate: "2027-01-22", periods: [q[1]!, q[0]!] });
    expect(lines.map((l) => l.period)).toEqual(["2027-Q1"]); // only Q1 has a budget line
  });
});
