import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, isoDate, money, negateMoney, multiplyMoney } from "../../src/core/index.js";
import {
  benefitsRealisation, burnRate, changeFailureRate, csat, errorBudget, onBudget, onTimeDelivery, portfolioHealth, portfolioVariance,
  requestErrorBudget, resourceUtilisation, slaBreachRate,
} from "../../src/kpi/index.js";
import { expectedMonetaryValue, riskScore } from "../../src/status/index.js";
import { centsAmount, nonNegCents } from "./arbitraries.js";
import { expectClean } from "./walk.js";

/* KPIs and risk scoring over empty lists, zero capacity, zero plans and zero probabilities. */

const RUNS = { seed: 11, numRuns: 120 };
const day = fc.constantFrom("2026-01-01", "2026-06-30", "2026-12-31").map(isoDate);
const eur = (a: string) => money(a, "EUR");

describe("KPIs: figures or reasons", () => {
  it("delivery KPIs over empty and single-item lists, zero budgets and zero plans", () => {
    // Ids unique per list: the ratio KPIs refuse an id given twice (it would count twice).
    const closed = fc.uniqueArray(fc.record({ id: fc.constantFrom("a", "b", "c"), closedOn: day, baselineFinish: day, actualFinish: day, budget: nonNegCents.map(eur), actualCost: nonNegCents.map(eur) }), { selector: (p) => p.id, maxLength: 3 });
    // One measurement per benefit and day: a day given twice is refused (it would count twice).
    const benefit = fc.uniqueArray(fc.record({ id: fc.constant("b"), date: day, planned: centsAmount.map(eur), actual: centsAmount.map(eur) }), { selector: (b) => b.date, maxLength: 3 });
    const other = fc.uniqueArray(fc.record({ id: fc.constant("n"), date: day, unit: fc.constantFrom("h", "t"), planned: centsAmount, actual: centsAmount }), { selector: (b) => b.date, maxLength: 3 });
    fc.assert(fc.property(closed, benefit, other, (c, m, n) => {
      expectClean(onTimeDelivery(c));
      expectClean(onBudget(c, { tolerance: "0" }));
      expectClean(benefitsRealisation({ monetary: m, nonMonetary: n }, { currency: "EUR" }));
    }), RUNS);
  });

  it("portfolio KPIs with PV = 0, EV = 0, zero capacity", () => {
    const evs = fc.uniqueArray(fc.record({ id: fc.constantFrom("p", "q", "r"), statusDate: day, pv: centsAmount.map(eur), ev: centsAmount.map(eur), ac: centsAmount.map(eur) }), { selector: (p) => p.id, maxLength: 3 });
    // One row per resource and day (a repeated row is refused: it would count twice).
    const hours = fc.uniqueArray(fc.record({ resourceId: fc.constantFrom("r", "s"), date: day, capacityHours: fc.constantFrom("0", "8", "0.5"), allocatedHours: fc.constantFrom("0", "8", "12.25"), actualHours: fc.constantFrom("0", "3") }), { selector: (h) => `${h.resourceId} ${h.date}`, maxLength: 3 });
    const health = fc.uniqueArray(fc.record({ id: fc.constantFrom("p", "q", "r"), active: fc.boolean(), colour: fc.constantFrom("green" as const, "amber" as const, "red" as const), plannedFinish: day, openCriticalIssues: fc.integer({ min: 0, max: 2 }) }), { selector: (p) => p.id, maxLength: 3 });
    fc.assert(fc.property(evs, hours, health, day, (e, h, p, asOf) => {
      expectClean(portfolioVariance(e, { currency: "EUR" }));
      expectClean(resourceUtilisation(h));
      expectClean(portfolioHealth(p, { asOf }));
    }), RUNS);
  });

  it("a zero variance over a negative EV or PV is plain 0, not −0 (the property's counterexample at 15× its runs)", () => {
    // EV = AC = −999,999,999,999,999,999,999,999,999,999.99 (reversals), PV 0: CV = 0, CV% = 0 × 100 ÷ EV = −0 before.
    const big = eur("-999999999999999999999999999999.99");
    const v = portfolioVariance([{ id: "p", statusDate: isoDate("2026-01-01"), pv: eur("0"), ev: big, ac: big }], { currency: "EUR" });
    expect([v.cvPercent.value?.isNeg(), v.cvPercent.value?.toFixed(), v.svPercent.reason]).toEqual([false, "0", "pv-is-zero"]);
    const w = portfolioVariance([{ id: "p", statusDate: isoDate("2026-01-01"), pv: eur("-5"), ev: eur("-5"), ac: eur("0") }], { currency: "EUR" });
    expect([w.svPercent.value?.isNeg(), w.svPercent.value?.toFixed()]).toEqual([false, "0"]);
    expectClean(v);
  });

  it("service KPIs with no events, no responses, all bad", () => {
    const n = fc.integer({ min: 0, max: 5 });
    fc.assert(fc.property(n, n, fc.uniqueArray(fc.record({ id: fc.constantFrom("c", "d", "e"), date: day, failed: fc.boolean() }), { selector: (c) => c.id, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }), (a, b, changes, ratings) => {
      const total = Math.max(a, b), good = Math.min(a, b);
      expectClean(changeFailureRate(changes));
      expectClean(slaBreachRate(changes.map((c) => ({ id: c.id, date: c.date, breached: c.failed }))));
      expectClean(csat(ratings.map((rating) => ({ date: isoDate("2026-01-01"), rating }))));
      expectClean(errorBudget({ slo: "0.999", windowDays: 30, badMinutes: good }));
      expectClean(requestErrorBudget({ slo: "0.5", good, total }));
      expectClean(burnRate([{ date: isoDate("2026-01-01"), total, bad: total - good }], { slo: "0.99" }));
    }), RUNS);
  });
});

describe("risk scoring: rating with its rule, EMV as money", () => {
  it("every score carries its explanation; EMV is money, never −0", () => {
    const p = fc.constantFrom("0", "0.0", "0.05", "0.5", "1", "1.0");
    fc.assert(fc.property(p, fc.integer({ min: 1, max: 5 }), centsAmount, (prob, impact, cost) => {
      const s = riskScore({ id: "R", probability: decimal(prob), impact });
      expectClean(s);
      expect(s.explanation).toContain(`= ${s.score}`);
      expectClean(expectedMonetaryValue({ probability: decimal(prob), costImpact: eur(cost) }));
    }), RUNS);
  });

  it("an opportunity (negative cost impact) at probability 0 has EMV plain 0: −5.00 × 0 is 0, not −0", () => {
    const emv = expectedMonetaryValue({ probability: decimal("0"), costImpact: eur("-5.00") }).value!;
    expect(emv.amount.isNeg()).toBe(false);
    expect(multiplyMoney(eur("-5.00"), 0).amount.isNeg()).toBe(false);
    expect(negateMoney(eur("0")).amount.isNeg()).toBe(false);
  });

  it("a probability outside 0–1 is refused, not scored in band 0 (p 1.5 used to give band 0 and score 0)", () => {
    expect(() => riskScore({ id: "R", probability: decimal("1.5"), impact: 3 })).toThrow(/probability/);
    expect(() => riskScore({ id: "R", probability: decimal("-0.1"), impact: 3 })).toThrow(/probability/);
    expect(() => expectedMonetaryValue({ probability: decimal("1.5"), costImpact: eur("10") })).toThrow(/probability/);
  });
});
