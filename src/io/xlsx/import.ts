import { ValidationError, checkArguments, checkOptionKeys, type ValidationIssue } from "../../core/index.js";
import type { EntityOf } from "../../entities/index.js";
import { importTableRows } from "../csv/csv.js";
import { checkRowOptionKeys, CSV_ROW_OPTION_KEYS, type CsvRowOptions } from "../csv/rows.js";
import type { CsvKind } from "../csv/profiles.js";
import { createReportBuilder, type ImportReport, type ImportWarning } from "../report.js";
import { csvFieldNode, isDecimalField } from "../csv/fields.js";
import { ownEntry } from "../../core/own.js";
import { readXlsx, readXlsxOptions, type XlsxSheetData } from "./read.js";
import { XLSX_LIMIT_KEYS, type XlsxLimits } from "./limits.js";
import type { XlsxFormatLocale } from "./number-format.js";
import { mergedDataRows, xlsxMergedCells, type XlsxMergedCells } from "./merged-cells.js";

/** Options of {@link importXlsx}: the CSV importer's mapping options, the reader's limits, and where the table is. */
export interface ImportXlsxOptions extends CsvRowOptions, XlsxLimits {
  /** The sheet to read, by tab name (default the first visible tab, the one Excel opens on). */
  readonly sheet?: string;
  /**
   * Header rows above the data (default 1). With 2, a merged group header over sub-headers gives field paths:
   * `amount` merged over `amount` and `currency` → `amount.amount`, `amount.currency`; a header merged down over
   * both rows is one name.
   */
  readonly headerRows?: number;
  /**
   * How a merged cell over data rows reads (see {@link XlsxMergedCells}): `"refuse"` (default; its value is stored in
   * the first cell only, so the other rows would silently lack it), `"fill"` (repeated in every covered cell, as the
   * sheet shows it) or `"top-left"` (as stored).
   */
  readonly mergedCells?: XlsxMergedCells;
  /** The locale of the Excel that saved the workbook, for the built-in formats that depend on it (see `readXlsx`). */
  readonly formatLocale?: XlsxFormatLocale;
}
const IMPORT_XLSX_KEYS = {
  ...CSV_ROW_OPTION_KEYS, ...XLSX_LIMIT_KEYS, sheet: 1, headerRows: 1, mergedCells: 1, formatLocale: 1,
} satisfies Record<keyof ImportXlsxOptions, 1>;

/** One sheet of {@link importXlsxWorkbook}: which kind it holds and how its columns map. */
export interface XlsxSheetMapping extends Omit<ImportXlsxOptions, "importedAt" | "idFor" | "sheet" | "formatLocale" | keyof XlsxLimits> {
  /** The entity kind of the sheet's rows. */
  readonly kind: CsvKind;
}
const { importedAt: _at, idFor: _id, ...ROW_KEYS_OF_A_SHEET } = CSV_ROW_OPTION_KEYS;
const SHEET_MAPPING_KEYS = { ...ROW_KEYS_OF_A_SHEET, headerRows: 1, mergedCells: 1, kind: 1 } satisfies Record<keyof XlsxSheetMapping, 1>;

/**
 * The header texts of a sheet: header rows with merged cells spread over the columns they cover, joined with `.`
 * (empty parts and a part repeated by a vertical merge are left out).
 */
function headerOf(sheet: XlsxSheetData, headerRows: number): string[] {
  const top = sheet.rows.filter((r) => r.line <= headerRows);
  const grid = Array.from({ length: headerRows }, (_, i) => [...(top.find((r) => r.line === i + 1)?.cells ?? [])]);
  // A cell covered by a merge from above repeats the group header, not a new level: it adds no path part.
  const below = new Set<string>();
  for (const m of sheet.merges) {
    if (m.top >= headerRows) continue;
    const value = grid[m.top]?.[m.left] ?? "";
    for (let r = m.top; r <= Math.min(m.bottom, headerRows - 1); r++) {
      for (let c = m.left; c <= m.right && c < 1000; c++) {
        grid[r]![c] = value;
        if (r > m.top) below.add(`${r}:${c}`);
      }
    }
  }
  const width = Math.max(0, ...grid.map((r) => r.length));
  return Array.from({ length: width }, (_, c) =>
    grid
      .map((r, i) => (below.has(`${i}:${c}`) ? "" : (r[c] ?? "").trim()))
      .filter((t) => t !== "")
      .join("."),
  );
}

/**
 * A warning for each number cell of a data row that lands in a text field (an id, a reference) while its number format
 * shows more than the number: the field takes the stored 42, the sheet shows INV-0042.
 */
