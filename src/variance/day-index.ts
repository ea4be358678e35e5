import { fromEpochDay, type WorkingCalendar } from "../core/index.js";
import { checkCalendar, lowerBound, worksOn } from "../core/calendar/day-test.js";

/**
 * @internal A working calendar compiled over a range of epoch days: `cum[i]` is the number of working days in
 * [origin, origin + i]. Counting working days between two dates is then two array reads — the hot path asks it
 * once per partial cell and once per grid point.
 */
export interface DayIndex {
  readonly origin: number;
  readonly cum: Int32Array;
  readonly calendar: WorkingCalendar;
}

/**
 * @internal Compiles `calendar` over [from, to] (epoch days). The caller has checked that it has a working weekday;
 * its shape is checked here, once, instead of once per day.
 */
export function compileDays(calendar: WorkingCalendar, from: number, to: number): DayIndex {
  checkCalendar(calendar);
  const n = to - from + 1;
  const cum = new Int32Array(Math.max(n, 1));
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (worksOn(calendar, from + i)) c++;
    cum[i] = c;
  }
  return { origin: from, cum, calendar };
}

/** @internal Working days in [a, b] (epoch days, inclusive); 0 when b < a. Days outside the index are counted directly. */
export function workingDaysIn(ix: DayIndex, a: number, b: number): number {
  if (b < a) return 0;
  const last = ix.origin + ix.cum.length - 1;
  if (a >= ix.origin && b <= last) {
    const hi = ix.cum[b - ix.origin] as number;
    const lo = a > ix.origin ? (ix.cum[a - 1 - ix.origin] as number) : 0;
    return hi - lo;
  }
  let n = 0;
  for (let d = a; d <= b; d++) if (worksOn(ix.calendar, d)) n++;
  return n;
}

/** @internal The date of the `n`-th working day counting from `start` (n ≥ 1; `start` counts when it works). */
export function nthWorkingDay(ix: DayIndex, start: number, n: number): string {
  const want = Math.max(1, n);
  const cum = ix.cum;
  const s = start - ix.origin;
  if (s >= 1 && s < cum.length) {
    const target = (cum[s - 1] as number) + want;
    // Inside the compiled range: the first day whose cumulative count reaches the target (binary search).
    if ((cum[cum.length - 1] as number) >= target) return fromEpochDay(ix.origin + lowerBound(cum, target));
  }
  // Beyond it (a forecast past the compiled span, at most HORIZON working days out): walk the calendar.
  let d = start - 1;
  for (let left = want; left > 0; ) if (worksOn(ix.calendar, ++d)) left--;
  return fromEpochDay(d);
}
