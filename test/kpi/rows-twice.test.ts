import { describe, expect, it } from "vitest";
import { isoDate, money } from "../../src/index.js";
import { benefitsRealisation, onBudget, resourceUtilisation } from "../../src/kpi/index.js";
import { firstIssuePath, validationErrorOf } from "../support/errors.js";

// KPIs over rows keyed by (who, day): the same row given twice was summed twice, and a bad tolerance had no path.

const d = isoDate("2026-11-02");
const eur = (x: string) => money(x, "EUR");

describe("resourceUtilisation refuses a resource's day given twice", () => {
  // R1 on 2 Nov: capacity 8, allocated 6 → committed 6 ÷ 8 = 75 %. Given twice (an export that repeats a row) it
  // read 12 ÷ 16 = 75 % but 4 h available became 4 + 4 = 8 h; with R2 beside it the overall figure moved too:
  // R2 8 h capacity, 8 h allocated → true overall (6 + 8) ÷ (8 + 8) = 87.5 %, with R1 twice (12 + 8) ÷ 24 = 83.33 %.
  const r1 = { resourceId: "R1", date: d, capacityHours: 8, allocatedHours: 6 };
  const r2 = { resourceId: "R2", date: d, capacityHours: 8, allocatedHours: 8 };

  it("names the repeated row at its path", () => {
    const e = validationErrorOf(() => resourceUtilisation([r1, r2, r1]));
    expect(e.issues.map((i) => i.path)).toEqual([[2, "date"]]);
    expect(e.issues[0]!.message).toMatch(/R1.*2026-11-02.*twice/);
    expect(resourceUtilisation([r1, r2]).overall.committedPercent.value!.toFixed()).toBe("87.5");
    expect(resourceUtilisation([r1, r2]).byResource["R1"]!.availableHours.toFixed()).toBe("2");
  });

  it("the same resource on two days, and two resources on one day, are fine", () => {
    const r = resourceUtilisation([r1, { ...r1, date: isoDate("2026-11-03") }, r2]);
    // R1: (6 + 6) ÷ (8 + 8) = 75 %.
    expect(r.byResource["R1"]!.committedPercent.value!.toFixed()).toBe("75");
  });

  it("a resource id that is not a string is refused at its path (it would be a key of the result)", () => {
    expect(firstIssuePath(() => resourceUtilisation([r1, { ...r2, resourceId: 7 as unknown as string }]))).toEqual([1, "resourceId"]);
  });

  it("a duplicate outside the period is still refused (the input must not change meaning with the period)", () => {
    const old = { ...r1, date: isoDate("2026-10-01") };
    expect(firstIssuePath(() => resourceUtilisation([old, old], { period: { from: d } }))).toEqual([1, "date"]);
  });
});

describe("benefitsRealisation refuses a benefit measured twice on one day", () => {
  // B1 planned 100, actual 80 on 2027-01-31 → 80 %. B2 planned 100, actual 100 → overall 180 ÷ 200 = 90 %.
  // With B1's row twice: 260 ÷ 300 = 86.67 %.
  const b1 = { id: "B1", date: isoDate("2027-01-31"), planned: eur("100"), actual: eur("80") };
  const b2 = { id: "B2", date: isoDate("2027-01-31"), planned: eur("100"), actual: eur("100") };

  it("monetary: names the repeated row at its path", () => {
    const e = validationErrorOf(() => benefitsRealisation({ monetary: [b1, b2, b1] }, { currency: "EUR" }));
    expect(e.issues.map((i) => i.path)).toEqual([["monetary", 2, "date"]]);
    expect(e.issues[0]!.message).toMatch(/B1.*2027-01-31.*twice/);
    expect(benefitsRealisation({ monetary: [b1, b2] }, { currency: "EUR" }).monetary.percent.value!.toFixed()).toBe("90");
  });

  it("the same benefit measured in two months is two measurements, summed", () => {
    const r = benefitsRealisation({ monetary: [b1, { ...b1, date: isoDate("2027-02-28") }] }, { currency: "EUR" });
    // (80 + 80) ÷ (100 + 100) = 80 %.
    expect(r.monetary.percent.value!.toFixed()).toBe("80");
    expect(r.monetary.planned.amount.toFixed()).toBe("200");
  });

  it("non-monetary: a benefit's day twice is refused at its path; ids are strings", () => {
    const h = { id: "H1", date: isoDate("2027-01-31"), unit: "hours", planned: 10, actual: 5 };
    expect(firstIssuePath(() => benefitsRealisation({ nonMonetary: [h, h] }, { currency: "EUR" }))).toEqual(["nonMonetary", 1, "date"]);
    expect(firstIssuePath(() => benefitsRealisation({ nonMonetary: [{ ...h, id: 1 as unknown as string }] }, { currency: "EUR" }))).toEqual(["nonMonetary", 0, "id"]);
  });
});

describe("onBudget: a tolerance that is not a decimal names the option", () => {
  it("'five percent' is refused at ['tolerance'] with the decimal's explanation", () => {
    const p = { id: "PRJ-A", closedOn: d, budget: eur("100"), actualCost: eur("104") };
    const e = validationErrorOf(() => onBudget([p], { tolerance: "5%" }));
    expect(e.issues.map((i) => i.path)).toEqual([["tolerance"]]);
    expect(e.issues[0]!.message).toMatch(/"5%" is not a decimal number/);
    // 104 ≤ 100 × 1.05 = 105 → on budget.
    expect(onBudget([p], { tolerance: "0.05" }).percent.value!.toFixed()).toBe("100");
  });
});
