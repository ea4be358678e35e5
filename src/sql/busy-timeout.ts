import { sql } from "kysely";
import { isPmoError, type StorageError } from "../core/errors.js";
import type { AnyKysely } from "./dialect.js";
import { toStorageError } from "./driver-errors.js";

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * @internal Sets SQLite's busy timeout on the connection of `db`, opening the database first. A `database` given as
 * a function is opened here, by Kysely, on first use — and opening may meet another process's lock (the function
 * switching to WAL, reading the schema): that is retried, as SQLite's busy handler retries a statement on an open
 * database, until `busyTimeoutMs` has passed; then the busy error is thrown (a retryable StorageError once mapped)
 * and the next call tries again. Only a failure of the PRAGMA itself, on an open connection, means an engine that
 * refuses it (some hosted SQLite-compatible ones), which keeps its own locking.
 */
export async function setBusyTimeout(db: AnyKysely, name: string, busyTimeoutMs: number): Promise<void> {
  const pragma = sql`PRAGMA busy_timeout = ${sql.lit(busyTimeoutMs)}`;
  const refused = () => {};
  // A Transaction's connection is open already (Kysely refuses `connection()` on one).
  if (db.isTransaction) return pragma.execute(db).then(() => {}, refused);
  const deadline = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      // Errors of acquiring the connection (opening the database) leave the callback; the PRAGMA's own stay in it.
      return await db.connection().execute((c) => pragma.execute(c).then(() => {}, refused));
    } catch (e) {
      const mapped = toStorageError(name, "sqlite", e);
      if (!isPmoError(mapped, "storage") || (mapped as StorageError).storageCode !== "storage-busy" || Date.now() >= deadline) throw e;
      await pause(Math.min(10 + Math.random() * 40, Math.max(0, deadline - Date.now())));
    }
  }
}
