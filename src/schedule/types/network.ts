import type { WorkingCalendar } from "../../core/index.js";

/*
 * Scheduling inputs: the network (activities, links, calendars, constraints, progress) and the CPM options.
 * This file only grows: fields are added, never renamed or removed.
 */

/**
 * A decimal as every scheduling input takes it: an exact decimal string (`"2.5"`) or a finite number (`2.5`), read
 * through `decimalInputSchema`. Exponents, `NaN` and `Infinity` are refused with the path of the value.
 *
 * @example
 * ```ts
 * const half: ScheduleDecimalInput = "0.5";
 * ```
 */
export type ScheduleDecimalInput = string | number;

/**
 * A link's lag. Positive is a delay, negative a lead.
 *
 * - `{ days }`: working days on the **successor's** calendar (MS Project's default);
 * - `{ elapsedDays }`: calendar days, weekends and holidays included (MSPDI lag format "edays");
 * - `{ percent }`: percent of the **predecessor's** (original) duration, then applied as working time on the
 *   successor's calendar (`{ percent: 50 }` on a 4-day predecessor is a 2-day lag).
 *
 * @example
 * ```ts
 * const lead: LinkLag = { days: -2 };
 * const half: LinkLag = { percent: 50 };
 * ```
 */
export type LinkLag =
  | { readonly days: ScheduleDecimalInput }
  | { readonly elapsedDays: ScheduleDecimalInput }
  | { readonly percent: ScheduleDecimalInput };

/**
 * Link types: FS (successor starts after the predecessor finishes), SS (starts after it starts), FF (finishes after it
 * finishes), SF (finishes after it starts).
 *
 * @example
 * ```ts
 * const t: LinkType = "FS";
 * ```
 */
export type LinkType = "FS" | "SS" | "FF" | "SF";

/**
 * A dependency between two activities. Activity ids are global across the network, so a link may join activities
 * of different projects (a programme's cross-project dependency).
 *
 * @example
 * ```ts
 * const link: ScheduleLinkInput = { from: "PKG-1", to: "PKG-2", type: "FS", lag: { days: 2 } };
 * ```
 */
export interface ScheduleLinkInput {
  /** Predecessor activity id. */
  readonly from: string;
  /** Successor activity id. */
  readonly to: string;
  /** Link type; default `"FS"`. */
  readonly type?: LinkType | undefined;
  /** Lag or lead; default none. */
  readonly lag?: LinkLag | undefined;
}

/**
 * A date constraint on an activity (MS Project / P6 semantics):
 *
 * - `asap` (default) — as soon as possible; `alap` — as late as possible (moved late by its free float, so no successor moves);
 * - `snet` / `snlt` — start no earlier / no later than `date`; `fnet` / `fnlt` — finish no earlier / no later than;
 * - `mso` / `mfo` — must start / must finish on `date` (hard: overrides logic, reported when logic disagrees).
 *
 * "No earlier than" constraints push the forward pass; "no later than" constraints pull the backward pass (and are
 * reported as violations, with negative float, when the early dates break them). `date` is a working day: a start
 * date means the morning of that day, a finish date its evening.
 *
 * @example
 * ```ts
 * const c: ActivityConstraint = { kind: "snet", date: "2027-03-01" };
 * ```
 */
export type ActivityConstraint =
  | { readonly kind: "asap" }
  | { readonly kind: "alap" }
  | { readonly kind: "snet"; readonly date: string }
  | { readonly kind: "snlt"; readonly date: string }
  | { readonly kind: "fnet"; readonly date: string }
  | { readonly kind: "fnlt"; readonly date: string }
  | { readonly kind: "mso"; readonly date: string }
  | { readonly kind: "mfo"; readonly date: string };

/** The kinds of {@link ActivityConstraint}. */
export type ConstraintKind = ActivityConstraint["kind"];

/**
 * Progress of an activity at the status date. With an actual finish the activity is complete and its dates are
 * fixed; with only an actual start, its remaining duration is scheduled from the status date — except a milestone
 * (duration 0) with nothing remaining, which was reached at its actual start and is complete there.
 *
 * @example
 * ```ts
 * const p: ActivityProgress = { actualStart: "2027-01-04", remainingDuration: "3" };
 * ```
 */
export interface ActivityProgress {
  /** Day work began (on or before the status date). */
  readonly actualStart?: string | undefined;
  /** Day work finished (on or before the status date); implies complete. */
  readonly actualFinish?: string | undefined;
  /**
   * Working days left after the status date. When absent it is derived from `percentComplete`:
   * `duration × (1 − percentComplete / 100)`; when both are absent it is the full duration.
   */
  readonly remainingDuration?: ScheduleDecimalInput | undefined;
  /** Percent complete 0–100, used only when `remainingDuration` is absent. */
  readonly percentComplete?: ScheduleDecimalInput | undefined;
}

