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
 * All hex (the first version) doubled every record against max_allowed_packet: a record just over half of it failed.
 * Now ASCII text costs its own size plus one byte per quote, and text beyond ASCII two bytes per byte.
 */

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
const encoder = new TextEncoder();
const SENTINEL = "\u0001";

/** @internal A string as a utf8mb4 text literal with binary collation, safe under every sql_mode. */
export function mysqlTextLiteral(value: string): string {
  const sentinel = !value.includes(SENTINEL);
  // A code unit that may stand in a plain literal (quotes doubled, backslashes as the sentinel).
  const plain = (c: number) => (c >= 0x20 && c <= 0x7e && c !== 0x3f /* ? */ && (sentinel || c !== 0x5c)) /* \ */;
  const parts: string[] = [];
  let i = 0;
  while (i < value.length) {
    let j = i;
    if (plain(value.charCodeAt(i))) {
      while (j < value.length && plain(value.charCodeAt(j))) j++;
      let text = value.slice(i, j).replaceAll("'", "''");
      if (sentinel) text = text.replaceAll("\\", SENTINEL);
      parts.push(`'${text}'`);
    } else {
      while (j < value.length && !plain(value.charCodeAt(j))) j++;
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

/** @internal One parameter value as a literal: text as hex, finite numbers as digits, null as NULL. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return mysqlTextLiteral(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  throw new TypeError(`no MySQL literal for ${typeof value}`);
}

/**
 * @internal Replaces the `?` placeholders of one of pmokit's own statements (no `?` anywhere else in its text) by
 * literals of the values.
 */
export function inlineMysqlParams(text: string, params: readonly unknown[]): string {
  const parts = text.split("?");
  if (parts.length !== params.length + 1) throw new TypeError(`statement has ${parts.length - 1} placeholders, ${params.length} values`);
  let out = parts[0] as string;
  for (let i = 0; i < params.length; i++) out += literal(params[i]) + (parts[i + 1] as string);
  return out;
}
