import type { EntityOf } from "../../entities/index.js";
import type { ReportBuilder } from "../report.js";
import { mspdiCash, type MspdiDecode, type MspdiMapContext } from "./context.js";
import type { MspdiElement } from "./element.js";
import { fieldDay, fieldNum, fieldStr } from "./fields.js";
import { mspdiLevelingDelayOf } from "./leveling.js";
import { MSPDI_ELAPSED_FORMATS, mspdiConstraintFields, mspdiPredecessors } from "./logic.js";
import { durationHours, formatMspdiDuration } from "./values.js";
import { mspdiFinishDay, reportUnexpandedExceptions } from "./calendar.js";

/** The records of one task: a milestone, or a work package and maybe its actual-cost entry. @internal */
export interface MspdiTaskRecords {
  readonly milestone?: EntityOf<"milestone">;
  readonly workPackage?: EntityOf<"work-package">;
  readonly costEntry?: EntityOf<"cost-entry">;
}

/**
 * Maps one MSPDI task (see `mspdiToPmokit`): a milestone (baseline, forecast and actual dates, notes), or a work package
 * (parent from the outline, WBS code, budget, earning rule, progress at the status date, duration, actual dates,
 * schedule logic) and an actual-cost entry. Problems go to the decoder, notes to the report.
 * @internal
 * @example
 * ```ts
 * const { workPackage, costEntry } = mapMspdiTask(task, ctx, report, decode);
 * ```
 */
