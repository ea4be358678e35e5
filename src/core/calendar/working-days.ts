import { ValidationError } from "../errors.js";
import { checkedDate, fromEpochDay, toEpochDay, weekdayOfEpochDay, type IsoDate } from "../dates/iso-date.js";
import type { WorkingCalendar } from "./working-calendar.js";
import { checkCalendar, lowerBound, worksOn } from "./day-test.js";
import { checkOptionKeys } from "../guard.js";

/** Options shared by the working-day functions. */
export interface WorkingDayOptions {
  /** Treat days inside blackout windows as non-working too (for scheduling changes). Default `false`. */
  readonly skipBlackouts?: boolean;
}

function checkOptions(options: unknown, subject: string): boolean {
  if (options === undefined) return false;
  if (typeof options !== "object" || options === null) throw ValidationError.single(["options"], "expected an options object", "working calendar");
  checkOptionKeys(subject, options, { skipBlackouts: 1 } satisfies Record<keyof WorkingDayOptions, 1>);
  const skip = (options as WorkingDayOptions).skipBlackouts;
  if (skip !== undefined && typeof skip !== "boolean") throw ValidationError.single(["options", "skipBlackouts"], "expected true or false", "working calendar");
  return skip === true;
}

function inBlackout(cal: WorkingCalendar, day: number): boolean {
  for (const [s, e] of cal.blackoutRanges) {
    if (day < s) return false;
    if (day <= e) return true;
  }
  return false;
}

function works(cal: WorkingCalendar, day: number, skipBlackouts: boolean): boolean {
  return worksOn(cal, day) && !(skipBlackouts && inBlackout(cal, day));
}

/** Working weekdays in epoch days [a, b), ignoring holidays: whole weeks, then the remainder. */
function weekdaysIn(cal: WorkingCalendar, a: number, b: number): number {
  const perWeek = cal.workingWeekdays.length;
  const weeks = Math.floor((b - a) / 7);
  let n = weeks * perWeek;
  for (let d = a + weeks * 7; d < b; d++) if (cal.weekdayMask[weekdayOfEpochDay(d)]) n++;
  return n;
}

/** Working days in epoch days [a, b) (a ≤ b). */
function countWorking(cal: WorkingCalendar, a: number, b: number, skipBlackouts: boolean): number {
  let n = weekdaysIn(cal, a, b) - (lowerBound(cal.holidayDays, b) - lowerBound(cal.holidayDays, a));
  if (skipBlackouts) {
    for (const [s, e] of cal.blackoutRanges) {
      const lo = Math.max(s, a);
      const hi = Math.min(e + 1, b);
      for (let d = lo; d < hi; d++) {
        // Holidays were already subtracted; subtract the remaining working days inside the window.
        if (cal.weekdayMask[weekdayOfEpochDay(d)] && cal.holidayDays[lowerBound(cal.holidayDays, d)] !== d) n--;
      }
    }
  }
  return n;
}

/**
 * True when the day is a working weekday and not a holiday (and, with `skipBlackouts`, not in a blackout window).
 *
 * @example
 * ```ts
 * isWorkingDay(STANDARD_CALENDAR, isoDate("2026-11-28")); // false (Saturday)
 * ```
 */
export function isWorkingDay(cal: WorkingCalendar, date: IsoDate, options?: WorkingDayOptions): boolean {
  return works(checkCalendar(cal), toEpochDay(checkedDate(date, "date")), checkOptions(options, "isWorkingDay"));
}

/**
 * The blackout window that contains the day, if any.
 *
 * @example
 * ```ts
 * blackoutOn(cal, isoDate("2026-12-24"))?.reason; // "year-end freeze"
 * ```
 */
export function blackoutOn(cal: WorkingCalendar, date: IsoDate): WorkingCalendar["blackouts"][number] | undefined {
  checkCalendar(cal);
  checkedDate(date, "date");
  return cal.blackouts.find((b) => date >= b.start && date <= b.end);
}

/**
 * The first working day strictly after `date`.
 *
 * @example
 * ```ts
 * nextWorkingDay(STANDARD_CALENDAR, isoDate("2026-11-27")); // "2026-11-30"
 * ```
 */
export function nextWorkingDay(cal: WorkingCalendar, date: IsoDate, options?: WorkingDayOptions): IsoDate {
  return shift(cal, date, 1, options, "nextWorkingDay");
}

