import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PmoDecimal } from "../../src/index.js";
import { compileEarnedValue, earnedValue, earnedValueSeries, evaluatePortfolio, forecastRange } from "../../src/variance/index.js";
import { oracle, q, rhe, type Exp, type OProject } from "./ev22-oracle.js";
import { DAY0, actual, agrees, build, get, iso, projectArb, show, type Gen } from "./ev23-build.js";
import { rangeOracle, rollUpOracleWithout } from "./ev23-oracle.js";

/*
 * Audit ev23: roll-ups with projects without a baseline, forecastRange and earnedValueSeries against the exact
 * oracle of ev22 (./ev23-oracle.ts), on ev22's random projects.
 */

const statusArb = fc.integer({ min: -8, max: 80 });
const runs = (n: number) => Number(process.env.EV22_RUNS ?? n);
const cents = (m: { amount: { toFixed(dp: number): string } } | undefined) => (m === undefined ? undefined : BigInt(m.amount.toFixed(2).replace(".", "")));

/** The project without its baseline: the oracle's packages carry no budget, pmokit's input no baseline. */
function withoutBaseline(b: ReturnType<typeof build>) {
  const P: OProject = { ...b.P, packages: b.P.packages.map((p) => ({ ...p, inBaseline: false })) };
  return { P, input: { ...b.input, baselines: [] }, options: b.options };
}

/** Period ends of the project's grid from `lo` to `hi` (the oracle's own walk: Sundays, month ends, or the list). */
function gridEnds(P: OProject, lo: number, hi: number): number[] {
  if (typeof P.grid === "object") return P.grid.filter((e) => e >= lo && e <= hi);
  const out: number[] = [];
  for (let d = lo; d <= hi; d++) {
    const next = new Date((d + 1) * 86400000);
    if (P.grid === "weekly" ? next.getUTCDay() === 1 : next.getUTCDate() === 1) out.push(d);
  }
  return out;
}
const startOf = (P: OProject) => Math.min(...P.packages.filter((p) => p.inBaseline).map((p) => p.start));

