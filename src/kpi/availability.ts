import {
  decimal,
  instant,
  isInstantInput,
  metric,
  missing,
  ValidationError,
  type Decimal,
  type Instant,
  type Metric,
  type ValidationIssue, checkArguments, checkOptionKeys, compareCodePoints } from "../core/index.js";
import { duplicateIdIssues } from "../core/unique-ids.js";
import type { ServiceOutage } from "../entities/index.js";
import { agreedIntervals, IMPACTS, joinTouching, overlap, serviceHoursIssues, subtract, type Interval, type ServiceHours } from "./agreed-time.js";

export type { ServiceHours } from "./agreed-time.js";

/** Options of {@link serviceAvailability}. */
export interface AvailabilityOptions {
  /** The service measured (outages of other services are ignored). */
  readonly service: string;
  /** Start of the measured period (inclusive). */
  readonly from: Instant;
  /** End of the measured period (exclusive). */
  readonly to: Instant;
  /**
   * The moment the figures are as of (default: the period end). When it falls inside the period, only the part up to
   * it is measured (`partial: true`, `measuredTo` = `asOf`): an outage still open counts up to `asOf`, and what was
   * recorded after it (an outage that started later, the end of one that was still running) is seen as it was then.
   * Without it, an outage still open counts up to the period end — pass `asOf` for a period that is not over.
   */
  readonly asOf?: Instant;
  /** Agreed service hours; default 24 × 7. */
  readonly serviceHours?: ServiceHours;
  /**
   * Planned outages: `exclude` (default) treats them as agreed maintenance — taken out of the agreed service time and
   * not counted as downtime or failures; `count` counts them like any other outage.
   */
  readonly planned?: "exclude" | "count";
  /** Impacts that count as downtime, at least one (default all: full, partial, degraded). */
  readonly impacts?: readonly ServiceOutage["impact"][];
  /** How an outage cut into parts by time outside the agreed service time counts: see {@link OutageSplitting}. */
  readonly outageSplitting?: OutageSplitting;
  /** Which period a failure whose downtime crosses the period start belongs to: see {@link FailureAttribution}. */
  readonly failureAttribution?: FailureAttribution;
}
const AVAILABILITY_OPTION_KEYS = { service: 1, from: 1, to: 1, asOf: 1, serviceHours: 1, planned: 1, impacts: 1, outageSplitting: 1, failureAttribution: 1 } satisfies Record<keyof AvailabilityOptions, 1>;
const SERVICE_HOURS_KEYS = { weekdays: 1, start: 1, end: 1, timeZone: 1 } satisfies Record<keyof ServiceHours, 1>;

/**
 * Which period an outage that runs across a period boundary (31 March 23:00 to 1 April 02:00) is a failure of:
 * `"overlap"` (default) — every period its downtime touches, so it is a failure of March and of April;
 * `"start"` — the period its downtime began in only, so failures of consecutive months add up to the failures of the
 * whole span. Downtime and availability are the same either way (each period counts its own minutes); in April the
 * interval is listed with `startedBefore: true` and, under `"start"`, is not among its `failures`.
 *
 * @example
 * ```ts
 * serviceAvailability(outages, { service: "crm", from, to, failureAttribution: "start" }).failures;
 * ```
 */
export type FailureAttribution = "overlap" | "start";

/**
 * How many failures an outage is when time outside the agreed service time (a maintenance window taken out, the
 * night outside the service hours) cuts its downtime into parts: `"count-once"` (default) — one failure, as ITIL
 * counts one incident once; `"count-each-part"` — one failure per part, each stretch of downtime inside the agreed
 * service time. Availability and downtime are the same either way; MTBF, MTRS and MTBSI divide by the count.
 *
 * @example
 * ```ts
 * // 10:00–14:00 down, maintenance 11:00–12:00: 1 failure of 180 minutes, or 2 (60 and 120).
 * serviceAvailability(outages, { service: "crm", from, to, outageSplitting: "count-each-part" }).failures; // 2
 * ```
 */
export type OutageSplitting = "count-once" | "count-each-part";

/**
 * The conventions a {@link ServiceAvailability} was measured under, each the option given or its default, so a
 * report can state them.
 *
 * @example
 * ```ts
 * serviceAvailability([], { service: "crm", from, to }).conventions;
 * // { planned: "exclude", impacts: ["full", "partial", "degraded"], outageSplitting: "count-once", failureAttribution: "overlap" }
 * ```
 */
