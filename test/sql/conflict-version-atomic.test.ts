import Database from "better-sqlite3";
import { Kysely, MysqlDialect, sql, type KyselyPlugin } from "kysely";
import { createPool } from "mysql2";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isPmoError, type StorageAdapter, type VersionConflictError } from "../../src/index.js";
import { createSqlAdapter, migrate, type AnyKysely } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import { MYSQL_URL, PG_URL, mariadbBackend, postgresBackend, sqliteFile, type Backend } from "./backends.js";

/*
 * SQLite and MariaDB: a compare-and-set `update`/`delete` that changed no row read the version it then named in its
 * VersionConflictError with a second statement, outside the failed write's transaction (SQLite: the next turn of the
 * connection; MariaDB: in autocommit, on whichever pooled connection came next). A writer landing between the two was
 * named instead of the one that beat the write. x at version 1; W1 makes it 2; the loser's write expecting 1 changes
 * nothing; right then W2 updates 2 → 3 (or deletes x); the conflict said "found version 3" (or "found no record").
 * Now the failed write and the read are one transaction on one connection — the write's lock holds W2 off until the
 * read is done — so the conflict names version 2, the one the write was compared with, as on PostgreSQL since d95fba9e.
 *
 * W2 is started from a plugin on the loser's Kysely instance, right after the statement that changed nothing returned.
 */

type Interposed = "update" | "delete";
type LoserOp = "update" | "delete";

interface Outcome {
  readonly conflict: string;
  /** What W2 met when it was tried between the loser's failed write and the loser's next statement. */
  readonly w2: string;
  /** The record afterwards: [name, version], or null when W2 deleted it. */
  readonly stored: unknown;
}

const loserWrite = (a: StorageAdapter, op: LoserOp) =>
  op === "update"
    ? a.store("person").update(personRecord("x", { name: "Loser" }), { expectedVersion: 1 })
    : a.store("person").delete("x", { expectedVersion: 1 });

const describeOutcome = (e: unknown) => (isPmoError(e, "version-conflict") ? (e as VersionConflictError).message : `no conflict: ${String(e)}`);

const zeroRows = (r: { numAffectedRows?: bigint }) => r.numAffectedRows === 0n;

/** SQLite file: W2 runs on its own better-sqlite3 handle (busy timeout 0: a held write lock refuses it at once). */
async function sqliteRace(loserOp: LoserOp, interposed: Interposed): Promise<Outcome> {
  const b = sqliteFile();
  const w2Handle = new Database(b.file, { timeout: 0 });
  try {
    await migrate(b.db);
    const others = createSqlAdapter(b.db);
    await others.store("person").insert(personRecord("x", { name: "Original" }));
    await others.store("person").update(personRecord("x", { name: "W1" }), { expectedVersion: 1 });
    const w2Record = personRecord("x", { name: "W2", version: 3 });
    const w2 = () =>
      interposed === "update"
        ? w2Handle.prepare("UPDATE pmokit_person SET version = 3, doc = ?, name = 'W2' WHERE id = 'x' AND version = 2").run(JSON.stringify(w2Record))
        : w2Handle.prepare("DELETE FROM pmokit_person WHERE id = 'x'").run();
    let w2Met = "not armed";
    const plugin: KyselyPlugin = {
      transformQuery: (a) => a.node,
      async transformResult(a) {
        if (w2Met === "not tried" && zeroRows(a.result)) {
          try {
            w2();
            w2Met = "landed";
          } catch (e) {
            w2Met = (e as { code?: string }).code ?? String(e);
          }
        }
        return a.result;
      },
    };
    const loser = createSqlAdapter(b.second!().withPlugin(plugin));
    // Armed after a first read: the statements the adapter sends on its first use (SQLite's PRAGMA busy_timeout)
    // change no row either.
    await loser.store("person").get("x");
    w2Met = "not tried";
    const e = await loserWrite(loser, loserOp).then((r) => r, (err: unknown) => err);
    if (w2Met !== "landed") w2(); // W2 goes ahead once the loser is done
    const stored = await others.store("person").get("x");
    return { conflict: describeOutcome(e), w2: w2Met, stored: stored ? [stored["name"], stored.version] : null };
  } finally {
    w2Handle.close();
    await b.close();
  }
}

