import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isPmoError, runInTransaction, type StorageError, type VersionConflictError } from "../../src/index.js";
import { createSqlAdapter, migrate, type AnyKysely } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import { PG_URL, postgresBackend } from "./backends.js";

/*
 * PostgreSQL at REPEATABLE READ: a transaction's compare-and-set write on a row another transaction changed after its
 * snapshot fails with 40001 and aborts the transaction; the adapter reports the lost race as a VersionConflictError
 * naming the version stored. It read that version with `db.executeQuery` — on a second connection of the pool, while
 * the transaction still held its own. A pool with no connection to spare (every one held by a transaction that lost
 * a race, a pool of one included) never gave it one: the losing transactions waited on themselves for ever. Now the
 * version is read on the transaction's own connection, after ending the aborted transaction there (ROLLBACK: nothing
 * of it could commit anyway, and the adapter already refuses every later call on it), so it needs no second
 * connection and reads the latest committed row, as MariaDB does after ER_CHECKREAD.
 */

const url = PG_URL;
const RR = "default_transaction_isolation=repeatable\\ read";
const timeout = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), ms))]);
const describeError = (e: unknown) =>
  isPmoError(e, "version-conflict") ? `conflict, found ${(e as VersionConflictError).actualVersion}` : isPmoError(e, "storage") ? `${(e as StorageError).storageCode} retryable ${(e as StorageError).retryable}` : String(e);

/** `losers` transactions, on a pool of exactly that many connections, each read x at version 1, then update it after another pool's writer did. */
async function racePoolOf(losers: number) {
  const b = await postgresBackend(url as string, [RR]);
  // node-postgres waits for a free connection for ever by default; 2 s here, so the old behaviour fails, not hangs.
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${b.schema} -c ${RR}`, max: losers, application_name: b.schema, connectionTimeoutMillis: 2000 });
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const small = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) }) as AnyKysely;
  try {
    await migrate(b.db);
    const winner = createSqlAdapter(b.db);
    const adapter = createSqlAdapter(small);
    await winner.store("person").insert(personRecord("x", { name: "Original" }));
    let go!: () => void;
    const goSignal = new Promise<void>((r) => (go = r));
    const reads: Promise<void>[] = [];
    const seen: string[] = [];
    const runs = Array.from({ length: losers }, (_, i) => {
      let read!: () => void;
      reads.push(new Promise<void>((r) => (read = r)));
      return runInTransaction(adapter, async (tx) => {
        await tx.store("person").get("x"); // fixes the snapshot: version 1
        read();
        await goSignal;
        try {
          await tx.store("person").update(personRecord("x", { name: `Loser ${i}` }), { expectedVersion: 1 });
          seen.push("updated");
        } catch (e) {
          seen.push(describeError(e));
        }
        return "done";
      }).then((v) => `returned ${v}`, (e: unknown) => `failed ${describeError(e)}`);
    });
    await Promise.all(reads);
    await winner.store("person").update(personRecord("x", { name: "Winner" }), { expectedVersion: 1 });
    go();
    const outcomes = await timeout(Promise.all(runs), 10_000);
    const stored = await winner.store("person").get("x");
    return { seen: [...seen].sort(), outcomes, stored: [stored?.["name"], stored?.version] };
  } finally {
    await small.destroy();
    await b.close();
  }
}

if (url) {
  describe("PostgreSQL at REPEATABLE READ: the version a lost race names is read on the transaction's own connection", () => {
    for (const losers of [1, 4]) {
      it(`${losers} transaction(s) on a pool of ${losers} lose a race at once: each gets the conflict (found 2) and fails retryable`, async () => {
        // Before: seen "storage-serialization-failure retryable true" for the one loser, for two of the four (the
        // others got a connection their fellows released), after 2 s — each waited for a second connection of its
        // full pool (with node-postgres' default, no connection timeout: for ever), then gave up naming no version.
        expect(await racePoolOf(losers)).toEqual({
          seen: Array.from({ length: losers }, () => "conflict, found 2"),
          outcomes: Array.from({ length: losers }, () => "failed storage-serialization-failure retryable true"),
          stored: ["Winner", 2],
        });
      }, 30_000);
    }
  });
} else {
  describe("PostgreSQL lost race on a full pool (skipped: PMOKIT_PG_URL not set)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_PG_URL"]).toBeUndefined();
    });
  });
}
