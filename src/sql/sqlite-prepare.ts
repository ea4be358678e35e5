import { sql, type Kysely } from "kysely";
import { isPmoError, ValidationError, type StorageError } from "../core/errors.js";
import type { AnyKysely } from "./dialect.js";
import { toStorageError } from "./driver-errors.js";
import { sessionKey } from "./session.js";

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// One token per database session as pmokit sees it: a Database object under SharedSqliteDialect, otherwise one
// Kysely instance (with its withSchema/withPlugin copies). Random per pmokit copy, so that two copies never agree.
const tokens = new WeakMap<object, string>();
const copy = Math.random().toString(36).slice(2);
let issued = 0;
const tokenOf = (key: object): string => {
  let t = tokens.get(key);
  if (!t) tokens.set(key, (t = `${copy}-${++issued}`));
  return t;
};

/**
 * The connection's owner: a better-sqlite3 Database is one connection, and its TEMP tables belong to it. Two Kysely
 * instances built with Kysely's SqliteDialect on one Database take turns each only with itself, so one's statements
 * run inside the other's open transaction (an acknowledged write vanishing with its rollback): the first session
 * that prepares records its token, and another one is refused.
 */
async function checkOwner(c: Kysely<unknown>, key: object, name: string): Promise<void> {
  const mine = tokenOf(key);
  let owner: string | undefined;
  try {
    await sql`CREATE TEMP TABLE IF NOT EXISTS pmokit_connection_owner (token TEXT NOT NULL)`.execute(c);
    owner = (await sql<{ token: string }>`SELECT token FROM temp.pmokit_connection_owner LIMIT 1`.execute(c)).rows[0]?.token;
    if (owner === undefined) await sql`INSERT INTO temp.pmokit_connection_owner (token) VALUES (${mine})`.execute(c);
  } catch {
    return; // an engine without TEMP tables: nothing to check with
  }
  if (owner !== undefined && owner !== mine) {
    throw ValidationError.single(
      ["db"],
      "another Kysely instance built with Kysely's SqliteDialect already uses this better-sqlite3 Database, and the two would interleave (a write through one landing in the other's open transaction): open every Kysely instance on one Database with SharedSqliteDialect from pmokit/sql, or share one Kysely instance",
      name,
    );
  }
}

/**
 * @internal Prepares the connection of a SQLite `db` before its first use: opens the database, sets SQLite's busy
 * timeout and checks that no other Kysely instance with its own turns shares the connection.
 *
 * A `database` given as a function is opened here, by Kysely, on first use — and opening may meet another process's
 * lock (the function switching to WAL, reading the schema): that is retried, as SQLite's busy handler retries a
 * statement on an open database, until `busyTimeoutMs` has passed; then the busy error is thrown (a retryable
 * StorageError once mapped) and the next call tries again. Only a failure of the PRAGMA itself, on an open
 * connection, means an engine that refuses it (some hosted SQLite-compatible ones), which keeps its own locking.
 *
 * @throws {ValidationError} at `["db"]` when another Kysely instance built with Kysely's SqliteDialect prepared the
 *   same Database first.
 */
export async function prepareSqlite(db: AnyKysely, name: string, busyTimeoutMs: number): Promise<void> {
  const pragma = sql`PRAGMA busy_timeout = ${sql.lit(busyTimeoutMs)}`;
  const refused = () => {};
  // A Transaction's connection is open already (Kysely refuses `connection()` on one).
  if (db.isTransaction) return pragma.execute(db).then(() => {}, refused);
  const deadline = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      // Errors of acquiring the connection (opening the database) leave the callback; the PRAGMA's own stay in it.
      return await db.connection().execute(async (c) => {
        await pragma.execute(c).then(() => {}, refused);
        await checkOwner(c, sessionKey(db), name);
      });
    } catch (e) {
      if (e instanceof ValidationError) throw e;
      const mapped = toStorageError(name, "sqlite", e);
      if (!isPmoError(mapped, "storage") || (mapped as StorageError).storageCode !== "storage-busy" || Date.now() >= deadline) throw e;
      await pause(Math.min(10 + Math.random() * 40, Math.max(0, deadline - Date.now())));
    }
  }
}
