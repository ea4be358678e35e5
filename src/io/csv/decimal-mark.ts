// The mark itself, its check and the writer are shared with the report CSV (core/csv-decimal-mark.ts).
import type { CsvDecimalMark } from "../../core/csv-decimal-mark.js";

export { csvDecimalMark, writeDecimalCell, type CsvDecimalMark } from "../../core/csv-decimal-mark.js";

/** Spaces that group thousands: space, no-break space (U+00A0), thin space (U+2009), narrow no-break space (U+202F). */
const GROUP_SPACE = "[ \\u00a0\\u2009\\u202f]";
/** The unsigned number of a cell: the integer part (grouped or not) and the fraction, by mark; `wire`: no option. */
const PATTERNS: Readonly<Record<CsvDecimalMark | "wire", RegExp>> = {
  ",": new RegExp(`^(\\d{1,3}(?:\\.\\d{3})+|\\d{1,3}(?:${GROUP_SPACE}\\d{3})+|\\d+)(?:,(\\d+))?$`),
  ".": new RegExp(`^(\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?:${GROUP_SPACE}\\d{3})+|\\d+)(?:\\.(\\d+))?$`),
  wire: /^(\d+)(?:\.(\d+))?$/,
};

/**
 * A number cell of a decimal field as the wire decimal text, exactly (text, never a float), or `undefined` when the
 * cell is no such number. The number is written with `mark` (`undefined`: as on the wire, `1234.56`): the mark at
 * most once, the other separator — or one kind of space: space, no-break space, thin space, narrow no-break space —
 * only between groups of three digits before it (`1.234,56`, `1 234,56` → `1234.56`). A negative number may be written
 * `-12.50`, with the minus sign `−` (U+2212), in accounting parentheses `(12.50)` or with a trailing minus
 * `12.50-` (SAP): one sign, never two. Anything else is refused, never guessed: `12.50` with the mark `,` (a group
 * of two), `1.234 567`, `(-12.50)`, `- 12.50`, `(12.50`.
 *
 * @example
 * ```ts
 * readDecimalCell("1.234,56", ",");  // "1234.56"
 * readDecimalCell("(1 234,50)", ","); // "-1234.50"
 * readDecimalCell("12.50-", undefined); // "-12.50"
 * readDecimalCell("12.50", ",");     // undefined
 * ```
 * @internal
 */
export function readDecimalCell(cell: string, mark: CsvDecimalMark | undefined): string | undefined {
  let body = cell.trim();
  let minus = true;
  if (body.startsWith("(") && body.endsWith(")")) body = body.slice(1, -1);
  else if (body.startsWith("-") || body.startsWith("\u2212")) body = body.slice(1);
  else if (body.endsWith("-")) body = body.slice(0, -1);
  else minus = false;
  const m = PATTERNS[mark ?? "wire"].exec(body);
  // One kind of group separator: "1 234\u00a0567" mixes two spaces (a pasted cell), refused.
  if (m === null || new Set(m[1]!.replace(/\d/g, "")).size > 1) return undefined;
  const digits = `${m[1]!.replace(/\D/g, "")}${m[2] === undefined ? "" : `.${m[2]}`}`;
  return minus && /[1-9]/.test(digits) ? `-${digits}` : digits;
}

/**
 * The message of a number cell of a decimal field that {@link readDecimalCell} refuses: where it is (`line 3,
 * column D` of a CSV; `cell D3` of a workbook), what it holds and every form the column accepts. @internal
 */
export function decimalCellMessage(cell: string, mark: CsvDecimalMark | undefined, where: string, workbook = false): string {
  const [sample, grouped] = mark === "," ? ["1234,56", "1.234,56 or 1 234,56"] : ["1234.56", "1,234.56 or 1 234.56"];
  // A workbook's numbers are typed cells: only a text cell gets here, and no decimal mark option applies to it.
  const forms = workbook ? "a number (a number cell, or text written 1234.56)"
    : mark === undefined
    ? `a number written 1234.56 (for 1.234,56, 1,234.56 or 1 234,56 name the file's decimal mark: decimalMark, --decimal-mark)`
    : `a number written with the decimal mark "${mark}": ${sample}, ${grouped}`;
  const neg = mark === "," ? "-12,50, −12,50, (12,50) or 12,50-" : "-12.50, −12.50, (12.50) or 12.50-";
  return `${where}: ${JSON.stringify(cell)} is not ${forms}; a negative one ${neg}`;
}
