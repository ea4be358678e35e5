import type { KyselyPlugin } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isPmoError, type VersionConflictError } from "../../src/index.js";
import { createSqlAdapter, migrate } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import { PG_URL, postgresBackend } from "./backends.js";

/*
 * PostgreSQL (READ COMMITTED, no transaction): an `update` whose compare-and-set changed no row named the version it
 * found with a second statement, on whichever pooled connection came next. A writer that landed between the two got
 * its version named, not the one that beat the update: x at version 1; W1 updates it to 2; the update expecting 1
 * changes nothing; W2 updates 2 → 3 before the read; the conflict said "found version 3". Now the statement that
 * fails the compare-and-set also reads the version it compared, under the row's lock (`SELECT … FOR UPDATE` joined
 * into the UPDATE): "found version 2" — also when the update waited for W1's lock and W1 committed meanwhile, and for
 * a version-checked delete.
 */

const url = PG_URL;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function race(w1Holds: boolean, op: "update" | "delete" = "update") {
  const b = await postgresBackend(url as string);
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${b.schema}` });
  const watcher = new pg.Client({ connectionString: url });
  try {
    await migrate(b.db);
    await client.connect();
    await watcher.connect();
    const others = createSqlAdapter(b.db);
    await others.store("person").insert(personRecord("x", { name: "Original" }));
    // W2 lands right after the loser's first statement has returned, before the adapter goes on.
    let armed = true;
    const plugin: KyselyPlugin = {
      transformQuery: (a) => a.node,
      async transformResult(a) {
        if (armed) {
          armed = false;
          await others.store("person").update(personRecord("x", { name: "W2" }), { expectedVersion: 2 });
        }
        return a.result;
      },
    };
    const loser = createSqlAdapter(b.second!().withPlugin(plugin));
    const lose = () => (op === "update" ? loser.store("person").update(personRecord("x", { name: "Loser" }), { expectedVersion: 1 }) : loser.store("person").delete("x", { expectedVersion: 1 })).catch((e: unknown) => e);
    let outcome: Promise<unknown>;
    if (w1Holds) {
      // W1 holds the row (updated, not committed) while the loser's update waits for its lock, then commits.
      await client.query("BEGIN");
      const w1 = personRecord("x", { name: "W1", version: 2 });
      await client.query("UPDATE pmokit_person SET version = 2, doc = $1, name = 'W1' WHERE id = 'x'", [JSON.stringify(w1)]);
      outcome = lose();
      for (let i = 0; i < 400; i++) {
        const r = await watcher.query("SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [b.schema]);
        if (r.rowCount) break;
        await pause(5);
      }
      await client.query("COMMIT");
    } else {
      await others.store("person").update(personRecord("x", { name: "W1" }), { expectedVersion: 1 });
      outcome = lose();
    }
    const e = await outcome;
    const stored = await others.store("person").get("x");
    return { conflict: isPmoError(e, "version-conflict") ? (e as VersionConflictError).message : String(e), stored: [stored?.["name"], stored?.version] };
  } finally {
    await client.end();
    await watcher.end();
    await b.close();
  }
}

if (url) {
  describe("PostgreSQL: a compare-and-set that changed nothing names the version that beat it", () => {
    it("W1 committed before the update: found version 2, though W2 makes it 3 right after", async () => {
      // Before: 'person "x": expected version 1, found version 3'.
      expect(await race(false)).toEqual({ conflict: 'person "x": expected version 1, found version 2', stored: ["W2", 3] });
    }, 30_000);

    it("the update waited for W1's lock: found version 2, though W2 makes it 3 right after", async () => {
      // Before: 'person "x": expected version 1, found version 3'.
      expect(await race(true)).toEqual({ conflict: 'person "x": expected version 1, found version 2', stored: ["W2", 3] });
    }, 30_000);

    it("a version-checked delete likewise: found version 2", async () => {
      // Before: 'person "x": expected version 1, found version 3'.
      expect(await race(true, "delete")).toEqual({ conflict: 'person "x": expected version 1, found version 2', stored: ["W2", 3] });
    }, 30_000);
  });
} else {
  describe("PostgreSQL conflict version (skipped: PMOKIT_PG_URL not set)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_PG_URL"]).toBeUndefined();
    });
  });
}
