import { fromEpochDay, type IsoDate } from "../../core/index.js";
import type { Edge } from "../engine/edge.js";
import { COMPLETE, NOT_STARTED, type CompiledNetwork } from "../engine/network.js";
import { C, LAG_ELAPSED } from "../engine/read-network.js";
import type { CalendarTimeline } from "../engine/timeline.js";
import type { ScheduleViolation } from "../types.js";

/**
 * @internal The start position (j's W-space) link k allows activity j of span d, given its predecessor's dates es/ef
 * (levelled or CPM); the lag is counted on the successor's calendar, or elapsed.
 */
export function linkStart(
  net: CompiledNetwork,
  k: number,
  j: number,
  d: number,
  es: Float64Array,
  ef: Float64Array,
  milestoneAt?: (i: number) => number,
): number {
  const { linkFrom, linkType, linkLag, linkLagKind, calendarOf } = net.spec;
  const i = linkFrom[k] as number;
  const t = linkType[k] as number;
  const fromFinish = t === 0 || t === 2;
  const anchor = fromFinish ? (ef[i] as number) : (es[i] as number);
  let a: number;
  if (net.oneCalendar || (calendarOf[i] === calendarOf[j] && linkLagKind[k] !== LAG_ELAPSED)) a = anchor + (linkLag[k] as number);
  else {
    const cal = net.timelines[calendarOf[i] as number] as CalendarTimeline;
    const calJ = net.timelines[calendarOf[j] as number] as CalendarTimeline;
    // A not-started milestone hands on the instant its dating stands for, as in the CPM forward pass.
    const inst =
      milestoneAt !== undefined && ef[i] === es[i] && net.state[i] === NOT_STARTED
        ? milestoneAt(i)
        : fromFinish ? ((ef[i] as number) > (es[i] as number) ? cal.F(anchor) : cal.S(anchor)) : cal.S(anchor);
    a = linkLagKind[k] === LAG_ELAPSED ? calJ.W(inst + (linkLag[k] as number)) : calJ.W(inst) + (linkLag[k] as number);
  }
  return t >= 2 ? a - d : a;
}

const LINK = ["FS", "SS", "FF", "SF"] as const;

/**
 * @internal Deadlines, finish-no-later-than and start-no-later-than dates the levelled dates miss, and links a must-on
 * date breaks once levelling moved the predecessor, in input order.
 */
export function levelledViolations(
  net: CompiledNetwork,
  es: Float64Array,
  ef: Float64Array,
  edge: Edge,
  rows: readonly { readonly start: IsoDate; readonly finish: IsoDate }[],
): ScheduleViolation[] {
  const out: ScheduleViolation[] = [];
  for (let i = 0; i < es.length; i++) {
    if (net.state[i] === COMPLETE) continue;
    const id = net.spec.ids[i] as string;
    const push = (kind: ScheduleViolation["kind"], late: number, what: string) => {
      const days = edge.days(late);
      out.push({ kind, activityId: id, days, message: `${id} ${what} ${days.toFixed()} day${days.eq(1) ? "" : "s"} after its ${kind === "deadline-missed" ? `deadline ${fromEpochDay(net.spec.deadline[i] as number)}` : what === "starts" ? "start-no-later-than date" : "finish-no-later-than date"} when levelled` });
    };
    const startLate = (es[i] as number) - (net.maxStartW[i] as number);
    if (startLate > 0 && net.state[i] === NOT_STARTED) push("constraint-violated", startLate, "starts");
    const finishLate = (ef[i] as number) - (net.maxFinishW[i] as number);
    if (finishLate > 0) push("constraint-violated", finishLate, "finishes");
    // Started work keeps no must-on dates in levelling: its remaining part may be pushed past its must-finish-on date.
    const mfoLate = net.state[i] === NOT_STARTED ? Number.NaN : (ef[i] as number) - (net.fixFinishW[i] as number);
    if (mfoLate > 0) {
      const days = edge.days(mfoLate);
      out.push({ kind: "constraint-violated", activityId: id, days, message: `${id} finishes ${days.toFixed()} day${days.eq(1) ? "" : "s"} after its must-finish-on date ${fromEpochDay(net.spec.constraintDay[i] as number)} when levelled` });
    }
    const late = (ef[i] as number) - (net.deadlineW[i] as number);
    if (late > 0) push("deadline-missed", late, "finishes");
    if (net.state[i] === NOT_STARTED && (net.spec.constraintKind[i] === C.mso || net.spec.constraintKind[i] === C.mfo)) brokenLinks(net, i, es, ef, edge, rows, out);
  }
  return out;
}

/**
 * A not-started must-on activity keeps its date in levelling: each link whose predecessor's levelled dates want it
 * later is reported, by predecessor id then link type (the date won in silence).
 */
function brokenLinks(
  net: CompiledNetwork,
  j: number,
  es: Float64Array,
  ef: Float64Array,
  edge: Edge,
  rows: readonly { readonly start: IsoDate; readonly finish: IsoDate }[],
  out: ScheduleViolation[],
): void {
  const { spec, graph } = net;
  const id = spec.ids[j] as string;
  const d = (ef[j] as number) - (es[j] as number);
  const broken: { i: number; t: number; early: number }[] = [];
  for (let p = graph.predStart[j] as number; p < (graph.predStart[j + 1] as number); p++) {
    const k = graph.predLinks[p] as number;
    const early = linkStart(net, k, j, d, es, ef) - (es[j] as number);
    if (early > 0) broken.push({ i: spec.linkFrom[k] as number, t: spec.linkType[k] as number, early });
  }
  broken.sort((x, y) => ((spec.ids[x.i] as string) < (spec.ids[y.i] as string) ? -1 : (spec.ids[x.i] as string) > (spec.ids[y.i] as string) ? 1 : x.t - y.t));
  const c = spec.constraints[j];
  const kind = (c?.kind ?? "").toUpperCase();
  for (const { i, t, early } of broken) {
    const days = edge.days(early);
    const p = spec.ids[i] as string;
    const fromFinish = t === 0 || t === 2;
    const row = rows[i] as { readonly start: IsoDate; readonly finish: IsoDate };
    out.push({
      kind: "link-violated",
      activityId: id,
      days,
      message:
        `${id} ${t >= 2 ? "finishes" : "starts"} ${days.toFixed()} day${days.eq(1) ? "" : "s"} before its ${LINK[t]} predecessor ${p} allows when levelled ` +
        `(${p} ${fromFinish ? `finishes ${row.finish}` : `starts ${row.start}`}); its ${kind} date ${fromEpochDay(spec.constraintDay[j] as number)} wins`,
    });
  }
}

