// Spreadsheet column letters, shared by the record workbook (io) and the report workbook (reports) to name cells in
// messages. Not exported from core's index, so the root entry does not carry it.

/**
 * The letters of a 0-based column index: `0` → `A`, `25` → `Z`, `26` → `AA`.
 *
 * @example
 * ```ts
 * columnLetter(26); // "AA"
 * ```
 * @internal
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * A count with `,` between thousands, whatever the locale (`40019` → `40,019`). @internal
 *
 * @example
 * ```ts
 * groupedCount(32767); // "32,767"
 * ```
 */
export function groupedCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
}