export interface AvailabilityConventions {
  /** Planned outages taken out of the agreed service time (`"exclude"`) or counted as downtime (`"count"`). */
  readonly planned: "exclude" | "count";
  /** Impacts counted as downtime. */
  readonly impacts: readonly ServiceOutage["impact"][];
  /** One failure per outage cut into parts, or one per part. */
  readonly outageSplitting: OutageSplitting;
  /** A failure across the period start: one of every period it touches, or of the period it began in. */
  readonly failureAttribution: FailureAttribution;
}

/**
 * One stretch of downtime: counted outages that overlap or touch (one starts when another ends) merged into one
 * interval, because the service was not restored in between. Each merged interval with downtime inside the agreed
 * service time is one failure; with `outageSplitting: "count-each-part"` each part of it inside the agreed service
 * time is an interval, and a failure, of its own. Under `failureAttribution: "start"` an interval whose downtime
 * began before the period (`startedBefore`) is a failure of the period before, not of this one.
 */
export interface DowntimeInterval {
  /** Start of the merged interval, clipped to the period. */
  readonly start: Instant;
  /** End of the merged interval, clipped to the period (the period end for an outage still running). */
  readonly end: Instant;
  /** The outages merged into it, by start. */
  readonly outageIds: readonly string[];
  /** Downtime inside the agreed service time, minutes (each minute once, however many outages cover it). */
  readonly downtimeMinutes: Decimal;
  /** True when its downtime had begun before the period start (inside the agreed service time of the period before). */
  readonly startedBefore: boolean;
}

/** One counted outage's own downtime inside the agreed service time. */
export interface OutageDowntime {
  /** The outage. */
  readonly outageId: string;
  /** Its downtime inside the agreed service time and the period, minutes (overlaps with other outages included). */
  readonly downtimeMinutes: Decimal;
  /** Index of the (first) interval in `downtimeIntervals` that holds it. */
  readonly interval: number;
  /** Indexes of all the intervals that hold it: one, or several parts with `outageSplitting: "count-each-part"`. */
  readonly intervals: readonly number[];
}

/** Availability and reliability of a service over a period, in minutes. */
export interface ServiceAvailability {
  /** The service. */
  readonly service: string;
  /** End of what was measured: the period end, or `asOf` when it falls inside the period. */
  readonly measuredTo: Instant;
  /** True when `asOf` falls inside the period: the figures are for the period to date, not the whole period. */
  readonly partial: boolean;
  /** Counted outages still running at `measuredTo` (no end, or an end after it), by start. */
  readonly ongoing: readonly string[];
  /** Agreed service time (AST), minutes. */
  readonly agreedMinutes: Decimal;
  /** Downtime inside the agreed service time, minutes. */
  readonly downtimeMinutes: Decimal;
  /**
   * Counted failures: merged downtime intervals that touch the agreed service time (under `failureAttribution:
   * "start"`, those not `startedBefore`).
   */
  readonly failures: number;
  /** Outages counted (those with downtime inside the agreed service time), by start. */
  readonly outageIds: readonly string[];
  /** The merged downtime intervals, by start: one per failure, and one carried over from before the period. */
  readonly downtimeIntervals: readonly DowntimeInterval[];
  /** Each counted outage's own downtime, by start (their sum exceeds `downtimeMinutes` when outages overlap). */
  readonly outages: readonly OutageDowntime[];
  /** (AST − downtime) ÷ AST × 100. */
  readonly availabilityPercent: Metric<Decimal>;
  /** Mean time between failures: (AST − downtime) ÷ failures, minutes. */
  readonly mtbfMinutes: Metric<Decimal>;
  /** Mean time to restore service: downtime ÷ failures, minutes. */
  readonly mtrsMinutes: Metric<Decimal>;
  /** Mean time between service incidents: MTBF + MTRS, minutes. */
  readonly mtbsiMinutes: Metric<Decimal>;
  /** The conventions measured under (planned outages, impacts, outage splitting, failure attribution). */
  readonly conventions: AvailabilityConventions;
}

