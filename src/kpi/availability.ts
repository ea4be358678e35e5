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
  type ValidationIssue, checkArguments, compareCodePoints } from "../core/index.js";
import { duplicateIdIssues } from "../core/unique-ids.js";
import type { ServiceOutage } from "../entities/index.js";
import { isTimeZone, localToInstant } from "./time-zone.js";

/**
 * Agreed service hours: weekdays and a daily window (`"08:00"`–`"18:00"`; `"00:00"`–`"24:00"` is all day), in UTC
 * or in local time of `timeZone`.
 */
export interface ServiceHours {
  /** ISO weekdays the service is agreed (1 = Monday … 7 = Sunday), of the local date in `timeZone`. */
  readonly weekdays: readonly number[];
  /** Daily start, `HH:MM` local time of `timeZone`. */
  readonly start: string;
  /** Daily end, `HH:MM` (after the start; `24:00` for the next midnight). */
  readonly end: string;
  /**
   * IANA time zone the hours are agreed in (`"Europe/Berlin"`); default `"UTC"`. In a zone with daylight saving time
   * the window follows local clocks, so `"00:00"`–`"24:00"` is 23 hours on the spring-forward day and 25 on the
   * fall-back day.
   */
  readonly timeZone?: string;
}

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
  /** Impacts that count as downtime (default all: full, partial, degraded). */
  readonly impacts?: readonly ServiceOutage["impact"][];
}

/**
 * One stretch of downtime: counted outages that overlap or touch (one starts when another ends) merged into one
 * interval, because the service was not restored in between. Each merged interval with downtime inside the agreed
 * service time is one failure.
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
}

/** One counted outage's own downtime inside the agreed service time. */
export interface OutageDowntime {
  /** The outage. */
  readonly outageId: string;
  /** Its downtime inside the agreed service time and the period, minutes (overlaps with other outages included). */
  readonly downtimeMinutes: Decimal;
  /** Index of the merged interval in `downtimeIntervals` that holds it. */
  readonly interval: number;
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
  /** Counted failures: merged downtime intervals that touch the agreed service time. */
  readonly failures: number;
  /** Outages counted (those with downtime inside the agreed service time), by start. */
  readonly outageIds: readonly string[];
  /** The merged downtime intervals, one per failure, by start. */
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
}

const DAY = 86_400_000;
const IMPACTS: readonly unknown[] = ["full", "partial", "degraded"];
const HHMM = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutesOf(s: string): number | undefined {
  const m = HHMM.exec(s);
  if (!m) return undefined;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 1440 ? v : undefined;
}

type Interval = readonly [number, number];

function agreedIntervals(from: number, to: number, hours: ServiceHours | undefined): Interval[] {
  if (!hours) return [[from, to]];
  if (hours.timeZone !== undefined && hours.timeZone !== "UTC") return localAgreedIntervals(from, to, hours, hours.timeZone);
  const start = minutesOf(hours.start)! * 60_000;
  const end = minutesOf(hours.end)! * 60_000;
  const days = new Set(hours.weekdays);
  const out: Interval[] = [];
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    // 1970-01-01 was a Thursday (ISO 4); the double modulo keeps days before 1970 (negative day numbers) in 1–7.
    const weekday = ((((Math.floor(day / DAY) + 3) % 7) + 7) % 7) + 1;
    if (!days.has(weekday)) continue;
    const a = Math.max(day + start, from);
    const b = Math.min(day + end, to);
    if (a < b) out.push([a, b]);
  }
  return out;
}

/** Service hours in local time: each local date from the day before `from` to the day after `to`, converted to instants. */
function localAgreedIntervals(from: number, to: number, hours: ServiceHours, timeZone: string): Interval[] {
  const start = minutesOf(hours.start)! * 60_000;
  const end = minutesOf(hours.end)! * 60_000;
  const days = new Set(hours.weekdays);
  const out: Interval[] = [];
  // Local dates written as UTC midnights; a day either side covers any offset (UTC−12 … UTC+14).
  for (let day = (Math.floor(from / DAY) - 1) * DAY; day < to + DAY; day += DAY) {
    const weekday = ((((Math.floor(day / DAY) + 3) % 7) + 7) % 7) + 1;
    if (!days.has(weekday)) continue;
    const a = Math.max(localToInstant(timeZone, day + start), from);
    const b = Math.min(localToInstant(timeZone, day + end), to);
    if (a < b) out.push([a, b]);
  }
  return out;
}

function subtract(intervals: readonly Interval[], cut: readonly Interval[]): Interval[] {
  let cur: Interval[] = [...intervals];
  for (const [cs, ce] of cut) {
    cur = cur.flatMap(([s, e]): Interval[] => (ce <= s || cs >= e ? [[s, e]] : ([[s, cs], [ce, e]] as Interval[]).filter(([a, b]) => a < b)));
  }
  return cur;
}

