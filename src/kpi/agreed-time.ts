import type { ValidationIssue } from "../core/index.js";
import { isTimeZone, offsetAt } from "./time-zone.js";

// The agreed service time of serviceAvailability as intervals of epoch milliseconds, and the interval arithmetic on it.

/**
 * Agreed service hours: weekdays and a daily window (`"08:00"`–`"18:00"`; `"00:00"`–`"24:00"` is all day), in UTC
 * or in local time of `timeZone`.
 */
export interface ServiceHours {
  /** ISO weekdays the service is agreed (1 = Monday … 7 = Sunday), of the local date in `timeZone`. */
  readonly weekdays: readonly number[];
  /** Daily start, `HH:MM` local time of `timeZone`. */
  readonly start: string;
  /** Daily end, `HH:MM` (after the start; `24:00` for the next midnight). */
  readonly end: string;
  /**
   * IANA time zone the hours are agreed in (`"Europe/Berlin"`); default `"UTC"`. In a zone with daylight saving time
   * the window follows local clocks — the agreed time is whenever the clock shows a time inside it — so
   * `"00:00"`–`"24:00"` is 23 hours on the spring-forward day and 25 on the fall-back day, and `"02:30"`–`"03:00"` in
   * Berlin is 60 minutes on the fall-back day (shown twice).
   */
  readonly timeZone?: string;
}

const DAY = 86_400_000;
/** @internal The outage impacts there are. */
export const IMPACTS: readonly unknown[] = ["full", "partial", "degraded"];
const HHMM = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutesOf(s: string): number | undefined {
  const m = HHMM.exec(s);
  if (!m) return undefined;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 1440 ? v : undefined;
}

/** @internal A half-open interval `[start, end)` of epoch milliseconds. */
export type Interval = readonly [number, number];

/**
 * @internal The agreed service time inside `[from, to)`: all of it without service hours, else each agreed day's window.
 *
 * @example
 * ```ts
 * agreedIntervals(Date.UTC(2026, 2, 2), Date.UTC(2026, 2, 3), { weekdays: [1], start: "08:00", end: "18:00" });
 * // [[Date.UTC(2026, 2, 2, 8), Date.UTC(2026, 2, 2, 18)]]
 * ```
 */
export function agreedIntervals(from: number, to: number, hours: ServiceHours | undefined): Interval[] {
  if (!hours) return [[from, to]];
  if (hours.timeZone !== undefined && hours.timeZone !== "UTC") return localAgreedIntervals(from, to, hours, hours.timeZone);
  const start = minutesOf(hours.start)! * 60_000;
  const end = minutesOf(hours.end)! * 60_000;
  const days = new Set(hours.weekdays);
  const out: Interval[] = [];
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    // 1970-01-01 was a Thursday (ISO 4); the double modulo keeps days before 1970 (negative day numbers) in 1–7.
    const weekday = ((((Math.floor(day / DAY) + 3) % 7) + 7) % 7) + 1;
    if (!days.has(weekday)) continue;
    const a = Math.max(day + start, from);
    const b = Math.min(day + end, to);
    if (a < b) out.push([a, b]);
  }
  return out;
}

/**
 * Service hours in local time: for each local date from the day before `from` to the day after `to`, the instants whose
 * local clock shows that date and a time in `[start, end)`. On a DST day the window is cut where the offset changes
 * (`offsetAt` before it, the new offset after): a window end inside a skipped hour is never shown, and a repeated
 * hour inside the window is agreed twice — not the instants of the two ends, which counted 02:00–02:30 CET inside
 * 02:30–03:00 on the fall-back day (90 minutes, not 60).
 */
