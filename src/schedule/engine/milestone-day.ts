import { D, type CpmState } from "./cpm-state.js";
import { NOT_STARTED, type CompiledNetwork } from "./network.js";
import { C, LAG_ELAPSED } from "./read-network.js";
import type { CalendarTimeline } from "./timeline.js";
import type { MilestoneDating } from "../types.js";

/* Which day a milestone is dated on, where its position (a day boundary) leaves a choice: shared by the CPM result,
 * levelling and the Monte Carlo finish. */

/**
 * @internal Whether activity i's early start is pinned by a start — the project start, the status date, an SNET or
 * MSO constraint (an SNET date also when a link reaches the same working position) — rather than by a link: a milestone so pinned shows on that morning's day, not the evening before.
 */
export function pinnedByStart(net: CompiledNetwork, st: CpmState, i: number): boolean {
  const drv = st.esDriver[i] as number;
  const kind = net.spec.constraints[i]?.kind;
  // An SNET date that ties with the driving link (a finish the evening before) still pins the start to its morning.
  const snetTie = kind === "snet" && st.esW[i] === net.minStartW[i];
  return drv === D.projectStart || drv === D.statusDate || snetTie || (drv === D.constraint && (kind === "snet" || kind === "mso"));
}

/**
 * @internal The day (from the origin) of a milestone its driving link reaches at an instant after the evening of its own calendar's
 * last working day before its position: a 7-day predecessor finishing Saturday evening, or an elapsed lag ending on a
 * week-end, into a Monday–Friday milestone (Sat 9); an SS or SF link from a start on Monday morning (Mon 11). It is
 * dated on the day of that instant (`dating` `"reached"`, the default): the evening before its position dated it
 * Friday, before the work it follows had finished (or started). A milestone takes no working time, so it is not moved
 * on to Monday either, and the network finish stays the moment the work is done, as the Monte Carlo finish counts it.
 * With `dating` `"next-working-time"` (MS Project) it is dated at the next working time of its own calendar, its
 * position's morning (Mon 11, Mon 08:00 in MS Project). Undefined otherwise (a working-day lag ends on a working
 * boundary of the milestone's own calendar, so it never applies).
 */
export function reachedAfterHoursDay(net: CompiledNetwork, st: CpmState, j: number, dating: MilestoneDating = "reached"): number | undefined {
  return reachedDay(net, st, j, 0, dating);
}

/**
 * @internal The finish instant of a milestone {@link reachedAfterHoursDay} dates, for the Monte Carlo finish: the
 * instant a finish-driven link reaches it (its predecessor's finish plus an elapsed lag), else the evening of its day
 * (always the evening of its day under `"next-working-time"`: the morning it is moved to, counted as that day).
 */
export function reachedAfterHoursFinish(net: CompiledNetwork, st: CpmState, j: number, dating: MilestoneDating = "reached"): number | undefined {
  const day = reachedDay(net, st, j, 0, dating);
  if (day === undefined) return undefined;
  if (dating === "next-working-time") return (day + 1) * net.mpd;
  const { spec } = net;
  const k = st.esDriver[j] as number;
  const i = spec.linkFrom[k] as number;
  const type = spec.linkType[k] as number;
  if ((type === 0 || type === 2) && st.efW[i] !== st.esW[i]) {
    const calI = net.timelines[spec.calendarOf[i] as number] as CalendarTimeline;
    return calI.F(st.efW[i] as number) + (spec.linkLagKind[k] === LAG_ELAPSED ? (spec.linkLag[k] as number) : 0);
  }
  return (day + 1) * net.mpd;
}

