import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { ValidationError, checkArguments, type ValidationIssue } from "../../core/index.js";
import { encodeEntity, type EntityOf } from "../../entities/index.js";
import { createReportBuilder, type ImportReport } from "../report.js";
import { CSV_PROFILES, csvProfile, type CsvKind } from "./profiles.js";
import { csvDelimiter, neutraliseCell, type CsvDelimiter } from "./neutralise.js";
import { cellLengthMessage, checkRowOptionKeys, CSV_ROW_OPTION_KEYS, CsvRowDecoder, type CsvRowOptions } from "./rows.js";
import { XLSX_MAX_CELL_CHARS } from "../../core/xstring.js";
import { checkLimit } from "../limit.js";
import { endsWithDelimiter, fieldCountMessage, RecordLines, separatorLine, trailingDelimiterNotice, trailingFieldIssue } from "./lines.js";
import { csvFieldNode, isDecimalField } from "./fields.js";
import { csvDecimalMark, writeDecimalCell, type CsvDecimalMark } from "./decimal-mark.js";
import { csvBooleanOutput, csvDateFormat, isDateField, writeDateCell, type CsvBooleanWords, type CsvDateFormat } from "./locale-cells.js";

/** Options of {@link importCsv}: the row options, and the file's field separator. */
export interface ImportCsvOptions extends CsvRowOptions {
  /**
   * The field separator: `","` (default), `";"` (what Excel writes where the decimal mark is a comma) or `"\t"`. The
   * apostrophe that {@link exportCsv} added after another separator is removed by the same rule (see `restoreCell`).
   */
  readonly delimiter?: CsvDelimiter;
  /**
   * The decimal mark of the number cells of decimal fields (`amount.amount`): `"."` or `","` (`1.234,56`, as German,
   * French, Dutch … spreadsheets write). The other separator is read only between groups of three digits before the
   * mark; anything else is refused at its `[line, column]`. `","` needs a `";"` or tab `delimiter`. Default: the
   * wire form only (`1234.56`). JSON cells keep JSON's `.`.
   */
  readonly decimalMark?: CsvDecimalMark;
}
const IMPORT_CSV_KEYS = { ...CSV_ROW_OPTION_KEYS, delimiter: 1, decimalMark: 1 } satisfies Record<keyof ImportCsvOptions, 1>;

