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

/**
 * The ValidationError for an element name that could pollute a prototype (`__proto__`, `constructor`,
 * `prototype`).
 *
 * @example
 * ```ts
 * throw reservedNameError("__proto__", "ReqIF file");
 * ```
 */
export function reservedNameError(name: string, subject: string): ValidationError {
  return ValidationError.single([], `refused: Invalid name: "${name}" is a reserved JavaScript keyword that could cause prototype pollution`, subject);
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