/** See {@link reachedAfterHoursDay}; `depth` bounds a chain of milestones. */
function reachedDay(net: CompiledNetwork, st: CpmState, j: number, depth: number, dating: MilestoneDating): number | undefined {
  const k = st.esDriver[j] as number;
  if (k < 0 || st.efW[j] !== st.esW[j] || net.state[j] !== NOT_STARTED) return undefined;
  const { spec } = net;
  const elapsed = spec.linkLagKind[k] === LAG_ELAPSED;
  if (!elapsed && (spec.linkLag[k] as number) !== 0) return undefined;
  const i = spec.linkFrom[k] as number;
  const calI = net.timelines[spec.calendarOf[i] as number] as CalendarTimeline;
  const type = spec.linkType[k] as number;
  const fromFinish = type === 0 || type === 2;
  let reachedOn: number;
  if (st.efW[i] === st.esW[i] && net.state[i] === NOT_STARTED) {
    // A milestone predecessor is reached on its own date (the evening before its position, its pinned morning, or
    // the day it was reached): its start position is the next morning, which dated an SS milestone after it. Plus an
    // elapsed lag: from the instant it stands for (a Friday-evening milestone + 24 h reaches Saturday evening; it
    // was dated Friday, the evening before its position, while the backward pass saw Saturday).
    if (depth > 64) return undefined;
    if (elapsed) {
      const t = milestoneInstant(net, st, i, dating, depth + 1) + (spec.linkLag[k] as number);
      reachedOn = Math.floor(t / net.mpd) - (t % net.mpd === 0 ? 1 : 0);
    } else reachedOn = milestoneDay(net, st, i, depth + 1, dating);
  } else {
    // The predecessor's finish in finish form (the evening of its last working day) or its start (a morning); plus an
    // elapsed lag. Its day: a finish on a day boundary is the evening before, a start the morning of that day.
    const t = (fromFinish ? calI.F(st.efW[i] as number) : calI.S(st.esW[i] as number)) + (elapsed ? (spec.linkLag[k] as number) : 0);
    reachedOn = Math.floor(t / net.mpd) - (fromFinish && t % net.mpd === 0 ? 1 : 0);
  }
  const cal = net.timelines[spec.calendarOf[j] as number] as CalendarTimeline;
  const morning = cal.S(st.esW[j] as number);
  const day = Math.floor(morning / net.mpd);
  // Only a position on a day boundary is dated the evening before: a later day reached is where the milestone is.
  if (morning !== day * net.mpd || reachedOn <= cal.previousWorking(day) || reachedOn > day) return undefined;
  // MS Project's convention: moved on to the next working time of its own calendar, its position's morning.
  return dating === "next-working-time" ? day : reachedOn;
}

/** The day (from the origin) a not-started milestone is dated on: pinned, reached, or the evening before. */
function milestoneDay(net: CompiledNetwork, st: CpmState, i: number, depth: number, dating: MilestoneDating): number {
  const cal = net.timelines[net.spec.calendarOf[i] as number] as CalendarTimeline;
  const morning = cal.S(st.esW[i] as number);
  const day = Math.floor(morning / net.mpd);
  if (pinnedByStart(net, st, i)) return day;
  const reached = reachedDay(net, st, i, depth, dating);
  if (reached !== undefined) return reached;
  return morning === day * net.mpd ? cal.previousWorking(day) : day;
}


/**
 * @internal The instant a not-started milestone j stands for as a finish, under the dating convention: what the
 * project finish, the backward pass and free float measure against. Pinned by a start (project start, status date,
 * SNET, MSO): its morning. Reached in its calendar's non-working time: under `"reached"` the instant it is reached
 * (A finishing Sat 9 on a 7-day calendar: Sat 9 evening, not M's Monday morning, which left A's Sunday as float
 * although A finishing Sunday dates M, and the finish, Sunday); under `"next-working-time"` the morning it is moved
 * to. Otherwise the evening of its calendar's last working day before its position (after a Friday finish: Friday
 * evening, not Monday morning, which gave 7-day work beside it the week-end as float). `morning`: see instantOf.
 */
export function milestoneInstant(net: CompiledNetwork, st: CpmState, j: number, dating: MilestoneDating, depth = 0, morning?: Uint8Array): number {
  const t = instantOf(net, st, j, dating, depth, morning);
  if (morning !== undefined && t % net.mpd !== 0) morning[j] = 0;
  return t;
}