function formatWarnings(kind: CsvKind, sheet: XlsxSheetData, header: readonly string[], options: CsvRowOptions & { readonly headerRows?: number }): ImportWarning[] {
  return (sheet.formatted ?? []).flatMap(({ line, column, format }) => {
    const h = header[column];
    if (line <= (options.headerRows ?? 1) || h === undefined) return [];
    const path = ownEntry(options.mapping, h) ?? ownEntry(options.mapping, h.trim()) ?? h.trim();
    if (csvFieldNode(kind, path)?.type !== "string" || isDecimalField(kind, path)) return [];
    const value = sheet.rows.find((r) => r.line === line)?.cells[column] ?? "";
    return [{ path: `[${line}].${h}`, code: "number-format-not-applied", message: `the number ${value} is shown with the format ${format} in the workbook, but a text field takes the stored number ${value} (format the column as Text to keep what the sheet shows)` }];
  });
}

/**
 * A warning for each hidden data row (hidden by hand or by a filter): it is imported like any other, though the sheet
 * as the user last saw it did not show it.
 */
function hiddenRowWarnings(sheet: XlsxSheetData, headerRows: number): ImportWarning[] {
  return (sheet.hiddenRows ?? []).filter((line) => line > headerRows).map((line) => ({
    path: `[${line}]`,
    code: "hidden-row",
    message: `row ${line} is hidden in sheet "${sheet.name}" (by hand or by a filter) and is imported like the visible rows; delete it from the sheet if it is not to be imported`,
  }));
}

function importSheet<K extends CsvKind>(kind: K, sheet: XlsxSheetData, options: CsvRowOptions & { readonly headerRows?: number; readonly mergedCells?: XlsxMergedCells }): { records: EntityOf<K>[]; issues: ValidationIssue[]; warnings?: ImportWarning[]; lines?: number[] } {
  const headerRows = options.headerRows ?? 1;
  const header = headerOf(sheet, headerRows);
  // No header (a chart sheet or an empty cover tab first in the workbook): refused, never 0 records without a word.
  if (header.every((h) => h === "")) {
    const why = sheet.rows.length === 0 ? "it is empty" : `${headerRows === 1 ? "row 1 is" : `rows 1–${headerRows} are`} empty, and the table must start there`;
    return { records: [], issues: [{ path: [], message: `sheet "${sheet.name}" has no header row: ${why} (choose the sheet that holds the table with the sheet option)`, code: "custom" }] };
  }
  // Workbook numbers are typed cells, their text always with `.`: a CSV decimal mark does not apply.
  const { decimalMark: _csvOnly, mergedCells, ...rowOptions } = options;
  const merged = mergedDataRows(sheet, headerRows, header, xlsxMergedCells(mergedCells, `${kind} XLSX`));
  if (merged.issues.length > 0) return { records: [], issues: merged.issues };
  const got = importTableRows(kind, header, merged.rows, { ...rowOptions, neutralised: false });
  // A formula error (#N/A from a lookup that found nothing) is no value: refused where it is, never taken as text.
  const errors: ValidationIssue[] = (sheet.errors ?? []).map((e) => ({
    path: [e.line, (e.line > headerRows ? header[e.column] : undefined) ?? `column ${e.column + 1}`],
    message: e.error === ""
      ? "the cell holds a formula that was never calculated (the workbook was saved without its values; open and save it in Excel or Calc): it has no value"
      : `the cell shows the formula error ${e.error}: it has no value`,
    code: "custom",
  }));
  if (errors.length === 0) return { ...got, warnings: [...hiddenRowWarnings(sheet, headerRows), ...formatWarnings(kind, sheet, header, options)] };
  // The rows' other problems are still listed (ordered by row); the codec's complaint about an error cell's text is not.
  const at = new Set(errors.map((e) => `${String(e.path[0])}\u0000${String(e.path[1])}`));
  const rest = got.issues.filter((i) => !at.has(`${String(i.path[0])}\u0000${String(i.path[1])}`));
  const issues = [...errors, ...rest].sort((a, b) => Number(a.path[0]) - Number(b.path[0]));
  return { records: [], issues };
}

/**
 * Reads one sheet of an `.xlsx` workbook of requests, requirements, cost entries or checklist items with exactly the
 * CSV importer's rules (column mapping, defaults, list/JSON/boolean cells, every row through the entity codec; all
 * or nothing). Typed cells count as their text: numbers exactly as stored, dates as `YYYY-MM-DD`. Problems carry
 * `[row, column]` paths with the sheet's row numbers (see `csvProblems`). The workbook is read by {@link readXlsx},
 * so hostile files are refused within its limits.
 *
 * @throws {ValidationError} on a hostile or malformed workbook, a missing sheet, a sheet without a header row (a
 *   chart sheet or an empty tab: name the right one with `sheet`), or any invalid row.
 * @example
 * ```ts
 * const { records } = importXlsx("cost-entry", readFileSync("costs.xlsx"), {
 *   sheet: "Costs", mapping: { Invoice: "sourceRef", Amount: "amount.amount" }, defaults: { "amount.currency": "EUR" },
 *   importedAt: "2026-11-25T12:00:00.000Z",
 * });
 * ```
 */