describe("audit ev23: the oracle on roll-ups without a baseline, forecast ranges and series", () => {
  it("evaluatePortfolio with projects without a baseline, both treatments (different FX tables per project)", () => {
    fc.assert(fc.property(fc.array(fc.tuple(projectArb, fc.boolean()), { minLength: 2, maxLength: 3 }), statusArb, fc.constantFrom("exclude" as const, "include-ac" as const), (gs, s, treatment) => {
      const t = DAY0 + s;
      const built = gs.map(([g, bl], k) => ({ b: bl ? build(g, `PRJ-${k}`) : withoutBaseline(build(g, `PRJ-${k}`)), bl, id: `PRJ-${k}`, g: g as Gen }));
      const compiled = built.map(({ b }, k) => compileEarnedValue({ ...b.input, project: { id: `PRJ-${k}`, portfolioId: "pf", ...(k < 2 ? { programmeId: "pg" } : {}) } }, { ...b.options, statusDate: iso(t) }));
      const os = built.map(({ b, bl, id }) => ({ o: oracle(b.P, t), bl, id }));
      const orders = new Set(gs.map(([g]) => g.eacOrder.join()));
      const order = orders.size === 1 ? gs[0]![0].eacOrder : ["cpi", "bottom-up", "budget-rate"];
      const r = evaluatePortfolio(compiled, iso(t), { withoutBaseline: treatment });
      const bad: string[] = [];
      const check = (node: (typeof r.portfolios)[number], exp: ReturnType<typeof rollUpOracleWithout>, name: string) => {
        for (const [k, e] of Object.entries(exp.figures)) {
          const got = k === "selectedEac" ? node.figures.selectedEac.value : get(node.figures, k);
          if (!agrees(e, got)) bad.push(`${name}.${k}: expected ${show(e)}, got ${actual(got)}`);
        }
        const ids = node.withoutBaseline.children.map((x) => x.id);
        if (ids.join() !== exp.without.join() || cents(node.withoutBaseline.ac) !== exp.withoutAc) bad.push(`${name}.withoutBaseline: expected ${exp.without} ${exp.withoutAc}, got ${ids} ${cents(node.withoutBaseline.ac)}`);
        const nev = node.acWithoutEv.children.map((x) => x.id);
        if (nev.join() !== exp.acWithoutEv.join() || cents(node.acWithoutEv.ac) !== exp.acWithoutEvAc) bad.push(`${name}.acWithoutEv: expected ${exp.acWithoutEv} ${exp.acWithoutEvAc}, got ${nev} ${cents(node.acWithoutEv.ac)}`);
      };
      check(r.programmes[0]!, rollUpOracleWithout(os.slice(0, 2), order, treatment), "programme");
      // The portfolio holds the project without a programme first, then the programme.
      check(r.portfolios[0]!, rollUpOracleWithout([...os.slice(2), ...os.slice(0, 2)], order, treatment), "portfolio");
      r.projects.forEach((p, k) => { if (!built[k]!.bl) for (const key of ["bac", "ev", "cpi", "eac.cpi", "schedule"]) if (key !== "schedule" && get(p.figures, key).reason !== "no-baseline") bad.push(`project ${k}.${key}: expected no-baseline, got ${actual(get(p.figures, key))}`); });
      expect(bad).toEqual([]);
    }), { seed: Number(process.env.EV22_SEED ?? 2301), numRuns: runs(150) });
  });

  it("forecastRange: the EAC family's range, the bands' reasons, the complete basis and the EAC draws' bounds", () => {
    fc.assert(fc.property(projectArb, statusArb, fc.boolean(), (g, s, bl) => {
      const b0 = build(g);
      const { P, input, options } = bl ? b0 : withoutBaseline(b0);
      const t = DAY0 + s;
      const r = forecastRange(input, { ...options, statusDate: iso(t) }, { seed: 7, draws: 200 });
      const now = oracle(P, t);
      const ends = bl && t >= startOf(P) ? [...gridEnds(P, startOf(P), t - 1), t] : [t];
      const o = rangeOracle(now, ends.map((e) => (e === t ? now : oracle(P, e))), bl);
      const bad: string[] = [];
      if ("r" in o.eacRange) { if (r.eacRange.reason !== o.eacRange.r) bad.push(`eacRange: expected ${o.eacRange.r}, got ${actual(r.eacRange)}`); }
      else {
        const v = r.eacRange.value;
        if (cents(v?.low) !== o.eacRange.low || cents(v?.high) !== o.eacRange.high) bad.push(`eacRange: expected ${o.eacRange.low}…${o.eacRange.high}, got ${cents(v?.low)}…${cents(v?.high)}`);
        else if (v && (cents(get(r.atStatusDate.figures.eac, v.lowMethod).value as never) !== o.eacRange.low || cents(get(r.atStatusDate.figures.eac, v.highMethod).value as never) !== o.eacRange.high)) bad.push(`eacRange methods ${v.lowMethod}/${v.highMethod} do not hold the ends`);
      }
      if (bl && (now.figures.spi as { r?: string }).r !== "before-start" && r.periodsObserved !== o.n) bad.push(`periodsObserved: expected ${o.n}, got ${r.periodsObserved}`);
      if (r.basis.rule !== (o.done ? "complete" : "bootstrap")) bad.push(`basis: expected ${o.done ? "complete" : "bootstrap"}, got ${r.basis.rule}`);
      for (const k of ["low", "median", "high"] as const) {
        const e = r.eacBand[k], f = r.finishBand[k];
        if (o.done) {
          if (cents(e.value) !== o.ac) bad.push(`eacBand.${k}: expected AC ${o.ac}, got ${actual(e)}`);
          const fin: Exp = o.finishDay !== undefined ? { date: o.finishDay } : o.forecastFinish!;
          if (!agrees(fin, f)) bad.push(`finishBand.${k}: expected ${show(fin)}, got ${actual(f)}`);
          continue;
        }
        if (o.eacReason && e.reason !== o.eacReason) bad.push(`eacBand.${k}: expected ${o.eacReason}, got ${actual(e)}`);
        if (o.finReason && f.reason !== o.finReason) bad.push(`finishBand.${k}: expected ${o.finReason}, got ${actual(f)}`);
        const v = cents(e.value);
        if (o.bounds && (v === undefined || v < o.bounds.lo || v > o.bounds.hi)) bad.push(`eacBand.${k}: expected within ${o.bounds.lo}…${o.bounds.hi}, got ${actual(e)}`);
      }
      expect(bad).toEqual([]);
    }), { seed: Number(process.env.EV22_SEED ?? 2302), numRuns: runs(150) });
  });

  it("forecastRange's EAC band on steady projects: every percentile between the periods' extreme efficiencies", () => {
    // One percent-complete package over 60 days, a progress record (rising) and a cost every week: every period has
    // ΔEV > 0 and ΔAC > 0, so each draw's ΣΔAC/ΣΔEV lies between the smallest and largest period ratio.
    const steady = fc.record({ g: projectArb, steps: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 8, maxLength: 8 }), costs: fc.array(fc.integer({ min: 1, max: 900_000 }), { minLength: 8, maxLength: 8 }), week: fc.integer({ min: 2, max: 7 }), day: fc.integer({ min: 3, max: 6 }) });
    let bounded = 0;
    fc.assert(fc.property(steady, ({ g, steps, costs, week, day }) => {
      let pct = 0;
      const g2: Gen = { ...g, grid: "weekly", extra: false, holidays: [], packages: [{ first: 0, lead: 0, tail: 0, slices: [{ gap: 0, len: 60, cents: 5_000_000 }], rule: () => ({ type: "percent-complete" }), inBaseline: true, etc: undefined,
        records: steps.map((x, k) => ({ day: 7 * k + 2, pct: String((pct += x)), phys: undefined, units: undefined, ms: undefined, started: undefined, finished: undefined })) }],
        costs: costs.map((cents, k) => ({ day: 7 * k + 1, cents, pkg: 0, usd: false })) };
      const { P, input, options } = build(g2);
      const t = DAY0 + 7 * week + day;
      const r = forecastRange(input, { ...options, statusDate: iso(t) }, { seed: week * 31 + day, draws: 300 });
      const now = oracle(P, t);
      const o = rangeOracle(now, [...gridEnds(P, startOf(P), t - 1), t].map((e) => (e === t ? now : oracle(P, e))), true);
      expect(o.bounds).toBeDefined();
      bounded++;
      for (const k of ["low", "median", "high"] as const) {
        const v = cents(r.eacBand[k].value);
        expect(v !== undefined && v >= o.bounds!.lo && v <= o.bounds!.hi, `eacBand.${k} ${v} in ${o.bounds!.lo}…${o.bounds!.hi}`).toBe(true);
      }
      expect(r.periodsObserved).toBe(o.n);
      expect(r.drawsUsed.eac).toBe(300);
    }), { seed: Number(process.env.EV22_SEED ?? 2304), numRuns: runs(60) });
    expect(bounded).toBeGreaterThan(0);
  });

  it("TSPI is the exact (PD − ES) / (PD − AT) rounded once to 34 digits (it was a quotient of rounded decimals)", () => {
    let seen = 0;
    fc.assert(fc.property(projectArb, statusArb, (g, s) => {
      const { P, input, options } = build(g);
      const t = DAY0 + s;
      const o = oracle(P, t).schedule.tspi!, got = earnedValue(input, { ...options, statusDate: iso(t) }).schedule.tspi;
      if (!("v" in o)) return;
      seen++;
      expect(got.value?.toString()).toBe(new PmoDecimal(o.v[0].toString()).div(o.v[1].toString()).toString());
    }), { seed: Number(process.env.EV22_SEED ?? 2305), numRuns: runs(300) });
    expect(seen).toBeGreaterThan(0);
  });

  it("earnedValueSeries: cumulative PV, EV and AC at each period end up to the status date, PV and the forecast paths after it", () => {
    let pathsChecked = 0;
    fc.assert(fc.property(projectArb, statusArb, (g, s) => {
      const { P, input, options } = build(g);
      const t = DAY0 + s;
      const r = earnedValueSeries(input, { ...options, statusDate: iso(t) });
      const bad: string[] = [];
      const at = new Map<number, ReturnType<typeof oracle>>();
      const o = (d: number) => at.get(d) ?? (at.set(d, oracle(P, d)), at.get(d)!);
      const days = r.points.map((p) => Date.parse(p.date) / 86400000);
      // The measured points: every period end before the status date from the first point on, then the status date.
      const measured = r.points.filter((p) => p.ev !== undefined).map((p) => Date.parse(p.date) / 86400000);
      const first = days[0]!, now = o(t);
      const hol = new Set(P.holidays);
      const works = (a: number, b: number) => { let n = 0; for (let d = a; d <= b; d++) if (P.weekdays.includes(((((d + 3) % 7) + 7) % 7) + 1) && !hol.has(d)) n++; return n; };
      const want = first <= t ? [...gridEnds(P, first, t - 1), t] : [];
      if (measured.join() !== want.join()) bad.push(`measured dates: expected ${want.map(iso)}, got ${measured.map(iso)}`);
      if (first > startOf(P) + 6 && first > t) bad.push(`first point ${iso(first)} after the baseline start ${iso(startOf(P))}`);
      r.points.forEach((p, k) => {
        const d = days[k]!, x = o(Math.min(d, 1e9));
        const exp = { pv: x.figures.pv!, ...(p.ev !== undefined ? { ev: x.figures.ev!, ac: { c: x.ac } as Exp } : {}) };
        for (const [f, e] of Object.entries(exp)) { const got = { value: (p as unknown as Record<string, unknown>)[f] }; if (!agrees(e, got)) bad.push(`${p.label} ${p.date} ${f}: expected ${show(e)}, got ${actual(got)}`); }
        if (p.ev === undefined && d <= t) bad.push(`${p.label} ${p.date}: a forecast point on or before the status date`);
        if (p.ev !== undefined) return;
        // Forecast paths (docs: Time series): from AC to the selected EAC and from EV to BAC, reached at the IEAC(t)
        // finish F, spread by working days: x + round½even((y − x) × min(W(t+1, end), W) / W), W = W(t+1, F) (W 0: whole).
        const ff = now.schedule["forecastFinish.spiT"]!, eac = now.figures.selectedEac!;
        if (!("date" in ff) || !("c" in eac)) { if (p.eacPath || p.ieacPath) bad.push(`${p.date}: a path without a forecast finish or EAC`); return; }
        const span = works(t + 1, ff.date), done = span === 0 ? 1 : Math.min(span, works(t + 1, d));
        const along = (x: bigint, y: bigint) => x + rhe(q((y - x) * BigInt(done), Math.max(span, 1)));
        const paths = { eacPath: along(now.ac, eac.c), ieacPath: along(now.ev, "c" in now.figures.bac! ? now.figures.bac.c : 0n) };
        for (const [f, e] of Object.entries(paths)) { const got = cents((p as unknown as Record<string, never>)[f]); if (got !== e) bad.push(`${p.label} ${p.date} ${f}: expected ${e}, got ${got}`); }
      });
      pathsChecked += r.points.some((p) => p.eacPath) ? 1 : 0;
      expect(bad).toEqual([]);
    }), { seed: Number(process.env.EV22_SEED ?? 2303), numRuns: runs(150) });
    // The forecast paths were drawn in some of the cases (the check is not vacuous).
    expect(pathsChecked).toBeGreaterThan(0);
  });
});
