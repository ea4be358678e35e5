// Localised booleans and dates in CSV (and workbook text) cells: refused by default, read when the import names the
// words or the order — never guessed, since 01/10/2026 is 1 October or 10 January.
import type { z } from "zod";
import { ValidationError, type ValidationIssue } from "../../core/index.js";
import { isoDateCodec } from "../../core/codecs/dates.js";
import { isIsoDate } from "../../core/index.js";
import { entityKinds } from "../../entities/index.js";
import type { CsvKind } from "./profiles.js";

/**
 * Words of boolean cells besides `true`/`yes`/`1` and `false`/`no`/`0`, compared without case and edge spaces:
 * `{ true: ["Ja", "WAHR"], false: ["Nein", "FALSCH"] }` for a German file.
 *
 * @example
 * ```ts
 * importCsv("checklist-item", text, { importedAt, delimiter: ";", booleans: { true: ["Ja"], false: ["Nein"] } });
 * ```
 */
export interface CsvBooleanWords {
  /** Words read as `true`. */
  readonly true?: readonly string[];
  /** Words read as `false`. */
  readonly false?: readonly string[];
}

/**
 * The day order and separator of date cells besides the wire form `YYYY-MM-DD`: day and month of one or two digits,
 * a four-digit year (`1.10.2026` with `"DD.MM.YYYY"`).
 *
 * @example
 * ```ts
 * importCsv("cost-entry", text, { importedAt, delimiter: ";", dateFormat: "DD.MM.YYYY" });
 * ```
 */
export type CsvDateFormat = "DD.MM.YYYY" | "DD/MM/YYYY" | "MM/DD/YYYY" | "DD-MM-YYYY";

const DATE_FORMATS: Readonly<Record<CsvDateFormat, { readonly re: RegExp; readonly dayFirst: boolean }>> = {
  "DD.MM.YYYY": { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, dayFirst: true },
  "DD/MM/YYYY": { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, dayFirst: true },
  "MM/DD/YYYY": { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, dayFirst: false },
  "DD-MM-YYYY": { re: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, dayFirst: true },
};

const DEFAULT_TRUE = ["true", "yes", "1"];
const DEFAULT_FALSE = ["false", "no", "0"];

/** The words of a boolean column, checked: lowercase sets. @internal */
export interface BooleanWords {
  readonly true: ReadonlySet<string>;
  readonly false: ReadonlySet<string>;
}

/**
 * The `booleans` option checked: a word that is empty, not text, or read both ways (in both lists, or a default of
 * the other side) is refused at `["booleans", "true" | "false", index]`. @internal
 */
export function csvBooleanWords(option: unknown, subject: string): BooleanWords {
  const words = { true: new Set(DEFAULT_TRUE), false: new Set(DEFAULT_FALSE) };
  if (option === undefined) return words;
  if (typeof option !== "object" || option === null || Array.isArray(option)) {
    throw ValidationError.single(["booleans"], 'expected { true: [words], false: [words] }', subject);
  }
  const issues: ValidationIssue[] = [];
  for (const side of ["true", "false"] as const) {
    const list: unknown = Object.hasOwn(option, side) ? (option as Record<string, unknown>)[side] : undefined;
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      issues.push({ path: ["booleans", side], message: "expected a list of words", code: "custom" });
      continue;
    }
    list.forEach((w: unknown, i) => {
      const word = typeof w === "string" ? w.trim().toLowerCase() : "";
      const other = side === "true" ? "false" : "true";
      if (word === "") issues.push({ path: ["booleans", side, i], message: `${JSON.stringify(w) ?? String(w)} is not a word`, code: "custom" });
      else if (words[other].has(word)) {
        // true words come first, so a false word also given as true is caught here
        issues.push({ path: ["booleans", side, i], message: `"${String(w)}" would read both true and false`, code: "custom" });
      } else words[side].add(word);
    });
  }
  if (issues.length > 0) throw new ValidationError(issues, subject);
  return words;
}

