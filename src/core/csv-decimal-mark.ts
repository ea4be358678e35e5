// The decimal mark of the numbers pmokit CSV writes and reads, shared by the record CSV (io) and the report CSV
// (reports) so both take one option of one shape and refuse the same values. Not exported from core's index, so the
// root entry does not carry it.
import type { CsvDelimiter } from "./csv-delimiter.js";
import { ValidationError } from "./errors.js";

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
