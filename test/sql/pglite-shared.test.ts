import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositories, isPmoError } from "../../src/index.js";
import { createSqlAdapter, migrate, PgliteDialect, type AnyKysely } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import { sqliteMemory } from "./backends.js";

/*
 * Two Kysely instances (two adapters, two createRepositories) opened on one PGlite instance. PGlite is one session:
 * before the fix each Kysely instance had its own turn-taking, so one instance's statements ran inside the other's
 * open transaction — an acknowledged write vanished with the other's rollback, and a second BEGIN / COMMIT committed
 * the first transaction half-way.
 */

let pg: PGlite;
const open = () => new Kysely<unknown>({ dialect: new PgliteDialect(pg) }) as AnyKysely;
const within = <T>(p: Promise<T>, ms = 5_000): Promise<T | "timeout"> =>
  Promise.race([p, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), ms))]);

beforeAll(async () => {
  pg = new PGlite();
  await pg.exec("CREATE SCHEMA pmokit_shared_s6; SET search_path TO pmokit_shared_s6");
  await migrate(open());
}, 60_000);
afterAll(async () => {
  await pg.close();
});

const reset = async () => {
  await pg.exec("DELETE FROM pmokit_person");
};

describe("two Kysely instances over one PGlite database", () => {
  it("a write through the second instance while the first one's transaction is open is not rolled back with it", async () => {
    await reset();
    const a = createSqlAdapter(open());
    const b = createSqlAdapter(open());
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inTx!: () => void;
    const started = new Promise<void>((r) => (inTx = r));
    const tx = a
      .transaction!(async (t) => {
        await t.store("person").insert(personRecord("in-tx"));
        inTx();
        await held;
        throw new Error("roll back");
      })
      .catch((e: unknown) => e);
    await started;
    // An independent caller (outside the transaction's function): waits its turn, then writes for good.
    const outside = b.store("person").insert(personRecord("outside"));
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(((await tx) as Error).message).toBe("roll back");
    expect((await within(outside))).not.toBe("timeout");
    expect(await b.store("person").get("in-tx")).toBeNull();
    // Before: null — the acknowledged insert ran inside a's transaction and was rolled back with it.
    expect((await b.store("person").get("outside"))?.id).toBe("outside");
  }, 20_000);

  it("two transactions through two instances are isolated: one's COMMIT does not commit the other half-way", async () => {
    await reset();
    const a = createSqlAdapter(open());
    const b = createSqlAdapter(open());
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inTx!: () => void;
    const started = new Promise<void>((r) => (inTx = r));
    const first = a
      .transaction!(async (t) => {
        await t.store("person").insert(personRecord("first-1"));
        inTx();
        await held;
        await t.store("person").insert(personRecord("first-2"));
        throw new Error("roll back first");
      })
      .catch((e: unknown) => e);
    await started;
    const second = b.transaction!(async (t) => {
      await t.store("person").insert(personRecord("second-1"));
    });
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(((await first) as Error).message).toBe("roll back first");
    expect(await within(second)).not.toBe("timeout");
    const ids = (await b.store("person").list({ limit: 10 })).items.map((r) => r.id);
    // Before: ["first-1", "second-1"] — the second transaction's COMMIT committed the first one's first write.
    expect(ids).toEqual(["second-1"]);
  }, 20_000);

  it("the second instance called from inside the first one's transaction fails fast with TransactionMisuseError", async () => {
    await reset();
    const a = createSqlAdapter(open());
    const b = createRepositories(createSqlAdapter(open()));
    const outcome = await within(
      a.transaction!(async (tx) => {
        await createRepositories(tx).person.create({ id: "outer", name: "Outer", roles: ["qa"] });
        await b.person.create({ id: "inner", name: "Inner", roles: ["qa"] });
      }).then(() => "done", (e: unknown) => e),
    );
    expect(outcome).not.toBe("timeout");
    expect(isPmoError(outcome, "transaction-misuse")).toBe(true);
    expect((outcome as { reason?: string }).reason).toBe("adapter-in-transaction");
    expect(await b.person.get("inner")).toBeNull();
    expect(await b.person.get("outer")).toBeNull();
  }, 20_000);
});

describe("a plain Kysely query on the second PGlite instance from inside the first one's transaction", () => {
  it("fails fast with TransactionMisuseError instead of waiting forever for the turn the transaction holds", async () => {
    await reset();
    const a = createSqlAdapter(open());
    const second = open();
    const outcome = await within(
      a.transaction!(async () => {
        await sql`SELECT 1`.execute(second);
      }).then(() => "done", (e: unknown) => e),
      3_000,
    );
    // Before: "timeout" — the query queued behind the transaction, and the transaction's function awaited the query.
    expect(outcome).not.toBe("timeout");
    expect(isPmoError(outcome, "transaction-misuse")).toBe(true);
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(second)).rows).toEqual([{ one: 1 }]);
  }, 20_000);
});

describe("a Kysely instance's copies (withSchema / withPlugin) share its driver", () => {
  it("SQLite: an adapter over a copy, called inside the original's transaction, fails fast instead of hanging", async () => {
    const b = sqliteMemory();
    try {
      await migrate(b.db);
      const a = createSqlAdapter(b.db);
      const copy = createSqlAdapter(b.db.withSchema("main"));
      const outcome = await within(
        a.transaction!(async (tx) => {
          await tx.store("person").insert(personRecord("outer"));
          await copy.store("person").insert(personRecord("inner"));
        }).then(() => "done", (e: unknown) => e),
        3_000,
      );
      // Before: "timeout" — the copy waited for the connection the transaction held, and the transaction for it.
      expect(outcome).not.toBe("timeout");
      expect((outcome as { reason?: string }).reason).toBe("adapter-in-transaction");
      expect(await copy.store("person").get("outer")).toBeNull();
      // Outside the transaction the copy works as usual.
      await copy.store("person").insert(personRecord("later"));
      expect((await a.store("person").get("later"))?.id).toBe("later");
    } finally {
      await b.close();
    }
  }, 20_000);
});

describe("destroying one of two Kysely instances over one PGlite instance", () => {
  it("leaves the PGlite instance open for the other; the last one destroyed closes it", async () => {
    const own = new PGlite();
    const first = new Kysely<unknown>({ dialect: new PgliteDialect(own) }) as AnyKysely;
    const second = new Kysely<unknown>({ dialect: new PgliteDialect(own) }) as AnyKysely;
    await migrate(first);
    await createSqlAdapter(second).store("person").insert(personRecord("kept"));
    await first.destroy();
    // Before: the first destroy closed the shared PGlite instance, and the second instance failed ("PGlite is closed").
    expect(own.closed).toBe(false);
    expect((await createSqlAdapter(second).store("person").get("kept"))?.id).toBe("kept");
    await second.destroy();
    expect(own.closed).toBe(true);
  }, 60_000);
});
