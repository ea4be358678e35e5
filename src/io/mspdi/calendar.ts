import { checkArguments, dateParts, daysInMonth, fromEpochDay, isIsoDate, isoWeekday, toEpochDay, type IsoDate } from "../../core/index.js";
import type { MspdiElement } from "./element.js";
import type { ReportBuilder } from "../report.js";

/** A calendar read from MSPDI, in the shape of pmokit's working-calendar spec, plus what the spec cannot hold. */
export interface MspdiCalendar {
  /** Calendar name. */
  readonly name: string;
  /** Working ISO weekdays (1 = Monday … 7 = Sunday). */
  readonly workingWeekdays: readonly number[];
  /** Non-working exception days, ascending, named after their exception. */
  readonly holidays: readonly { readonly date: IsoDate; readonly name: string }[];
  /** Exception days that are *working* days (pmokit calendars cannot add working days): reported, not mapped. */
  readonly workingExceptions: readonly { readonly date: IsoDate; readonly name: string }[];
  /**
   * Exceptions pmokit could not expand (see `mspdiExceptionProblem`), by name and why, and whether MS Project's own
   * expansion (the legacy `WeekDay DayType=0` periods it writes beside them) stands in for the calendar's exceptions.
   * Reported by the import (`unexpanded-exception`): their days are never dropped silently.
   */
  readonly unexpanded: readonly { readonly name: string; readonly problem: string; readonly legacy: boolean }[];
  /**
   * When each ISO weekday's work begins (`dayStarts[0]` Monday … `[6]` Sunday): the earliest `FromTime` of its
   * `WorkingTimes` (`"08:00:00"` when a working day lists none, as MS Project's Standard calendar), `""` for a day off.
   */
  readonly dayStarts: readonly string[];
  /**
   * When work begins on a working exception day that lists its own `WorkingTimes` (a shortened day from 10:00, a
   * working Saturday from 09:00): the earliest `FromTime`, by date.
   */
  readonly exceptionStarts?: ReadonlyMap<IsoDate, string>;
}

const text = (el: MspdiElement, f: string): string | undefined => {
  const v = el.fields[f];
  return typeof v === "string" ? v : undefined;
};
const int = (el: MspdiElement, f: string): number | undefined => {
  const t = text(el, f);
  return t !== undefined && /^-?\d+$/.test(t) ? Number(t) : undefined;
};
const dayOf = (dateTime: string | undefined): IsoDate | undefined => {
  const d = dateTime?.slice(0, 10);
  return d !== undefined && isIsoDate(d) ? d : undefined;
};

/** Longest exception span expanded (about 100 years): a hostile file cannot make the importer walk millennia. */
const MAX_SPAN_DAYS = 36_600;

/** MSPDI DayType 1 = Sunday … 7 = Saturday → ISO weekday 1 = Monday … 7 = Sunday. */
const isoOfDayType = (t: number): number => (t === 1 ? 7 : t - 1);
/** ISO weekday → bit of MSPDI `DaysOfWeek` (1 = Sunday, 2 = Monday, … 64 = Saturday). */
const bitOfIso = (w: number): number => 1 << (w % 7);

/** Whether ISO weekday `w` is a `MonthItem` day: 0 any day, 1 a weekday (Monday–Friday), 2 a weekend day, 3–9 Sunday–Saturday. */
const isItemDay = (item: number, w: number): boolean => (item === 0 ? true : item === 1 ? w <= 5 : item === 2 ? w >= 6 : w === (item === 3 ? 7 : item - 3));

/** Whether `date` is the `position`-th (0-based; 4 = last) `MonthItem` day of its month (see {@link isItemDay}). */
function isRelativeDay(date: IsoDate, item: number, position: number): boolean {
  if (!isItemDay(item, isoWeekday(date))) return false;
  const { year, month, day } = dateParts(date);
  const e = toEpochDay(date);
  let before = 0; // item days of the month before `date` (or after it, for the last)
  if (position >= 4) for (let d = day + 1; d <= daysInMonth(year, month); d++) before += isItemDay(item, isoWeekday(fromEpochDay(e + d - day))) ? 1 : 0;
  else for (let d = 1; d < day; d++) before += isItemDay(item, isoWeekday(fromEpochDay(e - day + d))) ? 1 : 0;
  return before === (position >= 4 ? 0 : position);
}

const inRange = (v: number | undefined, lo: number, hi: number): boolean => v !== undefined && v >= lo && v <= hi;

