import { describeValue } from "../describe.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { isIsoDate, toEpochDay, type IsoDate } from "../dates/iso-date.js";

/** ISO weekday number: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A period when changes are frozen (year-end close, peak season). Both ends inclusive. */
export interface BlackoutWindow {
  /** First day of the window. */
  readonly start: IsoDate;
  /** Last day of the window (inclusive). */
  readonly end: IsoDate;
  /** Why, in plain words ("year-end close"). */
  readonly reason: string;
}

/** A holiday: a non-working day on an otherwise working weekday. */
export interface Holiday {
  /** The day. */
  readonly date: IsoDate;
  /** Its name ("Christmas Day"). */
  readonly name: string;
}

/** What {@link createWorkingCalendar} takes: plain data, as stored in entities. */
export interface WorkingCalendarSpec {
  /** Calendar name ("DE-BY office"). */
  readonly name?: string | undefined;
  /** Working weekdays (1 = Monday … 7 = Sunday; validated). Default Monday–Friday. At least one is required. */
  readonly workingWeekdays?: readonly number[] | undefined;
  /** Non-working days, as dates or named holidays. */
  readonly holidays?: readonly (IsoDate | string | Holiday | { readonly date: string; readonly name: string })[] | undefined;
  /** Change-freeze windows. They are working days; functions skip them only when asked (`skipBlackouts`). */
  readonly blackouts?:
    | readonly (BlackoutWindow | { readonly start: string; readonly end: string; readonly reason: string })[]
    | undefined;
}

/**
 * A compiled working calendar: immutable, with holidays and blackouts indexed for fast look-ups. Build one with
 * {@link createWorkingCalendar}; pass it to {@link isWorkingDay}, {@link addWorkingDays} and friends.
 */
export interface WorkingCalendar {
  /** Calendar name. */
  readonly name: string;
  /** Working weekdays, ascending. */
  readonly workingWeekdays: readonly Weekday[];
  /** Holidays, ascending by date. */
  readonly holidays: readonly Holiday[];
  /** Blackout windows, ascending by start. */
  readonly blackouts: readonly BlackoutWindow[];
  /** @internal `weekdayMask[w]` is true when ISO weekday `w` works. */
  readonly weekdayMask: readonly boolean[];
  /** @internal Epoch days of holidays that fall on working weekdays, ascending, unique. */
  readonly holidayDays: Int32Array;
  /** @internal Blackout windows as epoch-day pairs, merged and ascending. */
  readonly blackoutRanges: readonly (readonly [number, number])[];
}

/**
 * Validates a calendar spec and compiles it.
 *
 * @throws {ValidationError} listing every bad weekday, date or window (a window ending before it starts, a
 *   calendar with no working weekday).
 * @example
 * ```ts
 * const office = createWorkingCalendar({
 *   name: "Head office",
 *   holidays: [{ date: "2026-12-25", name: "Christmas Day" }, "2026-12-26"],
 *   blackouts: [{ start: "2026-12-21", end: "2027-01-04", reason: "year-end freeze" }],
 * });
 * ```
 */
export function createWorkingCalendar(spec: WorkingCalendarSpec = {}): WorkingCalendar {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw ValidationError.single([], "expected a calendar spec object (or nothing, for Monday–Friday)", "working calendar");
  }
  const issues: ValidationIssue[] = [];
  for (const key of ["workingWeekdays", "holidays", "blackouts"] as const) {
    if (spec[key] !== undefined && !Array.isArray(spec[key])) issues.push({ path: [key], message: "expected an array", code: "custom" });
  }
  if (spec.name !== undefined && typeof spec.name !== "string") issues.push({ path: ["name"], message: "expected a string", code: "custom" });
  if (issues.length > 0) throw new ValidationError(issues, "working calendar");
  const weekdays = spec.workingWeekdays ?? [1, 2, 3, 4, 5];
  const mask = [false, false, false, false, false, false, false, false];
  weekdays.forEach((w, i) => {
    if (!Number.isInteger(w) || w < 1 || w > 7) {
      issues.push({ path: ["workingWeekdays", i], message: `${String(w)} is not an ISO weekday 1–7`, code: "custom" });
    } else mask[w] = true; // w is a validated ISO weekday from here on
  });
  if (!mask.some(Boolean)) {
    issues.push({ path: ["workingWeekdays"], message: "a calendar needs at least one working weekday", code: "custom" });
  }
  const holidays: Holiday[] = [];
  (spec.holidays ?? []).forEach((h, i) => {
    const date: unknown = typeof h === "string" ? h : typeof h === "object" && h !== null ? h.date : undefined;
    const name = typeof h === "object" && h !== null && typeof h.name === "string" ? h.name : "holiday";
    if (!isIsoDate(date)) issues.push({ path: ["holidays", i], message: `${describeValue(date)} is not a date`, code: "custom" });
    else holidays.push({ date, name });
  });
  const blackouts: BlackoutWindow[] = [];
  (spec.blackouts ?? []).forEach((b, i) => {
    if (typeof b !== "object" || b === null) issues.push({ path: ["blackouts", i], message: "expected { start, end, reason }", code: "custom" });
    else if (!isIsoDate(b.start)) issues.push({ path: ["blackouts", i, "start"], message: "not a date", code: "custom" });
    else if (!isIsoDate(b.end)) issues.push({ path: ["blackouts", i, "end"], message: "not a date", code: "custom" });
    else if (b.end < b.start) {
      issues.push({ path: ["blackouts", i, "end"], message: `window ends (${b.end}) before it starts (${b.start})`, code: "custom" });
    } else blackouts.push({ start: b.start, end: b.end, reason: b.reason });
  });
  if (issues.length > 0) throw new ValidationError(issues, "working calendar");

  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  blackouts.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const days = [...new Set(holidays.map((h) => toEpochDay(h.date)))]
    .filter((d) => mask[(((d + 3) % 7) + 7) % 7 + 1])
    .sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const b of blackouts) {
    const s = toEpochDay(b.start);
    const e = toEpochDay(b.end);
    const last = ranges[ranges.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else ranges.push([s, e]);
  }
  return Object.freeze({
    name: spec.name ?? "default",
    workingWeekdays: Object.freeze(([1, 2, 3, 4, 5, 6, 7] as Weekday[]).filter((w) => mask[w])),
    holidays: Object.freeze(holidays),
    blackouts: Object.freeze(blackouts),
    weekdayMask: Object.freeze(mask),
    holidayDays: Int32Array.from(days),
    blackoutRanges: Object.freeze(ranges),
  });
}

/**
 * The standard Monday–Friday calendar with no holidays.
 *
 * @example
 * ```ts
 * addWorkingDays(STANDARD_CALENDAR, isoDate("2026-11-27"), 1); // "2026-11-30" (Friday → Monday)
 * ```
 */
export const STANDARD_CALENDAR: WorkingCalendar = Object.freeze({
  // Written out rather than built by createWorkingCalendar, so that a calculator defaulting to it does not carry the
  // calendar validator into a bundle; a test checks it equals createWorkingCalendar({ name: "Monday–Friday" }).
  name: "Monday–Friday",
  workingWeekdays: Object.freeze([1, 2, 3, 4, 5] as Weekday[]),
  holidays: Object.freeze([]),
  blackouts: Object.freeze([]),
  weekdayMask: Object.freeze([false, true, true, true, true, true, false, false]),
  holidayDays: new Int32Array(0),
  blackoutRanges: Object.freeze([]),
});
