import { describe, expect, it } from "vitest";
import { decodeEntity, type Project } from "../../src/index.js";
import { budgetVariance, earnedValue, earnedValueSeries, fiscalQuarters, rollUpEarnedValue } from "../../src/variance/index.js";
import { validationErrorOf } from "../support/errors.js";
import { cost, pkg, project, week } from "./fixtures.js";

/*
 * Totals near 2^53 minor units. The engine sums cents in JS numbers, exact up to 2^53 − 1 = 9,007,199,254,740,991
 * (about 90 trillion EUR, or 5 billion USD in IDR, a two-decimal currency). Past it a total used to round silently:
 * three actuals of 60,000,000,000,000.01 EUR reported AC = 180,000,000,000,000.04 (true: …0.03). Now a calculation
 * whose amounts total more than that refuses with the path of the amount that crossed it, and the one figure that
 * may legitimately pass 2^53 (a forecast from a tiny EV) is exact in BigInt, in earnedValue and in its S-curve.
 */

const A = () => pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "10.00"), week(2, "10.00")], progress: [{ date: "2027-01-08", percentComplete: "50" }] });

describe("amounts whose total passes 2^53 − 1 minor units", () => {
  it("earned value refuses at the actual that crosses the limit (it was AC …0.04 for …0.03)", () => {
    // 6,000,000,000,000,001 cents each: one is safe; with the 2,000 cents of budget, the second takes the total past 2^53 − 1.
    const costs = ["2027-01-05", "2027-01-06", "2027-01-07"].map((d) => cost("A", d, "60000000000000.01"));
    const e = validationErrorOf(() => earnedValue(project([A()], costs), { statusDate: "2027-01-08" }));
    expect(e.issues.map((i) => i.path)).toEqual([["costEntries", 1, "amount"]]);
    expect(e.issues[0]!.message).toMatch(/2\^53 − 1 minor units/);
    // Just inside the limit the figures are exact: 9,007,199,254,738,991 cents of actuals + 2,000 of budget = 2^53 − 1.
    const r = earnedValue(project([A()], [cost("A", "2027-01-05", "45035996273694.95"), cost("A", "2027-01-06", "45035996273694.96")]), { statusDate: "2027-01-08" });
    expect(r.figures.ac.value!.amount.toFixed(2)).toBe("90071992547389.91");
    expect(r.figures.cv.value!.amount.toFixed(2)).toBe("-90071992547379.91"); // EV 10.00 − AC
  });

  it("a budget slice counts too: the path names the slice", () => {
    const big = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "50000000000000.00"), week(2, "50000000000000.00")] });
    const e = validationErrorOf(() => earnedValue(project([big], []), { statusDate: "2027-01-08" }));
    expect(e.issues.map((i) => i.path)).toEqual([["baselines", "workPackages", 0, "timePhasedBudget", 1, "amount"]]);
  });

  it("a roll-up refuses children whose figures total past the limit, naming the child", () => {
    const one = earnedValue(project([A()], [cost("A", "2027-01-05", "30000000000000.00")]), { statusDate: "2027-01-08" });
    // Per child: AC 3e15 cents is counted, and BAC, PV, EV (2,000 + 1,000 + 1,000 cents): the second child crosses 2^53 − 1.
    // Four distinct children of the same figures (the same child twice is refused as a duplicate).
    const kids = ["P1", "P2", "P3", "P4"].map((id) => ({ ...one, id }));
    const e = validationErrorOf(() => rollUpEarnedValue(kids, { id: "pg", level: "programme" }));
    expect(e.issues.map((i) => i.path)).toEqual([["children", 3]]);
    expect(rollUpEarnedValue(kids.slice(0, 2), { id: "pg", level: "programme" }).figures.ac.value!.amount.toFixed(2)).toBe("60000000000000.00");
  });

  it("budget variance refuses lines and actuals past the limit", () => {
    const prj = decodeEntity("project", {
      id: "PRJ-T", version: 1, createdAt: "2027-01-01T09:00:00.000Z", updatedAt: "2027-01-01T09:00:00.000Z", code: "PRJ-T", name: "T", projectManagerId: "p-a", sponsorId: "p-b",
      scope: {}, plannedStart: "2027-01-04", plannedFinish: "2027-06-30", lifecycle: "executing",
      budget: { currency: "EUR", lines: ["2027-Q1", "2027-Q2"].map((period) => ({ period, category: "labour", expenditure: "opex", amount: { amount: "50000000000000.00", currency: "EUR" } })) },
    }) as Project;
    const e = validationErrorOf(() => budgetVariance(prj, [], { statusDate: "2027-01-22", periods: fiscalQuarters(2027, 2027).periods }));
    expect(e.issues.map((i) => i.path)).toEqual([["budget", "lines", 1, "amount"]]);
  });
});

describe("a forecast past 2^53 minor units in the S-curve", () => {
  it("the EAC path reaches the exact EAC earnedValue reports (the series used to refuse it as too large)", () => {
    // BAC 20.00 (2,000 cents), 10 % earned: EV 200 cents; AC 45,035,996,273,694.95 EUR = 4,503,599,627,369,495 cents.
    // EAC(CPI) = BAC × AC ÷ EV = 2,000 × 4,503,599,627,369,495 ÷ 200 = 45,035,996,273,694,950 cents: 5 × 2^53.
    const tenPercent = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "10.00"), week(2, "10.00")], progress: [{ date: "2027-01-08", percentComplete: "10" }] });
    const input = project([tenPercent], [cost("A", "2027-01-05", "45035996273694.95")]);
    const eac = earnedValue(input, { statusDate: "2027-01-08" }).figures.selectedEac.value.value!;
    expect(eac.amount.toFixed(2)).toBe("450359962736949.50");
    const s = earnedValueSeries(input, { statusDate: "2027-01-08" });
    const last = s.points.filter((p) => p.eacPath).at(-1)!;
    expect([last.eacPath!.amount.toFixed(2), last.ieacPath!.amount.toFixed(2)]).toEqual(["450359962736949.50", "20.00"]);
  });
});