/*
 * MariaDB: W2 runs on its own connection, opened (and its adapter's first statements sent) before the race, whose
 * thread id is known; the plugin waits until W2 has landed or is seen waiting for a row lock. The wait is read from
 * SHOW ENGINE INNODB STATUS, which is live. INFORMATION_SCHEMA.INNODB_TRX (read here before) is a cache the server
 * refreshes only when nobody has read it for 100 ms: polled every 5 ms from before W2's UPDATE arrived (a loaded CI
 * machine), it kept its first picture — no lock wait — for the whole 20 s deadline, while W2 sat in its lock wait
 * (measured on MariaDB 10.11: a statement waiting 3 s on a row lock, INNODB_TRX polled every 10 ms: 0 of 125
 * readings showed it; polled every 150 ms: 16 of 16). The test then called that "held until the loser was done".
 */
async function mariadbRace(url: string, loserOp: LoserOp, interposed: Interposed): Promise<Outcome> {
  const b: Backend & { database: string } = await mariadbBackend(url);
  const watcher = createPool({ uri: url, connectionLimit: 1 }).promise();
  const w2Pool = createPool({ uri: url, database: b.database, connectionLimit: 1 });
  const w2Db = new Kysely<unknown>({ dialect: new MysqlDialect({ pool: w2Pool }) }) as AnyKysely;
  try {
    await migrate(b.db);
    const others = createSqlAdapter(b.db);
    await others.store("person").insert(personRecord("x", { name: "Original" }));
    await others.store("person").update(personRecord("x", { name: "W1" }), { expectedVersion: 1 });
    // W2's one connection, warm: connected, and its adapter past its first statements (max_allowed_packet).
    const w2Adapter = createSqlAdapter(w2Db);
    await w2Adapter.store("person").insert(personRecord("warm", { name: "Warm" }));
    const w2Thread = Number((await sql<{ id: unknown }>`SELECT CONNECTION_ID() AS id`.execute(w2Db)).rows[0]?.id);
    let w2Met = "not armed";
    let w2Done: Promise<unknown> = Promise.resolve();
    const plugin: KyselyPlugin = {
      transformQuery: (a) => a.node,
      async transformResult(a) {
        if (w2Met === "not tried" && zeroRows(a.result)) {
          w2Met = "started";
          let settled = false;
          w2Done = (interposed === "update"
            ? w2Adapter.store("person").update(personRecord("x", { name: "W2" }), { expectedVersion: 2 })
            : w2Adapter.store("person").delete("x", { expectedVersion: 2 })
          ).finally(() => (settled = true));
          // A W2 the loser does not hold lands within milliseconds: "landed" is the bug. Otherwise W2's thread is
          // seen waiting for a row lock on this test's table (its transaction in INNODB STATUS: "MariaDB thread id
          // <W2>", "LOCK WAIT", "… FOR THIS LOCK TO BE GRANTED: … of table `<db>`.`pmokit_person`"), or, at the
          // deadline, whatever its thread was doing (PROCESSLIST) is the outcome, and the test fails with it.
          let last = "nothing seen";
          const deadline = Date.now() + 20_000;
          while (!settled && Date.now() < deadline) {
            const [status] = await watcher.query("SHOW ENGINE INNODB STATUS");
            const text = String((status as { Status?: unknown }[])[0]?.Status ?? "");
            const trx = text.split("---TRANSACTION ").find((t) => new RegExp(`(MySQL|MariaDB) thread id ${w2Thread},`).test(t));
            if (trx?.includes("LOCK WAIT") && trx.includes(`FOR THIS LOCK TO BE GRANTED`) && trx.includes(`of table \`${b.database}\`.\`pmokit_person\``)) {
              w2Met = "waited for the loser's lock";
              break;
            }
            const [rows] = await watcher.query("SELECT COMMAND AS c, STATE AS s, INFO AS i FROM information_schema.PROCESSLIST WHERE ID = ?", [w2Thread]);
            const p = (rows as { c: unknown; s: unknown; i: unknown }[])[0];
            last = p ? `${String(p.c)} / ${String(p.s)} / ${p.i === null ? "no statement" : "a statement"}` : "no thread";
            await new Promise((r) => setTimeout(r, 5));
          }
          if (settled) w2Met = "landed";
          else if (w2Met === "started") w2Met = `not seen in a lock wait in 20 s; its thread: ${last}`;
        }
        return a.result;
      },
    };
    const loser = createSqlAdapter(b.second!().withPlugin(plugin));
    // Armed after a first read: the statements the adapter sends on its first use (SQLite's PRAGMA busy_timeout)
    // change no row either.
    await loser.store("person").get("x");
    w2Met = "not tried";
    const e = await loserWrite(loser, loserOp).then((r) => r, (err: unknown) => err);
    await w2Done;
    const stored = await others.store("person").get("x");
    return { conflict: describeOutcome(e), w2: w2Met, stored: stored ? [stored["name"], stored.version] : null };
  } finally {
    await w2Db.destroy();
    await watcher.end();
    await b.close();
  }
}

