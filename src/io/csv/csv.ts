import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { z } from "zod";
import { ValidationError, type ValidationIssue } from "../../core/index.js";
import { encodeEntity, entityKinds, type EntityOf } from "../../entities/index.js";
import { createReportBuilder, type ImportReport } from "../report.js";
import { CSV_PROFILES, type CsvKind } from "./profiles.js";

/** Options of {@link importCsv}. */
export interface ImportCsvOptions {
  /** Your column header → pmokit field path (`{ "Invoice no": "sourceRef", "EUR": "amount.amount" }`). Unmapped headers are used as field paths. */
  readonly mapping?: Readonly<Record<string, string>>;
  /** Values for fields the file does not have (`{ "amount.currency": "EUR", projectId: "PRJ-CRM" }`). */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** `createdAt`/`updatedAt` of every record (UTC instant); the import reads no clock. */
  readonly importedAt: string;
  /** Id of a row without an `id` cell (default `<kind>-<row>`). */
  readonly idFor?: (row: number) => string;
}

/** One problem of a CSV import, as a spreadsheet user finds it. */
export interface CsvProblem {
  /** Line number in the file (the header is line 1). */
  readonly row: number;
  /** Column header (or the field path when no column holds it). */
  readonly column: string;
  /** What is wrong. */
  readonly message: string;
}

const RESERVED = new Set(["__proto__", "constructor", "prototype"]);
const DANGEROUS_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  parts.forEach((p, i) => {
    if (i === parts.length - 1) {
      Object.defineProperty(node, p, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = Object.prototype.hasOwnProperty.call(node, p) ? node[p] : undefined;
    const child = typeof next === "object" && next !== null ? (next as Record<string, unknown>) : {};
    Object.defineProperty(node, p, { value: child, enumerable: true, writable: true, configurable: true });
    node = child;
  });
}

/**
 * The row/column/message view of a CSV import's {@link ValidationError} (issue paths are `[row, column]`).
 *
 * @example
 * ```ts
 * try { importCsv("cost-entry", text, opts); } catch (e) { if (e instanceof ValidationError) console.table(csvProblems(e)); }
 * ```
 */
export function csvProblems(error: ValidationError): CsvProblem[] {
  return error.issues.map((i) => ({ row: Number(i.path[0] ?? 0), column: String(i.path[1] ?? ""), message: i.message }));
}

/**
 * Reads a CSV of requests, requirements, cost entries or checklist items (csv-parse): a header row, then one record
 * per row. Headers map to field paths (through `mapping`), list cells hold one item per line, JSON cells structured
 * values, and a leading `'` that {@link exportCsv} added against formula injection is removed. Every row is
 * validated through the entity codec; all-or-nothing: one {@link ValidationError} lists every problem with path
 * `[row, column]` (see {@link csvProblems}) and nothing is returned half-valid.
 *
 * @throws {ValidationError} on malformed CSV, a reserved header (`__proto__`, `constructor`) or any invalid row.
 * @example
 * ```ts
 * const { records } = importCsv("cost-entry", text, {
 *   mapping: { Invoice: "sourceRef", Amount: "amount.amount" }, defaults: { "amount.currency": "EUR" },
 *   importedAt: "2026-11-25T12:00:00.000Z",
 * });
 * ```
 */
export function importCsv<K extends CsvKind>(kind: K, text: string, options: ImportCsvOptions): { records: EntityOf<K>[]; report: ImportReport } {
  const profile = CSV_PROFILES[kind];
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new ValidationError([{ path: [err.lines ?? 0, ""], message: `malformed CSV: ${err.message}`, code: "custom" }], `${kind} CSV`);
  }
  const { records, issues } = importTableRows(kind, rows[0] ?? [], rows.slice(1).map((cells, i) => ({ line: i + 2, cells })), options);
  if (issues.length > 0) throw new ValidationError(issues, `${kind} CSV`);
  const report = createReportBuilder("csv");
  report.count("rows", records.length);
  return { records, report: report.finish() };
}

/** One data row of a table being imported: its line (row number in the sheet or file) and its cells as text. @internal */
export interface TableRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * The mapping and validation shared by the CSV and XLSX importers: header → field path (through `mapping`, reserved
 * names refused), typed cells by the kind's profile, defaults, ids, and every row decoded through the entity codec.
 * Returns the valid records and every problem as `[line, column]` issues; the caller throws (all or nothing).
 * @internal
 */
