import { ValidationError, fromEpochDay } from "../core/index.js";
import type { CompiledPackage, CompiledProject } from "./engine-types.js";
import { workingDaysIn, type DayIndex } from "./day-index.js";
import { mulDivRound } from "./exact.js";
import { NO_FINISH, lastIn } from "./packed.js";

/*
 * The engine's hot path: one status date, one compiled project, integer minor units only. No Decimal, no object per
 * cell. Figures (Metric, Money, Decimal ratios) are built from these integers at the edge (figures.ts).
 */

/**
 * @internal Earned-schedule raw figures, in working days from the baseline start. ES = t0 + e / d × (t1 − t0) on the
 * segment from point C (0 the origin, k the k-th period end from the start) to C + 1, d = 0 when every point's PV ≤ EV.
 * The status date inside the segment's period is one of its ends (s = 1: C, s = 2: C + 1; time AT, PV at t); s & 4:
 * C + 1 is the planned finish (time PD, PV BAC).
 */
export interface EsCore {
  readonly pd: number;
  readonly at: number;
  readonly t0: number;
  readonly t1: number;
  readonly e: number;
  readonly d: number;
  readonly c: number;
  readonly s: number;
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
  /** The actual finish (the last package's) once complete and every package with a budget has one, else NO_FINISH (after every day). */
  readonly finishDay: number;
  readonly pv_: Float64Array;
  readonly ev_: Float64Array;
  readonly ac_: Float64Array;
  readonly acBase_: Float64Array;
  /** Per package: its ETC (0 once finished; an apportioned package without an estimate: factor × its base's), -1 when missing. */
  readonly etc_: Float64Array;
  /** Per package: its actual finish day once finished, else NO_FINISH. */
  readonly finished_: Float64Array;
  readonly clamped: readonly number[];
  /** Index (in the compiled project's `actualIds`) of the first actual after the status date. */
  readonly firstExcluded: number;
  readonly es: EsCore;
}

/** Last index with arr[i] ≤ x, or -1. */
const lastAtOrBefore = (arr: Int32Array, x: number): number => lastIn(arr, 0, arr.length, x);

/**
 * Pro-rata share of slice j (of the given cell arrays) at day d (start ≤ d < end): by calendar days, or by working
 * days when the policy says so and the slice has any.
 */
function share(c: Cells, j: number, d: number, days: DayIndex, working: boolean): number {
  const a = c.sStart[j] as number, units = c.sUnits[j] as number;
  const elapsed = working && workingDaysIn(days, a, c.sEnd[j] as number) === units ? workingDaysIn(days, a, d) : d - a + 1;
  return mulDivRound(c.sAmt[j] as number, elapsed, units);
}

type Cells = Pick<CompiledPackage, "sStart" | "sEnd" | "sAmt" | "sUnits">;


/** @internal Adds a package's cumulative PV at each day of `ends` (ascending) into `curve`. */
export function addPvCurve(p: CompiledPackage, ends: Int32Array, curve: Float64Array, days: DayIndex, working: boolean): void {
  const n = p.sStart.length;
  let j = 0, full = 0;
  for (let k = 0; k < ends.length; k++) {
    const e = ends[k] as number;
    while (j < n && (p.sEnd[j] as number) <= e) full += p.sAmt[j++] as number;
    let v = full;
    if (j < n && (p.sStart[j] as number) <= e) v += share(p, j, e, days, working);
    curve[k] = (curve[k] as number) + v;
  }
}



