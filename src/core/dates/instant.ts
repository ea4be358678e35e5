import { addMilliseconds, compareAsc, differenceInMilliseconds } from "date-fns";
import { ValidationError } from "../errors.js";
import { describeValue } from "../describe.js";
import { checkedDate, isIsoDate, type IsoDate } from "./iso-date.js";

declare const instantBrand: unique symbol;

/**
 * A moment in time, as an ISO 8601 UTC date-time string with millisecond precision and `Z`:
 * `2026-11-25T14:03:00.000Z`. Used for `createdAt`, `decidedAt`, `executedAt` — anything that happened, as
 * opposed to a calendar day (see {@link IsoDate}).
 */
export type Instant = string & { readonly [instantBrand]: "Instant" };

const PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,3})?Z$/;

/**
 * True for a canonical instant: `YYYY-MM-DDTHH:mm:ss.sssZ` exactly (what {@link instant} produces).
 *
 * @example
 * ```ts
 * isInstant("2026-11-25T14:03:00.000Z"); // true
 * isInstant("2026-11-25T14:03:00Z");     // false: not canonical, pass it through instant()
 * ```
 */
export function isInstant(value: unknown): value is Instant {
  return typeof value === "string" && value.length === 24 && isInstantInput(value);
}

/**
 * True for a string {@link instant} accepts: UTC (`Z`), seconds required, at most 3 fractional digits, a real day.
 *
 * @example
 * ```ts
 * isInstantInput("2026-11-25T14:03:00Z");      // true
 * isInstantInput("2026-11-25T14:03:00+01:00"); // false: give UTC
 * ```
 */
export function isInstantInput(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = PATTERN.exec(value);
  return m !== null && isIsoDate(m[1]);
}

/**
 * Validates an instant (a UTC date-time string or a `Date`) and returns its canonical form with milliseconds.
 *
 * @throws {ValidationError} for offsets other than `Z`, more than millisecond precision, impossible days or an
 *   invalid Date.
 * @example
 * ```ts
 * instant("2026-11-25T14:03:00Z");      // "2026-11-25T14:03:00.000Z"
 * instant(new Date(Date.UTC(2026, 0, 1))); // "2026-01-01T00:00:00.000Z"
 * ```
 */
export function instant(value: string | Date): Instant {
  if (value instanceof Date) {
    const t = value.getTime();
    if (!Number.isFinite(t)) throw ValidationError.single([], "invalid Date", "instant");
    const s = value.toISOString();
    if (!isInstant(s)) throw ValidationError.single([], `${s} is outside years 0001–9999`, "instant");
    return s;
  }
  if (!isInstantInput(value)) {
    throw ValidationError.single(
      [],
      `${describeValue(value)} is not a UTC date-time like 2026-11-25T14:03:00.000Z`,
      "instant",
    );
  }
  return new Date(value).toISOString() as Instant;
}

/** The instant argument of a public function, checked. */
function checkedInstant(value: unknown, path: string): Instant {
  if (!isInstantInput(value)) {
    throw ValidationError.single([path], "expected a UTC date-time like 2026-11-25T14:03:00.000Z", "instant");
  }
  return value as Instant;
}

/**
 * Compares two instants: -1, 0 or 1.
 *
 * @example
 * ```ts
 * compareInstants(instant("2026-01-01T00:00:00Z"), instant("2026-01-01T00:00:01Z")); // -1
 * ```
 */
export function compareInstants(a: Instant, b: Instant): -1 | 0 | 1 {
  checkedInstant(a, "a");
  checkedInstant(b, "b");
  return compareAsc(new Date(a), new Date(b)) as -1 | 0 | 1;
}

/**
 * Milliseconds from `from` to `to`.
 *
 * @example
 * ```ts
 * millisecondsBetween(instant("2026-01-01T00:00:00Z"), instant("2026-01-01T00:01:00Z")); // 60000
 * ```
 */
export function millisecondsBetween(from: Instant, to: Instant): number {
  checkedInstant(from, "from");
  checkedInstant(to, "to");
  return differenceInMilliseconds(new Date(to), new Date(from));
}

/**
 * The instant `ms` milliseconds later (earlier when negative).
 *
 * @example
 * ```ts
 * addMillisecondsToInstant(instant("2026-01-01T00:00:00Z"), 1500); // "2026-01-01T00:00:01.500Z"
 * ```
 */
export function addMillisecondsToInstant(at: Instant, ms: number): Instant {
  checkedInstant(at, "at");
  if (typeof ms !== "number" || !Number.isSafeInteger(ms)) {
    throw ValidationError.single(["ms"], "milliseconds must be a whole number", "instant");
  }
  return instant(addMilliseconds(new Date(at), ms));
}

/**
 * The UTC calendar day of an instant.
 *
 * @example
 * ```ts
 * instantToDate(instant("2026-11-25T23:59:59Z")); // "2026-11-25"
 * ```
 */
export function instantToDate(at: Instant): IsoDate {
  checkedInstant(at, "at");
  return at.slice(0, 10) as IsoDate;
}

/**
 * Midnight UTC at the start of a calendar day.
 *
 * @example
 * ```ts
 * startOfDayInstant(isoDate("2026-11-25")); // "2026-11-25T00:00:00.000Z"
 * ```
 */
export function startOfDayInstant(date: IsoDate): Instant {
  checkedDate(date, "date");
  return `${date}T00:00:00.000Z` as Instant;
}
