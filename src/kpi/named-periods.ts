import { addMonths, checkArguments, checkOptionKeys, dateFromParts, endOfMonth, instant, isIsoDate, ValidationError, type Instant, type IsoDate } from "../core/index.js";
import { checkPeriod, type KpiPeriod } from "./period.js";
import { isTimeZone, localToInstant } from "./time-zone.js";

/** A whole reporting period: first and last day, both inclusive. */
export interface ClosedKpiPeriod extends KpiPeriod {
  /** First day counted. */
  readonly from: IsoDate;
  /** Last day counted (inclusive). */
  readonly to: IsoDate;
}

function checkYear(year: number, subject: string): void {
  checkArguments(subject, { year: [year, "integer"] });
  if (year < 1 || year > 9999) throw ValidationError.single(["year"], "a year from 1 to 9999", subject);
}

/**
 * A calendar month as a KPI period, first to last day (28–31 days; February has 29 in a leap year).
 *
 * @throws {ValidationError} when the year is not 1–9999 or the month not 1–12.
 * @example
 * ```ts
 * monthPeriod(2028, 2); // { from: "2028-02-01", to: "2028-02-29" }
 * ```
 */
export function monthPeriod(year: number, month: number): ClosedKpiPeriod {
  checkYear(year, "monthPeriod");
  checkArguments("monthPeriod", { month: [month, "integer"] });
  if (month < 1 || month > 12) throw ValidationError.single(["month"], "a month from 1 to 12", "monthPeriod");
  const from = dateFromParts(year, month, 1);
  return { from, to: endOfMonth(from) };
}

/**
 * A quarter as a KPI period: calendar quarters by default (Q1 = January–March), or quarters of a fiscal year that
 * starts in `fiscalYearStartMonth` and is named as {@link fiscalYearPeriod} names it (Q1 of FY2027 starting in April
 * is April–June 2026).
 *
 * @throws {ValidationError} when the year is not 1–9999, the quarter not 1–4 or the start month not 1–12.
 * @example
 * ```ts
 * quarterPeriod(2026, 4); // { from: "2026-10-01", to: "2026-12-31" }
 * quarterPeriod(2027, 1, { fiscalYearStartMonth: 4 }); // { from: "2026-04-01", to: "2026-06-30" }
 * ```
 */
export function quarterPeriod(year: number, quarter: number, options: FiscalYearOptions = {}): ClosedKpiPeriod {
  checkArguments("quarterPeriod", { quarter: [quarter, "integer"], options: [options, "object?"] });
  checkOptionKeys("quarterPeriod", options, { fiscalYearStartMonth: 1, namedBy: 1 } satisfies Record<keyof FiscalYearOptions, 1>);
  if (quarter < 1 || quarter > 4) throw ValidationError.single(["quarter"], "a quarter from 1 to 4", "quarterPeriod");
  // Checked here, at the caller's name for it (fiscalYearPeriod would name its own `startMonth`).
  const { fiscalYearStartMonth: m, ...rest } = options;
  if (m !== undefined && (!Number.isInteger(m) || m < 1 || m > 12)) throw ValidationError.single(["fiscalYearStartMonth"], "a month from 1 to 12", "quarterPeriod");
  const fy = fiscalYearPeriod(year, { ...rest, startMonth: m ?? 1 });
  const from = addMonths(fy.from, (quarter - 1) * 3);
  // The end of its third month (the day before the next quarter has no date after Q4 9999).
  return { from, to: endOfMonth(addMonths(from, 2)) };
}

/** Options of {@link fiscalYearPeriod} and {@link quarterPeriod}. */
export interface FiscalYearOptions {
  /** Month the fiscal year starts in, 1–12 (for {@link quarterPeriod}; default 1, the calendar year). */
  readonly fiscalYearStartMonth?: number;
  /**
   * Which calendar year names a fiscal year that spans two: `"end"` (default — FY2027 ends in 2027, as the UK, US
   * federal, Japanese and Australian governments name theirs) or `"start"` (FY2026 starts in 2026).
   */
  readonly namedBy?: "end" | "start";
}

/**
 * A fiscal year as a KPI period: twelve months from the first day of `startMonth`. A fiscal year starting in January
 * is the calendar year; one starting in another month spans two calendar years and is named by the year it ends in
 * (`namedBy: "end"`, the default) or starts in (`"start"`).
 *
 * @throws {ValidationError} when the year is not 1–9999 (or the fiscal year would start before year 1 or end after
 *   9999, path `["year"]`), `startMonth` not 1–12 or `namedBy` not "end" or "start".
 * @example
 * ```ts
 * fiscalYearPeriod(2027, { startMonth: 4 }); // { from: "2026-04-01", to: "2027-03-31" }
 * fiscalYearPeriod(2026, { startMonth: 4, namedBy: "start" }); // the same
 * ```
 */
export function fiscalYearPeriod(fiscalYear: number, options: { readonly startMonth: number; readonly namedBy?: "end" | "start" }): ClosedKpiPeriod {
  checkArguments("fiscalYearPeriod", { options: [options, "object"] });
  checkOptionKeys("fiscalYearPeriod", options, { startMonth: 1, namedBy: 1 } satisfies Record<keyof NonNullable<Parameters<typeof fiscalYearPeriod>[1]>, 1>);
  checkYear(fiscalYear, "fiscalYearPeriod");
  const { startMonth, namedBy = "end" } = options;
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw ValidationError.single(["startMonth"], "a month from 1 to 12", "fiscalYearPeriod");
  }
  if (namedBy !== "end" && namedBy !== "start") throw ValidationError.single(["namedBy"], 'expected "end" or "start"', "fiscalYearPeriod");
  const startYear = startMonth === 1 || namedBy === "start" ? fiscalYear : fiscalYear - 1;
  if (startYear < 1) throw ValidationError.single(["year"], "a fiscal year starting in year 1 or later", "fiscalYearPeriod");
  // Twelve months from April 9999 end in 10000, which no date reaches.
  if (startMonth !== 1 && startYear === 9999) throw ValidationError.single(["year"], "a fiscal year ending in year 9999 or earlier", "fiscalYearPeriod");
  const from = dateFromParts(startYear, startMonth, 1);
  return { from, to: endOfMonth(addMonths(from, 11)) };
}

