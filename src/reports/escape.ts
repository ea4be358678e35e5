/**
 * Escaping for the HTML and SVG the reports write. Every piece of user text goes through {@link escapeHtml} before
 * it is placed in markup; nothing else is trusted.
 */
import { checkArguments } from "../core/index.js";

// Characters XML 1.0 forbids (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). An SVG saved on its
// own is XML, and one of these would make the whole file unreadable, so they become U+FFFD.
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITY: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML and SVG, in both contexts the reports use: element text and quoted attribute values
 * (`"` and `'` are escaped too, so a value can never close its attribute). Characters that XML forbids are
 * replaced by U+FFFD so a standalone SVG stays well-formed.
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
  return String(text).replace(NOT_XML_CHAR, "\ufffd").replace(/[&<>"']/g, (c) => ENTITY[c] ?? c);
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
