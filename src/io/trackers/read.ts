import { parse } from "csv-parse/sync";
import { ValidationError, checkArguments, checkOptionKeys, type ValidationIssue } from "../../core/index.js";
import { pointsText, trackerDate, type TrackerItem, type TrackerSprint, type TrackerStatusCategory } from "./item.js";
import type { TrackerField, TrackerProfile } from "./profiles.js";
import { duplicateJsonKeys } from "../json-keys.js";
import { fieldCountMessage, RecordLines, separatorLine } from "../csv/lines.js";
import { pageIssues } from "./pages.js";
import { isTimeZone } from "../../kpi/time-zone.js";
import { csvDelimiter, type CsvDelimiter } from "../csv/neutralise.js";
import { checkTrackerProfile } from "./profile-schema.js";

/** What a tracker export holds once read: its items and the sprints they name. */
export interface TrackerExport {
  /** The tool. */
  readonly tool: TrackerProfile["tool"];
  /** The items, in file order. */
  readonly items: readonly TrackerItem[];
  /** Sprints / iterations named by the items, in order of first appearance. */
  readonly sprints: readonly TrackerSprint[];
}

/** Options of the tracker readers. */
export interface ReadTrackerOptions {
  /** Largest export accepted, in characters (default 64 Mi). */
  readonly maxChars?: number;
  /** Most items (default 100,000). */
  readonly maxItems?: number;
  /**
   * The team's IANA time zone (`Europe/Berlin`): an ISO instant with an offset (Azure DevOps' and Jira's sprint dates
   * are UTC, `…Z`) is read as the day it falls on there. Default: the day as written (UTC for `…Z`).
   */
  readonly timeZone?: string;
  /** Field separator of a CSV export: `","` (default), `";"` or `"\t"` (as `importCsv`'s); JSON exports ignore it. */
  readonly delimiter?: CsvDelimiter;
}
const READ_TRACKER_KEYS = { maxChars: 1, maxItems: 1, timeZone: 1, delimiter: 1 } satisfies Record<keyof ReadTrackerOptions, 1>;

type Lookup = (field: TrackerField | undefined) => unknown;

function statusOf(profile: TrackerProfile, state: unknown, category: unknown, resolution: unknown): { status: TrackerStatusCategory; unlisted?: string; excludedBy?: string } {
  const name = (v: unknown) => (v === undefined || v === null || typeof v === "object" ? "" : String(v).trim());
  const isIn = (list: readonly string[] | undefined, v: string) => v !== "" && list?.some((d) => d.toLowerCase() === v.toLowerCase()) === true;
  // Out of scope first (ADO's Removed, Jira's Won't Do): such an item is neither to do nor done.
  for (const [what, v] of [["state", name(state)], ["status category", name(category)]] as const) {
    if (isIn(profile.excludedStates, v)) return { status: "excluded", excludedBy: `${what} "${v}"` };
  }
  if (isIn(profile.excludedResolutions, name(resolution))) return { status: "excluded", excludedBy: `resolution "${name(resolution)}"` };
  const written = String(category ?? state ?? "").trim();
  const s = written.toLowerCase();
  const has = (list: readonly string[] | undefined) => list?.some((d) => d.toLowerCase() === s) === true;
  if (has(profile.doneStates)) return { status: "done" };
  if (has(profile.inProgressStates)) return { status: "in-progress" };
  // Anything else is to do; with a to-do list in the profile, a state in none of the lists is said so.
  return profile.toDoStates === undefined || s === "" || has(profile.toDoStates) ? { status: "to-do" } : { status: "to-do", unlisted: written };
}

const statusFields = (r: { status: TrackerStatusCategory; unlisted?: string; excludedBy?: string }) => ({
  status: r.status, ...(r.unlisted === undefined ? {} : { unlistedState: r.unlisted }), ...(r.excludedBy === undefined ? {} : { excludedBy: r.excludedBy }),
});

const text = (v: unknown): string | undefined => (v === undefined || v === null || v === "" ? undefined : typeof v === "object" ? undefined : String(v).trim());

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// Jira Server / Data Center's REST v2 gives a sprint as a Java object's text: `com.atlassian.greenhopper.service.sprint.
// Sprint@14b1c359[id=1,rapidViewId=1,state=CLOSED,name=Sprint 1,goal=<null>,startDate=2016-01-01T10:00:00.000+01:00,…]`.
const SERVER_SPRINT = /^com\.atlassian\.greenhopper\.service\.sprint\.Sprint@[0-9a-f]+\[([\s\S]*)\]$/i;
// Split only before a known field, so a name holding ", " stays whole.
const SERVER_SPRINT_FIELDS = /,(?=(?:id|rapidViewId|state|name|goal|startDate|endDate|completeDate|activatedDate|sequence|synced|autoStartStop|incompleteIssuesDestinationId)=)/;

