/*
 * An independent earned-value oracle (audit ev22), written from /work/shared/reference/evm.md and docs/earned-value.md,
 * in exact BigInt rationals. It calls no pmokit code: days are epoch days, the calendar is a weekday mask and a set of
 * holidays, money is integer cents, every ratio a fraction, and every rounding the documented one (half-even to the
 * cent, once per figure).
 */

/** A fraction n / d, d > 0. */
export type Q = readonly [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => { a = a < 0n ? -a : a; b = b < 0n ? -b : b; while (b) [a, b] = [b, a % b]; return a; };
export const q = (n: bigint | number, d: bigint | number = 1n): Q => {
  let N = BigInt(n), Dn = BigInt(d);
  if (Dn === 0n) throw new Error("zero denominator");
  if (Dn < 0n) { N = -N; Dn = -Dn; }
  const g = gcd(N, Dn) || 1n;
  return [N / g, Dn / g];
};
export const add = (a: Q, b: Q): Q => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
export const sub = (a: Q, b: Q): Q => q(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
export const mul = (a: Q, b: Q): Q => q(a[0] * b[0], a[1] * b[1]);
export const div = (a: Q, b: Q): Q => q(a[0] * b[1], a[1] * b[0]);
export const cmp = (a: Q, b: Q): number => { const x = a[0] * b[1] - b[0] * a[1]; return x < 0n ? -1 : x > 0n ? 1 : 0; };
export const isZero = (a: Q) => a[0] === 0n;
/** round(a) half-even. */
export const rhe = (a: Q): bigint => {
  const [n, d] = a;
  let fl = n / d; if (n % d !== 0n && n < 0n) fl -= 1n;
  const r2 = 2n * (n - fl * d);
  return r2 > d || (r2 === d && fl % 2n !== 0n) ? fl + 1n : fl;
};
/** ⌈a⌉. */
const ceil = (a: Q): bigint => { const [n, d] = a; let c = n / d; if (n % d !== 0n && n > 0n) c += 1n; return c; };
/** A decimal string as an exact fraction. */
export const qOf = (s: string): Q => {
  const neg = s.startsWith("-"), t = neg ? s.slice(1) : s, dot = t.indexOf(".");
  const v = dot < 0 ? q(BigInt(t)) : q(BigInt(t.replace(".", "")), 10n ** BigInt(t.length - dot - 1));
  return neg ? q(-v[0], v[1]) : v;
};

/** Expected figure: a fraction (index or duration), cents, a date, or a reason. */
export type Exp = { readonly v: Q } | { readonly c: bigint } | { readonly date: number } | { readonly r: string };

export interface OSlice { readonly start: number; readonly finish: number; readonly cents: number }
export interface ORecord {
  readonly day: number; readonly pct?: string | undefined; readonly phys?: string | undefined; readonly units?: string | undefined; readonly ms?: readonly string[] | undefined;
  readonly started?: boolean | undefined; readonly finished?: boolean | undefined;
}
export type ORule =
  | { readonly type: "0/100" | "50/50" | "percent-complete" | "physical-percent-complete" | "level-of-effort" }
  | { readonly type: "fixed-split"; readonly x: string }
  | { readonly type: "units"; readonly total: string }
  | { readonly type: "weighted-milestones"; readonly weights: readonly string[] }
  | { readonly type: "apportioned"; readonly base: number; readonly factor: string };
export interface OPackage {
  readonly start: number; readonly finish: number; readonly slices: readonly OSlice[]; readonly rule: ORule;
  readonly records: readonly ORecord[]; readonly etc?: { readonly cents: number; readonly day: number };
  readonly inBaseline: boolean;
}
export interface OCost { readonly day: number; readonly cents: number; readonly pkg: number | undefined; readonly usd: boolean }
export interface OProject {
  readonly weekdays: readonly number[]; readonly holidays: readonly number[];
  readonly packages: readonly OPackage[]; readonly costs: readonly OCost[];
  /** USD→EUR rates: [day, rate]; the baseline is captured on `captureDay`. */
  readonly rates: readonly (readonly [number, string])[]; readonly captureDay: number;
  /** Weekly, monthly, or fiscal periods given by their last days (contiguous, covering everything). */
  readonly grid: "weekly" | "monthly" | readonly number[];
  readonly spread: "calendar-days" | "working-days"; readonly loe: "once-started" | "from-planned-start";
  readonly timeUnit: "working-days" | "periods";
  readonly eacOrder: readonly string[];
}

const NONE = Number.MAX_SAFE_INTEGER;
/** ISO weekday (1 Monday … 7 Sunday) of an epoch day (day 0 = 1970-01-01, a Thursday). */
const weekday = (d: number) => ((((d + 3) % 7) + 7) % 7) + 1;
/** First day of the month holding epoch day d, and of the next month. */
function monthOf(d: number): [number, number] {
  const dt = new Date(d * 86400000);
  const y = dt.getUTCFullYear(), m = dt.getUTCMonth();
  return [Date.UTC(y, m, 1) / 86400000, Date.UTC(y, m + 1, 1) / 86400000];
}

export function oracle(P: OProject, t: number) {
  const hol = new Set(P.holidays);
  const works = (d: number) => P.weekdays.includes(weekday(d)) && !hol.has(d);
  const W = (a: number, b: number) => { let n = 0; for (let d = a; d <= b; d++) if (works(d)) n++; return n; };
  const nthWorking = (from: number, n: number) => { let d = from - 1; for (let left = Math.max(1, n); left > 0;) if (works(++d)) left--; return d; };
  const working = P.spread === "working-days";
  // PV of a package at the end of day d: each slice whole once finished, a partly elapsed one round(amount × elapsed / days).
  const pvOf = (p: OPackage, d: number): bigint => {
    if (!p.inBaseline) return 0n;
    let s = 0n;
    for (const x of p.slices) {
      if (x.finish <= d) s += BigInt(x.cents);
      else if (x.start <= d) {
        const wdays = W(x.start, x.finish), byWork = working && wdays > 0;
        s += rhe(q(BigInt(x.cents) * BigInt(byWork ? W(x.start, d) : d - x.start + 1), byWork ? wdays : x.finish - x.start + 1));
      }
    }
    return s;
  };
  const bacOf = (p: OPackage) => (p.inBaseline ? p.slices.reduce((s, x) => s + BigInt(x.cents), 0n) : 0n);
  const inBl = P.packages.filter((p) => p.inBaseline);
  const start = inBl.length ? Math.min(...inBl.map((p) => p.start)) : t;
  const finish = inBl.length ? Math.max(...inBl.map((p) => p.finish)) : t;
  const BAC = inBl.reduce((s, p) => s + bacOf(p), 0n);
  const beforeStart = t < start;
  // Per package.
  const n = P.packages.length;
  const pv: bigint[] = [], ev: bigint[] = [], ac: bigint[] = [], etc: bigint[] = [], fin: number[] = [], clamped: boolean[] = [];
  const conv = (c: OCost, day: number): bigint | undefined => {
    if (!c.usd) return BigInt(c.cents);
    let best: readonly [number, string] | undefined;
    for (const r of P.rates) if (r[0] <= day && (!best || r[0] > best[0])) best = r;
    return best ? rhe(mul(q(c.cents), qOf(best[1]))) : undefined;
  };
  const costsTo = P.costs.filter((c) => c.day <= t);
  for (let i = 0; i < n; i++) {
    const p = P.packages[i]!, bac = bacOf(p);
    pv[i] = pvOf(p, t);
    const R = p.records.filter((r) => r.day <= t);
    const started = R.some((r) => r.started || r.finished || (r.ms?.length ?? 0) > 0 || [r.pct, r.phys, r.units].some((v) => v !== undefined && cmp(qOf(v), q(0)) > 0));
    const firstFin = R.find((r) => r.finished)?.day ?? NONE;
    const latest = (k: "pct" | "phys" | "units") => [...R].reverse().find((r) => r[k] !== undefined)?.[k];
    const share = (f: Q) => rhe(mul(q(bac), f));
    let e: bigint;
    const rule = p.rule;
    if (rule.type === "level-of-effort") e = P.loe === "from-planned-start" || started ? pv[i]! : 0n;
    else if (rule.type === "apportioned") e = rhe(mul(q(ev[rule.base]!), qOf(rule.factor)));
    else if (firstFin !== NONE) e = bac;
    else {
      switch (rule.type) {
        case "0/100": e = 0n; break;
        case "50/50": e = started ? share(q(1, 2)) : 0n; break;
        case "fixed-split": e = started ? share(div(qOf(rule.x), q(100))) : 0n; break;
        case "percent-complete": { const v = latest("pct"); e = v ? share(div(qOf(v), q(100))) : 0n; break; }
        case "physical-percent-complete": { const v = latest("phys"); e = v ? share(div(qOf(v), q(100))) : 0n; break; }
        case "units": { const v = latest("units"); e = v ? share(div(qOf(v), qOf(rule.total))) : 0n; break; }
        case "weighted-milestones": {
          const reached = [...R].reverse().find((r) => r.ms !== undefined)?.ms ?? [];
          const tot = rule.weights.reduce((s, w) => add(s, qOf(w)), q(0));
          const got = rule.weights.reduce((s, w, k) => (reached.includes(`m${k}`) ? add(s, qOf(w)) : s), q(0));
          e = share(div(got, tot));
        }
      }
    }
    clamped[i] = e > bac;
    if (e > bac) e = bac;
    ev[i] = e;
    ac[i] = costsTo.filter((c) => c.pkg === i).reduce((s, c) => s + conv(c, c.day)!, 0n);
    const fd = firstFin !== NONE ? firstFin : rule.type === "level-of-effort" ? p.finish : rule.type === "apportioned" ? fin[rule.base]! : NONE;
    const done = fd <= t && e === bac;
    fin[i] = done ? fd : NONE;
    let pe = p.etc && p.etc.day <= t ? BigInt(p.etc.cents) : -1n;
    if (pe < 0n && rule.type === "apportioned" && etc[rule.base]! >= 0n) pe = rhe(mul(q(etc[rule.base]!), qOf(rule.factor)));
    etc[i] = done ? 0n : pe;
  }
  // Apportioned packages were evaluated in index order: the generator puts every base before its share.
  const PV = pv.reduce((s, x) => s + x, 0n), EV = ev.reduce((s, x) => s + x, 0n);
  const AC = costsTo.reduce((s, c) => s + conv(c, c.day)!, 0n);
  let ETC = 0n;
  P.packages.forEach((p, i) => {
    if (ETC < 0n || fin[i] !== NONE) return;
    if (p.inBaseline && bacOf(p) === 0n && etc[i]! < 0n) return;
    ETC = etc[i]! < 0n ? -1n : ETC + etc[i]!;
  });
  const complete = BAC > 0n && EV >= BAC;
  let finishDay = NONE;
  // The latest package finish, once every package with a budget has finished.
  if (complete && P.packages.every((p, i) => fin[i] !== NONE || bacOf(p) === 0n)) { const f = fin.filter((x) => x !== NONE); if (f.length) finishDay = Math.max(...f); }
  const figures = figuresOf({ bac: BAC, pv: PV, ev: EV, ac: AC, etc: ETC, beforeStart, hasBaseline: inBl.length > 0 || P.packages.some((p) => p.inBaseline) }, P.eacOrder, undefined);

  // ---- Earned schedule.
  // Grid period ends covering start … max(finish, t) (later ends change nothing: PV is BAC there).
  const ends: number[] = [];
  const lo = Math.min(start, t), hi = Math.max(finish, t) + 400;
  if (typeof P.grid === "object") ends.push(...P.grid);
  else if (P.grid === "weekly") { for (let d = lo - weekday(lo) + 7; ends.length === 0 || ends[ends.length - 1]! < hi; d += 7) ends.push(d); }
  else { let [, nx] = monthOf(lo); for (;;) { ends.push(nx - 1); if (nx - 1 >= hi) break; nx = monthOf(nx)[1]; } }
  const pEnds = ends.filter((e) => e >= start); // period ends on or after the baseline start
  const periods = P.timeUnit === "periods";
  /** Time from the baseline start to the end of day d, in the policy's unit. */
  const timeOf = (d: number): Q => {
    if (!periods) return q(W(start, d));
    if (d < start) return q(0);
    const k = pEnds.filter((e) => e < d).length;
    const from = k === 0 ? start : pEnds[k - 1]! + 1, to = pEnds[k]!;
    const len = W(from, to);
    if (len === 0) return q(d < to ? k : k + 1);
    return q(BigInt(k * len + W(from, Math.min(d, to))), len);
  };
  const PD = timeOf(finish);
  const AT = timeOf(Math.min(finishDay, t));
  // The PV curve: the origin, every period end from the start, and the status date inside a period.
  type Pt = { day: number; time: Q; pv: bigint; pvs: bigint[] };
  const pts: Pt[] = [{ day: start - 1, time: q(0), pv: 0n, pvs: P.packages.map(() => 0n) }];
  const ptAt = (d: number): Pt => { const pvs = P.packages.map((p) => pvOf(p, d)); return { day: d, time: d === Math.min(finishDay, t) ? AT : timeOf(d), pv: pvs.reduce((s, x) => s + x, 0n), pvs }; };
  for (const e of pEnds) pts.push(ptAt(e));
  // The planned finish: PV is BAC there, at PD (the curve ends with the plan).
  if (!pEnds.includes(finish)) pts.push(ptAt(finish));
  // Status point: only when it is not frozen (complete with a finish it is not used: EV = BAC reads the last point).
  if (t >= start && !pEnds.includes(t) && !(complete && finishDay !== NONE)) pts.push({ ...ptAt(t), time: AT });
  pts.sort((a, b) => a.day - b.day);
  let C = -1;
  pts.forEach((x, k) => { if (x.pv <= EV) C = k; });
  let ES: Q;
  let pf: Exp;
  if (C === pts.length - 1) {
    ES = pts[C]!.time;
    pf = EV > 0n ? { v: q(P.packages.reduce((s, p, i) => s + (p.inBaseline ? (ev[i]! < bacOf(p) ? ev[i]! : bacOf(p)) : 0n), 0n), pts[C]!.pv) } : { r: "ev-is-zero" };
  } else {
    const a = pts[C]!, b = pts[C + 1]!, dpv = b.pv - a.pv, e = EV - a.pv;
    ES = add(a.time, mul(q(e, dpv), sub(b.time, a.time)));
    // P-factor: Σ min(EV_i, PV_i@ES) / PV@ES, PV_i@ES interpolated on the same segment (PV@ES = EV).
    let num = q(0);
    P.packages.forEach((p, i) => { if (!p.inBaseline) return; const at = add(q(a.pvs[i]!), mul(q(e, dpv), q(b.pvs[i]! - a.pvs[i]!))); num = add(num, cmp(q(ev[i]!), at) < 0 ? q(ev[i]!) : at); });
    pf = EV > 0n ? { v: div(num, q(EV)) } : { r: "ev-is-zero" };
  }
  if (cmp(ES, PD) > 0) ES = PD;

  /** The working day a time x from the baseline start is reached on. */
  const dateAfter = (x: Q): number | undefined => {
    if (!periods) { const k = x[0] / x[1]; if (k >= 50000n) return undefined; return nthWorking(start, Number(x[0] <= 0n ? 1n : ceil(x))); }
    let k = Number(x[0] / x[1]); let rem = q(x[0] % x[1], x[1]);
    if (k >= 5000) return undefined;
    if (isZero(rem) && k) { k--; rem = q(1); }
    if (typeof P.grid === "object") { if (k >= pEnds.length) return undefined; }
    else while (pEnds.length <= k + 1) { const l = pEnds[pEnds.length - 1]!; pEnds.push(P.grid === "weekly" ? l + 7 : monthOf(l + 1)[1] - 1); }
    const from = k === 0 ? start : pEnds[k - 1]! + 1, to = pEnds[k]!;
    const len = W(from, to);
    if (!len) return nthWorking(to + 1, 1);
    const m = mul(rem, q(len));
    return nthWorking(from, Number(m[0] <= 0n ? 1n : ceil(m)));
  };
  const sched: Record<string, Exp> = {};
  const bs: Exp | undefined = beforeStart ? { r: "before-start" } : undefined;
  const noBl = !inBl.length;
  if (noBl) for (const k of SCHED_KEYS) sched[k] = { r: "no-baseline" };
  else if (isZero(PD) || BAC === 0n) {
    const r = isZero(PD) ? "no-working-days" : "bac-is-zero";
    for (const k of SCHED_KEYS) sched[k] = { r };
    sched.pd = { v: PD }; sched.at = { v: AT };
  } else {
    sched.pd = { v: PD }; sched.at = { v: AT }; sched.es = { v: ES };
    sched.esDate = isZero(ES) ? { r: "ev-is-zero" } : { date: dateAfter(ES) ?? finish };
    sched.svT = { v: sub(ES, AT) };
    const spiT: Exp = isZero(AT) ? bs ?? { r: "no-working-days" } : { v: div(ES, AT) };
    sched.spiT = spiT;
    const left = sub(PD, ES);
    sched.tspi = bs ?? (complete ? { r: "complete" } : cmp(sub(PD, AT), q(0)) <= 0 ? { r: "past-planned-finish" } : { v: div(left, sub(PD, AT)) });
    sched.tspiEd = bs ?? (complete ? { r: "complete" } : !("v" in spiT) ? spiT : isZero(ES) ? { r: "ev-is-zero" } : isZero(left) ? { r: "divisor-is-zero" } : spiT);
    const cpi = figures.cpi;
    const ieac = (pfv: Exp, f: Q | undefined): Exp => ("v" in pfv ? (f === undefined || isZero(f) ? { r: "ev-is-zero" } : { v: add(AT, div(left, f)) }) : pfv);
    const fam = {
      planned: ieac({ v: q(1) }, q(1)),
      spiT: ieac(spiT, "v" in spiT ? spiT.v : undefined),
      spiTCpi: ieac("v" in spiT ? cpi : spiT, "v" in spiT && "v" in cpi ? mul(spiT.v, cpi.v) : undefined),
    };
    for (const [k, m] of Object.entries(fam)) {
      sched[`ieacT.${k}`] = m;
      sched[`forecastFinish.${k}`] = "v" in m ? (finishDay !== NONE ? { date: finishDay } : ((d) => (d === undefined ? { r: "beyond-horizon" } : { date: d }))(dateAfter(m.v))) : m;
    }
    sched.pFactor = bs ?? pf;
  }
  // EAC₅ with the project's SPI(t).
  const spiTq: { v?: Q; r?: string } = beforeStart ? { r: "before-start" } : noBl ? { r: "no-baseline" } : isZero(AT) || isZero(PD) ? { r: "no-working-days" } : { v: div(ES, AT) };
  const projectFigures = figuresOf({ bac: BAC, pv: PV, ev: EV, ac: AC, etc: ETC, beforeStart, hasBaseline: !noBl }, P.eacOrder, spiTq);
  const packages = P.packages.map((p, i) => figuresOf({ bac: bacOf(p), pv: pv[i]!, ev: ev[i]!, ac: ac[i]!, etc: etc[i]!, beforeStart: t < p.start, hasBaseline: p.inBaseline }, P.eacOrder, { r: "project-level-only" }));
  // CV split: AC at the rate in force on the baseline capture day.
  let acBase: bigint | undefined = 0n;
  for (const c of costsTo) { const b = conv(c, P.captureDay); acBase = acBase === undefined || b === undefined ? undefined : acBase + b; }
  return {
    figures: projectFigures, schedule: sched, packages, complete, finishDay: finishDay === NONE ? undefined : finishDay,
    finished: fin.map((f) => f !== NONE), clamped, acBase, ev: EV, ac: AC,
  };
}

export const SCHED_KEYS = ["pd", "at", "es", "esDate", "svT", "spiT", "tspi", "tspiEd", "ieacT.planned", "ieacT.spiT", "ieacT.spiTCpi", "forecastFinish.planned", "forecastFinish.spiT", "forecastFinish.spiTCpi", "pFactor"] as const;

interface Sums { bac: bigint; pv: bigint; ev: bigint; ac: bigint; etc: bigint; beforeStart: boolean; hasBaseline: boolean }

/** The classic figures from the sums (evm.md §2, docs' table). `spiT` undefined: figures without EAC₅ checked. */
export function figuresOf(s: Sums, order: readonly string[], spiT: { v?: Q; r?: string } | undefined, eac5?: Exp): Record<string, Exp> & { cpi: Exp } {
  const { bac, pv, ev, ac } = s;
  const early: Exp | undefined = s.beforeStart ? { r: "before-start" } : undefined;
  const spi: Exp = early ?? (pv === 0n ? { r: "pv-is-zero" } : { v: q(ev, pv) });
  const cpi: Exp = early ?? (ac === 0n ? { r: "ac-is-zero" } : ac < 0n ? { r: "ac-is-negative" } : { v: q(ev, ac) });
  const rest = bac - ev;
  const eac: Record<string, Exp> = {
    cpi: !("v" in cpi) ? cpi : ev === 0n ? { r: "ev-is-zero" } : { c: rhe(q(bac * ac, ev)) },
    budgetRate: { c: ac + rest },
    cpiSpi: !("v" in spi) ? spi : !("v" in cpi) ? cpi : ev === 0n ? { r: "ev-is-zero" } : { c: ac + rhe(q(rest * ac * pv, ev * ev)) },
    bottomUp: s.etc < 0n ? { r: "no-estimate" } : { c: ac + s.etc },
    earnedSchedule: !("v" in cpi) ? cpi : spiT === undefined ? { r: "?" } : spiT.v === undefined ? { r: spiT.r! } : isZero(spiT.v) || ev === 0n ? { r: "ev-is-zero" } : { c: ac + rhe(div(q(rest * ac), mul(q(ev), spiT.v))) },
  };
  if (eac5) eac.earnedSchedule = eac5;
  const keyOf = (m: string) => m.replace(/-(.)/g, (_, c: string) => c.toUpperCase());
  const chosen = order.find((m) => "c" in eac[keyOf(m)]!);
  const selected: Exp = chosen ? eac[keyOf(chosen)]! : { r: "no-eac" };
  const unattainable = bac !== ev && bac <= ac;
  const out: Record<string, Exp> = {
    bac: { c: bac }, pv: { c: pv }, ev: { c: ev }, ac: { c: ac }, sv: { c: ev - pv }, cv: { c: ev - ac },
    svPercent: early ?? (pv === 0n ? { r: "pv-is-zero" } : { v: q((ev - pv) * 100n, pv) }),
    cvPercent: early ?? (ev === 0n ? { r: "ev-is-zero" } : { v: q((ev - ac) * 100n, ev) }),
    spi, cpi, csi: "v" in spi && "v" in cpi ? { v: mul(spi.v, cpi.v) } : "v" in spi ? cpi : spi,
    percentComplete: bac === 0n ? { r: "bac-is-zero" } : { v: q(ev * 100n, bac) },
    percentSpent: ac < 0n && bac ? { r: "ac-is-negative" } : bac === 0n ? { r: "bac-is-zero" } : { v: q(ac * 100n, bac) },
    selectedEac: selected,
    tcpiBac: early ?? (bac === ev ? { v: q(0) } : unattainable ? { r: "bac-unattainable" } : { v: q(rest, bac - ac) }),
    tcpiEac: early ?? (!("c" in selected) ? selected : rest === 0n ? { v: q(0) } : selected.c - ac <= 0n ? { r: "divisor-is-zero" } : { v: q(rest, selected.c - ac) }),
  };
  for (const [k, m] of Object.entries(eac)) {
    out[`eac.${k}`] = m;
    out[`etc.${k}`] = "c" in m ? { c: m.c - ac } : m;
    out[`vac.${k}`] = "c" in m ? { c: bac - m.c } : m;
  }
  if (!s.hasBaseline) for (const k of Object.keys(out)) if (k !== "ac") out[k] = { r: "no-baseline" };
  return out as Record<string, Exp> & { cpi: Exp };
}

/** A roll-up (docs: Roll-ups): BAC, PV, EV, AC and bottom-up ETC summed, indices from the sums, EAC₅ the children's sum. */
export function rollUpOracle(children: readonly ReturnType<typeof oracle>[], order: readonly string[]): Record<string, Exp> {
  const c = (e: Exp) => ("c" in e ? e.c : 0n);
  const sum = (k: string) => children.reduce((s, o) => s + c(o.figures[k]!), 0n);
  const bu = children.find((o) => !("c" in o.figures["etc.bottomUp"]!));
  const es = children.find((o) => !("c" in o.figures["eac.earnedSchedule"]!));
  const eac5: Exp = es ? es.figures["eac.earnedSchedule"]! : { c: sum("eac.earnedSchedule") };
  const out = figuresOf({ bac: sum("bac"), pv: sum("pv"), ev: sum("ev"), ac: sum("ac"), etc: bu ? -1n : sum("etc.bottomUp"),
    beforeStart: children.every((o) => (o.figures.spi as { r?: string }).r === "before-start"), hasBaseline: true }, order, undefined, eac5);
  return out;
}
