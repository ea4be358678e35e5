import { byCodePoint, type OfficeAnalysis } from "./office.js";
import { ValidationError, checkArguments, checkOptionKeys, createWorkingCalendar, decimal, isWorkingDay, workingDaysBetween, type IsoDate, type ValidationIssue } from "../core/index.js";
import type { EntityOf } from "../entities/index.js";
import { scheduleInputFromPlan, type ImportedRecords, type PlanScheduleInput } from "../io/index.js";
import {
  compareFinishForecasts, levelResources, resourceLoad, scheduleNetwork, type FinishForecastRow, type LevellingResult, type MilestoneDating, type ResourceLoadRow, type ScheduleInput, type ScheduleOptions, type ScheduleResult, type StartLinkFloat, type StartNoLaterThan,
} from "../schedule/index.js";

/** One project's part of the office schedule. */
export interface ProjectSchedule {
  /** Project id. */
  readonly projectId: string;
  /** Project code. */
  readonly code: string;
  /** Project name. */
  readonly name: string;
  /**
   * The office network's result, narrowed to this project's activities and critical paths; its `calendar` and
   * `durationDays` are the project's own (the office network's calendar is the first project's).
   */
  readonly result: ScheduleResult;
  /** Its links (successor in this project). */
  readonly links: NonNullable<PlanScheduleInput["input"]["links"]>;
  /** Monthly demand vs capacity of the resources assigned in this project (their demand from the whole office). */
  readonly load: readonly ResourceLoadRow[];
  /** Resource names by id. */
  readonly resourceNames: Readonly<Record<string, string>>;
  /** The project levelled (serial SGS, may delay the finish), when it has assignments. */
  readonly levelling: LevellingResult | undefined;
  /** CPM forecast finish beside the baseline finish and earned schedule's forecast. */
  readonly forecast: FinishForecastRow | undefined;
  /** Active-baseline dates by activity id. */
  readonly baseline: Readonly<Record<string, { readonly start: string; readonly finish: string }>>;
  /**
   * How the CLI names each of the project's activities, by id: a work package by WBS code and name (`4.1 System
   * testing`), a milestone by name (`Go-live (milestone)`) — with the id in brackets where two would read the same.
   */
  readonly labels: Readonly<Record<string, string>>;
}

/** The whole office scheduled as one network (cross-project links join it), and each project's view of it. */
export interface OfficeSchedule {
  /** The conversion (input, summaries left out, notes). */
  readonly plan: PlanScheduleInput;
  /** The network's result (none for an office without projects). */
  readonly result: ScheduleResult | undefined;
  /** Per project, in code order. */
  readonly projects: readonly ProjectSchedule[];
}

/**
 * Options of {@link analyzeOfficeSchedule}.
 *
 * @example
 * ```ts
 * const o: OfficeScheduleOptions = { statusDate: "2026-11-20", project: "PRJ-CRM", milestoneDating: "next-working-time", startLinkFloat: "working-time" };
 * ```
 */
export interface OfficeScheduleOptions {
  /** Status date. */
  readonly statusDate: IsoDate | string;
  /** Only this project (id or code). */
  readonly project?: string | undefined;
  /** Earned schedule's forecast finish per project code (or id), for the forecast table. */
  readonly earnedScheduleFinish?: Readonly<Record<string, string | undefined>> | undefined;
  /** `ScheduleOptions.milestoneDating` of the network, the project views and their levelling; default `"reached"`. */
  readonly milestoneDating?: MilestoneDating | undefined;
  /** `ScheduleOptions.startLinkFloat` of the network, the project views and their levelling; default `"exact"`. */
  readonly startLinkFloat?: StartLinkFloat | undefined;
  /** `ScheduleOptions.startNoLaterThan` of the network, the project views and their levelling; default `"working-time"`. */
  readonly startNoLaterThan?: StartNoLaterThan | undefined;
}

/** The plan conventions the office analyses pass to `scheduleNetwork`, `levelResources` and `analyseScheduleRisk`. */
export type PlanConventions = Pick<OfficeScheduleOptions, "milestoneDating" | "startLinkFloat" | "startNoLaterThan">;