/**
 * See {@link milestoneInstant}; with `morning` (the forward pass's `instantMorning`, filled in topological order) it
 * also writes whether a day-boundary instant is a morning: the milestone is dated on the morning's day (pinned, moved
 * to its next working morning, or reached by a start), a day after an evening finish at the same instant (Monday 00:00
 * is also Sunday evening).
 */
function instantOf(net: CompiledNetwork, st: CpmState, j: number, dating: MilestoneDating, depth: number, morning: Uint8Array | undefined): number {
  const cal = net.timelines[net.spec.calendarOf[j] as number] as CalendarTimeline;
  const w = st.esW[j] as number;
  if (morning !== undefined) morning[j] = 1;
  if (pinnedByStart(net, st, j)) return cal.S(w);
  if (depth <= 64 && reachedDay(net, st, j, depth, dating) !== undefined) {
    if (dating === "next-working-time") return cal.S(w);
    const { spec } = net;
    const k = st.esDriver[j] as number;
    const i = spec.linkFrom[k] as number;
    const type = spec.linkType[k] as number;
    const elapsed = spec.linkLagKind[k] === LAG_ELAPSED;
    const lag = elapsed ? (spec.linkLag[k] as number) : 0;
    if (st.efW[i] === st.esW[i] && net.state[i] === NOT_STARTED) {
      // Without a lag it is dated on the milestone's date; an elapsed lag from it ends as an evening (see reachedDay).
      if (morning !== undefined) morning[j] = elapsed ? 0 : (morning[i] as number);
      return milestoneInstant(net, st, i, dating, depth + 1) + lag;
    }
    const calI = net.timelines[spec.calendarOf[i] as number] as CalendarTimeline;
    const fromFinish = type === 0 || type === 2;
    if (morning !== undefined && fromFinish) morning[j] = 0;
    return (fromFinish ? calI.F(st.efW[i] as number) : calI.S(st.esW[i] as number)) + lag;
  }
  if (morning !== undefined) morning[j] = 0;
  return cal.F(w);
}

/**
 * @internal The instant link k reaches its successor (a milestone): the predecessor's finish (FS, FF) or start (SS,
 * SF) — a not-started milestone predecessor at its {@link milestoneInstant} — plus an elapsed lag; for a working-day
 * lag, the evening before the position it gives (a working boundary of the successor's calendar). Breaks a tie
 * between links reaching a milestone at one position: the last one reached drives it and dates it.
 */
export function linkReachInstant(net: CompiledNetwork, st: CpmState, k: number, position: number, dating: MilestoneDating): number {
  const { spec } = net;
  const elapsed = spec.linkLagKind[k] === LAG_ELAPSED;
  if (!elapsed && (spec.linkLag[k] as number) !== 0) return (net.timelines[spec.calendarOf[spec.linkTo[k] as number] as number] as CalendarTimeline).F(position);
  const i = spec.linkFrom[k] as number;
  const lag = elapsed ? (spec.linkLag[k] as number) : 0;
  if (st.efW[i] === st.esW[i] && net.state[i] === NOT_STARTED) return milestoneInstant(net, st, i, dating) + lag;
  const calI = net.timelines[spec.calendarOf[i] as number] as CalendarTimeline;
  const type = spec.linkType[k] as number;
  return (type === 0 || type === 2 ? calI.F(st.efW[i] as number) : calI.S(st.esW[i] as number)) + lag;
}

/**
 * @internal Whether link k reaches its successor at the morning of instant `t` (see {@link milestoneInstant}'s
 * `morning`): on a day boundary, from a start (SS, SF) with no lag or an elapsed one, or from a milestone dated at that
 * morning with no lag.
 * A morning reach is a day later than an evening one at the same instant: it drives (and dates) the milestone.
 * Mixed calendars only (it reads the forward pass's `instantMorning`).
 */
export function linkReachMorning(net: CompiledNetwork, st: CpmState, k: number, t: number): boolean {
  const { spec } = net;
  if (t % net.mpd !== 0) return false;
  const elapsed = spec.linkLagKind[k] === LAG_ELAPSED;
  if (!elapsed && (spec.linkLag[k] as number) !== 0) return false;
  const i = spec.linkFrom[k] as number;
  if (st.efW[i] === st.esW[i] && net.state[i] === NOT_STARTED) return !elapsed && st.instantMorning[i] === 1;
  const type = spec.linkType[k] as number;
  return type === 1 || type === 3;
}

