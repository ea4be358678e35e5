import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { isPmoError, type StorageError } from "../../src/index.js";
import { createSqlAdapter, migrate, SharedSqliteDialect, type AnyKysely } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";

/*
 * SQLITE_BUSY with the database given eagerly (a Database) and lazily (a function returning one, which Kysely calls
 * on first use). Another process holds the write lock: in rollback-journal mode it blocks the lazy function's
 * `journal_mode = WAL` while the Database is being opened. Before the fix the lazy adapter failed at once and never
 * set its busy timeout (the PRAGMA failure was taken for an engine without the pragma): every later write failed
 * at once too, where the eager adapter waited for the lock.
 */

/** Another process takes the write lock (BEGIN EXCLUSIVE) and holds it `ms` milliseconds. */
async function holdLock(file: string, ms: number): Promise<{ exited: Promise<unknown> }> {
  const holder = spawn(
    process.execPath,
    ["-e", `const D=require("better-sqlite3");const d=new D(${JSON.stringify(file)});d.prepare("BEGIN EXCLUSIVE").run();process.stdout.write("locked\\n");setTimeout(()=>{d.prepare("COMMIT").run();d.close();},${ms});`],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = new Promise((r) => holder.on("exit", r));
  await new Promise<void>((r) => holder.stdout.on("data", (d: Buffer) => d.toString().includes("locked") && r()));
  return { exited };
}

const DIALECTS = { SqliteDialect, SharedSqliteDialect } as const;

describe("SQLite busy: a lazy database waits for another process's lock as an eager one does", () => {
  for (const [dialectName, Dialect] of Object.entries(DIALECTS)) {
    for (const given of ["eager", "lazy"] as const) {
      it(`${dialectName}, ${given} database: the write waits busyTimeoutMs for the lock, and the busy timeout is set on the connection`, async () => {
        const dir = mkdtempSync(join(tmpdir(), "pmokit-busy-"));
        const file = join(dir, "pmo.db");
        const setup = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) }) as AnyKysely;
        await migrate(setup);
        await setup.destroy();
        // timeout 0: better-sqlite3's own busy wait is off, so only the adapter's busyTimeoutMs can make a write wait.
        let opened: Database.Database | undefined;
        const open = () => {
          const d = new Database(file, { timeout: 0 });
          opened = d;
          d.pragma("journal_mode = WAL");
          return d;
        };
        const eager = given === "eager" ? open() : undefined;
        const db = new Kysely<unknown>({ dialect: new Dialect({ database: eager ?? (async () => open()) }) }) as AnyKysely;
        try {
          const adapter = createSqlAdapter(db, { busyTimeoutMs: 10_000 });
          // The eager database is already in WAL mode; the lazy one is opened while the lock is held.
          const lock = await holdLock(file, 1_000);
          const outcome = await adapter.store("person").insert(personRecord("busy-1")).then(
            () => "written",
            (e: unknown) => `${(e as StorageError).storageCode}: ${(e as Error).message}`,
          );
          await lock.exited;
          // Before: lazy → "storage-busy: … database is locked" at once; eager → "written" once the lock was released.
          expect(outcome).toBe("written");
          expect(opened?.pragma("busy_timeout", { simple: true })).toBe(10_000);
          expect((await adapter.store("person").get("busy-1"))?.id).toBe("busy-1");
        } finally {
          await db.destroy();
          rmSync(dir, { recursive: true, force: true });
        }
      }, 30_000);
    }
  }

  it("a lazy database whose opening stays busy past busyTimeoutMs fails with a retryable storage-busy, and the next call opens it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pmokit-busy-"));
    const file = join(dir, "pmo.db");
    const setup = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) }) as AnyKysely;
    await migrate(setup);
    await setup.destroy();
    let opened: Database.Database | undefined;
    const db = new Kysely<unknown>({
      dialect: new SqliteDialect({
        database: async () => {
          const d = new Database(file, { timeout: 0 });
          opened = d;
          d.pragma("journal_mode = WAL");
          return d;
        },
      }),
    }) as AnyKysely;
    try {
      const adapter = createSqlAdapter(db, { busyTimeoutMs: 200 });
      const lock = await holdLock(file, 1_500);
      const started = Date.now();
      const error = await adapter.store("person").insert(personRecord("busy-2")).catch((e: unknown) => e);
      const waited = Date.now() - started;
      await lock.exited;
      expect(isPmoError(error, "storage")).toBe(true);
      expect([(error as StorageError).storageCode, (error as StorageError).retryable]).toEqual(["storage-busy", true]);
      // It waited its busy timeout (200 ms) before giving up, not 0 ms; and less than the lock's 1,500 ms.
      expect(waited).toBeGreaterThanOrEqual(200);
      expect(waited).toBeLessThan(1_500);
      await adapter.store("person").insert(personRecord("busy-2"));
      expect(opened?.pragma("busy_timeout", { simple: true })).toBe(200);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
