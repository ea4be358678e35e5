import type { KyselyPlugin } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isPmoError, type StorageError, type VersionConflictError } from "../../src/index.js";
import { createSqlAdapter, migrate, type AnyKysely } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import { MYSQL_URL, PG_URL, mariadbBackend, postgresBackend, type Backend } from "./backends.js";

/*
 * PostgreSQL at READ COMMITTED: an `UPDATE … WHERE id = ? AND version = ?` waiting on a row that another transaction
 * deletes and inserts again (same id, same version) re-checks only the deleted row and changes nothing; the adapter
 * then finds the version it expected and writes again. It gave up after 3 tries with a VersionConflictError naming
 * the version it expected as the one found ("expected version 1, found version 1") — a legitimate update lost to
 * contention. The replacements here are driven step by step: each one deletes the row before the writer's next try
 * (a plugin on the writer's Kysely instance waits for it after every write that changed nothing), and commits once
 * the writer's UPDATE is seen waiting for its lock in pg_stat_activity.
 */

const url = PG_URL;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function scenario(rounds: number, contentionTimeoutMs?: number) {
  const b = await postgresBackend(url as string);
  await migrate(b.db);
  const setup = createSqlAdapter(b.db);
  await setup.store("person").insert(personRecord("cas-1", { name: "Original" }));
  const replacer = new pg.Client({ connectionString: url, options: `-c search_path=${b.schema}`, application_name: "cas-replacer" });
  const watcher = new pg.Client({ connectionString: url });
  await replacer.connect();
  await watcher.connect();
  let replaced = 0;
  let stopped = false;
  /** Waits until a session of the writer's pool waits for a lock, then lands the replacement: same id, version 1. */
  const finishReplacement = async () => {
    for (let i = 0; i < 500; i++) {
      const r = await watcher.query("SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [b.schema]);
      if (r.rowCount) break;
      await pause(5);
    }
    const rec = personRecord("cas-1", { name: `Replacement ${++replaced}` });
    await replacer.query("INSERT INTO pmokit_person (id, version, created_at, updated_at, doc, name) VALUES ($1, 1, $2, $2, $3, $4)", ["cas-1", rec.createdAt, JSON.stringify(rec), rec["name"]]);
    await replacer.query("COMMIT");
  };
  const startReplacement = async () => {
    await replacer.query("BEGIN");
    await replacer.query("DELETE FROM pmokit_person WHERE id = 'cas-1'");
  };
  const following: Promise<void>[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (a) => a.node,
    async transformResult(a) {
      // After the writer's compare-and-set changed nothing: the next replacement deletes the row before its next try.
      // (An UPDATE's affected rows; since trace18 the adapter's compare-and-set is one SELECT that says `changed`.)
      const nothing = a.result.numAffectedRows === 0n || Number((a.result.rows[0] as { changed?: unknown } | undefined)?.changed) === 0;
      if (nothing && !stopped && replaced < rounds) {
        await startReplacement();
        following.push(finishReplacement());
      }
      return a.result;
    },
  };
  const writer = createSqlAdapter(b.db.withPlugin(plugin), contentionTimeoutMs === undefined ? {} : { contentionTimeoutMs });
  await startReplacement();
  const started = Date.now();
  const update = writer.store("person").update(personRecord("cas-1", { name: "Updated" }), { expectedVersion: 1 }).then((r) => r, (e: unknown) => e);
  await finishReplacement();
  const outcome = await update;
  const ms = Date.now() - started;
  stopped = true;
  await Promise.all(following);
  const stored = await setup.store("person").get("cas-1");
  await replacer.end();
  await watcher.end();
  await b.close();
  return { outcome, stored, replaced, ms };
}

if (url) {
  describe("PostgreSQL compare-and-set under a row deleted and inserted again by other transactions", () => {
    it("an update of version 1 that meets 6 replacements in a row (each at version 1) lands, at version 2", async () => {
      const { outcome, stored, replaced } = await scenario(6);
      // Before: VersionConflictError "person \"cas-1\": expected version 1, found version 1" after the 3rd replacement.
      if (isPmoError(outcome, "version-conflict")) expect((outcome as VersionConflictError).message).toBe("no VersionConflictError");
      expect(replaced).toBe(6);
      expect([stored?.["name"], stored?.version]).toEqual(["Updated", 2]);
      expect((outcome as { version?: number }).version).toBe(2);
    }, 60_000);

    it("free-running: 4 replacing transactions and 8 writers for 1.5 s — no conflict names the version expected, and writes land", async () => {
      const b = await postgresBackend(url as string);
      try {
        await migrate(b.db);
        const adapter = createSqlAdapter(b.db);
        await adapter.store("person").insert(personRecord("cas-free", { name: "Original" }));
        const until = Date.now() + 1500;
        const replacers = Array.from({ length: 4 }, async (_, r) => {
          const c = new pg.Client({ connectionString: url, options: `-c search_path=${b.schema}` });
          await c.connect();
          let n = 0;
          try {
            while (Date.now() < until) {
              const rec = personRecord("cas-free", { name: `Replacement ${r}.${++n}` });
              await c.query("BEGIN");
              try {
                await c.query("DELETE FROM pmokit_person WHERE id = 'cas-free'");
                await c.query("INSERT INTO pmokit_person (id, version, created_at, updated_at, doc, name) VALUES ($1, 1, $2, $2, $3, $4)", ["cas-free", rec.createdAt, JSON.stringify(rec), rec["name"]]);
                await c.query("COMMIT");
              } catch {
                await c.query("ROLLBACK"); // two replacers inserting the id at once: the later one loses
              }
            }
          } finally {
            await c.end();
          }
          return n;
        });
        const outcomes: unknown[] = [];
        const writers = Array.from({ length: 8 }, async (_, w) => {
          while (Date.now() < until) {
            outcomes.push(await adapter.store("person").update(personRecord("cas-free", { name: `Writer ${w}` }), { expectedVersion: 1 }).catch((e: unknown) => e));
          }
        });
        const replaced = (await Promise.all(replacers)).reduce((x, y) => x + y, 0);
        await Promise.all(writers);
        const falseConflicts = outcomes.filter((o) => isPmoError(o, "version-conflict") && (o as VersionConflictError).actualVersion === 1);
        const other = outcomes.filter((o) => o instanceof Error && !isPmoError(o, "version-conflict"));
        expect(replaced).toBeGreaterThan(10);
        expect(falseConflicts.map((e) => (e as Error).message)).toEqual([]);
        expect(other.map((e) => (e as Error).message)).toEqual([]);
        expect(outcomes.filter((o) => !(o instanceof Error)).length).toBeGreaterThan(0);
      } finally {
        await b.close();
      }
    }, 60_000);

    it("replacements that never stop end in a retryable storage-contention StorageError once contentionTimeoutMs has passed, nothing written", async () => {
      const { outcome, stored, replaced, ms } = await scenario(Number.POSITIVE_INFINITY, 300);
      expect(isPmoError(outcome, "storage")).toBe(true);
      const e = outcome as StorageError;
      expect([e.storageCode, e.retryable]).toEqual(["storage-contention", true]);
      expect(e.message).toMatch(/not a version conflict/);
      expect(ms).toBeGreaterThanOrEqual(300);
      expect(replaced).toBeGreaterThan(3);
      // The last replacement stands: the writer's update never landed.
      expect([stored?.["name"], stored?.version]).toEqual([`Replacement ${replaced}`, 1]);
    }, 60_000);
  });
} else {
  describe("PostgreSQL compare-and-set contention (skipped: PMOKIT_PG_URL not set)", () => {
    it("has no server URL", () => expect(process.env["PMOKIT_PG_URL"]).toBeUndefined());
  });
}

/*
 * The other side of the same check: a write that changed no row reads the version stored now. On MariaDB at REPEATABLE
 * READ a plain SELECT inside a transaction reads the transaction's snapshot, taken at its first read — so a
 * read-modify-write transaction (read version 1, another writer commits version 2, update version 1) found version 1,
 * the one it expected: it reported "expected version 1, found version 1" after 3 tries (and with only a time bound it
 * would retry for contentionTimeoutMs, then report contention). The version is now read as a locking read, which
 * reads the latest committed row: a VersionConflictError naming version 2, at once.
 */
const servers: [string, string | undefined, (url: string) => Promise<Backend>][] = [
  ["MariaDB", MYSQL_URL, (u) => mariadbBackend(u)],
  ["PostgreSQL", PG_URL, (u) => postgresBackend(u)],
];
for (const [label, server, open] of servers) {
  describe.skipIf(!server)(`${label}: a read-modify-write transaction whose record another writer changed`, () => {
    it("fails with a VersionConflictError naming the version stored (2), not the one its snapshot read, within 2 s", async () => {
      const b = await open(server as string);
      try {
        await migrate(b.db);
        const adapter = createSqlAdapter(b.db, { contentionTimeoutMs: 5000 });
        await adapter.store("person").insert(personRecord("rmw-1", { name: "Original" }));
        const started = Date.now();
        const outcome = await adapter.transaction!(async (tx) => {
          const read = await tx.store("person").get("rmw-1"); // the snapshot: version 1
          // Another writer, on its own pool, commits version 2.
          await createSqlAdapter((b.second as () => AnyKysely)()).store("person").update({ ...personRecord("rmw-1"), name: "Other writer" }, { expectedVersion: 1 });
          return tx.store("person").update({ ...(read as object), name: "Mine" } as never, { expectedVersion: 1 });
        }).catch((e: unknown) => e);
        const ms = Date.now() - started;
        expect(isPmoError(outcome, "version-conflict") ? [(outcome as VersionConflictError).expectedVersion, (outcome as VersionConflictError).actualVersion] : outcome).toEqual([1, 2]);
        expect(ms).toBeLessThan(2000);
        expect((await adapter.store("person").get("rmw-1"))?.["name"]).toBe("Other writer");
      } finally {
        await b.close();
      }
    }, 30_000);
  });
}
