import { createWorkingCalendar, fromEpochDay, minorUnits, sumMoney, toEpochDay, workingDaysBetween, type Decimal, type Money } from "../../core/index.js";
import type { EntityOf, LinkLagValue } from "../../entities/index.js";
import { createReportBuilder, type ImportReport } from "../report.js";
import type { MspdiElement } from "./element.js";
import type { MspdiDocument } from "./read.js";
import type { MspdiValue } from "./values.js";
import { PmoDecimal, checkArguments, checkOptionKeys } from "../../core/index.js";
import { percentLagUnitOf, type MspdiPercentLagUnit } from "./context.js";
import { mspdiLogicOut } from "./logic.js";
import { levellingWaits, mspdiKeptDelayFields, mspdiLevelingDelayFields } from "./leveling.js";
import type { LevellingDelay } from "../../schedule/index.js";
import { mspdiCalendarOut, mspdiResourcesOut } from "./export-resources.js";

/** A pmokit project and what belongs to it, as {@link pmokitToMspdi} takes it. */
export interface ProjectPlan {
  /** The project. */
  readonly project: EntityOf<"project">;
  /** Its work packages (WBS). */
  readonly workPackages: readonly EntityOf<"work-package">[];
  /** Its milestones. */
  readonly milestones?: readonly EntityOf<"milestone">[];
  /** Its baselines (0–10). */
  readonly baselines?: readonly EntityOf<"baseline">[];
  /** Its actual costs (summed per package into `ActualCost`). */
  readonly costEntries?: readonly EntityOf<"cost-entry">[];
  /** Resources to write (those its assignments use, typically). */
  readonly resources?: readonly EntityOf<"resource">[];
  /** Assignments of its packages. */
  readonly assignments?: readonly EntityOf<"assignment">[];
}

const el = (fields: Record<string, MspdiValue | undefined>, lists: Record<string, MspdiElement[]> = {}): MspdiElement => {
  const f: Record<string, MspdiValue> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) f[k] = v;
  return { fields: f, lists };
};
const compareWbs = (a: string, b: string): number => {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
};
/**
 * A percent complete as MS Project's whole number: rounded half-even, but a value strictly between 0 and 100 stays
 * between 1 and 99 (100 would finish the task in MS Project, 0 would undo its start).
 */
function wholePercent(p: Decimal): string {
  const n = p.toDecimalPlaces(0);
  if (p.gt(0) && p.lt(100)) return PmoDecimal.max(1, PmoDecimal.min(99, n)).toFixed();
  return n.toFixed();
}

/**
 * A package's progress as earned value reads its records: the latest value of each measure (a record may carry only
 * some of them) and finished once a record says so. The percent complete is 100 for a finished package, else the
 * latest reported percent, else the share a units or weighted-milestones rule measures (units complete over total
 * units, the weight of the milestones reached over all weights).
 */
function progressNow(w: EntityOf<"work-package">): { percent?: Decimal; physical?: Decimal; remaining?: Decimal; finished: boolean } {
  let percent: Decimal | undefined;
  let remaining: Decimal | undefined;
  let physical: Decimal | undefined;
  let units: Decimal | undefined;
  let reached: readonly string[] | undefined;
  let finished = false;
  for (const p of w.progress) {
    finished ||= p.finished === true;
    percent = p.percentComplete ?? percent;
    physical = p.physicalPercentComplete ?? physical;
    remaining = p.remainingDays ?? remaining;
    units = p.unitsComplete ?? units;
    reached = p.milestonesReached ?? reached;
  }
  const rule = w.earningRule;
  if (percent === undefined && rule.type === "units" && units !== undefined && rule.totalUnits.gt(0)) percent = units.dividedBy(rule.totalUnits).times(100);
  if (percent === undefined && rule.type === "weighted-milestones" && reached !== undefined) {
    const weight = (ms: typeof rule.milestones) => ms.reduce((s, m) => s.plus(m.weight), new PmoDecimal(0));
    const total = weight(rule.milestones);
    if (total.gt(0)) percent = weight(rule.milestones.filter((m) => reached.includes(m.id))).dividedBy(total).times(100);
  }
  if (finished && (percent === undefined || percent.lt(100))) percent = new PmoDecimal(100);
  return { ...(percent !== undefined ? { percent } : {}), ...(physical !== undefined ? { physical } : {}), ...(remaining !== undefined && !finished ? { remaining } : {}), finished };
}