/** The fields of a Jira Server sprint text (`<null>` values left out), or undefined for any other text. */
function serverSprint(t: string): ReadonlyMap<string, string> | undefined {
  const m = SERVER_SPRINT.exec(t.trim());
  if (!m) return undefined;
  const out = new Map<string, string>();
  for (const part of m[1]!.split(SERVER_SPRINT_FIELDS)) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(i + 1) !== "<null>") out.set(part.slice(0, i), part.slice(i + 1));
  }
  return out;
}

/**
 * A sprint value: a name, an object (`{ name|title, startDate, endDate|duration }`), a Jira Server sprint text (its
 * name and ISO dates) or a list of those (last wins).
 */
function sprintOf(v: unknown, profile: TrackerProfile, timeZone: string | undefined): TrackerSprint | undefined {
  const last = Array.isArray(v) ? v.at(-1) : v;
  const server = typeof last === "string" ? serverSprint(last) : undefined;
  if (server !== undefined) {
    const name = text(server.get("name"));
    if (name === undefined) return undefined;
    const start = trackerDate(server.get("startDate"), "iso", timeZone);
    const finish = trackerDate(server.get("endDate"), "iso", timeZone);
    return { name, ...(start === undefined ? {} : { start }), ...(finish === undefined ? {} : { finish }) };
  }
  if (typeof last === "string" || typeof last === "number") return text(last) === undefined ? undefined : { name: String(last).trim() };
  if (typeof last !== "object" || last === null) return undefined;
  const o = last as Record<string, unknown>;
  const name = text(o["name"]) ?? text(o["title"]);
  if (name === undefined) return undefined;
  const start = trackerDate(text(o["startDate"]), profile.dateFormat, timeZone);
  const duration = typeof o["duration"] === "number" ? o["duration"] : undefined;
  const finish = trackerDate(text(o["endDate"]), profile.dateFormat, timeZone) ?? (start !== undefined && duration !== undefined ? addDays(start, duration - 1) : undefined);
  return { name, ...(start === undefined ? {} : { start }), ...(finish === undefined ? {} : { finish }) };
}

/**
 * Where an item's field sits in the file, as its messages say it: `line 7, column "Resolved"` in a CSV export,
 * `item 3, field fields.resolutiondate` in a JSON one.
 */
type Locate = (item: number, field: TrackerField | undefined) => string;

const FIELD_OF: Readonly<Record<string, keyof TrackerProfile["fields"]>> = { key: "key", sprint: "sprint", points: "points", resolved: "resolved" };

function readItems(rows: readonly Lookup[], profile: TrackerProfile, subject: string, timeZone: string | undefined, locate: Locate): TrackerExport {
  const items: TrackerItem[] = [];
  const sprints = new Map<string, TrackerSprint>();
  const issues: ValidationIssue[] = [];
  const packageTypes = new Set(profile.packageTypes.map((t) => t.toLowerCase()));
  const firstOfKey = new Map<string, number>();
  const keyOfId = new Map<string, string>();
  rows.forEach((get, i) => {
    const key = text(get(profile.fields.key));
    const at = (field: string) => [key ?? `item ${i + 1}`, field];
    // The message says where the value is in the file (line and column header, or item and property path).
    const where = (field: string) => `${locate(i, profile.fields[FIELD_OF[field]!])}: `;
    const guard = <T>(field: string, f: () => T): T | undefined => {
      try {
        return f();
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        issues.push({ path: at(field), message: where(field) + (e.issues[0]?.message ?? e.message), code: "custom" });
        return undefined;
      }
    };
    if (key === undefined) {
      issues.push({ path: at("key"), message: `${where("key")}the item has no key`, code: "custom" });
      return;
    }
    // A key given twice (two saved pages of one search) would count its points twice: refused.
    const first = firstOfKey.get(key);
    if (first !== undefined) {
      issues.push({ path: at("key"), message: `${where("key")}item ${i + 1} repeats the key of item ${first + 1}`, code: "custom" });
      return;
    }
    firstOfKey.set(key, i);
    const id = text(get(profile.fields.id));
    if (id !== undefined && !keyOfId.has(id)) keyOfId.set(id, key);
    const sprint = guard("sprint", () => sprintOf(get(profile.fields.sprint), profile, timeZone));
    if (sprint !== undefined && !sprints.has(sprint.name)) sprints.set(sprint.name, sprint);
    const type = text(get(profile.fields.type));
    const parentKey = text(get(profile.fields.parent));
    const points = guard("points", () => pointsText(get(profile.fields.points)));
    const resolved = guard("resolved", () => trackerDate(text(get(profile.fields.resolved)), profile.dateFormat, timeZone));
    items.push({
      key,
      title: text(get(profile.fields.title)) ?? key,
      level: type !== undefined && packageTypes.has(type.toLowerCase()) ? "package" : "unit",
      ...statusFields(statusOf(profile, get(profile.fields.status), get(profile.fields.statusCategory), get(profile.fields.resolution))),
      ...(parentKey === undefined ? {} : { parentKey }),
      ...(points === undefined ? {} : { points }),
      ...(sprint === undefined ? {} : { sprint: sprint.name }),
      ...(resolved === undefined ? {} : { resolved }),
    });
  });
  if (issues.length > 0) throw new ValidationError(issues, subject);
  // A parent named by the tool's issue id (Jira's CSV `Parent` column) is turned into its key; a key match wins.
  const resolved = items.map((it) => {
    const parentId = it.parentKey;
    const byId = parentId === undefined || firstOfKey.has(parentId) ? undefined : keyOfId.get(parentId);
    return byId === undefined ? it : { ...it, parentKey: byId };
  });
  return { tool: profile.tool, items: resolved, sprints: [...sprints.values()] };
}

