import { ValidationError, checkArguments, checkOptionKeys, createWorkingCalendar, fromEpochDay, toEpochDay, workingDaysBetween, type IsoDate, type WorkingCalendar } from "../../core/index.js";
import type { EntityOf } from "../../entities/index.js";
import { scheduleNetwork, type ActivityProgress, type ScheduleActivityInput, type ScheduleAssignmentInput, type ScheduleInput, type ScheduleOptions, type ScheduleResourceInput } from "../../schedule/index.js";
import { summaryLinks } from "./summary-links.js";

/** The day before an ISO date. */
function previousDay(d: string): IsoDate {
  return fromEpochDay(toEpochDay(d as IsoDate) - 1);
}

/**
 * Duration percent complete of a package at a progress record (what the schedule's remaining duration is taken from):
 * the reported percent complete; without one, what its earning rule measures — the physical percent (noted: MS
 * Project's Physical % Complete feeds earned value only and does not move the schedule), units complete over total
 * units, or the weight share of weighted milestones reached; undefined otherwise.
 */
function percentOf(w: EntityOf<"work-package">, p: EntityOf<"work-package">["progress"][number], notes: string[]): string | undefined {
  if (p.finished) return "100";
  const rule = w.earningRule;
  if (p.percentComplete) return p.percentComplete.toFixed();
  if (rule.type === "physical-percent-complete" && p.physicalPercentComplete) {
    notes.push(`${w.id} has no duration % complete on ${p.date}: its physical % complete (${p.physicalPercentComplete.toFixed()}) stands for it`);
    return p.physicalPercentComplete.toFixed();
  }
  if (rule.type === "units" && p.unitsComplete) return p.unitsComplete.dividedBy(rule.totalUnits).times(100).toDecimalPlaces(4).toFixed();
  if (rule.type === "weighted-milestones" && p.milestonesReached) {
    const total = rule.milestones.reduce((s, m) => s.plus(m.weight), rule.milestones[0]!.weight.minus(rule.milestones[0]!.weight));
    const done = rule.milestones.filter((m) => p.milestonesReached!.includes(m.id)).reduce((s, m) => s.plus(m.weight), total.minus(total));
    return done.dividedBy(total).times(100).toDecimalPlaces(4).toFixed();
  }
  return undefined;
}

/** The stored records {@link scheduleInputFromPlan} schedules: one project or several (a programme). */
export interface PlanRecords {
  /** The projects; the earliest planned start is the network's start, the first project's calendar its calendar. */
  readonly projects: readonly EntityOf<"project">[];
  /** Their work packages (summaries are not scheduled: their links apply to their leaf packages). */
  readonly workPackages: readonly EntityOf<"work-package">[];
  /** Their milestones (zero-duration activities). */
  readonly milestones?: readonly EntityOf<"milestone">[];
  /** Resources (for demand and levelling). */
  readonly resources?: readonly EntityOf<"resource">[];
  /** Assignments of resources to the packages. */
  readonly assignments?: readonly EntityOf<"assignment">[];
}

/** Options of {@link scheduleInputFromPlan}. */
export interface PlanScheduleOptions {
  /** Status date: progress recorded on or before it counts; default none (the plan as planned). */
  readonly statusDate?: string;
  /**
   * Activities without predecessors and without a constraint start no earlier than their planned start (as MS Project
   * records a typed start as SNET); default `true`. `false` lets them start at the network start.
   */
  readonly anchorUnlinked?: boolean;
  /**
   * The options the plan will be scheduled with (`scheduleNetwork`'s, as `levelResources` takes them): the leaf that
   * starts or finishes a summary, which carries an SS/SF link from it or an FF/SF link into it, is chosen on that
   * schedule (`milestoneDating` and `outOfSequence` can change it). Default `{}`, scheduleNetwork's defaults; a bad
   * value is refused at `schedule.<option>`.
   */
  readonly schedule?: ScheduleOptions | undefined;
}

const PLAN_OPTION_KEYS = { statusDate: 1, anchorUnlinked: 1, schedule: 1 } satisfies Record<keyof PlanScheduleOptions, 1>;

/** The schedule input and what the conversion decided, in words. */
export interface PlanScheduleInput {
  /** Input for `scheduleNetwork` / `analyseScheduleRisk`. */
  readonly input: ScheduleInput;
  /** Resources that have assignments on scheduled packages (calendars in `input.calendars` as `resource:<id>`). */
  readonly resources: readonly ScheduleResourceInput[];
  /** Assignments on scheduled (leaf) packages; assignments on summaries are left out and noted. */
  readonly assignments: readonly ScheduleAssignmentInput[];
  /** Summary packages left out of the network (their dates roll up from their children). */
  readonly summaries: readonly string[];
  /** Plain-words notes: summary links spread to leaves, anchored starts. */
  readonly notes: readonly string[];
}

