import { dateParts, daysInMonth, fromEpochDay, isIsoDate, isoWeekday, toEpochDay, type IsoDate } from "../../core/index.js";
import type { MspdiElement } from "./element.js";

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

/** Whether `date` is the `position`-th (0-based; 4 = last) `weekday` (ISO) of its month. */
function isRelativeDay(date: IsoDate, isoDay: number, position: number): boolean {
  if (isoWeekday(date) !== isoDay) return false;
  const { year, month, day } = dateParts(date);
  if (position >= 4) return day + 7 > daysInMonth(year, month);
  return Math.floor((day - 1) / 7) === position;
}

/**
 * Expands one MSPDI calendar exception into its dates. Recurrence types (MSPDI `Type`): 1 daily range, 7 every
 * `Period` days, 6 every `Period` weeks on `DaysOfWeek`, 5 monthly on the `MonthPosition`-th `MonthItem` weekday
 * (3 = Sunday … 9 = Saturday), 4 monthly on `MonthDay`, 3 yearly relative in `Month` (0 = January), 2 yearly on
 * `Month`/`MonthDay`. Dates run from the period's first day to its last (at most about 100 years) and stop after
 * `Occurrences`.
 *
 * @example
 * ```ts
 * expandMspdiException(weeklyMondayException); // ["2001-01-01", "2001-01-08", "2001-01-15"]
 * ```
 */
export function expandMspdiException(ex: MspdiElement): IsoDate[] {
  const period = ex.lists["timePeriod"]?.[0];
  const from = period ? dayOf(text(period, "FromDate")) : undefined;
  const to = period ? dayOf(text(period, "ToDate")) : undefined;
  if (!from || !to || to < from) return [];
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
  const weekStart = start - (isoWeekday(from) % 7); // the Sunday on or before `from` (MS Project weeks start Sunday)
  const out: IsoDate[] = [];
  for (let e = start, end = Math.min(toEpochDay(to), start + MAX_SPAN_DAYS); e <= end && out.length < max; e++) {
    const d = fromEpochDay(e);
    const { year, month, day } = dateParts(d);
    const monthsSince = (year - first.year) * 12 + (month - first.month);
    let hit: boolean;
    switch (type) {
      case 7: hit = (e - start) % every === 0; break;
      case 6: hit = Math.floor((e - weekStart) / 7) % every === 0 && (mask & bitOfIso(isoWeekday(d))) !== 0; break;
      case 5: hit = monthsSince % every === 0 && isRelativeDay(d, item === 3 ? 7 : item - 3, position); break;
      case 4: hit = monthsSince % every === 0 && day === monthDay; break;
      case 3: hit = month === monthOfYear && isRelativeDay(d, item === 3 ? 7 : item - 3, position); break;
      case 2: hit = month === monthOfYear && day === monthDay; break;
      default: hit = true;
    }
    if (hit) out.push(d);
  }
  return out;
}

/**
 * Resolves an MSPDI calendar (following `BaseCalendarUID` for inherited weekdays and exceptions) into working
 * weekdays, non-working exception days and working exception days. It uses the 2007+ `<Exceptions>` when present
 * and the legacy `WeekDay DayType=0` periods otherwise — never both (MS Project writes both, expanded).
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
  const weekDays = cal.lists["weekDays"] ?? [];
  for (const wd of weekDays) {
    const t = int(wd, "DayType");
    if (t === undefined || t < 1 || t > 7) continue;
    if (text(wd, "DayWorking") === "1") working.add(isoOfDayType(t));
    else working.delete(isoOfDayType(t));
  }
  const holidays = new Map<string, string>((base?.holidays ?? []).map((h) => [h.date, h.name]));
  const workDays = new Map<string, string>((base?.workingExceptions ?? []).map((h) => [h.date, h.name]));
  const put = (dates: readonly IsoDate[], dayWorking: boolean, name: string) => {
    for (const d of dates) {
      (dayWorking ? workDays : holidays).set(d, name);
      (dayWorking ? holidays : workDays).delete(d);
    }
  };
  const exceptions = cal.lists["exceptions"] ?? [];
  if (exceptions.length > 0) {
    for (const ex of exceptions) put(expandMspdiException(ex), text(ex, "DayWorking") === "1", text(ex, "Name") || "exception");
  } else {
    for (const wd of weekDays) {
      if (int(wd, "DayType") !== 0) continue;
      const p = wd.lists["timePeriod"]?.[0];
      const from = p ? dayOf(text(p, "FromDate")) : undefined;
      const to = p ? dayOf(text(p, "ToDate")) : undefined;
      if (!from || !to) continue;
      const dates: IsoDate[] = [];
      for (let e = toEpochDay(from), end = Math.min(toEpochDay(to), e + MAX_SPAN_DAYS); e <= end; e++) dates.push(fromEpochDay(e));
      put(dates, text(wd, "DayWorking") === "1", "exception");
    }
  }
  const sorted = (m: Map<string, string>) =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, name]) => ({ date: date as IsoDate, name }));
  return {
    name: text(cal, "Name") || `calendar ${uid}`,
    workingWeekdays: [...working].sort((a, b) => a - b),
    holidays: sorted(holidays),
    workingExceptions: sorted(workDays),
  };
}
