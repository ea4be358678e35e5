import { COMPLETE, IN_PROGRESS, NOT_STARTED, type CompiledNetwork } from "./network.js";
import { LAG_ELAPSED } from "./read-network.js";
import { runCpmFast } from "./cpm-fast.js";
import { D, smallerEnd, type CpmState } from "./cpm-state.js";
import { linkReachInstant, linkReachMorning, milestoneInstant, milestoneLateInstant } from "./milestone-day.js";
import type { MilestoneDating, StartLinkFloat } from "../types.js";
import type { CalendarTimeline } from "./timeline.js";
export { D, cpmState, type CpmState } from "./cpm-state.js";

/** @internal Instant of a start position (S-form) or of a finish position (F-form when the span is positive). */
export function startInstant(cal: CalendarTimeline, w: number): number {
  return cal.S(w);
}
/** @internal See {@link startInstant}. */
export function finishInstant(cal: CalendarTimeline, w: number, span: number): number {
  return span > 0 ? cal.F(w) : cal.S(w);
}

/**
 * @internal Forward and backward passes. `duration` gives each activity's original duration in minutes (sampled in
 * Monte Carlo); remaining durations of started work come from the spec. `lateFromDay` (epoch day) replaces the
 * network finish as the start of the backward pass. `override` applies progress override to started activities.
 */
export function runCpm(
  net: CompiledNetwork,
  duration: Float64Array,
  st: CpmState,
  override: boolean,
  lateFromDay: number | undefined,
  dating: MilestoneDating = "reached",
  startRule: StartLinkFloat = "exact",
): void {
  if (net.oneCalendar && net.noProgress) runCpmFast(net, duration, st, lateFromDay, dating);
  else runCpmGeneral(net, duration, st, override, lateFromDay, dating, startRule);
}

/**
 * @internal The latest start position on `cal` whose start is no later than instant t: its working-time position,
 * unless t lies in the calendar's non-working time (or on the evening boundary after a working day), where a start at
 * that position is the next working morning, after t: then the last working minute before it (`"exact"`), or the
 * position itself (`"working-time"`, MS Project's late dates: Fri 17:00 ≡ Mon 08:00). `beforeT`: t is an evening
 * bound on a day boundary, which a start there (a morning, a day later) passes: the start must come before t.
 */
export function latestStartBy(cal: CalendarTimeline, t: number, startRule: StartLinkFloat, beforeT = false): number {
  const w = cal.W(t);
  const s = cal.S(w);
  return startRule === "exact" && (s > t || (beforeT && s === t)) ? w - 1 : w;
}

/**
 * Link k against link `by`, both at position a of j: a milestone goes to the link that reaches it last (at one
 * instant: a morning after an evening), then — as any other tie — to the smaller predecessor id.
 */
function winsTie(net: CompiledNetwork, st: CpmState, k: number, by: number, a: number, d: number, dating: MilestoneDating): boolean {
  if (d === 0) {
    const tk = linkReachInstant(net, st, k, a, dating);
    const tb = linkReachInstant(net, st, by, a, dating);
    if (tk !== tb) return tk > tb;
    if (!net.oneCalendar) {
      const mk = linkReachMorning(net, st, k, tk);
      if (mk !== linkReachMorning(net, st, by, tb)) return mk;
    }
  }
  return smallerEnd(net.spec.ids, net.spec.linkFrom, k, by);
}

