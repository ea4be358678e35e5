import type { IsoDate } from "../../core/index.js";
import type { CpmState } from "../engine/cpm-kernel.js";
import type { Edge } from "../engine/edge.js";
import { COMPLETE, IN_PROGRESS, NOT_STARTED, type CompiledNetwork } from "../engine/network.js";
import type { CalendarTimeline } from "../engine/timeline.js";
import { pinnedByStart, reachedAfterHours } from "../schedule-network.js";
import type { LevellingResult, MilestoneDating } from "../types.js";

/** @internal The levelled positions to date: early start/finish per activity, and who pushed each (−1: nobody). */
export interface LevelledPositions {
  readonly es: Float64Array;
  readonly ef: Float64Array;
  readonly pusher: Int32Array;
  /** How far levelling moved activity i in working minutes (its start; for started work its remaining part's). */
  readonly moved: (i: number) => number;
}

/**
 * @internal The levelled activities dated as scheduleNetwork dates them, and the levelled finish date (the latest
 * activity finish *date*, each dated as the activities are — comparing raw instants dated a week-end milestone on
 * Sunday), undefined without activities.
 */
export function levelledDates(
  net: CompiledNetwork,
  st: CpmState,
  schedule: LevellingResult["schedule"],
  edge: Edge,
  { es, ef, pusher, moved }: LevelledPositions,
  milestoneDating: MilestoneDating,
): { activities: LevellingResult["activities"]; finish: IsoDate | undefined } {
  const n = net.spec.ids.length;
  let finish: IsoDate | undefined;
  // A milestone still where the project start, status date, SNET or MSO pinned it is dated as scheduleNetwork dates
  // it: on that morning's day (it showed the evening before, earlier than its CPM date and its constraint).
  // The levelled positions as the kernel's state, each moved activity driven by the link from its pusher (one link
  // per pair), to date a moved milestone as an unmoved one is dated.
  const levelledDriver = Int32Array.from(st.esDriver);
  for (let j = 0; j < n; j++) {
    const i = pusher[j] as number;
    if (i < 0) continue;
    for (let p = net.graph.predStart[j] as number; p < (net.graph.predStart[j + 1] as number); p++) {
      const k = net.graph.predLinks[p] as number;
      if (net.spec.linkFrom[k] === i) levelledDriver[j] = k;
    }
  }
  const levelledSt: CpmState = { ...st, esW: es, efW: ef, esDriver: levelledDriver };
  const activities = net.spec.ids.map((id, i) => {
    const cal = net.timelines[net.spec.calendarOf[i] as number] as CalendarTimeline;
    const span = (ef[i] as number) - (es[i] as number);
    const pinned = span <= 0 && es[i] === st.esW[i] && pinnedByStart(net, st, i);
    // A milestone its predecessor reaches in its calendar's non-working time is dated as scheduleNetwork dates it: on
    // the day of that instant, or the next working morning (milestoneDating) — where CPM put it, or where a levelled
    // predecessor moved it (it showed the evening before, before its predecessor had finished).
    const unmoved = es[i] === st.esW[i] && (pusher[i] as number) < 0;
    const reached = span <= 0 && !pinned && net.state[i] === NOT_STARTED
      ? unmoved ? reachedAfterHours(net, st, i, milestoneDating) : (pusher[i] as number) >= 0 ? reachedAfterHours(net, levelledSt, i, milestoneDating) : undefined
      : undefined;
    const activityFinish = net.state[i] === COMPLETE ? (schedule.activities[i]?.earlyFinish as IsoDate)
      : net.state[i] === IN_PROGRESS ? edge.startedFinishDate(cal, ef[i] as number, net.spec.actualStart[i] as number) : reached ?? (pinned ? edge.startDate(cal, es[i] as number) : edge.finishDate(cal, ef[i] as number, span));
    if (finish === undefined || activityFinish > finish) finish = activityFinish;
    // Started and complete work is not moved: its actual dates show as recorded (as in scheduleNetwork).
    const sched = schedule.activities[i] as LevellingResult["schedule"]["activities"][number];
    return {
      id,
      start: net.state[i] !== NOT_STARTED ? sched.earlyStart : reached ?? (span > 0 || pinned ? edge.startDate(cal, es[i] as number) : edge.milestoneDate(cal, es[i] as number)),
      finish: activityFinish,
      delayDays: edge.days(moved(i)),
      pushedBy: moved(i) > 0 && (pusher[i] as number) >= 0 ? net.spec.ids[pusher[i] as number] : undefined,
    };
  });
  return { activities, finish };
}