/**
 * Service availability (ITIL): (agreed service time − downtime) ÷ agreed service time, with MTBF = (AST − downtime) ÷
 * failures, MTRS = downtime ÷ failures and MTBSI = MTBF + MTRS (= AST ÷ failures). The convention: measured over the
 * agreed service time — 24 × 7 by default, or `serviceHours` (in UTC or a named time zone) — with planned outages
 * taken out of it as agreed maintenance (`planned: "exclude"`, the default; `"count"` counts them as downtime).
 * Downtime is counted only inside the agreed service time and the period; an outage still running is counted up to
 * the end of what is measured — the period end, or `asOf` when it falls inside the period (then `partial`) — and is
 * listed in `ongoing`. Outages that overlap or touch are merged into one downtime interval — each minute counts once,
 * and the merged interval is one failure (the service was not restored in between); the result lists the merged
 * intervals and each outage's own downtime. Every figure is one exact division of whole milliseconds.
 *
 * @throws {ValidationError} when the period ends before it starts (or has no length), `asOf` is not an instant or
 *   not after the period start, the service hours are malformed or name an unknown time zone, `planned` or `impacts`
 *   holds an unknown value, `impacts` is empty, an outage id is listed twice (`[3, "id"]`, across all services), or an outage of the
 *   service has a start or end that is not a UTC instant, ends before it starts, or has an unknown impact or a
 *   `planned` that is not a boolean — each with its path.
 * @example
 * ```ts
 * const a = serviceAvailability(outages, { service: "erp", from: instant("2026-01-01T00:00:00Z"), to: instant("2027-01-01T00:00:00Z") });
 * a.availabilityPercent; a.mtrsMinutes;
 * // The year to date, office hours in Berlin:
 * serviceAvailability(outages, {
 *   service: "erp", from: instant("2026-01-01T00:00:00Z"), to: instant("2027-01-01T00:00:00Z"), asOf: instant("2026-11-20T12:00:00Z"),
 *   serviceHours: { weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "18:00", timeZone: "Europe/Berlin" },
 * }).partial; // true
 * ```
 */
export function serviceAvailability(outages: readonly ServiceOutage[], options: AvailabilityOptions): ServiceAvailability {
  checkArguments("serviceAvailability", { outages: [outages, "object[]"], options: [options, "object"] });
  checkOptionKeys("serviceAvailability", options, AVAILABILITY_OPTION_KEYS);
  // A misspelt `timezone` would read the hours in UTC.
  checkOptionKeys("serviceAvailability", options.serviceHours, SERVICE_HOURS_KEYS, ["serviceHours"]);
  const issues: ValidationIssue[] = [];
  if (!isInstantInput(options.from)) issues.push({ path: ["from"], message: "not an instant", code: "custom" });
  if (!isInstantInput(options.to)) issues.push({ path: ["to"], message: "not an instant", code: "custom" });
  const from = Date.parse(options.from);
  const to = Date.parse(options.to);
  if (issues.length === 0 && to <= from) issues.push({ path: ["to"], message: `period ends (${options.to}) before it starts (${options.from})`, code: "custom" });
  if (options.asOf !== undefined) {
    if (!isInstantInput(options.asOf)) issues.push({ path: ["asOf"], message: "not a UTC instant", code: "custom" });
    else if (isInstantInput(options.from) && Date.parse(options.asOf) <= from) {
      issues.push({ path: ["asOf"], message: `as of ${options.asOf}, the period starting ${options.from} has not begun: nothing to measure`, code: "custom" });
    }
  }
  // A mistyped option would silently change the figure ("Full" matches no outage; any mode but "exclude" counted).
  if (options.planned !== undefined && options.planned !== "exclude" && options.planned !== "count") {
    issues.push({ path: ["planned"], message: 'expected "exclude" or "count"', code: "custom" });
  }
  if (options.outageSplitting !== undefined && options.outageSplitting !== "count-once" && options.outageSplitting !== "count-each-part") {
    issues.push({ path: ["outageSplitting"], message: 'expected "count-once" or "count-each-part"', code: "custom" });
  }
  if (options.failureAttribution !== undefined && options.failureAttribution !== "overlap" && options.failureAttribution !== "start") {
    issues.push({ path: ["failureAttribution"], message: 'expected "overlap" or "start"', code: "custom" });
  }
  if (options.impacts !== undefined) {
    if (!Array.isArray(options.impacts)) issues.push({ path: ["impacts"], message: "expected a list of impacts", code: "custom" });
    // No impact counted would read every outage as service up: 100 %, a slip shown as perfect service.
    else if (options.impacts.length === 0) issues.push({ path: ["impacts"], message: "at least one impact counts as downtime (leave it out for all)", code: "custom" });
    else options.impacts.forEach((x, i) => {
      if (!IMPACTS.includes(x)) issues.push({ path: ["impacts", i], message: "expected full, partial or degraded", code: "custom" });
    });
  }
  const h = options.serviceHours;
  issues.push(...serviceHoursIssues(h));
  // An outage listed twice (an export repeated after an edit) would be two failures and its downtime counted twice
  // where the copies differ; refused across all services, so the input does not change meaning with the service.
  issues.push(...duplicateIdIssues(outages));
  outages.forEach((o, i) => {
    // Outages are compared as epoch milliseconds: a time Date.parse reads as local time or as NaN would be silently wrong.
    if (o?.service !== options.service) return;
    if (!isInstantInput(o.start)) issues.push({ path: [i, "start"], message: "not a UTC instant", code: "custom" });
    if (o.end !== undefined && !isInstantInput(o.end)) issues.push({ path: [i, "end"], message: "not a UTC instant", code: "custom" });
    // Plain records too: impact "FULL" would drop the outage, planned "true" (a string) would make it maintenance.
    if (typeof o.planned !== "boolean") issues.push({ path: [i, "planned"], message: "expected true or false", code: "custom" });
    if (!IMPACTS.includes(o.impact)) issues.push({ path: [i, "impact"], message: "expected full, partial or degraded", code: "custom" });
  });
  if (issues.length > 0) throw new ValidationError(issues, "service availability");
  const mine = outages
    .map((o, index) => ({ o, index, s: Date.parse(o.start), e: o.end === undefined ? to : Date.parse(o.end) }))
    // An outage still running that started after the period is simply outside it.
    .filter((x) => x.o.service === options.service && !(x.o.end === undefined && x.s >= to))
    .sort((a, b) => a.s - b.s || compareCodePoints(a.o.id, b.o.id));
  for (const x of mine) {
    if (x.e <= x.s) issues.push({ path: [x.index, "end"], message: "an outage must end after it starts", code: "custom" });
  }
  if (issues.length > 0) throw new ValidationError(issues, "service availability");
  return measure(mine, options, from, options.asOf === undefined ? to : Math.min(to, Date.parse(options.asOf)), h);
}