/** One problem of a CSV import, as a spreadsheet user finds it. */
export interface CsvProblem {
  /**
   * The file line where the row starts: 1-based, counting every physical line as an editor shows it — the header,
   * blank lines, and each line of a quoted cell that holds line breaks (so a row after a two-line cell is one line
   * further down). For a workbook, the sheet's row number.
   */
  readonly row: number;
  /** Column header (or the field path when no column holds it). */
  readonly column: string;
  /** What is wrong. */
  readonly message: string;
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
 * `[line, column]` (see {@link csvProblems}) and nothing is returned half-valid. `line` is the 1-based physical line
 * of the file where the row starts, as an editor shows it: blank lines and the extra lines of a quoted cell holding
 * line breaks count. A row with more or fewer fields than the header is refused at `[line, ""]`; a row of empty cells
 * only (`;;;;;;`, as Excel saves formatted empty rows) is skipped like a blank line, and so is a first line `sep=;`
 * (Excel's separator hint) naming the delimiter in use; one naming another separator is refused at `[1, ""]`. A file
 * whose every line, header included, ends with the delimiter (`a;b;c;`) is read without that empty last column, and
 * the report's warnings say so (`trailing-delimiter`); when only some lines end so, each other line is refused at
 * `[line, ""]`.
 *
 * @throws {ValidationError} on malformed CSV, a reserved header (`__proto__`, `constructor`), a row whose field count
 *   is not the header's, a cell longer than `maxCellChars` (default 32,767), a `decimalMark` that is not `.` or `,`
 *   (or `,` with a `,` delimiter), or any invalid row.
 * @example
 * ```ts
 * const { records } = importCsv("cost-entry", text, {
 *   mapping: { Invoice: "sourceRef", Amount: "amount.amount" }, defaults: { "amount.currency": "EUR" },
 *   importedAt: "2026-11-25T12:00:00.000Z",
 * });
 * ```
 */
export function importCsv<K extends CsvKind>(kind: K, text: string, options: ImportCsvOptions): { records: EntityOf<K>[]; report: ImportReport } {
  checkArguments("importCsv", { options: [options, "object"] });
  checkRowOptionKeys("importCsv", options, IMPORT_CSV_KEYS);
  const delimiter = csvDelimiter(options.delimiter, `${kind} CSV`);
  const decimalMark = csvDecimalMark(options.decimalMark, delimiter, `${kind} CSV`);
  let rows: { record: string[]; info: { bytes: number } }[];
  try {
    rows = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof rows;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new ValidationError([{ path: [err.lines ?? 0, ""], message: `malformed CSV: ${err.message}`, code: "custom" }], `${kind} CSV`);
  }
  const lines = new RecordLines();
  lines.push(text);
  let headerLine = rows.length > 0 ? lines.next(rows[0]!.info.bytes) : 1;
  // Excel's separator hint (`sep=;`) before the header: skipped when it names this delimiter.
  const first = rows.length > 0 && separatorLine(rows[0]!.record, delimiter, headerLine, `${kind} CSV`) ? 1 : 0;
  if (first === 1 && rows.length > 1) headerLine = lines.next(rows[1]!.info.bytes);
  // Every line ending with the delimiter (`a;b;c;`) gives an empty last column: dropped, if every line has it.
  const trailing = endsWithDelimiter(rows[first]?.record ?? []);
  const header = (rows[first]?.record ?? []).slice(0, trailing ? -1 : undefined);
  const decoder = new CsvRowDecoder(kind, header, { ...options, delimiter, ...(decimalMark === undefined ? {} : { decimalMark }) }, headerLine);
  const records: EntityOf<K>[] = [];
  for (const { record: fields, info } of rows.slice(first + 1)) {
    const line = lines.next(info.bytes);
    if (isEmptyRow(fields)) continue;
    const cut = trailing ? trailingFieldIssue(fields, header.length, line, delimiter) : undefined;
    if (cut !== undefined) decoder.issues.push(cut);
    const cells = trailing ? fields.slice(0, -1) : fields;
    if (cut !== undefined || !fieldCountFits(decoder, cells, header.length, line)) continue;
    const record = decoder.decode(cells, line);
    if (record !== undefined) records.push(record);
  }
  decoder.throwIfInvalid();
  const report = createReportBuilder("csv");
  report.count("rows", records.length);
  if (trailing) {
    const notice = trailingDelimiterNotice(delimiter, headerLine);
    report.warn(notice.path, notice.message, notice.code);
  }
  return { records, report: report.finish() };
}

/**
 * A row whose every cell is empty (`;;;;;;`): what Excel and Calc save for rows whose cells were formatted but left
 * empty. It holds nothing, so it is skipped like a blank line (still counted as a line of the file).
 *
 * @example
 * ```ts
 * isEmptyRow(["", "", ""]); // true
 * ```
 * @internal
 */
export function isEmptyRow(cells: readonly string[]): boolean {
  return cells.every((c) => c === "");
}

/**
 * A row with more or fewer fields than the header (an unquoted comma, a row cut short) would put values under the
 * wrong columns: it is refused at `[line, ""]`, naming both counts.
 *
 * @example
 * ```ts
 * if (fieldCountFits(decoder, cells, header.length, line)) decoder.decode(cells, line);
 * ```
 * @internal
 */
export function fieldCountFits(decoder: CsvRowDecoder<CsvKind>, cells: readonly string[], expected: number, line: number): boolean {
  if (cells.length === expected) return true;
  decoder.issues.push({ path: [line, ""], message: fieldCountMessage(line, expected, cells.length), code: "custom" });
  return false;
}

/** One data row of a table being imported: its line (row number in the sheet or file) and its cells as text. @internal */
export interface TableRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * The mapping and validation shared by the CSV and XLSX importers (the same {@link CsvRowDecoder}): header → field
 * path, typed cells by the kind's profile, defaults, ids, every row decoded through the entity codec. Returns the
 * valid records and every problem as `[line, column]` issues; the caller throws (all or nothing). Workbook cells were
 * never neutralised on export, so `neutralised: false` keeps a leading apostrophe as the user's own text.
 * @internal
 */
export function importTableRows<K extends CsvKind>(
  kind: K,
  header: readonly string[],
  rows: readonly TableRow[],
  options: CsvRowOptions & { readonly neutralised?: boolean },
): { records: EntityOf<K>[]; issues: ValidationIssue[]; lines?: number[] } {
  let decoder: CsvRowDecoder<K>;
  try {
    decoder = new CsvRowDecoder(kind, header, options);
  } catch (e) {
    if (e instanceof ValidationError) return { records: [], issues: [...e.issues] };
    throw e;
  }
  const records: EntityOf<K>[] = [];
  const lines: number[] = []; // the line of each record, for checks across tables (a workbook's sheets)
  for (const { line, cells } of rows) {
    const record = decoder.decode(cells, line);
    if (record !== undefined) {
      records.push(record);
      lines.push(line);
    }
  }
  return { records, issues: decoder.issues, lines };
}

/**
 * A list as one cell: one item per line when that reads back the same (import splits at line breaks, trims and drops
 * empty lines), else — an item with a line break, edge spaces or no text, or a first item starting with `[` — the
 * JSON array of its strings, which import reads as that array. @internal
 */
function listCellText(items: readonly unknown[]): string {
  const plain = items.every((i) => typeof i === "string" && i !== "" && i === i.trim() && !/[\r\n]/.test(i)) && !String(items[0] ?? "").startsWith("[");
  return plain ? items.join("\n") : JSON.stringify(items);
}

/** A record's field as the text of one table cell: lists one item per line, structured values as JSON. @internal */
export function wireCellText(wire: Record<string, unknown>, path: string, kind: CsvKind): string {
  let v: unknown = wire;
  for (const p of path.split(".")) v = typeof v === "object" && v !== null && Object.prototype.hasOwnProperty.call(v, p) ? (v as Record<string, unknown>)[p] : undefined;
  const profile = CSV_PROFILES[kind];
  if (v === undefined || v === null) return "";
  if (profile.lists?.includes(path) && Array.isArray(v)) return listCellText(v);
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

function cellOf(wire: Record<string, unknown>, path: string, kind: CsvKind, delimiter: CsvDelimiter, decimalMark: CsvDecimalMark | undefined, dateFormat: CsvDateFormat | undefined, words: { readonly true: string; readonly false: string }): string {
  let text = wireCellText(wire, path, kind);
  if (CSV_PROFILES[kind].booleans?.includes(path) && (text === "true" || text === "false")) text = words[text];
  if (dateFormat !== undefined && text !== "") return writeDateCell(text, dateFormat); // given for date fields only
  // A decimal field's wire text is a plain number (`-?digits(.digits)?`): data, never a formula, so not neutralised.
  if (decimalMark !== undefined && isDecimalField(kind, path)) return writeDecimalCell(text, decimalMark);
  // Formula injection (OWASP): a cell a spreadsheet would evaluate gets a leading apostrophe; plain numbers stay.
  return neutraliseCell(text, delimiter);
}

/**
 * The columns asked of {@link exportCsv} must be fields of the kind's wire form (`amount.amount`, `fxRate`): a typo
 * would otherwise be an empty column under its header, the data asked for silently missing. A column given twice is
 * refused too (the import refuses the repeated header). One issue per such column at `["columns", index]`.
 */
function checkColumns(kind: CsvKind, columns: readonly string[]): void {
  csvProfile(kind, `${String(kind)} CSV`); // an unknown kind first, at ["kind"]
  const issues: ValidationIssue[] = [];
  const first = new Map<string, number>();
  columns.forEach((c, i) => {
    if (typeof c !== "string" || csvFieldNode(kind, c) === undefined) {
      issues.push({ path: ["columns", i], message: `${JSON.stringify(c) ?? String(c)} is not a field of a ${kind} (a field path of its wire form, such as ${CSV_PROFILES[kind].columns.slice(0, 3).join(", ")})`, code: "custom" });
    } else if (first.has(c)) {
      // The import refuses a repeated header: the file would not read back.
      issues.push({ path: ["columns", i], message: `"${c}" repeats column ${first.get(c)! + 1}`, code: "custom" });
    } else first.set(c, i);
  });
  if (issues.length > 0) throw new ValidationError(issues, `${kind} CSV`);
}

/** Options of {@link exportCsv}. */
export interface ExportCsvOptions {
  /** Columns (field paths) to write, in order (default: the kind's profile columns). */
  readonly columns?: readonly string[];
  /** Start with U+FEFF, so Excel opens the file as UTF-8 (default false). */
  readonly bom?: boolean;
  /** The field separator: `","` (default), `";"` or `"\t"`. */
  readonly delimiter?: CsvDelimiter;
  /**
   * The decimal mark of decimal fields (`amount.amount`): `"."` (default) or `","` (`-1234,50`, no thousands
   * separators, so it reads back exactly); `","` needs a `";"` or tab `delimiter`. JSON cells keep JSON's `.`.
   */
  readonly decimalMark?: CsvDecimalMark;
  /**
   * The order of date fields (`date`, `dueDate` …): `"DD.MM.YYYY"`, `"DD/MM/YYYY"`, `"MM/DD/YYYY"` or `"DD-MM-YYYY"`,
   * day and month on two digits (`01.10.2026`), as `importCsv`'s `dateFormat` reads them back. Default `YYYY-MM-DD`.
   */
  readonly dateFormat?: CsvDateFormat;
  /**
   * The words of boolean fields (`blocking`, `freezeExempt`), in the shape of `importCsv`'s `booleans`:
   * `{ true: ["Ja", "WAHR"], false: ["Nein", "FALSCH"] }` writes the first word of each list (`Ja`, `Nein`), so the
   * same option reads the file back; a side not given is written `true`/`false` (the default). A list the import
   * would refuse (a word read both ways, an empty word) is refused at the same `["booleans", side, index]`.
   */
  readonly booleans?: CsvBooleanWords;
  /**
   * Longest cell written (default {@link XLSX_MAX_CELL_CHARS}, 32,767, as `importCsv` reads by default and Excel
   * holds): a longer cell refuses the export at `[index, field]`. Raise it on both sides for long lists.
   */
  readonly maxCellChars?: number;
}
const EXPORT_CSV_KEYS = { columns: 1, bom: 1, delimiter: 1, decimalMark: 1, dateFormat: 1, booleans: 1, maxCellChars: 1 } satisfies Record<keyof ExportCsvOptions, 1>;

/**
 * Writes records as CSV (csv-stringify): a header row of field paths (default: the kind's profile columns),
 * lists one item per line inside the cell, structured values as JSON, and every cell that a spreadsheet would run
 * as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return — except plain numbers) prefixed with `'`
 * (and the same after a `;`, where a `;`-separator locale starts a cell) — header cells included, so a column
 * name given in `columns` such as `=HYPERLINK(…)` is written `'=HYPERLINK(…)` (import reads it back without the `'`). `bom: true` starts the text with U+FEFF so
 * Excel opens it as UTF-8 rather than the system's ANSI code page (default none; import skips one either way).
 * `delimiter: ";"` or `"\t"` separates the fields with it (cells holding it are quoted); the apostrophe then goes
 * after the separators another locale would split at instead (`,` in a `;` file; `,` and `;` in a tab file). Read
 * such a file back with the same `delimiter`.
 *
 * `decimalMark: ","` writes decimal fields with a decimal comma (`-1234,50`) for a `;` or tab file; `dateFormat:
 * "DD.MM.YYYY"` writes date fields in that order (`01.10.2026`); `booleans: { true: ["Ja"], false: ["Nein"] }` writes
 * boolean fields with those words — each the import's option of the same name, which reads the file back.
 *
 * @throws {ValidationError} when `delimiter` is not `,`, `;` or a tab (path `["delimiter"]`), `decimalMark` is not
 *   `.` or `,` or is `,` with a `,` delimiter (path `["decimalMark"]`), `booleans` is a list the import would refuse
 *   (path `["booleans", side, index]`), or a column of `columns`
 *   is no field of the kind (`amount.value`, a typo): one issue per such column at `["columns", index]`; or a cell
 *   is longer than `maxCellChars` (default 32,767), at `[index, field]`.
 * @example
 * ```ts
 * writeFileSync("costs.csv", exportCsv("cost-entry", entries));
 * writeFileSync("costs-excel.csv", exportCsv("cost-entry", entries, { bom: true }));
 * writeFileSync("costs-de.csv", exportCsv("cost-entry", entries, { bom: true, delimiter: ";" }));
 * ```
 */
export function exportCsv<K extends CsvKind>(kind: K, records: readonly EntityOf<K>[], options: ExportCsvOptions = {}): string {
  checkArguments("exportCsv", { options: [options, "object"] });
  checkRowOptionKeys("exportCsv", options, EXPORT_CSV_KEYS);
  const delimiter = csvDelimiter(options.delimiter, `${String(kind)} CSV`);
  const decimalMark = csvDecimalMark(options.decimalMark, delimiter, `${String(kind)} CSV`);
  const dateFormat = csvDateFormat(options.dateFormat, `${String(kind)} CSV`);
  const words = csvBooleanOutput(options.booleans, `${String(kind)} CSV`);
  const columns = options.columns ?? csvProfile(kind, `${String(kind)} CSV`).columns;
  if (options.columns !== undefined) checkColumns(kind, options.columns);
  checkLimit(options.maxCellChars, "maxCellChars", `${String(kind)} CSV`);
  const max = options.maxCellChars ?? XLSX_MAX_CELL_CHARS;
  const dateColumns = columns.map((c) => dateFormat !== undefined && isDateField(kind, c));
  const issues: ValidationIssue[] = [];
  const rows = records.map((r, i) => {
    const wire = encodeEntity(kind, r as never) as Record<string, unknown>;
    const cells = columns.map((c, j) => cellOf(wire, c, kind, delimiter, decimalMark, dateColumns[j]! ? dateFormat : undefined, words));
    cells.forEach((t, c) => {
      if (t.length > max) issues.push({ path: [i, columns[c]!], message: `record ${i + 1} (${String(wire["id"])}): ${cellLengthMessage(t.length, max)}`, code: "custom" });
    });
    return cells;
  });
  if (issues.length > 0) throw new ValidationError(issues, `${String(kind)} CSV`);
  // A cell holding a line break, a quote or the delimiter is quoted (csv-stringify also quotes a CR).
  // The header is user text too (`columns`): neutralised by the same rule as every data cell.
  const header = columns.map((c) => neutraliseCell(c, delimiter));
  const csv = stringify([header, ...rows], { delimiter, quoted_match: delimiter === "," ? /[\n",]/ : delimiter === ";" ? /[\n";]/ : /[\n"\t]/ }) as string;
  return options.bom === true ? `\ufeff${csv}` : csv;
}
