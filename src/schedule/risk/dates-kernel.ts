import type { CompiledNetwork } from "../engine/network.js";
import type { CalendarTimeline } from "../engine/timeline.js";

/*
 * The Monte Carlo iteration kernel: early and late positions only (no drivers, no findings), on a network the fast
 * CPM path handles (one calendar, working-time lags, no progress). Links are flattened once into slot arrays that
 * point straight into interleaved [start, finish] position arrays, so a pass is loads and adds without branching on
 * the link type. Positions are whole minutes, so the dates equal the fast kernel's exactly (tested side by side).
 *
 * Activities are renumbered in topological order (slot q is the q-th activity of the order), so a pass walks its
 * position, floor and link arrays front to back. The passes run on 32-bit integers when every position of the run
 * provably fits (see `fitsInt32`): the max / min over a node's links is then a branch-free integer select. With
 * doubles it was a compare-and-branch per link that the processor mispredicted whenever sampled durations changed
 * which link drives (10,000 × 1,000: 0.65 s → 0.40 s for the passes). A run that might not fit takes the same passes
 * on doubles with the branches (`runFloat`); both give the same positions (tested side by side).
 */

/** @internal A network flattened for {@link runDates}. */
export interface DatesKernel {
  readonly n: number;
  /** Project finish instant of the last run (the backward pass starts there). */
  finishInstant: number;
  /**
   * The last run's finish as the Monte Carlo counts it: `finishInstant`, or the evening of the day a milestone pinned
   * by a start (project start, SNET, MSO) is dated on, when later.
   */
  lastFinish: number;
}

/** @internal The finish a milestone pinned at `morning` counts as: the evening of that morning's day, as it is dated. */
export function pinnedEvening(morning: number, mpd: number): number {
  return (Math.floor(morning / mpd) + 1) * mpd;
}

/** Positions stay within ±2^30, so the difference of two (the integer select) stays within 32 bits. */
const LIMIT = 2 ** 30;

interface Compiled extends DatesKernel {
  readonly net: CompiledNetwork;
  readonly critMin: number;
  readonly lateFromDay: number | undefined;
  /** Slot q → activity (the topological order); the arrays below are by slot. */
  readonly order: Int32Array;
  readonly floor: Float64Array;
  readonly bounded: Uint8Array;
  /** Links into slot q at [predStart[q], predStart[q + 1]): source position index, lag, −1 when it binds the finish. */
  readonly predStart: Int32Array;
  readonly predSrc: Int32Array;
  readonly predLag: Float64Array;
  readonly predLagInt: Int32Array;
  readonly predMask: Int32Array;
  /** Links out of slot q, likewise: target position index, lag, −1 when the predecessor's start is bound. */
  readonly succStart: Int32Array;
  readonly succSrc: Int32Array;
  readonly succLag: Float64Array;
  readonly succLagInt: Int32Array;
  readonly succMask: Int32Array;
  /** Per link: its slot in the predecessor-major and successor-major arrays. */
  readonly predSlot: Int32Array;
  readonly succSlot: Int32Array;
  /** Early and late [start, finish] per slot (2q, 2q + 1), as doubles and as integers; `lastInt` says which is current. */
  readonly early: Float64Array;
  readonly late: Float64Array;
  readonly earlyInt: Int32Array;
  readonly lateInt: Int32Array;
  lastInt: boolean;
  /** The run's durations by slot, as integers (filled by `fitsInt32`). */
  readonly durationInt: Int32Array;
  /** Largest |position| of a floor, bound or the late start day; Σ |lag| now; whether those are whole minutes. */
  readonly bound: number;
  lagSum: number;
  integral: boolean;
}

/**
 * @internal Flattens a fast-path network (`net.oneCalendar && net.noProgress`) for {@link runDates}: critical is total
 * float ≤ `critMin` minutes; the backward pass starts at `lateFromDay`'s evening when given, else at the network finish.
 */
