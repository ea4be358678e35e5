// ECMA-376 Part 1 §22.9.2.19 (ST_Xstring): a spreadsheet string writes a character XML cannot carry, or would
// change, as `_xHHHH_` (a carriage return is `_x000D_`: XML parsers turn a raw CR into LF), and a literal text that
// would read as such an escape gets its `_` written as `_x005F_`. Excel writes and reads them so; Calc reads them.
// Lives in core (imports nothing) so both the record workbook (io) and the report workbook (reports) write with it;
// it is not exported from core's index, so the root entry does not carry it.

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
// U+007F is legal XML, but ExcelJS's writer drops it from cell text: escaped too, so it reaches the file.
const CONTROL = "\\u0000-\\u0008\\u000B\\u000C\\u000D\\u000E-\\u001F\\u007F\\uFFFE\\uFFFF";
// One pass, left to right: a control character, or an `_` that would start an escape once written — followed by
// `xHHHH` and then an `_` or a control character (whose own escape starts with `_`). Two look-alikes may share an
// underscore (`_x005f_x0041_`): the lookahead sees both.
const ENCODE = new RegExp(`[${CONTROL}]|_(?=x[0-9A-Fa-f]{4}(?:_|[${CONTROL}]))`, "g");

/** Decodes the `_xHHHH_` escapes of a cell text (`a_x000D_b` → `a\rb`, `_x005F_x0041_` → `_x0041_`). @internal */
export function decodeXstring(text: string): string {
  return text.includes("_x") ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/**
 * Escapes a cell text for a workbook: a literal `_xHHHH_` keeps its text (`_x005F_xHHHH_`), and a carriage return or
 * another control character XML (or ExcelJS's writer: U+007F) would drop or refuse becomes `_xHHHH_`. Tab and LF stay as they are.
 * `decodeXstring(encodeXstring(t)) === t` for every text. @internal
 */
export function encodeXstring(text: string): string {
  return text.replace(ENCODE, (c) => (c === "_" ? "_x005F_" : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));
}

/**
 * The most characters an Excel cell holds (Excel specifications and limits: "Total number of characters that a cell
 * can contain: 32,767"), counted as Excel's LEN counts: UTF-16 code units of the cell text, after `_xHHHH_` escapes
 * are decoded. A longer cell makes Excel repair the file on open and cut the text.
 *
 * @example
 * ```ts
 * text.length > XLSX_MAX_CELL_CHARS; // true: exportXlsx refuses it, the report workbook cuts it with a marker
 * ```
 */
export const XLSX_MAX_CELL_CHARS = 32_767;
