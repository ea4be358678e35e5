import { describe, expect, it } from "vitest";
import { isPmoError, runInTransaction, type StorageError } from "../../src/index.js";
import { createSqlAdapter, migrate } from "../../src/sql/index.js";
import { MYSQL_URL, mariadbBackend } from "./backends.js";
import { sqlConformance } from "./conformance.js";

// MariaDB 11.6 and later run with innodb_snapshot_isolation = ON by default (11.8 LTS included): a transaction that
// writes a row another transaction changed after its snapshot gets ER_CHECKREAD (1020, "Record has changed since last
// read") instead of an UPDATE that changes no row. The adapter took that error for a non-retryable storage-failure, so
// the loser of a transaction race got `StorageError storage-failure` where the port promises a VersionConflictError
// naming the version it found (transactions suite: "the loser's VersionConflictError names version 2"), and
// withRetry gave up at once. The whole conformance kit runs here with the setting on for every session (10.11's
// default is OFF, the tested server's).

const url = MYSQL_URL;
if (url) {
  sqlConformance("MariaDB server, innodb_snapshot_isolation = ON", () => mariadbBackend(url, undefined, ["innodb_snapshot_isolation = ON"]));

  // ER_CHECKREAD (like a deadlock, 1213) rolls the whole MariaDB transaction back and leaves the connection in
  // autocommit mode. A caller that caught the conflict and went on wrote outside any transaction: its next insert
  // landed at once and stayed when the transaction then failed — and when it returned normally, the transaction
  // "committed" with its earlier writes silently gone. After: every later call on the transaction's handles is refused
  // with the retryable StorageError, and the transaction fails with it (withRetry runs it again); nothing it wrote stays.
  describe("a MariaDB transaction the server rolled back (ER_CHECKREAD) takes no further writes", () => {
    const rec = (id: string, name: string) => ({ id, version: 1, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", name });
    for (const ending of ["returns", "throws"] as const) {
      it(`the conflict caught, another insert tried, then the function ${ending}: nothing of the transaction stays`, async () => {
        const b = await mariadbBackend(url, undefined, ["innodb_snapshot_isolation = ON"]);
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
              seen.push(isPmoError(e, "version-conflict") ? "conflict" : String(e));
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
          // Before: seen ["conflict", "after inserted"], "after" stored; with "returns", the transaction returned "done".
          expect(seen).toEqual(["conflict", "refused storage-serialization-failure"]);
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
  describe("MariaDB with innodb_snapshot_isolation (skipped: PMOKIT_MYSQL_URL not set)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_MYSQL_URL"]).toBeUndefined();
    });
  });
}
