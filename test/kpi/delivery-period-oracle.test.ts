import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeFailureRate, isoDate, onTimeDelivery, slaBreachRate } from "../../src/index.js";

// An independent oracle for the period KPIs, from the reference's definitions (rollout-status-kpi.md §2), not from
// pmokit's code:
//   on-time delivery % = projects closed in the period with actual end ≤ baseline end + tolerance days
//                        ÷ projects closed in the period (with both dates)
//   change failure rate = failed changes ÷ changes in the period (DORA); SLA breach % = breached ÷ incidents in it.
// The period is inclusive at both ends; either end may be open. Each figure is compared as an exact fraction
// (numerator × 100 = percent × denominator) and must not depend on the order of the records.
const DAY = 86_400_000;
const base = Date.UTC(2026, 1, 1);
const day = (n: number) => new Date(base + n * DAY).toISOString().slice(0, 10);
const periodArb = fc.record({ from: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }), len: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }) });
const periodOf = (p: { from?: number | undefined; len?: number | undefined }) => {
  const from = p.from;
  const to = p.len === undefined ? undefined : (from ?? 0) + p.len;
  return { range: [from ?? -Infinity, to ?? Infinity] as const, period: { ...(from !== undefined ? { from: isoDate(day(from)) } : {}), ...(to !== undefined ? { to: isoDate(day(to)) } : {}) } };
};

describe("delivery and service KPIs over periods against an oracle", () => {
  it("on-time delivery % with a tolerance (calendar days across month ends and leap day 2028-02-29)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ closed: fc.integer({ min: 0, max: 120 }), baseline: fc.integer({ min: 700, max: 790 }), slip: fc.integer({ min: -10, max: 15 }) }), { maxLength: 12 }),
        periodArb,
        fc.integer({ min: 0, max: 10 }),
        (raw, p, tol) => {
          const { range, period } = periodOf(p);
          const projects = raw.map((r, i) => ({ id: `P-${i}`, closedOn: isoDate(day(r.closed)), baselineFinish: isoDate(day(r.baseline)), actualFinish: isoDate(day(r.baseline + r.slip)) }));
          const inside = raw.map((r, i) => ({ ...r, id: `P-${i}` })).filter((r) => r.closed >= range[0] && r.closed <= range[1]);
          const met = inside.filter((r) => r.slip <= tol).map((r) => r.id);
          for (const list of [projects, [...projects].reverse()]) {
            const k = onTimeDelivery(list, { period, toleranceDays: tol });
            expect([...k.met].sort()).toEqual([...met].sort());
            expect(k.denominator).toBe(inside.length);
            if (inside.length === 0) expect(k.percent.value).toBeUndefined();
            else expect(k.percent.value!.times(inside.length).toDecimalPlaces(20).toNumber()).toBe(met.length * 100);
          }
        },
      ),
      { numRuns: 400, seed: 22 },
    );
  });

  it("change failure rate and SLA breach % count the records of the period only", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ d: fc.integer({ min: 0, max: 120 }), bad: fc.boolean() }), { maxLength: 15 }), periodArb, (raw, p) => {
        const { range, period } = periodOf(p);
        const inside = raw.map((r, i) => ({ ...r, id: `X-${i}` })).filter((r) => r.d >= range[0] && r.d <= range[1]);
        const failed = inside.filter((r) => r.bad).map((r) => r.id).sort();
        const cfr = changeFailureRate(raw.map((r, i) => ({ id: `X-${i}`, date: isoDate(day(r.d)), failed: r.bad })), { period });
        const sla = slaBreachRate(raw.map((r, i) => ({ id: `X-${i}`, date: isoDate(day(r.d)), breached: r.bad })).reverse(), { period });
        for (const k of [cfr, sla]) {
          expect([...k.met].sort()).toEqual(failed);
          expect(k.denominator).toBe(inside.length);
          if (inside.length > 0) expect(k.percent.value!.times(inside.length).toDecimalPlaces(20).toNumber()).toBe(failed.length * 100);
        }
      }),
      { numRuns: 400, seed: 22 },
    );
  });
});
