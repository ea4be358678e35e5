import type { Instant, IsoDate } from "../core/index.js";

/**
 * True when something stamped at `at` happened after the day judged: its UTC day is later than `asOf`. The whole of
 * the `asOf` day counts, so a vote cast at 23:59Z on `asOf` is counted and one cast at 00:00Z the next day is not.
 */
export function afterAsOf(at: Instant | string, asOf: IsoDate): boolean {
  return at.slice(0, 10) > asOf;
}
