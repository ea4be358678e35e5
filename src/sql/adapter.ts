import { CompiledQuery, sql, type QueryResult } from "kysely";
import { DuplicateIdError, isPmoError, StorageError, TransactionMisuseError, ValidationError, VersionConflictError } from "../core/errors.js";
import { checkArguments, checkOptionKeys } from "../core/guard.js";
import type { EntityKind } from "../entities/registry.js";
import type { Capabilities, ListQuery, Page, RecordStore, StorageAdapter, StoredRecord } from "../storage/port.js";
import { encodeCursor, fieldValue, validateListQuery, type Scalar } from "../storage/query.js";
import { insideOpenTransaction, runTransactionBody } from "../storage/transaction-scope.js";
import { storableRecord, storableText } from "../storage/record-check.js";
import { detectDialect, dialectSql, type AnyKysely, type DialectSql, type SqlDialectName } from "./dialect.js";
import { toStorageError } from "./driver-errors.js";
import { docColumn, parseDoc } from "./documents.js";
import { prepareSqlite } from "./sqlite-prepare.js";
import { orderAndSeek, SQL_FILTER_OPS, wherePredicate } from "./filters.js";
import { mysqlSender } from "./mysql-send.js";
import { sessionKey } from "./session.js";
import { kindSql, rowValues, type KindSql } from "./kind-sql.js";
import { SCHEMA_INDEXED } from "./migrations.js";