function overlap(intervals: readonly Interval[], [s, e]: Interval): number {
  return intervals.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, e) - Math.max(a, s)), 0);
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
 *   holds an unknown value, an outage id is listed twice (`[3, "id"]`, across all services), or an outage of the
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
  if (options.impacts !== undefined) {
    if (!Array.isArray(options.impacts)) issues.push({ path: ["impacts"], message: "expected a list of impacts", code: "custom" });
    else options.impacts.forEach((x, i) => {
      if (!IMPACTS.includes(x)) issues.push({ path: ["impacts", i], message: "expected full, partial or degraded", code: "custom" });
    });
  }
  const h = options.serviceHours;
  if (h && !Array.isArray(h.weekdays)) issues.push({ path: ["serviceHours", "weekdays"], message: "expected a list of ISO weekdays 1–7", code: "custom" });
  else if (h) {
    h.weekdays.forEach((w, i) => {
      if (!Number.isInteger(w) || w < 1 || w > 7) issues.push({ path: ["serviceHours", "weekdays", i], message: "not an ISO weekday 1–7", code: "custom" });
    });
    const s = minutesOf(h.start);
    const e = minutesOf(h.end);
    if (s === undefined) issues.push({ path: ["serviceHours", "start"], message: "expected HH:MM", code: "custom" });
    if (e === undefined) issues.push({ path: ["serviceHours", "end"], message: "expected HH:MM", code: "custom" });
    if (s !== undefined && e !== undefined && e <= s) issues.push({ path: ["serviceHours", "end"], message: "service hours end before they start", code: "custom" });
    if (h.timeZone !== undefined && !isTimeZone(h.timeZone)) issues.push({ path: ["serviceHours", "timeZone"], message: "not an IANA time zone (\"Europe/Berlin\")", code: "custom" });
  }
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

  const impacts = new Set(options.impacts ?? ["full", "partial", "degraded"]);
  const excludePlanned = (options.planned ?? "exclude") === "exclude";
  let agreed = agreedIntervals(from, to, h);
  if (excludePlanned) agreed = subtract(agreed, mine.filter((x) => x.o.planned).map((x): Interval => [x.s, x.e]));
  const counted = mine.filter((x) => !(excludePlanned && x.o.planned) && impacts.has(x.o.impact));
  const { intervals, perOutage } = mergeDowntime(counted, agreed, from, to);
  const downMs = intervals.reduce((sum, i) => sum + i.ms, 0);
  const ids = perOutage.map((p) => p.outageId);
  const astMs = agreed.reduce((s, [a, b]) => s + (b - a), 0);
  const ast = decimal(astMs).div(60_000);
  const down = decimal(downMs).div(60_000);
  const failures = intervals.length;
  // Each figure is one division of whole milliseconds, rounded once: minutes of a time in seconds (1/60 min) are not
  // a finite decimal, so working from rounded minutes put the last digit off (MTBSI 59.999…9 instead of 60).
  const perFailure = (ms: number): Metric<Decimal> => (failures === 0 ? missing("no-failures") : metric(decimal(ms).div(decimal(failures).times(60_000))));
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
    downtimeIntervals: intervals.map((i) => ({ start: i.start, end: i.end, outageIds: i.outageIds, downtimeMinutes: decimal(i.ms).div(60_000) })),
    outages: perOutage,
    availabilityPercent: astMs === 0 ? missing("no-agreed-service-time") : metric(decimal(astMs - downMs).times(100).div(astMs)),
    mtbfMinutes: mtbf,
    mtrsMinutes: mtrs,
    // MTBF + MTRS = (AST − downtime + downtime) ÷ failures = AST ÷ failures, computed so (no sum of two rounded figures).
    mtbsiMinutes: perFailure(astMs),
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
) {
  const groups: { s: number; e: number; members: (typeof counted)[number][] }[] = [];
  for (const x of counted) {
    const last = groups[groups.length - 1];
    if (last && x.s <= last.e) {
      last.e = Math.max(last.e, x.e);
      last.members.push(x);
    } else groups.push({ s: x.s, e: x.e, members: [x] });
  }
  const intervals: { start: Instant; end: Instant; outageIds: string[]; ms: number }[] = [];
  const perOutage: OutageDowntime[] = [];
  for (const g of groups) {
    const ms = overlap(agreed, [g.s, g.e]);
    if (ms === 0) continue;
    const index = intervals.length;
    const members = g.members.map((x) => ({ id: x.o.id, ms: overlap(agreed, [x.s, x.e]) })).filter((m) => m.ms > 0);
    intervals.push({ start: instant(new Date(Math.max(g.s, from))), end: instant(new Date(Math.min(g.e, to))), outageIds: members.map((m) => m.id), ms });
    for (const m of members) perOutage.push({ outageId: m.id, downtimeMinutes: decimal(m.ms).div(60_000), interval: index });
  }
  return { intervals, perOutage };
}
