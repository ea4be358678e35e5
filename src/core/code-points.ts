import { ValidationError } from "./errors.js";

/**
 * Orders two strings by Unicode code point — the order of their UTF-8 bytes, which is how SQL databases compare text
 * under a binary collation (SQLite `BINARY`, PostgreSQL `"C"`, MariaDB `utf8mb4_nopad_bin`). JavaScript's `<` orders
 * by UTF-16 code unit instead, which puts a character above U+FFFF (😀, stored as a surrogate pair) before one of
 * U+E000–U+FFFF (`Ａ`, `\uFFFD`); everywhere else the two orders agree. Returns -1, 0 or 1.
 *
 * @throws {ValidationError} when either argument is not a string.
 * @example
 * ```ts
 * compareCodePoints("\uFF21", "😀"); // -1 (while "\uFF21" < "😀" is false)
 * ```
 */
export function compareCodePoints(a: string, b: string): -1 | 0 | 1 {
  if (typeof a !== "string" || typeof b !== "string") throw ValidationError.single([typeof a !== "string" ? "a" : "b"], "expected a string", "compareCodePoints");
  return codePointOrder(a, b);
}

/** @internal {@link compareCodePoints} without the argument check, for the sort and filter loops. */
export function codePointOrder(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  let i = 0;
  while (a.charCodeAt(i) === b.charCodeAt(i)) i++; // they differ here, or one has ended (NaN)
  // The whole character from there (a surrogate pair reads as its code point above U+FFFF); past the end, -1: a prefix first.
  return (a.codePointAt(i) ?? -1) < (b.codePointAt(i) ?? -1) ? -1 : 1;
}