/** A period cut at an as-of day, labelled whole or partial. */
export interface PeriodToDate {
  /** The period up to and including `asOf` (the whole period when `asOf` is on or after its last day). */
  readonly period: ClosedKpiPeriod;
  /** True when `asOf` falls before the period's last day: a figure over it is "to date", not the period's. */
  readonly partial: boolean;
  /** Days counted / days in the whole period. */
  readonly daysCounted: number;
  /** Days in the whole period. */
  readonly daysInPeriod: number;
}

/**
 * The part of a period up to an as-of day (both inclusive), labelled `partial` when the period is not over: a
 * quarter-to-date or year-to-date figure must not be read as the quarter's or the year's.
 *
 * @throws {ValidationError} for a period without both ends or with `to` before `from`, or an `asOf` that is not a
 *   calendar date or falls before the period starts (`["asOf"]`: nothing of the period has happened yet).
 * @example
 * ```ts
 * periodToDate(quarterPeriod(2026, 4), isoDate("2026-11-20"));
 * // { period: { from: "2026-10-01", to: "2026-11-20" }, partial: true, daysCounted: 51, daysInPeriod: 92 }
 * ```
 */
export function periodToDate(period: ClosedKpiPeriod, asOf: IsoDate): PeriodToDate {
  checkArguments("periodToDate", { period: [period, "object"], asOf: [asOf, "date"] });
  checkWhole(period, "periodToDate");
  if (asOf < period.from) throw ValidationError.single(["asOf"], `as of ${asOf}, the period starting ${period.from} has not begun`, "periodToDate");
  const to = asOf < period.to ? asOf : period.to;
  const days = (a: IsoDate, b: IsoDate) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1;
  return { period: { from: period.from, to }, partial: to < period.to, daysCounted: days(period.from, to), daysInPeriod: days(period.from, period.to) };
}

/**
 * The instants `[from, to)` of a period of whole days — midnight starting its first day to midnight ending its last
 * day, in UTC or in `timeZone` — for the KPIs measured between instants (`serviceAvailability`). The last day
 * is inclusive in the period and so the end instant is the next midnight: `to: "2026-03-31T00:00:00Z"` for March
 * would leave out 31 March.
 *
 * @throws {ValidationError} for a period without both ends, with `to` before `from`, an unknown time zone, or a start or
 *   end instant outside years 0001–9999 (`["period", "from"]` / `["period", "to"]`: December 9999 ends in 10000).
 * @example
 * ```ts
 * periodInstants(monthPeriod(2026, 3)); // { from: "2026-03-01T00:00:00.000Z", to: "2026-04-01T00:00:00.000Z" }
 * periodInstants(monthPeriod(2026, 3), { timeZone: "Europe/Berlin" }); // { from: "2026-02-28T23:00:00.000Z", to: "2026-03-31T22:00:00.000Z" }
 * ```
 */
export function periodInstants(period: ClosedKpiPeriod, options: { readonly timeZone?: string } = {}): { readonly from: Instant; readonly to: Instant } {
  checkArguments("periodInstants", { period: [period, "object"], options: [options, "object?"] });
  checkOptionKeys("periodInstants", options, { timeZone: 1 } satisfies Record<keyof NonNullable<Parameters<typeof periodInstants>[1]>, 1>);
  checkWhole(period, "periodInstants");
  const tz = options.timeZone ?? "UTC";
  if (!isTimeZone(tz)) throw ValidationError.single(["timeZone"], 'not an IANA time zone ("Europe/Berlin")', "periodInstants");
  // Midnight after the last day is counted in milliseconds (9999-12-31 has no next date); an instant outside years
  // 0001–9999 (the end of December 9999, or Berlin's January 0001 starting in year 0) is refused at the period's end.
  const at = (localMs: number, end: "from" | "to") => {
    const ms = tz === "UTC" ? localMs : localToInstant(tz, localMs);
    if (ms >= Date.parse("0001-01-01T00:00:00Z") && ms < Date.parse("9999-12-31T00:00:00Z") + 86_400_000) return instant(new Date(ms));
    const zone = tz === "UTC" ? "" : ` in ${tz}, ${new Date(ms).toISOString()}`;
    const what = end === "from" ? `starts at midnight of ${period.from}` : `ends at midnight after ${period.to}`;
    throw ValidationError.single(["period", end], `the period ${what}${zone}, outside years 0001–9999`, "periodInstants");
  };
  return { from: at(Date.parse(period.from), "from"), to: at(Date.parse(period.to) + 86_400_000, "to") };
}

function checkWhole(period: KpiPeriod, subject: string): void {
  const issues = (["from", "to"] as const).flatMap((f) => (isIsoDate(period[f]) ? [] : [{ path: ["period", f], message: "a closed period needs this day", code: "custom" }]));
  if (issues.length > 0) throw new ValidationError(issues, subject);
  checkPeriod(period, subject);
}
