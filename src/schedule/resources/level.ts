import { PmoDecimal, ValidationError, checkArguments, checkOptionKeys, fromEpochDay, type IsoDate } from "../../core/index.js";
import { Edge } from "../engine/edge.js";
import { alapShift } from "../engine/alap-shift.js";
import { computeFloats } from "../engine/floats.js";
import { cpmState, runCpm, type CpmState } from "../engine/cpm-kernel.js";
import { placedMilestoneInstant } from "../engine/milestone-day.js";
import { COMPLETE, IN_PROGRESS, NOT_STARTED, compileNetwork, type CompiledNetwork } from "../engine/network.js";
import { C, readNetwork } from "../engine/read-network.js";
import type { CalendarTimeline } from "../engine/timeline.js";
import { LEVELLING_OPTION_KEYS, resolveScheduleOptions } from "../options.js";
import { pinnedByStart, reachedAfterHours, scheduleResult } from "../schedule-network.js";
import type { LevellingBlocker, LevellingDelay, LevellingInput, LevellingOptions, LevellingResult, LevellingUnresolved, LevellingUnresolvedReason } from "../types.js";
import { alapLate, latestFit } from "./alap.js";
import { lateReach } from "./milestone-reach.js";
import { idleOf, type Idle } from "./idle.js";
import { levelledViolations, linkStart } from "./levelled-violations.js";
import { MICRO, readResources } from "./resource-model.js";
import { overAllocations, usageOf, Usage, worksWithin } from "./usage.js";

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
  // One entry per activity: started work can be unresolved twice (its done part, then its remaining part), and
  // several resources at once; each (resource, reason) is a cause, kept at its first day.
  const unresolvedOf = new Map<number, { r: number; reason: LevellingUnresolvedReason; day: number }[]>();
  const unresolvedAt = (j: number, c: { day: number; r: number }, reason: LevellingUnresolvedReason) => {
    const list = unresolvedOf.get(j) ?? [];
    if (!list.some((x) => x.r === c.r && x.reason === reason)) list.push({ r: c.r, reason, day: c.day });
    unresolvedOf.set(j, list);
  };
  const because = (j: number, r: number, reason: LevellingUnresolvedReason): string => {
    const id = net.spec.ids[j] as string;
    const rid = rm.ids[r] as string;
    const units = (rm.uses[j] ?? []).find((u) => u.r === r)?.micro ?? 0;
    return reason === "exceeds-max-units"
      ? `${id} needs ${new PmoDecimal(units).div(MICRO).toFixed()} units of ${rid}, which has at most ${new PmoDecimal(rm.maxMicro[r] as number).div(MICRO).toFixed()}`
      : reason === "beyond-float"
        ? `${id} would wait for ${rid} beyond its total float (within-slack)`
        : reason === "resource-calendar"
          ? `${rid} does not work every day ${id} works in any window`
          : `${id}'s dates are fixed (started, complete or must-start/finish-on) and overlap other fixed work on ${rid}`;
  };
  const overMax = (j: number, r: number) => ((rm.uses[j] ?? []).find((u) => u.r === r)?.micro ?? 0) > (rm.maxMicro[r] as number);
  // Fixed work first: started and complete work and must-on activities keep their dates, so they hold their
  // resources before anything is placed around them (placed in priority order, an in-progress activity with float
  // was double-booked by a critical one placed before it).
  for (const j of priority) {
    if (!isFixed(j)) continue;
    es[j] = st.esW[j] as number;
    ef[j] = follows[j] ? waitFrom(j) : (st.efW[j] as number); // the done part only: the remaining part is placed later
    // Every resource its fixed dates over-allocate: more units than the resource has, or held by other fixed work.
    for (const c of usage.conflicts(j, es[j] as number, ef[j] as number)) unresolvedAt(j, c, overMax(j, c.r) ? "exceeds-max-units" : "fixed-dates");
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
        const named = reason === "exceeds-max-units" ? (rm.uses[j] ?? []).map((u) => u.r).filter((r) => overMax(j, r)) : short.includes(first.r) ? short : [first.r, ...short];
        for (const r of named) unresolvedAt(j, { day: first.day, r }, reason);
      }
    }
    usage.add(j, w, w + d); // before the wait is set: the remaining part alone
    if (follows[j]) {
      // Started: the actual start stays; it waits (holding nothing) from the status date to its remaining part.
      if (w > waitFrom(j) && d > 0) [idle.from[j], idle.to[j]] = [waitFrom(j), w];
    } else es[j] = w;
    ef[j] = w + d;
    placed[j] = 1;
    if (w > logic && first) {
      const days = edge.days(w - logic);
      const id = net.spec.ids[j] as string;
      const day = fromEpochDay(net.origin + first.day);
      // Each short resource with who held it; named only the first, a second resource it also waited for was silent.
      const blockers = (short.includes(first.r) ? short : [first.r, ...short]).map((r) => ({ r, heldBy: holders(net, idle, rm.uses, es, ef, placed, r, first.day, j) }));
      const blockedBy: LevellingBlocker[] = blockers.map((b) => ({ resourceId: rm.ids[b.r] as string, heldBy: b.heldBy }));
      const why = blockers.map(({ r, heldBy }) => {
        const cause = heldBy.length > 0 ? `held by ${heldBy.join(", ")}` : usage.capacity(r, first.day) === 0 ? `${rm.ids[r]} does not work on ${day}` : `${rm.ids[r]} is short on ${day}`;
        return `${rm.ids[r]} (${cause})`;
      });
      const top = blockedBy[0] as LevellingBlocker;
      delays.push({
        activityId: id,
        days,
        resourceId: top.resourceId,
        day,
        heldBy: top.heldBy,
        blockedBy,
        message: `${id} waits ${days.toFixed()} day${days.eq(1) ? "" : "s"} for ${why.length > 1 ? `${why.slice(0, -1).join(", ")} and ${why[why.length - 1]}` : why[0]}`,
      });
    }
  }
  // ALAP work as late as its levelled free float allows, when levelling moved its successors (it stayed early).
  if (alap === "late") alapLate(net, st, es, ef, usage, milestoneAt, (j) => follows[j] === 1 || unresolvedOf.has(j), override, late);
  // The levelled finish is the latest activity finish *date*, each dated as the activities are (a milestone at the
  // evening of the last working day before its instant): comparing raw instants dated a week-end milestone on Sunday.
  let finishDate: IsoDate | undefined;
  // How far levelling moved an activity: its start, or for started work the start of its remaining part.
  const moved = (i: number) => (net.state[i] === IN_PROGRESS ? (ef[i] as number) - (st.efW[i] as number) : (es[i] as number) - (st.esW[i] as number) - lateAt(i));
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
      ? unmoved ? reachedAfterHours(net, st, i, opts.milestoneDating) : (pusher[i] as number) >= 0 ? reachedAfterHours(net, levelledSt, i, opts.milestoneDating) : undefined
      : undefined;
    const activityFinish = net.state[i] === COMPLETE ? (schedule.activities[i]?.earlyFinish as IsoDate)
      : net.state[i] === IN_PROGRESS ? edge.startedFinishDate(cal, ef[i] as number, net.spec.actualStart[i] as number) : reached ?? (pinned ? edge.startDate(cal, es[i] as number) : edge.finishDate(cal, ef[i] as number, span));
    if (finishDate === undefined || activityFinish > finishDate) finishDate = activityFinish;
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
    unresolved: [...unresolvedOf].map(([j, list]): LevellingUnresolved => {
      const first = list[0] as (typeof list)[number];
      const causes = list.map((c) => ({ resourceId: rm.ids[c.r] as string, reason: c.reason, day: fromEpochDay(net.origin + c.day) }));
      const message = `${list.map((c) => because(j, c.r, c.reason)).join("; ")}: it cannot be levelled and stays over-allocated`;
      return { activityId: net.spec.ids[j] as string, resourceId: rm.ids[first.r] as string, reason: first.reason, day: fromEpochDay(net.origin + first.day), causes, message };
    }),
    violations: levelledViolations(net, es, ef, edge, activities),
  };
}

