import type { Instant, IsoDate } from "../core/index.js";
import { utcInstantAt } from "../entities/closing-day.js";

/**
 * @internal An instant as a UTC ISO string (`2025-03-10T23:00:00.000Z`). Decoded instants already are; a record
 * built in memory with an offset (`2025-03-11T01:00:00+02:00`) is converted, so its UTC day is the one judged.
 *
 * @throws {ValidationError} when the text is not an instant with `Z` or an offset (a local time would depend on
 *   the machine's time zone).
 */
export function utcInstant(at: Instant | string): string {
  return utcInstantAt(at, ["at"], "as-of check");
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
