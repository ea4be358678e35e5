import { checkArguments, fromEpochDay, type IsoDate, type WorkingCalendar } from "../core/index.js";
import { D, cpmState, runCpm, type CpmState } from "./engine/cpm-kernel.js";
import { Edge } from "./engine/edge.js";
import { alapShift } from "./engine/alap-shift.js";
import { computeFloats, type Floats } from "./engine/floats.js";
import { COMPLETE, IN_PROGRESS, NOT_STARTED, compileNetwork, type CompiledNetwork } from "./engine/network.js";
import { LINK_TYPES, readNetwork } from "./engine/read-network.js";
import { pinnedByStart, reachedAfterHoursDay } from "./engine/milestone-day.js";

export { pinnedByStart } from "./engine/milestone-day.js";
import type { CalendarTimeline } from "./engine/timeline.js";
import { resolveScheduleOptions, type ResolvedScheduleOptions } from "./options.js";
import { findViolations } from "./violations.js";
import type { ActivityStatus, DateDriver, MilestoneDating, ScheduleInput, ScheduleOptions, ScheduleResult, ScheduledActivity } from "./types.js";

/**
 * Schedules a network by the critical path method: forward pass (early dates), backward pass (late dates), total and
 * free float, critical and near-critical activities, the longest path, and what drove every date.
 *
 * Conventions (stated in `result.conventions` too): durations and lags are working time on the activity's calendar,
 * lags on the **successor's** calendar; starts are mornings, finishes evenings; "no earlier than" constraints and
 * must-on dates move the early dates, "no later than" constraints and deadlines only the late dates (a miss shows as
 * negative float and a violation); ALAP activities are placed late by their free float, so no successor moves.
 * With a status date, complete work keeps its actual dates, started work continues after the status date (retained
 * logic or progress override) and unstarted work starts no earlier than the morning after the status date.
 *
 * @throws {ValidationError} with the path of each bad field: unknown ids in links, self-links, duplicate links,
 *   negative durations, bad dates or calendars, inconsistent progress — and a cycle, named ("A → B → C → A"); an
 *   unknown option key at its key (`outOfSequnce: unknown option (scheduleNetwork takes …)`).
 * @example
 * ```ts
 * const r = scheduleNetwork({
 *   projectStart: "2027-01-04",
 *   activities: [{ id: "A", duration: 3 }, { id: "B", duration: 2 }, { id: "C", duration: 1 }],
 *   links: [{ from: "A", to: "B" }, { from: "A", to: "C", type: "SS", lag: { days: 1 } }],
 * });
 * r.finish;          // "2027-01-08" (A Mon–Wed, B Thu–Fri)
 * r.criticalPaths;   // [["A", "B"]]
 * r.activities[2].totalFloat.toFixed(); // "3" (C may slip from Tue to Fri)
 * ```
 */
export function scheduleNetwork(input: ScheduleInput, options: ScheduleOptions = {}): ScheduleResult {
  checkArguments("scheduleNetwork", { input: [input, "object"], options: [options, "object"] });
  const opts = resolveScheduleOptions(options); // refuses an unknown key first (checkOptionKeys)
  const net = compileNetwork(readNetwork(input), opts.startNoLaterThan);
  const st = cpmState(net.spec.ids.length);
  runCpm(net, net.spec.duration, st, opts.outOfSequence === "progress-override", opts.finishBy, opts.milestoneDating, opts.startLinkFloat);
  return scheduleResult(net, st, opts);
}

/**
 * @internal The date of a milestone its driving link reaches after the evening of its own calendar's last working
 * day before its position (see {@link reachedAfterHoursDay}), or undefined.
 */
export function reachedAfterHours(net: CompiledNetwork, st: CpmState, j: number, dating: MilestoneDating = "reached"): IsoDate | undefined {
  const day = reachedAfterHoursDay(net, st, j, dating);
  return day === undefined ? undefined : fromEpochDay(net.origin + day);
}

