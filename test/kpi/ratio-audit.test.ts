import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDate, money } from "../../src/index.js";
import { changeFailureRate, kpiRatio, onBudget, onTimeDelivery, portfolioHealth, slaBreachRate } from "../../src/kpi/index.js";
import { firstIssuePath, validationErrorOf } from "../support/errors.js";

// Audit of the ratio KPIs (x ÷ records in the period). A record listed twice was counted twice, and a flag given as
// the string "false" is truthy — both gave a wrong percentage instead of a ValidationError.

const d = isoDate("2026-11-02");
const eur = (x: string) => money(x, "EUR");

describe("ratio KPIs refuse a record id given twice (was counted twice)", () => {
  it("changeFailureRate: CHG-1 (failed) twice and CHG-2 (ok) gave 2 ÷ 3 = 66.67 % instead of 1 ÷ 2 = 50 %", () => {
    const changes = [
      { id: "CHG-1", date: d, failed: true },
      { id: "CHG-2", date: d, failed: false },
      { id: "CHG-1", date: d, failed: true },
    ];
    const e = validationErrorOf(() => changeFailureRate(changes));
    expect(e.issues.map((i) => i.path)).toEqual([[2, "id"]]);
    expect(e.issues[0]!.message).toMatch(/listed twice/);
    // Without the duplicate: DORA CFR = failed ÷ deployments = 1 ÷ 2.
    expect(changeFailureRate(changes.slice(0, 2)).percent.value!.toFixed()).toBe("50");
  });

  it("slaBreachRate, onTimeDelivery, onBudget and portfolioHealth refuse duplicates at their path", () => {
    expect(firstIssuePath(() => slaBreachRate([{ id: "INC-1", date: d, breached: true }, { id: "INC-1", date: d, breached: true }]))).toEqual([1, "id"]);
    const p = { id: "PRJ-A", closedOn: d, baselineFinish: d, actualFinish: d, budget: eur("10"), actualCost: eur("10") };
    expect(firstIssuePath(() => onTimeDelivery([p, { ...p, id: "PRJ-B" }, p]))).toEqual([2, "id"]);
    expect(firstIssuePath(() => onBudget([p, p]))).toEqual([1, "id"]);
    const h = { id: "PRJ-A", active: true, plannedFinish: isoDate("2027-01-01"), openCriticalIssues: 0 };
    expect(firstIssuePath(() => portfolioHealth([h, { ...h, id: "PRJ-B", colour: "red" as const }, h], { asOf: d }))).toEqual([2, "id"]);
  });

  it("a duplicate outside the period is still refused (the same input must not change meaning with the period)", () => {
    const changes = [{ id: "CHG-1", date: isoDate("2025-01-01"), failed: true }, { id: "CHG-1", date: d, failed: true }];
    expect(firstIssuePath(() => changeFailureRate(changes, { period: { from: isoDate("2026-01-01") } }))).toEqual([1, "id"]);
  });

  it("an id \"__proto__\" is an ordinary id", () => {
    // 1 failed of 2 → 50 %.
    const r = changeFailureRate([{ id: "__proto__", date: d, failed: true }, { id: "constructor", date: d, failed: false }]);
    expect([r.percent.value!.toFixed(), r.met, r.notMet]).toEqual(["50", ["__proto__"], ["constructor"]]);
  });
});

describe("ratio KPIs refuse flags and fields of the wrong type (was a silently wrong figure)", () => {
  it("failed / breached must be booleans: \"false\" counted as failed (100 % CFR for a successful change)", () => {
    expect(firstIssuePath(() => changeFailureRate([{ id: "CHG-1", date: d, failed: "false" as never }]))).toEqual([0, "failed"]);
    expect(firstIssuePath(() => slaBreachRate([{ id: "INC-1", date: d, breached: 1 as never }]))).toEqual([0, "breached"]);
    expect(firstIssuePath(() => changeFailureRate([{ id: 7 as never, date: d, failed: true }]))).toEqual([0, "id"]);
  });

  it("portfolioHealth: colour \"Red\", openCriticalIssues NaN and active \"false\" gave 100 % healthy", () => {
    const h = { id: "PRJ-A", active: true, plannedFinish: isoDate("2027-01-01"), openCriticalIssues: 0 };
    expect(firstIssuePath(() => portfolioHealth([{ ...h, colour: "Red" as never }], { asOf: d }))).toEqual([0, "colour"]);
    expect(firstIssuePath(() => portfolioHealth([{ ...h, openCriticalIssues: Number.NaN }], { asOf: d }))).toEqual([0, "openCriticalIssues"]);
    expect(firstIssuePath(() => portfolioHealth([{ ...h, openCriticalIssues: -1 }], { asOf: d }))).toEqual([0, "openCriticalIssues"]);
    expect(firstIssuePath(() => portfolioHealth([{ ...h, active: "false" as never }], { asOf: d }))).toEqual([0, "active"]);
    // Valid: one red of two active → 1 − 1 ÷ 2 = 50 %.
    expect(portfolioHealth([h, { ...h, id: "PRJ-B", colour: "red" }], { asOf: d }).percent.value!.toFixed()).toBe("50");
  });
});

describe("ratio KPIs do not depend on input order (property)", () => {
  it("changeFailureRate: same percentage and same id sets for any order", () => {
    const arb = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), failed: fc.boolean() }), { selector: (c) => c.id, maxLength: 12 });
    fc.assert(
      fc.property(arb.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))), ([cs, shuffled]) => {
        const a = changeFailureRate(cs.map((c) => ({ ...c, date: d })));
        const b = changeFailureRate(shuffled.map((c) => ({ ...c, date: d })));
        expect(b.percent).toEqual(a.percent);
        expect([...b.met].sort()).toEqual([...a.met].sort());
        // The rate is failed ÷ all, exactly.
        if (cs.length > 0) expect(a.percent.value!.times(cs.length).toDecimalPlaces(20).eq(cs.filter((c) => c.failed).length * 100)).toBe(true);
      }),
      { seed: 21, numRuns: 200 },
    );
  });
});

describe("kpiRatio refuses an id in both lists or twice in one (it would count twice)", () => {
  it("[\"A\"] met and [\"A\", \"B\"] not met read 1 of 3 = 33.33 %; now a ValidationError at [\"notMet\", 0]", () => {
    expect(firstIssuePath(() => kpiRatio(["A"], ["A", "B"]))).toEqual(["notMet", 0]);
    expect(firstIssuePath(() => kpiRatio(["A", "A"], []))).toEqual(["met", 1]);
    // By hand: 1 of 2 = 50 %.
    expect(kpiRatio(["A"], ["B"]).percent.value?.toString()).toBe("50");
  });
});
