import { CompiledQuery, sql, type QueryResult } from "kysely";
import { DuplicateIdError, isPmoError, TransactionMisuseError, ValidationError, VersionConflictError } from "../core/errors.js";
import { checkSqlOptions, sqlSettings, type SqlAdapterOptions } from "./adapter-options.js";
import { casOf } from "./compare-and-set.js";
import type { EntityKind } from "../entities/registry.js";
import type { Capabilities, ListQuery, Page, RecordStore, StorageAdapter, StoredRecord } from "../storage/port.js";
import { encodeCursor, fieldValue, validateListQuery, type Scalar } from "../storage/query.js";
import { insideOpenTransaction, runTransactionBody } from "../storage/transaction-scope.js";
import { storableRecord, storableText } from "../storage/record-check.js";
import { detectDialect, dialectSql, LIST_ROW, type AnyKysely } from "./dialect.js";
import { toStorageError } from "./driver-errors.js";
import { docColumn, parseDoc } from "./documents.js";
import { prepareSqlite } from "./sqlite-prepare.js";
import { orderAndSeek, SQL_FILTER_OPS, wherePredicate } from "./filters.js";
import { mysqlSender } from "./mysql-send.js";
import { mysqlRunReader, orderLongStrings } from "./long-strings.js";
import { sessionKey } from "./session.js";
import { kindSql, rowValues, type KindSql } from "./kind-sql.js";
import { SCHEMA_INDEXED } from "./migrations.js";

export type { SqlAdapterOptions } from "./adapter-options.js";

const affected = (r: QueryResult<unknown>) => Number(r.numAffectedRows ?? 0n);

function isMysqlDuplicate(e: unknown): boolean {
  const err = e as { errno?: number; code?: string };
  return err?.errno === 1062 || err?.code === "ER_DUP_ENTRY";
}

/** The key of the sort field of a record, as pageOf computes it (objects and arrays sort as null). */
function sortValue(record: StoredRecord, field: string): Scalar {
  const v = fieldValue(record, field);
  return v === undefined || (v !== null && typeof v === "object") ? null : (v as Scalar);
}

/**
 * A storage adapter over a Kysely instance: SQLite (better-sqlite3), PostgreSQL (pg, PGlite, PostgreSQL-compatible
 * engines) or MySQL/MariaDB (mysql2). Run {@link migrate} once before use. It passes pmokit's whole conformance
 * kit: compare-and-set updates checked by affected rows, interactive transactions (nested calls are savepoints),
 * keyset pagination, and every filter operator.
 *
 * @throws {ValidationError} at `["db"]`, from the first call, when `db` was built with Kysely's `SqliteDialect` over a
 *   better-sqlite3 Database another such Kysely instance already uses (use `SharedSqliteDialect`).
 * @example
 * ```ts
 * import { Kysely, PostgresDialect } from "kysely";
 * import pg from "pg";
 * import { createSqlAdapter, migrate } from "pmokit/sql";
 * import { createRepositories } from "pmokit";
 *
 * const db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }) }) });
 * await migrate(db);
 * const repos = createRepositories(createSqlAdapter(db));
 * ```
 */
