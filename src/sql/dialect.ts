import { MysqlAdapter, PostgresAdapter, SqliteAdapter, sql, type Kysely, type RawBuilder } from "kysely";
import { ValidationError } from "../core/errors.js";
import { mysqlText } from "./mysql-literals.js";

/** The SQL dialects the adapter speaks. */
export type SqlDialectName = "sqlite" | "postgres" | "mysql";

/** Any Kysely instance (or transaction): the adapter uses untyped tables of its own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>;

/**
 * Works out the dialect of a Kysely instance from its query adapter (SQLite, PostgreSQL — including PGlite and
 * PostgreSQL-compatible engines — or MySQL/MariaDB).
 *
 * @throws {ValidationError} for a dialect pmokit does not know; pass `dialect` explicitly then.
 * @example
 * ```ts
 * detectDialect(new Kysely({ dialect: new SqliteDialect({ database: new Database(":memory:") }) })); // "sqlite"
 * ```
 */
export function detectDialect(db: AnyKysely): SqlDialectName {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return "sqlite";
  if (adapter instanceof PostgresAdapter) return "postgres";
  if (adapter instanceof MysqlAdapter) return "mysql";
  throw ValidationError.single(["dialect"], "unknown Kysely dialect: pass { dialect: 'sqlite' | 'postgres' | 'mysql' }", "sql adapter");
}

/*
 * JSON access per dialect. A "handle" is a JSON value inside a row: a field of the document (by dot path) or an
 * element of an array (in `contains`). Every predicate built from it is NULL-free (wrapped in COALESCE), so that
 * NOT and OR behave as in JavaScript, and every cast is guarded by a type test inside CASE, so that PostgreSQL never
 * tries to cast a string to a number.
 */

/** @internal A JSON value in SQL: its type test and scalar extractions. */
export interface JsonHandle {
  /** True when the value is absent (missing path). */
  readonly missing: RawBuilder<unknown>;
  /** True when the value is JSON null. */
  readonly isNull: RawBuilder<unknown>;
  readonly isString: RawBuilder<unknown>;
  readonly isNumber: RawBuilder<unknown>;
  readonly isBoolean: RawBuilder<unknown>;
  readonly isTrue: RawBuilder<unknown>;
  readonly isArray: RawBuilder<unknown>;
  /** The string value compared by code point (binary collation); only meaningful under `isString`. */
  readonly str: RawBuilder<unknown>;
  /** The numeric value as a double; only meaningful under `isNumber`. */
  readonly num: RawBuilder<unknown>;
}

/** @internal SQL pieces that differ between dialects. */
export interface DialectSql {
  readonly name: SqlDialectName;
  /** The document field at a dot path of letters and digits (validated before it gets here). */
  field(path: string): JsonHandle;
  /** EXISTS over the elements of the array at `path`, with `pred` applied to each element's handle. */
  anyElement(path: string, pred: (element: JsonHandle) => RawBuilder<unknown>): RawBuilder<unknown>;
  /** A string parameter compared with binary collation. */
  strParam(value: string): RawBuilder<unknown>;
  /** A number parameter. */
  numParam(value: number): RawBuilder<unknown>;
  /** A prefix test on a binary-collated string. */
  startsWith(str: RawBuilder<unknown>, prefix: string): RawBuilder<unknown>;
  readonly falseLit: RawBuilder<unknown>;
  /** The string sort key (MariaDB: a bounded prefix, see `SORT_PREFIX_LENGTH`). */
  sortStr(str: RawBuilder<unknown>): RawBuilder<unknown>;
  /** Text put before a SELECT that orders by a document field. */
  readonly orderedSelectPrefix: RawBuilder<unknown>;
}

/**
 * MariaDB compares ORDER BY keys only up to `max_sort_length` bytes (1024 by default: 256 four-byte characters), so
 * longer strings sharing a prefix sort as ties — by id — while the keyset seek still tells them apart: pages would
 * skip records. A key of a whole long string cannot be had (a sort key of 8 MB failed with "Out of sort memory"). The
 * adapter therefore orders by the first SORT_PREFIX_LENGTH characters, raising max_sort_length for the statement to
 * cover them, and puts strings that share them in order by their whole value afterwards (see long-strings.ts). The
 * seek compares whole values.
 */
export const SORT_PREFIX_LENGTH = 4096;

/** The alias of the table a list reads. */
export const LIST_ROW = "pmokit_row";

const lit = (s: string) => sql.lit(s);

function sqliteHandle(type: RawBuilder<unknown>, value: RawBuilder<unknown>): JsonHandle {
  return {
    missing: sql`(${type} IS NULL)`,
    isNull: sql`(${type} = 'null')`,
    isString: sql`(${type} = 'text')`,
    isNumber: sql`(${type} IN ('integer', 'real'))`,
    isBoolean: sql`(${type} IN ('true', 'false'))`,
    isTrue: sql`(${type} = 'true')`,
    isArray: sql`(${type} = 'array')`,
    str: sql`(CASE WHEN ${type} = 'text' THEN ${value} END)`,
    // As a double, like JSON.parse: JSON.stringify(2 ** 60) is "1152921504606847000", which SQLite would otherwise
    // read as that 64-bit integer and find unequal to the double 2^60 (eq missed it, keyset pages repeated records).
    num: sql`(CASE WHEN ${type} IN ('integer', 'real') THEN CAST(${value} AS REAL) END)`,
  };
}

