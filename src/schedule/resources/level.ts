import { ValidationError, checkArguments, checkOptionKeys } from "../../core/index.js";
import { Edge } from "../engine/edge.js";
import { alapShift } from "../engine/alap-shift.js";
import { computeFloats } from "../engine/floats.js";
import { cpmState, runCpm } from "../engine/cpm-kernel.js";
import { placedMilestoneInstant } from "../engine/milestone-day.js";
import { IN_PROGRESS, NOT_STARTED, compileNetwork } from "../engine/network.js";
import { C, readNetwork } from "../engine/read-network.js";
import type { CalendarTimeline } from "../engine/timeline.js";
import { LEVELLING_OPTION_KEYS, resolveScheduleOptions } from "../options.js";
import { scheduleResult } from "../schedule-network.js";
import type { LevellingDelay, LevellingInput, LevellingOptions, LevellingResult, LevellingUnresolvedReason } from "../types.js";
import { alapLate, latestFit } from "./alap.js";
import { delayRecord } from "./delay-record.js";
import { idleOf } from "./idle.js";
import { levelledDates } from "./levelled-dates.js";
import { levelledViolations } from "./levelled-violations.js";
import { livePredecessor, logicStart } from "./level-logic.js";
import { lateReach } from "./milestone-reach.js";
import { MinHeap } from "./min-heap.js";
import { readResources } from "./resource-model.js";
import { UnresolvedLog } from "./unresolved.js";
import { overAllocations, usageOf, Usage } from "./usage.js";

const RULE = "least total float, then earliest early start, then id";

/**
 * Levels resources by a serial schedule-generation scheme: activities are placed one at a time — among those whose
 * predecessors are placed, the one with the least total float, then the earliest early start, then the smallest id —
 * each at the earliest working day where its logic (with the predecessors' levelled dates) allows and every assigned
 * resource has capacity left on every day it works. `within-slack` never delays an activity beyond its total float;
 * `delay-finish` delays as far as needed. Each delay names every resource short on the day it waited from and who held
 * each (`blockedBy`: "C waits 2 days for R1 (held by A) and R2 (held by B)"); an activity moved only because a
 * predecessor moved names it (`pushedBy`). Units are compared in millionths; an activity uses its units whenever it
 * works, so part days one after the other share a day. Started and complete work and must-start/finish-on activities
 * keep their dates and hold their resources first, before anything is placed; started work whose remaining part
 * waits for FS/FF/SF predecessors not yet complete (retained logic) holds its done part first and has its remaining part
 * placed after them, like unstarted work, holding nothing on the days it waits (`pushedBy` names the predecessor that
 * moved it, `delayDays` counts the move of its remaining part). An activity that cannot fit stays at
 * the start its logic allows, over-allocated, and is listed in `unresolved` with a typed reason (`exceeds-max-units`,
 * `beyond-float`, `resource-calendar`, `fixed-dates`); deadlines and no-later-than dates the levelled dates miss, and
 * links a must-on date breaks once its predecessor is levelled (`link-violated`), are in `violations`. The result does
 * not depend on the order of the input (activities, links, resources, assignments).
 *
 * @throws {ValidationError} for a bad network (as {@link scheduleNetwork}), bad resources (unknown ids, zero
 *   capacity, non-positive units, duplicate skills), an unknown `mode`, or an unknown option key (at `<key>`, in
 *   `schedule` at `schedule.<key>`).
 * @example
 * ```ts
 * const r = levelResources({
 *   network: { projectStart: "2027-01-04", activities: [{ id: "PKG-6", duration: 3 }, { id: "PKG-7", duration: 2 }] },
 *   resources: [{ id: "DBA", maxUnits: 1 }],
 *   assignments: [{ activityId: "PKG-6", resourceId: "DBA", units: 1 }, { activityId: "PKG-7", resourceId: "DBA", units: 1 }],
 * });
 * r.delays[0].message; // "PKG-7 waits 3 days for DBA (held by PKG-6)"
 * r.finish;            // "2027-01-08"
 * r.unresolved;        // [] (a 2-unit assignment on the 1-unit DBA would be { reason: "exceeds-max-units", … })
 * ```
 */
