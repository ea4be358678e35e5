import {
  decimal,
  isInstantInput,
  metric,
  missing,
  ValidationError,
  type Decimal,
  type Instant,
  type Metric,
  type ValidationIssue,
} from "../core/index.js";
import type { ServiceOutage } from "../entities/index.js";

/** Agreed service hours: weekdays and a daily window in UTC (`"08:00"`–`"18:00"`; `"00:00"`–`"24:00"` is all day). */
export interface ServiceHours {
  /** ISO weekdays the service is agreed (1 = Monday … 7 = Sunday). */
  readonly weekdays: readonly number[];
  /** Daily start, `HH:MM` UTC. */
  readonly start: string;
  /** Daily end, `HH:MM` UTC (after the start; `24:00` for midnight). */
  readonly end: string;
}

/** Options of {@link serviceAvailability}. */
export interface AvailabilityOptions {
  /** The service measured (outages of other services are ignored). */
  readonly service: string;
  /** Start of the measured period (inclusive). */
  readonly from: Instant;
  /** End of the measured period (exclusive). */
  readonly to: Instant;
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

/** Availability and reliability of a service over a period, in minutes. */
export interface ServiceAvailability {
  /** The service. */
  readonly service: string;
  /** Agreed service time (AST), minutes. */
  readonly agreedMinutes: Decimal;
  /** Downtime inside the agreed service time, minutes. */
  readonly downtimeMinutes: Decimal;
  /** Counted failures (outages that touch the agreed service time). */
  readonly failures: number;
  /** Outages counted. */
  readonly outageIds: readonly string[];
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
  const start = minutesOf(hours.start)! * 60_000;
  const end = minutesOf(hours.end)! * 60_000;
  const days = new Set(hours.weekdays);
  const out: Interval[] = [];
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    const weekday = ((Math.floor(day / DAY) + 3) % 7) + 1; // 1970-01-01 was a Thursday (ISO 4)
    if (!days.has(weekday)) continue;
    const a = Math.max(day + start, from);
    const b = Math.min(day + end, to);
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
 * failures, MTRS = downtime ÷ failures and MTBSI = MTBF + MTRS. Downtime is counted only inside the agreed service
 * hours and the period; an outage still running is counted up to the end of the period.
 *
 * @throws {ValidationError} when the period ends before it starts, the service hours are malformed, or two outages
 *   of the service overlap (their downtime would be counted twice) — each with its path.
 * @example
 * ```ts
 * const a = serviceAvailability(outages, { service: "erp", from: instant("2026-01-01T00:00:00Z"), to: instant("2027-01-01T00:00:00Z") });
 * a.availabilityPercent; a.mtrsMinutes;
 * ```
 */
export function serviceAvailability(outages: readonly ServiceOutage[], options: AvailabilityOptions): ServiceAvailability {
  const issues: ValidationIssue[] = [];
  if (!isInstantInput(options.from)) issues.push({ path: ["from"], message: "not an instant", code: "custom" });
  if (!isInstantInput(options.to)) issues.push({ path: ["to"], message: "not an instant", code: "custom" });
  const from = Date.parse(options.from);
  const to = Date.parse(options.to);
  if (issues.length === 0 && to <= from) issues.push({ path: ["to"], message: `period ends (${options.to}) before it starts (${options.from})`, code: "custom" });
  const h = options.serviceHours;
  if (h) {
    h.weekdays.forEach((w, i) => {
      if (!Number.isInteger(w) || w < 1 || w > 7) issues.push({ path: ["serviceHours", "weekdays", i], message: "not an ISO weekday 1–7", code: "custom" });
    });
    const s = minutesOf(h.start);
    const e = minutesOf(h.end);
    if (s === undefined) issues.push({ path: ["serviceHours", "start"], message: "expected HH:MM", code: "custom" });
    if (e === undefined) issues.push({ path: ["serviceHours", "end"], message: "expected HH:MM", code: "custom" });
    if (s !== undefined && e !== undefined && e <= s) issues.push({ path: ["serviceHours", "end"], message: "service hours end before they start", code: "custom" });
  }
  const mine = outages
    .map((o, index) => ({ o, index, s: Date.parse(o.start), e: o.end === undefined ? to : Date.parse(o.end) }))
    .filter((x) => x.o.service === options.service)
    .sort((a, b) => a.s - b.s);
  let latest: (typeof mine)[number] | undefined; // the outage seen so far that ends last
  for (const x of mine) {
    if (x.e <= x.s) issues.push({ path: [x.index, "end"], message: "an outage must end after it starts", code: "custom" });
    if (latest && x.s < latest.e) issues.push({ path: [x.index, "start"], message: `overlaps outage ${latest.o.id}`, code: "custom" });
    if (!latest || x.e > latest.e) latest = x;
  }
  if (issues.length > 0) throw new ValidationError(issues, "service availability");

  const impacts = new Set(options.impacts ?? ["full", "partial", "degraded"]);
  const excludePlanned = (options.planned ?? "exclude") === "exclude";
  let agreed = agreedIntervals(from, to, h);
  if (excludePlanned) agreed = subtract(agreed, mine.filter((x) => x.o.planned).map((x): Interval => [x.s, x.e]));
  const counted = mine.filter((x) => !(excludePlanned && x.o.planned) && impacts.has(x.o.impact));
  let downMs = 0;
  const ids: string[] = [];
  for (const x of counted) {
    const ms = overlap(agreed, [x.s, x.e]);
    if (ms > 0) {
      downMs += ms;
      ids.push(x.o.id);
    }
  }
  const astMs = agreed.reduce((s, [a, b]) => s + (b - a), 0);
  const ast = decimal(astMs).div(60_000);
  const down = decimal(downMs).div(60_000);
  const up = ast.minus(down);
  const failures = ids.length;
  const perFailure = (x: Decimal): Metric<Decimal> => (failures === 0 ? missing("no-failures") : metric(x.div(failures)));
  const mtbf = perFailure(up);
  const mtrs = perFailure(down);
  return {
    service: options.service,
    agreedMinutes: ast,
    downtimeMinutes: down,
    failures,
    outageIds: ids,
    availabilityPercent: ast.isZero() ? missing("no-agreed-service-time") : metric(up.times(100).div(ast)),
    mtbfMinutes: mtbf,
    mtrsMinutes: mtrs,
    mtbsiMinutes: mtbf.value !== undefined && mtrs.value !== undefined ? metric(mtbf.value.plus(mtrs.value)) : mtbf,
  };
}
