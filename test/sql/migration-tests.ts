import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { appliedMigrations, createSqlAdapter, detectDialect, migrate, SQL_MIGRATIONS, tableName } from "../../src/sql/index.js";
import { entityKindNames } from "../../src/index.js";
import type { Backend } from "./backends.js";

const CLOCK = () => new Date("2026-11-20T09:00:00.000Z");

class Interrupted extends Error {}

async function tablesWork(b: Backend): Promise<void> {
  // Every kind's table exists: a read of each succeeds (an empty page), and a write lands in its indexed column.
  const adapter = createSqlAdapter(b.db);
  for (const kind of entityKindNames()) {
    expect((await adapter.store(kind).list({ limit: 1 })).items).toEqual([]);
  }
  await adapter.store("cost-entry").insert({ id: "ce-1", version: 1, createdAt: "t", updatedAt: "t", projectId: "prj-crm" });
  const r = await sql<{ project_id: string }>`SELECT project_id FROM ${sql.table(tableName("cost-entry"))}`.execute(b.db);
  expect(r.rows.map((x) => x.project_id)).toEqual(["prj-crm"]);
}

/** Migration behaviour on one backend: idempotent, restartable, safe when two run at once, readable schema. */
export function migrationTests(label: string, open: () => Backend | Promise<Backend>): void {
  const withBackend = (fn: (b: Backend) => Promise<void>) => async () => {
    const b = await open();
    try {
      await fn(b);
    } finally {
      await b.close();
    }
  };

  describe(`${label}: migrations`, () => {
    it("the first run applies every migration, records it, and creates a table per kind with its indexed columns", withBackend(async (b) => {
      expect(await appliedMigrations(b.db)).toEqual([]);
      expect(await migrate(b.db, { clock: CLOCK })).toEqual({ applied: SQL_MIGRATIONS.map((m) => m.version), current: 2 });
      expect(await appliedMigrations(b.db)).toEqual([
        { version: 1, name: "record tables for every entity kind", appliedAt: "2026-11-20T09:00:00.000Z" },
        { version: 2, name: "resource and assignment tables", appliedAt: "2026-11-20T09:00:00.000Z" },
      ]);
      await tablesWork(b);
    }), 30_000);

    it("running migrate twice is a no-op", withBackend(async (b) => {
      await migrate(b.db, { clock: CLOCK });
      await createSqlAdapter(b.db).store("person").insert({ id: "kept", version: 1, createdAt: "t", updatedAt: "t" });
      expect(await migrate(b.db, { clock: () => new Date("2027-01-01T00:00:00.000Z") })).toEqual({ applied: [], current: 2 });
      expect((await appliedMigrations(b.db)).map((m) => m.appliedAt)).toEqual(["2026-11-20T09:00:00.000Z", "2026-11-20T09:00:00.000Z"]);
      expect(await createSqlAdapter(b.db).store("person").get("kept")).not.toBeNull();
    }), 30_000);

    it("a migration interrupted halfway and run again completes", withBackend(async (b) => {
      const statements = SQL_MIGRATIONS[0]!.statements(detectDialect(b.db)).length;
      const halfway = Math.floor(statements / 2);
      await expect(
        migrate(b.db, {
          onStatement: (_v, i) => {
            if (i === halfway) throw new Interrupted(`stopped before statement ${i} of ${statements}`);
          },
        }),
      ).rejects.toBeInstanceOf(Interrupted);
      // Not recorded as applied: the next run does the whole migration (idempotent statements on MariaDB, where
      // DDL commits as it goes; on PostgreSQL and SQLite the interrupted run left nothing).
      expect(await appliedMigrations(b.db)).toEqual([]);
      expect(await migrate(b.db, { clock: CLOCK })).toEqual({ applied: [1, 2], current: 2 });
      await tablesWork(b);
    }), 30_000);

    it("two migrations started at once: one applies, the other finds the work done", withBackend(async (b) => {
      const other = b.second ? b.second() : b.db;
      const results = await Promise.all([migrate(b.db, { clock: CLOCK }), migrate(other, { clock: CLOCK })]);
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, 2]);
      expect(await appliedMigrations(b.db)).toHaveLength(2);
      await tablesWork(b);
    }), 30_000);
  });
}
