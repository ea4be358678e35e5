import { Option } from "commander";
import type { ReportCsvOptions } from "../reports/index.js";
import { CliError } from "./errors.js";
import { parseDelimiter } from "./options.js";

/**
 * The one `--delimiter` option of every command that reads or writes CSV (`import`, `validate`, `report`): `,`
 * (default), `;` or `tab`.
 *
 * @example
 * ```ts
 * program.command("report").addOption(delimiterOption());
 * ```
 */
export function delimiterOption(): Option {
  return new Option("--delimiter <sep>", "field separator of a CSV file: \",\" (default), \";\" or \"tab\"").argParser(parseDelimiter);
}

/**
 * The `--date-format` option of `import` and `validate`: the order of a CSV or workbook's date cells besides
 * `YYYY-MM-DD` (`DD.MM.YYYY`, `DD/MM/YYYY`, `MM/DD/YYYY`, `DD-MM-YYYY`; see `CsvRowOptions.dateFormat`).
 *
 * @example
 * ```ts
 * program.command("import").addOption(dateFormatOption());
 * ```
 */
export function dateFormatOption(): Option {
  return new Option("--date-format <order>", "order of a CSV or XLSX file's date cells besides YYYY-MM-DD (never guessed: 01/10/2026)").choices(["DD.MM.YYYY", "DD/MM/YYYY", "MM/DD/YYYY", "DD-MM-YYYY"]);
}

/**
 * The `--format-locale` option of `import` and `validate`: the locale of the Excel that saved an `.xlsx` workbook, for
 * the built-in number formats 34, 35, 52, 53, 55 and 56 (dates in `ja-JP`/`ko-KR`, times of day in `zh-CN`/`zh-TW`;
 * see `ReadXlsxOptions.formatLocale`). Another value is a usage error (exit 2).
 *
 * @example
 * ```ts
 * program.command("import").addOption(formatLocaleOption());
 * ```
 */
export function formatLocaleOption(): Option {
  return new Option("--format-locale <locale>", "locale of the Excel that saved an XLSX file, for its locale-dependent built-in formats 34, 35, 52, 53, 55, 56 (default: dates, as ja-JP/ko-KR show them)").choices(["ja-JP", "ko-KR", "zh-CN", "zh-TW"]);
}

/**
 * The `--merged-cells` option of `import` and `validate`: how a cell merged over data rows of an XLSX sheet is read —
 * `refuse` (default: Excel shows its value on every covered row, the file holds it on the first only), `fill` (repeat
 * it) or `top-left` (first row only). See `ImportXlsxOptions.mergedCells`.
 *
 * @example
 * ```ts
 * program.command("import").addOption(mergedCellsOption());
 * ```
 */
export function mergedCellsOption(): Option {
  return new Option("--merged-cells <mode>", "an XLSX cell merged over data rows: refuse (default), fill (its value on every covered row) or top-left (first row only)").choices(["refuse", "fill", "top-left"]);
}

/**
 * The `--decimal-mark` option of `import`, `validate` and `report`: `.` or `,`, the decimal mark of a CSV file's
 * amounts (`1.234,56` in a German Excel's `;` file; `report` writes `1234,56`).
 *
 * @example
 * ```ts
 * program.command("import").addOption(decimalMarkOption());
 * ```
 */
export function decimalMarkOption(): Option {
  return new Option("--decimal-mark <mark>", "decimal mark of a CSV file's amounts: \".\" or \",\" (1.234,56; needs --delimiter \";\" or tab)").argParser((v) => {
    if (v === "." || v === ",") return v;
    throw new CliError(`--decimal-mark must be "." or ",", got ${v}`, { code: "usage" });
  });
}

/**
 * Refuses `--decimal-mark ,` in a `,`-separated file (no `--delimiter`, or `--delimiter ,`): `1,5` would be two cells.
 *
 * @example
 * ```ts
 * checkDecimalMark(",", ";"); // fine
 * checkDecimalMark(",", undefined); // throws CliError (usage, exit 2)
 * ```
 */
export function checkDecimalMark(mark: "." | "," | undefined, delimiter: "," | ";" | "\t" | undefined): void {
  if (mark === "," && (delimiter ?? ",") === ",") throw new CliError('--decimal-mark , needs --delimiter ";" or tab: in a ","-separated file 1,5 would be two cells', { code: "usage" });
}

/**
 * The `--max-cell-chars` option of `import` and `validate`: the longest CSV cell accepted (default 32,767, Excel's
 * cell limit), for a file exported with a raised `maxCellChars`.
 *
 * @example
 * ```ts
 * program.command("import").addOption(maxCellCharsOption());
 * ```
 */
export function maxCellCharsOption(): Option {
  return new Option("--max-cell-chars <n>", "longest CSV cell accepted (default 32767, Excel's cell limit)").argParser((v) => {
    if (/^[1-9]\d{0,9}$/.test(v)) return Number(v);
    throw new CliError(`--max-cell-chars must be a whole number above 0, got ${v}`, { code: "usage" });
  });
}

/**
 * The report CSV options of `pmokit report`: `--delimiter` and `--decimal-mark` apply to `--format csv` only; with
 * another format they are a usage error (exit 2), as `import --delimiter` on a file that is no CSV is, and so is
 * `--decimal-mark ,` without `--delimiter ";"` or tab.
 *
 * @example
 * ```ts
 * tableToCsv(table, reportCsvOptions({ format: "csv", delimiter: ";", decimalMark: "," }));
 * ```
 */
export function reportCsvOptions(o: { readonly format: string; readonly delimiter?: "," | ";" | "\t"; readonly decimalMark?: "." | "," }): ReportCsvOptions {
  for (const [flag, value] of [["--delimiter", o.delimiter], ["--decimal-mark", o.decimalMark]] as const) {
    if (value !== undefined && o.format !== "csv") throw new CliError(`${flag} applies to --format csv only, not ${o.format}`, { code: "usage" });
  }
  checkDecimalMark(o.decimalMark, o.delimiter);
  return { ...(o.delimiter === undefined ? {} : { delimiter: o.delimiter }), ...(o.decimalMark === undefined ? {} : { decimalMark: o.decimalMark }) };
}