/**
 * One schedulable activity: a work package or a milestone (duration 0).
 *
 * @example
 * ```ts
 * const a: ScheduleActivityInput = { id: "PKG-1", name: "Design", duration: "5", calendarId: "de-office" };
 * ```
 */
export interface ScheduleActivityInput {
  /** Globally unique activity id (the work package or milestone id). */
  readonly id: string;
  /** Display name. */
  readonly name?: string | undefined;
  /** Project the activity belongs to, for cross-project networks and per-project forecasts. */
  readonly projectId?: string | undefined;
  /**
   * Original duration in working days of the activity's calendar, ≥ 0; fractions allowed (hours ÷ hours per day).
   * Converted to whole working minutes (rounded half up) inside; 0 makes a milestone.
   */
  readonly duration: ScheduleDecimalInput;
  /** Id of a calendar in {@link ScheduleInput.calendars}; default the network's calendar. */
  readonly calendarId?: string | undefined;
  /** Date constraint; default `{ kind: "asap" }`. */
  readonly constraint?: ActivityConstraint | undefined;
  /** Deadline: the activity should finish by this day. Not a hard date: a miss is a violation and negative float. */
  readonly deadline?: string | undefined;
  /** Progress at the status date. */
  readonly progress?: ActivityProgress | undefined;
}

/**
 * The network to schedule: activities, links and calendars. Everything is plain data; the status date is an input,
 * never the clock.
 *
 * @example
 * ```ts
 * const input: ScheduleInput = {
 *   projectStart: "2027-01-04",
 *   activities: [{ id: "A", duration: 3 }, { id: "B", duration: 2 }],
 *   links: [{ from: "A", to: "B", type: "FS" }],
 * };
 * ```
 */
export interface ScheduleInput {
  /** The earliest day any activity may start (the morning of that day). */
  readonly projectStart: string;
  /** The network's calendar (default Monday–Friday, no holidays). */
  readonly calendar?: WorkingCalendar | undefined;
  /** Other calendars by id, for activities (and resources) that work differently. */
  readonly calendars?: Readonly<Record<string, WorkingCalendar>> | undefined;
  /**
   * Working hours per day, shared by every calendar (default 8). Only converts hours to days
   * (`hours ÷ hoursPerDay`); schedules are computed in working days.
   */
  readonly hoursPerDay?: ScheduleDecimalInput | undefined;
  /** Status date for progress: actuals before it are fixed; remaining work starts after it. */
  readonly statusDate?: string | undefined;
  /** The activities (work packages and milestones). */
  readonly activities: readonly ScheduleActivityInput[];
  /** The dependencies. */
  readonly links?: readonly ScheduleLinkInput[] | undefined;
}

/**
 * Total float definition (P6 offers all three; MS Project uses the smallest):
 * `start` = LS − ES, `finish` = LF − EF, `smallest` = min(LS − ES, LF − EF). Measured in working days on the
 * activity's calendar.
 *
 * @example
 * ```ts
 * const f: TotalFloatDefinition = "smallest";
 * ```
 */
export type TotalFloatDefinition = "start" | "finish" | "smallest";

/**
 * How remaining work of an activity that started before its predecessors allow (out-of-sequence progress) is
 * scheduled: `retained-logic` — the remaining work still waits for its predecessors; `progress-override` — the
 * started activity ignores its predecessors and continues from the status date.
 *
 * @example
 * ```ts
 * const rule: OutOfSequenceRule = "retained-logic";
 * ```
 */
export type OutOfSequenceRule = "retained-logic" | "progress-override";

/**
 * How a milestone that its driving link reaches in its own calendar's non-working time is dated (a Monday–Friday
 * milestone after a 7-day task finishing Saturday evening, or after a Friday finish plus an elapsed-day lag):
 *
 * - `"reached"` (default) — on the day it is reached (Saturday): a milestone takes no working time, so the network
 *   finish is the moment the work is done;
 * - `"next-working-time"` — at the next working time of its calendar (Monday morning), as MS Project dates it
 *   (Mon 08:00 on its Standard calendar).
 *
 * Both conventions agree everywhere else: a milestone reached at a working evening (a Friday finish on its own
 * calendar) is on that Friday; one reached on a working morning (SS from a Monday start) is on that Monday.
 *
 * @example
 * ```ts
 * const msProject: MilestoneDating = "next-working-time";
 * ```
 */