/**
 * MS Project's progress durations of a started (or finished) task, in working days: `Duration` = `ActualDuration` +
 * `RemainingDuration`. The duration is `durationDays`, else the package's working days from its dates (MS Project
 * computes `Duration` from them: it is then not written). Finished: all of it is actual. A reported remaining stands
 * (actual = duration − remaining; a remaining beyond the duration lengthens the written `Duration` to actual +
 * remaining, the actual being the percent's share); else the percent's share is actual.
 */
function progressDurations(w: EntityOf<"work-package">, now: ReturnType<typeof progressNow>, cal: Parameters<typeof createWorkingCalendar>[0]): { duration?: Decimal; actual: Decimal; remaining: Decimal } | undefined {
  if (!now.finished && !w.actualStart && !(now.percent?.gt(0) ?? false) && !w.progress.some((p) => p.started)) return undefined;
  const planned = new PmoDecimal(w.durationDays?.toFixed() ?? workingDaysBetween(createWorkingCalendar(cal), fromEpochDay(toEpochDay(w.plannedStart) - 1), w.plannedFinish));
  if (now.finished) return { actual: planned, remaining: new PmoDecimal(0) };
  const share = planned.times(PmoDecimal.min(100, now.percent?.toFixed() ?? 0)).dividedBy(100);
  if (now.remaining === undefined) return { actual: share, remaining: planned.minus(share) };
  const left = new PmoDecimal(now.remaining.toFixed());
  if (left.lte(planned)) return { actual: planned.minus(left), remaining: left };
  return { duration: share.plus(left), actual: share, remaining: left };
}

/** Options of {@link pmokitToMspdi}. */
export interface MspdiExportOptions {
  /** How percent lags are written: tenths of a percent (default) or whole percent (as MPXJ reads them). */
  readonly percentLagUnit?: MspdiPercentLagUnit;
  /**
   * A levelling result (`levelResources`) whose waits to write as MS Project's Leveling Delay: each activity's
   * `delays[].days` (its own wait for a resource, after its predecessors) as `LevelingDelay` in tenths of a minute at
   * `LevelingDelayFormat` 7 (working days; 2 days = 9600 at 480 minutes a day). `delayDays` is not written: it also
   * counts a predecessor's move, which MS Project makes through the link. Without it, the delay kept on each record
   * (`levellingDelay`, from an MS Project import) is written back: working days at format 7, elapsed days at format 8
   * (1 elapsed day = 14400); with it, the levelling result's waits replace every kept delay.
   */
  readonly levelling?: { readonly delays: readonly Pick<LevellingDelay, "activityId" | "days">[] };
}

/**
 * Minutes per working day the export states (`MinutesPerDay`): pmokit holds durations, lags and delays in working
 * days, not hours, so every file is written on MS Project's default day of 480 minutes with working times 08:00–12:00
 * and 13:00–17:00 (tasks start at 08:00 and finish at 17:00). A file imported at another day length (450 minutes)
 * comes back with the same working days — PT50H0M0S at 450 minutes (6.666667 days) is written PT53H20M0.0096S at
 * 480 —, not the same hours.
 */
const MINUTES_PER_DAY = 480;