function limits(textIn: string, options: ReadTrackerOptions, subject: string): number {
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) throw ValidationError.single(["timeZone"], `"${String(options.timeZone)}" is not an IANA time zone`, subject);
  const max = options.maxChars ?? 64 * 1024 * 1024;
  if (textIn.length > max) throw ValidationError.single([], `the export is larger than ${max} characters`, subject);
  return options.maxItems ?? 100_000;
}

/**
 * Reads a tracker's CSV export (Jira, Azure DevOps query) with a mapping profile: columns by header, a repeated
 * header (Jira's several `Sprint` columns) read as a list, typed into {@link TrackerItem}s. All or nothing: one
 * `ValidationError` names each item and field that cannot be read (`["CRM-12", "resolved"]`), its message starting
 * with the file line and the column header (`line 7, column "Resolved": …`). A row whose field
 * count is not the header's is refused before any value is read, every such row at `["line 7"]` (the file line
 * where the row starts, as an editor shows it), naming both counts.
 *
 * @throws {ValidationError} on a profile that `trackerProfileSchema` refuses or that names a field by a property path
 *   (at `["profile", …]`), malformed CSV, a row with more or fewer fields than the header, a missing key column,
 *   an oversized export or unreadable values.
 * @example
 * ```ts
 * const { items, sprints } = readTrackerCsv(readFileSync("jira.csv", "utf8"), JIRA_CSV_PROFILE);
 * ```
 */
export function readTrackerCsv(csv: string, profile: TrackerProfile, options: ReadTrackerOptions = {}): TrackerExport {
  checkArguments("readTrackerCsv", { options: [options, "object"] });
  checkOptionKeys("readTrackerCsv", options, READ_TRACKER_KEYS);
  const subject = `${String((profile as Partial<TrackerProfile> | undefined)?.tool)} CSV export`;
  profile = checkTrackerProfile(profile, ["profile"], subject);
  // A CSV export has columns: a property path (["fields", "summary"]) would match none and leave the field empty.
  const paths = Object.entries(profile.fields).filter(([, f]) => typeof f !== "string").map(([k]) => ({ path: ["profile", "fields", k], message: "a CSV export's field is a column header (text), not a property path", code: "custom" }));
  if (paths.length > 0) throw new ValidationError(paths, subject);
  const maxItems = limits(csv, options, subject);
  const delimiter = csvDelimiter(options.delimiter, subject);
  let parsed: { record: string[]; info: { bytes: number } }[];
  try {
    parsed = parse(csv, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof parsed;
  } catch (e) {
    throw ValidationError.single([], `malformed CSV: ${(e as Error).message}`, subject);
  }
  const lines = new RecordLines();
  lines.push(csv);
  const allAt = parsed.map((p) => lines.next(p.info.bytes)); // the file line each record starts on
  // Excel's separator hint (`sep=,`) before the header: skipped when it names this delimiter.
  if (parsed.length > 0 && separatorLine(parsed[0]!.record, delimiter, allAt[0]!, subject)) {
    parsed.shift();
    allAt.shift();
  }
  // A row of empty cells only (`,,,,`: a formatted empty row a spreadsheet saved) is skipped like a blank line.
  const kept = parsed.flatMap((p, r) => (r === 0 || p.record.some((c) => c !== "") ? [r] : []));
  const at = kept.map((r) => allAt[r]!);
  const rows = kept.map((r) => parsed[r]!.record);
  const header = (rows[0] ?? []).map((h) => h.trim());
  if (rows.length - 1 > maxItems) throw ValidationError.single([], `more than ${maxItems} items; refused`, subject);
  const keyColumn = typeof profile.fields.key === "string" ? profile.fields.key : "";
  if (!header.includes(keyColumn)) throw ValidationError.single([], `no "${keyColumn}" column (columns: ${header.join(", ")})`, subject);
  // A row with more or fewer fields than the header (an unquoted comma in a summary, a row cut short) would put its
  // values under the wrong columns — a title as the status, points as the sprint: every such row is refused.
  const shifted = rows.flatMap((cells, r) => (r > 0 && cells.length !== header.length
    ? [{ path: [`line ${at[r]!}`], message: fieldCountMessage(at[r]!, header.length, cells.length), code: "custom" }]
    : []));
  if (shifted.length > 0) throw new ValidationError(shifted, subject);
  const lookups = rows.slice(1).map((cells): Lookup => (field) => {
    if (typeof field !== "string") return undefined;
    const values = header.flatMap((h, i) => (h === field && (cells[i] ?? "").trim() !== "" ? [cells[i]!] : []));
    return values.length > 1 ? values : values[0];
  });
  // Item i is data row i + 1 (row 0 is the header), which starts on file line at[i + 1].
  const locate: Locate = (i, field) => `line ${at[i + 1]!}${typeof field === "string" ? `, column "${field}"` : ""}`;
  return readItems(lookups, profile, subject, options.timeZone, locate);
}

function at(value: unknown, path: TrackerField | undefined): unknown {
  if (path === undefined) return undefined;
  let v = value;
  for (const p of typeof path === "string" ? [path] : path) {
    // Own properties only: `__proto__` or `constructor` in a file never reach a prototype.
    v = typeof v === "object" && v !== null && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, p) ? (v as Record<string, unknown>)[p] : undefined;
  }
  return v;
}

