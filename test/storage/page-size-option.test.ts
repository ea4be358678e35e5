import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { createMemoryAdapter, type StorageAdapter } from "../../src/index.js";
import { createSqlAdapter } from "../../src/sql/index.js";
import { firstIssuePath } from "../support/errors.js";

// `maxPageSize` was not checked, and the two adapters read a bad one differently: the memory adapter took 0 (and NaN)
// as "not given" and allowed pages of 1,000, the SQL adapter declared 0 and then refused every list ("limit must be
// an integer from 1 to 0"), and both declared 2.5 or -1 as their capability. After: anything but a whole number ≥ 1
// is refused by both at ["maxPageSize"] when the adapter is made.

const makers: [string, (maxPageSize: number) => StorageAdapter][] = [
  ["memory", (maxPageSize) => createMemoryAdapter({ maxPageSize })],
  ["SQLite", (maxPageSize) => createSqlAdapter(new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(":memory:") }) }) as never, { maxPageSize })],
];

for (const [label, make] of makers) {
  describe(`maxPageSize option (${label})`, () => {
    it("refuses 0, negative, fractional and non-finite page sizes at [\"maxPageSize\"]", () => {
      for (const bad of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, "10" as unknown as number]) {
        expect(firstIssuePath(() => make(bad)), `maxPageSize ${String(bad)}`).toEqual(["maxPageSize"]);
      }
    });

    it("declares a valid one", () => {
      expect(make(1).capabilities.maxPageSize).toBe(1);
      expect(make(250).capabilities.maxPageSize).toBe(250);
    });
  });
}