const cases: [LoserOp, Interposed][] = [
  ["update", "update"],
  ["update", "delete"],
  ["delete", "update"],
  ["delete", "delete"],
];
// W2 after the loser: its update makes version 3 ("W2", 3); its delete leaves no record.
const afterW2 = (interposed: Interposed) => (interposed === "update" ? ["W2", 3] : null);

describe("SQLite: a compare-and-set that changed nothing names the version that beat it, not a writer after it", () => {
  for (const [loserOp, interposed] of cases) {
    it(`loser ${loserOp}s expecting 1, W2 ${interposed}s right after: found version 2; W2 waits for the loser`, async () => {
      // Before: conflict 'found version 3' (W2 update) or 'found no record' (W2 delete); W2 "landed" in between.
      expect(await sqliteRace(loserOp, interposed)).toEqual({
        conflict: 'person "x": expected version 1, found version 2',
        w2: "SQLITE_BUSY",
        stored: afterW2(interposed),
      });
    });
  }
});

describe.skipIf(!MYSQL_URL)("MariaDB: a compare-and-set that changed nothing names the version that beat it, not a writer after it", () => {
  for (const [loserOp, interposed] of cases) {
    it(`loser ${loserOp}s expecting 1, W2 ${interposed}s right after: found version 2; W2 waits for the loser's lock`, async () => {
      // Before: conflict 'found version 3' (W2 update) or 'found no record' (W2 delete); W2 "landed" in between.
      expect(await mariadbRace(MYSQL_URL as string, loserOp, interposed)).toEqual({
        conflict: 'person "x": expected version 1, found version 2',
        w2: "waited for the loser's lock",
        stored: afterW2(interposed),
      });
    }, 60_000);
  }
});

/*
 * PostgreSQL: the compare-and-set is one statement that names the version it compared (`found`, read under the row's
 * lock) — except when it met no row: then the adapter read the version with a second statement, on whichever pooled
 * connection came next. A writer landing between the two was named instead of the one that beat the write, or worse:
 * x at version 1; W1 deletes x; the loser expecting 1 changes nothing; right then W2 inserts x again (version 1) — the
 * second read found version 1, "the version expected", and the loser wrote again: it updated or deleted W2's new
 * record with no conflict. Now the statement also says whether the row was there in its snapshot and, if so, takes a
 * transaction id after the wait; a second read is only taken of a row inserted before that id — by the transaction
 * that deleted it, also in another savepoint (a delete-and-insert-again, whose contention retry stays —
 * cas-contention.test.ts, postgres-savepoint-replace.test.ts), never by a writer after it.
 *
 * W1 is committed before the loser starts, or holds x deleted while the loser waits for its lock (seen in
 * pg_stat_activity) and commits then. W2 is started from a plugin on the loser's Kysely instance, right after the
 * statement that changed nothing returned; the plugin waits (deadline) until W2 settles or waits for a lock.
 */
type PgW2 = "insert" | "insert and update";

