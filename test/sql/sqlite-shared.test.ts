import Database from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createRepositories, isPmoError, ValidationError } from "../../src/index.js";
import { createSqlAdapter, migrate, SharedSqliteDialect, type AnyKysely } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";

/*
 * Two Kysely instances over one better-sqlite3 Database object. A Database is one connection: with Kysely's own
 * SqliteDialect each Kysely instance has its own turn-taking (one mutex per driver), so one instance's statements ran
 * inside the other's open transaction — an acknowledged write vanished with the other's rollback, a second BEGIN
 * failed ("cannot start a transaction within a transaction"), and a call from inside the transaction went through
 * it. SharedSqliteDialect shares the turns per Database object, as PgliteDialect does per PGlite instance.
 * (Run with Kysely's SqliteDialect in place of SharedSqliteDialect, the first three tests fail as described.)
 */

const within = <T>(p: Promise<T>, ms = 5_000): Promise<T | "timeout"> =>
  Promise.race([p, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), ms))]);

async function pair() {
  const database = new Database(":memory:");
  const open = () => new Kysely<unknown>({ dialect: new SharedSqliteDialect({ database }) }) as AnyKysely;
  const first = open();
  const second = open();
  await migrate(first);
  return { database, first, second, close: async () => { await first.destroy(); await second.destroy(); } };
}

/** A transaction on `a` that inserts `ids[0]`, waits for `release`, inserts the rest and throws. */
function heldTransaction(a: ReturnType<typeof createSqlAdapter>, ids: string[]) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let inTx!: () => void;
  const started = new Promise<void>((r) => (inTx = r));
  const done = a
    .transaction!(async (t) => {
      await t.store("person").insert(personRecord(ids[0]!));
      inTx();
      await held;
      for (const id of ids.slice(1)) await t.store("person").insert(personRecord(id));
      throw new Error("roll back");
    })
    .catch((e: unknown) => e);
  return { started, release, done };
}