/**
 * Why pmokit cannot expand an MSPDI calendar exception, in words, or `undefined` when {@link expandMspdiException}
 * expands it: a `Type` outside 1–7 (8, the schema's "by weekday count", has no documented pattern — MPXJ reads no
 * recurrence for it either — and 9, "no exception type", names none), a period without valid dates, or a recurrence field outside its MSPDI codes (`MonthItem` 0–9, `MonthPosition` 0–4,
 * `Month` 0–11, `MonthDay` 1–31, `DaysOfWeek` 1–127).
 *
 * @example
 * ```ts
 * mspdiExceptionProblem(noTypeException); // "recurrence Type 9 (no exception type) gives no recurrence pattern to expand"
 * ```
 */
export function mspdiExceptionProblem(ex: MspdiElement): string | undefined {
  checkArguments("mspdiExceptionProblem", { ex: [ex, "object"] });
  checkArguments("mspdiExceptionProblem", { fields: [ex.fields, "object"], lists: [ex.lists, "object"] });
  const period = ex.lists["timePeriod"]?.[0];
  const from = period ? dayOf(text(period, "FromDate")) : undefined;
  const to = period ? dayOf(text(period, "ToDate")) : undefined;
  if (!from || !to || to < from) return "its TimePeriod has no valid FromDate–ToDate";
  const type = text(ex, "Type") === undefined ? 1 : int(ex, "Type");
  if (type === 9) return "recurrence Type 9 (no exception type) gives no recurrence pattern to expand";
  if (type === 8) return "recurrence Type 8 (by weekday count) has no documented pattern to expand";
  if (!inRange(type, 1, 7)) return `recurrence Type ${text(ex, "Type")} is not one pmokit expands (1–7)`;
  const bad = (f: string) => `${f} ${JSON.stringify(text(ex, f) ?? "")} is outside its MSPDI codes`;
  if ((type === 3 || type === 5) && !inRange(int(ex, "MonthItem"), 0, 9)) return bad("MonthItem");
  if ((type === 3 || type === 5) && !inRange(int(ex, "MonthPosition"), 0, 4)) return bad("MonthPosition");
  if ((type === 2 || type === 3) && !inRange(int(ex, "Month"), 0, 11)) return bad("Month");
  if ((type === 2 || type === 4) && !inRange(int(ex, "MonthDay"), 1, 31)) return bad("MonthDay");
  if (type === 6 && !inRange(int(ex, "DaysOfWeek"), 1, 127)) return bad("DaysOfWeek");
  return undefined;
}

/**
 * Expands one MSPDI calendar exception into its dates. Recurrence types (MSPDI `Type`): 1 daily and 7 "by day
 * count", every `Period` days (default 1: each day of the period), 6 every `Period` weeks (counted from the Sunday
 * that begins the period's first week) on `DaysOfWeek`, 5 every `Period` months on the
 * `MonthPosition`-th (0 = first … 3 = fourth, 4 = last) `MonthItem` day — 0 any day, 1 a weekday (Monday–Friday), 2 a weekend day (Saturday, Sunday), 3 Sunday …
 * 9 Saturday —, 4 every `Period` months on `MonthDay` (counted from the first month whose `MonthDay` is on or after the period's start), 3 yearly relative in `Month` (0 = January), 2 yearly on
 * `Month`/`MonthDay`; a `MonthDay` past a shorter month's end falls on its last day (31 → 30 April, February 30 →
 * 28 or 29), as MS Project and Outlook do and MPXJ's `RecurringData` expands it. Each matches MS Project 2016's own expansion of the same rules (its legacy `DayType=0` days).
 * Dates run from the period's first day to its last (at most about 100 years) and stop after `Occurrences`. An
 * exception {@link mspdiExceptionProblem} names a problem of expands to no dates (the import then reports it).
 *
 * @example
 * ```ts
 * expandMspdiException(weeklyMondayException); // ["2001-01-01", "2001-01-08", "2001-01-15"]
 * ```
 */
