import type { CompiledNetwork } from "../engine/network.js";
import type { CalendarTimeline } from "../engine/timeline.js";

/*
 * The Monte Carlo iteration kernel: early and late positions only (no drivers, no findings), on a network the fast
 * CPM path handles (one calendar, working-time lags, no progress). Links are flattened once into slot arrays that
 * point straight into interleaved [start, finish] position arrays, so a pass is loads and adds without branching on
 * the link type. Positions are whole minutes, so the dates equal the fast kernel's exactly (tested side by side).
 */

/** @internal A network flattened for {@link runDates}. */
export interface DatesKernel {
  readonly n: number;
  /** Per activity: early [start, finish] and late [start, finish] positions, interleaved (2i, 2i + 1). */
  readonly early: Float64Array;
  readonly late: Float64Array;
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

interface Compiled extends DatesKernel {
  readonly net: CompiledNetwork;
  readonly critMin: number;
  readonly lateFromDay: number | undefined;
  readonly predSrc: Int32Array;
  readonly predLag: Float64Array;
  readonly predByFinish: Float64Array;
  readonly succSrc: Int32Array;
  readonly succLag: Float64Array;
  readonly succByStart: Float64Array;
  /** Per link: its slot in the predecessor-major and successor-major arrays. */
  readonly predSlot: Int32Array;
  readonly succSlot: Int32Array;
}

/**
 * @internal Flattens a fast-path network (`net.oneCalendar && net.noProgress`) for {@link runDates}: critical is total
 * float ≤ `critMin` minutes; the backward pass starts at `lateFromDay`'s evening when given, else at the network finish.
 */
export function datesKernel(net: CompiledNetwork, critMin = 0, lateFromDay?: number): DatesKernel {
  const { linkFrom, linkTo, linkType, linkLag } = net.spec;
  const { predLinks, succLinks } = net.graph;
  const n = net.graph.order.length;
  const predSrc = new Int32Array(predLinks.length);
  const predLag = new Float64Array(predLinks.length);
  const predByFinish = new Float64Array(predLinks.length);
  for (let p = 0; p < predLinks.length; p++) {
    const k = predLinks[p] as number;
    const t = linkType[k] as number;
    // FS, FF leave from the predecessor's finish; FF, SF bind the successor's finish.
    predSrc[p] = 2 * (linkFrom[k] as number) + (t === 0 || t === 2 ? 1 : 0);
    predLag[p] = linkLag[k] as number;
    predByFinish[p] = t >= 2 ? 1 : 0;
  }
  const succSrc = new Int32Array(succLinks.length);
  const succLag = new Float64Array(succLinks.length);
  const succByStart = new Float64Array(succLinks.length);
  for (let p = 0; p < succLinks.length; p++) {
    const k = succLinks[p] as number;
    const t = linkType[k] as number;
    succSrc[p] = 2 * (linkTo[k] as number) + (t >= 2 ? 1 : 0);
    succLag[p] = linkLag[k] as number;
    succByStart[p] = t === 1 || t === 3 ? 1 : 0;
  }
  const predSlot = new Int32Array(linkFrom.length);
  const succSlot = new Int32Array(linkFrom.length);
  for (let p = 0; p < predLinks.length; p++) predSlot[predLinks[p] as number] = p;
  for (let p = 0; p < succLinks.length; p++) succSlot[succLinks[p] as number] = p;
  const kernel: Compiled = {
    n, net, critMin, lateFromDay, early: new Float64Array(2 * n), late: new Float64Array(2 * n), finishInstant: 0, lastFinish: 0,
    predSrc, predLag, predByFinish, succSrc, succLag, succByStart, predSlot, succSlot,
  };
  return kernel;
}

/** @internal Sets link k's lag (minutes) for the next {@link runDates}: a percent lag on a sampled predecessor. */
export function setDatesLag(kernel: DatesKernel, k: number, lag: number): void {
  const c = kernel as Compiled;
  c.predLag[c.predSlot[k] as number] = lag;
  c.succLag[c.succSlot[k] as number] = lag;
}

/**
 * @internal Forward and backward passes for the durations given (minutes), from the network finish (or the kernel's
 * `lateFromDay`); adds 1 to `critical[i]` for every activity with total float ≤ the kernel's `critMin`. Same positions
 * as `runCpmFast`.
 */
export function runDates(kernel: DatesKernel, duration: Float64Array, critical: Int32Array): void {
  const k = kernel as Compiled;
  const { net, n, early, late, predSrc, predLag, predByFinish, succSrc, succLag, succByStart, critMin, lateFromDay } = k;
  const { predStart, succStart, order } = net.graph;
  const { floorW, bounded, minStartW, minFinishW, fixStartW, fixFinishW, maxStartW, maxFinishW, deadlineW } = net;
  let finish = -Infinity;
  // The latest position of a milestone pinned by a start: what pinnedByStart says of the CPM kernel's drivers (the
  // project start or the status date unless a link passes it; SNET, also tied with a link; MSO; not FNET or MFO).
  let pinned = -Infinity;
  for (let q = 0; q < n; q++) {
    const j = order[q] as number;
    const d = duration[j] as number;
    let w = floorW[j] as number;
    let pin = 1;
    const pEnd = predStart[j + 1] as number;
    for (let p = predStart[j] as number; p < pEnd; p++) {
      const a = (early[predSrc[p] as number] as number) + (predLag[p] as number) - d * (predByFinish[p] as number);
      if (a > w) {
        w = a;
        pin = 0;
      }
    }
    if (bounded[j]) {
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
    early[2 * j] = w;
    const f = w + d;
    early[2 * j + 1] = f;
    if (f > finish) finish = f;
    if (d === 0 && pin && w > pinned) pinned = w;
  }
  const cal = net.timelines[0] as CalendarTimeline;
  if (n === 0) finish = cal.W((net.spec.start - net.origin) * net.mpd);
  kernel.finishInstant = n === 0 ? cal.S(finish) : cal.F(finish);
  kernel.lastFinish = pinned === -Infinity ? kernel.finishInstant : Math.max(kernel.finishInstant, pinnedEvening(cal.S(pinned), net.mpd));
  const from = cal.W(lateFromDay === undefined ? kernel.finishInstant : (lateFromDay - net.origin + 1) * net.mpd);
  for (let q = n - 1; q >= 0; q--) {
    const i = order[q] as number;
    const d = duration[i] as number;
    let w = from;
    const sEnd = succStart[i + 1] as number;
    for (let p = succStart[i] as number; p < sEnd; p++) {
      const a = (late[succSrc[p] as number] as number) - (succLag[p] as number) + d * (succByStart[p] as number);
      if (a < w) w = a;
    }
    if (bounded[i]) {
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
    late[2 * i] = w - d;
    late[2 * i + 1] = w;
    // Total float: late start − early start (= late finish − early finish: one duration, one W-space).
    if (w - d - (early[2 * i] as number) <= critMin) critical[i] = (critical[i] as number) + 1;
  }
}