/** @internal Builds the public result from the kernel's arrays (dates, Decimals and explanations at the edge). */
export function scheduleResult(net: CompiledNetwork, st: CpmState, opts: ResolvedScheduleOptions): ScheduleResult {
  const { spec } = net;
  const edge = new Edge(net.origin, net.mpd, spec.start);
  const floats = computeFloats(net, st, opts.totalFloat, opts.outOfSequence === "progress-override", opts.milestoneDating, opts.startLinkFloat);
  // Where ALAP work is scheduled: late by its free float to its successors' scheduled dates (an ALAP chain together).
  const late = alapShift(net, st, floats, opts.outOfSequence === "progress-override", opts.milestoneDating);
  const critMin = opts.criticalDays.times(net.mpd).toNumber();
  const nearMin = opts.nearCriticalDays.times(net.mpd).toNumber();
  const n = spec.ids.length;
  const critical = new Uint8Array(n);
  const activities: ScheduledActivity[] = [];
  for (let i = 0; i < n; i++) {
    const cal = net.timelines[spec.calendarOf[i] as number] as CalendarTimeline;
    const s = net.state[i] as number;
    const tf = floats.totalFloat[i] as number;
    const isCritical = s !== COMPLETE && tf <= critMin;
    critical[i] = isCritical ? 1 : 0;
    const es = st.esW[i] as number;
    const ef = st.efW[i] as number;
    const alap = spec.constraints[i]?.kind === "alap" && s === 0;
    const late0 = st.lfW[i] === st.lsW[i];
    const startPinned = pinnedByStart(net, st, i);
    const latePinned = startPinned && st.lsW[i] === es;
    const shift = alap ? (late.shift[i] as number) : 0;
    // A milestone reached in its calendar's non-working time: on the day of that instant (see reachedAfterHours).
    const reached = ef === es && !startPinned ? reachedAfterHours(net, st, i, opts.milestoneDating) : undefined;
    const lateReached = reached !== undefined && late0 && st.lsW[i] === es ? reached : undefined;
    // Actual dates are shown as recorded, also on a non-working day (weekend work): positions would move them to the
    // next working morning or back to the previous working evening.
    const actualStart = s === NOT_STARTED ? undefined : fromEpochDay(spec.actualStart[i] as number);
    const actualFinish = s === COMPLETE ? fromEpochDay(spec.actualFinish[i] as number) : undefined;
    // Started work finishes no earlier than the day it started (nothing left on a week-end start); its late finish
    // too, unless it is behind (negative float): then the date its deadline or successors ask for (it showed the
    // actual start day, later than the deadline that set it).
    activities.push({
      id: spec.ids[i] as string,
      name: spec.names[i] as string,
      projectId: spec.projectIds[i],
      duration: edge.days(spec.duration[i] as number),
      remainingDuration: edge.days(spec.remaining[i] as number),
      status: (["not-started", "in-progress", "complete"] as const)[s] as ActivityStatus,
      earlyStart: actualStart ?? reached ?? (ef === es && !startPinned ? edge.milestoneDate(cal, es) : edge.startDate(cal, es)),
      earlyFinish: actualFinish ?? (s === IN_PROGRESS ? edge.startedFinishDate(cal, ef, spec.actualStart[i] as number) : undefined) ?? reached ?? (ef === es && startPinned ? edge.startDate(cal, es) : edge.finishDate(cal, ef, ef - es)),
      lateStart: s === COMPLETE ? (actualStart as IsoDate) : lateReached ?? (late0 && !latePinned ? edge.milestoneDate(cal, st.lsW[i] as number) : edge.startDate(cal, st.lsW[i] as number)),
      lateFinish: actualFinish ?? (s === IN_PROGRESS ? edge.startedFinishDate(cal, st.lfW[i] as number, (st.lfW[i] as number) >= ef ? (spec.actualStart[i] as number) : -Infinity) : undefined) ?? lateReached ?? (late0 && latePinned ? edge.startDate(cal, st.lfW[i] as number) : edge.finishDate(cal, st.lfW[i] as number, (st.lfW[i] as number) - (st.lsW[i] as number))),
      // An unshifted pinned milestone is scheduled on its early day, as its early dates show it (not the evening before).
      scheduledStart: actualStart ?? (shift === 0 ? reached : undefined) ?? (ef === es && !(startPinned && shift === 0) ? edge.milestoneDate(cal, es + shift) : edge.startDate(cal, es + shift)),
      scheduledFinish: actualFinish ?? (s === IN_PROGRESS ? edge.startedFinishDate(cal, ef, spec.actualStart[i] as number) : undefined) ?? (shift === 0 ? reached : undefined) ?? (ef === es && startPinned && shift === 0 ? edge.startDate(cal, es) : edge.finishDate(cal, ef + shift, ef - es)),
      startFloat: edge.days(floats.startFloat[i] as number),
      finishFloat: edge.days(floats.finishFloat[i] as number),
      totalFloat: edge.days(tf),
      freeFloat: edge.days(floats.freeFloat[i] as number),
      critical: isCritical,
      nearCritical: s !== COMPLETE && !isCritical && tf <= nearMin,
      longestPath: floats.longestPath[i] === 1,
      earlyStartDriver: st.esByFinish[i] ? { kind: "duration" } : forwardDriver(net, st, edge, i),
      earlyFinishDriver: st.esByFinish[i] || s === IN_PROGRESS || s === COMPLETE ? forwardDriver(net, st, edge, i, true) : { kind: "duration" },
      lateFinishDriver: st.lfByStart[i] ? { kind: "duration" } : backwardDriver(net, st, edge, i),
      lateStartDriver: st.lfByStart[i] ? backwardDriver(net, st, edge, i) : { kind: "duration" },
    });
  }
  // A network of milestones at its start finishes on its start day, not the evening before.
  const startDate = fromEpochDay(spec.start);
  const finish = activities.reduce((f, a) => (a.earlyFinish > f ? a.earlyFinish : f), startDate);
  const cal0 = net.timelines[0] as CalendarTimeline;
  const startW = cal0.W((spec.start - net.origin) * net.mpd);
  return {
    start: startDate,
    finish,
    durationDays: edge.days(cal0.W(st.finishInstant) - startW),
    calendar: spec.calendars[0] as WorkingCalendar,
    lateFinishFrom: opts.finishBy === undefined ? finish : edge.instantFinishDate(st.lateFromInstant),
    statusDate: spec.status === undefined ? undefined : fromEpochDay(spec.status),
    activities,
    criticalPaths: criticalPaths(net, st, critical),
    longestPath: byStart(net, st, [...Array(n).keys()].filter((i) => floats.longestPath[i] === 1)),
    violations: findViolations(net, st, floats, edge, activities.map((a) => a.earlyFinish)),
    conventions: {
      totalFloat: opts.totalFloat,
      criticalDays: opts.criticalDays,
      nearCriticalDays: opts.nearCriticalDays,
      outOfSequence: opts.outOfSequence,
      hoursPerDay: spec.hoursPerDay,
      lagCalendar: "successor",
      milestoneDating: opts.milestoneDating,
      startLinkFloat: opts.startLinkFloat,
      startNoLaterThan: opts.startNoLaterThan,
    },
  };
}