function localAgreedIntervals(from: number, to: number, hours: ServiceHours, timeZone: string): Interval[] {
  const start = minutesOf(hours.start)! * 60_000;
  const end = minutesOf(hours.end)! * 60_000;
  const days = new Set(hours.weekdays);
  const out: Interval[] = [];
  const push = (a: number, b: number) => {
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    if (s < e) out.push([s, e]);
  };
  // Local dates written as UTC midnights; a day either side covers any offset (UTC−12 … UTC+14).
  for (let day = (Math.floor(from / DAY) - 1) * DAY; day < to + DAY; day += DAY) {
    const weekday = ((((Math.floor(day / DAY) + 3) % 7) + 7) % 7) + 1;
    if (!days.has(weekday)) continue;
    const l0 = day + start;
    const l1 = day + end;
    // Offsets a day either side of the window (at least 10 hours from it whatever the offset): one change at most.
    const before = offsetAt(timeZone, l0 - DAY);
    const after = offsetAt(timeZone, l1 + DAY);
    if (before === after) {
      push(l0 - before, l1 - before);
      continue;
    }
    // The instant of the change: the first millisecond with the new offset.
    let lo = l0 - DAY;
    let hi = l1 + DAY;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(timeZone, mid) === before) lo = mid;
      else hi = mid;
    }
    push(l0 - before, Math.min(l1 - before, hi));
    push(Math.max(l0 - after, hi), l1 - after);
  }
  // By start: where clocks fall back across midnight, a date's repeated end comes after the next date's start.
  return out.sort((x, y) => x[0] - y[0]);
}

/**
 * @internal Intervals with the `cut` ones taken out (maintenance out of the agreed service time).
 *
 * @example
 * ```ts
 * subtract([[0, 10]], [[4, 6]]); // [[0, 4], [6, 10]]
 * ```
 */
export function subtract(intervals: readonly Interval[], cut: readonly Interval[]): Interval[] {
  let cur: Interval[] = [...intervals];
  for (const [cs, ce] of cut) {
    cur = cur.flatMap(([s, e]): Interval[] => (ce <= s || cs >= e ? [[s, e]] : ([[s, cs], [ce, e]] as Interval[]).filter(([a, b]) => a < b)));
  }
  return cur;
}

/**
 * @internal Milliseconds of `[s, e)` inside the (disjoint) intervals.
 *
 * @example
 * ```ts
 * overlap([[0, 4], [6, 10]], [2, 8]); // 4
 * ```
 */
export function overlap(intervals: readonly Interval[], [s, e]: Interval): number {
  return intervals.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, e) - Math.max(a, s)), 0);
}

/**
 * @internal Intervals (by start) with those that touch joined: midnight between two all-day service days splits
 * nothing.
 *
 * @example
 * ```ts
 * joinTouching([[0, 4], [4, 6], [8, 9]]); // [[0, 6], [8, 9]]
 * ```
 */
export function joinTouching(intervals: readonly Interval[]): Interval[] {
  const out: [number, number][] = [];
  for (const [a, b] of intervals) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * @internal The problems of agreed service hours, each at its path under `["serviceHours"]`.
 *
 * @example
 * ```ts
 * serviceHoursIssues({ weekdays: [1], start: "18:00", end: "08:00" })[0]?.path; // ["serviceHours", "end"]
 * ```
 */
export function serviceHoursIssues(h: ServiceHours | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (h && !Array.isArray(h.weekdays)) issues.push({ path: ["serviceHours", "weekdays"], message: "expected a list of ISO weekdays 1–7", code: "custom" });
  else if (h) {
    h.weekdays.forEach((w, i) => {
      if (!Number.isInteger(w) || w < 1 || w > 7) issues.push({ path: ["serviceHours", "weekdays", i], message: "not an ISO weekday 1–7", code: "custom" });
    });
    const s = minutesOf(h.start);
    const e = minutesOf(h.end);
    if (s === undefined) issues.push({ path: ["serviceHours", "start"], message: "expected HH:MM", code: "custom" });
    if (e === undefined) issues.push({ path: ["serviceHours", "end"], message: "expected HH:MM", code: "custom" });
    if (s !== undefined && e !== undefined && e <= s) issues.push({ path: ["serviceHours", "end"], message: "service hours end before they start", code: "custom" });
    if (h.timeZone !== undefined && !isTimeZone(h.timeZone)) issues.push({ path: ["serviceHours", "timeZone"], message: "not an IANA time zone (\"Europe/Berlin\")", code: "custom" });
  }
  return issues;
}