/**
 * Builds the schedule calculators' input from stored records: one activity per leaf work package (duration =
 * `durationDays`, else the working days from planned start to planned finish on its calendar) and per milestone
 * (duration 0), the packages' and milestones' predecessor links (a link to or from a summary package binds its
 * leaves — leaf packages and the milestones under it — as MS Project reads it: into a summary's start every leaf; from
 * its finish every leaf; from its start the leaf that starts it, into its finish the leaf that finishes it, on the
 * schedule `options.schedule` gives; each noted),
 * constraints, deadlines, per-package and per-project calendars, and the
 * progress at the status date (actual start and finish, the latest remaining days, else the latest percent complete;
 * a milestone's actual date). A
 * package with progress but no actual start (a tracker import) starts on its first record that says started (and
 * finishes on its first that says finished); a percent above 100 (an overrun) counts as 100. Both are noted.
 *
 * @throws {ValidationError} when `statusDate` is not a calendar date `YYYY-MM-DD` (path `["statusDate"]`), or a
 *   schedule option is not one scheduleNetwork takes (path `["schedule", option]`), or for an option key it does not
 *   know (path `[key]`; in `schedule`, `["schedule", key]`).
 * @example
 * ```ts
 * const { input } = scheduleInputFromPlan({ projects: [crm], workPackages, milestones }, { statusDate: "2026-11-20" });
 * const result = scheduleNetwork(input);
 * // Scheduled with other options: choose the summaries' first and last leaves on that schedule too.
 * const schedule = { outOfSequence: "progress-override" } as const;
 * scheduleNetwork(scheduleInputFromPlan({ projects: [crm], workPackages }, { statusDate: "2026-11-20", schedule }).input, schedule);
 * ```
 */