/**
 * The plan conventions given in `o`, without the ones not given (the calculators' defaults apply), for
 * `scheduleNetwork`'s options and `analyseScheduleRisk`'s alike.
 *
 * @example
 * ```ts
 * planConventionsOf({ statusDate: "2026-11-20", startNoLaterThan: "exact" }); // { startNoLaterThan: "exact" }
 * ```
 */
export function planConventionsOf(o: PlanConventions): PlanConventions {
  return {
    ...(o.milestoneDating !== undefined ? { milestoneDating: o.milestoneDating } : {}),
    ...(o.startLinkFloat !== undefined ? { startLinkFloat: o.startLinkFloat } : {}),
    ...(o.startNoLaterThan !== undefined ? { startNoLaterThan: o.startNoLaterThan } : {}),
  };
}

/**
 * Schedules the office at the status date: the whole network once, and each project on its own with every activity
 * its activities depend on (so cross-project links bind, and floats are measured to the project's own finish), narrowed
 * to the project: its activities, the critical paths through them, its finish and violations. Takes an options object
 * ({@link OfficeScheduleOptions}, which also carries the `milestoneDating` and `startLinkFloat` conventions, passed to
 * `scheduleNetwork`, `resourceLoad` and `levelResources`) or, as before, the status date, the project and earned
 * schedule's finishes as positional arguments (the defaults of both conventions).
 *
 * @throws {ValidationError} at `milestoneDating` or `startLinkFloat` for a value the calculators do not take.
 * @example
 * ```ts
 * const office = analyzeOfficeSchedule(await readAllRecords(adapter), { statusDate: "2026-11-20", milestoneDating: "next-working-time" });
 * office.projects.map((p) => `${p.code} ${p.result.finish}`);
 * analyzeOfficeSchedule(records, "2026-11-20", "PRJ-CRM"); // the positional form
 * ```
 */
export function analyzeOfficeSchedule(records: ImportedRecords, options: OfficeScheduleOptions): OfficeSchedule;
export function analyzeOfficeSchedule(
  records: ImportedRecords,
  statusDate: IsoDate | string,
  only?: string,
  earnedScheduleFinish?: Readonly<Record<string, string | undefined>>,
): OfficeSchedule;
export function analyzeOfficeSchedule(
  records: ImportedRecords,
  statusOrOptions: IsoDate | string | OfficeScheduleOptions,
  onlyArg?: string,
  esArg: Readonly<Record<string, string | undefined>> = {},
): OfficeSchedule {
  const o: OfficeScheduleOptions = typeof statusOrOptions === "object" && statusOrOptions !== null
    ? statusOrOptions
    : { statusDate: statusOrOptions, project: onlyArg, earnedScheduleFinish: esArg };
  checkOptionKeys("analyzeOfficeSchedule", o, {
    statusDate: 1, project: 1, earnedScheduleFinish: 1, milestoneDating: 1, startLinkFloat: 1, startNoLaterThan: 1,
  } satisfies Record<keyof OfficeScheduleOptions, 1>);
  const { statusDate, project: only, earnedScheduleFinish = {} } = o;
  checkArguments("analyzeOfficeSchedule", { records: [records, "object"], statusDate: [statusDate, "date"], only: [only, "string?"], earnedScheduleFinish: [earnedScheduleFinish, "object"] });
  checkConventions("office schedule", o);
  const conventions: ScheduleOptions = planConventionsOf(o);
  const projects = [...(records.project ?? [])].sort((a, b) => byCodePoint(a.code, b.code));
  const plan = scheduleInputFromPlan({
    projects, workPackages: records["work-package"] ?? [], milestones: records.milestone ?? [], resources: records.resource ?? [], assignments: records.assignment ?? [],
  }, { statusDate, schedule: conventions });
  if (projects.length === 0) return { plan, result: undefined, projects: [] };
  const result = scheduleNetwork(plan.input, conventions);
  const baselines = records.baseline ?? [];
  const load = plan.resources.length > 0 ? resourceLoad({ network: plan.input, resources: plan.resources, assignments: plan.assignments }, { period: "month", schedule: conventions }).resources : [];
  const names = Object.fromEntries(plan.resources.map((r) => [r.id, r.name ?? r.id]));
  const views = projects.filter((p) => only === undefined || p.id === only || p.code === only).map((p) => {
    const network = upstreamOf(plan.input, p.id);
    const view = projectView(p, scheduleNetwork(network, conventions), plan, baselines, records);
    const ids = new Set(view.result.activities.map((a) => a.id));
    const inNetwork = new Set(network.activities.map((a) => a.id));
    const assignments = plan.assignments.filter((a) => inNetwork.has(a.activityId));
    const mine = new Set(plan.assignments.filter((a) => ids.has(a.activityId)).map((a) => a.resourceId));
    const used = new Set(assignments.map((a) => a.resourceId));
    const levelling = assignments.length > 0 ? levelResources({ network, resources: plan.resources.filter((r) => used.has(r.id)), assignments }, { schedule: conventions }) : undefined;
    const b = baselines.find((x) => x.projectId === p.id && x.number === (p.activeBaseline ?? 0));
    const baselineFinish = b?.workPackages.map((w) => w.plannedFinish).sort().pop();
    // Own keys only: a project id "constructor" has no finish unless one was given for it.
    const own = (k: string) => (Object.hasOwn(earnedScheduleFinish, k) ? earnedScheduleFinish[k] : undefined);
    const es = own(p.code) ?? own(p.id);
    // Slips count on the project's own calendar, which its view carries (the office network's is the first project's).
    const [forecast] = compareFinishForecasts(view.result, [{ projectId: p.id, ...(baselineFinish ? { baselineFinish } : {}), ...(es ? { earnedScheduleFinish: es } : {}) }]);
    return { ...view, load: load.filter((r) => mine.has(r.resourceId)), resourceNames: names, levelling, forecast };
  });
  return { plan, result, projects: views };
}

