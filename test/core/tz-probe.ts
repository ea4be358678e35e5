/**
 * Time-zone probe: prints one JSON object with the results of pmokit's date, calendar and instant helpers on a
 * fixed list of inputs. `timezones.test.ts` runs it under several `TZ` values and expects identical `results`.
 *
 * `env` is diagnostic only (it differs per zone, proving the zone really was applied to this process).
 *
 * Run: `TZ=Pacific/Kiritimati node --import tsx test/core/tz-probe.ts`
 */
import {
  STANDARD_CALENDAR,
  addDays,
  addMillisecondsToInstant,
  addMonths,
  addWorkingDays,
  createWorkingCalendar,
  dateFromParts,
  differenceInDays,
  differenceInMonths,
  endOfMonth,
  formatMoney,
  fromEpochDay,
  instant,
  instantToDate,
  isIsoDate,
  isWorkingDay,
  isoDate,
  isoWeekday,
  millisecondsBetween,
  money,
  startOfDayInstant,
  startOfMonth,
  toEpochDay,
  workingDaysBetween,
} from "../../src/core/index.js";

/** Dates around Kiribati's skipped 1994-12-31 and the US DST changes of 2026 (8 March and 1 November). */
export const PROBE_DATES = [
  "1994-12-29",
  "1994-12-30",
  "1994-12-31",
  "1995-01-01",
  "1995-01-02",
  "2026-03-07",
  "2026-03-08",
  "2026-03-09",
  "2026-10-31",
  "2026-11-01",
  "2026-11-02",
  "2024-02-29",
  "1970-01-01",
  "0001-01-01",
  "9999-12-31",
] as const;

/** UTC instants at and around the same transitions (US: 2026-03-08T10:00Z / 2026-11-01T09:00Z in Anchorage). */
export const PROBE_INSTANTS = [
  "1994-12-31T09:59:59.999Z",
  "1994-12-31T10:00:00Z",
  "2026-03-08T06:59:59.999Z",
  "2026-03-08T07:00:00Z",
  "2026-03-08T10:59:59.999Z",
  "2026-03-08T11:00:00Z",
  "2026-11-01T05:59:59.999Z",
  "2026-11-01T06:00:00Z",
  "2026-11-01T09:00:00.5Z",
  "2026-11-01T10:00:00Z",
] as const;

const ONE_DAY = 86_400_000;

function safe<T>(fn: () => T): T | string {
  try {
    return fn();
  } catch (e) {
    return `throws ${(e as Error).name}`;
  }
}