export function scheduleInputFromPlan(plan: PlanRecords, options: PlanScheduleOptions = {}): PlanScheduleInput {
  checkArguments("scheduleInputFromPlan", { plan: [plan, "object"], options: [options, "object"] });
  checkArguments("scheduleInputFromPlan", { statusDate: [options.statusDate, "date?"], "options.schedule": [options.schedule, "object?"] });
  checkOptionKeys("scheduleInputFromPlan", options, PLAN_OPTION_KEYS);
  const schedule = options.schedule ?? {};
  try {
    scheduleNetwork({ projectStart: "2027-01-04", activities: [] }, schedule); // refuses a bad option before any work
  } catch (e) {
    throw e instanceof ValidationError ? new ValidationError(e.issues.map((i) => ({ ...i, path: ["schedule", ...i.path] })), "plan schedule options") : e;
  }
  const notes: string[] = [];
  const projects = [...plan.projects];
  const first = projects[0];
  const calendars: Record<string, WorkingCalendar> = {};
  const calOf = new Map<string, WorkingCalendar>();
  for (const p of projects) {
    const cal = createWorkingCalendar(p.calendar ?? {});
    calendars[`project:${p.id}`] = cal;
    calOf.set(p.id, cal);
  }
  const parents = new Set(plan.workPackages.map((w) => w.parentId));
  const summaries = plan.workPackages.filter((w) => parents.has(w.id)).map((w) => w.id);
  const isSummary = new Set(summaries);
  const status = options.statusDate;
  const anchor = options.anchorUnlinked ?? true;
  const spread = summaryLinks(plan.workPackages, plan.milestones ?? [], notes);
  const hasPred = spread.linked;

  const activities: ScheduleActivityInput[] = [];
  for (const w of plan.workPackages) {
    if (isSummary.has(w.id)) continue;
    let calendarId = `project:${w.projectId}`;
    let cal = calOf.get(w.projectId) ?? createWorkingCalendar();
    if (w.calendar) {
      calendarId = `package:${w.id}`;
      cal = createWorkingCalendar(w.calendar);
      calendars[calendarId] = cal;
    }
    // Both planned days are worked (a package planned Mon–Fri lasts 5 days): workingDaysBetween counts start < d ≤ end.
    const duration = w.durationDays?.toFixed() ?? String(workingDaysBetween(cal, previousDay(w.plannedStart), w.plannedFinish as IsoDate));
    const last = status === undefined ? undefined : [...w.progress].reverse().find((p) => p.date <= status);
    const counts = (d: string | undefined) => d !== undefined && status !== undefined && d <= status;
    // Progress without actual dates (a tracker import has none): the first record that says started stands for the
    // start, the first that says finished for the finish — else the recorded progress would be ignored.
    const firstStarted = status === undefined ? undefined : w.progress.find((p) => p.date <= status && (p.started === true || p.finished === true));
    const firstFinished = status === undefined ? undefined : w.progress.find((p) => p.date <= status && p.finished === true);
    const actualStart = counts(w.actualStart) ? w.actualStart : firstStarted?.date;
    if (!counts(w.actualStart) && actualStart !== undefined) notes.push(`${w.id} has no actual start: its first progress record that says started (${actualStart}) stands for it`);
    const actualFinish = counts(w.actualFinish) ? w.actualFinish : w.actualFinish === undefined && actualStart !== undefined && firstFinished !== undefined && firstFinished.date >= actualStart ? firstFinished.date : undefined;
    const started = actualStart !== undefined;
    const finished = started && actualFinish !== undefined;
    let pc = last ? percentOf(w, last, notes) : undefined;
    // An overrun (above 100 %) leaves no work: the calculator takes 0–100.
    if (pc !== undefined && Number(pc) > 100) {
      notes.push(`${w.id} reports ${pc} % complete on ${last!.date}: scheduled as 100 % (no work left)`);
      pc = "100";
    }
    // Without a measurable percent (0/100, 50/50, level of effort) the plan's own remaining working days stand.
    // The status date's own work is done (status is the evening of that day): what is left is status < d ≤ finish.
    const planned = () => String(status! >= w.plannedFinish ? 0 : workingDaysBetween(cal, status! as IsoDate, w.plannedFinish as IsoDate));
    const progress: ActivityProgress = {
      ...(started ? { actualStart } : {}),
      ...(finished ? { actualFinish } : {}),
      // A recorded remaining duration (MS Project's RemainingDuration) stands; else the percent says what is left.
      ...(started && !finished ? (last?.remainingDays !== undefined ? { remainingDuration: last.remainingDays.toFixed() } : pc !== undefined ? { percentComplete: pc } : { remainingDuration: planned() }) : {}),
    };
    const constraint = w.constraint ?? (anchor && !hasPred.has(w.id) && !started ? { kind: "snet" as const, date: w.plannedStart } : undefined);
    if (!w.constraint && constraint) notes.push(`${w.id} has no predecessor: starts no earlier than its planned start ${w.plannedStart}`);
    activities.push({
      id: w.id, name: w.name, projectId: w.projectId, duration, calendarId,
      ...(constraint ? { constraint } : {}), ...(w.deadline ? { deadline: w.deadline } : {}),
      ...(Object.keys(progress).length > 0 ? { progress } : {}),
    });
  }
  for (const m of plan.milestones ?? []) {
    const reached = m.actualDate !== undefined && status !== undefined && m.actualDate <= status;
    const planned = m.forecastDate ?? m.baselineDate;
    const constraint = m.constraint ?? (anchor && !hasPred.has(m.id) && !reached && planned ? { kind: "snet" as const, date: planned } : undefined);
    activities.push({
      id: m.id, name: m.name, projectId: m.projectId, duration: "0", calendarId: `project:${m.projectId}`,
      ...(constraint ? { constraint } : {}), ...(m.deadline ? { deadline: m.deadline } : {}),
      ...(reached ? { progress: { actualStart: m.actualDate, actualFinish: m.actualDate } } : {}),
    });
  }
  const scheduled = new Set(activities.map((a) => a.id));
  const assignments: ScheduleAssignmentInput[] = [];
  for (const a of plan.assignments ?? []) {
    if (scheduled.has(a.workPackageId)) assignments.push({ activityId: a.workPackageId, resourceId: a.resourceId, units: a.units.toFixed() });
    else notes.push(`assignment ${a.id} is on ${a.workPackageId}, which is not scheduled (a summary or another plan): left out`);
  }
  const used = new Set(assignments.map((a) => a.resourceId));
  const resources: ScheduleResourceInput[] = (plan.resources ?? []).filter((r) => used.has(r.id)).map((r) => {
    if (r.calendar) calendars[`resource:${r.id}`] = createWorkingCalendar(r.calendar);
    return { id: r.id, name: r.name, maxUnits: r.maxUnits.toFixed(), skills: r.skills, ...(r.calendar ? { calendarId: `resource:${r.id}` } : {}) };
  });
  const start = projects.map((p) => p.plannedStart).sort()[0] ?? ""; // no project: the calculator refuses it with its path
  let input: ScheduleInput = {
    projectStart: start,
    ...(first ? { calendar: calOf.get(first.id)! } : {}),
    calendars,
    ...(status ? { statusDate: status } : {}),
    activities,
  };
  // A leaf carrying a summary's finish link keeps its planned-start anchor: the link bounds the summary, not its start.
  input = { ...input, links: spread.resolve(input, schedule) };
  return { input, resources, assignments, summaries, notes };
}