/** @internal Evaluates a compiled project at day t. */
export function evaluateProject(cp: CompiledProject, t: number): ProjectCore {
  const P = cp.packed;
  const n = P.n;
  const working = cp.policy.spread === "working-days";
  const loeFromStart = cp.policy.levelOfEffort === "from-planned-start";
  const days = cp.days, order = cp.order, gridEnd = cp.gridEnd;
  const { sOff, sStart, sEnd, sAmt, sUnits, pOff, pDay, pStarted, pEarned, pFirstFinish, aOff, acDay, acCum, acCumBase, cumEnd, nextSlice, bac: bacA, etc: etcA, etcDay, kind } = P;
  const cols = new Float64Array(4 * n);
  const pv_ = cols.subarray(0, n), ev_ = cols.subarray(n, 2 * n), ac_ = cols.subarray(2 * n, 3 * n), acBase_ = cols.subarray(3 * n);
  const etc_ = new Float64Array(n);
  const finished_ = new Float64Array(n);
  const clamped: number[] = [];
  let pv = 0, ev = 0, ac = 0, acBase = 0, etc = 0, finishDay = -NO_FINISH;
  const kB = lastAtOrBefore(gridEnd, t - 1); // the last grid period ending before day t (-1 when none)
  for (let o = 0; o < n; o++) {
    const i = order[o] as number;
    // PV: the prefix sum at the last period end before t, then the cells up to t.
    let ppv = 0;
    let j = sOff[i] as number;
    const jEnd = sOff[i + 1] as number;
    if (kB >= 0) {
      ppv = cumEnd[kB * n + i] as number;
      j += nextSlice[kB * n + i] as number;
      if (j < jEnd && (sStart[j] as number) <= (gridEnd[kB] as number)) ppv -= share(P, j, gridEnd[kB] as number, days, working);
    }
    for (; j < jEnd; j++) {
      if ((sStart[j] as number) > t) break;
      ppv += (sEnd[j] as number) <= t ? (sAmt[j] as number) : share(P, j, t, days, working);
    }
    // EV by the earning rule, from the latest progress record on or before t.
    const p0 = pOff[i] as number;
    const r = lastIn(pDay, p0, pOff[i + 1] as number, t);
    const kd = kind[i] as number;
    const bac = bacA[i] as number;
    let pev = kd === 1 ? (loeFromStart || (r >= p0 && pStarted[r]) ? ppv : 0) : kd === 2 ? mulDivRound(ev_[P.apBase[i] as number] as number, P.apNum[i] as number, P.apDen[i] as number) : r >= p0 ? (pEarned[r] as number) : 0;
    if (pev > bac) {
      if (cp.policy.evAboveBac === "reject") {
        // Name the progress record that overran (a report above 100 %), else the package (an apportioned share).
        const at = kd === 0 && r >= p0 ? ["progress", r - p0] : [];
        throw ValidationError.single([...(cp.packages[i] as CompiledPackage).livePath, ...at], `earned value ${pev} exceeds the package budget ${bac} (minor units)`, "earned value");
      }
      clamped.push(i);
      pev = bac;
    }
    const a0 = aOff[i] as number;
    const ra = lastIn(acDay, a0, aOff[i + 1] as number, t);
    const pac = ra >= a0 ? (acCum[ra] as number) : 0;
    const pacB = ra >= a0 ? (acCumBase[ra] as number) : 0;
    pv_[i] = ppv; ev_[i] = pev; ac_[i] = pac; acBase_[i] = pacB;
    pv += ppv; ev += pev; ac += pac; acBase += pacB;
    // Finished: all value earned and a finish reported (level of effort: its planned finish has passed; apportioned:
    // its base has finished, on the base's day — the base is evaluated first).
    // A finish is a day on or before t; NO_FINISH is after every day (a finish before 1970 is a negative day).
    const fd = r >= p0 && (pFirstFinish[r] as number) < NO_FINISH ? (pFirstFinish[r] as number) : kd === 1 ? (P.finish[i] as number) : kd === 2 ? (finished_[P.apBase[i] as number] as number) : NO_FINISH;
    const done = fd <= t && pev === bac;
    finished_[i] = done ? fd : NO_FINISH;
    // The project's finish is the latest package finish once every package with a budget has one: one that earned its
    // budget without recording a finish leaves it unknown (it read the others' latest, days before that package's 100 %).
    if (done ? fd > finishDay : bac) finishDay = done ? fd : NO_FINISH;
    let pe = (etcDay[i] as number) <= t ? (etcA[i] as number) : -1; // an estimate made after the status date is not known yet
    // Apportioned without an estimate of its own: its base's ETC × the factor (its effort follows its base's; other
    // packages have no base, apBase −1: etc_[−1] is undefined).
    const be = etc_[P.apBase[i] as number] as number;
    if (pe < 0 && be >= 0) pe = mulDivRound(be, P.apNum[i] as number, P.apDen[i] as number);
    etc_[i] = done ? 0 : pe;
    if (etc >= 0 && !done && !(P.hasBaseline[i] && bac === 0 && pe < 0)) etc = pe >= 0 ? etc + pe : -1;
  }
  const u = cp.unassigned;
  const ru = lastAtOrBefore(u.acDay, t);
  if (ru >= 0) { ac += u.acCum[ru] as number; acBase += u.acCumBase[ru] as number; }
  const firstExcluded = lastAtOrBefore(cp.actualDays, t) + 1;
  const beforeStart = t < cp.start;
  const complete = cp.bac > 0 && ev >= cp.bac;
  if (!complete || finishDay === -NO_FINISH) finishDay = NO_FINISH; // no actual finish unless complete and recorded
  const es = earnedSchedule(cp, t, ev, ev_, pv, pv_, finishDay);
  return { t, bac: cp.bac, pv, ev, ac, acBase, etc, beforeStart, complete, finishDay, pv_, ev_, ac_, acBase_, etc_, finished_, clamped, firstExcluded, es };
}

