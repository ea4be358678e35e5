import { describe, expect, it } from "vitest";
import { isoDate, money } from "../../src/index.js";
import { benefitsRealisation, errorBudget, onBudget, portfolioHealth, type ClosedProject, type NonMonetaryBenefit } from "../../src/kpi/index.js";
import { firstIssuePath } from "../support/errors.js";

// Audit of the delivery and benefit KPIs for inputs that gave a silently wrong figure (kpi12).

describe("benefitsRealisation: a non-monetary benefit's unit is a non-blank string", () => {
  it("a missing unit grouped the benefit under \"undefined\" (50 %); now a ValidationError at [\"nonMonetary\", 0, \"unit\"]", () => {
    const rows = [
      { id: "B1", date: isoDate("2026-03-01"), planned: "10", actual: "5" },
      { id: "B2", date: isoDate("2026-03-01"), unit: "hours", planned: "10", actual: "5" },
    ] as unknown as NonMonetaryBenefit[];
    expect(firstIssuePath(() => benefitsRealisation({ nonMonetary: rows }, { currency: "EUR" }))).toEqual(["nonMonetary", 0, "unit"]);
    const blank = [{ id: "B3", date: isoDate("2026-03-01"), unit: " ", planned: "10", actual: "5" }];
    expect(firstIssuePath(() => benefitsRealisation({ nonMonetary: blank }, { currency: "EUR" }))).toEqual(["nonMonetary", 0, "unit"]);
  });

  it("a unit is read as given: hours 5 of 10 and t CO2e 3 of 4 stay apart (50 %, 75 %)", () => {
    const rows = [
      { id: "B1", date: isoDate("2026-03-01"), unit: "hours", planned: "10", actual: "5" },
      { id: "B2", date: isoDate("2026-03-01"), unit: "t CO2e", planned: "4", actual: "3" },
    ];
    const r = benefitsRealisation({ nonMonetary: rows }, { currency: "EUR" });
    expect(Object.entries(r.nonMonetary).map(([u, b]) => [u, b.percent.value?.toFixed()])).toEqual([["hours", "50"], ["t CO2e", "75"]]);
  });
});

describe("onBudget: a negative budget is refused", () => {
  it("budget −100.00 with tolerance 5 % made the limit −105.00 (stricter than the budget) and read 'over budget, −4.00 EUR above'", () => {
    const p: ClosedProject = { id: "P", closedOn: isoDate("2026-03-01"), budget: money("-100", "EUR"), actualCost: money("-104", "EUR") };
    expect(firstIssuePath(() => onBudget([p], { tolerance: "0.05" }))).toEqual([0, "budget"]);
  });

  it("a zero budget is a budget: 0.00 spent is on budget, 0.01 over", () => {
    const p = (id: string, cost: string): ClosedProject => ({ id, closedOn: isoDate("2026-03-01"), budget: money("0", "EUR"), actualCost: money(cost, "EUR") });
    const r = onBudget([p("A", "0"), p("B", "0.01")], { tolerance: "0.05" });
    expect([r.met, r.notMet]).toEqual([["A"], ["B"]]);
  });
});

describe("portfolioHealth names the active projects it rated without a colour", () => {
  it("A green, B unrated, C red: 2 of 3 healthy (66.67 %) as defined, and `unrated` says B counted healthy with no colour", () => {
    // 1 − |red ∪ overdue ∪ critical| ÷ active = 1 − 1/3: B is in none of the three sets, so it is healthy by the
    // definition; `unrated` shows the figure leans on a project nobody has rated.
    const p = (id: string, colour?: "green" | "red") => ({ id, active: true, ...(colour ? { colour } : {}), plannedFinish: isoDate("2027-01-31"), openCriticalIssues: 0 });
    const h = portfolioHealth([p("A", "green"), p("B"), p("C", "red"), { ...p("D"), active: false }], { asOf: isoDate("2026-11-20") });
    expect([h.met, h.notMet, h.percent.value?.toFixed(2)]).toEqual([["A", "B"], ["C"], "66.67"]);
    expect(h.unrated).toEqual(["B"]);
  });
});

describe("errorBudget refuses more bad minutes than the window has", () => {
  it("2 000 bad minutes in a 1-day window (1 440) read 138 888.9 % consumed; now a ValidationError at [\"badMinutes\"]", () => {
    // By hand: budget (1 − 0.999) × 1 440 = 1.44 min; 2 000 ÷ 1.44 × 100 = 138 888.8…% — of a day that has 1 440 minutes.
    expect(firstIssuePath(() => errorBudget({ slo: "0.999", windowDays: 1, badMinutes: 2_000 }))).toEqual(["badMinutes"]);
    // The whole window bad is possible: 1 440 of 1 440, 100 000 % consumed.
    expect(errorBudget({ slo: "0.999", windowDays: 1, badMinutes: 1_440 }).consumedPercent.value?.toFixed()).toBe("100000");
  });
});