function measure(
  all: readonly { readonly o: ServiceOutage; readonly s: number; readonly e: number }[],
  options: AvailabilityOptions,
  from: number,
  to: number,
  h: ServiceHours | undefined,
): ServiceAvailability {
  // As of `to`: an outage that started later did not exist yet; one running then (open, or ending later) runs to `to`.
  const mine = all.filter((x) => x.s < to).map((x) => ({ ...x, e: Math.min(x.e, to), ongoing: x.o.end === undefined || Date.parse(x.o.end) > to }));

  const conventions: AvailabilityConventions = {
    planned: options.planned ?? "exclude",
    impacts: [...(options.impacts ?? ["full", "partial", "degraded"])],
    outageSplitting: options.outageSplitting ?? "count-once",
    failureAttribution: options.failureAttribution ?? "overlap",
  };
  const impacts = new Set(conventions.impacts);
  const excludePlanned = conventions.planned === "exclude";
  let agreed = agreedIntervals(from, to, h);
  if (excludePlanned) agreed = subtract(agreed, mine.filter((x) => x.o.planned).map((x): Interval => [x.s, x.e]));
  const counted = mine.filter((x) => !(excludePlanned && x.o.planned) && impacts.has(x.o.impact));
  // Downtime that began before the period: agreed service time (less maintenance taken out) between the merged
  // outage's start and the period start — for a part, in the last moment before the period start.
  const planned: Interval[] = excludePlanned ? mine.filter((x) => x.o.planned).map((x): Interval => [x.s, x.e]) : [];
  const startedBefore = (groupStart: number, partStart: number | undefined) => {
    if (groupStart >= from || (partStart !== undefined && partStart > from)) return false;
    const s = partStart === undefined ? groupStart : from - 1;
    return overlap(subtract(agreedIntervals(s, from, h), planned), [s, from]) > 0;
  };
  const eachPart = conventions.outageSplitting === "count-each-part";
  const { intervals, perOutage } = mergeDowntime(counted, joinTouching(agreed), from, to, eachPart, startedBefore);
  const downMs = intervals.reduce((sum, i) => sum + i.ms, 0);
  const ids = perOutage.map((p) => p.outageId);
  const astMs = agreed.reduce((s, [a, b]) => s + (b - a), 0);
  const ast = decimal(astMs).div(60_000);
  const down = decimal(downMs).div(60_000);
  const carried = intervals.filter((i) => i.startedBefore).length;
  const failures = intervals.length - (conventions.failureAttribution === "start" ? carried : 0);
  // Each figure is one division of whole milliseconds, rounded once: minutes of a time in seconds (1/60 min) are not
  // a finite decimal, so working from rounded minutes put the last digit off (MTBSI 59.999…9 instead of 60).
  const noFailures = failures === 0 && carried > 0 ? missing("no-failures", `${carried} downtime interval(s) began before the period: failures of the period before (failureAttribution "start")`) : missing("no-failures");
  const perFailure = (ms: number): Metric<Decimal> => (failures === 0 ? noFailures : metric(decimal(ms).div(decimal(failures).times(60_000))));
  const mtbf = perFailure(astMs - downMs);
  const mtrs = perFailure(downMs);
  const counting = new Set(ids);
  return {
    service: options.service,
    measuredTo: instant(new Date(to)),
    partial: to < Date.parse(options.to),
    ongoing: counted.filter((x) => x.ongoing && counting.has(x.o.id)).map((x) => x.o.id),
    agreedMinutes: ast,
    downtimeMinutes: down,
    failures,
    outageIds: ids,
    downtimeIntervals: intervals.map((i) => ({ start: i.start, end: i.end, outageIds: i.outageIds, downtimeMinutes: decimal(i.ms).div(60_000), startedBefore: i.startedBefore })),
    outages: perOutage,
    availabilityPercent: astMs === 0 ? missing("no-agreed-service-time") : metric(decimal(astMs - downMs).times(100).div(astMs)),
    mtbfMinutes: mtbf,
    mtrsMinutes: mtrs,
    // MTBF + MTRS = (AST − downtime + downtime) ÷ failures = AST ÷ failures, computed so (no sum of two rounded figures).
    mtbsiMinutes: perFailure(astMs),
    conventions,
  };
}

