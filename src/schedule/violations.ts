import { fromEpochDay } from "../core/index.js";
import type { CpmState } from "./engine/cpm-kernel.js";
import type { Edge } from "./engine/edge.js";
import type { Floats } from "./engine/floats.js";
import { COMPLETE, IN_PROGRESS, NOT_STARTED, type CompiledNetwork } from "./engine/network.js";
import { C } from "./engine/read-network.js";
import type { ScheduleViolation } from "./types.js";

/**
 * @internal Every problem the schedule shows, per activity in input order: actual dates after the status date,
 * out-of-sequence progress, clamped leads, must-on dates that override logic, no-later-than constraints and deadlines
 * missed, negative float.
 */
export function findViolations(net: CompiledNetwork, st: CpmState, floats: Floats, edge: Edge, earlyFinish?: readonly string[]): ScheduleViolation[] {
  const { spec } = net;
  const out: ScheduleViolation[] = [];
  const push = (kind: ScheduleViolation["kind"], i: number, minutes: number | undefined, message: string) =>
    out.push({ kind, activityId: spec.ids[i] as string, days: minutes === undefined ? undefined : edge.days(minutes), message });
  const n = spec.ids.length;
  // "1 day", "-1 day", "2 days", "0.5 days": the word agrees with the figure.
  const days = (m: number) => {
    const d = edge.days(m);
    return `${d.toFixed()} ${d.abs().eq(1) ? "day" : "days"}`;
  };
  for (let i = 0; i < n; i++) {
    const id = spec.ids[i] as string;
    const s = net.state[i] as number;
    if (spec.status !== undefined) {
      for (const [what, d] of [["start", spec.actualStart[i]], ["finish", spec.actualFinish[i]]] as const) {
        if ((d as number) > spec.status) {
          push("actual-after-status-date", i, undefined, `${id}'s actual ${what} ${fromEpochDay(d as number)} is after the status date ${fromEpochDay(spec.status)}`);
        }
      }
    }
    if (s !== NOT_STARTED) outOfSequence(net, i, push);
    if (s === COMPLETE) continue;
    if (st.leadClamped[i]) push("before-project-start", i, undefined, `a lead asks ${id} to start before the project start ${fromEpochDay(spec.start)}; it starts on the project start`);
    const conflict = st.mandatoryConflict[i] as number;
    if (conflict > 0) {
      const c = spec.constraints[i];
      push("constraint-violated", i, conflict, `logic would put ${id} ${days(conflict)} after its ${c?.kind.toUpperCase()} date ${c && "date" in c ? c.date : ""}; the constraint wins`);
    }
    const esOver = (st.esW[i] as number) - (net.maxStartW[i] as number);
    if (esOver > 0 && s === NOT_STARTED) push("constraint-violated", i, esOver, `${id} starts ${days(esOver)} after its start-no-later-than date`);
    const efOver = (st.efW[i] as number) - (net.maxFinishW[i] as number);
    // A milestone pinned by a start (SNET Wed) after a deadline or FNLT on the evening before (Tue) is at the same
    // working position — no working time late — but on a later day: still a miss, of 0 working days.
    const shownAfter = (day: number) => day === day && earlyFinish !== undefined && (earlyFinish[i] as string) > fromEpochDay(day);
    const fnltDay = spec.constraintKind[i] === C.fnlt ? (spec.constraintDay[i] as number) : Number.NaN;
    if (efOver > 0) push("constraint-violated", i, efOver, `${id} finishes ${days(efOver)} after its finish-no-later-than date`);
    else if (shownAfter(fnltDay)) push("constraint-violated", i, 0, `${id} finishes on ${earlyFinish?.[i]}, after its finish-no-later-than date ${fromEpochDay(fnltDay)}`);
    // Started work's remaining dates cannot be pinned by a must-finish-on date (its late finish is): a miss is said.
    const mfoOver = s === IN_PROGRESS ? (st.efW[i] as number) - (net.fixFinishW[i] as number) : Number.NaN;
    if (mfoOver > 0) push("constraint-violated", i, mfoOver, `${id} finishes ${days(mfoOver)} after its must-finish-on date ${fromEpochDay(spec.constraintDay[i] as number)}`);
    const late = (st.efW[i] as number) - (net.deadlineW[i] as number);
    if (late > 0) push("deadline-missed", i, late, `${id} finishes ${days(late)} after its deadline ${fromEpochDay(spec.deadline[i] as number)}`);
    else if (shownAfter(spec.deadline[i] as number)) push("deadline-missed", i, 0, `${id} finishes on ${earlyFinish?.[i]}, after its deadline ${fromEpochDay(spec.deadline[i] as number)}`);
    const tf = floats.totalFloat[i] as number;
    if (tf < 0) push("negative-float", i, -tf, `${id} has ${days(tf)} of total float`);
  }
  return out;
}

/**
 * Started work whose FS predecessor had not finished by its actual start (or SS predecessor had not started), and
 * finished work whose FF predecessor had not finished by its actual finish (or SF predecessor had not started).
 */
function outOfSequence(
  net: CompiledNetwork,
  j: number,
  push: (kind: ScheduleViolation["kind"], i: number, minutes: number | undefined, message: string) => void,
): void {
  const { spec, graph } = net;
  const start = spec.actualStart[j] as number;
  // Predecessors in id order, so the findings never follow the order of the input links.
  const preds = Array.from(graph.predLinks.subarray(graph.predStart[j] as number, graph.predStart[j + 1] as number));
  if (preds.length > 1) preds.sort((x, y) => ((spec.ids[spec.linkFrom[x] as number] as string) < (spec.ids[spec.linkFrom[y] as number] as string) ? -1 : 1));
  for (const k of preds) {
    const i = spec.linkFrom[k] as number;
    const type = spec.linkType[k] as number;
    const fin = spec.actualFinish[i] as number;
    const st = spec.actualStart[i] as number;
    // A milestone (zero duration) sits at the evening of its day, so it may be reached the day its FS predecessor
    // finishes; work with a duration starts the next day at the earliest.
    const milestone = (spec.duration[j] as number) === 0;
    // FF and SF tie the successor's finish: only a recorded finish can break them (the predecessor's finish or start
    // missing or later). The same day passes: a finish is that evening, after the predecessor's finish or start.
    const end = spec.actualFinish[j] as number;
    const broken =
      type === 0 ? !(milestone ? fin <= start : fin < start) : type === 1 ? !(st <= start) : end === end && !((type === 2 ? fin : st) <= end);
    if (!broken) continue;
    if (type >= 2) {
      const [name, did] = type === 2 ? ["FF", "finished"] : ["SF", "started"];
      push("out-of-sequence", j, undefined, `${spec.ids[j]} finished ${fromEpochDay(end)} before its ${name} predecessor ${spec.ids[i]} ${did}; it is complete, so the link no longer binds`);
      continue;
    }
    const rule =
      net.state[j] === IN_PROGRESS
        ? spec.status !== undefined && net.state[j] === IN_PROGRESS
          ? "its remaining work is scheduled by the out-of-sequence rule"
          : ""
        : "it is complete, so the link no longer binds";
    push(
      "out-of-sequence",
      j,
      undefined,
      `${spec.ids[j]} started ${fromEpochDay(start)} before its ${type === 0 ? "FS" : "SS"} predecessor ${spec.ids[i]} ${type === 0 ? "finished" : "started"}; ${rule}`,
    );
  }
}