const sqlite: DialectSql = {
  name: "sqlite",
  field(path) {
    const p = lit(`$.${path}`);
    return sqliteHandle(sql`json_type(doc, ${p})`, sql`json_extract(doc, ${p})`);
  },
  anyElement(path, pred) {
    const p = lit(`$.${path}`);
    return sql`(json_type(doc, ${p}) = 'array' AND EXISTS (SELECT 1 FROM json_each(doc, ${p}) AS je WHERE ${pred(
      sqliteHandle(sql`je.type`, sql`je.atom`),
    )}))`;
  },
  strParam: (v) => sql`${v}`,
  numParam: (v) => sql`${v}`,
  startsWith: (s, prefix) => sql`(substr(${s}, 1, ${[...prefix].length}) = ${prefix})`,
  falseLit: sql`0`,
  sortStr: (s) => s,
  orderedSelectPrefix: sql``,
};

function pgHandle(j: RawBuilder<unknown>): JsonHandle {
  const t = sql`json_typeof(${j})`;
  return {
    missing: sql`(${j} IS NULL)`,
    isNull: sql`(${t} = 'null')`,
    isString: sql`(${t} = 'string')`,
    isNumber: sql`(${t} = 'number')`,
    isBoolean: sql`(${t} = 'boolean')`,
    isTrue: sql`(${t} = 'boolean' AND (${j} #>> '{}') = 'true')`,
    isArray: sql`(${t} = 'array')`,
    str: sql`(CASE WHEN ${t} = 'string' THEN (${j} #>> '{}') END) COLLATE "C"`,
    num: sql`(CASE WHEN ${t} = 'number' THEN (${j} #>> '{}')::float8 END)`,
  };
}

const postgres: DialectSql = {
  name: "postgres",
  field(path) {
    return pgHandle(sql`(doc #> ${lit(`{${path.split(".").join(",")}}`)})`);
  },
  anyElement(path, pred) {
    const j = sql`(doc #> ${lit(`{${path.split(".").join(",")}}`)})`;
    return sql`(json_typeof(${j}) = 'array' AND EXISTS (SELECT 1 FROM json_array_elements(CASE WHEN json_typeof(${j}) = 'array' THEN ${j} ELSE '[]'::json END) AS je(v) WHERE ${pred(
      pgHandle(sql`je.v`),
    )}))`;
  },
  strParam: (v) => sql`(${v}::text COLLATE "C")`,
  numParam: (v) => sql`${v}::float8`,
  startsWith: (s, prefix) => sql`starts_with(${s}, ${prefix}::text)`,
  falseLit: sql`false`,
  sortStr: (s) => s,
  orderedSelectPrefix: sql``,
};

const MYSQL_COLLATE = sql.raw("utf8mb4_nopad_bin");

function mysqlHandle(j: RawBuilder<unknown>): JsonHandle {
  const t = sql`JSON_TYPE(${j})`;
  return {
    missing: sql`(${j} IS NULL)`,
    isNull: sql`(${t} = 'NULL')`,
    isString: sql`(${t} = 'STRING')`,
    isNumber: sql`(${t} IN ('INTEGER', 'DOUBLE', 'DECIMAL', 'UNSIGNED INTEGER'))`,
    isBoolean: sql`(${t} = 'BOOLEAN')`,
    isTrue: sql`(${t} = 'BOOLEAN' AND ${j} = 'true')`,
    isArray: sql`(${t} = 'ARRAY')`,
    str: sql`(CASE WHEN ${t} = 'STRING' THEN JSON_UNQUOTE(${j}) END) COLLATE ${MYSQL_COLLATE}`,
    num: sql`(CASE WHEN ${t} IN ('INTEGER', 'DOUBLE', 'DECIMAL', 'UNSIGNED INTEGER') THEN CAST(${j} AS DOUBLE) END)`,
  };
}

const mysql: DialectSql = {
  name: "mysql",
  field(path) {
    return mysqlHandle(sql`JSON_EXTRACT(doc, ${lit(`$.${path}`)})`);
  },
  anyElement(path, pred) {
    const j = sql`JSON_EXTRACT(doc, ${lit(`$.${path}`)})`;
    return sql`(JSON_TYPE(${j}) = 'ARRAY' AND EXISTS (SELECT 1 FROM JSON_TABLE(${j}, '$[*]' COLUMNS (v JSON PATH '$')) AS je WHERE ${pred(
      mysqlHandle(sql`je.v`),
    )}))`;
  },
  // Hex literals, not client-escaped parameters: safe under NO_BACKSLASH_ESCAPES (see mysql-literals.ts).
  strParam: (v) => mysqlText(v),
  numParam: (v) => sql`${v}`,
  startsWith: (s, prefix) => sql`(LEFT(${s}, ${sql.lit([...prefix].length)}) = ${mysqlText(prefix)})`,
  falseLit: sql`FALSE`,
  sortStr: (s) => sql`LEFT(${s}, ${sql.lit(SORT_PREFIX_LENGTH)})`,
  orderedSelectPrefix: sql.raw(`SET STATEMENT max_sort_length = ${SORT_PREFIX_LENGTH * 4} FOR `),
};

/** @internal The SQL pieces of a dialect. */
export function dialectSql(name: SqlDialectName): DialectSql {
  return name === "sqlite" ? sqlite : name === "postgres" ? postgres : mysql;
}
