import { describe, expect, it } from "vitest";
import { isPmoError } from "../../src/index.js";
import { createSqlAdapter, migrate } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import { sqliteMemory } from "./backends.js";

// A stored record is JSON. Before, the SQL adapters wrote what JSON.stringify made of anything else — silently:
// NaN and ±Infinity became null, a Date its ISO text, a Map {}, a function vanished, an array hole became null, and
// a bigint or a cycle failed as an untyped storage-failure. Now each is refused with a ValidationError naming the
// field, and nothing is written.
describe("SQL adapter: values that are not JSON are refused, not coerced", () => {
  const cycle: Record<string, unknown> = {};
  cycle["self"] = cycle;
  const cases: [string, unknown, (string | number)[]][] = [
    ["NaN", Number.NaN, ["extra"]],
    ["Infinity", Number.POSITIVE_INFINITY, ["extra"]],
    ["a Date", new Date(0), ["extra"]],
    ["a Map", new Map([["k", 1]]), ["extra"]],
    ["a function", () => 1, ["extra"]],
    ["a bigint", 10n, ["extra"]],
    ["a nested NaN", { budget: { amount: Number.NaN } }, ["extra", "budget", "amount"]],
    ["an array hole", [1, , 3], ["extra", 1]], // eslint-disable-line no-sparse-arrays
    ["undefined in an array", [1, undefined], ["extra", 1]],
    ["a cycle", cycle, ["extra", ...Array.from({ length: 100 }, () => "self")]],
  ];
  for (const [label, value, path] of cases) {
    it(`${label}: insert and update throw ValidationError at ${path.slice(0, 4).join(".")}${path.length > 4 ? "…" : ""}, nothing written`, async () => {
      const b = sqliteMemory();
      try {
        await migrate(b.db);
        const store = createSqlAdapter(b.db).store("person");
        const insert = await store.insert({ ...personRecord("v-1"), extra: value }).catch((e: unknown) => e);
        expect(isPmoError(insert, "validation")).toBe(true);
        expect((insert as { issues: { path: unknown[] }[] }).issues[0]?.path).toEqual(path);
        expect(await store.get("v-1")).toBeNull();
        await store.insert(personRecord("v-1", { name: "Kept" }));
        const update = await store.update({ ...personRecord("v-1"), extra: value }, { expectedVersion: 1 }).catch((e: unknown) => e);
        expect(isPmoError(update, "validation")).toBe(true);
        expect(await store.get("v-1")).toEqual(personRecord("v-1", { name: "Kept" }));
      } finally {
        await b.close();
      }
    });
  }

  it("JSON values pass: nested objects and arrays, null, -0 and an undefined property (absent, as in JSON)", async () => {
    const b = sqliteMemory();
    try {
      await migrate(b.db);
      const store = createSqlAdapter(b.db).store("person");
      await store.insert({ ...personRecord("ok-1"), extra: { a: [1, "x", null, true, { b: [] }], n: -0, gone: undefined } });
      expect((await store.get("ok-1"))?.["extra"]).toEqual({ a: [1, "x", null, true, { b: [] }], n: 0 });
    } finally {
      await b.close();
    }
  });
});
