/**
 * The formula-injection rule of pmokit CSV, made exactly reversible. Export puts one `'` before a cell that a
 * spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, tab or carriage return and is not a plain
 * number such as `-12.50`) **and before a cell that already starts with `'`**; import takes one `'` away exactly
 * when it is followed by one of those characters or by another `'`. So import undoes precisely what export added:
 * `'+49 30 1234` is written `''+49 30 1234` and read back as `'+49 30 1234`.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const ADDED = /^'[=+\-@\t\r']/;

/**
 * A cell text as export writes it: one leading `'` when a spreadsheet would run it as a formula or it starts with
 * `'` itself; unchanged otherwise.
 *
 * @example
 * ```ts
 * neutraliseCell("=SUM(A1)"); // "'=SUM(A1)"
 * neutraliseCell("'+49");     // "''+49"
 * neutraliseCell("-12.50");   // "-12.50" (a plain number is data)
 * ```
 */
export function neutraliseCell(text: string): string {
  return text.startsWith("'") || (FORMULA_START.test(text) && !NUMBER.test(text)) ? `'${text}` : text;
}

/**
 * A cell text as import reads it: the one `'` that {@link neutraliseCell} adds is removed; any other text is kept.
 *
 * @example
 * ```ts
 * restoreCell("''+49");  // "'+49"
 * restoreCell("'quote"); // "'quote" (not added by export: kept)
 * ```
 */
export function restoreCell(text: string): string {
  return ADDED.test(text) ? text.slice(1) : text;
}