export type MilestoneDating = "reached" | "next-working-time";

/**
 * How an SS or SF link bounds its predecessor's late start (and free float) when the instant the predecessor must
 * start by lies in the predecessor's non-working time (a 7-day successor's Sunday start, a Monday–Friday
 * predecessor):
 *
 * - `"exact"` (default) — a start on a day boundary is the next working morning, which is after the instant, so the
 *   predecessor must start in its last working minute before it (Friday): float 4.997917 days where a start on
 *   Monday would already move the successor;
 * - `"working-time"` — the instant's working-time position (Friday 17:00 is the same working time as Monday 08:00),
 *   as MS Project computes late dates: up to a day more float, which a start made at that position (Monday morning)
 *   does not honour.
 *
 * Both agree when the instant is working time of the predecessor, and for FS and FF links (a finish on a day
 * boundary is the evening before).
 *
 * @example
 * ```ts
 * const msProject: StartLinkFloat = "working-time";
 * ```
 */
export type StartLinkFloat = "exact" | "working-time";

/**
 * How a start-no-later-than (SNLT) date on a day the activity's calendar does not work bounds its late start. A start
 * date means that day's morning (00:00), which on a Saturday is Friday's evening and, in working time, the same
 * position as Monday's first working minute:
 *
 * - `"working-time"` (default) — the date's working-time position: a Monday start meets SNLT Saturday (MS Project and
 *   Primavera P6 add the duration to the constraint date in working time for the late finish);
 * - `"exact"` — the start must come no later than the date's morning, so by the last working minute before it: SNLT
 *   Saturday means starting Friday at the latest (float 0.997917 days for a Friday start), and a Monday start misses
 *   it by one working minute (negative float, a `constraint-violated` finding) — as `startLinkFloat: "exact"` reads an
 *   SS/SF link's start.
 *
 * Both agree for an SNLT date on a working day, and for start-no-earlier-than dates (the first start at or after a
 * Saturday morning is Monday's, in either reading).
 *
 * @example
 * ```ts
 * const literal: StartNoLaterThan = "exact";
 * ```
 */
export type StartNoLaterThan = "working-time" | "exact";

/**
 * Options of {@link ScheduleInput} scheduling; every field has a documented default.
 *
 * @example
 * ```ts
 * const o: ScheduleOptions = { totalFloat: "finish", nearCriticalDays: 5, outOfSequence: "progress-override" };
 * ```
 */
export interface ScheduleOptions {
  /** Total float definition; default `"smallest"`. */
  readonly totalFloat?: TotalFloatDefinition | undefined;
  /** Activities with total float ≤ this many working days are critical; default 0. */
  readonly criticalDays?: ScheduleDecimalInput | undefined;
  /** Activities with total float ≤ this (and not critical) are near-critical; default 5 working days. */
  readonly nearCriticalDays?: ScheduleDecimalInput | undefined;
  /** Out-of-sequence progress rule; default `"retained-logic"`. */
  readonly outOfSequence?: OutOfSequenceRule | undefined;
  /**
   * The backward pass starts from this day's evening instead of the network's early finish (a target or contractual
   * finish); activities then show negative float when the early finish is later.
   */
  readonly finishBy?: string | undefined;
  /**
   * How a milestone reached in its calendar's non-working time is dated (see {@link MilestoneDating}); default
   * `"reached"`. Applies to the CPM dates, the levelled dates (`levelResources`' `schedule` option) and the Monte Carlo
   * finish (`analyseScheduleRisk`'s `milestoneDating` option).
   */
  readonly milestoneDating?: MilestoneDating | undefined;
  /**
   * How an SS or SF link bounds its predecessor's late start and free float when it must start by an instant in its
   * non-working time (see {@link StartLinkFloat}); default `"exact"`. Applies to `scheduleNetwork`, the levelled
   * dates (`levelResources`' `schedule` option) and the Monte Carlo criticality (`analyseScheduleRisk`'s
   * `startLinkFloat` option).
   */
  readonly startLinkFloat?: StartLinkFloat | undefined;
  /**
   * How a start-no-later-than date on a non-working day bounds the late start (see {@link StartNoLaterThan}); default
   * `"working-time"`. Applies to `scheduleNetwork`, the levelled schedule (`levelResources`' `schedule` option) and the
   * Monte Carlo criticality (`analyseScheduleRisk`'s `startNoLaterThan` option).
   */
  readonly startNoLaterThan?: StartNoLaterThan | undefined;
}