async function pgRace(url: string, loserOp: LoserOp, w1Holds: boolean, interposed: PgW2): Promise<Outcome> {
  const b = await postgresBackend(url);
  const w1 = new pg.Client({ connectionString: url, options: `-c search_path=${b.schema}` });
  const watcher = new pg.Client({ connectionString: url });
  // Only this test's sessions (application_name is its schema) count: another test's lock wait must not pass this one.
  const lockWaitSeen = async (deadline: number, settled: () => boolean) => {
    while (!settled() && Date.now() < deadline) {
      const r = await watcher.query("SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [b.schema]);
      if (r.rowCount) return true;
      await new Promise((res) => setTimeout(res, 5));
    }
    return false;
  };
  try {
    await migrate(b.db);
    await w1.connect();
    await watcher.connect();
    const others = createSqlAdapter(b.db);
    await others.store("person").insert(personRecord("x", { name: "Original" }));
    let w2Met = "not armed";
    let w2Done: Promise<unknown> = Promise.resolve();
    const plugin: KyselyPlugin = {
      transformQuery: (a) => a.node,
      async transformResult(a) {
        const row = a.result.rows[0] as { changed?: unknown } | undefined;
        if (w2Met === "not tried" && row !== undefined && Number(row.changed) === 0) {
          w2Met = "started";
          let settled = false;
          w2Done = others
            .store("person")
            .insert(personRecord("x", { name: "W2" }))
            .then(() => (interposed === "insert" ? undefined : others.store("person").update(personRecord("x", { name: "W2" }), { expectedVersion: 1 })))
            .finally(() => (settled = true));
          if (await lockWaitSeen(Date.now() + 20_000, () => settled)) w2Met = "waited for the loser's lock";
          else if (settled) w2Met = "landed";
        }
        return a.result;
      },
    };
    const loser = createSqlAdapter(b.second!().withPlugin(plugin));
    await loser.store("person").get("x");
    w2Met = "not tried";
    let e: unknown;
    if (w1Holds) {
      await w1.query("BEGIN");
      await w1.query("DELETE FROM pmokit_person WHERE id = 'x'");
      const outcome = loserWrite(loser, loserOp).then((r) => r, (err: unknown) => err);
      let loserDone = false;
      void outcome.finally(() => (loserDone = true));
      if (!(await lockWaitSeen(Date.now() + 20_000, () => loserDone))) throw new Error("the loser's write never waited for W1's lock");
      await w1.query("COMMIT");
      e = await outcome;
    } else {
      await others.store("person").delete("x", { expectedVersion: 1 });
      e = await loserWrite(loser, loserOp).then((r) => r, (err: unknown) => err);
    }
    await w2Done;
    const stored = await others.store("person").get("x");
    return { conflict: describeOutcome(e), w2: w2Met, stored: stored ? [stored["name"], stored.version] : null };
  } finally {
    await w1.end();
    await watcher.end();
    await b.close();
  }
}

describe.skipIf(!PG_URL)("PostgreSQL: a compare-and-set that met no row names no record, not a writer after it", () => {
  const pgCases: [LoserOp, boolean, PgW2][] = [
    ["update", false, "insert"],
    ["update", false, "insert and update"],
    ["delete", false, "insert"],
    ["delete", false, "insert and update"],
    ["update", true, "insert"],
    ["delete", true, "insert"],
  ];
  for (const [loserOp, w1Holds, interposed] of pgCases) {
    const w1 = w1Holds ? "W1 deletes x while the loser waits for its lock" : "W1 deleted x";
    it(`${w1}; loser ${loserOp}s expecting 1, W2 ${interposed}s right after: found no record, W2's record kept`, async () => {
      // Before: W2 insert → no conflict at all (the loser's second read found version 1 and wrote again: stored
      // ["Loser", 2] or null); W2 insert and update → 'found version 2'.
      expect(await pgRace(PG_URL as string, loserOp, w1Holds, interposed)).toEqual({
        conflict: 'person "x": expected version 1, found no record',
        w2: "landed",
        stored: ["W2", interposed === "insert" ? 1 : 2],
      });
    }, 60_000);
  }
});
