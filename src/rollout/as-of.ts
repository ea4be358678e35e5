import { ValidationError, type Instant, type IsoDate } from "../core/index.js";

const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for a calendar day that exists (Date.parse rolls 2025-02-30 over to 03-02). */
const realDay = (d: string): boolean => {
  const ms = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === d;
};

/**
 * @internal An instant as a UTC ISO string (`2025-03-10T23:00:00.000Z`). Decoded instants already are; a record
 * built in memory with an offset (`2025-03-11T01:00:00+02:00`) is converted, so its UTC day is the one judged.
 *
 * @throws {ValidationError} when the text is not an instant with `Z` or an offset (a local time would depend on
 *   the machine's time zone).
 */
export function utcInstant(at: Instant | string): string {
  const ms = typeof at === "string" && (UTC.test(at) || WITH_OFFSET.test(at)) && realDay(at.slice(0, 10)) ? Date.parse(at) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw ValidationError.single(["at"], `${JSON.stringify(at)} is not an instant (like 2026-11-25T14:03:00.000Z)`, "as-of check");
  }
  return new Date(ms).toISOString();
}

/**
 * True when something stamped at `at` happened after the day judged: its UTC day is later than `asOf`. The whole of
 * the `asOf` day counts, so a vote cast at 23:59Z on `asOf` is counted and one cast at 00:00Z the next day is not.
 * An instant with an offset is judged by its UTC day (`2025-03-11T01:00:00+02:00` is on 2025-03-10).
 *
 * @throws {ValidationError} when `at` is not an instant.
 */
export function afterAsOf(at: Instant | string, asOf: IsoDate): boolean {
  return utcInstant(at).slice(0, 10) > asOf;
}
