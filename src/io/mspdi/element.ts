import type { ReportBuilder } from "../report.js";
import type { ElementSpec, ListSpec } from "./spec.js";
import { readValue, writeValue, type MspdiValue } from "./values.js";

/** One MSPDI element as pmokit keeps it: its mapped simple fields (by element name) and its mapped lists. */
export interface MspdiElement {
  /** Simple fields by MSPDI element name (`Cost`, `Start`), typed: money ÷100, durations in seconds, else text. */
  readonly fields: Readonly<Record<string, MspdiValue>>;
  /** Repeating children by list key (`baselines`, `timephased`). */
  readonly lists: Readonly<Record<string, readonly MspdiElement[]>>;
}

/** Item element names that always repeat, so the parser gives arrays even for one item. */
export const MSPDI_ARRAYS: ReadonlySet<string> = new Set([
  "Calendar", "WeekDay", "Exception", "TimePeriod", "WorkingTime", "Task", "Baseline", "TimephasedData", "Resource", "Rate",
  "Assignment", "PredecessorLink",
]);

const asObject = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/**
 * The text of a parsed simple field as the reader takes it: the string, the `#text` beside attributes, else "".
 *
 * @example
 * ```ts
 * mspdiFieldText({ "#text": "12", "@_unit": "d" }); // "12"
 * ```
 */
export function mspdiFieldText(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "object" && v !== null && "#text" in v ? String((v as Record<string, unknown>)["#text"]) : "";
}

/**
 * Free-text fields (`xsd:string` in the MSPDI schema), read exactly as written: `<Name> Task</Name>` is " Task". Every
 * other field is a number, date, code or flag, read without surrounding white space (the schema's `collapse`).
 */
const TEXT_FIELDS: ReadonlySet<string> = new Set(["Name", "Notes", "Title", "Company", "Author", "CrossProjectName", "Group", "Initials", "CurrencySymbol"]);

/**
 * Reads one parsed element through its spec: kept fields are typed, kept lists recursed, everything else is
 * reported as unmapped under `path` (never silently dropped).
 */
export function readElement(raw: unknown, spec: ElementSpec, path: string, report: ReportBuilder, currency: string): MspdiElement {
  const obj = asObject(raw);
  const fields: Record<string, MspdiValue> = {};
  const lists: Record<string, MspdiElement[]> = {};
  const handled = new Set<string>();
  for (const child of spec.children) {
    if (typeof child === "string") {
      handled.add(child);
      const v = obj[child];
      if (v === undefined) continue;
      const t = mspdiFieldText(v);
      fields[child] = readValue(child, TEXT_FIELDS.has(child) ? t : t.trim(), currency);
    } else {
      lists[child.key] = readList(obj, child, path, report, currency, handled);
    }
  }
  for (const key of Object.keys(obj)) {
    if (handled.has(key) || key.startsWith("@_xmlns")) continue;
    report.unmapped(path, key.startsWith("@_") ? `@${key.slice(2)}` : key, "no pmokit field; kept only in the report");
  }
  return { fields, lists };
}

function readList(
  obj: Record<string, unknown>,
  list: ListSpec,
  path: string,
  report: ReportBuilder,
  currency: string,
  handled: Set<string>,
): MspdiElement[] {
  const itemPath = `${path}/${list.container ? `${list.container}/` : ""}${list.item}`;
  if (list.container) {
    handled.add(list.container);
    const box = asObject(obj[list.container]);
    for (const k of Object.keys(box)) if (k !== list.item) report.unmapped(`${path}/${list.container}`, k, "no pmokit field");
    return asArray(box[list.item]).map((it) => readElement(it, list.spec, itemPath, report, currency));
  }
  handled.add(list.item);
  return asArray(obj[list.item]).map((it) => readElement(it, list.spec, itemPath, report, currency));
}

/** Builds the XMLBuilder object of an element, children in schema order. */
export function writeElement(el: MspdiElement, spec: ElementSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const child of spec.children) {
    if (typeof child === "string") {
      const v = el.fields[child];
      if (v !== undefined) out[child] = writeValue(v);
      continue;
    }
    const items = el.lists[child.key] ?? [];
    if (items.length === 0) continue;
    const built = items.map((it) => writeElement(it, child.spec));
    if (child.container) out[child.container] = { [child.item]: built };
    else out[child.item] = built;
  }
  return out;
}