export function probe(): Record<string, unknown> {
  const holidays = createWorkingCalendar({
    name: "probe",
    holidays: ["1994-12-30", "1995-01-02", "2026-03-09", "2026-11-02"],
    blackouts: [{ start: "2026-10-30", end: "2026-11-03", reason: "cut-over" }],
  });

  const dates: Record<string, unknown> = {};
  for (const s of PROBE_DATES) {
    const d = isoDate(s);
    dates[s] = {
      valid: isIsoDate(s),
      epochDay: toEpochDay(d),
      fromEpochDay: fromEpochDay(toEpochDay(d)),
      weekday: isoWeekday(d),
      prev: safe(() => addDays(d, -1)),
      next: safe(() => addDays(d, 1)),
      prevMonth: safe(() => addMonths(d, -1)),
      nextMonth: safe(() => addMonths(d, 1)),
      startOfMonth: startOfMonth(d),
      endOfMonth: endOfMonth(d),
      startOfDay: startOfDayInstant(d),
      standard: {
        working: isWorkingDay(STANDARD_CALENDAR, d),
        minus1: safe(() => addWorkingDays(STANDARD_CALENDAR, d, -1)),
        plus1: safe(() => addWorkingDays(STANDARD_CALENDAR, d, 1)),
        plus20: safe(() => addWorkingDays(STANDARD_CALENDAR, d, 20)),
      },
      holidays: {
        working: isWorkingDay(holidays, d),
        workingSkippingBlackouts: isWorkingDay(holidays, d, { skipBlackouts: true }),
        minus1: safe(() => addWorkingDays(holidays, d, -1)),
        plus1: safe(() => addWorkingDays(holidays, d, 1)),
        plus1SkippingBlackouts: safe(() => addWorkingDays(holidays, d, 1, { skipBlackouts: true })),
        plus30: safe(() => addWorkingDays(holidays, d, 30)),
      },
    };
  }

  const instants: Record<string, unknown> = {};
  for (const s of PROBE_INSTANTS) {
    const i = instant(s);
    instants[s] = {
      canonical: i,
      date: instantToDate(i),
      plus1ms: addMillisecondsToInstant(i, 1),
      plus1h: addMillisecondsToInstant(i, 3_600_000),
      plus1d: addMillisecondsToInstant(i, ONE_DAY),
      minus1d: addMillisecondsToInstant(i, -ONE_DAY),
      fromDate: instant(new Date(new Date(i).getTime())),
      toStartOfDay: millisecondsBetween(startOfDayInstant(instantToDate(i)), i),
    };
  }

  const spans: Record<string, unknown> = {
    "days 1994-12-30 → 1995-01-01": differenceInDays(isoDate("1995-01-01"), isoDate("1994-12-30")),
    "days 2026-03-07 → 2026-03-09": differenceInDays(isoDate("2026-03-09"), isoDate("2026-03-07")),
    "days 2026-10-31 → 2026-11-02": differenceInDays(isoDate("2026-11-02"), isoDate("2026-10-31")),
    "months 1994-11-30 → 1994-12-31": differenceInMonths(isoDate("1994-12-31"), isoDate("1994-11-30")),
    "working 1994-12-29 → 1995-01-03": workingDaysBetween(holidays, isoDate("1994-12-29"), isoDate("1995-01-03")),
    "working 2026-03-06 → 2026-03-10": workingDaysBetween(holidays, isoDate("2026-03-06"), isoDate("2026-03-10")),
    "working 2026-10-29 → 2026-11-04 skipping blackouts": workingDaysBetween(holidays, isoDate("2026-10-29"), isoDate("2026-11-04"), {
      skipBlackouts: true,
    }),
    "ms over 2026-03-08": millisecondsBetween(instant("2026-03-08T00:00:00Z"), instant("2026-03-09T00:00:00Z")),
    "ms over 2026-11-01": millisecondsBetween(instant("2026-11-01T00:00:00Z"), instant("2026-11-02T00:00:00Z")),
    "ms over 1994-12-31": millisecondsBetween(instant("1994-12-31T00:00:00Z"), instant("1995-01-01T00:00:00Z")),
    "dateFromParts 1994-12-31": dateFromParts(1994, 12, 31),
    "instant(Date.UTC 2026-03-08 02:30)": instant(new Date(Date.UTC(2026, 2, 8, 2, 30))),
    "format 2026 budget": formatMoney(money("1234567.5", "USD"), { currencyDisplay: "symbol" }),
  };

  return { dates, instants, spans };
}

/** How this process sees local time: differs by zone, which is the point of running the probe under several. */
function environment(): Record<string, unknown> {
  const offset = (ms: number) => new Date(ms).getTimezoneOffset();
  return {
    TZ: process.env.TZ ?? null,
    resolvedTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offsets: {
      "1994-12-30T12:00Z": offset(Date.UTC(1994, 11, 30, 12)),
      "1995-01-01T12:00Z": offset(Date.UTC(1995, 0, 1, 12)),
      "2026-03-01T12:00Z": offset(Date.UTC(2026, 2, 1, 12)),
      "2026-07-01T12:00Z": offset(Date.UTC(2026, 6, 1, 12)),
    },
  };
}

process.stdout.write(`${JSON.stringify({ env: environment(), results: probe() })}\n`);
