import type { Decimal, IsoDate } from "../../core/index.js";
import type { ScheduleDecimalInput, ScheduleInput, ScheduleOptions } from "./network.js";
import type { ScheduleResult, ScheduleViolation } from "./result.js";

/* Resources, demand and levelling. This file only grows. */

/**
 * A resource for demand and levelling: a person, a role or a generic skill pool.
 *
 * @example
 * ```ts
 * const dba: ScheduleResourceInput = { id: "DBA", name: "Database admin", maxUnits: 1, skills: ["dba"] };
 * ```
 */
export interface ScheduleResourceInput {
  /** Resource id. */
  readonly id: string;
  /** Display name. */
  readonly name?: string | undefined;
  /** Maximum units available per working day (1 = one full-time person; 3 = a pool of three); > 0. */
  readonly maxUnits: ScheduleDecimalInput;
  /** Calendar id (in {@link ScheduleInput.calendars}); default the network's calendar. */
  readonly calendarId?: string | undefined;
  /** Skills the resource provides (the same skill names as portfolio selection's capacity). */
  readonly skills?: readonly string[] | undefined;
}

/**
 * An assignment of a resource to an activity at a constant rate (units per working day of the activity).
 *
 * @example
 * ```ts
 * const a: ScheduleAssignmentInput = { activityId: "PKG-7", resourceId: "DBA", units: "0.5" };
 * ```
 */
export interface ScheduleAssignmentInput {
  /** Activity id. */
  readonly activityId: string;
  /** Resource id. */
  readonly resourceId: string;
  /** Units used on each working day of the activity (1 = full time); > 0. */
  readonly units: ScheduleDecimalInput;
}

/**
 * Periods for demand and capacity tables.
 *
 * @example
 * ```ts
 * const p: DemandPeriod = "week";
 * ```
 */
export type DemandPeriod = "day" | "week" | "month";

/**
 * Demand of one resource (or skill) in one period against its capacity, both in unit-days
 * (units × working days).
 *
 * @example
 * ```ts
 * `${row.resourceId} ${row.periodStart}: ${row.demand.toFixed()} of ${row.capacity.toFixed()} unit-days`;
 * ```
 */
export interface ResourceLoadRow {
  /** Resource id (for a skill row: the skill name). */
  readonly resourceId: string;
  /** First day of the period. */
  readonly periodStart: IsoDate;
  /** Last day of the period. */
  readonly periodEnd: IsoDate;
  /** Σ units × scheduled working days of assigned activities inside the period. */
  readonly demand: Decimal;
  /** maxUnits × working days of the resource's calendar inside the period. */
  readonly capacity: Decimal;
  /** demand − capacity when positive, else 0. */
  readonly overload: Decimal;
}

/**
 * A run of days where a resource's demand exceeds its max units.
 *
 * @example
 * ```ts
 * `${o.resourceId} over-allocated ${o.from}–${o.to}: peak ${o.peakUnits} of ${o.maxUnits} by ${o.activityIds.join(", ")}`;
 * ```
 */
export interface OverAllocation {
  /** Resource id. */
  readonly resourceId: string;
  /** First over-allocated day. */
  readonly from: IsoDate;
  /** Last over-allocated day of the run. */
  readonly to: IsoDate;
  /** Highest daily demand in the run, units. */
  readonly peakUnits: Decimal;
  /** The resource's max units. */
  readonly maxUnits: Decimal;
  /** Activities using the resource in the run. */
  readonly activityIds: readonly string[];
}

/**
 * Levelling mode: `within-slack` never moves the network finish (activities that cannot fit stay over-allocated
 * and are listed); `delay-finish` may delay activities — and the finish — as far as needed.
 *
 * @example
 * ```ts
 * const m: LevellingMode = "within-slack";
 * ```
 */
export type LevellingMode = "within-slack" | "delay-finish";

/**
 * A resource a delayed activity found short on the day it could otherwise have started, with who held it.
 *
 * @example
 * ```ts
 * const b: LevellingBlocker = { resourceId: "R2", heldBy: ["B"] };
 * `${b.resourceId} (${b.heldBy.length > 0 ? `held by ${b.heldBy.join(", ")}` : "not working"})`; // "R2 (held by B)"
 * ```
 */
export interface LevellingBlocker {
  /** The resource. */
  readonly resourceId: string;
  /** Activities already holding it that day, in input order (none when the resource does not work that day). */
  readonly heldBy: readonly string[];
}

/**
 * A levelling delay and its cause, e.g. "PKG-7 waits 3 days for DBA".
 *
 * @example
 * ```ts
 * d.message; // "PKG-7 waits 3 days for DBA"
 * ```
 */
