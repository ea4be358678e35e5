import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate, type AnyKysely } from "../../src/sql/index.js";
import { PG_URL, postgresBackend } from "./backends.js";

// migrate() on PostgreSQL opens a transaction (BEGIN) and then waits for its advisory lock. When that wait failed —
// lock_timeout or statement_timeout while another process migrated, a cancel — the error left the transaction open
// and aborted on the connection, which went back to the pool: every later statement on it failed with "current
// transaction is aborted, commands ignored until end of transaction block" (the connection was poisoned), so an
// application that caught the migrate error and went on found its next queries failing. After: the transaction is
// rolled back before the error leaves migrate, and the connection serves the next query.

const url = PG_URL;
if (url) {
  describe("migrate: a failure to take the PostgreSQL migration lock leaves no open transaction behind", () => {
    it("the pooled connection answers the next query after the lock wait timed out", async () => {
      const backend = await postgresBackend(url);
      // One connection only, so the next query gets the very connection migrate used; the lock wait gives up after 200 ms.
      const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${backend.schema} -c lock_timeout=200`, max: 1 });
      const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) }) as AnyKysely;
      const holder = backend.second!();
      try {
        // Another process is migrating: it holds the advisory lock inside its transaction.
        let release!: () => void;
        const released = new Promise<void>((r) => (release = r));
        let locked!: () => void;
        const isLocked = new Promise<void>((r) => (locked = r));
        const held = holder.transaction().execute(async (trx) => {
          await sql`SELECT pg_advisory_xact_lock(hashtext(current_database() || '.' || current_schema() || '.pmokit_migrate'))`.execute(trx);
          locked();
          await released;
        });
        await isLocked;
        await expect(migrate(db)).rejects.toThrow(/lock timeout/i);
        release();
        await held;
        // Before: "current transaction is aborted, commands ignored until end of transaction block".
        const r = await sql<{ one: number }>`SELECT 1 AS one`.execute(db);
        expect(r.rows[0]?.one).toBe(1);
        // …and migrate now runs on it.
        expect((await migrate(db)).current).toBeGreaterThan(0);
      } finally {
        await pool.end();
        await backend.close();
      }
    });
  });
} else {
  describe("migrate lock failure (skipped: PMOKIT_PG_URL not set; PGlite has one session, so no lock can be held against it)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_PG_URL"]).toBeUndefined();
    });
  });
}
