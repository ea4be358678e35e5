import { ValidationError, fromEpochDay } from "../core/index.js";
import type { CompiledPackage, CompiledProject } from "./compile.js";
import { workingDaysIn, type DayIndex } from "./day-index.js";
import { mulDivRound } from "./exact.js";

/*
 * The engine's hot path: one status date, one compiled project, integer minor units only. No Decimal, no object per
 * cell. Figures (Metric, Money, Decimal ratios) are built from these integers at the edge (figures.ts).
 */

/** @internal Earned-schedule raw figures, all in working days from the baseline start. ES = esNum / esDen. */
export interface EsCore {
  readonly pd: number;
  readonly at: number;
  readonly esNum: number;
  readonly esDen: number;
  /** P-factor numerator/denominator (den 0: no figure, nothing earned yet). */
  readonly pfNum: number | bigint;
  readonly pfDen: number | bigint;
}

/** @internal A project at a status date, in minor units. */
export interface ProjectCore {
  readonly t: number;
  readonly bac: number;
  readonly pv: number;
  readonly ev: number;
  readonly ac: number;
  readonly acBase: number;
  /** Bottom-up ETC, or -1 when a package without an estimate is not finished. */
  readonly etc: number;
  readonly beforeStart: boolean;
  readonly complete: boolean;
  readonly finishDay: number;
  readonly pv_: Float64Array;
  readonly ev_: Float64Array;
  readonly ac_: Float64Array;
  readonly acBase_: Float64Array;
  readonly finished_: Uint8Array;
  readonly clamped: readonly number[];
  readonly excludedActualIds: readonly string[];
  readonly es: EsCore;
}

/** Last index with arr[i] ≤ x, or -1. */
function lastAtOrBefore(arr: Int32Array, x: number): number {
  let lo = 0, hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as number) <= x) lo = mid + 1; else hi = mid;
  }
  return lo - 1;
}

/** Pro-rata share of slice j at day t (a ≤ t < b): by calendar days, or by working days when the policy says so and the slice has any. */
function partial(p: CompiledPackage, j: number, t: number, days: DayIndex, working: boolean): number {
  const a = p.sStart[j] as number;
  const units = p.sUnits[j] as number;
  const elapsed = working && workingDaysIn(days, a, p.sEnd[j] as number) === units ? workingDaysIn(days, a, t) : t - a + 1;
  return mulDivRound(p.sAmt[j] as number, elapsed, units);
}

/** @internal Planned value of a package at the end of day t: whole cells plus the pro-rata share of the open cell (half-even to the cent). */
export function pvAt(p: CompiledPackage, t: number, days: DayIndex, working: boolean): number {
  let s = 0;
  const n = p.sStart.length;
  for (let j = 0; j < n; j++) {
    if ((p.sStart[j] as number) > t) break;
    s += (p.sEnd[j] as number) <= t ? (p.sAmt[j] as number) : partial(p, j, t, days, working);
  }
  return s;
}

/** @internal Adds a package's cumulative PV at each day of `ends` (ascending) into `curve`. */
export function addPvCurve(p: CompiledPackage, ends: Int32Array, curve: Float64Array, days: DayIndex, working: boolean): void {
  const n = p.sStart.length;
  let j = 0, full = 0;
  for (let k = 0; k < ends.length; k++) {
    const e = ends[k] as number;
    while (j < n && (p.sEnd[j] as number) <= e) full += p.sAmt[j++] as number;
    let v = full;
    if (j < n && (p.sStart[j] as number) <= e) v += partial(p, j, e, days, working);
    curve[k] = (curve[k] as number) + v;
  }
}

function earnedAt(cp: CompiledProject, i: number, t: number, pv: number, ev: Float64Array): number {
  const p = cp.packages[i] as CompiledPackage;
  const r = lastAtOrBefore(p.pDay, t);
  if (p.rule === "level-of-effort") return r >= 0 && p.pStarted[r] ? pv : 0;
  if (p.apportion) return mulDivRound(ev[p.apportion.base] as number, p.apportion.num, p.apportion.den);
  return r >= 0 ? (p.pEarned[r] as number) : 0;
}

function finishDayOf(p: CompiledPackage, t: number): number {
  const r = lastAtOrBefore(p.pDay, t);
  if (r < 0 || !p.pFinished[r]) return p.rule === "level-of-effort" ? Math.min(p.finish, t) : -1;
  let k = r;
  while (k > 0 && p.pFinished[k - 1]) k--;
  return p.pDay[k] as number;
}

