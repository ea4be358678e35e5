import { ValidationError } from "../errors.js";
import { checkedDate, dateFromParts, dateParts, daysInMonth, fromEpochDay, toEpochDay, type IsoDate } from "./iso-date.js";

function checkInteger(n: number, what: string): void {
  if (typeof n !== "number" || !Number.isSafeInteger(n)) {
    throw ValidationError.single([what], `${what} must be a whole number, got ${typeof n === "number" ? n : typeof n}`, "date arithmetic");
  }
}

/**
 * The date `days` calendar days later (earlier when negative).
 *
 * @example
 * ```ts
 * addDays(isoDate("2026-02-27"), 2); // "2026-03-01"
 * ```
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  checkInteger(days, "days");
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * The same day `months` months later (earlier when negative), clamped to the month's last day:
 * 31 January + 1 month = 28 (or 29) February.
 *
 * @example
 * ```ts
 * addMonths(isoDate("2026-01-31"), 1); // "2026-02-28"
 * addMonths(isoDate("2024-03-31"), -1); // "2024-02-29"
 * ```
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  checkInteger(months, "months");
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dateFromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * Whole calendar days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * ```ts
 * differenceInDays(isoDate("2026-12-31"), isoDate("2026-01-01")); // 364
 * ```
 */
export function differenceInDays(to: IsoDate, from: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * Whole months from `from` to `to`, counting a month only when the day of month is reached
 * (`2026-01-31` → `2026-02-28` is 0 months; → `2026-03-31` is 2).
 *
 * @example
 * ```ts
 * differenceInMonths(isoDate("2026-07-15"), isoDate("2026-01-15")); // 6
 * ```
 */
export function differenceInMonths(to: IsoDate, from: IsoDate): number {
  const a = dateParts(from);
  const b = dateParts(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && b.day < a.day) months -= 1;
  else if (months < 0 && b.day > a.day) months += 1;
  return months;
}

/**
 * First day of the date's month.
 *
 * @example
 * ```ts
 * startOfMonth(isoDate("2026-11-25")); // "2026-11-01"
 * ```
 */
export function startOfMonth(date: IsoDate): IsoDate {
  checkedDate(date, "date");
  return `${date.slice(0, 8)}01` as IsoDate;
}

/**
 * Last day of the date's month.
 *
 * @example
 * ```ts
 * endOfMonth(isoDate("2028-02-10")); // "2028-02-29"
 * ```
 */
export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return dateFromParts(year, month, daysInMonth(year, month));
}