export function datesKernel(net: CompiledNetwork, critMin = 0, lateFromDay?: number): DatesKernel {
  const { linkFrom, linkTo, linkType, linkLag } = net.spec;
  const { predStart: ps, predLinks, succStart: ss, succLinks, order } = net.graph;
  const n = order.length;
  const m = predLinks.length;
  const slot = new Int32Array(n);
  for (let q = 0; q < n; q++) slot[order[q] as number] = q;
  const floor = new Float64Array(n);
  const bounded = new Uint8Array(n);
  const predStart = new Int32Array(n + 1);
  const succStart = new Int32Array(n + 1);
  const predSrc = new Int32Array(m);
  const predMask = new Int32Array(m);
  const succSrc = new Int32Array(m);
  const succMask = new Int32Array(m);
  const predSlot = new Int32Array(m);
  const succSlot = new Int32Array(m);
  const predLag = new Float64Array(m);
  const succLag = new Float64Array(m);
  let bound = lateFromDay === undefined ? 0 : Math.abs((lateFromDay - net.origin + 1) * net.mpd);
  let integral = Number.isInteger(bound);
  const see = (x: number) => {
    if (x !== x) return; // no bound
    if (!Number.isInteger(x)) integral = false;
    if (Math.abs(x) > bound) bound = Math.abs(x);
  };
  let pc = 0;
  let sc = 0;
  for (let q = 0; q < n; q++) {
    const j = order[q] as number;
    floor[q] = net.floorW[j] as number;
    see(floor[q] as number);
    bounded[q] = net.bounded[j] as number;
    if (bounded[q]) for (const a of [net.minStartW, net.minFinishW, net.fixStartW, net.fixFinishW, net.maxStartW, net.maxFinishW, net.deadlineW]) see(a[j] as number);
    predStart[q] = pc;
    for (let p = ps[j] as number; p < (ps[j + 1] as number); p++, pc++) {
      const k = predLinks[p] as number;
      const t = linkType[k] as number;
      // FS, FF leave from the predecessor's finish; FF, SF bind the successor's finish.
      predSrc[pc] = 2 * (slot[linkFrom[k] as number] as number) + (t === 0 || t === 2 ? 1 : 0);
      predLag[pc] = linkLag[k] as number;
      predMask[pc] = t >= 2 ? -1 : 0;
      predSlot[k] = pc;
    }
    succStart[q] = sc;
    for (let p = ss[j] as number; p < (ss[j + 1] as number); p++, sc++) {
      const k = succLinks[p] as number;
      const t = linkType[k] as number;
      succSrc[sc] = 2 * (slot[linkTo[k] as number] as number) + (t >= 2 ? 1 : 0);
      succLag[sc] = linkLag[k] as number;
      succMask[sc] = t === 1 || t === 3 ? -1 : 0;
      succSlot[k] = sc;
    }
  }
  predStart[n] = pc;
  succStart[n] = sc;
  let lagSum = 0;
  for (let p = 0; p < m; p++) {
    lagSum += Math.abs(predLag[p] as number);
    if (!Number.isInteger(predLag[p])) integral = false;
  }
  const kernel: Compiled = {
    n, net, critMin, lateFromDay, order, floor, bounded, predStart, predSrc, predLag, predLagInt: Int32Array.from(predLag), predMask, succStart, succSrc, succLag,
    succLagInt: Int32Array.from(succLag), succMask, predSlot, succSlot, early: new Float64Array(2 * n), late: new Float64Array(2 * n), earlyInt: new Int32Array(2 * n),
    lateInt: new Int32Array(2 * n), lastInt: false, durationInt: new Int32Array(n), bound, lagSum, integral, finishInstant: 0, lastFinish: 0,
  };
  return kernel;
}

/** @internal Sets link k's lag (minutes) for the next {@link runDates}: a percent lag on a sampled predecessor. */
export function setDatesLag(kernel: DatesKernel, k: number, lag: number): void {
  const c = kernel as Compiled;
  const p = c.predSlot[k] as number;
  const s = c.succSlot[k] as number;
  c.lagSum += Math.abs(lag) - Math.abs(c.predLag[p] as number); // whole minutes: exact
  if (!Number.isInteger(lag)) c.integral = false; // for good: the double passes are always right
  c.predLag[p] = lag;
  c.succLag[s] = lag;
  c.predLagInt[p] = lag;
  c.succLagInt[s] = lag;
}

/** @internal Early start, early finish, late start, late finish of activity i in the last {@link runDates}. */
export function datesOf(kernel: DatesKernel, i: number): [number, number, number, number] {
  const c = kernel as Compiled;
  const q = c.order.indexOf(i);
  const [e, l] = c.lastInt ? [c.earlyInt, c.lateInt] : [c.early, c.late];
  return [e[2 * q] as number, e[2 * q + 1] as number, l[2 * q] as number, l[2 * q + 1] as number];
}

