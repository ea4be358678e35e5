import type { Decimal, IsoDate, Metric, WorkingCalendar } from "../../core/index.js";
import type { ActivityConstraint, LinkType, MilestoneDating, OutOfSequenceRule, StartLinkFloat, StartNoLaterThan, TotalFloatDefinition } from "./network.js";

/* CPM results: dates, float, drivers, violations and the forecast table. This file only grows. */

/**
 * What set a date — the explanation carried by every scheduled date.
 *
 * - `project-start`: nothing earlier; the activity starts at the project start;
 * - `link`: a dependency (`from` → `to`, type, lag in working days as applied) drove it;
 * - `constraint`: the activity's own constraint;
 * - `actual`: an actual start/finish from progress;
 * - `status-date`: remaining work cannot start before the status date;
 * - `project-finish`: the backward pass starts from the network's finish (or `finishBy`);
 * - `deadline`: the activity's deadline pulled its late finish;
 * - `duration`: the other end of the activity (finish = start + duration, start = finish − duration).
 *
 * @example
 * ```ts
 * const why: DateDriver = { kind: "link", from: "A", to: "B", type: "FS", lagDays: decimal(0) };
 * ```
 */
export type DateDriver =
  | { readonly kind: "project-start"; readonly date: IsoDate }
  | { readonly kind: "link"; readonly from: string; readonly to: string; readonly type: LinkType; readonly lagDays: Decimal }
  | { readonly kind: "constraint"; readonly constraint: ActivityConstraint }
  | { readonly kind: "actual"; readonly date: IsoDate }
  | { readonly kind: "status-date"; readonly date: IsoDate }
  | { readonly kind: "project-finish"; readonly date: IsoDate }
  | { readonly kind: "deadline"; readonly date: IsoDate }
  | { readonly kind: "duration" };

/**
 * Where an activity stands at the status date.
 *
 * @example
 * ```ts
 * const s: ActivityStatus = "in-progress";
 * ```
 */
export type ActivityStatus = "not-started" | "in-progress" | "complete";

/**
 * One activity's computed dates and float. Start dates are the morning of the day, finish dates its evening; a
 * fractional-day activity starts and finishes on the days that contain its start and finish instants. A milestone's
 * start and finish are the same day: the evening of the last working day before its instant (never before the
 * project start).
 *
 * @example
 * ```ts
 * const a = scheduleNetwork(input).activities[0];
 * `${a.id}: ${a.earlyStart} → ${a.earlyFinish}, float ${a.totalFloat.toFixed()} d, ${a.critical ? "critical" : ""}`;
 * ```
 */
export interface ScheduledActivity {
  /** Activity id. */
  readonly id: string;
  /** Display name (the id when none was given). */
  readonly name: string;
  /** Project id, when given. */
  readonly projectId: string | undefined;
  /** Original duration, working days. */
  readonly duration: Decimal;
  /** Remaining duration at the status date, working days (the duration when there is no progress). */
  readonly remainingDuration: Decimal;
  /** Progress status at the status date. */
  readonly status: ActivityStatus;
  /** Early start (forecast start when in progress or complete: the actual start). */
  readonly earlyStart: IsoDate;
  /** Early finish (the actual finish when complete). */
  readonly earlyFinish: IsoDate;
  /** Late start. */
  readonly lateStart: IsoDate;
  /** Late finish. */
  readonly lateFinish: IsoDate;
  /** The dates the activity is scheduled on: the early dates; for ALAP, the early dates moved by its free float. */
  readonly scheduledStart: IsoDate;
  /** See {@link ScheduledActivity.scheduledStart}. */
  readonly scheduledFinish: IsoDate;
  /** LS − ES in working days of the activity's calendar (may be negative). */
  readonly startFloat: Decimal;
  /** LF − EF in working days of the activity's calendar (may be negative). */
  readonly finishFloat: Decimal;
  /** Total float per the chosen {@link TotalFloatDefinition}. */
  readonly totalFloat: Decimal;
  /**
   * Free float: how far the activity can slip (in working days of its calendar) without delaying any successor's
   * early date, nor the network finish for an activity without successors; never more than its total float.
   */
  readonly freeFloat: Decimal;
  /** Total float ≤ `criticalDays`. */
  readonly critical: boolean;
  /** Not critical, total float ≤ `nearCriticalDays`. */
  readonly nearCritical: boolean;
  /** On the longest path (P6): a chain of driving links back from the activity that finishes the network. */
  readonly longestPath: boolean;
  /** What set the early start (the driving predecessor link, a constraint, an actual, the status date…). */
  readonly earlyStartDriver: DateDriver;
  /** What set the early finish (usually `duration`; FF/SF links, FNET/MFO constraints and actuals too). */
  readonly earlyFinishDriver: DateDriver;
  /** What set the late finish (the driving successor link, a constraint, a deadline, the project finish). */
  readonly lateFinishDriver: DateDriver;
  /** What set the late start. */
  readonly lateStartDriver: DateDriver;
}

/**
 * A problem found while scheduling: reported, never hidden, never thrown.
 *
 * - `deadline-missed`: early finish after the deadline (`days` late, in working days);
 * - `constraint-violated`: a no-later-than or must-on constraint the logic cannot honour;
 * - `negative-float`: total float below zero (from a constraint, deadline or `finishBy`);
 * - `out-of-sequence`: progress started before a predecessor allows (rule applied stated);
 * - `before-project-start`: a lead (negative lag) or constraint wanted a date before the project start; clamped.
 * - `actual-after-status-date`: an actual date after the status date (taken as given).
 * - `link-violated` (levelling only): a must-start/finish-on activity keeps its date while levelling moved its
 *   predecessor later than the link allows (`days` early, in working days).
 *
 * @example
 * ```ts
 * for (const v of result.violations) console.log(v.activityId, v.kind, v.message);
 * ```
 */
