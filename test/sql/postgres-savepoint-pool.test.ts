import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isPmoError, runInTransaction, type StorageError, type VersionConflictError } from "../../src/index.js";
import { createSqlAdapter, migrate, type AnyKysely } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import { PG_URL, postgresBackend } from "./backends.js";

/*
 * PostgreSQL at REPEATABLE READ, a nested transaction (a SAVEPOINT on the outer transaction's connection): its
 * compare-and-set on a row another transaction changed after the snapshot fails with 40001. To name the version in a
 * VersionConflictError the adapter read it with `db.executeQuery` — on a second connection of the pool, while the
 * outer transaction held its own. With a pool of one (and node-postgres' default of no connection timeout) that read
 * waited for ever: the transaction hung. Now everything inside a transaction runs on its connection: the version
 * stored cannot be read there (the snapshot still says 1, and the outer transaction goes on, so it cannot be ended
 * as at depth 1), so the inner call fails with the database's retryable storage-serialization-failure — what PGlite
 * (one session) already answered — and the outer transaction, which may go on past it, is untouched.
 */

const url = PG_URL;
const RR = "default_transaction_isolation=repeatable\\ read";
const describeError = (e: unknown) =>
  isPmoError(e, "version-conflict")
    ? `conflict, found ${(e as VersionConflictError).actualVersion}`
    : isPmoError(e, "storage")
      ? `${(e as StorageError).storageCode} retryable ${(e as StorageError).retryable}`
      : String(e);

async function nestedLoserOnPoolOfOne(op: "update" | "delete" | "insert") {
  const b = await postgresBackend(url as string, [RR]);
  // 3 s for a connection, so the old behaviour fails here instead of hanging the test run.
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${b.schema} -c ${RR}`, max: 1, application_name: b.schema, connectionTimeoutMillis: 3000 });
  pool.on("error", () => {});
  let connects = 0;
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  // Every connection the adapter asks the pool for (Kysely's PostgresDriver calls connect() once per acquisition).
  (pool as unknown as { connect: () => Promise<pg.PoolClient> }).connect = () => (connects++, connect());
  const small = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) }) as AnyKysely;
  try {
    await migrate(b.db);
    const winner = createSqlAdapter(b.db);
    const adapter = createSqlAdapter(small);
    await winner.store("person").insert(personRecord("x", { name: "Original" }));
    const seen: string[] = [];
    const outcome = await runInTransaction(adapter, async (tx) => {
      await tx.store("person").get("x"); // fixes the snapshot: x at version 1, no y
      if (op === "insert") await winner.store("person").insert(personRecord("y", { name: "Winner" }));
      else await winner.store("person").update(personRecord("x", { name: "Winner" }), { expectedVersion: 1 });
      try {
        await tx.transaction!(async (inner) => {
          const s = inner.store("person");
          if (op === "update") await s.update(personRecord("x", { name: "Nested" }), { expectedVersion: 1 });
          else if (op === "delete") await s.delete("x", { expectedVersion: 1 });
          else await s.insert(personRecord("y", { name: "Nested" })); // y committed after the snapshot: 40001
        });
        seen.push("nested wrote");
      } catch (e) {
        seen.push(describeError(e));
      }
      // The outer transaction goes on past the failed savepoint, and commits.
      await tx.store("person").insert(personRecord("after", { name: "After" }));
      return "done";
    }).then((v) => `returned ${v}`, (e: unknown) => `failed ${describeError(e)}`);
    const x = await winner.store("person").get(op === "insert" ? "y" : "x");
    const after = await winner.store("person").get("after");
    return { seen, outcome, connects, x: x ? [x["name"], x.version] : null, after: after !== null };
  } finally {
    await small.destroy();
    await b.close();
  }
}

if (url) {
  describe("PostgreSQL: a nested transaction that lost a race at REPEATABLE READ asks the pool for no second connection", () => {
    for (const op of ["update", "delete", "insert"] as const) {
      it(`a nested ${op} on a pool of one: the retryable serialization failure at once, one connection, the outer transaction commits`, async () => {
        // Before: after 3 s "timeout exceeded when trying to connect" was swallowed and the same serialization
        // failure surfaced, with connects 2 (the second waited for the connection the transaction held; with no
        // connectionTimeoutMillis, node-postgres' default, it waited for ever).
        expect(await nestedLoserOnPoolOfOne(op)).toEqual({
          seen: ["storage-serialization-failure retryable true"],
          outcome: "returned done",
          connects: 1,
          // The winner's write stands: x updated to version 2 (the nested delete failed), or y inserted at version 1.
          x: op === "insert" ? ["Winner", 1] : ["Winner", 2],
          after: true,
        });
      }, 30_000);
    }
  });
} else {
  describe("PostgreSQL savepoint on a pool of one (skipped: PMOKIT_PG_URL not set)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_PG_URL"]).toBeUndefined();
    });
  });
}
