import { ValidationError } from "../../core/index.js";
import type { CsvDelimiter } from "./neutralise.js";

/**
 * The decimal mark of the numbers in a CSV file: `.` (default) or `,` (German, French, Dutch … spreadsheets).
 *
 * @example
 * ```ts
 * const mark: CsvDecimalMark = ",";
 * importCsv("cost-entry", text, { importedAt, delimiter: ";", decimalMark: mark });
 * ```
 */
export type CsvDecimalMark = "." | ",";

/**
 * The decimal mark of a CSV option, checked: `undefined` when not given; anything but `.` or `,` is refused at
 * `["decimalMark"]`, and so is `,` in a `,`-separated file (`1,5` would be two cells: ambiguous).
 *
 * @example
 * ```ts
 * csvDecimalMark(",", ";", "cost-entry CSV"); // ","
 * ```
 * @internal
 */
export function csvDecimalMark(mark: unknown, delimiter: CsvDelimiter, subject: string): CsvDecimalMark | undefined {
  if (mark === undefined) return undefined;
  if (mark !== "." && mark !== ",") throw ValidationError.single(["decimalMark"], `expected "." or ",", got ${JSON.stringify(mark) ?? String(mark)}`, subject);
  if (mark === "," && delimiter === ",") {
    throw ValidationError.single(["decimalMark"], 'a "," decimal mark needs another delimiter (";" or a tab): in a ","-separated file 1,5 would be two cells', subject);
  }
  return mark;
}

const PATTERNS: Readonly<Record<CsvDecimalMark, RegExp>> = {
  ",": /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/,
  ".": /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/,
};

/**
 * A number cell written with `mark` as the wire decimal text (`1.234,56` → `1234.56`): digits with the mark at most
 * once, the other separator only between groups of three digits before it. Text, not a float: exact. `undefined`
 * when the cell is no such number (`12.50` with the mark `,`: a two-digit group).
 *
 * @example
 * ```ts
 * readDecimalCell("1.234,56", ","); // "1234.56"
 * readDecimalCell("12.50", ",");    // undefined
 * ```
 * @internal
 */
export function readDecimalCell(cell: string, mark: CsvDecimalMark): string | undefined {
  const m = PATTERNS[mark].exec(cell.trim());
  if (m === null) return undefined;
  return `${m[1]}${m[2]!.replace(/[.,]/g, "")}${m[3] === undefined ? "" : `.${m[3]}`}`;
}

/**
 * A wire decimal (`-1234.50`) as a cell written with `mark` (`-1234,50`); no thousands separators, so it reads back
 * exactly.
 *
 * @example
 * ```ts
 * writeDecimalCell("-1234.50", ","); // "-1234,50"
 * ```
 * @internal
 */
export function writeDecimalCell(wire: string, mark: CsvDecimalMark): string {
  return mark === "," && /^-?\d+\.\d+$/.test(wire) ? wire.replace(".", ",") : wire;
}

/** The message of a number cell not written with the declared mark. @internal */
export function decimalCellMessage(cell: string, mark: CsvDecimalMark): string {
  const other = mark === "," ? "." : ",";
  const sample = mark === "," ? "1234,56 or 1.234,56" : "1234.56 or 1,234.56";
  return `${JSON.stringify(cell)} is not a number written with the decimal mark "${mark}" (such as ${sample}; "${other}" only between groups of three digits)`;
}