export function createSqlAdapter(db: AnyKysely, options: SqlAdapterOptions = {}): StorageAdapter {
  checkSqlOptions(options);
  const dialect = options.dialect ?? detectDialect(db);
  const d = dialectSql(dialect);
  const name = options.name ?? `sql:${dialect}`;
  // What "inside one of this database's transactions" is keyed by: shared by every adapter and Kysely instance on one
  // PGlite instance or better-sqlite3 Database (PgliteDialect, SharedSqliteDialect), and by a Kysely instance's
  // withSchema/withPlugin copies (one driver, one connection mutex). Read at each use (SharedSqliteDialect knows its
  // Database once the driver has opened it).
  const session = () => sessionKey(db);
  const { maxPageSize, busyTimeoutMs, contentionTimeoutMs } = sqlSettings(options, name);
  const capabilities: Capabilities = Object.freeze({ transactions: "interactive", filterOps: SQL_FILTER_OPS, maxPageSize });
  const kinds = new Map<string, KindSql>();
  const kindOf = (kind: EntityKind): KindSql => {
    let k = kinds.get(kind);
    if (!k) {
      if (!Object.prototype.hasOwnProperty.call(SCHEMA_INDEXED, kind)) {
        throw ValidationError.single(["kind"], `unknown entity kind ${JSON.stringify(kind)}`, name);
      }
      kinds.set(kind, (k = kindSql(dialect, kind)));
    }
    return k;
  };
  let savepoints = 0;
  // SQLite's busy timeout belongs to the connection (Kysely's SQLite dialect has one): set it before the first use.
  let prepared = dialect !== "sqlite";
  let ready: Promise<void> | null = null;
  // Also opens a database given as a function (waiting out another process's lock); a failure leaves it unprepared.
  const prepare = (): Promise<void> =>
    (ready ??= prepareSqlite(db, name, busyTimeoutMs).then(
      () => void (prepared = true),
      (e: unknown) => {
        ready = null;
        throw e;
      },
    ));
  /** Every database failure leaves as a StorageError; pmokit errors (transaction misuse included) pass unchanged. */
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      if (!prepared) {
        // Only an adapter's own handle is ever unprepared: refuse before PRAGMA waits for a transaction's connection.
        if (insideOpenTransaction(session())) throw new TransactionMisuseError(name, "adapter-in-transaction");
        await prepare();
      }
      return await work();
    } catch (e) {
      throw toStorageError(name, dialect, e);
    }
  };

  // MySQL/MariaDB: values as literals, never the client's backslash escaping, and the size checked before sending.
  const mysql = dialect === "mysql" ? mysqlSender(name, db) : null;
  // MariaDB rolls a whole transaction back on a deadlock (1213) or a row changed since its snapshot (1020, with
  // innodb_snapshot_isolation) and goes on in autocommit; PostgreSQL aborts it on any error (see `guarded`). The
  // transaction's handles then refuse every later call with that error and the transaction fails with it.
  const rolledBack = new WeakMap<object, unknown>();

  const bind = (exec: AnyKysely, depth: number, finished: () => boolean): StorageAdapter => {
    // While a nested transaction (a savepoint on this same connection) runs, this handle is suspended: a write
    // through it would land inside the savepoint and vanish with it, and a second savepoint would interleave.
    let nestedOpen = false;
    const open = () => {
      if (finished()) throw new TransactionMisuseError(name, "finished");
      if (rolledBack.has(exec)) throw toStorageError(name, dialect, rolledBack.get(exec));
      if (nestedOpen) throw new TransactionMisuseError(name, "suspended");
      // The adapter itself inside one of its transactions' functions: on SQLite and PGlite (one connection) it would
      // wait for the transaction forever, on a pool run outside it (and wait on its row locks). Refused: use `tx`.
      if (depth === 0 && insideOpenTransaction(session())) throw new TransactionMisuseError(name, "adapter-in-transaction");
    };
    // `on`: this handle's executor, or (outside a transaction) the connection of a compare-and-set's own transaction.
    const run = async (text: string, params: readonly unknown[], subject?: string, on: AnyKysely = exec) => {
      open();
      if (!mysql) return on.executeQuery(CompiledQuery.raw(text, params as unknown[]));
      return mysql.send(on, text, params, subject, open).catch((e: { errno?: unknown }) => {
        if (depth > 0 && (e?.errno === 1213 || e?.errno === 1020)) rolledBack.set(exec, e);
        throw e;
      });
    };
    const readVersion = async (text: string, params: readonly unknown[], on: AnyKysely): Promise<number | null> => {
      const row = (await run(text, params, undefined, on)).rows[0] as { version?: unknown } | undefined;
      return row ? Number(row.version) : null;
    };
    const currentVersion = (k: KindSql, id: string): Promise<number | null> => readVersion(k.version, [id], exec);

    const { lostRace, compareAndSet } = casOf({ name, dialect, depth, exec, mysql, rolledBack, contentionTimeoutMs, open, readVersion });

    // PostgreSQL aborts a transaction (outside a savepoint) on a database error: later calls fail with that error.
    const guarded = <T>(work: () => Promise<T>): Promise<T> =>
      guard(work).catch((e: unknown) => Promise.reject(depth === 1 && dialect === "postgres" && isPmoError(e, "storage") && (e as Error).cause !== undefined && !rolledBack.has(exec) ? (rolledBack.set(exec, e), e) : e));
    const store = (kind: EntityKind): RecordStore => {
      const k = kindOf(kind);
      return {
        // An id with text no record holds (NUL, a lone surrogate) finds nothing, as in memory (PostgreSQL failed on it).
        get: (id) =>
          guarded(async () => {
            if (typeof id === "string" && !storableText(id)) return open(), null;
            const r = await run(k.get, [id]);
            const row = r.rows[0] as { doc: unknown } | undefined;
            return row ? parseDoc(row.doc) : null;
          }),
        getMany: (ids) => guarded(async () => {
          open();
          const found = new Map<string, StoredRecord>();
          const unique = [...new Set(ids)].filter((id) => typeof id !== "string" || storableText(id));
          for (let i = 0; i < unique.length; i += 500) {
            const chunk = unique.slice(i, i + 500);
            const r = await sql<{ doc: unknown }>`SELECT ${sql.raw(docColumn(dialect))} FROM ${sql.table(k.table)} WHERE id IN (${sql.join(chunk.map((x) => d.strParam(x)))})`.execute(
              exec,
            );
            for (const row of r.rows) {
              const rec = parseDoc(row.doc);
              found.set(rec.id, rec);
            }
          }
          // Two positions asking for one id share one frozen record, as in the memory adapter.
          return ids.map((id) => found.get(id) ?? null);
        }),
        list: (query: ListQuery): Promise<Page<StoredRecord>> => guarded(async () => {
          open();
          validateListQuery(name, capabilities, query);
          const preds = (query.where ?? []).map((w) => wherePredicate(w, d, k.columnOf));
          const { order, seek, prefix } = orderAndSeek(query, d);
          if (seek) preds.push(seek);
          const where = preds.length ? sql`WHERE ${sql.join(preds, sql` AND `)}` : sql``;
          const r = await sql<{ doc: unknown }>`${prefix}SELECT ${sql.raw(docColumn(dialect))} FROM ${sql.table(k.table)} AS ${sql.raw(LIST_ROW)} ${where} ORDER BY ${order} LIMIT ${sql.lit(
            query.limit + 1,
          )}`.execute(exec);
          const field = query.orderBy?.field ?? "id";
          let rows = r.rows.map((row) => parseDoc(row.doc));
          // MariaDB: strings sharing their first SORT_PREFIX_LENGTH characters, put in order (see long-strings.ts).
          if (dialect === "mysql" && field !== "id") {
            const desc = query.orderBy?.direction === "desc";
            rows = await orderLongStrings(rows, field, desc, query.limit + 1, mysqlRunReader(exec, d, k.table, preds, field, desc));
          }
          const items = rows.slice(0, query.limit);
          const last = items[items.length - 1];
          return {
            items,
            nextCursor: rows.length > query.limit && last ? encodeCursor({ value: field === "id" ? last.id : sortValue(last, field), id: last.id }) : null,
          };
        }),
        insert: (record) => guarded(async () => {
          // The stored value: a JSON copy (non-JSON refused, -0 as 0, undefined fields left out), also what is returned.
          const stored = storableRecord(record);
          const values = [record.id, ...rowValues(k, stored)];
          let result: QueryResult<unknown>;
          try {
            result = await run(k.insert, values, `${kind} ${JSON.stringify(record.id)}`);
          } catch (e) {
            // PostgreSQL at REPEATABLE READ or SERIALIZABLE: the id inserted by a transaction after this one's snapshot.
            if ((dialect === "mysql" && isMysqlDuplicate(e)) || ((await lostRace(e, k, record.id)) ?? null) !== null) throw new DuplicateIdError(kind, record.id);
            throw e;
          }
          if (affected(result) !== 1) throw new DuplicateIdError(kind, record.id);
          // The caller's object was copied: handing the copy back cannot alias what the caller holds.
          return stored;
        }),
        update: (record, { expectedVersion }) => guarded(async () => {
          const next = storableRecord(record, expectedVersion + 1);
          const values = [...rowValues(k, next), record.id, expectedVersion];
          // A version is a safe integer: anything else never equals it (the database would convert "1" to 1 and store
          // version "11", or fail on 1.5), as in the memory adapter.
          if (Number.isSafeInteger(expectedVersion)) {
            await compareAndSet(k, record.id, expectedVersion, (on) => run(k.update, values, `${kind} ${JSON.stringify(record.id)}`, on));
          } else throw new VersionConflictError(kind, record.id, expectedVersion, await currentVersion(k, record.id));
          return next;
        }),
        delete: (id, opts = {}) => guarded(async () => {
          const none = typeof id === "string" && !storableText(id) && (open(), true);
          if (opts.expectedVersion === undefined) return !none && affected(await run(k.delete, [id])) === 1;
          const expected = opts.expectedVersion;
          if (none || !Number.isSafeInteger(expected)) throw new VersionConflictError(kind, id, expected, none ? null : await currentVersion(k, id));
          await compareAndSet(k, id, expected, (on) => run(k.deleteVersion, [id, expected], undefined, on));
          return true;
        }),
      };
    };

    return {
      name,
      capabilities,
      store,
      async transaction<T>(fn: (tx: StorageAdapter) => Promise<T>): Promise<T> {
        open();
        // The callback's own error is rethrown unchanged; a failure of BEGIN, COMMIT or a savepoint is the database's.
        const own = new Set<unknown>();
        const body = async (handle: StorageAdapter): Promise<T> => {
          try {
            return await fn(handle);
          } catch (e) {
            own.add(e);
            throw e;
          }
        };
        const mapped = (e: unknown): unknown => (own.has(e) ? e : toStorageError(name, dialect, e));
        if (depth === 0) {
          try {
            if (!prepared) await prepare();
            return await exec.transaction().execute(async (trx) => {
              let done = false;
              try {
                const result = await runTransactionBody(session(), () => body(bind(trx, 1, () => done)));
                if (rolledBack.has(trx)) throw rolledBack.get(trx); // the function went on after it: not committed
                return result;
              } finally {
                done = true;
              }
            });
          } catch (e) {
            throw mapped(e);
          }
        }
        // Nested: a savepoint on the same connection — an inner failure undoes only the inner writes.
        const sp = sql.raw(`pmokit_sp_${++savepoints}`);
        nestedOpen = true;
        let done = false;
        try {
          try {
            await sql`SAVEPOINT ${sp}`.execute(exec);
          } catch (e) {
            throw mapped(e);
          }
          try {
            const result = await body(bind(exec, depth + 1, () => done || finished()));
            done = true;
            await sql`RELEASE SAVEPOINT ${sp}`.execute(exec);
            return result;
          } catch (e) {
            if (!own.has(e)) throw mapped(e); // RELEASE failed
            done = true;
            try {
              await sql`ROLLBACK TO SAVEPOINT ${sp}`.execute(exec);
              await sql`RELEASE SAVEPOINT ${sp}`.execute(exec);
            } catch (rollback) {
              throw mapped(rollback);
            }
            throw e;
          }
        } finally {
          done = true;
          nestedOpen = false;
        }
      },
      ...(depth === 0 && options.destroyOnClose ? { close: () => db.destroy() } : {}),
    };
  };

  return bind(db, 0, () => false);
}
