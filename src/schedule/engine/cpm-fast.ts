import type { CompiledNetwork } from "./network.js";
import { D, smallerEnd, type CpmState } from "./cpm-state.js";
import type { CalendarTimeline } from "./timeline.js";
import { linkReachInstant } from "./milestone-day.js";
import type { MilestoneDating } from "../types.js";

/*
 * The CPM kernel's fast path: one shared calendar, working-time lags and no progress, so every position lives in one
 * W-space and a pass is plain arithmetic over the typed arrays (no calendar look-ups, no closures). Same results as
 * the general kernel (the tests run both on the same networks); used for large networks and Monte Carlo iterations.
 */

/** @internal Forward and backward passes on a one-calendar network without progress. */
export function runCpmFast(
  net: CompiledNetwork,
  duration: Float64Array,
  st: CpmState,
  lateFromDay: number | undefined,
  dating: MilestoneDating = "reached",
): void {
  const { linkFrom, linkTo, linkType, linkLag } = net.spec;
  const { predStart, predLinks, succStart, succLinks, order } = net.graph;
  const { esW, efW, lsW, lfW, span, esDriver, esByFinish, lfDriver, lfByStart, mandatoryConflict, leadClamped } = st;
  const { floorW, floorIsStatus, bounded, minStartW, minFinishW, fixStartW, fixFinishW, maxStartW, maxFinishW, deadlineW } = net;
  const n = order.length;
  const ids = net.spec.ids;
  let finish = -Infinity;
  for (let q = 0; q < n; q++) {
    const j = order[q] as number;
    const d = duration[j] as number;
    let w = floorW[j] as number;
    let drv: number = floorIsStatus[j] ? D.statusDate : D.projectStart;
    let byFinish = 0;
    const pEnd = predStart[j + 1] as number;
    for (let p = predStart[j] as number; p < pEnd; p++) {
      const k = predLinks[p] as number;
      const t = linkType[k] as number;
      const i = linkFrom[k] as number;
      let a = (t === 0 || t === 2 ? (efW[i] as number) : (esW[i] as number)) + (linkLag[k] as number);
      if (t >= 2) a -= d;
      // A tie into a milestone: the link reached last drives (and dates) it, as in the general kernel; other ties (and
      // reaches at one instant) go to the smaller predecessor id.
      if (a > w || (a === w && drv >= 0 && winsTie(net, st, k, drv, a, d, dating))) {
        w = a;
        drv = k;
        byFinish = t >= 2 ? 1 : 0;
      }
    }
    leadClamped[j] = drv < 0 && pEnd > (predStart[j] as number) ? leadAsksEarlier(net, st, j, d) : 0;
    mandatoryConflict[j] = 0;
    if (bounded[j]) {
      const ms = minStartW[j] as number;
      if (ms > w) { w = ms; drv = D.constraint; byFinish = 0; }
      const mf = (minFinishW[j] as number) - d;
      if (mf > w) { w = mf; drv = D.constraint; byFinish = 1; }
      const fs = fixStartW[j] as number;
      if (fs === fs) { if (w > fs) mandatoryConflict[j] = w - fs; w = fs; drv = D.constraint; byFinish = 0; }
      const ff = (fixFinishW[j] as number) - d;
      if (ff === ff) { if (w > ff) mandatoryConflict[j] = w - ff; w = ff; drv = D.constraint; byFinish = 1; }
    }
    esW[j] = w;
    const f = w + d;
    efW[j] = f;
    if (f > finish) finish = f;
    span[j] = d;
    esDriver[j] = drv;
    esByFinish[j] = byFinish;
  }
  const cal = net.timelines[0] as CalendarTimeline;
  if (n === 0) finish = cal.W((net.spec.start - net.origin) * net.mpd);
  st.finishInstant = n === 0 ? cal.S(finish) : cal.F(finish);
  const lateFrom = lateFromDay === undefined ? st.finishInstant : (lateFromDay - net.origin + 1) * net.mpd;
  st.lateFromInstant = lateFrom;
  const from = cal.W(lateFrom);
  for (let q = n - 1; q >= 0; q--) {
    const i = order[q] as number;
    const d = span[i] as number;
    let w = from;
    let drv: number = D.projectFinish;
    let byStart = 0;
    const sEnd = succStart[i + 1] as number;
    for (let p = succStart[i] as number; p < sEnd; p++) {
      const k = succLinks[p] as number;
      const t = linkType[k] as number;
      const j = linkTo[k] as number;
      let a = (t >= 2 ? (lfW[j] as number) : (lsW[j] as number)) - (linkLag[k] as number);
      if (t === 1 || t === 3) a += d;
      if (a < w || (a === w && (drv === D.projectFinish || smallerEnd(ids, linkTo, k, drv)))) {
        w = a;
        drv = k;
        byStart = t === 1 || t === 3 ? 1 : 0;
      }
    }
    if (bounded[i]) {
      const dl = deadlineW[i] as number;
      if (dl < w) { w = dl; drv = D.deadline; byStart = 0; }
      const xs = (maxStartW[i] as number) + d;
      if (xs < w) { w = xs; drv = D.constraint; byStart = 1; }
      const xf = maxFinishW[i] as number;
      if (xf < w) { w = xf; drv = D.constraint; byStart = 0; }
      const fs = fixStartW[i] as number;
      if (fs === fs) { w = fs + d; drv = D.constraint; byStart = 1; }
      const ff = fixFinishW[i] as number;
      if (ff === ff) { w = ff; drv = D.constraint; byStart = 0; }
    }
    lfW[i] = w;
    lsW[i] = w - d;
    lfDriver[i] = drv;
    lfByStart[i] = byStart;
  }
}

/** Whether link k wins a tie with link `by` at position a of j (see the forward pass). */
function winsTie(net: CompiledNetwork, st: CpmState, k: number, by: number, a: number, d: number, dating: MilestoneDating): boolean {
  if (d === 0) {
    const tk = linkReachInstant(net, st, k, a, dating);
    const tb = linkReachInstant(net, st, by, a, dating);
    if (tk !== tb) return tk > tb;
  }
  return smallerEnd(net.spec.ids, net.spec.linkFrom, k, by);
}

/** 1 when j's best link candidate uses a lead and falls before the project start (the start clamps it). */
function leadAsksEarlier(net: CompiledNetwork, st: CpmState, j: number, d: number): number {
  if (net.floorIsStatus[j]) return 0;
  const { linkFrom, linkType, linkLag } = net.spec;
  let best = -Infinity;
  let bestK = -1;
  for (let p = net.graph.predStart[j] as number; p < (net.graph.predStart[j + 1] as number); p++) {
    const k = net.graph.predLinks[p] as number;
    const t = linkType[k] as number;
    const i = linkFrom[k] as number;
    const a = (t === 0 || t === 2 ? (st.efW[i] as number) : (st.esW[i] as number)) + (linkLag[k] as number) - (t >= 2 ? d : 0);
    if (a > best || (a === best && smallerEnd(net.spec.ids, net.spec.linkFrom, k, bestK))) {
      best = a;
      bestK = k;
    }
  }
  return bestK >= 0 && (linkLag[bestK] as number) < 0 && best < (net.floorW[j] as number) ? 1 : 0;
}