export function importXlsx<K extends CsvKind>(kind: K, bytes: Uint8Array, options: ImportXlsxOptions): { records: EntityOf<K>[]; report: ImportReport } {
  checkArguments("importXlsx", { options: [options, "object"] });
  checkRowOptionKeys("importXlsx", options, IMPORT_XLSX_KEYS);
  const { sheets } = readXlsx(bytes, readXlsxOptions(options, options.sheet === undefined ? undefined : [options.sheet]));
  // By default the first visible tab, as Excel opens on it: a hidden sheet before it (an old copy) is never guessed.
  const sheet = (options.sheet === undefined ? sheets.find((s) => s.hidden !== true) : undefined) ?? sheets[0] ?? (() => { throw ValidationError.single([], "the workbook has no sheet", `${kind} XLSX`); })();
  const { records, issues, warnings = [] } = importSheet(kind, sheet, options);
  if (issues.length > 0) throw new ValidationError(issues, `${kind} XLSX sheet "${sheet.name}"`);
  const report = createReportBuilder("xlsx");
  report.count("rows", records.length);
  for (const w of warnings) report.warn(w.path, w.message, w.code);
  return { records, report: report.finish() };
}

/**
 * Reads several sheets of one workbook, each as its kind (`{ Costs: { kind: "cost-entry" }, Requirements: { kind:
 * "requirement" } }`), all or nothing across the sheets: one {@link ValidationError} lists every problem with path
 * `[sheet, row, column]`, an id given on two sheets of one kind among them; the report counts the rows of each sheet (`rows:<sheet>`).
 *
 * @throws {ValidationError} on a hostile or malformed workbook, a missing sheet, or any invalid row in any sheet.
 * @example
 * ```ts
 * const { records } = importXlsxWorkbook(readFileSync("office.xlsx"), {
 *   sheets: { Requests: { kind: "request" }, Costs: { kind: "cost-entry", defaults: { "amount.currency": "EUR" } } },
 *   importedAt: "2026-11-25T12:00:00.000Z",
 * });
 * records["cost-entry"]?.length;
 * ```
 */
export function importXlsxWorkbook(
  bytes: Uint8Array,
  options: XlsxLimits & { readonly sheets: Readonly<Record<string, XlsxSheetMapping>>; readonly importedAt: string; readonly formatLocale?: XlsxFormatLocale },
): { records: { [K in CsvKind]?: EntityOf<K>[] }; report: ImportReport } {
  checkArguments("importXlsxWorkbook", { options: [options, "object"] });
  checkOptionKeys("importXlsxWorkbook", options, { ...XLSX_LIMIT_KEYS, sheets: 1, importedAt: 1, formatLocale: 1 } satisfies Record<keyof typeof options, 1>);
  if (typeof options.sheets === "object" && options.sheets !== null) {
    for (const [name, m] of Object.entries(options.sheets)) checkRowOptionKeys("importXlsxWorkbook", m, SHEET_MAPPING_KEYS, ["sheets", name]);
  }
  const names = Object.keys(options.sheets);
  const { sheets } = readXlsx(bytes, readXlsxOptions(options, names));
  const records: { [K in CsvKind]?: EntityOf<K>[] } = {};
  const issues: ValidationIssue[] = [];
  const report = createReportBuilder("xlsx");
  // Ids are unique per kind across the sheets too: two sheets of one kind (Q1, Q2) holding the same id would give two
  // records one store key, the later silently replacing the earlier.
  const firstAt = new Map<string, string>();
  for (const sheet of sheets) {
    const m = Object.prototype.hasOwnProperty.call(options.sheets, sheet.name) ? options.sheets[sheet.name]! : undefined;
    if (m === undefined) continue;
    const got = importSheet(m.kind, sheet, { ...m, importedAt: options.importedAt, idFor: (row) => `${m.kind}-${sheet.name}-${row}` });
    issues.push(...got.issues.map((i) => ({ ...i, path: [sheet.name, ...i.path] })));
    got.records.forEach((r, i) => {
      const line = got.lines?.[i] ?? 0;
      const key = `${m.kind}\u0000${String((r as { id?: unknown }).id)}`;
      const earlier = firstAt.get(key);
      if (earlier === undefined) firstAt.set(key, `sheet "${sheet.name}" line ${line}`);
      else issues.push({ path: [sheet.name, line, "id"], message: `id ${String((r as { id?: unknown }).id)} is already used on ${earlier}`, code: "custom" });
    });
    (records[m.kind] as unknown[] | undefined) = [...((records[m.kind] as unknown[] | undefined) ?? []), ...got.records];
    report.count(`rows:${sheet.name}`, got.records.length);
    for (const w of got.warnings ?? []) report.warn(`${sheet.name}: ${w.path}`, w.message, w.code);
  }
  if (issues.length > 0) throw new ValidationError(issues, "XLSX workbook");
  return { records, report: report.finish() };
}