/**
 * The earliest start position of j (its own W-space) given its predecessors' levelled dates; records in `pusher[j]`
 * the predecessor that sets it when it is later than the CPM start (the smallest id among equals). For the remaining
 * part of started work (`started`) FS, FF and SF links bind (not SS), as in the CPM forward pass.
 */
function logicStart(
  net: CompiledNetwork,
  j: number,
  d: number,
  es: Float64Array,
  ef: Float64Array,
  cpmStart: number,
  pusher: Int32Array,
  started: boolean,
  milestoneAt: (i: number) => number,
): number {
  let w = cpmStart;
  for (let p = net.graph.predStart[j] as number; p < (net.graph.predStart[j + 1] as number); p++) {
    const k = net.graph.predLinks[p] as number;
    if (started && net.spec.linkType[k] === 1) continue; // SS: its start is history (SF binds its finish)
    const i = net.spec.linkFrom[k] as number;
    const a = linkStart(net, k, j, d, es, ef, milestoneAt);
    if (a > w || (a === w && a > cpmStart && (net.spec.ids[i] as string) < (net.spec.ids[pusher[j] as number] as string))) {
      w = a;
      if (a > cpmStart) pusher[j] = i;
    }
  }
  return w;
}

/** Whether started work j has an FS, FF or SF predecessor that is not complete (whose levelled dates may move). */
function livePredecessor(net: CompiledNetwork, j: number): boolean {
  for (let p = net.graph.predStart[j] as number; p < (net.graph.predStart[j + 1] as number); p++) {
    const k = net.graph.predLinks[p] as number;
    const t = net.spec.linkType[k] as number;
    if (t !== 1 && net.state[net.spec.linkFrom[k] as number] !== COMPLETE) return true;
  }
  return false;
}

/** The last holiday of a calendar as a day index from the origin (−1 when none). */
function lastHoliday(cal: CalendarTimeline, origin: number): number {
  const h = cal.calendar.holidayDays;
  return h.length > 0 ? (h[h.length - 1] as number) - origin : -1;
}

/** Placed activities that use resource r on the given day (excluding j). */
function holders(
  net: CompiledNetwork,
  idle: Idle,
  uses: readonly (readonly { readonly r: number }[])[],
  es: Float64Array,
  ef: Float64Array,
  placed: Uint8Array,
  r: number,
  day: number,
  j: number,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < placed.length; i++) {
    if (!placed[i] || i === j || !(uses[i] ?? []).some((u) => u.r === r)) continue;
    // Started work waiting for a predecessor does not hold the resource on the days it waits.
    if (worksWithin(net, idle, i, es[i] as number, ef[i] as number, day, day)) out.push(net.spec.ids[i] as string);
  }
  return out; // input order, as every list of activities in the results
}

/** A binary min-heap of activity indices ordered by a rank array. */
class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly rank: Int32Array) {}
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.rank[a[p] as number] as number) <= (this.rank[x] as number)) break;
      a[i] = a[p] as number;
      i = p;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.items;
    const top = a[0] as number;
    const last = a.pop() as number;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && (this.rank[a[r] as number] as number) < (this.rank[a[l] as number] as number) ? r : l;
        if ((this.rank[a[c] as number] as number) >= (this.rank[last] as number)) break;
        a[i] = a[c] as number;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