export function levelResources(input: LevellingInput, options: LevellingOptions = {}): LevellingResult {
  checkArguments("levelResources", { input: [input, "object"], options: [options, "object"] });
  checkArguments("levelResources", { "input.network": [input.network, "object"], "options.schedule": [options.schedule, "object?"] });
  checkOptionKeys("levelResources", options, LEVELLING_OPTION_KEYS);
  const mode = options.mode ?? "delay-finish";
  // Any other value was levelled as delay-finish and echoed back as the mode applied.
  if (mode !== "within-slack" && mode !== "delay-finish") throw ValidationError.single(["mode"], "expected within-slack or delay-finish", "levelling options");
  const alap = options.alap ?? "late";
  if (alap !== "late" && alap !== "early") throw ValidationError.single(["alap"], "expected late or early", "levelling options");
  const opts = resolveScheduleOptions(options.schedule, ["schedule"]);
  const override = opts.outOfSequence === "progress-override";
  const net = compileNetwork(readNetwork(input.network), opts.startNoLaterThan);
  const n = net.spec.ids.length;
  const st = cpmState(n);
  runCpm(net, net.spec.duration, st, override, opts.finishBy, opts.milestoneDating, opts.startLinkFloat);
  const schedule = scheduleResult(net, st, opts);
  const floats = computeFloats(net, st, opts.totalFloat, override, opts.milestoneDating, opts.startLinkFloat);
  const late = alapShift(net, st, floats, override, opts.milestoneDating);
  const rm = readResources(net.spec, input.network, input.resources, input.assignments, net.origin);
  let totalDays = 0;
  for (let i = 0; i < n; i++) totalDays += Math.ceil((st.span[i] as number) / net.mpd) * 2 + 1;
  const finishDay = Math.ceil(st.finishInstant / net.mpd);
  // Started work waiting for a predecessor (retained logic) holds nothing on the days it waits.
  const idle = idleOf(net, st);
  // Started work whose remaining part waits for FS/FF/SF predecessors that are not complete (retained logic): the part
  // done up to the status date is fixed; the remaining part has no dates until those predecessors are placed, so it
  // is placed after them like unstarted work. (It kept its CPM dates, and a predecessor levelling moved later broke
  // the link in silence; holding them first made the predecessors wait for days it then left.)
  const follows = new Uint8Array(n);
  for (let j = 0; j < n; j++) if (net.state[j] === IN_PROGRESS && !override && livePredecessor(net, j)) follows[j] = 1;
  // Its start of waiting (the status date, or the actual start when later): the end of the fixed part.
  const waitFrom = (j: number) => Math.max(st.esW[j] as number, net.statusW[j] as number);
  // Where the remaining part starts on the CPM dates (the early start of not-started work; `alap: "late"`: ALAP's scheduled).
  const lateAt = (i: number) => (alap === "late" && net.spec.constraintKind[i] === C.alap && net.state[i] === NOT_STARTED ? (late.shift[i] as number) : 0);
  const cpmStart = (j: number) => (net.state[j] === IN_PROGRESS ? (st.efW[j] as number) - (st.span[j] as number) : (st.esW[j] as number) + lateAt(j));
  for (let j = 0; j < n; j++) if (follows[j]) idle.from[j] = idle.to[j] = Number.NaN; // its wait is known once placed
  const usage = new Usage(net, rm, finishDay + totalDays + 31, idle); // an initial size: the usage grows when needed
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const placed = new Uint8Array(n);
  const pusher = new Int32Array(n).fill(-1);
  const edge = new Edge(net.origin, net.mpd, net.spec.start);
  const milestoneAt = placedMilestoneInstant(net, st, es, ef, pusher, opts.milestoneDating);
  const delays: LevellingDelay[] = [];
  const placement = { net, rm, idle, usage, es, ef, placed };
  const startAt = (i: number) => (net.timelines[net.spec.calendarOf[i] as number] as CalendarTimeline).S(st.esW[i] as number);
  const priority = [...Array(n).keys()].sort(
    (a, b) =>
      (floats.totalFloat[a] as number) - (floats.totalFloat[b] as number) ||
      startAt(a) - startAt(b) ||
      ((net.spec.ids[a] as string) < (net.spec.ids[b] as string) ? -1 : 1),
  );
  const rank = new Int32Array(n);
  priority.forEach((i, r) => (rank[i] = r));
  const isFixed = (j: number) => net.state[j] !== NOT_STARTED || net.spec.constraintKind[j] === C.mso || net.spec.constraintKind[j] === C.mfo;
  const unresolved = new UnresolvedLog(net, rm);
  // Fixed work first: started and complete work and must-on activities keep their dates, so they hold their
  // resources before anything is placed around them (placed in priority order, an in-progress activity with float
  // was double-booked by a critical one placed before it).
  for (const j of priority) {
    if (!isFixed(j)) continue;
    es[j] = st.esW[j] as number;
    ef[j] = follows[j] ? waitFrom(j) : (st.efW[j] as number); // the done part only: the remaining part is placed later
    // Every resource its fixed dates over-allocate: more units than the resource has, or held by other fixed work.
    for (const c of usage.conflicts(j, es[j] as number, ef[j] as number)) unresolved.add(j, c, unresolved.overMax(j, c.r) ? "exceeds-max-units" : "fixed-dates");
    usage.add(j, es[j] as number, ef[j] as number);
    placed[j] = 1;
  }
  const waiting = new Int32Array(n);
  for (let j = 0; j < n; j++) waiting[j] = (net.graph.predStart[j + 1] as number) - (net.graph.predStart[j] as number);
  const heap = new MinHeap(rank);
  for (let j = 0; j < n; j++) if (waiting[j] === 0) heap.push(j);
  while (heap.size > 0) {
    const j = heap.pop();
    if (!placed[j] || follows[j]) place(j);
    for (let p = net.graph.succStart[j] as number; p < (net.graph.succStart[j + 1] as number); p++) {
      const s = net.spec.linkTo[net.graph.succLinks[p] as number] as number;
      waiting[s] = (waiting[s] as number) - 1;
      if (waiting[s] === 0) heap.push(s);
    }
  }

  /**
   * Places a not-started activity, or the remaining part of started work that follows its predecessors, at the
   * earliest position its logic and the resources allow.
   */
  function place(j: number): void {
    const d = st.span[j] as number;
    const cal = net.timelines[net.spec.calendarOf[j] as number] as CalendarTimeline;
    const logic = logicStart(net, j, d, es, ef, cpmStart(j), pusher, follows[j] === 1, milestoneAt);
    const reach = d === 0 && !follows[j] ? lateReach(net, j, logic, es, ef, milestoneAt) : -1;
    if (reach >= 0) pusher[j] = reach; // of the links at its position, the one that reaches a milestone last dates it
    let w = logic;
    let first = usage.conflict(j, w, w + d);
    // ALAP work its resources keep from its scheduled start takes the latest earlier spot its logic allows, if any.
    const back = first && lateAt(j) > 0 ? latestFit(usage, j, d, logic, logicStart(net, j, d, es, ef, st.esW[j] as number, new Int32Array(n).fill(-1), false, milestoneAt), net.mpd) : undefined;
    if (back !== undefined) [w, first] = [back, undefined];
    // Every resource short on that first day, before j is added (the first is the one `first` names: both by id).
    const short = first ? usage.shortOn(j, w, w + d, first.day) : [];
    if (first) {
      const over = (rm.uses[j] ?? []).find((u) => u.micro > (rm.maxMicro[u.r] as number));
      const limit = mode === "within-slack" ? cpmStart(j) - lateAt(j) + Math.max(0, floats.totalFloat[j] as number) : Infinity;
      // Past the last day any work is recorded and the last holiday involved, conflicts repeat weekly: stop after a week.
      const quiet = Math.max(
        usage.lastBusyDay,
        Math.floor(cal.S(logic) / net.mpd) - 1,
        lastHoliday(cal, net.origin),
        ...(rm.uses[j] ?? []).map((u) => lastHoliday(rm.calendars[u.r] as CalendarTimeline, net.origin)),
      );
      let reason: LevellingUnresolvedReason | undefined = over ? "exceeds-max-units" : undefined;
      for (let c: { day: number; r: number } | undefined = first; c && !reason; c = usage.conflict(j, w, w + d)) {
        const next = cal.W((c.day + 1) * net.mpd);
        if (next > limit) reason = "beyond-float";
        else if (Math.floor(cal.S(next) / net.mpd) >= quiet + 8) reason = "resource-calendar";
        else w = next;
      }
      if (reason) {
        w = logic; // cannot fit: stays at its logic start, over-allocated, with the reason
        // Each resource it asks more of than there is; else every resource short on the first day it could not start.
        const named = reason === "exceeds-max-units" ? (rm.uses[j] ?? []).map((u) => u.r).filter((r) => unresolved.overMax(j, r)) : short.includes(first.r) ? short : [first.r, ...short];
        for (const r of named) unresolved.add(j, { day: first.day, r }, reason);
      }
    }
    usage.add(j, w, w + d); // before the wait is set: the remaining part alone
    if (follows[j]) {
      // Started: the actual start stays; it waits (holding nothing) from the status date to its remaining part.
      if (w > waitFrom(j) && d > 0) [idle.from[j], idle.to[j]] = [waitFrom(j), w];
    } else es[j] = w;
    ef[j] = w + d;
    placed[j] = 1;
    // Each short resource with who held it; named only the first, a second resource it also waited for was silent.
    if (w > logic && first) delays.push(delayRecord(placement, j, edge.days(w - logic), first.day, short.includes(first.r) ? short : [first.r, ...short]));
  }
  // ALAP work as late as its levelled free float allows, when levelling moved its successors (it stayed early).
  if (alap === "late") alapLate(net, st, es, ef, usage, milestoneAt, (j) => follows[j] === 1 || unresolved.has(j), override, late);
  // How far levelling moved an activity: its start, or for started work the start of its remaining part.
  const moved = (i: number) => (net.state[i] === IN_PROGRESS ? (ef[i] as number) - (st.efW[i] as number) : (es[i] as number) - (st.esW[i] as number) - lateAt(i));
  const { activities, finish: finishDate } = levelledDates(net, st, schedule, edge, { es, ef, pusher, moved }, opts.milestoneDating);
  const finalUsage = usageOf(net, rm, es, ef, usage.horizon, idle);
  const levelledFinish = n === 0 || finishDate === undefined ? edge.instantFinishDate(st.finishInstant) : finishDate;
  return {
    mode,
    alap,
    priorityRule: RULE,
    schedule,
    activities,
    finish: levelledFinish < schedule.start ? schedule.start : levelledFinish,
    delays,
    remainingOverAllocations: overAllocations(net, rm, finalUsage, es, ef),
    unresolved: unresolved.entries(),
    violations: levelledViolations(net, es, ef, edge, activities),
  };
}

/** The last holiday of a calendar as a day index from the origin (−1 when none). */
function lastHoliday(cal: CalendarTimeline, origin: number): number {
  const h = cal.calendar.holidayDays;
  return h.length > 0 ? (h[h.length - 1] as number) - origin : -1;
}