/**
 * The words an export writes for `true` and `false`: the first word of each list of the `booleans` option (trimmed,
 * as written), `true`/`false` for a side not given; the option is checked as the import checks it, so a list the
 * import would refuse is refused here at the same path.
 *
 * @example
 * ```ts
 * csvBooleanOutput({ true: ["Ja", "WAHR"], false: ["Nein"] }, "checklist-item CSV"); // { true: "Ja", false: "Nein" }
 * ```
 * @internal
 */
export function csvBooleanOutput(option: CsvBooleanWords | undefined, subject: string): { readonly true: string; readonly false: string } {
  csvBooleanWords(option, subject);
  const first = (side: "true" | "false") => {
    const list = option !== undefined && Object.hasOwn(option, side) ? option[side] : undefined;
    return typeof list?.[0] === "string" ? list[0].trim() : side;
  };
  return { true: first("true"), false: first("false") };
}

/** The `dateFormat` option checked: one of {@link CsvDateFormat}, else refused at `["dateFormat"]`. @internal */
export function csvDateFormat(option: unknown, subject: string): CsvDateFormat | undefined {
  if (option === undefined) return undefined;
  if (typeof option === "string" && Object.hasOwn(DATE_FORMATS, option)) return option as CsvDateFormat;
  throw ValidationError.single(["dateFormat"], `expected one of ${Object.keys(DATE_FORMATS).join(", ")}, got ${JSON.stringify(option) ?? String(option)}`, subject);
}

/**
 * A date cell written in `format` (or as `YYYY-MM-DD`) as the wire date; `undefined` when it is neither or no real
 * day (`29.02.2026`).
 *
 * @example
 * ```ts
 * readDateCell("1.10.2026", "DD.MM.YYYY"); // "2026-10-01"
 * readDateCell("10/1/2026", "MM/DD/YYYY"); // "2026-10-01"
 * ```
 * @internal
 */
export function readDateCell(cell: string, format: CsvDateFormat): string | undefined {
  const t = cell.trim();
  if (isIsoDate(t)) return t;
  const { re, dayFirst } = DATE_FORMATS[format];
  const m = re.exec(t);
  if (m === null) return undefined;
  const [d, mo] = dayFirst ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  const iso = `${m[3]}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * A wire date (`2026-10-01`) as a cell written in `format`, day and month on two digits (`01.10.2026`); anything
 * else is returned as it is.
 *
 * @example
 * ```ts
 * writeDateCell("2024-02-29", "MM/DD/YYYY"); // "02/29/2024"
 * ```
 * @internal
 */
export function writeDateCell(wire: string, format: CsvDateFormat): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(wire);
  if (m === null) return wire;
  const sep = format[2]!;
  return DATE_FORMATS[format].dayFirst ? `${m[3]}${sep}${m[2]}${sep}${m[1]}` : `${m[2]}${sep}${m[3]}${sep}${m[1]}`;
}

/** The message of a date cell not written in the declared format. @internal */
export function dateCellMessage(cell: string, format: CsvDateFormat): string {
  return `${JSON.stringify(cell)} is not a real day written ${format} (or YYYY-MM-DD)`;
}

function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  let node = s as { def?: { type?: string; innerType?: z.ZodType } } | undefined;
  while (node?.def !== undefined && ["optional", "nullable", "default", "readonly"].includes(node.def.type ?? "")) node = node.def.innerType as typeof node;
  return node as z.ZodType | undefined;
}

/**
 * Whether a field path of a CSV kind holds a calendar date (`YYYY-MM-DD`, the date codec): `date`, `targetStart`,
 * `dueDate` …
 *
 * @example
 * ```ts
 * isDateField("cost-entry", "date"); // true
 * ```
 * @internal
 */
export function isDateField(kind: CsvKind, path: string): boolean {
  let node = unwrap(entityKinds[kind].schema as unknown as z.ZodType);
  for (const p of path.split(".")) {
    const shape = (node as { def?: { type?: string }; shape?: Record<string, z.ZodType> } | undefined);
    if (shape?.def?.type !== "object" || shape.shape === undefined || !Object.hasOwn(shape.shape, p)) return false;
    node = unwrap(shape.shape[p]);
  }
  return node === (isoDateCodec as unknown);
}
