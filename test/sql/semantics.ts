import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMemoryAdapter, type ListQuery, type StorageAdapter, type StoredRecord, type Where } from "../../src/index.js";
import { createSqlAdapter, deleteAllRecords, INDEXED_MAX_LENGTH } from "../../src/sql/index.js";
import type { Backend } from "./backends.js";

/*
 * Differential test: the SQL adapter must answer every query exactly as the reference (memory) adapter does, on
 * records whose fields mix every JSON type — missing, null, booleans, integers, fractions, strings (empty, case,
 * trailing space, accents, astral characters, longer than an indexed column holds, equal in their first 4,096
 * characters), arrays and objects — under random filters, orderings and page sizes, walked page by page by cursor.
 */

const LONG = "x".repeat(INDEXED_MAX_LENGTH + 1);
// Strings equal in their first 4,096 characters (MariaDB's sort keys are cut there): the prefix, then two that differ
// only after it — in code point order P < Pa… < Pb.
const P = "y".repeat(4096);
const SCALARS = [null, true, false, -2, 0, 1.5, 3, 10, "", "a", "A", "a ", "ab", "b", "é", "😀", "IT", LONG, LONG.slice(0, -1), P, `${P}b`, `${P}a${"z".repeat(9)}`] as const;
const VALUES: unknown[] = [...SCALARS, [], ["a"], [1, "a"], [null], [["a"]], [true], { a: 1 }];
const FIELDS = ["name", "organisationUnit", "power", "mixed", "roles"] as const;
const OPS = ["eq", "ne", "in", "lt", "lte", "gt", "gte", "contains", "startsWith"] as const;

const valueArb = fc.option(fc.constantFrom(...VALUES), { nil: undefined, freq: 4 });
const recordArb = fc.record({ name: valueArb, organisationUnit: valueArb, power: valueArb, mixed: valueArb, roles: valueArb });
const scalarArb = fc.constantFrom(...SCALARS);
const whereArb: fc.Arbitrary<Where> = fc
  .record({ field: fc.constantFrom(...FIELDS), op: fc.constantFrom(...OPS), value: scalarArb, values: fc.array(scalarArb, { maxLength: 3 }) })
  .map(({ field, op, value, values }) => ({ field, op, value: op === "in" ? values : value }));
const queryArb = fc.record({
  where: fc.array(whereArb, { maxLength: 2 }),
  orderBy: fc.option(fc.record({ field: fc.constantFrom("id", ...FIELDS), direction: fc.constantFrom("asc" as const, "desc" as const) }), { nil: undefined }),
  limit: fc.integer({ min: 1, max: 6 }),
});

async function walk(adapter: StorageAdapter, query: Omit<ListQuery, "cursor">): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: readonly StoredRecord[]; nextCursor: string | null } = await adapter.store("person").list({ ...query, cursor });
    ids.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** Registers the differential test for one backend. */
export function sqlSemantics(label: string, open: () => Backend | Promise<Backend>, numRuns = 40): void {
  describe(`${label}: queries agree with the reference adapter`, () => {
    it("every filter operator and ordering, over mixed-type fields, page by page", async () => {
      const backend = await open();
      try {
        const { migrate } = await import("../../src/sql/index.js");
        await migrate(backend.db);
        const sqlAdapter = createSqlAdapter(backend.db);
        await fc.assert(
          fc.asyncProperty(fc.array(recordArb, { minLength: 1, maxLength: 12 }), fc.array(queryArb, { minLength: 1, maxLength: 3 }), async (rows, queries) => {
            await deleteAllRecords(backend.db, ["person"]);
            const memory = createMemoryAdapter();
            for (const [i, fields] of rows.entries()) {
              const rec: Record<string, unknown> = { id: `r${String(i).padStart(2, "0")}`, version: 1, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z" };
              for (const [k, v] of Object.entries(fields)) if (v !== undefined) rec[k] = v;
              await memory.store("person").insert(rec as StoredRecord);
              await sqlAdapter.store("person").insert(rec as StoredRecord);
            }
            for (const q of queries) {
              const query = { where: q.where, limit: q.limit, ...(q.orderBy ? { orderBy: q.orderBy } : {}) };
              expect(await walk(sqlAdapter, query), JSON.stringify(query)).toEqual(await walk(memory, query));
            }
          }),
          { seed: 42, numRuns },
        );
      } finally {
        await backend.close();
      }
    }, 60_000);
  });
}
