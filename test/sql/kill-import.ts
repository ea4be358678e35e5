import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { sql } from "kysely";
import { appliedMigrations, createSqlAdapter, migrate, tableName } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import type { Backend } from "./backends.js";

const CHILD = fileURLToPath(new URL("./import-child.ts", import.meta.url));
export const IMPORT_TOTAL = 100_000;

/** What one kill -9 run measured. */
export interface KillFigures {
  readonly label: string;
  readonly importedWhenKilled: number;
  readonly msToKill: number;
  readonly rowsAfter: number;
}

/**
 * Starts a child importing IMPORT_TOTAL records in one transaction, SIGKILLs it once `killAt` records are in, then
 * checks the database: only the record stored before, migrate a no-op, and the adapter writes again.
 */
export async function killMidImport(
  label: string,
  b: Backend,
  child: { dialect: "sqlite" | "postgres" | "mysql"; file?: string; url?: string; schema?: string },
  killAt: number,
): Promise<KillFigures> {
  await migrate(b.db);
  const before = await appliedMigrations(b.db);
  await createSqlAdapter(b.db).store("person").insert(personRecord("before-import"));
  const started = Date.now();
  const proc = spawn(process.execPath, ["--import", "tsx", CHILD, JSON.stringify({ ...child, total: IMPORT_TOTAL, every: 500 })], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let imported = 0;
  let stderr = "";
  proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => proc.on("exit", (code, signal) => resolve({ code, signal })));
  proc.stdout.on("data", (d: Buffer) => {
    for (const line of d.toString().split("\n")) {
      if (line === "committed") imported = IMPORT_TOTAL;
      else if (/^\d+$/.test(line)) imported = Number(line);
    }
    if (imported >= killAt && proc.exitCode === null) proc.kill("SIGKILL");
  });
  const guard = setTimeout(() => proc.kill("SIGKILL"), 40_000);
  const exit = await exited;
  clearTimeout(guard);
  const msToKill = Date.now() - started;
  expect(exit.signal, `the child must have been killed mid-import (stderr: ${stderr.slice(0, 500)})`).toBe("SIGKILL");
  expect(imported).toBeGreaterThanOrEqual(killAt);
  expect(imported).toBeLessThan(IMPORT_TOTAL);

  // Reopen (a new handle or pool). Nothing half-written: the uncommitted import left no row, the earlier record stands.
  const db = b.second ? b.second() : b.db;
  const rows = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(tableName("person"))}`.execute(db);
  const rowsAfter = Number(rows.rows[0]?.n);
  expect(rowsAfter).toBe(1);
  const adapter = createSqlAdapter(db);
  expect((await adapter.store("person").get("before-import"))?.id).toBe("before-import");
  // Migrate is a no-op on the reopened database, and the adapter writes again.
  expect(await migrate(db)).toEqual({ applied: [], current: before[before.length - 1]?.version ?? 0 });
  expect(await appliedMigrations(db)).toEqual(before);
  await adapter.store("person").insert(personRecord("after-import"));
  expect((await adapter.store("person").list({ limit: 10 })).items.map((r) => r.id)).toEqual(["after-import", "before-import"]);
  return { label, importedWhenKilled: imported, msToKill, rowsAfter };
}
