import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { earnedValue } from "../../src/variance/index.js";
import { cost, pkg, project, week } from "./fixtures.js";

/* Invariants behind the issue 12 conventions, over random projects in weeks 1–4 of January 2027 (W1 starts Monday 01-04). */

const specArb = fc.array(fc.record({
  first: fc.integer({ min: 1, max: 4 }), weeks: fc.integer({ min: 1, max: 3 }),
  cents: fc.integer({ min: 100, max: 5_000_000 }), pct: fc.integer({ min: 0, max: 100 }), rule: fc.constantFrom("percent-complete", "50/50", "level-of-effort"),
}), { minLength: 1, maxLength: 5 });
const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;
const day = (d: number) => new Date(Date.UTC(2027, 0, 4 + d)).toISOString().slice(0, 10);

function input(specs: { first: number; weeks: number; cents: number; pct: number; rule: string }[], costs: { day: number; cents: number }[]) {
  const wps = specs.map((s, i) => pkg({
    id: `w${i}`, rule: { type: s.rule },
    slices: Array.from({ length: Math.min(4, s.first + s.weeks - 1) - s.first + 1 }, (_, k) => week(s.first + k, money(s.cents))),
    progress: [{ date: day(7 * (s.first - 1) + 2), percentComplete: String(s.pct), started: true }],
  }));
  return project(wps, costs.map((c, k) => cost(`w${k % wps.length}`, day(c.day), money(c.cents))));
}

describe("issue 12 conventions: invariants", () => {
  it("before the baseline start every index is before-start, whatever was booked early", () => {
    fc.assert(fc.property(specArb, fc.array(fc.record({ day: fc.integer({ min: -20, max: 30 }), cents: fc.integer({ min: 1, max: 900_000 }) }), { maxLength: 4 }), fc.integer({ min: 1, max: 10 }), (specs, costs, before) => {
      const start = 7 * (Math.min(...specs.map((s) => s.first)) - 1);
      const r = earnedValue(input(specs, [...costs, { day: start - before, cents: 100 }]), { statusDate: day(start - before) });
      const f = r.figures, s = r.schedule;
      const reasons = [f.spi, f.cpi, f.csi, f.svPercent, f.cvPercent, f.tcpiBac, f.tcpiEac, f.eac.cpi, f.eac.cpiSpi, f.eac.earnedSchedule, s.spiT, s.tspi, s.tspiEd, s.pFactor].map((m) => m.reason);
      expect(new Set(reasons)).toEqual(new Set(["before-start"]));
      expect(f.ac.value!.amount.gt(0)).toBe(true);
    }), { numRuns: 60 });
  });

  it("on a weekly grid of five working days from a Monday start, periods are working days ÷ 5: SPI(t) agrees, SV(t) scales", () => {
    fc.assert(fc.property(specArb, fc.integer({ min: 0, max: 27 }), (specs, d) => {
      const i = input(specs, []);
      const days = earnedValue(i, { statusDate: day(d) }).schedule;
      const periods = earnedValue(i, { statusDate: day(d), policy: { timeUnit: "periods" } }).schedule;
      // Equal to 20 decimals (each side is a 34-digit quotient of its own).
      const same = (a: { times(n: number): { toFixed(p: number): string } } | undefined, b: { toFixed(p: number): string } | undefined) => expect(a?.times(5).toFixed(20)).toBe(b?.toFixed(20));
      same(periods.es.value, days.es.value);
      same(periods.pd.value, days.pd.value);
      same(periods.svT.value, days.svT.value);
      if (days.spiT.value) expect(periods.spiT.value?.toFixed(20)).toBe(days.spiT.value.toFixed(20));
    }), { numRuns: 60 });
  });
});
