import {
  STANDARD_CALENDAR,
  ValidationError,
  checkArguments,
  checkOptionKeys,
  isIsoDate,
  metric,
  missing,
  PmoDecimal,
  workingDaysBetween,
  type Decimal,
  type IsoDate,
  type Metric,
  type ValidationIssue,
  type WorkingCalendar,
} from "../core/index.js";
import type { FinishForecastInput, FinishForecastRow, ScheduleResult } from "./types.js";

/**
 * The forecast table: per project (or for the whole network), the CPM forecast finish at the status date beside the
 * baseline finish and earned schedule's independent forecast (computed by the variance calculators, passed in as a
 * date), with the slips in working days (positive = later) of `options.calendar` or, without it, of the calendar the
 * schedule was computed on (`schedule.calendar`: the network's calendar — a 6-day week or a holiday counts as it does
 * in the schedule). A missing input is a Metric reason (`no-baseline`, `no-earned-schedule`), never a 0.
 *
 * @throws {ValidationError} for an unknown project id or a bad date, with its path, or an unknown option key (at
 *   `options.<key>`).
 * @example
 * ```ts
 * const table = compareFinishForecasts(scheduleNetwork(input), [
 *   { projectId: "PRJ-1", baselineFinish: "2027-06-30", earnedScheduleFinish: "2027-07-09" },
 * ]);
 * table[0].scheduleSlipDays; // { value: Decimal(…) } working days after the baseline
 * ```
 */
export function compareFinishForecasts(
  schedule: ScheduleResult,
  forecasts: readonly FinishForecastInput[],
  options: { readonly calendar?: WorkingCalendar | undefined } = {},
): FinishForecastRow[] {
  checkArguments("compareFinishForecasts", { schedule: [schedule, "object"], forecasts: [forecasts, "object[]"], options: [options, "object"] });
  checkArguments("compareFinishForecasts", { "schedule.activities": [schedule.activities, "object[]"] });
  checkOptionKeys("compareFinishForecasts", options, { calendar: 1 } satisfies Record<keyof typeof options, 1>, ["options"]);
  // The network's own calendar by default (Monday–Friday only for a result that carries none, as built by hand).
  const cal = options.calendar ?? (schedule.calendar as WorkingCalendar | undefined) ?? STANDARD_CALENDAR;
  const issues: ValidationIssue[] = [];
  const date = (v: string | undefined, path: (string | number)[]): IsoDate | undefined => {
    if (v === undefined) return undefined;
    if (isIsoDate(v)) return v;
    issues.push({ path, message: `expected a date YYYY-MM-DD, got ${JSON.stringify(v)}`, code: "custom" });
    return undefined;
  };
  const rows = forecasts.map((f, i) => {
    let scheduled: IsoDate = schedule.finish;
    if (f.projectId !== undefined) {
      const own = schedule.activities.filter((a) => a.projectId === f.projectId).map((a) => a.earlyFinish);
      if (own.length === 0) issues.push({ path: [i, "projectId"], message: `no activity belongs to project ${JSON.stringify(f.projectId)}`, code: "custom" });
      else scheduled = own.reduce((a, b) => (b > a ? b : a));
    }
    return { f, scheduled, baseline: date(f.baselineFinish, [i, "baselineFinish"]), es: date(f.earnedScheduleFinish, [i, "earnedScheduleFinish"]) };
  });
  if (issues.length > 0) throw new ValidationError(issues, "finish forecasts");
  const slip = (from: IsoDate | undefined, to: IsoDate | undefined, reason: string): Metric<Decimal> =>
    from === undefined || to === undefined ? missing(reason) : metric(new PmoDecimal(workingDaysBetween(cal, from, to)));
  return rows.map(({ f, scheduled, baseline, es }) => ({
    projectId: f.projectId,
    scheduledFinish: scheduled,
    baselineFinish: baseline === undefined ? missing("no-baseline") : metric(baseline),
    earnedScheduleFinish: es === undefined ? missing("no-earned-schedule") : metric(es),
    scheduleSlipDays: slip(baseline, scheduled, "no-baseline"),
    earnedScheduleSlipDays: baseline === undefined ? missing("no-baseline") : slip(baseline, es, "no-earned-schedule"),
    forecastGapDays: slip(es, scheduled, "no-earned-schedule"),
  }));
}
