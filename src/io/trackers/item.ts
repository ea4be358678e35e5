import { ValidationError } from "../../core/index.js";
import { isTimeZone, offsetAt } from "../../kpi/time-zone.js";

/**
 * Where a tracker item stands: the three status categories every tool has under its own state names, and
 * `excluded` for an item taken out of scope (Azure DevOps' Removed state, a Jira issue resolved as Won't Do, a GitHub
 * issue closed as not planned): neither work to do nor work done.
 */
export type TrackerStatusCategory = "to-do" | "in-progress" | "done" | "excluded";

/** One work item of a tracker export, in the same shape whatever the tool. */
export interface TrackerItem {
  /** The tool's key (`CRM-12`, `4711`, a GitHub item id). */
  readonly key: string;
  /** Title. */
  readonly title: string;
  /** `package` for epics/features (they become work packages), `unit` for stories, tasks, bugs. */
  readonly level: "package" | "unit";
  /** The parent's key (a unit's epic or feature). */
  readonly parentKey?: string;
  /** Status category. */
  readonly status: TrackerStatusCategory;
  /** The state as written, when it is in none of the profile's lists (so counted as to do); see `toDoStates`. */
  readonly unlistedState?: string;
  /** Why an `excluded` item is out of scope, as written: `state "Removed"`, `resolution "Won't Do"`. */
  readonly excludedBy?: string;
  /** Story points or estimate, as exact decimal text. */
  readonly points?: string;
  /** The sprint / iteration the item is in (the latest, when several). */
  readonly sprint?: string;
  /** The day it was resolved or closed (`YYYY-MM-DD`). */
  readonly resolved?: string;
}

/** A sprint or iteration named by the export, with its dates when the export has them. */
export interface TrackerSprint {
  /** Name or path (`CRM Sprint 7`, `CRM\\Release 1\\Sprint 7`). */
  readonly name: string;
  /** First day, when known. */
  readonly start?: string;
  /** Last day, when known. */
  readonly finish?: string;
}

/** How dates are written in a text export. */
export type TrackerDateFormat = "iso" | "jira" | "month-day-year" | "day-month-year";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const pad = (n: number) => String(n).padStart(2, "0");

// An ISO date, or date and time (`T` or a space between), optionally with an offset: `Z`, `±hh:mm`, `±hhmm` or
// `±hh` (ISO 8601 allows hours only). The whole text must match: nothing after the date is ignored.
const ISO_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|([+-])(\d{2})(?::?(\d{2}))?)?)?$/i;

/**
 * The parts of an ISO tracker date, or `undefined` when the text is no such date: a time past 23:59:60 or an offset
 * past ±18:00 (the widest any platform writes) is no date either.
 */
function isoParts(t: string): RegExpExecArray | undefined {
  const m = ISO_TEXT.exec(t);
  if (!m) return undefined;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 60)) return undefined;
  if (m[10] !== undefined && (Number(m[10]) * 60 + Number(m[11] ?? 0) > 18 * 60 || Number(m[11] ?? 0) > 59)) return undefined;
  return m;
}

/** The day in `timeZone` of an ISO instant with an offset; `undefined` when the text has no time or no offset. */
function dayInZone(m: RegExpExecArray, timeZone: string): string | undefined {
  if (m[8] === undefined) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const offset = m[8].toUpperCase() === "Z" ? 0 : (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0)) * 60_000;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) + Number(`0.${m[7] ?? "0"}`) * 1000 - offset;
  return new Date(ms + offsetAt(timeZone, ms)).toISOString().slice(0, 10);
}

/**
 * The calendar day of a tracker date: ISO (`2026-11-12T10:21:00.000+0000` → the date as written, in the site's
 * zone), Jira's CSV default (`12/Nov/26 10:21 AM`), `11/12/2026 10:21 AM` (month first) or `12.11.2026` / `12/11/2026`
 * (day first). `undefined` for an empty cell. An ISO text is a date, or a date and time with an optional offset
 * (`Z`, `±hh:mm`, `±hhmm`, `±hh`), as a whole: `2026-11-20junk` or an offset `+5` is refused, not read from its start.
 * With `timeZone` (an IANA name), an ISO instant with an offset (`…Z`, `…+0100`, `…+05`) is the day it falls on in that zone: Azure DevOps' REST dates and Jira's sprint dates are UTC, so
 * `2026-11-03T01:30:00Z` is 2 November for a team in New York. A date without a time or an offset, and every text
 * format, is the day written.
 *
 * @throws {ValidationError} when the text is not a date in that format, or `timeZone` is not a zone `Intl` knows.
 * @example
 * ```ts
 * trackerDate("12/Nov/26 10:21 AM", "jira"); // "2026-11-12"
 * trackerDate("2026-11-03T01:30:00Z", "iso", "America/New_York"); // "2026-11-02"
 * ```
 */
