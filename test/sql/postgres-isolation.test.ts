import { describe, expect, it } from "vitest";
import { isPmoError, runInTransaction, type StorageError, type VersionConflictError } from "../../src/index.js";
import { createSqlAdapter, migrate } from "../../src/sql/index.js";
import { PG_URL, postgresBackend } from "./backends.js";
import { sqlConformance } from "./conformance.js";

// PostgreSQL at REPEATABLE READ and SERIALIZABLE fails a transaction's compare-and-set write on a row another
// transaction changed after its snapshot with SQLSTATE 40001 ("could not serialize access due to concurrent update"),
// where READ COMMITTED re-reads the row and changes none. The adapter reported that lost race as a retryable
// StorageError storage-serialization-failure; MariaDB (innodb_snapshot_isolation, ER_CHECKREAD 1020) and every other
// adapter report it as the VersionConflictError the port names (transactions suite: "a transaction that read
// version 1 updates it while another writer updates version 1: … a conflict names the version stored"). The whole
// conformance kit runs here at both levels, set for every session.
const url = PG_URL;
if (url) {
  for (const level of ["repeatable read", "serializable"]) {
    sqlConformance(`PostgreSQL server, ${level.toUpperCase()}`, () => postgresBackend(url, [`default_transaction_isolation=${level.replace(" ", "\\ ")}`]));
  }

  // PostgreSQL aborts the transaction on that error. Now that the error is a VersionConflictError (no storage
  // error for the adapter's abort check to see), the adapter still marks the transaction: a function that caught the
  // conflict and went on has every later call refused with the retryable StorageError storage-serialization-failure
  // and the transaction fails with it (a COMMIT of an aborted transaction is a silent ROLLBACK in PostgreSQL), as on
  // MariaDB (mariadb-snapshot-isolation.test.ts); nothing of it is stored.
  describe("PostgreSQL at REPEATABLE READ: a transaction that lost a race takes no further writes", () => {
    const rec = (id: string, name: string) => ({ id, version: 1, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", name });
    for (const ending of ["returns", "throws"] as const) {
      it(`the conflict caught, another insert tried, then the function ${ending}: nothing of the transaction stays`, async () => {
        const b = await postgresBackend(url, ["default_transaction_isolation=repeatable\\ read"]);
        try {
          await migrate(b.db);
          const a = createSqlAdapter(b.db);
          await a.store("person").insert(rec("x", "Original"));
          let readDone!: () => void;
          const read = new Promise<void>((r) => (readDone = r));
          let goOn!: () => void;
          const go = new Promise<void>((r) => (goOn = r));
          const seen: string[] = [];
          const t = runInTransaction(a, async (tx) => {
            await tx.store("person").insert(rec("before", "Before"));
            await tx.store("person").get("x"); // fixes the snapshot
            readDone();
            await go;
            try {
              await tx.store("person").update(rec("x", "Mine"), { expectedVersion: 1 });
            } catch (e) {
              seen.push(isPmoError(e, "version-conflict") ? `conflict, found ${(e as VersionConflictError).actualVersion}` : String(e));
            }
            try {
              await tx.store("person").insert(rec("after", "After"));
              seen.push("after inserted");
            } catch (e) {
              seen.push(isPmoError(e, "storage") ? `refused ${(e as StorageError).storageCode}` : String(e));
            }
            if (ending === "throws") throw new Error("give up");
            return "done";
          });
          await read;
          await a.store("person").update(rec("x", "Other"), { expectedVersion: 1 });
          goOn();
          const outcome = await t.then((v) => `returned ${v}`, (e: unknown) => (isPmoError(e, "storage") ? `failed ${(e as StorageError).storageCode} retryable ${(e as StorageError).retryable}` : `failed ${String(e)}`));
          // Before: seen ["StorageError: sql:postgres: storage-serialization-failure: could not serialize access due to
          // concurrent update", "refused storage-serialization-failure"].
          expect(seen).toEqual(["conflict, found 2", "refused storage-serialization-failure"]);
          expect(outcome).toBe(ending === "throws" ? "failed Error: give up" : "failed storage-serialization-failure retryable true");
          expect(await a.store("person").get("after")).toBeNull();
          expect(await a.store("person").get("before")).toBeNull();
          expect((await a.store("person").get("x"))?.["name"]).toBe("Other");
        } finally {
          await b.close();
        }
      });
    }
  });
} else {
  describe("PostgreSQL at REPEATABLE READ and SERIALIZABLE (skipped: PMOKIT_PG_URL not set)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_PG_URL"]).toBeUndefined();
    });
  });
}