export interface ScheduleViolation {
  /** What kind of problem. */
  readonly kind:
    | "deadline-missed"
    | "constraint-violated"
    | "negative-float"
    | "out-of-sequence"
    | "before-project-start"
    | "actual-after-status-date"
    | "link-violated";
  /** Activity concerned. */
  readonly activityId: string;
  /** Size of the problem in working days, where it has one (days late, float below zero). */
  readonly days: Decimal | undefined;
  /** Plain words ("PKG-7 finishes 3 days after its deadline 2027-03-31"). */
  readonly message: string;
}

/**
 * The result of {@link ScheduleInput} scheduling (CPM).
 *
 * @example
 * ```ts
 * const r = scheduleNetwork(input);
 * r.finish; // "2027-01-08"
 * r.criticalPaths; // [["A", "B"]]
 * ```
 */
export interface ScheduleResult {
  /** Project start as given. */
  readonly start: IsoDate;
  /** Early finish of the network (latest early finish of any activity). */
  readonly finish: IsoDate;
  /** Working days from start to finish on the network calendar. */
  readonly durationDays: Decimal;
  /**
   * The network calendar: {@link ScheduleInput.calendar}, or Monday–Friday without holidays when none was given. The
   * calendar `durationDays` is counted on, and the one `compareFinishForecasts` counts slips on by default.
   */
  readonly calendar: WorkingCalendar;
  /** Where the backward pass started (the finish, or `finishBy`). */
  readonly lateFinishFrom: IsoDate;
  /** Status date, when given. */
  readonly statusDate: IsoDate | undefined;
  /** Every activity, in input order. */
  readonly activities: readonly ScheduledActivity[];
  /**
   * Critical paths: the critical activities grouped by driving links (each group one tree of the driving-link forest,
   * rooted at an activity without a critical driving predecessor), ids in early-start order, groups in order of their
   * first activity's early start.
   */
  readonly criticalPaths: readonly (readonly string[])[];
  /** Activity ids on the longest path, in early-start order. */
  readonly longestPath: readonly string[];
  /** Problems found (deadlines, constraints, negative float, out-of-sequence progress). */
  readonly violations: readonly ScheduleViolation[];
  /** The conventions applied, stated: float definition, thresholds, out-of-sequence rule, hours per day. */
  readonly conventions: ScheduleConventions;
}

/**
 * The conventions a schedule was computed with (echoed in every result so a report can state them).
 *
 * @example
 * ```ts
 * result.conventions.totalFloat; // "smallest"
 * ```
 */
export interface ScheduleConventions {
  /** Total float definition. */
  readonly totalFloat: TotalFloatDefinition;
  /** Critical threshold, working days. */
  readonly criticalDays: Decimal;
  /** Near-critical threshold, working days. */
  readonly nearCriticalDays: Decimal;
  /** Out-of-sequence rule. */
  readonly outOfSequence: OutOfSequenceRule;
  /** Hours per working day. */
  readonly hoursPerDay: Decimal;
  /** Lags are measured on the successor's calendar. */
  readonly lagCalendar: "successor";
  /** How a milestone reached in its calendar's non-working time is dated (see `ScheduleOptions.milestoneDating`). */
  readonly milestoneDating: MilestoneDating;
  /** How SS and SF links bound a predecessor's start in its non-working time (see `ScheduleOptions.startLinkFloat`). */
  readonly startLinkFloat: StartLinkFloat;
  /** How an SNLT date on a non-working day bounds the late start (see `ScheduleOptions.startNoLaterThan`). */
  readonly startNoLaterThan: StartNoLaterThan;
}

/**
 * A finish forecast to compare with the scheduled one: the baseline and earned schedule's forecast (computed by the
 * variance calculators and passed in as figures), per project or for the whole network.
 *
 * @example
 * ```ts
 * const f: FinishForecastInput = { projectId: "PRJ-1", baselineFinish: "2027-06-30", earnedScheduleFinish: "2027-07-09" };
 * ```
 */
export interface FinishForecastInput {
  /** Project id; absent means the whole network. */
  readonly projectId?: string | undefined;
  /** Baseline finish date. */
  readonly baselineFinish?: string | undefined;
  /** Earned schedule's independent finish forecast (IEAC(t) as a date). */
  readonly earnedScheduleFinish?: string | undefined;
}

/**
 * One row of the forecast table: the scheduled (CPM) forecast finish beside the baseline finish and earned schedule's
 * forecast, with slips in working days of the network calendar (`schedule.calendar`, or the `calendar` option)
 * (positive = later than baseline).
 *
 * @example
 * ```ts
 * row.scheduleSlipDays; // { value: Decimal(4) } or { reason: "no-baseline" }
 * ```
 */
export interface FinishForecastRow {
  /** Project id, or undefined for the whole network. */
  readonly projectId: string | undefined;
  /** CPM forecast finish at the status date. */
  readonly scheduledFinish: IsoDate;
  /** Baseline finish. */
  readonly baselineFinish: Metric<IsoDate>;
  /** Earned schedule's forecast finish. */
  readonly earnedScheduleFinish: Metric<IsoDate>;
  /** Scheduled finish − baseline finish, working days. */
  readonly scheduleSlipDays: Metric<Decimal>;
  /** Earned schedule finish − baseline finish, working days. */
  readonly earnedScheduleSlipDays: Metric<Decimal>;
  /** Scheduled finish − earned schedule finish, working days (how far the two forecasts disagree). */
  readonly forecastGapDays: Metric<Decimal>;
}
