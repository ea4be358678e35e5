import { describe, expect, it } from "vitest";
import { isoDate, money } from "../../src/index.js";
import { onBudget, onTimeDelivery } from "../../src/kpi/index.js";

// The delivery KPIs listed which projects were on time / on budget, not why: each project now carries its check with
// the figures that decided it (the rule), as RAG colours and scores carry theirs.

const eur = (a: string) => money(a, "EUR");

describe("onTimeDelivery: each project's check, with its figures", () => {
  it("baseline + tolerance is the limit; a project past it is late by its days past the baseline", () => {
    // PRJ-A: baseline 5 March + 5 days = 10 March; finished 10 March → on time (≤).
    // PRJ-B: baseline 5 March + 5 days = 10 March; finished 12 March → late, 7 days after its baseline.
    // PRJ-C: no baseline finish → not measured.
    const r = onTimeDelivery(
      [
        { id: "PRJ-A", closedOn: isoDate("2026-03-20"), baselineFinish: isoDate("2026-03-05"), actualFinish: isoDate("2026-03-10") },
        { id: "PRJ-B", closedOn: isoDate("2026-03-20"), baselineFinish: isoDate("2026-03-05"), actualFinish: isoDate("2026-03-12") },
        { id: "PRJ-C", closedOn: isoDate("2026-03-20"), actualFinish: isoDate("2026-03-12") },
      ],
      { toleranceDays: 5 },
    );
    expect(r.percent.value?.toFixed()).toBe("50");
    expect(r.checks).toEqual([
      { id: "PRJ-A", met: true, rule: "PRJ-A: finished 2026-03-10 ≤ 2026-03-10 (baseline 2026-03-05 + 5 days): on time" },
      { id: "PRJ-B", met: false, rule: "PRJ-B: finished 2026-03-12 > 2026-03-10 (baseline 2026-03-05 + 5 days): late, 7 days after the baseline" },
      { id: "PRJ-C", met: undefined, rule: "PRJ-C: no baseline finish: not measured" },
    ]);
  });
});

describe("onBudget: each project's check, with its exact limit", () => {
  it("1 000.10 EUR × 1.05 = 1 050.105 EUR: 1 050.10 is on budget, 1 050.11 over (a limit rounded to cents, 1 050.11, would pass it)", () => {
    const r = onBudget(
      [
        { id: "PRJ-A", closedOn: isoDate("2026-03-20"), budget: eur("1000.10"), actualCost: eur("1050.10") },
        { id: "PRJ-B", closedOn: isoDate("2026-03-20"), budget: eur("1000.10"), actualCost: eur("1050.11") },
        { id: "PRJ-C", closedOn: isoDate("2026-03-20"), budget: eur("500.00") },
      ],
      { tolerance: "0.05" },
    );
    expect(r.met).toEqual(["PRJ-A"]);
    expect(r.checks).toEqual([
      { id: "PRJ-A", met: true, rule: "PRJ-A: actual cost 1050.10 EUR ≤ 1050.105 EUR (budget 1000.10 EUR × 1.05): on budget" },
      { id: "PRJ-B", met: false, rule: "PRJ-B: actual cost 1050.11 EUR > 1050.105 EUR (budget 1000.10 EUR × 1.05): over budget, 50.01 EUR above the budget" },
      { id: "PRJ-C", met: undefined, rule: "PRJ-C: no actual cost: not measured" },
    ]);
  });
});
