import { isoDate, type IsoDate } from "../core/index.js";
import type { CliIo } from "./progress.js";

/*
 * The one place the CLI reads the clock. Calculators take the status date as an argument; only the command line
 * fills in a default: today's date (UTC) for `--as-of`, the current instant for `--imported-at`. The clock is the
 * injected `io.now` when given (tests), else the system's.
 */

/**
 * The current instant as the CLI sees it: `io.now()` when injected, else the system clock.
 *
 * @example
 * ```ts
 * cliNow({ stdout, stderr, cwd, now: () => new Date("2026-11-20T09:00:00Z") }).toISOString(); // "2026-11-20T09:00:00.000Z"
 * ```
 */
export function cliNow(io: CliIo): Date {
  return io.now !== undefined ? io.now() : new Date();
}

/**
 * Today's calendar date in UTC: the default `--as-of` of every command that takes one (but the demo).
 *
 * @example
 * ```ts
 * todayUtc({ stdout, stderr, cwd, now: () => new Date("2026-11-20T23:30:00-02:00") }); // "2026-11-21"
 * ```
 */
export function todayUtc(io: CliIo): IsoDate {
  return isoDate(cliNow(io).toISOString().slice(0, 10));
}
