import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { createMemoryAdapter, createRepositories, createRepository, createSequentialIdGenerator } from "../../src/index.js";
import { createSqlAdapter } from "../../src/sql/index.js";
import { issuesOf } from "../support/errors.js";

// Seventh audit pass: a misspelt option key is refused, not ignored while the default runs (`{ maxPagesize: 50 }` gave
// pages of 1,000; `{ clok: () => T0 }` stamped records with the system clock). The adapters report their option
// errors at the option's key (["maxPageSize"]), the repositories at ["ids"] / ["clock"]: the unknown key's path is
// [key] too.

const T0 = "2026-11-20T09:00:00.000Z";
const sqlite = () => new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(":memory:") }) }) as never;

describe("storage options: unknown keys", () => {
  it("createMemoryAdapter", () => {
    expect(issuesOf(() => createMemoryAdapter({ maxPagesize: 50 } as never))).toEqual([["maxPagesize", "unknown option (createMemoryAdapter takes name, maxPageSize)"]]);
    expect(createMemoryAdapter({ name: "m", maxPageSize: 50 }).capabilities.maxPageSize).toBe(50);
  });
  it("createSqlAdapter", () => {
    expect(issuesOf(() => createSqlAdapter(sqlite(), { busyTimeout: 10_000 } as never))).toEqual([
      ["busyTimeout", "unknown option (createSqlAdapter takes name, dialect, maxPageSize, destroyOnClose, busyTimeoutMs, contentionTimeoutMs)"],
    ]);
    expect(issuesOf(() => createSqlAdapter(sqlite(), "x" as never))).toEqual([["options", "expected an object, got \"x\""]]);
    expect(createSqlAdapter(sqlite(), { busyTimeoutMs: 10_000, maxPageSize: 50 }).capabilities.maxPageSize).toBe(50);
  });
  it("createRepositories and createRepository", async () => {
    const adapter = createMemoryAdapter();
    expect(issuesOf(() => createRepositories(adapter, { clok: () => T0 } as never))).toEqual([["clok", "unknown option (createRepositories takes ids, clock)"]]);
    expect(issuesOf(() => createRepository(adapter, "person", { id: createSequentialIdGenerator("p") } as never))).toEqual([["id", "unknown option (createRepository takes ids, clock)"]]);
    const repos = createRepositories(adapter, { ids: createSequentialIdGenerator("p"), clock: () => T0 });
    const p = await repos.person.create({ name: "Ana Costa", roles: ["sponsor"] });
    expect([p.createdAt, p.id.startsWith("p")]).toEqual([T0, true]);
  });
});
