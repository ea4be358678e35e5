import { describe, expect, it } from "vitest";
import { earnedValue, rollUpEarnedValue } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/*
 * Percent spent of a net credit (AC < 0). As CPI (audit 6), a percentage of the budget spent has no meaning when more
 * was refunded than spent: it is missing with `ac-is-negative` (it was −25 %), at package, project and roll-up level.
 */
describe("percentSpent of a net credit is ac-is-negative, as CPI", () => {
  // A: W1 1000 + W2 1000 (BAC 2000), 25 % done on 2027-01-08. Costs 300 on 01-05 and a refund of −800 on 01-07:
  // AC = −500, percent spent = −500 / 2000 × 100 = −25 before.
  const input = project(
    [pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-08", percentComplete: "25" }] })],
    [cost("A", "2027-01-05", "300.00"), cost("A", "2027-01-07", "-800.00")],
  );
  const r = earnedValue(input, { statusDate: "2027-01-10" });

  it("project, package and roll-up: ac-is-negative (was −25.00)", () => {
    expect(show(r.figures.ac)).toBe("-500.00");
    expect(r.figures.percentSpent.reason).toBe("ac-is-negative");
    expect(r.packages[0]!.figures.percentSpent.reason).toBe("ac-is-negative");
    expect(rollUpEarnedValue([r], { id: "P", level: "programme" }).figures.percentSpent.reason).toBe("ac-is-negative");
    // Percent complete does not rest on AC: 500 / 2000 × 100 = 25.
    expect(show(r.figures.percentComplete)).toBe("25.00");
  });

  it("AC = 0 is 0 % spent and a positive AC is AC / BAC × 100 (300 / 2000 = 15 %)", () => {
    const at = (d: string) => earnedValue(input, { statusDate: d }).figures.percentSpent;
    expect(show(at("2027-01-04"))).toBe("0.00");
    expect(show(at("2027-01-05"))).toBe("15.00");
  });
});