/**
 * Builds an MSPDI document from a pmokit project — the project calendar with its holidays as exceptions, one task
 * per work package (outline from the WBS code, summary when it has children, cost = its time-phased budget, %
 * complete and physical % complete from the latest progress record, actual and remaining duration of a started task
 * adding up to its duration (its latest remaining days, else its percent's share), EV method from the earning rule, actual cost
 * from the cost entries), milestones as zero-duration tasks, and each baseline's dates and costs. Task UIDs of
 * records that came from an MSPDI import (`<projectId>-t<UID>`) are kept, so re-importing gives the same ids.
 * What MSPDI cannot hold (earning rules other than % complete / physical %, multi-slice budgets as slices) is listed
 * in the report. Write the result with `writeMspdi`. Percent lags are written in `options.percentLagUnit` (tenths of a
 * percent by default; `whole` for tools that read percent lags as MPXJ does), as `mspdiToPmokit` reads them. With
 * `options.levelling` (a `levelResources` result), each activity's own wait (`delays[].days`) is written as MS
 * Project's `LevelingDelay` (tenths of a minute, format 7 = days); read it back with `mspdiLevelingDelays`.
 *
 * @throws {ValidationError} when `percentLagUnit` is neither `tenths` nor `whole`.
 * @example
 * ```ts
 * const { document, report } = pmokitToMspdi({ project, workPackages, baselines, costEntries });
 * pmokitToMspdi(plan, { percentLagUnit: "whole" }); // a 50 % lag as <LinkLag>50</LinkLag>
 * pmokitToMspdi(plan, { levelling: levelResources(input) }); // a 2-day wait as <LevelingDelay>9600</LevelingDelay>
 * writeFileSync("plan.xml", writeMspdi(document));
 * ```
 */