export interface LevellingDelay {
  /** Delayed activity. */
  readonly activityId: string;
  /**
   * Working days the activity waits for the resource beyond the start its logic allows (its predecessors' levelled
   * dates). The activity's whole move against its CPM start is `delayDays` on its levelled row, which also counts
   * a move caused by a predecessor (see `pushedBy`).
   */
  readonly days: Decimal;
  /**
   * The resource whose capacity was exhausted on the first day the activity could otherwise have started (the first
   * by id when several were: all are in `blockedBy`).
   */
  readonly resourceId: string;
  /**
   * The first day the resource was short where the activity could otherwise have started: held by other activities
   * (`heldBy`) or not working (its calendar), as the message says.
   */
  readonly day: IsoDate;
  /** Activities already holding that resource then, in input order (none when the resource does not work that day). */
  readonly heldBy: readonly string[];
  /**
   * Every resource short on `day`, by resource id, each with the activities holding it; the first is `resourceId` and
   * `heldBy`. "C waits 2 days for R1 (held by A) and R2 (held by B)" (before, only R1 was named).
   */
  readonly blockedBy: readonly LevellingBlocker[];
  /** Plain words. */
  readonly message: string;
}

/**
 * Why an activity could not be levelled and stays over-allocated at the start its logic allows:
 * `exceeds-max-units` — an assignment asks more units than the resource ever has; `beyond-float` — in `within-slack`
 * mode it would have to wait longer than its total float; `resource-calendar` — no window exists where the resource
 * works every day the activity works (a 7-day activity on a 7-day calendar and a Monday–Friday resource);
 * `fixed-dates` — started or complete work, or a must-start/finish-on activity, whose dates levelling does not move
 * overlaps other fixed work.
 *
 * @example
 * ```ts
 * const reason: LevellingUnresolvedReason = "exceeds-max-units";
 * ```
 */
export type LevellingUnresolvedReason = "exceeds-max-units" | "beyond-float" | "resource-calendar" | "fixed-dates";

/**
 * One resource an unresolved activity over-allocates, why, and from which day.
 *
 * @example
 * ```ts
 * const c: LevellingUnresolvedCause = { resourceId: "S", reason: "fixed-dates", day: "2027-01-04" };
 * ```
 */
export interface LevellingUnresolvedCause {
  /** The resource it over-allocates. */
  readonly resourceId: string;
  /** Why it could not be moved to a day with capacity. */
  readonly reason: LevellingUnresolvedReason;
  /** The first day its kept dates exceed the resource's capacity for this reason. */
  readonly day: IsoDate;
}

/**
 * An activity levelling could not resolve: one entry per activity, with every resource it over-allocates and why
 * (`causes`); `resourceId`, `reason` and `day` are the first cause.
 *
 * @example
 * ```ts
 * u.message; // "A needs 2 units of R, which has at most 1: it cannot be levelled and stays over-allocated"
 * u.causes;  // [{ resourceId: "R", reason: "exceeds-max-units", day: "2027-01-04" }]
 * ```
 */
export interface LevellingUnresolved {
  /** The activity. */
  readonly activityId: string;
  /** The resource it over-allocates (the first of `causes`). */
  readonly resourceId: string;
  /** Why it could not be moved to a day with capacity (the first of `causes`). */
  readonly reason: LevellingUnresolvedReason;
  /** The first day its kept dates exceed the resource's capacity (the first of `causes`). */
  readonly day: IsoDate;
  /**
   * Every resource it over-allocates with the reason and first day, one per resource and reason, in the order found:
   * for started work, its done part first (fixed), then its remaining part. Started work whose done part overlapped
   * fixed work on S and whose remaining part asked more units of R than R has was two entries (only R named); it is
   * one, with both.
   */
  readonly causes: readonly LevellingUnresolvedCause[];
  /** Plain words: each cause, joined by "; ". */
  readonly message: string;
}

/**
 * Levelling input: the network (scheduled by CPM first), resources and assignments.
 *
 * @example
 * ```ts
 * const l: LevellingInput = { network, resources: [{ id: "DBA", maxUnits: 1 }], assignments: [{ activityId: "A", resourceId: "DBA", units: 1 }] };
 * ```
 */
export interface LevellingInput {
  /** The network to level. */
  readonly network: ScheduleInput;
  /** Resources. */
  readonly resources: readonly ScheduleResourceInput[];
  /** Assignments. */
  readonly assignments: readonly ScheduleAssignmentInput[];
}

/**
 * Levelling options.
 *
 * @example
 * ```ts
 * const o: LevellingOptions = { mode: "delay-finish" };
 * ```
 */
export interface LevellingOptions {
  /** Default `"delay-finish"`. */
  readonly mode?: LevellingMode | undefined;
  /** CPM options for the unlevelled schedule (float definition for the priority rule). */
  readonly schedule?: ScheduleOptions | undefined;
  /**
   * Where a not-started ALAP activity goes: `"late"` (default) — placed from its CPM scheduled start (early start +
   * free float, where the schedule and the Gantt put it) and, once the rest is levelled, moved as late as its levelled
   * free float allows (no successor, not the levelled finish and never past its deadline; a milestone too) where its
   * resources fit; `"early"` — placed
   * from its early start like ASAP work (how it was levelled before).
   */
  readonly alap?: LevellingAlap | undefined;
}

/**
 * Where levelling leaves ALAP work: as late as its levelled free float allows, or at its early position.
 *
 * @example
 * ```ts
 * const rule: LevellingAlap = "late";
 * ```
 */
export type LevellingAlap = "late" | "early";