/**
 * Checks the `milestoneDating`, `startLinkFloat` and `startNoLaterThan` conventions of an office analysis before any work (an office
 * without projects would otherwise never pass them to a calculator, which refuses a bad one).
 *
 * @throws {ValidationError} at `milestoneDating` ("expected reached or next-working-time"), `startLinkFloat`
 *   ("expected exact or working-time") or `startNoLaterThan` ("expected working-time or exact").
 * @example
 * ```ts
 * checkConventions("office risk", { startLinkFloat: "working-time" }); // passes
 * ```
 */
export function checkConventions(subject: string, o: { readonly milestoneDating?: unknown; readonly startLinkFloat?: unknown; readonly startNoLaterThan?: unknown }): void {
  const issues: ValidationIssue[] = [];
  if (o.milestoneDating !== undefined && o.milestoneDating !== "reached" && o.milestoneDating !== "next-working-time") issues.push({ path: ["milestoneDating"], message: "expected reached or next-working-time", code: "custom" });
  if (o.startLinkFloat !== undefined && o.startLinkFloat !== "exact" && o.startLinkFloat !== "working-time") issues.push({ path: ["startLinkFloat"], message: "expected exact or working-time", code: "custom" });
  if (o.startNoLaterThan !== undefined && o.startNoLaterThan !== "working-time" && o.startNoLaterThan !== "exact") issues.push({ path: ["startNoLaterThan"], message: "expected working-time or exact", code: "custom" });
  if (issues.length > 0) throw new ValidationError(issues, subject);
}

/**
 * The part of a network one project's dates depend on: its activities and all their predecessors, transitively (so
 * a cross-project link keeps its predecessor, and floats are measured to the project's own finish).
 *
 * @example
 * ```ts
 * const crm = upstreamOf(plan.input, "PRJ-CRM"); // CRM's activities plus what they wait for
 * ```
 */