/**
 * @internal Forward and backward passes for the durations given (minutes), from the network finish (or the kernel's
 * `lateFromDay`); adds 1 to `critical[i]` for every activity with total float ≤ the kernel's `critMin`. Same positions
 * as `runCpmFast`. `doubles` runs the passes on doubles whatever the positions (the tests compare the two).
 */
export function runDates(kernel: DatesKernel, duration: Float64Array, critical: Int32Array, doubles = false): void {
  const k = kernel as Compiled;
  if (!(!doubles && fitsInt32(k, duration) && runInt(k, critical))) runFloat(k, duration, critical);
}

/**
 * Every position of a run lies within ±(bound + 4 S), S = Σ durations + Σ |lags|: a position is an anchor (a floor, a
 * bound, the late start day; the network finish is itself a position) moved along one path, which passes each link
 * once and each activity's duration at most twice (into its finish, out of its start). With room for one more S, a
 * link's candidate and its difference from the running max fit in 32 bits. Whole minutes only (an integer cast would
 * truncate anything else). Copies the durations in slot order for the integer passes.
 */
function fitsInt32(k: Compiled, duration: Float64Array): boolean {
  if (!k.integral) return false;
  const { order, durationInt } = k;
  let s = k.lagSum;
  for (let q = 0; q < k.n; q++) {
    const d = duration[order[q] as number] as number;
    if ((d | 0) !== d || d < 0) return false;
    durationInt[q] = d;
    s += d;
  }
  return k.bound + 6 * s < LIMIT;
}

/** The finish figures of a run from its forward pass; returns where the backward pass starts. */
function settle(k: Compiled, finish: number, pinned: number): number {
  const { net, n, lateFromDay } = k;
  const cal = net.timelines[0] as CalendarTimeline;
  if (n === 0) finish = cal.W((net.spec.start - net.origin) * net.mpd);
  k.finishInstant = n === 0 ? cal.S(finish) : cal.F(finish);
  k.lastFinish = pinned === -Infinity ? k.finishInstant : Math.max(k.finishInstant, pinnedEvening(cal.S(pinned), net.mpd));
  return cal.W(lateFromDay === undefined ? k.finishInstant : (lateFromDay - net.origin + 1) * net.mpd);
}

/**
 * The passes on 32-bit integers. Over a node's links, w = max(w, a) is w + (t & ~(t >> 31)) with t = a − w (min
 * likewise), and a finish-bound link subtracts d & −1 = d: no branch depends on the data. The latest position before
 * the bounds exceeds the floor exactly when some link beat it, which is what unpins a milestone. Constraints and
 * deadlines (few activities) keep their branches on doubles. Returns false, having counted nothing, when the backward
 * start does not fit (not expected: it is the finish or the late start day).
 */
function runInt(k: Compiled, critical: Int32Array): boolean {
  const { net, n, order, floor, bounded, predStart, predSrc, predLagInt, predMask, succStart, succSrc, succLagInt, succMask, critMin, durationInt } = k;
  const { minStartW, minFinishW, fixStartW, fixFinishW, maxStartW, maxFinishW, deadlineW } = net;
  const early = k.earlyInt;
  const late = k.lateInt;
  let finish = -Infinity;
  // The latest position of a milestone pinned by a start: what pinnedByStart says of the CPM kernel's drivers (the
  // project start or the status date unless a link passes it; SNET, also tied with a link; MSO; not FNET or MFO).
  let pinned = -Infinity;
  for (let q = 0; q < n; q++) {
    const d = durationInt[q] as number;
    const lo = (floor[q] as number) | 0;
    let w = lo;
    const end = predStart[q + 1] as number;
    for (let p = predStart[q] as number; p < end; p++) {
      const t = ((early[predSrc[p] as number] as number) + (predLagInt[p] as number) - (d & (predMask[p] as number)) - w) | 0;
      w = (w + (t & ~(t >> 31))) | 0;
    }
    let pin = w > lo ? 0 : 1;
    if (bounded[q]) {
      const j = order[q] as number;
      let x: number = w;
      const ms = minStartW[j] as number;
      if (ms >= x) pin = 1;
      if (ms > x) x = ms;
      const mf = (minFinishW[j] as number) - d;
      if (mf > x) {
        x = mf;
        pin = 0;
      }
      const fs = fixStartW[j] as number;
      if (fs === fs) {
        x = fs;
        pin = 1;
      }
      const ff = (fixFinishW[j] as number) - d;
      if (ff === ff) {
        x = ff;
        pin = 0;
      }
      w = x | 0;
    }
    early[2 * q] = w;
    const f = w + d;
    early[2 * q + 1] = f;
    if (f > finish) finish = f;
    if (d === 0 && pin && w > pinned) pinned = w;
  }
  const from = settle(k, finish, pinned);
  if ((from | 0) !== from || Math.abs(from) >= LIMIT) return false;
  for (let q = n - 1; q >= 0; q--) {
    const i = order[q] as number;
    const d = durationInt[q] as number;
    let w = from;
    const end = succStart[q + 1] as number;
    for (let p = succStart[q] as number; p < end; p++) {
      const t = ((late[succSrc[p] as number] as number) - (succLagInt[p] as number) + (d & (succMask[p] as number)) - w) | 0;
      w = (w + (t & (t >> 31))) | 0;
    }
    if (bounded[q]) {
      let x: number = w;
      const dl = deadlineW[i] as number;
      if (dl < x) x = dl;
      const xs = (maxStartW[i] as number) + d;
      if (xs < x) x = xs;
      const xf = maxFinishW[i] as number;
      if (xf < x) x = xf;
      const fs = fixStartW[i] as number;
      if (fs === fs) x = fs + d;
      const ff = fixFinishW[i] as number;
      if (ff === ff) x = ff;
      w = x | 0;
    }
    late[2 * q] = w - d;
    late[2 * q + 1] = w;
    // Total float: late start − early start (= late finish − early finish: one duration, one W-space).
    if (w - d - (early[2 * q] as number) <= critMin) critical[i] = (critical[i] as number) + 1;
  }
  k.lastInt = true;
  return true;
}

