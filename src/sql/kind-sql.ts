import type { EntityKind } from "../entities/registry.js";
import type { StoredRecord } from "../storage/port.js";
import { fieldValue } from "../storage/query.js";
import type { SqlDialectName } from "./dialect.js";
import { docColumn } from "./documents.js";
import { SCHEMA_INDEXED } from "./migrations.js";
import { columnName, INDEXED_MAX_LENGTH, quoteId, tableName } from "./schema.js";

/*
 * The SQL adapter's per-kind statements and row values (internal), apart from the adapter's logic.
 */

/** The per-kind statements, compiled once: they are the hot path (inserts in bulk, get by id). */
export interface KindSql {
  readonly kind: EntityKind;
  readonly table: string;
  readonly columns: readonly { readonly path: string; readonly column: string }[];
  readonly columnOf: ReadonlyMap<string, string>;
  readonly insert: string;
  /** Compare-and-set (PostgreSQL: a SELECT of `found`, the version compared, `changed`, 0 or 1, and `gone`). */
  readonly update: string;
  readonly get: string;
  readonly version: string;
  /**
   * PostgreSQL: the version of the row with this id inserted by the transaction that deleted the old row (its xmax),
   * or by a transaction (or subtransaction) older than the id taken after the wait, if any.
   */
  readonly reinserted: string;
  readonly delete: string;
  readonly deleteVersion: string;
}

/** SQL: transaction id `a` precedes `b` (64 bits, or 32) in PostgreSQL's circular order of 32-bit ids. */
const precedes = (a: string, b: string) => `((${b} - ${a}) % 4294967296 + 4294967296) % 4294967296 BETWEEN 1 AND 2147483647`;

export function kindSql(dialect: SqlDialectName, kind: EntityKind): KindSql {
  const ph = (i: number) => (dialect === "postgres" ? `$${i}` : "?");
  const table = tableName(kind);
  const columns = (SCHEMA_INDEXED[kind] ?? []).map((path) => ({ path, column: columnName(path) }));
  const names = ["id", "version", "created_at", "updated_at", "doc", ...columns.map((c) => quoteId(dialect, c.column))];
  const values = names.map((_, i) => ph(i + 1));
  const conflict = dialect === "mysql" ? "" : " ON CONFLICT (id) DO NOTHING";
  const sets = names.slice(1).map((n, i) => `${n} = ${ph(i + 1)}`);
  const n = names.length;
  // PostgreSQL: one statement locks the row (FOR UPDATE waits for a writer holding it and reads its committed
  // version), writes only when that is the version expected, and says which version it compared (null: no row).
  // With no row under the lock, `gone` says whether the statement's snapshot held one: null when it did not (no
  // record, nothing to read again), else "<xmax> <id>": the (sub)transaction that deleted the row meanwhile, and this
  // transaction's id (pg_current_xact_id(), asked only then). An id first taken then, after the lock wait, is newer
  // than the deleting transaction and every subtransaction of it — so a row it inserted again, in a savepoint or not,
  // has an older id; a writer after it, a newer (see `reinserted`). This transaction's may be older than theirs: then only the deleter's own xmax is matched, as before.
  const pgCas = (id: string, expected: string, write: string) =>
    `WITH cur AS (SELECT version FROM ${table} WHERE id = ${id} FOR UPDATE), u AS (${write} cur WHERE ${table}.id = ${id} AND cur.version = ${expected} RETURNING 1) SELECT (SELECT version FROM cur) AS found, (SELECT count(*) FROM u) AS changed, (SELECT xmax::text || ' ' || pg_current_xact_id()::text FROM ${table} WHERE id = ${id} AND NOT EXISTS (SELECT 1 FROM cur)) AS gone`;
  return {
    kind,
    table,
    columns,
    columnOf: new Map(columns.map((c) => [c.path, c.column])),
    insert: `INSERT INTO ${table} (${names.join(", ")}) VALUES (${values.join(", ")})${conflict}`,
    update:
      dialect === "postgres"
        ? pgCas(ph(n), ph(n + 1), `UPDATE ${table} SET ${sets.join(", ")} FROM`)
        : `UPDATE ${table} SET ${sets.join(", ")} WHERE id = ${ph(n)} AND version = ${ph(n + 1)}`,
    get: `SELECT ${docColumn(dialect)} FROM ${table} WHERE id = ${ph(1)}`,
    // MariaDB: a locking read sees the latest row; a plain SELECT in a REPEATABLE READ transaction reads its snapshot.
    version: `SELECT version FROM ${table} WHERE id = ${ph(1)}${dialect === "mysql" ? " LOCK IN SHARE MODE" : ""}`,
    // $2: the deleting xmax, $3: the id taken after the wait. "a precedes b" for 32-bit ids modulo 2^32, as PostgreSQL
    // compares them. The deleter's own row, or one older than the id when the deleter is older too.
    reinserted: `SELECT version FROM ${table} WHERE id = $1 AND (xmin::text = $2 OR (${precedes("xmin::text::bigint", "$3::bigint")} AND ${precedes("$2::bigint", "$3::bigint")}))`,
    delete: `DELETE FROM ${table} WHERE id = ${ph(1)}`,
    deleteVersion: dialect === "postgres" ? pgCas("$1", "$2", `DELETE FROM ${table} USING`) : `DELETE FROM ${table} WHERE id = ${ph(1)} AND version = ${ph(2)}`,
  };
}

/** The row values of a record: base columns, the JSON document, then the indexed columns. */
export function rowValues(k: KindSql, record: StoredRecord): unknown[] {
  // The instant columns hold the value when it fits MariaDB's VARCHAR(64) (every instant does): the document is the
  // record, so a raw record's longer string is kept there, as on SQLite and PostgreSQL (MariaDB refused it).
  const text = (v: unknown) => (typeof v === "string" && v.length <= 64 ? v : null);
  const out: unknown[] = [record.version, text(record.createdAt), text(record.updatedAt), JSON.stringify(record)];
  for (const c of k.columns) {
    const v = fieldValue(record, c.path);
    out.push(typeof v === "string" && v.length <= INDEXED_MAX_LENGTH ? v : null);
  }
  return out;
}
