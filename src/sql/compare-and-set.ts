import { CompiledQuery, type QueryResult } from "kysely";
import { StorageError, VersionConflictError } from "../core/errors.js";
import type { AnyKysely, SqlDialectName } from "./dialect.js";
import type { KindSql } from "./kind-sql.js";
import type { MysqlSender } from "./mysql-send.js";

/*
 * The SQL adapter's compare-and-set (internal): a version-checked write that says which version it lost to, and the
 * reading of the version a transaction lost a race to. Bound to one handle (transaction depth and executor).
 */

/** @internal What a handle of the SQL adapter gives its compare-and-set. */
export interface CasHandle {
  readonly name: string;
  readonly dialect: SqlDialectName;
  /** 0 outside a transaction, 1 in one, more in a savepoint. */
  readonly depth: number;
  readonly exec: AnyKysely;
  readonly mysql: MysqlSender | null;
  /** The transactions MariaDB rolled back or PostgreSQL aborted, with the error (their handles refuse later calls). */
  readonly rolledBack: WeakMap<object, unknown>;
  readonly contentionTimeoutMs: number;
  /** Refuses a call on a finished, failed or suspended handle. */
  open(): void;
  /** The version a one-row statement reads (null: no row), run on `on`. */
  readVersion(text: string, params: readonly unknown[], on: AnyKysely): Promise<number | null>;
}

const affected = (r: QueryResult<unknown>) => Number(r.numAffectedRows ?? 0n);

/** @internal The compare-and-set and lost-race reads of one handle. */
export function casOf(h: CasHandle): {
  lostRace(e: unknown, k: KindSql, id: string): Promise<number | null | undefined>;
  compareAndSet(k: KindSql, id: string, expected: number, write: (on: AnyKysely) => Promise<QueryResult<unknown>>): Promise<void>;
} {
  const { dialect, depth, exec, mysql, rolledBack } = h;
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
      // PostgreSQL's statement says what it did and which version it compared, under the row's lock. With no row
      // there, it was no record — unless the statement's snapshot held one that a transaction deleted while the
      // statement waited: that transaction may have inserted the id again, out of the statement's sight, and only a
      // row inserted by a transaction id older than one taken after the wait is read — the deleter's, also from
      // another savepoint (before, only its own xmax was matched, and a subtransaction's insert read as "no record");
      // a later writer's row is not the one the write lost to: no record then.
      // SQLite and MariaDB read on the write's connection, in its transaction, whose lock (SQLite's write lock;
      // MariaDB's row or gap lock at REPEATABLE READ) holds every other writer off until the read is done: the
      // version the write lost to, not a later writer's.
      const row = r.rows[0] as { found?: unknown; changed?: unknown; gone?: unknown } | undefined;
      if ((row ? Number(row.changed) : affected(r)) === 1) return "changed";
      if (row?.found != null) return Number(row.found);
      if (row) return row.gone == null ? null : h.readVersion(k.reinserted, [id, ...String(row.gone).split(" ")], on);
      return h.readVersion(k.version, [id], on);
    };
    for (let tries = 1; ; tries++) {
      // Outside a transaction, SQLite and MariaDB write and read in one of their own (one connection, one lock) —
      // refused first when called inside one of this database's transactions (it would wait for its connection).
      const own = depth === 0 && dialect !== "postgres";
      if (own) h.open();
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
      if (spent >= h.contentionTimeoutMs) {
        const why = `version ${expected} was found after each of ${tries} tries in ${spent} ms, but other transactions deleted the row and inserted it again each time (contentionTimeoutMs ${h.contentionTimeoutMs}); not a version conflict — run the write again`;
        throw new StorageError("storage-contention", true, h.name, `${k.kind} ${JSON.stringify(id)}: ${why}`);
      }
      if (tries >= 3) await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** (tries - 3))));
    }
  };
  return { lostRace, compareAndSet };
}