export function importTableRows<K extends CsvKind>(kind: K, header: readonly string[], rows: readonly TableRow[], options: ImportCsvOptions): { records: EntityOf<K>[]; issues: ValidationIssue[] } {
  const profile = CSV_PROFILES[kind];
  const issues: ValidationIssue[] = [];
  const paths = header.map((h, c) => {
    const path = options.mapping?.[h] ?? h.trim();
    if (path.split(".").some((p) => RESERVED.has(p) || p === "")) {
      issues.push({ path: [1, h], message: `column ${c + 1}: "${h}" is not a usable field name`, code: "custom" });
    }
    return path;
  });
  if (issues.length > 0) return { records: [], issues };
  const schema = entityKinds[kind].schema as unknown as z.ZodType;
  const columnOf = (fieldPath: string) => header[paths.findIndex((p) => fieldPath === p || fieldPath.startsWith(`${p}.`))] ?? fieldPath;
  const records: EntityOf<K>[] = [];
  rows.forEach(({ line, cells }) => {
    const wire: Record<string, unknown> = { version: 1, createdAt: options.importedAt, updatedAt: options.importedAt };
    for (const [k, v] of Object.entries(options.defaults ?? {})) setPath(wire, k, v);
    cells.forEach((raw, c) => {
      const path = paths[c];
      if (path === undefined) return;
      const cell = raw.startsWith("'") && DANGEROUS_START.test(raw.slice(1)) ? raw.slice(1) : raw;
      if (cell === "") return;
      let value: unknown = cell;
      if (profile.lists?.includes(path)) value = cell.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== "");
      else if (profile.booleans?.includes(path)) value = /^(true|yes|1)$/i.test(cell) ? true : /^(false|no|0)$/i.test(cell) ? false : cell;
      else if (profile.integers?.includes(path)) value = /^-?\d+$/.test(cell) ? Number(cell) : cell;
      else if (profile.json?.includes(path)) {
        try {
          value = JSON.parse(cell);
        } catch {
          issues.push({ path: [line, header[c]!], message: "not valid JSON", code: "custom" });
          return;
        }
      }
      setPath(wire, path, value);
    });
    if (wire["id"] === undefined) wire["id"] = options.idFor ? options.idFor(line) : `${kind}-${line}`;
    const r = schema.safeDecode(wire);
    if (!r.success) {
      for (const z of r.error.issues) {
        const fieldPath = z.path.map(String).join(".");
        issues.push({ path: [line, columnOf(fieldPath)], message: fieldPath && columnOf(fieldPath) !== fieldPath ? `${fieldPath}: ${z.message}` : z.message, code: z.code });
      }
    } else records.push(r.data as EntityOf<K>);
  });
  return { records, issues };
}

/** A record's field as the text of one table cell: lists one item per line, structured values as JSON. @internal */
export function wireCellText(wire: Record<string, unknown>, path: string, kind: CsvKind): string {
  let v: unknown = wire;
  for (const p of path.split(".")) v = typeof v === "object" && v !== null && Object.prototype.hasOwnProperty.call(v, p) ? (v as Record<string, unknown>)[p] : undefined;
  const profile = CSV_PROFILES[kind];
  if (v === undefined || v === null) return "";
  if (profile.lists?.includes(path) && Array.isArray(v)) return v.join("\n");
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

function cellOf(wire: Record<string, unknown>, path: string, kind: CsvKind): string {
  const text = wireCellText(wire, path, kind);
  // Formula injection (OWASP): a cell a spreadsheet would evaluate gets a leading apostrophe; plain numbers stay.
  return DANGEROUS_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/**
 * Writes records as CSV (csv-stringify): a header row of field paths (default: the kind's profile columns),
 * lists one item per line inside the cell, structured values as JSON, and every cell that a spreadsheet would run
 * as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return — except plain numbers) prefixed with `'`.
 *
 * @example
 * ```ts
 * writeFileSync("costs.csv", exportCsv("cost-entry", entries));
 * ```
 */
export function exportCsv<K extends CsvKind>(kind: K, records: readonly EntityOf<K>[], options: { readonly columns?: readonly string[] } = {}): string {
  const columns = options.columns ?? CSV_PROFILES[kind].columns;
  const rows = records.map((r) => {
    const wire = encodeEntity(kind, r as never) as Record<string, unknown>;
    return columns.map((c) => cellOf(wire, c, kind));
  });
  return stringify([[...columns], ...rows], { quoted_match: /[\n",]/ }) as string;
}