export function pmokitToMspdi(plan: ProjectPlan, options: MspdiExportOptions = {}): { document: MspdiDocument; report: ImportReport } {
  checkArguments("pmokitToMspdi", { options: [options, "object"] });
  checkOptionKeys("pmokitToMspdi", options, { percentLagUnit: 1, levelling: 1 } satisfies Record<keyof MspdiExportOptions, 1>);
  const percentLagUnit = percentLagUnitOf(options.percentLagUnit);
  const report = createReportBuilder("mspdi-export");
  // MS Project's Leveling Delay is the task's own wait after its predecessors: delays[].days, never delayDays.
  const waits = levellingWaits(options.levelling?.delays ?? []);
  // Without a levelling result, the delay kept on the record (an MS Project import's LevelingDelay) is written back;
  // a levelling result replaces every kept delay (it is the plan's levelling now).
  const waitFields = (id: string, kept: LinkLagValue | undefined) => {
    if (options.levelling === undefined) {
      if (kept?.kind === "percent") report.unmapped(`Activity[${id}]`, "levellingDelay", "a percent levelling delay has no MS Project form; left out");
      return mspdiKeptDelayFields(kept, MINUTES_PER_DAY);
    }
    const days = waits.get(id);
    waits.delete(id);
    return days && days.gt(0) ? mspdiLevelingDelayFields(days, MINUTES_PER_DAY) : {};
  };
  const { project } = plan;
  const cur = project.budget.currency;
  const at = (d: string, time: string) => `${d}T${time}`;
  const pkgs = [...plan.workPackages].sort((a, b) => compareWbs(a.code, b.code));
  const milestones = plan.milestones ?? [];
  const prefix = `${project.id}-`;
  const uids = new Map<string, number>();
  let next = 1;
  for (const e of [...pkgs, ...milestones]) {
    const m = e.id.startsWith(prefix) ? /^[tm](\d+)$/.exec(e.id.slice(prefix.length)) : null;
    if (m) uids.set(e.id, Number(m[1]));
    next = Math.max(next, (m ? Number(m[1]) : 0) + 1);
  }
  for (const e of [...pkgs, ...milestones]) if (!uids.has(e.id)) uids.set(e.id, next++);

  const progressDates = pkgs.flatMap((w) => w.progress.map((p) => p.date));
  const currentDate = [project.statusDate, ...progressDates].filter((d): d is NonNullable<typeof d> => d !== undefined).sort().pop();
  const hasChildren = new Set(pkgs.map((w) => w.parentId).filter(Boolean));
  // A package's own calendar is a task calendar (Task/CalendarUID), numbered after the project's (UID 1).
  const taskCalendars: MspdiElement[] = [];
  const calendarUidOf = new Map<string, string>();
  for (const w of pkgs) {
    if (!w.calendar || hasChildren.has(w.id)) continue;
    const uid = String(2 + taskCalendars.length);
    calendarUidOf.set(w.id, uid);
    taskCalendars.push(mspdiCalendarOut(uid, { ...w.calendar, name: w.calendar.name ?? w.name }));
    if ((w.calendar.blackouts?.length ?? 0) > 0) report.unmapped(`WorkPackage[${w.code}]`, "calendar.blackouts", "MS Project calendars have no change-freeze windows");
  }
  const actualBy = new Map<string, Money[]>();
  const actualDate = new Map<string, string>();
  for (const c of plan.costEntries ?? []) {
    if (!c.workPackageId) continue;
    actualBy.set(c.workPackageId, [...(actualBy.get(c.workPackageId) ?? []), c.amount]);
    if ((actualDate.get(c.workPackageId) ?? "") < c.date) actualDate.set(c.workPackageId, c.date);
  }
  // MS Project shows a summary's Cost as its children's plus its own FixedCost: write both so a re-import splits them.
  const subtree = (id: string, own: (w: EntityOf<"work-package">) => Money[]): Money[] =>
    pkgs.filter((w) => w.id === id || w.parentId === id).flatMap((w) => (w.id === id ? own(w) : subtree(w.id, own)));
  const baselineOf = (id: string, milestone: boolean): MspdiElement[] =>
    [...(plan.baselines ?? [])].sort((a, b) => a.number - b.number).flatMap((b) => {
      if (milestone) {
        const m = b.milestones.find((x) => x.milestoneId === id);
        return m ? [el({ Number: String(b.number), Start: at(m.date, "08:00:00"), Finish: at(m.date, "08:00:00") })] : [];
      }
      const w = b.workPackages.find((x) => x.workPackageId === id);
      if (!w) return [];
      const frozen = (p: EntityOf<"work-package">) => b.workPackages.find((x) => x.workPackageId === p.id)?.timePhasedBudget.map((s) => s.amount) ?? [];
      const cost = sumMoney(hasChildren.has(id) ? subtree(id, frozen) : w.timePhasedBudget.map((s) => s.amount), cur);
      return [el({ Number: String(b.number), Start: at(w.plannedStart, "08:00:00"), Finish: at(w.plannedFinish, "17:00:00"), Cost: cost })];
    });

  const tasks: MspdiElement[] = [
    el({ UID: "0", ID: "0", Name: project.name, WBS: "0", OutlineNumber: "0", OutlineLevel: "0", Start: at(project.plannedStart, "08:00:00"), Finish: at(project.plannedFinish, "17:00:00"), Milestone: "0", Summary: "1" }),
  ];
  pkgs.forEach((w) => {
    const now = progressNow(w);
    const rule = w.earningRule.type;
    if (rule !== "percent-complete" && rule !== "physical-percent-complete") {
      report.unmapped(`WorkPackage[${w.code}]`, "earningRule", `${rule} has no MSPDI earned value method; exported as % complete`);
    }
    if (w.timePhasedBudget.length > 1) report.unmapped(`WorkPackage[${w.code}]`, "timePhasedBudget", "slices are exported as one task cost");
    if (w.ownerId !== undefined) report.unmapped(`WorkPackage[${w.code}]`, "ownerId", "MSPDI tasks have no owner; left out");
    if (w.durationEstimate !== undefined) report.unmapped(`WorkPackage[${w.code}]`, "durationEstimate", "MSPDI has no three-point duration estimate; left out (Duration is durationDays)");
    if (w.estimateToComplete !== undefined) report.unmapped(`WorkPackage[${w.code}]`, "estimateToComplete", "MSPDI has no estimate-to-complete field (MS Project computes RemainingCost); left out");
    const actual = actualBy.get(w.id);
    const finished = now.finished;
    // Progress may report an overrun (above 100 %); MS Project's percent complete stops at 100.
    const overrun = now.percent?.gt(100) === true;
    if (overrun) report.warn(`WorkPackage[${w.code}]`, `percent complete ${now.percent?.toFixed()} is above 100: exported as 100`, "percent-complete-above-100");
    const logic = mspdiLogicOut(w, (id) => uids.get(id), MINUTES_PER_DAY, report, percentLagUnit);
    // A started leaf task's ActualDuration and RemainingDuration, adding up to its Duration as MS Project reads them.
    const done = hasChildren.has(w.id) ? undefined : progressDurations(w, now, w.calendar ?? project.calendar ?? {});
    if (done?.duration) report.warn(`WorkPackage[${w.code}]`, `remaining ${done.remaining.toFixed()} days exceed the duration ${w.durationDays?.toFixed() ?? "of its dates"}: Duration written as ${done.duration.toFixed()} days (actual + remaining)`, "remaining-beyond-duration");
    const span = (days: Decimal): MspdiValue => ({ kind: "duration", seconds: new PmoDecimal(days.toFixed()).times(MINUTES_PER_DAY * 60) });
    tasks.push(el({
      UID: String(uids.get(w.id)), ID: String(tasks.length), Name: w.name, WBS: w.code, OutlineNumber: w.code,
      OutlineLevel: String(w.code.split(".").length), Start: at(w.plannedStart, "08:00:00"), Finish: at(w.plannedFinish, "17:00:00"),
      Milestone: "0", Summary: hasChildren.has(w.id) ? "1" : "0", ...(calendarUidOf.has(w.id) ? { CalendarUID: calendarUidOf.get(w.id) } : {}),
      PercentComplete: overrun ? "100" : now.percent ? wholePercent(now.percent) : "0",
      ...(hasChildren.has(w.id) ? { FixedCost: sumMoney(w.timePhasedBudget.map((s) => s.amount), cur) } : {}),
      Cost: sumMoney(subtree(w.id, (p) => p.timePhasedBudget.map((s) => s.amount)), cur),
      ...(done?.duration ? { Duration: span(done.duration) } : w.durationDays ? { Duration: span(w.durationDays) } : {}),
      ...(w.actualStart ? { ActualStart: at(w.actualStart, "08:00:00") } : {}),
      // The work done and what is left of a started package (its latest remaining days, else the percent's share), so
      // MS Project and a re-import schedule it.
      // A zero-length task with no remaining days recorded has neither to write (a re-import read "0 days left").
      ...(done && (now.remaining !== undefined || !done.actual.plus(done.remaining).isZero())
        ? { ActualDuration: span(done.actual), RemainingDuration: span(done.remaining) }
        : now.remaining ? { RemainingDuration: span(now.remaining) } : {}),
      ...(w.actualFinish ? { ActualFinish: at(w.actualFinish, "17:00:00") } : finished ? { ActualFinish: at(actualDate.get(w.id) ?? w.plannedFinish, "17:00:00") } : {}),
      ...(actual ? { ActualCost: sumMoney(actual, cur) } : {}),
      ...(w.description ? { Notes: w.description } : {}),
      // Whole percent as PercentComplete, within 1–99 when strictly between (100 would earn the whole budget under the
      // physical EV method), and at most 100.
      PhysicalPercentComplete: now.physical ? (now.physical.gt(100) ? "100" : wholePercent(now.physical)) : "0",
      EarnedValueMethod: rule === "physical-percent-complete" ? "1" : "0",
      ...logic.fields,
      ...waitFields(w.id, w.levellingDelay),
    }, { baselines: baselineOf(w.id, false), predecessors: logic.predecessors }));
  });
  const childCount = new Map<string, number>();
  // Outline numbers are the tasks' identity in the hierarchy: a milestone skips any number a package (or an earlier
  // milestone) holds, as with a WBS that has a gap (1, 3: the milestone is 2, not a second 3).
  const usedOutlines = new Set(pkgs.map((w) => w.code));
  for (const m of milestones) {
    const parent = pkgs.find((w) => w.id === m.workPackageId);
    let n = (childCount.get(parent?.id ?? "") ?? 0) + 1;
    const numbered = (k: number) => (parent ? `${parent.code}.${k}` : String(k));
    while (usedOutlines.has(numbered(n))) n++;
    childCount.set(parent?.id ?? "", n);
    const outline = numbered(n);
    usedOutlines.add(outline);
    if (m.key) report.unmapped(`Milestone[${m.id}]`, "key", "MSPDI has no key-milestone flag; left out (a re-import reads key false)");
    const date = m.forecastDate ?? m.baselineDate ?? m.actualDate ?? project.plannedStart;
    const logic = mspdiLogicOut(m, (id) => uids.get(id), MINUTES_PER_DAY, report, percentLagUnit);
    tasks.push(el({
      UID: String(uids.get(m.id)), ID: String(tasks.length), Name: m.name, WBS: outline, OutlineNumber: outline,
      OutlineLevel: String(outline.split(".").length), Start: at(date, "08:00:00"), Finish: at(date, "08:00:00"), Milestone: "1", Summary: "0",
      PercentComplete: m.actualDate ? "100" : "0", ...(m.actualDate ? { ActualFinish: at(m.actualDate, "08:00:00") } : {}),
      ...(m.description ? { Notes: m.description } : {}),
      ...logic.fields,
      ...waitFields(m.id, m.levellingDelay),
    }, { baselines: baselineOf(m.id, true), predecessors: logic.predecessors }));
  }
  for (const [id, days] of waits) report.unmapped(`Activity[${id}]`, "levelling", `levelling delay of ${days.toFixed()} days on an activity with no task in this export; left out`);

  // MS Project builds the hierarchy from the task order and OutlineLevel (a task is a child of the last task above it
  // one level up): a milestone goes right after its parent's subtree, in outline order, and IDs follow that order.
  const outlineOf = (t: MspdiElement) => String(t.fields["OutlineNumber"]);
  const ordered = [tasks[0]!, ...tasks.slice(1).sort((a, b) => compareWbs(outlineOf(a), outlineOf(b)))];
  tasks.splice(0, tasks.length, ...ordered.map((t, i): MspdiElement => ({ fields: { ...t.fields, ID: String(i) }, lists: t.lists })));

  const cal = project.calendar;
  const calendar = mspdiCalendarOut("1", cal);
  const staffing = mspdiResourcesOut(project.id, plan.resources ?? [], plan.assignments ?? [], (id) => uids.get(id), cur, 2 + taskCalendars.length, report);
  if ((cal?.blackouts?.length ?? 0) > 0) report.unmapped("Project/calendar", "blackouts", "MS Project calendars have no change-freeze windows");

  const projectEl = el({
    SaveVersion: "14", Name: project.name, Title: project.name, ScheduleFromStart: "1",
    StartDate: at(project.plannedStart, "08:00:00"), FinishDate: at(project.plannedFinish, "17:00:00"), CurrencyDigits: String(minorUnits(cur)),
    CurrencyCode: cur, CalendarUID: "1", MinutesPerDay: String(MINUTES_PER_DAY),
    // A week is the project calendar's working days (six days of 480 minutes: 2880), as MS Project's Options state it.
    MinutesPerWeek: String(MINUTES_PER_DAY * new Set(cal?.workingWeekdays ?? [1, 2, 3, 4, 5]).size), DaysPerMonth: "20",
    ...(project.statusDate ? { StatusDate: at(project.statusDate, "17:00:00") } : {}),
    BaselineForEarnedValue: String(project.activeBaseline ?? 0),
    // The end of the as-of day: the import dates CurrentDate as a finish (08:00 would be the day before's work).
    ...(currentDate ? { CurrentDate: at(currentDate, "17:00:00") } : {}),
    DefaultTaskEVMethod: "0",
  }, { calendars: [calendar, ...taskCalendars, ...staffing.calendars], tasks, resources: staffing.resources, assignments: staffing.assignments });
  return { document: { currency: cur, project: projectEl }, report: report.finish() };
}
