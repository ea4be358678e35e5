import { ValidationError } from "../../core/index.js";

/** Where a tracker item stands: the three status categories every tool has under its own state names. */
export type TrackerStatusCategory = "to-do" | "in-progress" | "done";

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

/**
 * The calendar day of a tracker date: ISO (`2026-11-12T10:21:00.000+0000` → the date as written, in the site's
 * zone), Jira's CSV default (`12/Nov/26 10:21 AM`), `11/12/2026 10:21 AM` (month first) or `12.11.2026` / `12/11/2026`
 * (day first). `undefined` for an empty cell.
 *
 * @throws {ValidationError} when the text is not a date in that format.
 * @example
 * ```ts
 * trackerDate("12/Nov/26 10:21 AM", "jira"); // "2026-11-12"
 * ```
 */
export function trackerDate(text: string | undefined | null, format: TrackerDateFormat): string | undefined {
  const t = (text ?? "").trim();
  if (t === "") return undefined;
  let y: number | undefined;
  let m: number | undefined;
  let d: number | undefined;
  let hit: RegExpExecArray | null;
  if (format === "iso" && (hit = /^(\d{4})-(\d{2})-(\d{2})/.exec(t))) [y, m, d] = [Number(hit[1]), Number(hit[2]), Number(hit[3])];
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
  return iso;
}

/** A number of points as exact decimal text, or undefined when empty. @internal */
export function pointsText(v: unknown): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  const s = typeof v === "number" ? String(v) : String(v).trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(s)) throw ValidationError.single([], `"${String(v)}" is not a number of points`, "tracker export");
  return s;
}
