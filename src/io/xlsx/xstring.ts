// ECMA-376 Part 1 §22.9.2.19 (ST_Xstring): a spreadsheet string writes a character XML cannot carry, or would
// change, as `_xHHHH_` (a carriage return is `_x000D_`: XML parsers turn a raw CR into LF), and a literal text that
// would read as such an escape gets its `_` written as `_x005F_`. Excel writes and reads them so; Calc reads them.

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Decodes the `_xHHHH_` escapes of a cell text (`a_x000D_b` → `a\rb`, `_x005F_x0041_` → `_x0041_`). @internal */
export function decodeXstring(text: string): string {
  return text.includes("_x") ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/**
 * Escapes a cell text for a workbook: a literal `_xHHHH_` keeps its text (`_x005F_xHHHH_`), and a carriage return or
 * another control character XML would drop or refuse becomes `_xHHHH_`. Tab and LF stay as they are. @internal
 */
export function encodeXstring(text: string): string {
  return text
    .replace(ESCAPE, "_x005F_x$1_")
    .replace(/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}