/**
 * @internal For levelling: the instant a placed, not-started milestone stands for — from the CPM state when levelling
 * left it where CPM put it; an ALAP milestone moved late by itself at the evening before its position; else from its
 * levelled position (`es`/`ef`) driven by the link from the predecessor that moved it (`pusher`).
 */
export function placedMilestoneInstant(
  net: CompiledNetwork,
  st: CpmState,
  es: Float64Array,
  ef: Float64Array,
  pusher: Int32Array,
  dating: MilestoneDating,
): (i: number) => number {
  const liveDriver = Int32Array.from(st.esDriver);
  const live: CpmState = { ...st, esW: es, efW: ef, esDriver: liveDriver };
  return (i) => {
    const by = pusher[i] as number;
    if (es[i] === st.esW[i] && by < 0) return milestoneInstant(net, st, i, dating);
    // Moved late by itself (ALAP): the evening before its position, as it is dated (it kept a start pin's morning).
    if (by < 0) return (net.timelines[net.spec.calendarOf[i] as number] as CalendarTimeline).F(es[i] as number);
    for (let p = net.graph.predStart[i] as number; by >= 0 && p < (net.graph.predStart[i + 1] as number); p++) {
      const k = net.graph.predLinks[p] as number;
      if (net.spec.linkFrom[k] === by) liveDriver[i] = k;
    }
    return milestoneInstant(net, live, i, dating);
  };
}

/**
 * @internal The latest instant milestone i may be reached: the project finish (or `finishBy`) instant and the one each link
 * allows — to a milestone successor its latest instant less an elapsed lag, else the latest instant at the successor's
 * late position less the lag — gathered by the backward pass as `reach`; a deadline or no-later-than/must-on date's
 * evening (a start constraint's morning); and never past its late position's morning. Sets `lateInstant` and
 * `lateMorning` (whether a milestone dated at that instant's morning is admissible).
 */
export function milestoneLateInstant(net: CompiledNetwork, st: CpmState, i: number, reach: number, reachMorning: number, dating: MilestoneDating): void {
  const cal = net.timelines[net.spec.calendarOf[i] as number] as CalendarTimeline;
  const lf = st.lfW[i] as number;
  const morning = cal.S(lf);
  // (t, m): an instant, and whether a milestone dated at its morning is admissible (an evening bound at a day boundary
  // comes before the morning of the same instant).
  let t = reach;
  let m = reachMorning;
  if (morning < t) {
    t = morning;
    m = 1;
  }
  // A date's evening: reached then, the milestone is dated that day ("reached"); moved to its next working morning
  // ("next-working-time"), it must be reached by its calendar's last working evening up to that date.
  const evening = (day: number, w: number) => (dating === "reached" ? (day - net.origin + 1) * net.mpd : cal.F(w));
  const bound = (e: number) => {
    if (e <= t) {
      t = e;
      m = 0;
    }
  };
  const dl = net.spec.deadline[i] as number;
  if (dl === dl) bound(evening(dl, net.deadlineW[i] as number));
  const kind = net.spec.constraintKind[i];
  if (kind === C.fnlt || kind === C.mfo) {
    bound(evening(net.spec.constraintDay[i] as number, (kind === C.fnlt ? net.maxFinishW[i] : net.fixFinishW[i]) as number));
  }
  // Moved to its next working morning, a milestone reached in the non-working stretch before that morning is dated at
  // the morning: unless the morning is admissible (before the bound, or at a morning bound), it must be reached by the
  // evening before (F), as an evening (Sunday-evening finish, Mon–Fri milestone: Friday 17:00, not Monday 00:00).
  if (dating === "next-working-time" && (t < morning || m === 0)) bound(cal.F(lf));
  st.lateInstant[i] = t;
  st.lateMorning[i] = m;
}