/**
 * The last working day strictly before `date`.
 *
 * @example
 * ```ts
 * previousWorkingDay(STANDARD_CALENDAR, isoDate("2026-11-30")); // "2026-11-27"
 * ```
 */
export function previousWorkingDay(cal: WorkingCalendar, date: IsoDate, options?: WorkingDayOptions): IsoDate {
  return shift(cal, date, -1, options, "previousWorkingDay");
}

/**
 * The day reached after `days` working days from `date` (backwards when negative). The start day itself is not
 * counted, and `days = 0` returns `date` unchanged even when it is not a working day.
 * Consistent with {@link workingDaysBetween}: `workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n`.
 *
 * Large offsets jump whole weeks and correct for holidays by binary search, so cost grows with the number of
 * holidays in range, not with `days`.
 *
 * @throws {ValidationError} when `days` is not an integer.
 * @example
 * ```ts
 * addWorkingDays(STANDARD_CALENDAR, isoDate("2026-11-27"), 1);  // "2026-11-30" (Friday → Monday)
 * addWorkingDays(STANDARD_CALENDAR, isoDate("2026-11-30"), -1); // "2026-11-27"
 * ```
 */
export function addWorkingDays(cal: WorkingCalendar, date: IsoDate, days: number, options?: WorkingDayOptions): IsoDate {
  return shift(cal, date, days, options, "addWorkingDays");
}

function shift(cal: WorkingCalendar, date: IsoDate, days: number, options: WorkingDayOptions | undefined, subject: string): IsoDate {
  checkCalendar(cal);
  checkedDate(date, "date");
  if (typeof days !== "number" || !Number.isSafeInteger(days)) {
    throw ValidationError.single(["days"], `days must be a whole number, got ${typeof days === "number" ? days : typeof days}`, "addWorkingDays");
  }
  const skip = checkOptions(options, subject);
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  let day = toEpochDay(date);
  const perWeek = cal.workingWeekdays.length;
  // Jump whole weeks while far from the target; each jump can only overshoot by holidays, which the next
  // iterations (or the day-by-day tail) absorb.
  while (left > perWeek * 2) {
    const weeks = Math.floor(left / perWeek) - 1;
    const next = day + step * weeks * 7;
    const counted = step > 0 ? countWorking(cal, day + 1, next + 1, skip) : countWorking(cal, next, day, skip);
    if (counted <= 0 || counted > left) break;
    left -= counted;
    day = next;
  }
  while (left > 0 && day >= FIRST_DAY && day <= LAST_DAY) {
    day += step;
    if (works(cal, day, skip)) left--;
  }
  if (day < FIRST_DAY || day > LAST_DAY) {
    // Name the argument the caller gave: the date for next/previous, the count for addWorkingDays.
    const n = Math.abs(days);
    const what = subject === "addWorkingDays" ? `${n} working day${n === 1 ? "" : "s"} ${step > 0 ? "after" : "before"}` : `the ${step > 0 ? "next working day after" : "previous working day before"}`;
    throw ValidationError.single([subject === "addWorkingDays" ? "days" : "date"], `${what} ${date} would fall outside years 0001–9999`, subject);
  }
  return fromEpochDay(day);
}

/** Epoch days of 0001-01-01 and 9999-12-31, the first and last dates. */
const FIRST_DAY = -719162;
const LAST_DAY = 2932896;

/**
 * Signed number of working days from `start` to `end`: the working days `d` with `start < d ≤ end`, or minus the
 * working days with `end ≤ d < start` when `end` is earlier.
 *
 * @example
 * ```ts
 * workingDaysBetween(STANDARD_CALENDAR, isoDate("2026-11-27"), isoDate("2026-12-04")); // 5
 * ```
 */
export function workingDaysBetween(cal: WorkingCalendar, start: IsoDate, end: IsoDate, options?: WorkingDayOptions): number {
  checkCalendar(cal);
  checkedDate(start, "start");
  checkedDate(end, "end");
  const skip = checkOptions(options, "workingDaysBetween");
  const a = toEpochDay(start);
  const b = toEpochDay(end);
  return b >= a ? countWorking(cal, a + 1, b + 1, skip) : 0 - countWorking(cal, b, a, skip);
}
