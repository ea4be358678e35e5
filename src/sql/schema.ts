import { sql, type RawBuilder } from "kysely";
import { entityKinds, type EntityKind } from "../entities/registry.js";
import type { SqlDialectName } from "./dialect.js";

/*
 * The schema: one table per entity kind (`pmokit_project`, `pmokit_work_package`, …), each holding
 *   id, version, created_at, updated_at, doc (the wire record as JSON text, byte for byte),
 * plus one text column per field the registry marks `indexed` (`project_id`, `status`, …) with an index on
 * (column, id) — the order keyset pages need. Indexed columns hold the field's value when it is a string of at most
 * INDEXED_MAX_LENGTH characters and NULL otherwise; queries use them only where that is exact (see filters.ts).
 */

/** Prefix of every table pmokit creates. *
 * @example
 * ```ts
 * `${TABLE_PREFIX}project`; // "pmokit_project"
 * ```
 */
export const TABLE_PREFIX = "pmokit_";

/** Name of the table that records applied migrations. *
 * @example
 * ```ts
 * await sql`SELECT version, name, applied_at FROM ${sql.table(MIGRATIONS_TABLE)}`.execute(db);
 * ```
 */
export const MIGRATIONS_TABLE = "pmokit_migrations";

/** Longest string an indexed column holds; longer values stay only in the document (fits every index limit). *
 * @example
 * ```ts
 * "x".repeat(INDEXED_MAX_LENGTH + 1); // still stored and filterable, through the JSON document
 * ```
 */
export const INDEXED_MAX_LENGTH = 256;

const BASE_COLUMNS = new Set(["id", "version", "created_at", "updated_at", "doc"]);

/**
 * The table of an entity kind.
 *
 * @example
 * ```ts
 * tableName("work-package"); // "pmokit_work_package"
 * ```
 */
export function tableName(kind: EntityKind): string {
  return TABLE_PREFIX + kind.replace(/-/g, "_");
}

/**
 * The column of an indexed field path: snake case, dots become underscores.
 *
 * @example
 * ```ts
 * columnName("from.id"); // "from_id"
 * columnName("rolloutPlanId"); // "rollout_plan_id"
 * ```
 */
export function columnName(path: string): string {
  return path.replace(/\./g, "_").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** @internal Indexed field paths of a kind with their column names. */
export function indexedColumns(
  kind: EntityKind,
  indexed: readonly string[] = entityKinds[kind].indexed,
): readonly { readonly path: string; readonly column: string }[] {
  return indexed.map((path) => {
    const column = columnName(path);
    if (BASE_COLUMNS.has(column)) throw new Error(`indexed field ${path} of ${kind} collides with a base column`);
    return { path, column };
  });
}

/** The DDL type names of a dialect. */
interface Types {
  readonly id: string;
  readonly version: string;
  readonly instant: string;
  readonly doc: string;
  readonly indexed: string;
  readonly tableSuffix: string;
}

const TYPES: Record<SqlDialectName, Types> = {
  sqlite: { id: "TEXT", version: "INTEGER", instant: "TEXT", doc: "TEXT", indexed: "TEXT", tableSuffix: "" },
  // C collation: byte order of UTF-8, i.e. code point order, and case-sensitive equality.
  postgres: {
    id: 'TEXT COLLATE "C"',
    version: "INTEGER",
    instant: "TEXT",
    doc: "JSON",
    indexed: 'TEXT COLLATE "C"',
    tableSuffix: "",
  },
  // utf8mb4_nopad_bin: code point order, case- and trailing-space-sensitive.
  mysql: {
    id: "VARCHAR(255) COLLATE utf8mb4_nopad_bin",
    version: "INTEGER",
    instant: "VARCHAR(64) COLLATE utf8mb4_nopad_bin",
    doc: "LONGTEXT COLLATE utf8mb4_nopad_bin",
    indexed: `VARCHAR(${INDEXED_MAX_LENGTH}) COLLATE utf8mb4_nopad_bin`,
    tableSuffix: " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin ENGINE=InnoDB",
  },
};

/** @internal Quotes an identifier for a dialect (some indexed columns — `key`, `type`, `number` — are keywords). */
export function quoteId(dialect: SqlDialectName, id: string): string {
  return dialect === "mysql" ? `\`${id}\`` : `"${id}"`;
}

/** @internal DDL of one kind's table and its indexes; every statement is idempotent (IF NOT EXISTS). */
export function kindTableDdl(dialect: SqlDialectName, kind: EntityKind, indexed: readonly string[]): RawBuilder<unknown>[] {
  const t = TYPES[dialect];
  const table = tableName(kind);
  const cols = indexedColumns(kind, indexed);
  const columns = [
    `id ${t.id} NOT NULL PRIMARY KEY`,
    `version ${t.version} NOT NULL`,
    `created_at ${t.instant}`,
    `updated_at ${t.instant}`,
    `doc ${t.doc} NOT NULL`,
    ...cols.map((c) => `${quoteId(dialect, c.column)} ${t.indexed}`),
  ];
  const index = (c: { column: string }) => `${table}_${c.column}_idx`;
  if (dialect === "mysql") {
    // MySQL/MariaDB declare indexes inside CREATE TABLE: one idempotent statement per kind (DDL there is slow).
    columns.push(...cols.map((c) => `INDEX ${index(c)} (${quoteId(dialect, c.column)}, id)`));
    return [sql.raw(`CREATE TABLE IF NOT EXISTS ${table} (${columns.join(", ")})${t.tableSuffix}`)];
  }
  const out = [sql.raw(`CREATE TABLE IF NOT EXISTS ${table} (${columns.join(", ")})${t.tableSuffix}`)];
  for (const c of cols) out.push(sql.raw(`CREATE INDEX IF NOT EXISTS ${index(c)} ON ${table} (${quoteId(dialect, c.column)}, id)`));
  return out;
}

/** @internal DDL of the migrations table. */
export function migrationsTableDdl(dialect: SqlDialectName): RawBuilder<unknown> {
  const t = TYPES[dialect];
  return sql.raw(
    `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version INTEGER NOT NULL PRIMARY KEY, name ${
      dialect === "mysql" ? "VARCHAR(200)" : "TEXT"
    } NOT NULL, applied_at ${t.instant} NOT NULL)${t.tableSuffix}`,
  );
}
