/**
 * The formula-injection rule of pmokit CSV, made exactly reversible. Export puts one `'` before a cell that a
 * spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, their full-width forms `＝＋－＠`, tab or
 * carriage return and is not a plain number such as `-12.50`) **and before a cell that already starts with `'`**; import takes one `'` away exactly
 * when it is followed by one of those characters or by another `'`. So import undoes precisely what export added:
 * `'+49 30 1234` is written `''+49 30 1234` and read back as `'+49 30 1234`. The same goes for the text after each
 * `;`, where a spreadsheet in a `;`-separator locale starts a new cell: `x;=1+1` is written `x;'=1+1`.
 *
 * The text after such a separator counts as starting there even behind one quote (`x;"=1+1` is written `x;'"=1+1`):
 * the quoted field doubles it, and a lenient reader takes `""=1+1` as the cell `=1+1`.
 *
 * With another delimiter the separators change: a cell holding the file's own delimiter is quoted, so only the other
 * separators a spreadsheet may split at start a cell — `;` in a `,` file, `,` in a `;` file, both in a tab file.
 */
import { csvDelimiter, OTHER_SEPARATORS as SPLITTERS, type CsvDelimiter } from "../../core/csv-delimiter.js";

export { csvDelimiter, type CsvDelimiter };

// The formula starts, full-width forms included (＝ ＋ － ＠: an East Asian Excel reads "＝1+1" as =1+1).
const F = "=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20";
const re = (source: string, flags?: string) => new RegExp(source, flags);
const FORMULA_START = re(`^[${F}]`);
const NUMBER = /^-?\d+(\.\d+)?$/;
const ADDED = re(`^'[${F}']`);
// A spreadsheet whose list separator is `;` (German, French … locales) splits a `,` CSV line at every `;`: the text
// after a `;` starts a cell of its own. The same reversible rule applies there: `'` after such a `;`. A `;` file opened
// where the separator is `,` (English locales) splits at every `,` the same way.
// A quote between counts too: the field is written quoted with the quote doubled (`a;""=1`), and a lenient reader takes
// the piece `""=1` as an empty quoted part followed by `=1` — a formula. So `;"=` is written `;'"=`.
const NEXT = `(?=[${F}']|"[${F}])`;
const AFTER: Readonly<Record<CsvDelimiter, RegExp>> = { ",": re(`;${NEXT}`, "g"), ";": re(`,${NEXT}`, "g"), "\t": re(`[;,]${NEXT}`, "g") };
const ADDED_AFTER: Readonly<Record<CsvDelimiter, RegExp>> = { ",": re(`;'${NEXT}`, "g"), ";": re(`,'${NEXT}`, "g"), "\t": re(`([;,])'${NEXT}`, "g") };

/**
 * A cell text as export writes it: one leading `'` when a spreadsheet would run it as a formula or it starts with
 * `'` itself, and one after each other separator (see the module note; `;` for the default `,` delimiter) that such
 * a text follows; unchanged otherwise.
 *
 * @example
 * ```ts
 * neutraliseCell("=SUM(A1)"); // "'=SUM(A1)"
 * neutraliseCell("'+49");     // "''+49"
 * neutraliseCell("-12.50");   // "-12.50" (a plain number is data)
 * neutraliseCell("x;=1+1");   // "x;'=1+1" (a `;` locale would start a cell at the `;`)
 * neutraliseCell("x,=1+1", ";"); // "x,'=1+1" (a `;` file: a `,` locale would start a cell at the `,`)
 * neutraliseCell('x;"=1+1');     // "x;'\"=1+1" (written "x;'""=1+1": the piece ""=1+1 would read as =1+1)
 * ```
 */
export function neutraliseCell(text: string, delimiter: CsvDelimiter = ","): string {
  const d = csvDelimiter(delimiter, "neutraliseCell");
  const inner = SPLITTERS[d].some((c) => text.includes(c)) ? text.replace(AFTER[d], "$&'") : text;
  return inner.startsWith("'") || (FORMULA_START.test(inner) && !NUMBER.test(inner)) ? `'${inner}` : inner;
}

/**
 * A cell text as import reads it: the one `'` that {@link neutraliseCell} adds is removed; any other text is kept.
 *
 * @example
 * ```ts
 * restoreCell("''+49");  // "'+49"
 * restoreCell("'quote"); // "'quote" (not added by export: kept)
 * restoreCell("x,'=1", ";"); // "x,=1"
 * ```
 */
export function restoreCell(text: string, delimiter: CsvDelimiter = ","): string {
  const d = csvDelimiter(delimiter, "restoreCell");
  const outer = ADDED.test(text) ? text.slice(1) : text;
  return SPLITTERS[d].some((c) => outer.includes(`${c}'`)) ? outer.replace(ADDED_AFTER[d], (m) => m.slice(0, -1)) : outer;
}