/** Options of {@link createSqlAdapter}. */
export interface SqlAdapterOptions {
  /** Adapter name for messages. Default `sql:<dialect>`. */
  readonly name?: string;
  /** The dialect, when it cannot be detected from the Kysely instance. */
  readonly dialect?: SqlDialectName;
  /** Largest page size, a whole number ≥ 1 (else ValidationError at `["maxPageSize"]`). Default 1000. */
  readonly maxPageSize?: number;
  /** Whether `close()` destroys the Kysely instance (default `false`: whoever made it closes it). */
  readonly destroyOnClose?: boolean;
  /**
   * SQLite: how long a write waits for another process's lock before failing with a retryable `storage-busy`
   * StorageError, in ms (`PRAGMA busy_timeout`). Default 5000. Ignored by the server dialects.
   */
  readonly busyTimeoutMs?: number;
  /**
   * How long a compare-and-set `update`/`delete` keeps trying while it finds the version it expected but changes no
   * row — the row was deleted and inserted again (same id, same version) by other transactions while it waited for
   * the row's lock (PostgreSQL at READ COMMITTED) — in ms. Then it fails with a retryable `storage-contention`
   * StorageError, never with a VersionConflictError naming the version it expected. Default 5000.
   */
  readonly contentionTimeoutMs?: number;
}
const SQL_OPTION_KEYS = { name: 1, dialect: 1, maxPageSize: 1, destroyOnClose: 1, busyTimeoutMs: 1, contentionTimeoutMs: 1 } satisfies Record<keyof SqlAdapterOptions, 1>;

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
  checkArguments("createSqlAdapter", { options: [options, "object"] });
  checkOptionKeys("createSqlAdapter", options, SQL_OPTION_KEYS);
  const dialect = options.dialect ?? detectDialect(db);
  const d = dialectSql(dialect);
  const name = options.name ?? `sql:${dialect}`;
  // What "inside one of this database's transactions" is keyed by: shared by every adapter and Kysely instance on one
  // PGlite instance or better-sqlite3 Database (PgliteDialect, SharedSqliteDialect), and by a Kysely instance's
  // withSchema/withPlugin copies (one driver, one connection mutex). Read at each use (SharedSqliteDialect knows its
  // Database once the driver has opened it).
  const session = () => sessionKey(db);
  const capabilities: Capabilities = Object.freeze({
    transactions: "interactive",
    filterOps: SQL_FILTER_OPS,
    maxPageSize: options.maxPageSize ?? 1000,
  });
  if (!(Number.isSafeInteger(capabilities.maxPageSize) && capabilities.maxPageSize >= 1)) throw ValidationError.single(["maxPageSize"], "maxPageSize is a whole number ≥ 1", name);
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
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const contentionTimeoutMs = options.contentionTimeoutMs ?? 5000;
  for (const [key, ms] of [["busyTimeoutMs", busyTimeoutMs], ["contentionTimeoutMs", contentionTimeoutMs]] as const) {
    if (!Number.isSafeInteger(ms) || ms < 0) throw ValidationError.single([key], `${key} is a whole number of milliseconds ≥ 0`, name);
  }
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
    const currentVersion = async (k: KindSql, id: string, on: AnyKysely = exec): Promise<number | null> => {
      const r = await run(k.version, [id], undefined, on);
      const row = r.rows[0] as { version?: unknown } | undefined;
      return row ? Number(row.version) : null;
    };

    /*
     * After a write of `id` failed on a row another transaction changed since this one's snapshot — MariaDB's
     * ER_CHECKREAD (1020, innodb_snapshot_isolation), PostgreSQL's 40001 at REPEATABLE READ or SERIALIZABLE — the
     * version stored now (null: no record), read outside the failed transaction; undefined for any other error, or
     * when it cannot be read. MariaDB rolled the transaction back (`run` marks it); PostgreSQL aborted it, so it is
     * marked here: its handles refuse every later call with that retryable error and it fails with it.
     *
     * Read on the transaction's own connection: a second one from the pool never came when every connection was held
     * by such a transaction (a pool of one, or N losers on a pool of N waited on themselves for ever). MariaDB's is in
     * autocommit already; PostgreSQL's aborted transaction is ended there first (ROLLBACK: nothing of it could commit;
     * the final ROLLBACK then only warns). In PostgreSQL neither snapshot holds the winner's version, so it is read
     * just after. Inside a savepoint (depth > 1) the transaction goes on and cannot be ended, and its snapshot still
     * holds the version it read: undefined, so the retryable error stands (a second pooled connection waited for ever
     * on a pool whose connections the transactions held, a pool of one included; PGlite's one session refused it).
     */
    const lostRace = async (e: unknown, k: KindSql, id: string): Promise<number | null | undefined> => {
      const err = e as { errno?: unknown; code?: unknown } | undefined;
      if (mysql ? err?.errno !== 1020 : dialect !== "postgres" || err?.code !== "40001" || depth > 1) return undefined;
      if (depth === 1 && !mysql) rolledBack.set(exec, e);
      try {
        if (depth === 1 && !mysql) await exec.executeQuery(CompiledQuery.raw("ROLLBACK"));
        const r = mysql ? await mysql.send(exec, k.version, [id], undefined, () => {}) : await exec.executeQuery(CompiledQuery.raw(k.version, [id]));
        const row = r.rows[0] as { version?: unknown } | undefined;
        return row ? Number(row.version) : null;
      } catch {
        return undefined;
      }
    };

    /*
     * A compare-and-set write (`… WHERE id = ? AND version = ?`) that changed no row conflicts — unless the version
     * stored now is the one expected: then the row it waited on was deleted by a transaction that inserted the id
     * again (PostgreSQL at READ COMMITTED re-checks only the deleted row), and the write runs again, as SQLite and
     * MariaDB run it once the lock is free ("expected version 1, found version 1" was no conflict) — until
     * contentionTimeoutMs (random pauses from the 3rd try), then it says it was contention (it gave up after 3 tries).
     */
    const compareAndSet = async (k: KindSql, id: string, expected: number, write: (on: AnyKysely) => Promise<QueryResult<unknown>>): Promise<void> => {
      const started = Date.now();
      // One try: "changed", or the version the write was compared with (null: no record).
      const once = async (on: AnyKysely): Promise<number | null | "changed"> => {
        const r = await write(on);
        // PostgreSQL's statement says what it did and which version it compared, under the row's lock (no row:
        // deleted, maybe inserted again — read anew). SQLite and MariaDB read on the write's connection, in its
        // transaction, whose lock (SQLite's write lock; MariaDB's row or gap lock at REPEATABLE READ) holds every other
        // writer off until the read is done: the version the write lost to, not a later writer's.
        const row = r.rows[0] as { found?: unknown; changed?: unknown } | undefined;
        if ((row ? Number(row.changed) : affected(r)) === 1) return "changed";
        return row?.found != null ? Number(row.found) : currentVersion(k, id, on);
      };
      for (let tries = 1; ; tries++) {
        // Outside a transaction, SQLite and MariaDB write and read in one of their own (one connection, one lock) —
        // refused first when called inside one of this database's transactions (it would wait for its connection).
        const own = depth === 0 && dialect !== "postgres";
        if (own) open();
        const attempt = own ? exec.transaction().execute((trx) => once(trx)) : once(exec);
        const found = await attempt.catch(async (e: unknown) => {
          // A row changed since the snapshot is a lost race: a conflict naming the version stored now — unless that
          // is the version expected (the failure was about something else): then the retryable failure stands.
          const lost = await lostRace(e, k, id);
          throw lost === undefined || lost === expected ? e : new VersionConflictError(k.kind, id, expected, lost);
        });
        if (found === "changed") return;
        if (found !== expected) throw new VersionConflictError(k.kind, id, expected, found);
        const spent = Date.now() - started;
        if (spent >= contentionTimeoutMs) {
          const why = `version ${expected} was found after each of ${tries} tries in ${spent} ms, but other transactions deleted the row and inserted it again each time (contentionTimeoutMs ${contentionTimeoutMs}); not a version conflict — run the write again`;
          throw new StorageError("storage-contention", true, name, `${k.kind} ${JSON.stringify(id)}: ${why}`);
        }
        if (tries >= 3) await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** (tries - 3))));
      }
    };

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
          const r = await sql<{ doc: unknown }>`${prefix}SELECT ${sql.raw(docColumn(dialect))} FROM ${sql.table(k.table)} ${where} ORDER BY ${order} LIMIT ${sql.lit(
            query.limit + 1,
          )}`.execute(exec);
          const items = r.rows.slice(0, query.limit).map((row) => parseDoc(row.doc));
          const last = items[items.length - 1];
          const field = query.orderBy?.field ?? "id";
          return {
            items,
            nextCursor: r.rows.length > query.limit && last ? encodeCursor({ value: field === "id" ? last.id : sortValue(last, field), id: last.id }) : null,
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
