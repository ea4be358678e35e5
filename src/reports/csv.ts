import { ValidationError, checkArguments, checkOptionKeys, DECIMAL_PATTERN, isMoney, type Money } from "../core/index.js";
import { csvDecimalMark, writeDecimalCell, type CsvDecimalMark } from "../core/csv-decimal-mark.js";
import { csvDelimiter, OTHER_SEPARATORS, type CsvDelimiter } from "../core/csv-delimiter.js";
import { cellPlain, isCellMetric, isNumericCell, isPercentCell, type CellValue } from "./cells.js";
import { tableColumns, type ReportTable } from "./table.js";

// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell starting with one of these as a formula.
// Formula starts, full-width forms included (＝ ＋ － ＠: an East Asian Excel reads "＝1+1" as =1+1).
const F = "=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20";
const FORMULA_START = new RegExp(`^[${F}]`);
// The text after another separator a spreadsheet in another locale splits at: `;` in a `,` file, `,` in a `;` file.
// Behind one quote too: the field doubles it, and a lenient reader takes the piece `""=1+1` as the cell `=1+1`.
const NEXT = `(?=[${F}]|"[${F}])`;
const AFTER: Readonly<Record<CsvDelimiter, RegExp>> = { ",": new RegExp(`;${NEXT}`, "g"), ";": new RegExp(`,${NEXT}`, "g"), "\t": new RegExp(`[;,]${NEXT}`, "g") };
const QUOTE: Readonly<Record<CsvDelimiter, RegExp>> = { ",": /[",\r\n]/, ";": /[";\r\n]/, "\t": /["\t\r\n]/ };

/** Options of the report CSV writers ({@link csvCell}, {@link toCsv}, {@link tableToCsv}). */
export interface ReportCsvOptions {
  /**
   * The field separator: `","` (default), `";"` or `"\t"`, as `exportCsv`'s option of the same name. The apostrophe
   * against formulas then goes after the separators another locale splits at (`,` in a `;` file; `,` and `;` in a tab
   * file) instead of after `;`.
   */
  readonly delimiter?: CsvDelimiter;
  /**
   * The decimal mark of the figures — money, decimals, numbers, percentages and a metric's figure: `"."` (default) or
   * `","` (`-1234,50`, no thousands separators), as `exportCsv`'s option of the same name; `","` needs a `";"` or tab
   * `delimiter`. Text (ids, dates, a RAG cell's rule, a missing metric's reason) is written as it is.
   */
  readonly decimalMark?: CsvDecimalMark;
}

/** The checked options: the delimiter (`,` by default) and the decimal mark, refused at their paths. */
const REPORT_CSV_KEYS = { delimiter: 1, decimalMark: 1 } satisfies Record<keyof ReportCsvOptions, 1>;

function checked(options: ReportCsvOptions | undefined, subject: string): { delimiter: CsvDelimiter; mark: CsvDecimalMark | undefined } {
  checkOptionKeys(subject, options, REPORT_CSV_KEYS);
  const delimiter = csvDelimiter(options?.delimiter, "report CSV");
  return { delimiter, mark: csvDecimalMark(options?.decimalMark, delimiter, "report CSV") };
}

/**
 * One CSV field, RFC 4180: quoted (with `"` doubled) when it contains `"`, the delimiter (`,` unless
 * `options.delimiter` says otherwise), CR or LF.
 *
 * **Formula injection.** A field starting with `=`, `+`, `-`, `@` (or their full-width forms `＝＋－＠`), tab or carriage return is prefixed with a
 * single quote (`'`), so a spreadsheet shows it as text instead of running it (`=HYPERLINK(…)` → `'=HYPERLINK(…)`).
 * The one exception is a field that is exactly a decimal number (`-?digits(.digits)?`, e.g. `-1250.00`): it cannot
 * be a formula, and negative money must stay a number a spreadsheet can add up. The same `'` goes after a `;` followed by
 * one of those characters: a spreadsheet whose list separator is `;` splits the line there (`x;=1+1` → `x;'=1+1`). Money is written as its plain
 * amount with the currency's minor units (`1234.50`); {@link tableToCsv} puts the currency in the header.
 *
 * **Decimal mark.** With `decimalMark: ","` (and a `;` or tab delimiter) a figure — money, a Decimal, a number, a
 * percentage, a metric's figure — is written with a decimal comma (`-1234,50`), never with an apostrophe: a figure
 * is a number, not a formula. A text cell is written as it is, whatever it holds (`"0.5"` stays `0.5`).
 *
 * @example
 * ```ts
 * csvCell('say "hi", then go'); // "\"say \"\"hi\"\", then go\""
 * csvCell("=1+1");              // "'=1+1"
 * csvCell("-1250.00");          // "-1250.00"
 * csvCell(money("-1250.5", "EUR")); // "-1250.50"
 * csvCell("x,=1", { delimiter: ";" }); // "x,'=1"
 * csvCell(money("-1250.5", "EUR"), { delimiter: ";", decimalMark: "," }); // "-1250,50"
 * ```
 * @throws {ValidationError} when `delimiter` is not `,`, `;` or a tab (path `["delimiter"]`), or `decimalMark` is
 *   not `.` or `,` or is `,` with a `,` delimiter (path `["decimalMark"]`).
 */
export function csvCell(value: CellValue, options: ReportCsvOptions = {}): string {
  const { delimiter, mark } = checked(options, "csvCell");
  return fieldOf(value, delimiter, mark);
}

/** A cell holding a figure (money, a Decimal, a number, a percentage, a metric's figure), not text nor a missing metric. */
function isFigure(v: CellValue): boolean {
  return isNumericCell(v) && !(isCellMetric(v) && v.value === undefined);
}

function fieldOf(value: CellValue, delimiter: CsvDelimiter, mark: CsvDecimalMark | undefined): string {
  let s = cellPlain(value);
  // A figure's text is a plain number (`-?digits(.digits)?`): data, never a formula, so written with the file's
  // decimal mark and not neutralised (as exportCsv writes decimal fields); `-1234,50` gets no apostrophe.
  if (mark !== undefined && isFigure(value) && DECIMAL_PATTERN.test(s)) return writeDecimalCell(s, mark);
  if (FORMULA_START.test(s) && !DECIMAL_PATTERN.test(s)) s = `'${s}`;
  // A spreadsheet in another locale splits the line at its own separator: the text after one is a cell of its own.
  if (OTHER_SEPARATORS[delimiter].some((c) => s.includes(c))) s = s.replace(AFTER[delimiter], "$&'");
  return QUOTE[delimiter].test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows to CSV text (RFC 4180): fields by {@link csvCell}, records separated and ended by CRLF.
 *
 * @example
 * ```ts
 * toCsv([["Project", "EAC (EUR)"], ["CRM", money("1200.5", "EUR")]]); // "Project,EAC (EUR)\r\nCRM,1200.50\r\n"
 * toCsv([["a", "b"]], { delimiter: ";" }); // "a;b\r\n"
 * toCsv([[decimal("0.5"), "0.5"]], { delimiter: ";", decimalMark: "," }); // "0,5;0.5\r\n"
 * ```
 * @throws {ValidationError} when `delimiter` is not `,`, `;` or a tab (path `["delimiter"]`), or `decimalMark` is
 *   not `.` or `,` or is `,` with a `,` delimiter (path `["decimalMark"]`).
 */
export function toCsv(rows: readonly (readonly CellValue[])[], options: ReportCsvOptions = {}): string {
  checkArguments("toCsv", { rows: [rows, "array"] });
  const { delimiter, mark } = checked(options, "toCsv");
  rows.forEach((r, i) => {
    if (!Array.isArray(r)) throw ValidationError.single(["rows", i], "expected a row: an array of cells", "toCsv");
  });
  return rows.map((r) => `${r.map((v) => fieldOf(v, delimiter, mark)).join(delimiter)}\r\n`).join("");
}

/** The Money a cell holds, directly or as a metric's value. */
function moneyIn(v: CellValue): Money | undefined {
  if (isMoney(v)) return v;
  return isCellMetric(v) && isMoney(v.value) ? v.value : undefined;
}

/**
 * A {@link ReportTable} to CSV: the header row, then the rows. A RAG cell is written as its colour word and the rule
 * that set it (`red — SPI 0.654 < 0.85 → red`); a missing metric as `n/a (reason)`.
 *
 * Money is written as its plain amount, so the currency goes in the header: a column whose amounts are all in one
 * currency gets it after its header (`EAC` → `EAC (EUR)`) unless the header already names it; in a column of several
 * currencies each amount has its code in front (`EUR 1201841.04`, `USD -2.50`), since no header could name them all.
 * `decimalMark: ","` writes every figure, these amounts included, with a decimal comma (`1201841,04`, `USD -2,50`).
 *
 * @example
 * ```ts
 * tableToCsv({ columns: ["Project", "RAG"], rows: [["CRM", ragCell("red")]] }); // "Project,RAG\r\nCRM,red\r\n"
 * tableToCsv({ columns: ["Project", "EAC"], rows: [["CRM", money("1200.5", "EUR")]] }); // "Project,EAC (EUR)\r\nCRM,1200.50\r\n"
 * tableToCsv(table, { delimiter: ";" }); // "Project;EAC (EUR)\r\n…" for a `;`-separator spreadsheet
 * tableToCsv(table, { delimiter: ";", decimalMark: "," }); // "…\r\nCRM;1200,50\r\n" for a German Excel
 * ```
 * @throws {ValidationError} when `delimiter` is not `,`, `;` or a tab (path `["delimiter"]`), or `decimalMark` is
 *   not `.` or `,` or is `,` with a `,` delimiter (path `["decimalMark"]`).
 */
export function tableToCsv(table: ReportTable, options: ReportCsvOptions = {}): string {
  const { delimiter, mark } = checked(options, "tableToCsv");
  const columns = tableColumns(table);
  const currencies = columns.map((_, i) => new Set(table.rows.flatMap((r) => moneyIn(r[i])?.currency ?? [])));
  // A percentage is written as its plain decimal: a column of them says `(%)` in its header, and one among other
  // figures keeps its sign (`99.97%` beside `3`), as money keeps its currency.
  const percents = columns.map((_, i) => {
    const figures = table.rows.map((r) => r[i]).filter(isFigure);
    return figures.some(isPercentCell) ? (figures.every(isPercentCell) ? "column" : "cells") : undefined;
  });
  const header = columns.map((c, i) => {
    if (percents[i] === "column") return c.header.includes("%") ? c.header : `${c.header} (%)`;
    const [only, ...more] = currencies[i]!;
    return only === undefined || more.length > 0 || new RegExp(`\\b${only}\\b`).test(c.header) ? c.header : `${c.header} (${only})`;
  });
  const rows = table.rows.map((r) => r.map((v, i) => {
    if (percents[i] === "cells" && isPercentCell(v)) return `${writeDecimalCell(cellPlain(v), mark ?? ".")}%`;
    const m = currencies[i]!.size > 1 ? moneyIn(v) : undefined;
    return m === undefined ? v : `${m.currency} ${writeDecimalCell(cellPlain(m), mark ?? ".")}`;
  }));
  return toCsv([header, ...rows], mark === undefined ? { delimiter } : { delimiter, decimalMark: mark });
}
