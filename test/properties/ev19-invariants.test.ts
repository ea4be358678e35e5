import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, npv, xirr, xnpv, type Decimal } from "../../src/index.js";
import { earnedValue, rollUpEarnedValue } from "../../src/variance/index.js";
import { baselineOf, cost, pkg, week } from "../variance/fixtures.js";

/*
 * ev19 hunt: the defining identities of earned value and finance over random inputs.
 * - CV = EV − AC and SV = EV − PV to the cent; CPI · AC = EV and SPI · PV = EV to 34 significant digits (CPI and SPI
 *   are 34-digit quotients: EV / AC = 1 / 3 cannot be held exactly, so the product is EV within one unit in the 34th
 *   digit, and exactly EV once rounded to the cent).
 * - A roll-up's BAC, PV, EV, AC (and EAC₅ when every child has one) are the sums of its children's.
 * - ES is monotone in EV: more work done by the same status date never reads an earlier earned schedule.
 * - XNPV at XIRR is 0 (to ~1e-20 of the flows), NPV at rate 0 is the plain sum under both conventions.
 */
const cents = (c: number) => `${c < 0 ? "-" : ""}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, "0")}`;
const day = (d: number) => new Date(Date.UTC(2027, 0, 4 + d)).toISOString().slice(0, 10);
const specArb = fc.record({
  weeks: fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 1, maxLength: 4 }),
  pct: fc.integer({ min: 0, max: 100 }),
  costs: fc.array(fc.record({ day: fc.integer({ min: 0, max: 30 }), cents: fc.integer({ min: 1, max: 3_000_000 }) }), { maxLength: 3 }),
});
type Spec = { weeks: number[]; pct: number; costs: { day: number; cents: number }[] };
const build = (specs: Spec[], projectId: string) => {
  const wps = specs.map((s, i) => pkg({ id: `w${i}`, rule: { type: "percent-complete" }, slices: s.weeks.map((c, k) => week(k + 1, cents(c))), progress: [{ date: "2027-01-06", percentComplete: String(s.pct) }] }, projectId));
  const costs = specs.flatMap((s, i) => s.costs.map((c) => cost(`w${i}`, day(c.day), cents(c.cents), "EUR", projectId)));
  return { project: { id: projectId }, workPackages: wps, baselines: [baselineOf(wps, 0, projectId)], costEntries: costs };
};
const amount = (m: { value?: { amount: Decimal } | undefined }) => m.value!.amount;

describe("earned value identities", () => {
  it("CV = EV − AC, SV = EV − PV exactly; CPI · AC = EV and SPI · PV = EV to 34 digits, exactly at the cent", () => {
    fc.assert(fc.property(fc.array(specArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 30 }), (specs, d) => {
      const r = earnedValue(build(specs, "PRJ-T"), { statusDate: day(d) });
      for (const f of [r.figures, ...r.packages.map((p) => p.figures)]) {
        const [ev, ac, pv] = [amount(f.ev), amount(f.ac), amount(f.pv)];
        expect(amount(f.cv).eq(ev.minus(ac))).toBe(true);
        expect(amount(f.sv).eq(ev.minus(pv))).toBe(true);
        for (const [idx, base] of [[f.cpi.value, ac], [f.spi.value, pv]] as const) {
          if (!idx) continue;
          const back = idx.times(base);
          expect(back.toDecimalPlaces(2).eq(ev)).toBe(true);
          expect(back.minus(ev).abs().lte(ev.abs().times("1e-33"))).toBe(true);
        }
      }
    }), { seed: 19, numRuns: 150 });
  });

  it("a roll-up's BAC, PV, EV, AC and EAC₅ are the sums of its children's", () => {
    fc.assert(fc.property(fc.array(fc.array(specArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 30 }), (projects, d) => {
      const children = projects.map((specs, i) => earnedValue(build(specs, `PRJ-${i}`), { statusDate: day(d) }));
      const up = rollUpEarnedValue(children, { id: "pg", level: "programme" }).figures;
      for (const k of ["bac", "pv", "ev", "ac"] as const) {
        expect(amount(up[k]).eq(children.reduce((s, c) => s.plus(amount(c.figures[k])), decimal(0)))).toBe(true);
      }
      if (children.every((c) => c.figures.eac.earnedSchedule.value)) {
        expect(amount(up.eac.earnedSchedule).eq(children.reduce((s, c) => s.plus(amount(c.figures.eac.earnedSchedule)), decimal(0)))).toBe(true);
      } else expect(up.eac.earnedSchedule.value).toBeUndefined();
    }), { seed: 19, numRuns: 80 });
  });

  it("ES is monotone in EV: a higher percent complete on the same plan and status date never reads an earlier ES", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 }),
      fc.constantFrom("working-days" as const, "periods" as const), fc.constantFrom("calendar-days" as const, "working-days" as const), (w, a, b, d, timeUnit, spread) => {
        const es = (pct: number) => earnedValue(build([{ weeks: w, pct, costs: [] }], "PRJ-T"), { statusDate: day(d), policy: { timeUnit, spread } }).schedule.es;
        const [lo, hi] = [es(Math.min(a, b)), es(Math.max(a, b))];
        if (lo.value && hi.value) expect(hi.value.gte(lo.value)).toBe(true);
        else expect(lo.reason ?? hi.reason).toBeDefined();
      }), { seed: 19, numRuns: 150 });
  });
});

describe("finance identities", () => {
  const flowArb = fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 12 });

  it("NPV at rate 0 is the plain sum, under both conventions", () => {
    fc.assert(fc.property(flowArb, (flows) => {
      const sum = flows.reduce((s, f) => s + f, 0);
      for (const convention of ["excel", "t0"] as const) expect(npv("0", flows.map(String), { convention }).value!.eq(sum)).toBe(true);
    }), { seed: 19, numRuns: 200 });
  });

  it("XNPV at XIRR is 0 within 1e-20 of the largest flow", () => {
    // An outlay on the first day, then inflows on later days: one sign change, one root.
    const arb = fc.record({ out: fc.integer({ min: 1_000, max: 1_000_000 }), ins: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 400 }), amount: fc.integer({ min: 1, max: 1_000_000 }) }), { minLength: 1, maxLength: 8 }) });
    fc.assert(fc.property(arb, ({ out, ins }) => {
      let t = 0;
      const flows = [{ date: day(0), amount: String(-out) }, ...ins.map((f) => ({ date: day((t += f.gap)), amount: String(f.amount) }))];
      const r = xirr(flows);
      if (!r.value) return; // no root in the search range (e.g. a rate above 10,000 %): reported, not a figure
      const scale = Math.max(out, ...ins.map((f) => f.amount));
      expect(xnpv(r.value, flows).value!.abs().lte(decimal(scale).times("1e-20"))).toBe(true);
    }), { seed: 19, numRuns: 40 });
  });
});