export function expandMspdiException(ex: MspdiElement): IsoDate[] {
  if (mspdiExceptionProblem(ex) !== undefined) return [];
  const period = ex.lists["timePeriod"]![0]!;
  const from = dayOf(text(period, "FromDate"))!;
  const to = dayOf(text(period, "ToDate"))!;
  const type = int(ex, "Type") ?? 1;
  const every = Math.max(1, int(ex, "Period") ?? 1);
  const max = int(ex, "Occurrences") ?? Number.MAX_SAFE_INTEGER;
  const mask = int(ex, "DaysOfWeek") ?? 0;
  const item = int(ex, "MonthItem") ?? 0;
  const position = int(ex, "MonthPosition") ?? 0;
  const monthOfYear = (int(ex, "Month") ?? 0) + 1;
  const monthDay = int(ex, "MonthDay") ?? 1;
  const start = toEpochDay(from);
  const first = dateParts(from);
  // Type 4: a MonthDay before the start's day begins the count in the next month (MPXJ getMonthlyAbsoluteDates).
  const skip = monthDay < first.day ? 1 : 0;
  const weekStart = start - (isoWeekday(from) % 7); // the Sunday on or before `from` (MS Project weeks start Sunday)
  const out: IsoDate[] = [];
  for (let e = start, end = Math.min(toEpochDay(to), start + MAX_SPAN_DAYS); e <= end && out.length < max; e++) {
    const d = fromEpochDay(e);
    const { year, month, day } = dateParts(d);
    const monthsSince = (year - first.year) * 12 + (month - first.month);
    // A MonthDay past a shorter month's end is its last day (day 31 → 30 April, 30 February → 28/29), as MS Project and
    // Outlook do; MPXJ's RecurringData.getMonthlyAbsoluteDates/getYearlyAbsoluteDates clamp to lengthOfMonth() alike.
    const onDay = day === Math.min(monthDay, daysInMonth(year, month));
    let hit: boolean;
    switch (type) {
      case 6: hit = Math.floor((e - weekStart) / 7) % every === 0 && (mask & bitOfIso(isoWeekday(d))) !== 0; break;
      case 5: hit = monthsSince % every === 0 && isRelativeDay(d, item, position); break;
      case 4: hit = (monthsSince - skip) % every === 0 && onDay; break;
      case 3: hit = month === monthOfYear && isRelativeDay(d, item, position); break;
      case 2: hit = month === monthOfYear && onDay; break;
      default: hit = (e - start) % every === 0; // 1 and 7
    }
    if (hit) out.push(d);
  }
  return out;
}

/**
 * Resolves an MSPDI calendar (following `BaseCalendarUID` for inherited weekdays and exceptions) into working
 * weekdays, non-working exception days and working exception days. It uses the 2007+ `<Exceptions>` when present
 * and the legacy `WeekDay DayType=0` periods otherwise — never both (MS Project writes both, expanded). When an
 * exception cannot be expanded (`unexpanded`), the legacy periods stand for all of them if the file has any.
 *
 * @example
 * ```ts
 * const cal = resolveMspdiCalendar(document.project.lists.calendars, "1");
 * createWorkingCalendar({ name: cal.name, workingWeekdays: cal.workingWeekdays, holidays: cal.holidays });
 * ```
 */
export function resolveMspdiCalendar(calendars: readonly MspdiElement[], uid: string, seen: ReadonlySet<string> = new Set()): MspdiCalendar | undefined {
  const cal = calendars.find((c) => text(c, "UID") === uid);
  if (!cal || seen.has(uid)) return undefined;
  const baseUid = text(cal, "BaseCalendarUID");
  const base = baseUid && baseUid !== "-1" ? resolveMspdiCalendar(calendars, baseUid, new Set([...seen, uid])) : undefined;
  const working = new Set<number>(base?.workingWeekdays ?? (base ? [] : [1, 2, 3, 4, 5]));
  const starts = [...(base?.dayStarts ?? ["08:00:00", "08:00:00", "08:00:00", "08:00:00", "08:00:00", "", ""])];
  const weekDays = cal.lists["weekDays"] ?? [];
  for (const wd of weekDays) {
    const t = int(wd, "DayType");
    if (t === undefined || t < 1 || t > 7) continue;
    const froms = (wd.lists["workingTimes"] ?? []).map((w) => text(w, "FromTime") ?? "").filter((x) => /^\d\d:\d\d/.test(x)).sort();
    starts[isoOfDayType(t) - 1] = text(wd, "DayWorking") === "1" ? (froms[0] ?? "08:00:00") : "";
    if (text(wd, "DayWorking") === "1") working.add(isoOfDayType(t));
    else working.delete(isoOfDayType(t));
  }
  const holidays = new Map<string, string>((base?.holidays ?? []).map((h) => [h.date, h.name]));
  const workDays = new Map<string, string>((base?.workingExceptions ?? []).map((h) => [h.date, h.name]));
  const dateStarts = new Map<IsoDate, string>(base?.exceptionStarts ?? []);
  const firstFrom = (el: MspdiElement) => (el.lists["workingTimes"] ?? []).map((w) => text(w, "FromTime") ?? "").filter((x) => /^\d\d:\d\d/.test(x)).sort()[0];
  const put = (dates: readonly IsoDate[], dayWorking: boolean, name: string, start?: string) => {
    for (const d of dates) {
      (dayWorking ? workDays : holidays).set(d, name);
      (dayWorking ? holidays : workDays).delete(d);
      if (dayWorking && start !== undefined) dateStarts.set(d, start);
      else dateStarts.delete(d);
    }
  };
  const exceptions = cal.lists["exceptions"] ?? [];
  // An exception pmokit cannot expand: MS Project's own expansion (DayType=0), when written, stands for them all.
  const problems = exceptions.flatMap((ex) => {
    const problem = mspdiExceptionProblem(ex);
    return problem === undefined ? [] : [{ name: text(ex, "Name") || "exception", problem }];
  });
  const legacy = problems.length > 0 && weekDays.some((wd) => int(wd, "DayType") === 0);
  if (exceptions.length > 0 && !legacy) {
    for (const ex of exceptions) put(expandMspdiException(ex), text(ex, "DayWorking") === "1", text(ex, "Name") || "exception", firstFrom(ex));
  } else {
    for (const wd of weekDays) {
      if (int(wd, "DayType") !== 0) continue;
      const p = wd.lists["timePeriod"]?.[0];
      const from = p ? dayOf(text(p, "FromDate")) : undefined;
      const to = p ? dayOf(text(p, "ToDate")) : undefined;
      if (!from || !to) continue;
      const dates: IsoDate[] = [];
      for (let e = toEpochDay(from), end = Math.min(toEpochDay(to), e + MAX_SPAN_DAYS); e <= end; e++) dates.push(fromEpochDay(e));
      put(dates, text(wd, "DayWorking") === "1", "exception", firstFrom(wd));
    }
  }
  const sorted = (m: Map<string, string>) =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, name]) => ({ date: date as IsoDate, name }));
  return {
    name: text(cal, "Name") || `calendar ${uid}`,
    workingWeekdays: [...working].sort((a, b) => a - b),
    dayStarts: starts,
    holidays: sorted(holidays),
    workingExceptions: sorted(workDays),
    ...(dateStarts.size > 0 ? { exceptionStarts: dateStarts } : {}),
    unexpanded: [...(base?.unexpanded ?? []), ...problems.map((p) => ({ ...p, legacy }))],
  };
}

