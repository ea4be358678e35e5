import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Kysely, MysqlDialect, SqliteDialect } from "kysely";
import { createPool } from "mysql2";
import { decodeEntity, type StoredRecord } from "../src/index.js";
import { createSqlAdapter, migrate, tableName, type AnyKysely } from "../src/sql/index.js";
import { loadSampleOffice } from "../examples/office.js";
import { intBetween, seededRandom } from "./lib/random.js";
import { report, time } from "./lib/measure.js";

/*
 * SQL adapter benchmarks (issue 7), SQLite through better-sqlite3, a database file in WAL mode.
 * 1. 10,000 project inserts in one transaction through the adapter, against raw better-sqlite3 prepared statements
 *    inserting the same JSON and the same column values into the same table layout, in the same run (goal ≤ 2×).
 * 2. From 100,000 projects: get by id, and a filtered page of 100 (lifecycle = executing, by id, from a cursor deep
 *    in the table), against the raw prepared statements doing the same.
 * 3. MariaDB (when PMOKIT_MYSQL_URL is set): the first page of 100, ordered by name, of 2,000 people whose names are
 *    equal in their first 4,096 characters (the adapter's sort prefix), against a page of 2,000 short names.
 */

const LIFECYCLES = ["proposed", "initiating", "planning", "executing", "closing", "closed", "on-hold", "cancelled"];

/** Sample-shaped projects (PRJ-EINV with three stakeholders and four budget lines, ~1.5 KB of JSON each). */
function projects(n: number, seed: number, prefix: string): StoredRecord[] {
  const einv = loadSampleOffice().project.find((p) => (p as { id: string }).id === "PRJ-EINV") as Record<string, unknown>;
  const base = { ...einv, stakeholders: (einv["stakeholders"] as unknown[]).slice(0, 3), budget: { ...(einv["budget"] as object), lines: (einv["budget"] as { lines: unknown[] }).lines.slice(0, 4) } };
  decodeEntity("project", base); // the template is a valid project
  const rnd = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const id = `${prefix}-${String(i).padStart(6, "0")}`;
    return { ...base, id, code: `P${prefix.toUpperCase()}${i}`, lifecycle: LIFECYCLES[intBetween(rnd, 0, 7)], portfolioId: `pf-${i % 20}` } as unknown as StoredRecord;
  });
}

function openDb(file: string): { raw: Database.Database; db: AnyKysely } {
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  return { raw, db: new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) }) as AnyKysely };
}