/**
 * Reads a tracker's JSON export (Jira REST search, Azure DevOps work items, GitHub Projects `item-list`) with a
 * mapping profile: the item list under `itemsPath`, fields by property path. Same results and errors as
 * {@link readTrackerCsv}, the message starting with the item's place in the list and the property path
 * (`item 3, field fields.resolutiondate: …`).
 *
 * An answer that says it is one page of a longer list is refused at its page field (`["total"]`: Jira's `startAt` +
 * issues short of `total`, `["startAt"]` for a later page, `["isLast"]` when `/search/jql` says more follow,
 * `["totalCount"]` when `gh project item-list` stopped at its `--limit`): read as the whole export it would leave out
 * the other pages' points. Merge the pages' items into one list first.
 *
 * @throws {ValidationError} on a profile that `trackerProfileSchema` refuses (at `["profile", …]`), malformed JSON, a
 *   key given twice in one object, no item list, one page of a longer list, an oversized export or unreadable values.
 * @example
 * ```ts
 * const { items } = readTrackerJson(readFileSync("search.json", "utf8"), JIRA_JSON_PROFILE);
 * ```
 */
export function readTrackerJson(json: string, profile: TrackerProfile, options: ReadTrackerOptions = {}): TrackerExport {
  checkArguments("readTrackerJson", { options: [options, "object"] });
  checkOptionKeys("readTrackerJson", options, READ_TRACKER_KEYS);
  if (json.startsWith("\ufeff")) json = json.slice(1); // a UTF-8 byte order mark (readFileSync keeps it), as the CSV reader skips it
  const subject = `${String((profile as Partial<TrackerProfile> | undefined)?.tool)} JSON export`;
  profile = checkTrackerProfile(profile, ["profile"], subject);
  const maxItems = limits(json, options, subject);
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw ValidationError.single([], `malformed JSON: ${(e as Error).message}`, subject);
  }
  const twice = duplicateJsonKeys(json);
  if (twice.length > 0) {
    throw new ValidationError(twice.map((d) => ({ path: [...d.path, d.key], message: `key "${d.key}" is given twice (JSON keeps only the last)`, code: "custom" })), subject);
  }
  const list = Array.isArray(doc) ? doc : at(doc, profile.itemsPath ?? "items");
  if (!Array.isArray(list)) throw ValidationError.single([], `no item list under "${profile.itemsPath ?? "items"}"`, subject);
  if (list.length > maxItems) throw ValidationError.single([], `more than ${maxItems} items; refused`, subject);
  const paged = pageIssues(doc, list.length);
  if (paged.length > 0) throw new ValidationError(paged, subject);
  const locate: Locate = (i, field) => `item ${i + 1}${field === undefined ? "" : `, field ${typeof field === "string" ? field : field.join(".")}`}`;
  return readItems(list.map((item): Lookup => (field) => at(item, field)), profile, subject, options.timeZone, locate);
}