/** @internal The general kernel: several calendars, elapsed lags, progress. */
export function runCpmGeneral(
  net: CompiledNetwork,
  duration: Float64Array,
  st: CpmState,
  override: boolean,
  lateFromDay: number | undefined,
  dating: MilestoneDating = "reached",
  startRule: StartLinkFloat = "exact",
): void {
  const { spec, graph, timelines, state } = net;
  const { linkFrom, linkTo, linkType, linkLagKind, linkLag, calendarOf, remaining } = spec;
  const { esW, efW, lsW, lfW, span, esDriver, esByFinish, lfDriver, lfByStart, mandatoryConflict, leadClamped, lateInstant, lateMorning, instant, instantMorning } = st;
  const { predStart, predLinks, succStart, succLinks, order } = graph;
  const n = order.length;
  const one = net.oneCalendar;

  // Anchor of link k at the successor j, in j's W-space: predecessor's start (SS, SF) or finish (FS, FF) plus lag.
  const forwardAnchor = (k: number, i: number, j: number): number => {
    const type = linkType[k] as number;
    const fromFinish = type === 0 || type === 2;
    const w = fromFinish ? (efW[i] as number) : (esW[i] as number);
    if (one) return w + (linkLag[k] as number);
    const ci = calendarOf[i] as number;
    const cj = calendarOf[j] as number;
    const lag = linkLag[k] as number;
    if (ci === cj && linkLagKind[k] !== LAG_ELAPSED) return w + lag;
    const cal = timelines[ci] as CalendarTimeline;
    // A not-started milestone passes on the instant its dating stands for (reached, the evening before its position,
    // or its pinned or moved-to morning): its position's morning put a Mon–Sat milestone after a Mon–Fri one dated
    // Fri 8 on Sat 9, and a 7-day successor of a milestone reached on Saturday on Monday.
    const t =
      efW[i] === esW[i] && state[i] === NOT_STARTED
        ? (instant[i] as number)
        : fromFinish ? finishInstant(cal, w, (efW[i] as number) - (esW[i] as number)) : cal.S(w);
    const calJ = timelines[cj] as CalendarTimeline;
    return linkLagKind[k] === LAG_ELAPSED ? calJ.W(t + lag) : calJ.W(t) + lag;
  };

  // Not captured by a closure: the hot loops read it (and linkFrom) from registers.
  const ids = spec.ids;

  for (let q = 0; q < n; q++) {
    const j = order[q] as number;
    const s = state[j] as number;
    esByFinish[j] = 0;
    mandatoryConflict[j] = 0;
    leadClamped[j] = 0;
    if (s === COMPLETE) {
      esW[j] = net.actualStartW[j] as number;
      efW[j] = net.actualFinishW[j] as number;
      span[j] = (efW[j] as number) - (esW[j] as number);
      esDriver[j] = D.actual;
      continue;
    }
    const pStart = predStart[j] as number;
    const pEnd = predStart[j + 1] as number;
    if (s === IN_PROGRESS) {
      const r = remaining[j] as number;
      span[j] = r;
      esW[j] = net.actualStartW[j] as number;
      let w = net.statusW[j] as number;
      let drv: number = D.statusDate;
      if (!override) {
        // Retained logic: remaining work still waits for FS predecessors, and its finish for FF and SF ones (SF binds
        // the successor's finish, as FF does); only SS ties its start, which is history.
        for (let p = pStart; p < pEnd; p++) {
          const k = predLinks[p] as number;
          const type = linkType[k] as number;
          if (type === 1) continue;
          const a = forwardAnchor(k, linkFrom[k] as number, j) - (type >= 2 ? r : 0);
          if (a > w || (a === w && drv >= 0 && smallerEnd(ids, linkFrom, k, drv))) {
            w = a;
            drv = k;
          }
        }
      }
      // A finish-no-earlier-than date still holds the finish (its start constraints are history), as for unstarted work.
      const mf = (net.minFinishW[j] as number) - r;
      if (mf > w) {
        w = mf;
        drv = D.constraint;
      }
      efW[j] = w + r;
      esDriver[j] = drv; // for in-progress work: what set the remaining work's start
      continue;
    }
    const d = duration[j] as number;
    span[j] = d;
    let w = net.floorW[j] as number;
    let drv: number = net.floorIsStatus[j] ? D.statusDate : D.projectStart;
    let byFinish = 0;
    let bestLink = -Infinity;
    let bestK = -1;
    for (let p = pStart; p < pEnd; p++) {
      const k = predLinks[p] as number;
      const type = linkType[k] as number;
      const fin = type >= 2 ? 1 : 0;
      const a = forwardAnchor(k, linkFrom[k] as number, j) - (fin ? d : 0);
      if (a > bestLink || (a === bestLink && smallerEnd(ids, linkFrom, k, bestK))) {
        bestLink = a;
        bestK = k;
      }
      if (a > w || (a === w && drv >= 0 && winsTie(net, st, k, drv, a, d, dating))) {
        // Two links reaching a milestone at one position: the one reached last drives (and dates) it, whatever the
        // order of the links (a 7-day predecessor's Saturday evening over another's Friday evening; a start's Tuesday
        // 00:00, a morning, over a finish on Monday evening, the same instant). Other ties: the smaller id.
        w = a;
        drv = k;
        byFinish = fin;
      }
    }
    if (bestLink < (net.floorW[j] as number) && bestK >= 0 && (linkLag[bestK] as number) < 0 && drv < 0 && !net.floorIsStatus[j]) leadClamped[j] = 1;
    const ms = net.minStartW[j] as number;
    if (ms > w) {
      w = ms;
      drv = D.constraint;
      byFinish = 0;
    }
    const mf = (net.minFinishW[j] as number) - d;
    if (mf > w) {
      w = mf;
      drv = D.constraint;
      byFinish = 1;
    }
    const fs = net.fixStartW[j] as number;
    if (fs === fs) {
      if (w > fs) mandatoryConflict[j] = w - fs;
      w = fs;
      drv = D.constraint;
      byFinish = 0;
    }
    const ff = (net.fixFinishW[j] as number) - d;
    if (ff === ff) {
      if (w > ff) mandatoryConflict[j] = w - ff;
      w = ff;
      drv = D.constraint;
      byFinish = 1;
    }
    esW[j] = w;
    efW[j] = w + d;
    esDriver[j] = drv;
    esByFinish[j] = byFinish;
    if (d === 0 && !one) instant[j] = milestoneInstant(net, st, j, dating, 0, instantMorning);
  }

  // Project finish: the latest early finish instant; the backward pass starts there or at `lateFromDay`'s evening.
  let finish = -Infinity;
  // A finish at a day boundary is a morning when a milestone dated that morning ends the network (see instantMorning).
  let finishMorning = 0;
  if (one) {
    for (let i = 0; i < n; i++) if ((efW[i] as number) > finish) finish = efW[i] as number;
    finish = (timelines[0] as CalendarTimeline).F(finish);
  } else {
    // A not-started milestone counts at the instant its dating stands for (see milestoneInstant): the moment it is
    // reached, or the evening before its position; its position's morning let other calendars' work use the gap.
    for (let i = 0; i < n; i++) {
      const m = span[i] === 0 && state[i] === NOT_STARTED;
      // Started work finishes at an evening, no earlier than its actual start day's, as it is dated and as the Monte
      // Carlo counts it (with nothing left its 0-day span read as a start: FNET Fri 22 gave Monday 25's morning).
      const t = m ? (instant[i] as number)
        : state[i] === IN_PROGRESS ? Math.max((timelines[calendarOf[i] as number] as CalendarTimeline).F(efW[i] as number), ((net.spec.actualStart[i] as number) - net.origin + 1) * net.mpd)
        : finishInstant(timelines[calendarOf[i] as number] as CalendarTimeline, efW[i] as number, span[i] as number);
      if (t > finish) {
        finish = t;
        finishMorning = m ? (instantMorning[i] as number) : 0;
      } else if (t === finish && m && instantMorning[i]) finishMorning = 1;
    }
  }
  if (n === 0) {
    const c0 = timelines[0] as CalendarTimeline;
    finish = c0.S(c0.W((net.spec.start - net.origin) * net.mpd));
  }
  st.finishInstant = finish;
  const lateFrom = lateFromDay === undefined ? finish : (lateFromDay - net.origin + 1) * net.mpd;
  st.lateFromInstant = lateFrom;
  st.finishMorning = lateFromDay === undefined ? finishMorning : 0;
  const mpd = net.mpd;
  const lateFromW0 = one ? (timelines[0] as CalendarTimeline).W(lateFrom) : 0;

  for (let q = n - 1; q >= 0; q--) {
    const i = order[q] as number;
    const s = state[i] as number;
    lfByStart[i] = 0;
    if (s === COMPLETE) {
      lsW[i] = esW[i] as number;
      lfW[i] = efW[i] as number;
      lfDriver[i] = D.actual;
      continue;
    }
    const d = span[i] as number;
    const ci = calendarOf[i] as number;
    const cal = timelines[ci] as CalendarTimeline;
    let w = one ? lateFromW0 : cal.W(lateFrom);
    let drv: number = D.projectFinish;
    let byStart = 0;
    // A not-started milestone on mixed calendars also gathers the latest instant each link lets it be reached (see
    // milestoneLateInstant), in this same loop.
    const ms = d === 0 && s === NOT_STARTED && !one;
    // `reachMorning`: whether the milestone may still be dated at the morning of `reach` (see CpmState.lateMorning).
    let reach = lateFrom;
    let reachMorning = st.finishMorning;
    for (let p = succStart[i] as number; p < (succStart[i + 1] as number); p++) {
      const k = succLinks[p] as number;
      const j = linkTo[k] as number;
      const sj = state[j] as number;
      if (sj === COMPLETE) continue;
      const type = linkType[k] as number;
      if (sj === IN_PROGRESS && (override || type === 1)) continue; // the link no longer binds (SS: j's start is history)
      if (s === IN_PROGRESS && (type === 1 || type === 3)) continue; // i has started: its start is history
      const toFinish = type === 2 || type === 0 ? 0 : 1; // SS/SF bind i's start
      const fromJFinish = type === 2 || type === 3; // FF/SF anchor at j's finish
      const anchor = fromJFinish ? (lfW[j] as number) : (lsW[j] as number);
      const lag = linkLag[k] as number;
      let a: number;
      const cj = calendarOf[j] as number;
      const elapsed = linkLagKind[k] === LAG_ELAPSED;
      if (!one && sj === NOT_STARTED && span[j] === 0 && (elapsed || lag === 0)) {
        // Into a not-started milestone: i's finish (or start) may reach it until the latest instant it may be reached
        // (its late position's morning, or earlier: the project finish when it ends the network, Sat 9 for a milestone
        // reached on a Saturday, which left the predecessor the rest of the week-end).
        // A start (SS, SF) must come no later than the instant (see latestStartBy), and before it when the instant is
        // an evening on a day boundary: a start there is the next morning, and dates the milestone that day.
        const lt = lateInstant[j] as number;
        const t = lt - (elapsed ? lag : 0);
        if (ms) {
          // Milestone i passes on its own date (its morning is j's) without a lag; with an elapsed lag, an evening.
          const km = elapsed ? 1 : (lateMorning[j] as number);
          if (t < reach || (t === reach && km === 0)) {
            reach = t;
            reachMorning = km;
          }
        }
        a = toFinish && d > 0 ? latestStartBy(cal, t, startRule, lateMorning[j] === 0 && lt % mpd === 0) : cal.W(t);
      } else if (one || cj === ci && !elapsed) {
        a = anchor - lag;
        if (ms) {
          const u = cal.S(anchor - lag);
          if (u < reach) {
            reach = u;
            reachMorning = 1;
          }
        }
      } else {
        const calJ = timelines[cj] as CalendarTimeline;
        // The latest instant at j's position (S: a day boundary maps to the next working morning), as the forward
        // pass maps every instant of a non-working stretch to that same position; less an elapsed lag. A start (SS,
        // SF) of a non-milestone must come no later than it (latestStartBy): its position's morning may be after it.
        const t = elapsed ? calJ.S(anchor) - lag : calJ.S(anchor - lag);
        if (ms && t < reach) {
          reach = t;
          reachMorning = 1;
        }
        a = toFinish && d > 0 ? latestStartBy(cal, t, startRule) : cal.W(t);
      }
      if (toFinish) a += d;
      if (a < w || (a === w && (drv === D.projectFinish || smallerEnd(ids, linkTo, k, drv)))) {
        w = a;
        drv = k;
        byStart = toFinish;
      }
    }
    const dl = net.deadlineW[i] as number;
    if (dl < w) {
      w = dl;
      drv = D.deadline;
      byStart = 0;
    }
    if (s === NOT_STARTED) {
      const xs = (net.maxStartW[i] as number) + d;
      if (xs < w) {
        w = xs;
        drv = D.constraint;
        byStart = 1;
      }
      const xf = net.maxFinishW[i] as number;
      if (xf < w) {
        w = xf;
        drv = D.constraint;
        byStart = 0;
      }
      const fs = net.fixStartW[i] as number;
      if (fs === fs) {
        w = fs + d;
        drv = D.constraint;
        byStart = 1;
      }
      const ff = net.fixFinishW[i] as number;
      if (ff === ff) {
        w = ff;
        drv = D.constraint;
        byStart = 0;
      }
    } else {
      // Started work: its start is history, its finish is not — a finish-no-later-than or must-finish-on date still
      // bounds the late finish (as a deadline does), so a miss shows as negative float. (The must-on date cannot move
      // the remaining work's early dates: it is a late bound only.)
      const fnlt = net.maxFinishW[i] as number;
      const mfo = net.fixFinishW[i] as number;
      const xf = fnlt === fnlt ? fnlt : mfo; // NaN: none (an activity has one constraint)
      if (xf < w) {
        w = xf;
        drv = D.constraint;
        byStart = 0;
      }
    }
    lfW[i] = w;
    lsW[i] = w - d;
    lfDriver[i] = drv;
    lfByStart[i] = byStart;
    if (ms) milestoneLateInstant(net, st, i, reach, reachMorning, dating);
  }
}