/**
 * Merges counted outages (sorted by start) that overlap or touch into downtime intervals, keeping those with downtime
 * inside the agreed service time, and each outage's own downtime.
 */
function mergeDowntime(
  counted: readonly { readonly o: ServiceOutage; readonly s: number; readonly e: number }[],
  agreed: readonly Interval[],
  from: number,
  to: number,
  eachPart: boolean,
  startedBefore: (groupStart: number, partStart: number | undefined) => boolean,
) {
  const groups: { s: number; e: number; members: (typeof counted)[number][] }[] = [];
  for (const x of counted) {
    const last = groups[groups.length - 1];
    if (last && x.s <= last.e) {
      last.e = Math.max(last.e, x.e);
      last.members.push(x);
    } else groups.push({ s: x.s, e: x.e, members: [x] });
  }
  const intervals: { start: Instant; end: Instant; outageIds: string[]; ms: number; startedBefore: boolean }[] = [];
  const perOutage: OutageDowntime[] = [];
  for (const g of groups) {
    // One failure: the merged interval clipped to the period. Each part: its pieces inside the agreed service time.
    const spans: Interval[] = eachPart
      ? agreed.flatMap(([a, b]): Interval[] => (Math.max(a, g.s) < Math.min(b, g.e) ? [[Math.max(a, g.s), Math.min(b, g.e)]] : []))
      : [[Math.max(g.s, from), Math.min(g.e, to)]];
    const own = new Map<(typeof counted)[number], { ms: number; intervals: number[] }>();
    for (const [ss, se] of spans) {
      const ms = overlap(agreed, [ss, se]);
      if (ms === 0) continue;
      const members = g.members.map((x) => ({ x, ms: overlap(agreed, [Math.max(x.s, ss), Math.min(x.e, se)]) })).filter((m) => m.ms > 0);
      for (const m of members) {
        const o = own.get(m.x) ?? own.set(m.x, { ms: 0, intervals: [] }).get(m.x)!;
        o.ms += m.ms;
        o.intervals.push(intervals.length);
      }
      intervals.push({ start: instant(new Date(ss)), end: instant(new Date(se)), outageIds: members.map((m) => m.x.o.id), ms, startedBefore: startedBefore(g.s, eachPart ? ss : undefined) });
    }
    for (const [x, o] of own) perOutage.push({ outageId: x.o.id, downtimeMinutes: decimal(o.ms).div(60_000), interval: o.intervals[0]!, intervals: o.intervals });
  }
  return { intervals, perOutage };
}