/** @internal Evaluates a compiled project at day t. */
export function evaluateProject(cp: CompiledProject, t: number): ProjectCore {
  const n = cp.packages.length;
  const working = cp.policy.spread === "working-days";
  const pv_ = new Float64Array(n), ev_ = new Float64Array(n), ac_ = new Float64Array(n), acBase_ = new Float64Array(n);
  const finished_ = new Uint8Array(n);
  const clamped: number[] = [];
  let pv = 0, ev = 0, ac = 0, acBase = 0, etc = 0, finishDay = -1;
  for (let o = 0; o < n; o++) {
    const i = cp.order[o] as number;
    const p = cp.packages[i] as CompiledPackage;
    const ppv = pvAt(p, t, cp.days, working);
    let pev = earnedAt(cp, i, t, ppv, ev_);
    if (pev > p.bac) {
      if (cp.policy.evAboveBac === "reject") throw ValidationError.single(["workPackages", p.id], `earned value ${pev} exceeds the package budget ${p.bac} (minor units)`, "earned value");
      clamped.push(i);
      pev = p.bac;
    }
    const r = lastAtOrBefore(p.acDay, t);
    const pac = r >= 0 ? (p.acCum[r] as number) : 0;
    pv_[i] = ppv; ev_[i] = pev; ac_[i] = pac; acBase_[i] = r >= 0 ? (p.acCumBase[r] as number) : 0;
    pv += ppv; ev += pev; ac += pac; acBase += acBase_[i] as number;
    const fd = finishDayOf(p, t);
    if (fd >= 0 && pev === p.bac) { finished_[i] = 1; finishDay = Math.max(finishDay, fd); }
    if (etc >= 0) etc = finished_[i] || (p.hasBaseline && p.bac === 0 && p.etc < 0) ? etc : p.etc >= 0 ? etc + p.etc : -1;
  }
  const u = cp.unassigned;
  const ru = lastAtOrBefore(u.acDay, t);
  if (ru >= 0) { ac += u.acCum[ru] as number; acBase += u.acCumBase[ru] as number; }
  const firstAfter = lastAtOrBefore(cp.actualDays, t) + 1;
  const excludedActualIds = cp.actualIds.slice(firstAfter);
  const beforeStart = t < cp.start;
  const complete = cp.bac > 0 && ev >= cp.bac;
  const es = earnedSchedule(cp, t, ev, ev_, complete ? finishDay : -1);
  return { t, bac: cp.bac, pv, ev, ac, acBase, etc, beforeStart, complete, finishDay, pv_, ev_, ac_, acBase_, finished_, clamped, excludedActualIds, es };
}

/** @internal ES by linear interpolation on the cumulative PV curve at the grid's period ends, in working days. */
function earnedSchedule(cp: CompiledProject, t: number, ev: number, ev_: Float64Array, finishDay: number): EsCore {
  const days = cp.days;
  const working = cp.policy.spread === "working-days";
  const pd = workingDaysIn(days, cp.start, cp.finish);
  const atEnd = finishDay >= 0 ? Math.min(finishDay, t) : t;
  const at = workingDaysIn(days, cp.start, atEnd);
  // Points: the origin (start, PV 0) and every period end on or after the start.
  const firstK = lastAtOrBefore(cp.gridEnd, cp.start - 1) + 1;
  const ends = cp.gridEnd.subarray(firstK);
  const curve = new Float64Array(ends.length);
  for (const p of cp.packages) if (p.hasBaseline) addPvCurve(p, ends, curve, days, working);
  // C = the last point with PV ≤ EV (the latest such time: the end of a flat stretch), so PV_{C+1} > PV_C.
  let lo = 0, hi = ends.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if ((curve[mid] as number) <= ev) lo = mid + 1; else hi = mid; }
  const c = lo; // points 1..c have PV ≤ EV; point 0 is the origin
  const tOf = (k: number) => (k === 0 ? 0 : workingDaysIn(days, cp.start, ends[k - 1] as number));
  const pvOf = (k: number) => (k === 0 ? 0 : (curve[k - 1] as number));
  let esNum: number, esDen: number;
  let pfNum: number | bigint = 0, pfDen: number | bigint = 0;
  if (c === ends.length) {
    esNum = Math.min(tOf(c), pd); esDen = 1;
    if (ev > 0) {
      let s = 0;
      cp.packages.forEach((p, i) => { if (p.hasBaseline) s += Math.min(ev_[i] as number, p.bac); });
      pfNum = s; pfDen = pvOf(c);
    }
  } else {
    const t0 = tOf(c), t1 = tOf(c + 1), pv0 = pvOf(c), dpv = pvOf(c + 1) - pv0;
    esNum = t0 * dpv + (ev - pv0) * (t1 - t0); esDen = dpv;
    if (esNum > pd * esDen) { esNum = pd; esDen = 1; }
    if (ev > 0) [pfNum, pfDen] = pFactor(cp, ev, ev_, c === 0 ? -1 : (ends[c - 1] as number), ends[c] as number, pv0, dpv, working);
  }
  return { pd, at, esNum, esDen, pfNum, pfDen };
}

/** Σ min(EV_i, PV_i@ES) ÷ PV@ES, with PV_i@ES interpolated like the project's ES (exact; BigInt when products get large). */
function pFactor(cp: CompiledProject, ev: number, ev_: Float64Array, d0: number, d1: number, pv0: number, dpv: number, working: boolean): [number | bigint, number | bigint] {
  const e = ev - pv0;
  let num = 0, safe = true;
  const parts: [number, number, number][] = [];
  cp.packages.forEach((p, i) => {
    if (!p.hasBaseline) return;
    const a = d0 < 0 ? 0 : pvAt(p, d0, cp.days, working);
    const b = pvAt(p, d1, cp.days, working);
    const evi = ev_[i] as number;
    parts.push([evi, a, b - a]);
    const x = evi * dpv, y = a * dpv + e * (b - a);
    if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y)) safe = false;
    num += Math.min(x, y);
  });
  if (safe && Number.isSafeInteger(num) && Number.isSafeInteger(ev * dpv)) return [num, ev * dpv];
  let big = 0n;
  const D = BigInt(dpv), E = BigInt(e);
  for (const [evi, a, da] of parts) {
    const x = BigInt(evi) * D, y = BigInt(a) * D + E * BigInt(da);
    big += x < y ? x : y;
  }
  return [big, BigInt(ev) * D];
}

/** @internal The date of a status day (for messages). */
export const dayToDate = fromEpochDay;
