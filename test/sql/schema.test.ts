import { Kysely, SqliteDialect } from "kysely";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { entityKinds } from "../../src/index.js";
import { SCHEMA_INDEXED } from "../../src/sql/migrations.js";
import { columnName, detectDialect, SQL_MIGRATIONS, tableName } from "../../src/sql/index.js";

describe("SQL schema", () => {
  it("the migrations create an indexed column for exactly the fields the registry marks indexed", () => {
    // If this fails, the registry changed: add a migration that creates the new columns and indexes.
    const registry = Object.fromEntries(Object.entries(entityKinds).map(([k, d]) => [k, [...d.indexed]]));
    expect(SCHEMA_INDEXED).toEqual(registry);
  });

  it("names tables and columns readably", () => {
    expect(tableName("checklist-item")).toBe("pmokit_checklist_item");
    expect(columnName("rolloutPlanId")).toBe("rollout_plan_id");
    expect(columnName("from.id")).toBe("from_id");
  });

  it("the migrations are one CREATE TABLE per kind, plus one CREATE INDEX per indexed field outside MariaDB", () => {
    const kinds = Object.keys(entityKinds).length; // 29
    const indexed = Object.values(entityKinds).reduce((n, d) => n + d.indexed.length, 0);
    const all = (dialect: "sqlite" | "postgres" | "mysql") => SQL_MIGRATIONS.flatMap((m) => m.statements(dialect));
    expect(all("sqlite")).toHaveLength(kinds + indexed);
    expect(all("postgres")).toHaveLength(kinds + indexed);
    expect(all("mysql")).toHaveLength(kinds);
    // Migration 2 adds the resource and assignment tables (3 indexed fields each).
    expect(SQL_MIGRATIONS[1]!.statements("sqlite")).toHaveLength(2 + 6);
  });

  it("detects the dialect of a Kysely instance", async () => {
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(":memory:") }) });
    expect(detectDialect(db as never)).toBe("sqlite");
    await db.destroy();
  });
});