export function trackerDate(text: string | undefined | null, format: TrackerDateFormat, timeZone?: string): string | undefined {
  if (timeZone !== undefined && !isTimeZone(timeZone)) throw ValidationError.single(["timeZone"], `"${String(timeZone)}" is not an IANA time zone`, "tracker export");
  const t = (text ?? "").trim();
  if (t === "") return undefined;
  let y: number | undefined;
  let m: number | undefined;
  let d: number | undefined;
  let hit: RegExpExecArray | null | undefined;
  const isoHit = format === "iso" ? isoParts(t) : undefined;
  if (isoHit !== undefined) [y, m, d] = [Number(isoHit[1]), Number(isoHit[2]), Number(isoHit[3])];
  else if (format === "jira" && (hit = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})\b/.exec(t))) {
    const mi = MONTHS.indexOf(hit[2]!.toLowerCase());
    if (mi >= 0) [y, m, d] = [hit[3]!.length === 2 ? 2000 + Number(hit[3]) : Number(hit[3]), mi + 1, Number(hit[1])];
  } else if ((hit = /^(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(t)) && format !== "iso" && format !== "jira") {
    [y, m, d] = format === "month-day-year" ? [Number(hit[3]), Number(hit[1]), Number(hit[2])] : [Number(hit[3]), Number(hit[2]), Number(hit[1])];
  }
  const iso = y === undefined ? "" : `${y}-${pad(m!)}-${pad(d!)}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (y === undefined || Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) {
    throw ValidationError.single([], `"${t}" is not a ${format} date`, "tracker export");
  }
  return (isoHit !== undefined && timeZone !== undefined ? dayInZone(isoHit, timeZone) : undefined) ?? iso;
}

/**
 * A number of story points (or an estimate) as exact decimal text, or `undefined` for an empty cell. Accepted: a JSON
 * number, or text of digits with at most one decimal separator — a point (`1.5`, `1000`) or a comma (`1,5`, the
 * decimal comma of a German or French export). Refused, never guessed: a separator followed by exactly three digits
 * after 1–3 leading digits (`1,000` is a thousand in an English export and one in a German one; `2.500` likewise),
 * thousands separators (`1,000,000`, `1.000,5`, `1 000`, `1'000`), signs, exponents and anything else.
 *
 * @throws {ValidationError} when the value is not such a number.
 * @example
 * ```ts
 * pointsText("1,5"); // "1.5"
 * pointsText(8);     // "8"
 * pointsText("1,000"); // throws: "1,000" is ambiguous: 1000 with a thousands separator or 1 with a decimal comma; …
 * ```
 * @internal
 */
export function pointsText(v: unknown): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  const written = typeof v === "number" ? String(v) : String(v).trim();
  if (typeof v === "string" && /^[1-9]\d{0,2}[.,]\d{3}$/.test(written)) {
    const [whole, part] = written.split(/[.,]/) as [string, string];
    const decimal = `${whole}.${part}`.replace(/\.?0+$/, "");
    throw ValidationError.single([], `"${written}" is ambiguous: ${whole}${part} with a thousands separator or ${decimal} with a decimal ${written.includes(",") ? "comma" : "point"}; write ${whole}${part} (no thousands separator) or ${decimal}`, "tracker export");
  }
  const s = /^\d+,\d+$/.test(written) ? written.replace(",", ".") : written;
  if (!/^\d+(\.\d+)?$/.test(s)) throw ValidationError.single([], `"${String(v)}" is not a number of points (digits with at most one decimal point or comma, no thousands separator)`, "tracker export");
  return s;
}