function linkDriver(net: CompiledNetwork, edge: Edge, k: number): DateDriver {
  const { spec } = net;
  return {
    kind: "link",
    from: spec.ids[spec.linkFrom[k] as number] as string,
    to: spec.ids[spec.linkTo[k] as number] as string,
    type: LINK_TYPES[spec.linkType[k] as number] as (typeof LINK_TYPES)[number],
    lagDays: edge.days(spec.linkLag[k] as number),
  };
}

function forwardDriver(net: CompiledNetwork, st: CpmState, edge: Edge, i: number, finish = false): DateDriver {
  const { spec } = net;
  const s = net.state[i] as number;
  if (s === COMPLETE || (s === IN_PROGRESS && !finish)) {
    return { kind: "actual", date: fromEpochDay((finish ? spec.actualFinish[i] : spec.actualStart[i]) as number) };
  }
  const d = st.esDriver[i] as number;
  if (d >= 0) return linkDriver(net, edge, d);
  if (d === D.constraint) return { kind: "constraint", constraint: spec.constraints[i] ?? { kind: "asap" } };
  if (d === D.statusDate) return { kind: "status-date", date: fromEpochDay(spec.status as number) };
  return { kind: "project-start", date: fromEpochDay(spec.start) };
}

function backwardDriver(net: CompiledNetwork, st: CpmState, edge: Edge, i: number): DateDriver {
  const { spec } = net;
  const d = st.lfDriver[i] as number;
  if (d >= 0) return linkDriver(net, edge, d);
  if (d === D.actual) return { kind: "actual", date: fromEpochDay(spec.actualFinish[i] as number) };
  if (d === D.constraint) return { kind: "constraint", constraint: spec.constraints[i] ?? { kind: "asap" } };
  if (d === D.deadline) return { kind: "deadline", date: fromEpochDay(spec.deadline[i] as number) };
  return { kind: "project-finish", date: edge.instantFinishDate(st.lateFromInstant) };
}

/** Ids in early-start order (then input order). */
function byStart(net: CompiledNetwork, st: CpmState, idx: number[]): string[] {
  const at = (i: number) => (net.timelines[net.spec.calendarOf[i] as number] as CalendarTimeline).S(st.esW[i] as number);
  return idx
    .map((i) => ({ i, t: at(i) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => net.spec.ids[x.i] as string);
}

/** Critical activities grouped by the driving-link forest: each group is one tree of critical driving links. */
function criticalPaths(net: CompiledNetwork, st: CpmState, critical: Uint8Array): string[][] {
  const n = critical.length;
  const root = new Int32Array(n).fill(-1);
  const groups = new Map<number, number[]>();
  for (const j of net.graph.order) {
    if (!critical[j]) continue;
    const d = st.esDriver[j] as number;
    const i = d >= 0 ? (net.spec.linkFrom[d] as number) : -1;
    root[j] = i >= 0 && critical[i] ? (root[i] as number) : j;
    const g = groups.get(root[j] as number);
    if (g) g.push(j);
    else groups.set(root[j] as number, [j]);
  }
  return [...groups.values()]
    .map((g) => byStart(net, st, g))
    .sort((a, b) => {
      const ia = net.spec.index.get(a[0] as string) as number;
      const ib = net.spec.index.get(b[0] as string) as number;
      const ta = (net.timelines[net.spec.calendarOf[ia] as number] as CalendarTimeline).S(st.esW[ia] as number);
      const tb = (net.timelines[net.spec.calendarOf[ib] as number] as CalendarTimeline).S(st.esW[ib] as number);
      return ta - tb || ia - ib;
    });
}