export function mapMspdiTask(t: MspdiElement, ctx: MspdiMapContext, report: ReportBuilder, decode: MspdiDecode): MspdiTaskRecords {
  const { options, stamp, statusDate, currency: cur } = ctx;
  const uid = fieldStr(t, "UID");
  report.count("tasks");
  if (uid === undefined || uid === "") return {}; // refused by the outline (`Task[n].UID`): no id to give it
  const where = `Task[UID=${uid}]`;
  const s = fieldDay(t, "Start");
  const f = fieldDay(t, "Finish") ?? s;
  if (!s || !f) {
    report.warn(where, "task without start date left out", "no-dates");
    return {};
  }
  // MS Project's levelling delay is kept on the record (levellingDelay) for the export; pmokit's scheduling does not
  // apply it (levelResources computes its own: delays[].days).
  const lv = mspdiLevelingDelayOf(t, ctx.minutesPerDay);
  const levellingDelay = lv?.days ? { kind: "working-days", days: lv.days.toFixed() } : lv?.elapsedDays ? { kind: "elapsed-days", days: lv.elapsedDays.toFixed() } : undefined;
  const predecessors = mspdiPredecessors(t, ctx.idOf, ctx.minutesPerDay, where, report, ctx.percentLagUnit);
  const logic = { ...(predecessors.length > 0 ? { predecessors } : {}), ...mspdiConstraintFields(t, where, report), ...(levellingDelay ? { levellingDelay } : {}) };
  const parent = ctx.parentOf(t);
  if (fieldStr(t, "Milestone") === "1") {
    // MS Project lets any task carry the milestone flag and still schedules its duration; a pmokit milestone has none.
    const md = t.fields["Duration"];
    const mdays = typeof md === "object" && "kind" in md && md.kind === "duration" && md.seconds.gt(0) ? durationHours(md).times(60).dividedBy(ctx.minutesPerDay).toDecimalPlaces(6) : undefined;
    if (mdays) {
      const n = `${mdays.toFixed()} day${mdays.eq(1) ? "" : "s"}`;
      report.warn(`${where}/Duration`, `task flagged as a milestone has a duration of ${n}; imported as a zero-duration milestone (forecast ${f}), so pmokit's schedule leaves out the ${n} MS Project schedules`, "milestone-duration");
    }
    const b0 = (t.lists["baselines"] ?? []).find((b) => fieldStr(b, "Number") === String(ctx.evBaseline));
    const milestone = decode("milestone", {
      id: ctx.idOf(uid), ...stamp, projectId: options.projectId, name: fieldStr(t, "Name") ?? `Milestone ${uid}`, key: false,
      forecastDate: f, ...(b0 && fieldDay(b0, "Finish") ? { baselineDate: fieldDay(b0, "Finish") } : {}),
      // MS Project's Notes, as on a work package (the export writes a milestone's description there).
      ...(fieldStr(t, "Notes") ? { description: fieldStr(t, "Notes") } : {}),
      ...(fieldStr(t, "PercentComplete") === "100" ? { actualDate: fieldDay(t, "ActualFinish") ?? f } : {}),
      ...(parent ? { workPackageId: parent } : {}),
      ...logic,
    }, where);
    return milestone ? { milestone } : {};
  }
  const summary = fieldStr(t, "Summary") === "1";
  const cost = mspdiCash(t, "Cost", where, report);
  // MS Project rolls children's costs up into a summary's Cost; only the summary's own FixedCost is its budget.
  const fixed = summary ? mspdiCash(t, "FixedCost", where, report) : undefined;
  const own = summary ? (fixed && fixed.amount.gt(0) ? fixed : undefined) : cost && cost.amount.gt(0) ? cost : undefined;
  if (summary && own) report.warn(where, `summary task's own fixed cost ${own.amount.toFixed()} ${cur} is budgeted on its package (children's costs stay on theirs)`, "summary-fixed-cost");
  const pc = fieldNum(t, "PercentComplete") ?? 0;
  const ppc = fieldNum(t, "PhysicalPercentComplete") ?? 0;
  const physical = fieldStr(t, "EarnedValueMethod") === "1";
  const started = pc > 0 || fieldDay(t, "ActualStart") !== undefined;
  const wbs = fieldStr(t, "OutlineNumber") ?? uid;
  // Durations are working time: PT40H0M0S at 480 minutes per day is 5 working days. An elapsed duration (`3ed` is
  // PT72H0M0S of calendar time) has no pmokit field: left out, so the schedule takes the task's dates.
  const d = t.fields["Duration"];
  const elapsed = MSPDI_ELAPSED_FORMATS.has(fieldNum(t, "DurationFormat") ?? 7);
  if (elapsed && !summary) report.warn(where, "elapsed duration (calendar time) has no pmokit field; the task's dates give its length", "elapsed-duration");
  // A negative duration (`-PT8H0M0S`, an xsd:duration) is no task's length either: reported as unread, as `P2D` is.
  const negative = typeof d === "object" && "kind" in d && d.kind === "duration" && d.seconds.isNegative() && !d.seconds.isZero();
  if (typeof d === "string" && d !== "" && !summary) {
    report.warn(`${where}/Duration`, `duration ${JSON.stringify(d)} is not in MS Project's PTnHnMnS form; left out (the task's dates give its length)`, "unread-duration");
  } else if (negative && !summary) {
    report.warn(`${where}/Duration`, `duration "${formatMspdiDuration(d)}" is negative; left out (the task's dates give its length)`, "unread-duration");
  }
  const duration = !elapsed && typeof d === "object" && "kind" in d && d.kind === "duration" && !d.seconds.isNegative()
    ? durationHours(d).times(60).dividedBy(ctx.minutesPerDay).toDecimalPlaces(6).toFixed() : undefined;
  // MS Project's RemainingDuration of a started, unfinished task: what the schedule has left (its whole-number percent
  // complete is rounded: 1 of 3 days done is 33 %, which would leave 2.01 days instead of 2).
  const rd = t.fields["RemainingDuration"];
  const remainingDays = !elapsed && !summary && started && pc < 100 && typeof rd === "object" && "kind" in rd && rd.kind === "duration" && !rd.seconds.isNegative()
    ? durationHours(rd).times(60).dividedBy(ctx.minutesPerDay).toDecimalPlaces(6).toFixed() : undefined;
  const progress = statusDate && (started || ppc > 0)
    ? [{ date: statusDate, percentComplete: String(pc), ...(ppc > 0 ? { physicalPercentComplete: String(ppc) } : {}), ...(remainingDays !== undefined ? { remainingDays } : {}), started, finished: pc === 100 }]
    : [];
  // The task's own calendar (Task Information → Advanced → Calendar): the package is scheduled on it.
  const calUid = summary ? undefined : fieldStr(t, "CalendarUID");
  const ownCal = calUid === undefined ? undefined : ctx.calendarOf(calUid);
  if (ownCal === "missing") report.warn(`${where}/CalendarUID`, `calendar UID ${calUid} is not in the file; the project calendar is used`, "missing-calendar");
  const calendar = ownCal === undefined || ownCal === "missing" ? undefined : ownCal;
  reportUnexpandedExceptions(report, `${where}/CalendarUID`, calendar);
  for (const w of calendar?.workingExceptions ?? []) {
    report.warn(`${where}/CalendarUID`, `working exception on ${w.date} (${w.name}) cannot be held by a pmokit calendar`, "working-exception");
  }
  // A finish where the working day begins (Monday 08:00) ends the work of the working day before (Friday).
  const dayCal = calendar ?? ctx.projectCalendar;
  const pf = mspdiFinishDay(fieldStr(t, "Finish"), fieldStr(t, "Start"), dayCal) ?? f;
  const actualStart = fieldDay(t, "ActualStart");
  const actualFinish = mspdiFinishDay(fieldStr(t, "ActualFinish"), fieldStr(t, "ActualStart"), dayCal);
  if (fieldStr(t, "WBS") !== undefined && fieldStr(t, "WBS") !== wbs) report.unmapped("Project/Tasks/Task", "WBS", "custom WBS codes differ from the outline number, which is used as the WBS code");
  const workPackage = decode("work-package", {
    id: ctx.idOf(uid), ...stamp, projectId: options.projectId, code: wbs, name: fieldStr(t, "Name") ?? `Task ${uid}`,
    ...(parent ? { parentId: parent } : {}), ...(fieldStr(t, "Notes") ? { description: fieldStr(t, "Notes") } : {}),
    plannedStart: s, plannedFinish: pf,
    // Summary costs roll up their children: budgeting them too would count the money twice.
    timePhasedBudget: own ? [{ start: s, finish: pf, amount: { amount: own.amount.toFixed(), currency: cur } }] : [],
    earningRule: { type: physical ? "physical-percent-complete" : "percent-complete" },
    progress,
    ...logic,
    ...(!summary && duration ? { durationDays: duration } : {}),
    ...(calendar ? { calendar: { name: calendar.name, workingWeekdays: [...calendar.workingWeekdays], holidays: calendar.holidays.map((h) => ({ ...h })) } } : {}),
    ...(actualStart ? { actualStart } : {}),
    ...(actualStart && actualFinish ? { actualFinish } : {}),
  }, where);
  const actual = mspdiCash(t, "ActualCost", where, report);
  let costEntry: EntityOf<"cost-entry"> | undefined;
  if (!summary && actual && !actual.amount.isZero()) {
    costEntry = decode("cost-entry", {
      id: `${options.projectId}-ac${uid}`, ...stamp, projectId: options.projectId, workPackageId: ctx.idOf(uid),
      date: actualFinish ?? statusDate ?? pf, amount: { amount: actual.amount.toFixed(), currency: cur },
      category: options.costCategory ?? "labour", expenditure: options.expenditure ?? "opex",
      description: `Actual cost of ${fieldStr(t, "Name") ?? `task ${uid}`} as of ${statusDate ?? "the file date"}`, sourceRef: `MSPDI Task UID ${uid}`,
    }, where);
  }
  return { ...(workPackage ? { workPackage } : {}), ...(costEntry ? { costEntry } : {}) };
}
