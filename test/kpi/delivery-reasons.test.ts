import { describe, expect, it } from "vitest";
import { isoDate, money } from "../../src/index.js";
import { benefitsRealisation, onBudget, onTimeDelivery } from "../../src/kpi/index.js";

// Audit of the delivery KPIs: an empty denominator says why it is empty.

const eur = (a: string) => money(a, "EUR");
const y2026 = { from: isoDate("2026-01-01"), to: isoDate("2026-12-31") };

describe("on-time and on-budget %: projects closed but none measurable is not 'no data'", () => {
  // Two projects closed in 2026, neither with a baseline finish nor a budget (started before baselines were kept).
  const closed = [
    { id: "PRJ-A", closedOn: isoDate("2026-03-31"), actualFinish: isoDate("2026-03-20"), actualCost: eur("1000.00") },
    { id: "PRJ-B", closedOn: isoDate("2026-06-30"), actualFinish: isoDate("2026-06-01") },
  ];

  it("on-time: `no-baseline` naming the projects (was `no-data`, as if nothing had closed)", () => {
    const r = onTimeDelivery(closed, { period: y2026 });
    expect(r.percent).toEqual({
      reason: "no-baseline",
      detail: "2 projects closed in the period, none measurable: PRJ-A has no baseline finish; PRJ-B has no baseline finish",
    });
    expect(r.unmeasured).toEqual(["PRJ-A", "PRJ-B"]);
    expect(r.denominator).toBe(0);
  });

  it("on-budget: `no-baseline` naming the projects (was `no-data`)", () => {
    expect(onBudget(closed, { period: y2026 }).percent).toEqual({
      reason: "no-baseline",
      detail: "2 projects closed in the period, none measurable: PRJ-A has no budget; PRJ-B has no budget and no actual cost",
    });
  });

  it("closed with a baseline but no actual finish is `not-supplied` (what the office CLI's closed projects give)", () => {
    const noActual = [{ id: "PRJ-D", closedOn: isoDate("2026-05-31"), baselineFinish: isoDate("2026-05-15") }];
    expect(onTimeDelivery(noActual, { period: y2026 }).percent).toEqual({
      reason: "not-supplied",
      detail: "1 project closed in the period, none measurable: PRJ-D has no actual finish",
    });
  });

  it("nothing closed in the period is still `no-data`; one measurable project gives a figure", () => {
    expect(onTimeDelivery(closed, { period: { from: isoDate("2025-01-01"), to: isoDate("2025-12-31") } }).percent).toEqual({ reason: "no-data" });
    expect(onBudget([], { period: y2026 }).percent).toEqual({ reason: "no-data" });
    const one = [...closed, { id: "PRJ-C", closedOn: isoDate("2026-09-30"), baselineFinish: isoDate("2026-09-01"), actualFinish: isoDate("2026-09-02") }];
    // By hand: PRJ-C finished a day after its baseline: 0 on time of 1 measured → 0 %.
    expect(onTimeDelivery(one, { period: y2026 }).percent.value?.toString()).toBe("0");
  });
});

describe("benefits realisation: no benefit measured in the period is `no-data`, not `nothing-planned`", () => {
  it("an empty period says there is no measurement (was `nothing-planned`, as if the plan were zero)", () => {
    const b = [{ id: "BEN-1", date: isoDate("2027-03-31"), planned: eur("1000.00"), actual: eur("800.00") }];
    const none = benefitsRealisation({ monetary: b }, { currency: "EUR", period: y2026 });
    expect(none.monetary.percent).toEqual({ reason: "no-data", detail: "no monetary benefit measured in the period" });
    // A measured plan of zero is still `nothing-planned`; one of 1 000 with 800 realised is 80 % (by hand).
    const zero = [{ id: "BEN-0", date: isoDate("2026-06-30"), planned: eur("0.00"), actual: eur("50.00") }];
    expect(benefitsRealisation({ monetary: zero }, { currency: "EUR", period: y2026 }).monetary.percent).toEqual({ reason: "nothing-planned" });
    expect(benefitsRealisation({ monetary: b }, { currency: "EUR" }).monetary.percent.value?.toString()).toBe("80");
  });
});
