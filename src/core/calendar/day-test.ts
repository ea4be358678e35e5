import { ValidationError } from "../errors.js";
import { weekdayOfEpochDay } from "../dates/iso-date.js";
import type { WorkingCalendar } from "./working-calendar.js";

/*
 * @internal The working-day test on its own, over epoch days and without argument checks: what a calculator that
 * compiles a calendar once needs (earned value walks every day of its span), without the public working-day
 * functions (date checks, options, week jumps, blackout counting) in its bundle.
 */

/** @internal A calendar argument: the shape {@link createWorkingCalendar} builds (checked, so a wrong value is a ValidationError). */
export function checkCalendar(cal: unknown): WorkingCalendar {
  const c = cal as Partial<WorkingCalendar> | null;
  if (typeof c !== "object" || c === null || !Array.isArray(c.weekdayMask) || !(c.holidayDays instanceof Int32Array) || !Array.isArray(c.blackoutRanges)) {
    throw ValidationError.single(["calendar"], "expected a working calendar made by createWorkingCalendar", "working calendar");
  }
  return c as WorkingCalendar;
}

/** @internal Number of entries of the sorted array that are `< x`. */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** @internal True when the epoch day is a working weekday and not a holiday (blackouts are working days here). */
export function worksOn(cal: WorkingCalendar, day: number): boolean {
  return !!cal.weekdayMask[weekdayOfEpochDay(day)] && cal.holidayDays[lowerBound(cal.holidayDays, day)] !== day;
}
