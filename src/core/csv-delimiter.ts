// The CSV field separators pmokit writes and reads, shared by the record CSV (io) and the report CSV (reports) so both
// take one option of one shape. Not exported from core's index, so the root entry does not carry it.
import { ValidationError } from "./errors.js";

/** The field separators pmokit CSV writes and reads: comma (default), semicolon, tab. */
export type CsvDelimiter = "," | ";" | "\t";

/**
 * The delimiter of a CSV option, checked: `,` when not given; anything but `,`, `;` or a tab is refused at
 * `["delimiter"]`.
 *
 * @example
 * ```ts
 * csvDelimiter(undefined, "report CSV"); // ","
 * ```
 * @internal
 */
export function csvDelimiter(delimiter: unknown, subject: string): CsvDelimiter {
  if (delimiter === undefined) return ",";
  if (delimiter === "," || delimiter === ";" || delimiter === "\t") return delimiter;
  throw ValidationError.single(["delimiter"], `expected "," ";" or a tab ("\\t"), got ${JSON.stringify(delimiter)}`, subject);
}

/** The separators, other than the file's own delimiter, at which a spreadsheet in another locale starts a cell. @internal */
export const OTHER_SEPARATORS: Readonly<Record<CsvDelimiter, readonly string[]>> = { ",": [";"], ";": [","], "\t": [",", ";"] };
