// ISO 8601 date cells (`t="d"`, ECMA-376 §18.18.11) read as a date-formatted serial is: the day, or the time of day.
import { isIsoDate } from "../../core/index.js";

// An ISO 8601 date cell (`t="d"`, ECMA-376 §18.18.11): a calendar date, optionally a time (fraction of a second, an
// offset or Z). The day is the one written: a workbook has no time zone, so an offset does not move it.
const ISO_CELL = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$/i;

/**
 * The calendar day of an ISO 8601 date cell, read like a date-formatted serial: a date-time gives its day, the time
 * rounded to the millisecond first (23:59:59.9999 is the next midnight, as Excel keeps times to the millisecond). A
 * value that is no real day (2026-02-30, a bare time 12:00:00, any other text) stays the text it is, so a date field
 * refuses it with its cell.
 */
export function isoCellDay(raw: string): string {
  const m = ISO_CELL.exec(raw);
  if (m === null) return isoCellTime(raw);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = new Date(Date.UTC(2000, mo - 1, d));
  start.setUTCFullYear(y); // years 0–99 stay themselves (Date.UTC maps them to 19xx)
  if (start.getUTCFullYear() !== y || start.getUTCMonth() !== mo - 1 || start.getUTCDate() !== d) return raw;
  const [h, mi, se] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (h > 24 || mi > 59 || se > 60 || (h === 24 && (mi > 0 || se > 0 || Number(m[7] ?? 0) > 0))) return raw;
  const ms = Math.round(Number(`0.${m[7] ?? "0"}`) * 1000);
  const at = new Date(start.getTime() + ((h * 60 + mi) * 60 + se) * 1000 + ms);
  return `${String(at.getUTCFullYear()).padStart(4, "0")}-${String(at.getUTCMonth() + 1).padStart(2, "0")}-${String(at.getUTCDate()).padStart(2, "0")}`;
}

// An ISO 8601 time of day without a date (`T09:30:00`, `09:30`, a fraction, an offset), as a `t="d"` cell may hold.
const ISO_TIME_CELL = /^\s*T?(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$/i;

/**
 * The time of day of an ISO 8601 time-only cell as `HH:MM:SS` (`.sss` when it has milliseconds), the way a date
 * cell is its `YYYY-MM-DD`: rounded to the millisecond as Excel keeps times, an offset dropped as a date cell's is.
 * A value that is no time of day (`25:00`, `09:60`) stays the text it is.
 */
function isoCellTime(raw: string): string {
  const m = ISO_TIME_CELL.exec(raw);
  if (m === null) return raw;
  const [h, mi, se] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 24 || mi > 59 || se > 59 || (h === 24 && (mi > 0 || se > 0 || Number(m[4] ?? 0) > 0))) return raw;
  const ms = ((h * 60 + mi) * 60 + se) * 1000 + Math.round(Number(`0.${m[4] ?? "0"}`) * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const [hh, mm, ss, frac] = [Math.floor(ms / 3_600_000), Math.floor(ms / 60_000) % 60, Math.floor(ms / 1000) % 60, ms % 1000];
  return `${pad(hh)}:${pad(mm)}:${pad(ss)}${frac === 0 ? "" : `.${pad(frac, 3)}`}`;
}

/**
 * An ISO 8601 date cell shown with a time-of-day format (`h:mm`), as the same serial would read: the time of day of a
 * date-time, rounded to the millisecond (`2026-10-01T18:00:00` → `18:00:00`, `23:59:59.9999` → `00:00:00`), a date
 * alone midnight, a time-only cell its time. Anything else stays the text it is. @internal
 */
export function isoCellTimeOfDay(raw: string): string {
  const m = ISO_CELL.exec(raw);
  if (m === null) return isoCellTime(raw);
  if (isoCellDay(raw) === raw && !isIsoDate(raw)) return raw; // no real day or time: kept as written
  const ms = Math.round(((Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) * 60 + Number(m[6] ?? 0) + Number(`0.${m[7] ?? "0"}`)) * 1000) % 86_400_000;
  return isoCellTime(`${String(Math.floor(ms / 3_600_000)).padStart(2, "0")}:${String(Math.floor(ms / 60_000) % 60).padStart(2, "0")}:${String(Math.floor(ms / 1000) % 60).padStart(2, "0")}.${String(ms % 1000).padStart(3, "0")}`);
}