/** Raw statements over the adapter's own table layout (same columns, same indexes). */
function rawStatements(raw: Database.Database) {
  const t = tableName("project");
  const insert = raw.prepare(
    `INSERT INTO ${t} (id, version, created_at, updated_at, doc, code, lifecycle, programme_id, portfolio_id, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const text = (v: unknown) => (typeof v === "string" && v.length <= 256 ? v : null);
  return {
    insertAll: raw.transaction((rows: readonly StoredRecord[]) => {
      for (const r of rows) {
        insert.run(r.id, r.version, r.createdAt, r.updatedAt, JSON.stringify(r), text(r["code"]), text(r["lifecycle"]), text(r["programmeId"]), text(r["portfolioId"]), text(r["requestId"]));
      }
    }),
    get: raw.prepare(`SELECT doc FROM ${t} WHERE id = ?`),
    page: raw.prepare(`SELECT doc FROM ${t} WHERE lifecycle = ? AND id > ? ORDER BY id LIMIT 101`),
    clear: raw.prepare(`DELETE FROM ${t}`),
  };
}

export async function runSqlBenchmarks(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "pmokit-bench-"));
  try {
    // 1. Bulk insert: adapter vs raw, each into its own file with the same migrated schema.
    const a = openDb(join(dir, "adapter.db"));
    const r = openDb(join(dir, "raw.db"));
    await migrate(a.db);
    await migrate(r.db);
    const adapter = createSqlAdapter(a.db);
    const raw = rawStatements(r.raw);
    const batch = projects(10_000, 7, "ins");
    const clearAdapter = a.raw.prepare(`DELETE FROM ${tableName("project")}`);
    const insertRaw = await time("raw better-sqlite3 prepared statements (baseline)", () => {
      raw.clear.run();
      raw.insertAll(batch);
    });
    const insertAdapter = await time("pmokit SQL adapter, store().insert in one transaction", async () => {
      clearAdapter.run();
      await adapter.transaction!(async (tx) => {
        const store = tx.store("project");
        for (const rec of batch) await store.insert(rec);
      });
    });
    report("SQLite: 10,000 project inserts in one transaction (each run deletes the previous 10,000 first)", [insertRaw, insertAdapter], "Goal: the adapter within 2× of raw prepared statements.");
    await a.db.destroy();
    await r.db.destroy();

    // 2. Reads from 100,000 projects.
    const big = openDb(join(dir, "big.db"));
    await migrate(big.db);
    const bigAdapter = createSqlAdapter(big.db);
    const rows = projects(100_000, 11, "prj");
    await bigAdapter.transaction!(async (tx) => {
      const store = tx.store("project");
      for (const rec of rows) await store.insert(rec);
    });
    const bigRaw = rawStatements(big.raw);
    const rnd = seededRandom(3);
    const pickId = () => (rows[intBetween(rnd, 0, rows.length - 1)] as StoredRecord).id;
    const getRaw = await time("raw prepared SELECT … WHERE id = ? (baseline)", () => JSON.parse((bigRaw.get.get(pickId()) as { doc: string }).doc));
    const getAdapter = await time("pmokit store().get(id)", () => bigAdapter.store("project").get(pickId()));
    report("SQLite: get by id from 100,000 projects", [getRaw, getAdapter]);

    const cursorAt = (rows[50_000] as StoredRecord).id;
    const first = await bigAdapter.store("project").list({ where: [{ field: "lifecycle", op: "eq", value: "executing" }], limit: 100 });
    // A cursor half-way through the table, made by paging to it once.
    let cursor: string | null = first.nextCursor;
    for (;;) {
      const p = await bigAdapter.store("project").list({ where: [{ field: "lifecycle", op: "eq", value: "executing" }], limit: 1000, cursor });
      cursor = p.nextCursor;
      if (!cursor || (p.items.at(-1)?.id ?? "") >= cursorAt) break;
    }
    const pageRaw = await time("raw prepared page (lifecycle = ?, id > ?, LIMIT 101) (baseline)", () =>
      (bigRaw.page.all("executing", cursorAt) as { doc: string }[]).slice(0, 100).map((x) => JSON.parse(x.doc)),
    );
    const pageAdapter = await time("pmokit list({ where: lifecycle eq executing, limit: 100, cursor })", () =>
      bigAdapter.store("project").list({ where: [{ field: "lifecycle", op: "eq", value: "executing" }], limit: 100, cursor }),
    );
    const pageJson = await time("pmokit list, plus a filter on a non-indexed field (sponsorId, through JSON)", () =>
      bigAdapter.store("project").list({ where: [{ field: "sponsorId", op: "eq", value: "p-katrin-vogel" }, { field: "lifecycle", op: "eq", value: "executing" }], limit: 100, cursor }),
    );
    report("SQLite: a filtered page of 100 from 100,000 projects (about 1 in 8 matches; cursor half-way)", [pageRaw, pageAdapter, pageJson]);
    await big.db.destroy();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const mysqlUrl = process.env["PMOKIT_MYSQL_URL"];
  if (mysqlUrl) await runMariadbOrderBenchmark(mysqlUrl);
}

/** 3. MariaDB: names equal in their first 4,096 characters (see src/sql/long-strings.ts). */
export async function runMariadbOrderBenchmark(url: string): Promise<void> {
  const admin = createPool({ uri: url, connectionLimit: 1 }).promise();
  const database = `pmokit_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin`);
  const db = new Kysely<unknown>({ dialect: new MysqlDialect({ pool: createPool({ uri: url, database, connectionLimit: 4 }) }) }) as AnyKysely;
  try {
    await migrate(db);
    const adapter = createSqlAdapter(db);
    const prefix = "y".repeat(4096);
    const rec = (id: string, name: string) => ({ id, version: 1, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", name }) as StoredRecord;
    await adapter.transaction!(async (tx) => {
      for (let i = 0; i < 2000; i++) {
        const k = String((i * 7919) % 2000).padStart(4, "0");
        await tx.store("person").insert(rec(`long-${String(i).padStart(4, "0")}`, `${prefix}${k}`));
        await tx.store("risk").insert(rec(`short-${String(i).padStart(4, "0")}`, `n${k}`));
      }
    });
    const short = await time("2,000 short names (baseline)", () => adapter.store("risk").list({ orderBy: { field: "name", direction: "asc" }, limit: 100 }));
    const long = await time("2,000 names equal in their first 4,096 characters", () => adapter.store("person").list({ orderBy: { field: "name", direction: "asc" }, limit: 100 }), 3);
    report("MariaDB: the first page of 100 ordered by name", [short, long], "Before (a correlated COUNT per long name, n²): 37 s for 250 such names.");
  } finally {
    await db.destroy();
    await admin.query(`DROP DATABASE ${database}`);
    await admin.end();
  }
}
