import { checkedDate, type IsoDate } from "./iso-date.js";

// `YYYY-MM-DD` strings of four-digit years order lexicographically exactly as the days they name.

/**
 * Compares two dates: -1, 0 or 1. Usable as a sort comparator.
 *
 * @example
 * ```ts
 * [isoDate("2026-03-01"), isoDate("2026-01-15")].sort(compareDates); // ["2026-01-15", "2026-03-01"]
 * ```
 */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  checkedDate(a, "a");
  checkedDate(b, "b");
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * True when `a` is strictly before `b`.
 *
 * @example
 * ```ts
 * isBeforeDate(isoDate("2026-01-01"), isoDate("2026-01-02")); // true
 * ```
 */
export function isBeforeDate(a: IsoDate, b: IsoDate): boolean {
  checkedDate(a, "a");
  checkedDate(b, "b");
  return a < b;
}

/**
 * True when `a` is strictly after `b`.
 *
 * @example
 * ```ts
 * isAfterDate(isoDate("2026-01-02"), isoDate("2026-01-01")); // true
 * ```
 */
export function isAfterDate(a: IsoDate, b: IsoDate): boolean {
  checkedDate(a, "a");
  checkedDate(b, "b");
  return a > b;
}

/**
 * True when `start ≤ date ≤ end` (both ends inclusive).
 *
 * @example
 * ```ts
 * isWithinDates(isoDate("2026-12-24"), isoDate("2026-12-20"), isoDate("2027-01-03")); // true
 * ```
 */
export function isWithinDates(date: IsoDate, start: IsoDate, end: IsoDate): boolean {
  checkedDate(date, "date");
  checkedDate(start, "start");
  checkedDate(end, "end");
  return date >= start && date <= end;
}

/**
 * The earliest of one or more dates.
 *
 * @example
 * ```ts
 * minDate(isoDate("2026-05-01"), isoDate("2026-04-01")); // "2026-04-01"
 * ```
 */
export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  checkedDate(first, "first");
  rest.forEach((d, i) => checkedDate(d, `rest[${i}]`));
  return rest.reduce((m, d) => (d < m ? d : m), first);
}

/**
 * The latest of one or more dates.
 *
 * @example
 * ```ts
 * maxDate(isoDate("2026-05-01"), isoDate("2026-04-01")); // "2026-05-01"
 * ```
 */
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  checkedDate(first, "first");
  rest.forEach((d, i) => checkedDate(d, `rest[${i}]`));
  return rest.reduce((m, d) => (d > m ? d : m), first);
}
