import { ValidationError } from "../../core/index.js";

/** Element names that would reach `Object.prototype` if they became object keys; refused as element names. */
export const CRITICAL_NAMES: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * The checks every untrusted XML text passes before a parser sees it: a size limit, a byte-order mark removed, and
 * no document type declaration (the carrier of entity-expansion "billion laughs" and external-entity attacks — MSPDI
 * and ReqIF never need one). Returns the text to parse.
 *
 * @throws {ValidationError} on a too-large document or a DOCTYPE/ENTITY declaration (with its line).
 * @example
 * ```ts
 * guardXmlText("\uFEFF<a/>", "example", 1024); // "<a/>"
 * ```
 */
export function guardXmlText(text: string, subject: string, maxChars: number): string {
  if (text.length > maxChars) throw ValidationError.single([], `document is larger than ${maxChars} characters`, subject);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(body);
  if (doctype) {
    throw ValidationError.single(
      [],
      `document type declaration at line ${lineOf(body, doctype.index)} refused: DTDs carry entity-expansion and external-entity attacks`,
      subject,
    );
  }
  return body;
}

/** Where a refused element name is: as written (prefix kept), its parent's local name, and its line and column. */
export interface ReservedNamePlace {
  readonly written: string;
  readonly parent: string | undefined;
  /** saxes' line and column once the name and the character after it are read (`opentagstart`). */
  readonly line: number;
  readonly column: number;
}

/**
 * The ValidationError for an element name that could pollute a prototype (`__proto__`, `constructor`,
 * `prototype`), naming the element as written, its parent and the line and column of its `<` — as a malformed-XML
 * refusal names its place. The place comes from saxes after the name and one more character are read: the `<` is
 * `name.length + 1` columns back; when that character was a line break, the column is not known and only the line
 * is given.
 *
 * @example
 * ```ts
 * throw reservedNameError("__proto__", "ReqIF file", { written: "__proto__", parent: "THE-HEADER", line: 4, column: 15 });
 * // element <__proto__> in <THE-HEADER> at line 4, column 5 refused: "__proto__" is a reserved JavaScript keyword …
 * ```
 */
export function reservedNameError(name: string, subject: string, place: ReservedNamePlace): ValidationError {
  const at = place.column === 0 ? `line ${place.line - 1}` : `line ${place.line}, column ${place.column - place.written.length - 1}`;
  const parent = place.parent === undefined || place.parent === "" ? "" : ` in <${place.parent}>`;
  return ValidationError.single([], `element <${place.written}>${parent} at ${at} refused: "${name}" is a reserved JavaScript keyword that could cause prototype pollution`, subject);
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
