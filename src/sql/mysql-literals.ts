import { sql, type RawBuilder } from "kysely";

/*
 * MySQL/MariaDB values as literals that mean the same bytes under every sql_mode. mysql2 escapes parameters on the
 * client with backslashes, which a server or session running with sql_mode NO_BACKSLASH_ESCAPES does not undo: a
 * quote in a value would end the string literal. So pmokit never relies on the client's escaping:
 *
 * - printable ASCII goes in plain '…' literals, a quote doubled ('' means ' in every sql_mode; ANSI_QUOTES is about
 *   "…" only), and every client character set is ASCII-compatible;
 * - a backslash (the one character whose meaning NO_BACKSLASH_ESCAPES changes) is written as the byte 0x01 and put
 *   back by REPLACE(…, X'01', X'5C') — when the value has no 0x01 of its own, as JSON text never has (JSON.stringify
 *   escapes every control character); otherwise it goes in hex like the rest:
 * - every other byte (?, control characters, UTF-8 beyond ASCII) goes in a hex literal X'…'. No ? is left in the
 *   text, so mysql2's placeholder formatting cannot touch a value.
 *
 * - with `utf8` (the connection was seen to carry UTF-8 unchanged: see `utf8Probe`), text beyond ASCII goes in the
 *   plain runs too, as its own UTF-8 bytes, in a _binary'…' literal (so no character_set_connection conversion
 *   touches it). UTF-8 never puts a quote, a backslash or a ? byte inside a multibyte character, so the rules above
 *   still hold. Without `utf8` it goes in hex.
 *
 * All hex (the first version) doubled every record against max_allowed_packet: a record just over half of it failed.
 * Now ASCII text costs its own size plus one byte per quote, and text beyond ASCII its UTF-8 size (hex: twice that,
 * only on a connection that does not carry UTF-8).
 */

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
const encoder = new TextEncoder();
const SENTINEL = "\u0001";

/**
 * @internal The query that tells whether a connection carries UTF-8 unchanged: its one value must be `UTF8_PROBE_HEX`.
 * (mysql2 encodes a statement in the connection's character set, which a `charset` option or SET NAMES can make
 * latin1: then "中" would reach the server as "?".)
 */
export const UTF8_PROBE = "SELECT HEX(_binary'é中😀') AS h";
/** @internal */
export const UTF8_PROBE_HEX = "C3A9E4B8ADF09F9880";

/** @internal True for a code unit at `i` that is beyond ASCII and part of well-formed UTF-16 (no lone surrogate). */
function wellFormedBeyondAscii(value: string, i: number): boolean {
  const c = value.charCodeAt(i);
  if (c < 0x80) return false;
  if (c >= 0xd800 && c <= 0xdbff) return (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && (value.charCodeAt(i - 1) & 0xfc00) === 0xd800;
  return true;
}

/**
 * @internal The size in bytes of `text` as UTF-8 (a lone surrogate as U+FFFD, 3 bytes, as encoders write it): what a
 * statement costs against max_allowed_packet.
 */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    // 2 bytes below U+0800; 3 for the rest of the BMP; a surrogate pair is 4 bytes for 2 units.
    n += c < 0x800 ? 1 : wellFormedBeyondAscii(text, i) && c >= 0xd800 && c <= 0xdfff ? 1 : 2;
  }
  return n;
}

/**
 * @internal A string as a utf8mb4 text literal with binary collation, safe under every sql_mode. `utf8`: the
 * connection carries UTF-8 unchanged, so text beyond ASCII may go as itself.
 */
export function mysqlTextLiteral(value: string, utf8 = false): string {
  const sentinel = !value.includes(SENTINEL);
  // A code unit that may stand in a plain literal (quotes doubled, backslashes as the sentinel).
  const plain = (i: number) => {
    const c = value.charCodeAt(i);
    return (c >= 0x20 && c <= 0x7e && c !== 0x3f /* ? */ && (sentinel || c !== 0x5c)) /* \ */ || (utf8 && wellFormedBeyondAscii(value, i));
  };
  const parts: string[] = [];
  let i = 0;
  while (i < value.length) {
    let j = i;
    if (plain(i)) {
      let ascii = true;
      for (; j < value.length && plain(j); j++) if (value.charCodeAt(j) >= 0x80) ascii = false;
      let text = value.slice(i, j).replaceAll("'", "''");
      if (sentinel) text = text.replaceAll("\\", SENTINEL);
      parts.push(ascii ? `'${text}'` : `_binary'${text}'`);
    } else {
      while (j < value.length && !plain(j)) j++;
      let hex = "";
      for (const b of encoder.encode(value.slice(i, j))) hex += HEX[b] as string;
      parts.push(`X'${hex}'`);
    }
    i = j;
  }
  let bytes = parts.length === 0 ? "X''" : parts.length === 1 ? (parts[0] as string) : `CONCAT(${parts.join(", ")})`;
  if (sentinel && value.includes("\\")) bytes = `REPLACE(${bytes}, X'01', X'5C')`;
  return `(CONVERT(${bytes} USING utf8mb4) COLLATE utf8mb4_nopad_bin)`;
}

/** @internal {@link mysqlTextLiteral} as a Kysely fragment. */
export function mysqlText(value: string): RawBuilder<unknown> {
  return sql.raw(mysqlTextLiteral(value));
}

/** @internal One parameter value as a literal: text (see mysqlTextLiteral), finite numbers as digits, null as NULL. */
function literal(value: unknown, utf8: boolean): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return mysqlTextLiteral(value, utf8);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  throw new TypeError(`no MySQL literal for ${typeof value}`);
}

/**
 * @internal Replaces the `?` placeholders of one of pmokit's own statements (no `?` anywhere else in its text) by
 * literals of the values; `utf8` as for {@link mysqlTextLiteral}.
 */
export function inlineMysqlParams(text: string, params: readonly unknown[], utf8 = false): string {
  const parts = text.split("?");
  if (parts.length !== params.length + 1) throw new TypeError(`statement has ${parts.length - 1} placeholders, ${params.length} values`);
  let out = parts[0] as string;
  for (let i = 0; i < params.length; i++) out += literal(params[i], utf8) + (parts[i + 1] as string);
  return out;
}
