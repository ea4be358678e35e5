/**
 * Escaping for the HTML and SVG the reports write. Every piece of user text goes through {@link escapeHtml} before
 * it is placed in markup; nothing else is trusted.
 */
import { checkArguments } from "../core/index.js";
import { NOT_XML_CHAR } from "../core/xml-char.js";

// Characters XML 1.0 forbids (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF: core/xml-char.ts, the
// definition the XML writers use too). An SVG saved on its own is XML, and one of these would make the whole file
// unreadable, so they become U+FFFD.

/**
 * Replaces every character XML 1.0 cannot carry (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) by
 * U+FFFD. @internal
 *
 * @example
 * ```ts
 * replaceNonXmlChars("a\u000bb"); // "a\ufffdb"
 * ```
 */
export function replaceNonXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, "\ufffd");
}

// Bidirectional formatting characters: LRE RLE LRO RLO (closed by PDF U+202C) and LRI RLI FSI (closed by PDI U+2069).
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const BIDI_ALL = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Closes every bidirectional embedding, override or isolate a text opens and leaves open: a PDF (U+202C) or PDI
 * (U+2069) per open one, innermost first. An unclosed RIGHT-TO-LEFT OVERRIDE (U+202E) in a user's text would
 * otherwise reverse what the report prints after it on the same line — `Budget\u202E` as a figure's label shows its
 * value `1000` as `0001` ("Trojan Source"); closed, it reorders only the user's own text. @internal
 *
 * @example
 * ```ts
 * closeBidi("abc\u202Edef"); // "abc\u202Edef\u202C"
 * closeBidi("a\u2067b\u2069c"); // unchanged: balanced
 * ```
 */
export function closeBidi(text: string): string {
  if (!BIDI.test(text)) return text;
  const open: string[] = [];
  for (const [c] of text.matchAll(BIDI_ALL)) {
    if (c === "\u202c") {
      if (open.at(-1) === "\u202c") open.pop();
    } else if (c === "\u2069") {
      // A PDI closes the last open isolate and every embedding opened inside it; with none open it does nothing.
      const i = open.lastIndexOf("\u2069");
      if (i >= 0) open.length = i;
    } else open.push(c >= "\u2066" ? "\u2069" : "\u202c");
  }
  return text + open.reverse().join("");
}

const ENTITY: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML and SVG, in both contexts the reports use: element text and quoted attribute values
 * (`"` and `'` are escaped too, so a value can never close its attribute). Characters that XML forbids are
 * replaced by U+FFFD so a standalone SVG stays well-formed.
 *
 * A bidirectional embedding, override or isolate the text leaves open is closed at its end, so
 * a RIGHT-TO-LEFT OVERRIDE in one name cannot reverse the figures printed after it.
 *
 * Never use the result in an unquoted attribute, a URL, a `<script>` or a `<style>`: the reports never do.
 *
 * @example
 * ```ts
 * escapeHtml('<script>alert(1)</script>'); // "&lt;script&gt;alert(1)&lt;/script&gt;"
 * escapeHtml('" onload="x');                // "&quot; onload=&quot;x"
 * ```
 */
export function escapeHtml(text: string): string {
  checkArguments("escapeHtml", { text: [text, "string"] });
  return closeBidi(replaceNonXmlChars(String(text)).replace(/[&<>"']/g, (c) => ENTITY[c] ?? c));
}

/**
 * A safe identifier fragment for `id`/`class` values: keeps ASCII letters, digits, `-` and `_`, replaces the rest
 * with `-`, and prefixes `x` when the result would not start with a letter.
 *
 * @example
 * ```ts
 * safeId('a b"<c');  // "a-b--c"
 * safeId("1st");     // "x1st"
 * ```
 */
export function safeId(text: string): string {
  checkArguments("safeId", { text: [text, "string"] });
  const s = String(text).replace(/[^A-Za-z0-9_-]/g, "-");
  return /^[A-Za-z]/.test(s) ? s : `x${s}`;
}