/** The same passes on doubles, a compare and branch per link: for runs whose positions might not fit 32 bits. */
function runFloat(k: Compiled, duration: Float64Array, critical: Int32Array): void {
  const { net, n, order, floor, bounded, predStart, predSrc, predLag, predMask, succStart, succSrc, succLag, succMask, early, late, critMin } = k;
  const { minStartW, minFinishW, fixStartW, fixFinishW, maxStartW, maxFinishW, deadlineW } = net;
  let finish = -Infinity;
  let pinned = -Infinity;
  for (let q = 0; q < n; q++) {
    const j = order[q] as number;
    const d = duration[j] as number;
    let w = floor[q] as number;
    let pin = 1;
    const end = predStart[q + 1] as number;
    for (let p = predStart[q] as number; p < end; p++) {
      const a = (early[predSrc[p] as number] as number) + (predLag[p] as number) - d * ((predMask[p] as number) & 1);
      if (a > w) {
        w = a;
        pin = 0;
      }
    }
    if (bounded[q]) {
      const ms = minStartW[j] as number;
      if (ms >= w) pin = 1;
      if (ms > w) w = ms;
      const mf = (minFinishW[j] as number) - d;
      if (mf > w) {
        w = mf;
        pin = 0;
      }
      const fs = fixStartW[j] as number;
      if (fs === fs) {
        w = fs;
        pin = 1;
      }
      const ff = (fixFinishW[j] as number) - d;
      if (ff === ff) {
        w = ff;
        pin = 0;
      }
    }
    early[2 * q] = w;
    const f = w + d;
    early[2 * q + 1] = f;
    if (f > finish) finish = f;
    if (d === 0 && pin && w > pinned) pinned = w;
  }
  const from = settle(k, finish, pinned);
  for (let q = n - 1; q >= 0; q--) {
    const i = order[q] as number;
    const d = duration[i] as number;
    let w = from;
    const end = succStart[q + 1] as number;
    for (let p = succStart[q] as number; p < end; p++) {
      const a = (late[succSrc[p] as number] as number) - (succLag[p] as number) + d * ((succMask[p] as number) & 1);
      if (a < w) w = a;
    }
    if (bounded[q]) {
      const dl = deadlineW[i] as number;
      if (dl < w) w = dl;
      const xs = (maxStartW[i] as number) + d;
      if (xs < w) w = xs;
      const xf = maxFinishW[i] as number;
      if (xf < w) w = xf;
      const fs = fixStartW[i] as number;
      if (fs === fs) w = fs + d;
      const ff = fixFinishW[i] as number;
      if (ff === ff) w = ff;
    }
    late[2 * q] = w - d;
    late[2 * q + 1] = w;
    if (w - d - (early[2 * q] as number) <= critMin) critical[i] = (critical[i] as number) + 1;
  }
  k.lastInt = false;
}