describe("two Kysely instances over one better-sqlite3 Database (SharedSqliteDialect)", () => {
  it("a write through the second instance while the first one's transaction is open waits its turn and is not rolled back with it", async () => {
    const p = await pair();
    try {
      const a = createSqlAdapter(p.first);
      const b = createSqlAdapter(p.second);
      const tx = heldTransaction(a, ["in-tx"]);
      await tx.started;
      const outside = b.store("person").insert(personRecord("outside"));
      await new Promise((r) => setTimeout(r, 50));
      tx.release();
      expect(((await tx.done) as Error).message).toBe("roll back");
      expect(await within(outside)).not.toBe("timeout");
      expect(await b.store("person").get("in-tx")).toBeNull();
      // Kysely's SqliteDialect: null — the acknowledged insert ran inside a's transaction and was rolled back with it.
      expect((await b.store("person").get("outside"))?.id).toBe("outside");
    } finally {
      await p.close();
    }
  }, 20_000);

  it("two transactions through two instances are isolated: the second waits, the first's rollback does not take its writes", async () => {
    const p = await pair();
    try {
      const a = createSqlAdapter(p.first);
      const b = createSqlAdapter(p.second);
      const tx = heldTransaction(a, ["first-1", "first-2"]);
      await tx.started;
      const second = b.transaction!(async (t) => {
        await t.store("person").insert(personRecord("second-1"));
      });
      await new Promise((r) => setTimeout(r, 50));
      tx.release();
      expect(((await tx.done) as Error).message).toBe("roll back");
      // Kysely's SqliteDialect: the second BEGIN failed inside the first transaction (a StorageError).
      expect(await within(second)).toBeUndefined();
      expect((await b.store("person").list({ limit: 10 })).items.map((r) => r.id)).toEqual(["second-1"]);
    } finally {
      await p.close();
    }
  }, 20_000);

  it("the second instance called from inside the first one's transaction fails fast with TransactionMisuseError, nothing written", async () => {
    const p = await pair();
    try {
      const a = createSqlAdapter(p.first);
      const b = createRepositories(createSqlAdapter(p.second));
      const outcome = await within(
        a.transaction!(async (tx) => {
          await createRepositories(tx).person.create({ id: "outer", name: "Outer", roles: ["qa"] });
          await b.person.create({ id: "inner", name: "Inner", roles: ["qa"] });
        }).then(() => "done", (e: unknown) => e),
      );
      // Kysely's SqliteDialect: "done" — the inner create went through a's transaction and both were committed.
      expect(isPmoError(outcome, "transaction-misuse")).toBe(true);
      expect((outcome as { reason?: string }).reason).toBe("adapter-in-transaction");
      expect(await b.person.get("inner")).toBeNull();
      expect(await b.person.get("outer")).toBeNull();
    } finally {
      await p.close();
    }
  }, 20_000);

  it("a plain Kysely query on the second instance from inside the first one's transaction fails fast instead of waiting forever", async () => {
    const p = await pair();
    try {
      const a = createSqlAdapter(p.first);
      const outcome = await within(
        a.transaction!(async () => {
          await sql`SELECT 1`.execute(p.second);
        }).then(() => "done", (e: unknown) => e),
        3_000,
      );
      // Without the check the query waits for the turn the transaction holds, and the transaction for the query.
      expect(outcome).not.toBe("timeout");
      expect(isPmoError(outcome, "transaction-misuse")).toBe(true);
      // Outside the transaction the second instance works.
      expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(p.second)).rows).toEqual([{ one: 1 }]);
    } finally {
      await p.close();
    }
  }, 20_000);

  it("instances whose database is a function returning one Database share its turns too", async () => {
    const database = new Database(":memory:");
    const open = () => new Kysely<unknown>({ dialect: new SharedSqliteDialect({ database: async () => database }) }) as AnyKysely;
    const first = open();
    const second = open();
    try {
      await migrate(first);
      const tx = heldTransaction(createSqlAdapter(first), ["lazy-in-tx"]);
      await tx.started;
      const outside = createSqlAdapter(second).store("person").insert(personRecord("lazy-outside"));
      await new Promise((r) => setTimeout(r, 50));
      tx.release();
      await tx.done;
      await outside;
      expect((await createSqlAdapter(second).store("person").list({ limit: 10 })).items.map((r) => r.id)).toEqual(["lazy-outside"]);
    } finally {
      await first.destroy();
      await second.destroy();
    }
  }, 20_000);

  it("destroying one instance leaves the Database open for the other; the last one destroyed closes it", async () => {
    const p = await pair();
    await createSqlAdapter(p.second).store("person").insert(personRecord("kept"));
    await p.first.destroy();
    // Kysely's SqliteDialect closes the Database on the first destroy: the second instance then fails.
    expect(p.database.open).toBe(true);
    expect((await createSqlAdapter(p.second).store("person").get("kept"))?.id).toBe("kept");
    await p.second.destroy();
    expect(p.database.open).toBe(false);
  }, 20_000);
});