/**
 * @internal ES by linear interpolation on the cumulative PV curve at the grid's period ends and, inside a period, at
 * the status date (PV there is known: the partial period up to it is Lipke's last), in working days.
 */
function earnedSchedule(cp: CompiledProject, t: number, ev: number, ev_: Float64Array, pv: number, pv_: Float64Array, finishDay: number): EsCore {
  const days = cp.days;
  const pd = workingDaysIn(days, cp.start, cp.finish);
  const at = workingDaysIn(days, cp.start, Math.min(finishDay, t));
  // Points: the origin (start, PV 0) and every period end on or after the start; the curve is compiled once.
  const firstK = lastAtOrBefore(cp.gridEnd, cp.start - 1) + 1;
  const ends = cp.gridEnd.subarray(firstK);
  const curve = cp.pvCurve.subarray(firstK);
  // C = the last point with PV ≤ EV (the latest such time: the end of a flat stretch), so PV_{C+1} > PV_C.
  const c = lastIn(curve, 0, curve.length, ev) + 1; // points 1..c have PV ≤ EV; point 0 is the origin
  // Point k ≥ 1 is period end k − 1, point 0 the origin: its time, PV and the packages' PV (a row of the prefix sums).
  const n = cp.packed.n;
  const pt = (k: number): [number, number, ArrayLike<number> | undefined] => (k ? [workingDaysIn(days, cp.start, ends[k - 1] as number), curve[k - 1] as number, cp.packed.cumEnd.subarray((firstK + k - 1) * n)] : [0, 0, undefined]);
  let [t0, pv0, r0] = pt(c), [t1, pv1, r1] = pt(c + 1), st = 0;
  // The status date inside this segment's period is a point too (t is before complete, so AT is its time): an on-plan
  // project reads ES = AT on any day, not only at period ends.
  if ((ends[c] as number) > t && !((ends[c - 1] as number) >= t)) {
    if (pv <= ev) st = 1, [t0, pv0, r0] = [at, pv, pv_];
    else st = 2, [t1, pv1, r1] = [at, pv, pv_];
  }
  // So is the planned finish before this segment's right end (PV is BAC there, at PD): the curve went on to the period's
  // end as if the plan earned over days after its finish (EV 90 % of BAC read ES = PD).
  if (cp.finish < (st > 1 ? t : (ends[c] as number))) st |= 4, [t1, pv1, r1] = [pd, cp.bac, cp.packed.bac];
  const last = c === ends.length, d = last ? 0 : pv1 - pv0;
  let pfNum: number | bigint = 0, pfDen: number | bigint = 0;
  if (ev > 0) {
    // Every point's PV ≤ EV: all is earned (EV = BAC, each EV_i ≤ BAC_i, clamped), so Σ min(EV_i, BAC_i) / BAC = 1.
    if (last) pfNum = pfDen = ev;
    else [pfNum, pfDen] = pFactor(cp, ev, ev_, r0, r1 as Float64Array, pv0, d);
  }
  return { pd, at, t0, t1, e: ev - pv0, d, c, s: st, pfNum, pfDen };
}

/** Σ min(EV_i, PV_i@ES) ÷ PV@ES, with PV_i@ES interpolated like the project's ES (exact; BigInt when products get large). */
function pFactor(cp: CompiledProject, ev: number, ev_: Float64Array, r0: ArrayLike<number> | undefined, r1: ArrayLike<number>, pv0: number, dpv: number): [number | bigint, number | bigint] {
  const e = ev - pv0;
  const P = cp.packed, n = P.n, hb = P.hasBaseline;
  // Every product below is bounded by (BAC + |EV − PV_C|) × ΔPV; when that is below 2^53 numbers are exact, else (rare)
  // the same sum runs in BigInt. One loop for both: `N` converts every operand to the one kind, so no step mixes them
  // (typed as number, which BigInt's operators mirror).
  const N = ((cp.bac + Math.abs(e) + ev) * dpv < Number.MAX_SAFE_INTEGER / 2 ? Number : BigInt) as unknown as (v: number) => number;
  const D = N(dpv), E = N(e);
  let num = N(0);
  for (let i = 0; i < n; i++) {
    if (!hb[i]) continue;
    const a = r0 ? (r0[i] as number) : 0;
    const x = N(ev_[i] as number) * D, y = N(a) * D + E * N((r1[i] as number) - a);
    num += x < y ? x : y;
  }
  return [num, N(ev) * D];
}

/** @internal The date of a status day (for messages). */
export const dayToDate = fromEpochDay;