/**
 * The levelled plan: each activity's levelled dates beside its CPM dates, the delays with their causes, and any
 * over-allocation left (only in `within-slack` mode).
 *
 * @example
 * ```ts
 * const r = levelResources(input, { mode: "delay-finish" });
 * r.delays.map((d) => d.message); // ["PKG-7 waits 3 days for DBA"]
 * ```
 */
export interface LevellingResult {
  /** Mode applied. */
  readonly mode: LevellingMode;
  /** The ALAP rule applied (`options.alap`). */
  readonly alap: LevellingAlap;
  /** The priority rule, stated: "least total float, then earliest early start, then id". */
  readonly priorityRule: string;
  /** The unlevelled CPM schedule. */
  readonly schedule: ScheduleResult;
  /** Levelled start and finish per activity, input order. */
  readonly activities: readonly {
    readonly id: string;
    readonly start: IsoDate;
    readonly finish: IsoDate;
    /**
     * Working days against its CPM early start (a resource wait and a predecessor's move together) — a not-started ALAP
     * activity's against its CPM scheduled start (early start + free float) under `alap: "late"`, negative when its
     * resource was held there and it took an earlier day (−1 a day before its scheduled Fri 8); for started work,
     * the move of its remaining part (its start is its actual start, which never moves). It is working time between
     * the two positions (minutes ÷ minutes per day, 6 places), not a count of the days between the shown dates, so it
     * has a fraction whenever either position falls part-way through a day: a milestone FF-linked to work that ends
     * at minute 120 of 480 on Mon 01-11 and levelled to Wed 01-13 morning (shown Tue 01-12, the evening before) moves
     * 0.75 + 1 = 1.75 days, though its shown date moves one working day.
     */
    readonly delayDays: Decimal;
    /**
     * The predecessor whose levelled dates set its earliest start, when that start is later than its CPM early start
     * (it moved because that predecessor moved); for started work under retained logic, the FS/FF/SF predecessor that
     * moved its remaining part. Undefined otherwise.
     */
    readonly pushedBy?: string | undefined;
  }[];
  /** Levelled network finish. */
  readonly finish: IsoDate;
  /** Delays with their explanation, in the order the activities were placed. */
  readonly delays: readonly LevellingDelay[];
  /**
   * Over-allocations that remain after levelling: each involves an activity listed in `unresolved` (in
   * `delay-finish` mode only the ones that can never fit, and fixed work).
   */
  readonly remainingOverAllocations: readonly OverAllocation[];
  /** Activities levelling could not resolve, with the reason, in the order they were placed. */
  readonly unresolved: readonly LevellingUnresolved[];
  /**
   * Deadlines, finish-no-later-than and start-no-later-than dates the levelled dates miss (`deadline-missed`,
   * `constraint-violated`), and links a must-start/finish-on date breaks once levelling moved the predecessor
   * (`link-violated`: "M starts 4 days before its FS predecessor P allows when levelled (P finishes 2027-01-12); its
   * MSO date 2027-01-07 wins"), in input order. The CPM ones are in `schedule.violations`.
   */
  readonly violations: readonly ScheduleViolation[];
}

/**
 * Which CPM dates `resourceLoad` counts work on: `"scheduled"` (default) — the dates the schedule places each activity
 * (`ScheduledActivity.scheduledStart`/`scheduledFinish`: an ALAP activity late by its free float, as the Gantt chart
 * draws it and MS Project loads it); `"early"` — every activity on its early dates.
 *
 * @example
 * ```ts
 * const dates: LoadDates = "early";
 * resourceLoad({ network, resources, assignments }, { period: "week", dates });
 * ```
 */
export type LoadDates = "scheduled" | "early";

/**
 * `resourceLoad`'s options: the demand `period` (default `"day"`), the `schedule` options the plan is scheduled with,
 * and which `dates` the work is counted on. An unknown key is a `ValidationError` at that key.
 *
 * @example
 * ```ts
 * const options: ResourceLoadOptions = { period: "week", dates: "early" };
 * ```
 */
export interface ResourceLoadOptions {
  readonly period?: DemandPeriod;
  readonly schedule?: ScheduleOptions;
  readonly dates?: LoadDates;
}

/**
 * Resource demand against capacity per period, per resource and per skill, with the over-allocations found.
 * A resource with several skills counts (demand and capacity) under each of them.
 *
 * @example
 * ```ts
 * const load = resourceLoad({ network, resources, assignments }, { period: "week" });
 * load.overAllocations.map((o) => `${o.resourceId} ${o.from}–${o.to}`);
 * ```
 */
export interface ResourceLoadResult {
  /** Period used. */
  readonly period: DemandPeriod;
  /** The dates the work was counted on (`"scheduled"`: ALAP activities late by their free float; or `"early"`). */
  readonly dates: LoadDates;
  /** Rows per resource and period, resources in input order, periods ascending. */
  readonly resources: readonly ResourceLoadRow[];
  /** Rows per skill and period (`resourceId` holds the skill name), skills in first-seen order. */
  readonly skills: readonly ResourceLoadRow[];
  /** Days where a resource's daily demand exceeds its max units, as runs. */
  readonly overAllocations: readonly OverAllocation[];
}
