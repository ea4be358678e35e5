import { sql, type RawBuilder } from "kysely";

/*
 * MySQL/MariaDB values as hexadecimal literals. mysql2 escapes parameters on the client with backslashes, which a
 * server or session running with sql_mode NO_BACKSLASH_ESCAPES does not undo: a quote in a value would end the
 * string literal. A hex literal (X'…') means the same bytes under every sql_mode, so pmokit sends every string it
 * writes or compares this way and never relies on the client's escaping.
 */

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** @internal A string as a utf8mb4 text literal with binary collation, safe under every sql_mode. */
export function mysqlTextLiteral(value: string): string {
  let hex = "";
  for (const b of new TextEncoder().encode(value)) hex += HEX[b] as string;
  return `(CONVERT(X'${hex}' USING utf8mb4) COLLATE utf8mb4_nopad_bin)`;
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
