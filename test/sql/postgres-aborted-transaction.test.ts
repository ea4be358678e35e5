import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { isPmoError, runInTransaction, type StorageError } from "../../src/index.js";
import { createSqlAdapter, migrate } from "../../src/sql/index.js";
import { PG_URL, postgresBackend } from "./backends.js";

// A database error inside a PostgreSQL transaction aborts it: every later statement fails with "current transaction
// is aborted" and COMMIT rolls back. A function that caught a retryable error (a lock timeout, a serialization
// failure, a deadlock) and went on saw its next call fail as a non-retryable storage-failure, and the transaction
// failed with the non-retryable "Transaction was rolled back instead of committed" — so withRetry gave up on work a
// second run would have done. After: the later calls, and the transaction, fail with the first (retryable) error.

const rec = (id: string, name: string) => ({ id, version: 1, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", name });
const url = PG_URL;
if (url) {
  describe("a PostgreSQL transaction aborted by a caught database error fails with that error", () => {
    it("a lock timeout caught inside fn: the next call and the transaction fail retryable storage-busy, nothing stored", async () => {
      const b = await postgresBackend(url, ["lock_timeout=200"]);
      const holderDb = b.second!();
      try {
        await migrate(b.db);
        const a = createSqlAdapter(b.db);
        await a.store("person").insert(rec("x", "Original"));
        let locked!: () => void;
        const isLocked = new Promise<void>((r) => (locked = r));
        let release!: () => void;
        const released = new Promise<void>((r) => (release = r));
        // Another session holds the row lock of x until released.
        const holder = holderDb.transaction().execute(async (trx) => {
          await sql`UPDATE pmokit_person SET name = 'Held' WHERE id = 'x'`.execute(trx);
          locked();
          await released;
        });
        await isLocked;
        const seen: string[] = [];
        const code = (e: unknown) => (isPmoError(e, "storage") ? `${(e as StorageError).storageCode} retryable ${(e as StorageError).retryable}` : String(e));
        const outcome = await runInTransaction(a, async (tx) => {
          await tx.store("person").insert(rec("before", "Before"));
          try {
            await tx.store("person").update(rec("x", "Mine"), { expectedVersion: 1 });
          } catch (e) {
            seen.push(code(e));
          }
          try {
            await tx.store("person").insert(rec("after", "After"));
          } catch (e) {
            seen.push(code(e));
          }
          return "done";
        }).then((v) => `returned ${v}`, (e: unknown) => `failed ${code(e)}`);
        release();
        await holder;
        // Before: ["storage-busy retryable true", "storage-failure retryable false"], "failed storage-failure retryable false".
        expect(seen).toEqual(["storage-busy retryable true", "storage-busy retryable true"]);
        expect(outcome).toBe("failed storage-busy retryable true");
        expect(await a.store("person").get("before")).toBeNull();
        expect(await a.store("person").get("after")).toBeNull();
      } finally {
        await b.close();
      }
    });
  });
} else {
  describe("PostgreSQL aborted transactions (skipped: PMOKIT_PG_URL not set)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_PG_URL"]).toBeUndefined();
    });
  });
}
