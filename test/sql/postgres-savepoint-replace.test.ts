import pg from "pg";
import { describe, expect, it } from "vitest";
import { isPmoError, type StorageAdapter, type VersionConflictError } from "../../src/index.js";
import { createSqlAdapter, migrate } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import { PG_URL, postgresBackend } from "./backends.js";

/*
 * PostgreSQL (READ COMMITTED): x at version 1; a writer's transaction deletes x and inserts it again (version 1),
 * the delete and the insert in different savepoints (subtransactions), while a compare-and-set expecting version 1
 * waits for the row's lock. That transaction commits both at once: no reader could ever see x missing, so in every
 * serial order the write runs on the replacement (SQLite and MariaDB run it there once the lock is free; the
 * contract's "deleted and inserted again by one transaction" race allows only that or a conflict naming a version
 * stored). Expected: the update lands ("Loser", version 2), the delete deletes (true, nothing stored). Before: the
 * statement matched the replacement's xmin against the deleting xmax, which differ across subtransactions, and
 * answered 'person "x": expected version 1, found no record' — a state that never existed — leaving "Replaced".
 */

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Shape = "savepoints" | "delete in a savepoint" | "insert in a savepoint" | "no savepoint";

async function replaceWhileWaiting(url: string, shape: Shape, op: "update" | "delete", loserWroteFirst = false) {
  const b = await postgresBackend(url);
  const writer = new pg.Client({ connectionString: url, options: `-c search_path=${b.schema}` });
  const watcher = new pg.Client({ connectionString: url });
  try {
    await migrate(b.db);
    await writer.connect();
    await watcher.connect();
    const adapter = createSqlAdapter(b.db);
    await adapter.store("person").insert(personRecord("x", { name: "Original" }));
    const replacement = personRecord("x", { name: "Replaced" });
    await writer.query("BEGIN");
    const savepoints = shape === "savepoints";
    const inA = savepoints || shape === "delete in a savepoint";
    const inB = savepoints || shape === "insert in a savepoint";
    if (inA) await writer.query("SAVEPOINT a");
    await writer.query("DELETE FROM pmokit_person WHERE id = 'x'");
    if (inA) await writer.query("RELEASE SAVEPOINT a");
    const write = (a: StorageAdapter) => (op === "update" ? a.store("person").update(personRecord("x", { name: "Loser" }), { expectedVersion: 1 }) : a.store("person").delete("x", { expectedVersion: 1 }));
    // The loser's own transaction may hold a transaction id from a write before the race (older than the writer's).
    const outcome = (loserWroteFirst ? adapter.transaction!(async (tx) => (await tx.store("person").insert(personRecord("other", { name: "Other" })), write(tx))) : write(adapter)).then(
      (r) => r,
      (e: unknown) => e,
    );
    for (let i = 0; i < 400; i++) {
      const r = await watcher.query("SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [b.schema]);
      if (r.rowCount) break;
      await pause(5);
    }
    if (inB) await writer.query("SAVEPOINT b");
    await writer.query("INSERT INTO pmokit_person (id, version, created_at, updated_at, doc, name) VALUES ('x', 1, $1, $1, $2, 'Replaced')", [replacement.createdAt, JSON.stringify(replacement)]);
    if (inB) await writer.query("RELEASE SAVEPOINT b");
    await writer.query("COMMIT");
    const e = await outcome;
    const stored = await adapter.store("person").get("x");
    return { outcome: isPmoError(e, "version-conflict") ? (e as VersionConflictError).message : e instanceof Error ? e.message : e === true ? true : (e as { name?: unknown })?.name, stored: stored ? [stored["name"], stored.version] : null };
  } finally {
    await writer.end();
    await watcher.end();
    await b.close();
  }
}

describe.skipIf(!PG_URL)(`PostgreSQL: a record deleted and inserted again in savepoints of one transaction while a compare-and-set waits${PG_URL ? "" : " (skipped: PMOKIT_PG_URL not set)"}`, () => {
  for (const shape of ["savepoints", "delete in a savepoint", "insert in a savepoint"] as const) {
    it(`${shape}: an update of version 1 lands on the replacement (version 1): "Loser" at version 2`, async () => {
      expect(await replaceWhileWaiting(PG_URL as string, shape, "update")).toEqual({ outcome: "Loser", stored: ["Loser", 2] });
    }, 30_000);
    it(`${shape}: a delete of version 1 deletes the replacement: true, nothing stored`, async () => {
      expect(await replaceWhileWaiting(PG_URL as string, shape, "delete")).toEqual({ outcome: true, stored: null });
    }, 30_000);
  }
  // (With savepoints, a loser whose transaction took its id before the writer's insert still says "found no record":
  // see the notes, not fixed.)
  it("no savepoint, the loser in a transaction that wrote first: an update of version 1 lands on the replacement", async () => {
    expect(await replaceWhileWaiting(PG_URL as string, "no savepoint", "update", true)).toEqual({ outcome: "Loser", stored: ["Loser", 2] });
  }, 30_000);
});