describe("two Kysely instances built with Kysely's own SqliteDialect over one Database", () => {
  async function plainPair() {
    const database = new Database(":memory:");
    const first = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) }) as AnyKysely;
    const second = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) }) as AnyKysely;
    await migrate(first);
    return { first, second, close: async () => { await first.destroy(); } };
  }

  it("the second adapter fails fast with a ValidationError naming SharedSqliteDialect; the first one's transaction is not corrupted", async () => {
    const p = await plainPair();
    try {
      const a = createSqlAdapter(p.first);
      const b = createSqlAdapter(p.second);
      await a.store("person").insert(personRecord("before"));
      const tx = heldTransaction(a, ["plain-in-tx"]);
      await tx.started;
      // Before: the insert ran inside a's open transaction, reported success, and vanished with its rollback.
      const outside = await within(b.store("person").insert(personRecord("plain-outside")).then(() => "written", (e: unknown) => e), 3_000);
      tx.release();
      expect(((await tx.done) as Error).message).toBe("roll back");
      expect(outside).toBeInstanceOf(ValidationError);
      expect((outside as ValidationError).message).toMatch(/SharedSqliteDialect/);
      expect((outside as ValidationError).issues[0]?.path).toEqual(["db"]);
      // Every later call of the second adapter is refused the same way, a transaction too (its body never runs).
      let ran = false;
      await expect(b.transaction!(async () => { ran = true; })).rejects.toBeInstanceOf(ValidationError);
      await expect(b.store("person").get("before")).rejects.toBeInstanceOf(ValidationError);
      expect(ran).toBe(false);
      // The first adapter is unaffected: its rolled-back transaction left only what it had committed before.
      expect((await a.store("person").list({ limit: 10 })).items.map((r) => r.id)).toEqual(["before"]);
    } finally {
      await p.close();
    }
  }, 20_000);

  it("two adapters over one Kysely instance (and its withPlugin copy) share it without complaint", async () => {
    const p = await plainPair();
    try {
      const a = createSqlAdapter(p.first);
      const again = createSqlAdapter(p.first.withoutPlugins());
      await a.store("person").insert(personRecord("one"));
      await again.store("person").insert(personRecord("two"));
      expect((await a.store("person").list({ limit: 10 })).items.map((r) => r.id)).toEqual(["one", "two"]);
    } finally {
      await p.close();
    }
  }, 20_000);

  /*
   * What is not guarded, pinned so that the guide's list stays true: pmokit's check runs where pmokit runs — in its
   * adapters — so plain Kysely queries through the second instance are not seen, and behave as they did before.
   */
  it("not guarded: a plain Kysely insert through the second instance lands in the adapter's open transaction and vanishes with its rollback", async () => {
    const p = await plainPair();
    try {
      const a = createSqlAdapter(p.first);
      const tx = heldTransaction(a, ["plain-held"]);
      await tx.started;
      const row = personRecord("plain-kysely");
      await sql`INSERT INTO pmokit_person (id, version, created_at, updated_at, doc) VALUES (${row.id}, 1, ${row.createdAt}, ${row.updatedAt}, ${JSON.stringify(row)})`.execute(p.second);
      // A dirty read: the second instance sees the open transaction's uncommitted insert.
      expect((await sql<{ id: string }>`SELECT id FROM pmokit_person ORDER BY id`.execute(p.second)).rows.map((r) => r.id)).toEqual(["plain-held", "plain-kysely"]);
      // Its own transaction cannot start inside the other's: SQLite's error, as Kysely reports it (not a pmokit error).
      const nested = await p.second.transaction().execute(async () => "ran").catch((e: unknown) => e);
      expect(String((nested as Error).message)).toMatch(/cannot start a transaction within a transaction/);
      tx.release();
      await tx.done;
      // The acknowledged insert was part of the rolled-back transaction.
      expect(await a.store("person").get("plain-kysely")).toBeNull();
    } finally {
      await p.close();
    }
  }, 20_000);

  it("the same plain Kysely insert through a SharedSqliteDialect instance waits its turn and is kept", async () => {
    const p = await pair();
    try {
      const a = createSqlAdapter(p.first);
      const tx = heldTransaction(a, ["shared-held"]);
      await tx.started;
      const row = personRecord("shared-kysely");
      const insert = sql`INSERT INTO pmokit_person (id, version, created_at, updated_at, doc) VALUES (${row.id}, 1, ${row.createdAt}, ${row.updatedAt}, ${JSON.stringify(row)})`.execute(p.second);
      await new Promise((r) => setTimeout(r, 50));
      tx.release();
      await tx.done;
      await insert;
      expect((await sql<{ id: string }>`SELECT id FROM pmokit_person ORDER BY id`.execute(p.second)).rows.map((r) => r.id)).toEqual(["shared-kysely"]);
    } finally {
      await p.close();
    }
  }, 20_000);
});