/**
 * Reports each exception of a resolved calendar that pmokit could not expand (`unexpanded-exception`), naming it,
 * why, and what stands for its days.
 * @internal
 * @example
 * ```ts
 * reportUnexpandedExceptions(report, "Project/Calendars/Calendar[UID=1]", cal);
 * ```
 */
export function reportUnexpandedExceptions(report: ReportBuilder, where: string, cal: MspdiCalendar | undefined): void {
  for (const u of cal?.unexpanded ?? []) {
    const instead = u.legacy ? "MS Project's expanded exception days (WeekDay DayType=0) are used for this calendar" : "its days are not in the calendar; add them as holidays";
    report.warn(where, `exception "${u.name}" cannot be expanded: ${u.problem}; ${instead}`, "unexpanded-exception");
  }
}

const hms = (t: string): string => (t.length === 5 ? `${t}:00` : t.slice(0, 8));

/**
 * The day a task's work finishes, from an MSPDI finish instant: its date, except that a finish at midnight, or exactly
 * where the calendar's working day begins (`2026-03-02T08:00:00` on a day whose work starts at 08:00, or the first
 * working time a working exception gives that date), is the end of the work before it — the previous day for
 * midnight, else the previous working day of `cal` (weekdays, holidays and working exceptions: a working Saturday
 * counts; MS Project's Standard hours when no calendar is given). A finish not after `start` (zero length) keeps its
 * date.
 *
 * @example
 * ```ts
 * mspdiFinishDay("2006-08-30T08:00:00", "2006-08-25T08:00:00", projectCalendar); // "2006-08-29"
 * ```
 */
export function mspdiFinishDay(finish: string | undefined, start: string | undefined, cal: MspdiCalendar | undefined): IsoDate | undefined {
  const d = dayOf(finish);
  const time = finish?.slice(11) ?? "";
  if (d === undefined || !/^\d\d:\d\d/.test(time) || (start !== undefined && finish! <= start)) return d;
  const e = toEpochDay(d);
  if (hms(time) === "00:00:00") return fromEpochDay(e - 1);
  const starts = cal?.dayStarts ?? ["08:00:00", "08:00:00", "08:00:00", "08:00:00", "08:00:00", "", ""];
  const own = cal?.exceptionStarts?.get(d); // a working exception day's own first working time
  if (hms(time) !== hms(starts[isoWeekday(d) - 1] ?? "") && (own === undefined || hms(time) !== hms(own))) return d;
  const off = new Set((cal?.holidays ?? []).map((h) => h.date));
  const on = new Set((cal?.workingExceptions ?? []).map((h) => h.date)); // a working Saturday is worked
  const working = new Set(cal?.workingWeekdays ?? [1, 2, 3, 4, 5]);
  for (let back = e - 1; back >= e - 366; back--) {
    const day = fromEpochDay(back);
    if (on.has(day) || (working.has(isoWeekday(day)) && !off.has(day))) return start !== undefined && day < start.slice(0, 10) ? d : day;
  }
  return d;
}
