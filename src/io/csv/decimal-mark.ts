// The mark itself, its check and the writer are shared with the report CSV (core/csv-decimal-mark.ts).
import type { CsvDecimalMark } from "../../core/csv-decimal-mark.js";

export { csvDecimalMark, writeDecimalCell, type CsvDecimalMark } from "../../core/csv-decimal-mark.js";

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

/** The message of a number cell not written with the declared mark. @internal */
export function decimalCellMessage(cell: string, mark: CsvDecimalMark): string {
  const other = mark === "," ? "." : ",";
  const sample = mark === "," ? "1234,56 or 1.234,56" : "1234.56 or 1,234.56";
  return `${JSON.stringify(cell)} is not a number written with the decimal mark "${mark}" (such as ${sample}; "${other}" only between groups of three digits)`;
}
