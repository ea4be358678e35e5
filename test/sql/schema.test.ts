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

  it("migration 1 is one CREATE TABLE per kind, plus one CREATE INDEX per indexed field outside MariaDB", () => {
    const kinds = Object.keys(entityKinds).length; // 27
    const indexed = Object.values(entityKinds).reduce((n, d) => n + d.indexed.length, 0);
    expect(SQL_MIGRATIONS[0]!.statements("sqlite")).toHaveLength(kinds + indexed);
    expect(SQL_MIGRATIONS[0]!.statements("postgres")).toHaveLength(kinds + indexed);
    expect(SQL_MIGRATIONS[0]!.statements("mysql")).toHaveLength(kinds);
  });

  it("detects the dialect of a Kysely instance", async () => {
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(":memory:") }) });
    expect(detectDialect(db as never)).toBe("sqlite");
    await db.destroy();
  });
});