export function upstreamOf(input: ScheduleInput, projectId: string): ScheduleInput {
  checkArguments("upstreamOf", { input: [input, "object"], projectId: [projectId, "string"] });
  const preds = new Map<string, string[]>();
  for (const l of input.links ?? []) preds.set(l.to, [...(preds.get(l.to) ?? []), l.from]);
  const keep = new Set<string>();
  const stack = input.activities.filter((a) => a.projectId === projectId).map((a) => a.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (keep.has(id)) continue;
    keep.add(id);
    stack.push(...(preds.get(id) ?? []));
  }
  return { ...input, activities: input.activities.filter((a) => keep.has(a.id)), links: (input.links ?? []).filter((l) => keep.has(l.to)) };
}

/** The labels of a project's activities (see {@link ProjectSchedule.labels}), for `schedule`, `risk` and the report. @internal */
export function activityLabels(p: EntityOf<"project">, records: ImportedRecords): Record<string, string> {
  const named: [string, string][] = [
    ...(records["work-package"] ?? []).filter((w) => w.projectId === p.id).map((w): [string, string] => [w.id, `${w.code} ${w.name}`]),
    ...(records.milestone ?? []).filter((m) => m.projectId === p.id).map((m): [string, string] => [m.id, `${m.name} (milestone)`]),
  ];
  const count = new Map<string, number>();
  for (const [, label] of named) count.set(label, (count.get(label) ?? 0) + 1);
  return Object.fromEntries(named.map(([id, label]) => [id, count.get(label)! > 1 ? `${label} [${id}]` : label]));
}

function projectView(p: EntityOf<"project">, all: ScheduleResult, plan: PlanScheduleInput, baselines: readonly EntityOf<"baseline">[], records: ImportedRecords): Omit<ProjectSchedule, "load" | "resourceNames" | "levelling" | "forecast"> {
  const activities = all.activities.filter((a) => a.projectId === p.id);
  const ids = new Set(activities.map((a) => a.id));
  const finish = activities.reduce((f, a) => (a.earlyFinish > f ? a.earlyFinish : f), activities[0]?.earlyFinish ?? all.start);
  const start = activities.reduce((f, a) => (a.earlyStart < f ? a.earlyStart : f), activities[0]?.earlyStart ?? all.start);
  const b = baselines.find((x) => x.projectId === p.id && x.number === (p.activeBaseline ?? 0));
  const calendar = createWorkingCalendar(p.calendar ?? {});
  const baseline: Record<string, { start: string; finish: string }> = {};
  for (const w of b?.workPackages ?? []) baseline[w.workPackageId] = { start: w.plannedStart, finish: w.plannedFinish };
  for (const m of b?.milestones ?? []) baseline[m.milestoneId] = { start: m.date, finish: m.date };
  return {
    projectId: p.id, code: p.code, name: p.name, baseline, labels: activityLabels(p, records),
    links: (plan.input.links ?? []).filter((l) => ids.has(l.to)),
    result: {
      ...all, start, finish, activities, calendar,
      // Both ends counted, as scheduleNetwork and earned schedule's PD count them (workingDaysBetween leaves out the
      // first day: 1 Jul – 31 Dec 2026 read 131 working days, not 132).
      durationDays: decimal(workingDaysBetween(calendar, start, finish) + (isWorkingDay(calendar, start) ? 1 : 0)),
      criticalPaths: all.criticalPaths.map((path) => path.filter((id) => ids.has(id))).filter((path) => path.length > 0),
      longestPath: all.longestPath.filter((id) => ids.has(id)),
      violations: all.violations.filter((v) => ids.has(v.activityId)),
    },
  };
}

/**
 * Earned schedule's forecast finish (IEAC(t) with PF = SPI(t)) of each analysed project, by code, for the forecast table.
 *
 * @example
 * ```ts
 * analyzeOfficeSchedule(records, "2026-11-20", undefined, earnedScheduleFinishes(await analyzeOffice(records, { statusDate: "2026-11-20" })));
 * ```
 */
export function earnedScheduleFinishes(office: OfficeAnalysis): Record<string, string | undefined> {
  checkArguments("earnedScheduleFinishes", { office: [office, "object"] });
  return Object.fromEntries(office.projects.map((p) => [p.code, p.series.atStatusDate.schedule.forecastFinish.spiT.value]));
}
