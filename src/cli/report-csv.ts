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
 * The `--decimal-mark` option of `import` and `validate`: `.` or `,`, the decimal mark of a CSV file's amounts
 * (`1.234,56` in a German Excel's `;` file).
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
 * The report CSV options of `pmokit report`: `--delimiter` applies to `--format csv` only; with another format it is a
 * usage error (exit 2), as `import --delimiter` on a file that is no CSV is.
 *
 * @example
 * ```ts
 * tableToCsv(table, reportCsvOptions({ format: "csv", delimiter: ";" }));
 * ```
 */
export function reportCsvOptions(o: { readonly format: string; readonly delimiter?: "," | ";" | "\t" }): ReportCsvOptions {
  if (o.delimiter === undefined) return {};
  if (o.format !== "csv") throw new CliError(`--delimiter applies to --format csv only, not ${o.format}`, { code: "usage" });
  return { delimiter: o.delimiter };
}
