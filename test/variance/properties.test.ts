import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CostEntry, Decimal, WorkPackage } from "../../src/index.js";
import { earnedValue, rollUpEarnedValue } from "../../src/variance/index.js";
import { baselineOf, cost, pkg, week } from "./fixtures.js";

/* Invariants over random projects: 1–6 packages over weeks 1–4 of January 2027, random rules, progress and actuals. */

const RULES = [{ type: "percent-complete" }, { type: "50/50" }, { type: "0/100" }, { type: "level-of-effort" }, { type: "units", totalUnits: "10", unitName: "u" }];
const pkgArb = fc.record({
  rule: fc.integer({ min: 0, max: RULES.length - 1 }),
  first: fc.integer({ min: 1, max: 4 }),
  weeks: fc.integer({ min: 1, max: 4 }),
  cents: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 4, maxLength: 4 }),
  pct: fc.integer({ min: 0, max: 100 }),
  costs: fc.array(fc.record({ day: fc.integer({ min: 0, max: 40 }), cents: fc.integer({ min: -5_000, max: 3_000_000 }) }), { maxLength: 4 }),
});
const money = (c: number) => `${c < 0 ? "-" : ""}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, "0")}`;
const day = (d: number) => new Date(Date.UTC(2027, 0, 4 + d)).toISOString().slice(0, 10);

type Spec = { rule: number; first: number; weeks: number; cents: number[]; pct: number; costs: { day: number; cents: number }[] };

function build(specs: Spec[], projectId: string, offset = 0): { wps: WorkPackage[]; costs: CostEntry[] } {
  const wps = specs.map((s, i) => {
    const last = Math.min(4, s.first + s.weeks - 1);
    const slices = Array.from({ length: last - s.first + 1 }, (_, k) => week(s.first + k, money(s.cents[k] ?? 0)));
    const progress = RULES[s.rule]!.type === "units" ? [{ date: "2027-01-06", unitsComplete: String(s.pct / 10), started: true }] : [{ date: "2027-01-06", percentComplete: String(s.pct), started: true }];
    return pkg({ id: `w${offset + i}`, rule: RULES[s.rule], slices, progress }, projectId);
  });
  const costs = specs.flatMap((s, i) => s.costs.map((c) => cost(`w${offset + i}`, day(c.day), money(c.cents), "EUR", projectId)));
  return { wps, costs };
}

const statusArb = fc.integer({ min: -3, max: 40 }).map(day);
const cents = (m: { value?: { amount: { times(n: number): { toNumber(): number } } } | undefined }) => m.value?.amount.times(100).toNumber();
/** An amount exactly: a tiny CPI makes EAC ~4e17 cents, beyond a float's exact integers (a hunt found 540 vs 500). */
const amount = (m: { value?: { amount: Decimal } | undefined }): Decimal | undefined => m.value?.amount;
const same = (a: Decimal | undefined, b: Decimal | undefined) => expect(a?.toString()).toBe(b?.toString());

describe("earned-value invariants", () => {
  it("CV = EV − AC, SV = EV − PV, EAC = AC + ETC for every method, per package and per project", () => {
    fc.assert(fc.property(fc.array(pkgArb, { minLength: 1, maxLength: 6 }), statusArb, (specs, statusDate) => {
      const { wps, costs } = build(specs, "PRJ-T");
      const r = earnedValue({ project: { id: "PRJ-T" }, workPackages: wps, baselines: [baselineOf(wps)], costEntries: costs }, { statusDate });
      for (const f of [r.figures, ...r.packages.map((p) => p.figures)]) {
        same(amount(f.cv), amount(f.ev)!.minus(amount(f.ac)!));
        same(amount(f.sv), amount(f.ev)!.minus(amount(f.pv)!));
        for (const k of ["cpi", "budgetRate", "cpiSpi", "bottomUp", "earnedSchedule"] as const) {
          if (f.eac[k].value) same(amount(f.eac[k]), amount(f.ac)!.plus(amount(f.etc[k])!));
          else expect(f.etc[k].reason).toBe(f.eac[k].reason);
        }
      }
    }), { seed: 42, numRuns: 150 });
  });

  it("the roll-up of two projects equals the figures of one project holding all their packages", () => {
    fc.assert(fc.property(fc.array(pkgArb, { minLength: 1, maxLength: 4 }), fc.array(pkgArb, { minLength: 1, maxLength: 4 }), statusArb, (a, b, statusDate) => {
      const pa = build(a, "PRJ-A"), pb = build(b, "PRJ-B", 10), all = build([...a, ...b], "PRJ-M");
      const ev = (id: string, x: { wps: WorkPackage[]; costs: CostEntry[] }) => earnedValue({ project: { id }, workPackages: x.wps, baselines: [baselineOf(x.wps, 0, id)], costEntries: x.costs }, { statusDate });
      const up = rollUpEarnedValue([ev("PRJ-A", pa), ev("PRJ-B", pb)], { id: "pg", level: "programme" }).figures;
      const merged = ev("PRJ-M", all).figures;
      for (const k of ["bac", "pv", "ev", "ac", "sv", "cv"] as const) expect(cents(up[k])).toBe(cents(merged[k]));
      for (const k of ["spi", "cpi", "tcpiBac"] as const) expect(up[k].value?.toString() ?? up[k].reason).toBe(merged[k].value?.toString() ?? merged[k].reason);
      expect(cents(up.eac.cpi) ?? up.eac.cpi.reason).toBe(cents(merged.eac.cpi) ?? merged.eac.cpi.reason);
    }), { seed: 42, numRuns: 60 });
  });

  it("results do not depend on the order of packages or cost entries", () => {
    fc.assert(fc.property(fc.array(pkgArb, { minLength: 2, maxLength: 6 }), statusArb, (specs, statusDate) => {
      const { wps, costs } = build(specs, "PRJ-T");
      const run = (w: WorkPackage[], c: CostEntry[]) => {
        const r = earnedValue({ project: { id: "PRJ-T" }, workPackages: w, baselines: [baselineOf(w)], costEntries: c }, { statusDate });
        return JSON.stringify([r.figures, r.schedule, [...r.packages].sort((x, y) => (x.id < y.id ? -1 : 1))]);
      };
      expect(run([...wps].reverse(), [...costs].reverse())).toBe(run(wps, costs));
    }), { seed: 42, numRuns: 60 });
  });
});
