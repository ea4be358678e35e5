import { ValidationError } from "../errors.js";

declare const isoDateBrand: unique symbol;

/**
 * A calendar date `YYYY-MM-DD` (a status date, a baseline finish, a go-live). It has no time and no time zone, so
 * it means the same day everywhere. Create one with {@link isoDate}; compare and shift it only with the helpers in
 * this module, which compute on whole days in UTC and therefore never drift by a day across time zones.
 */
export type IsoDate = string & { readonly [isoDateBrand]: "IsoDate" };

const MS_PER_DAY = 86_400_000;

/**
 * Days in a month (`month` 1–12) of a proleptic Gregorian year.
 *
 * @example
 * ```ts
 * daysInMonth(2024, 2); // 29
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * True for a string `YYYY-MM-DD` that names a real day (`2024-02-29` yes, `2026-02-30` no), years 0001–9999.
 *
 * @example
 * ```ts
 * isIsoDate("2026-02-28"); // true
 * isIsoDate("2026-02-30"); // false
 * ```
 */
export function isIsoDate(value: unknown): value is IsoDate {
  // Hand-parsed rather than a regex: this runs twice for every date of every decoded record.
  if (typeof value !== "string" || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digitsAt(value, 0, 4);
  const mo = digitsAt(value, 5, 2);
  const d = digitsAt(value, 8, 2);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The number written by `length` ASCII digits at `start`, or -1 if any is not a digit. */
function digitsAt(s: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Validates and brands a calendar date.
 *
 * @throws {ValidationError} when the string is not a real `YYYY-MM-DD` day.
 * @example
 * ```ts
 * const goLive = isoDate("2027-03-01");
 * ```
 */
export function isoDate(value: string): IsoDate {
  if (!isIsoDate(value)) {
    const shown = typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : `a ${value === null ? "null" : typeof value}`;
    throw ValidationError.single([], `${shown} is not a calendar date YYYY-MM-DD`, "date");
  }
  return value;
}

/** @internal The date argument of a public function, checked (a wrong type is a ValidationError, not a TypeError). */
export function checkedDate(value: unknown, path: string): IsoDate {
  if (!isIsoDate(value)) {
    const shown = typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : `a ${value === null ? "null" : typeof value}`;
    throw ValidationError.single([path], `expected a calendar date YYYY-MM-DD, got ${shown}`, "date");
  }
  return value;
}

/**
 * The date's parts as numbers.
 *
 * @example
 * ```ts
 * dateParts(isoDate("2026-11-25")); // { year: 2026, month: 11, day: 25 }
 * ```
 */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  checkedDate(date, "date");
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/**
 * Builds a date from parts, validating them.
 *
 * @throws {ValidationError} when the parts do not name a real day.
 * @example
 * ```ts
 * dateFromParts(2026, 2, 28); // "2026-02-28"
 * ```
 */
export function dateFromParts(year: number, month: number, day: number): IsoDate {
  for (const [name, n] of [["year", year], ["month", month], ["day", day]] as const) {
    if (typeof n !== "number" || !Number.isInteger(n)) {
      throw ValidationError.single([name], `${name} must be a whole number`, "date");
    }
  }
  const s = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isoDate(s);
}

/**
 * Days since 1970-01-01 (negative before). Whole-day arithmetic on this number is what keeps dates time-zone proof.
 *
 * @example
 * ```ts
 * toEpochDay(isoDate("1970-01-02")); // 1
 * ```
 */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  const ms = new Date(0).setUTCFullYear(year, month - 1, day);
  return Math.round(ms / MS_PER_DAY);
}

/**
 * The calendar date of an epoch day (see {@link toEpochDay}).
 *
 * @example
 * ```ts
 * fromEpochDay(0); // "1970-01-01"
 * ```
 */
export function fromEpochDay(epochDay: number): IsoDate {
  if (typeof epochDay !== "number" || !Number.isInteger(epochDay)) {
    throw ValidationError.single([], `epoch day ${typeof epochDay === "number" ? epochDay : typeof epochDay} is not an integer`, "date");
  }
  const d = new Date(epochDay * MS_PER_DAY);
  const y = d.getUTCFullYear();
  if (!Number.isFinite(y) || y < 1 || y > 9999) throw ValidationError.single([], `epoch day ${epochDay} is outside years 0001–9999`, "date");
  // Years 0001–9999 print as four digits: the ISO string's first ten characters are the day.
  return d.toISOString().slice(0, 10) as IsoDate;
}

/**
 * ISO weekday: 1 = Monday … 7 = Sunday.
 *
 * @example
 * ```ts
 * isoWeekday(isoDate("2026-11-25")); // 3 (Wednesday)
 * ```
 */
export function isoWeekday(date: IsoDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return weekdayOfEpochDay(toEpochDay(date));
}

/** @internal ISO weekday of an epoch day (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(epochDay: number): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return ((((epochDay + 3) % 7) + 7) % 7 + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}
