import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareScalars, decodeCursor, encodeCursor, fieldValue, isPmoError, matchesWhere, pageOf, type StoredRecord } from "../../src/index.js";

const rec = (id: string, extra: Record<string, unknown> = {}): StoredRecord =>
  ({ id, version: 1, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", ...extra }) as StoredRecord;

describe("query semantics", () => {
  it("reads own properties only: a __proto__ path finds nothing", () => {
    const r = JSON.parse('{"id":"a","version":1,"createdAt":"","updatedAt":"","__proto__":{"polluted":"yes"}}') as StoredRecord;
    // JSON.parse makes "__proto__" an own data property: it is read as data, never as the prototype.
    expect(fieldValue(r, "__proto__.polluted")).toBe("yes");
    expect(fieldValue(rec("b"), "__proto__")).toBeUndefined();
    expect(fieldValue(rec("b"), "constructor")).toBeUndefined();
    expect(fieldValue(rec("b"), "toString")).toBeUndefined();
    expect(fieldValue(rec("b", { budget: { currency: "EUR" } }), "budget.currency")).toBe("EUR");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("orders null first, then booleans, numbers and strings", () => {
    const values = ["b", 2, null, true, "a", 10, false];
    expect([...values].sort(compareScalars)).toEqual([null, false, true, 2, 10, "a", "b"]);
  });

  it("never matches an ordered comparison across types or on a missing field", () => {
    expect(matchesWhere(rec("a", { power: 3 }), { field: "power", op: "lt", value: "4" })).toBe(false);
    expect(matchesWhere(rec("a"), { field: "power", op: "lt", value: 4 })).toBe(false);
    expect(matchesWhere(rec("a"), { field: "power", op: "eq", value: null })).toBe(true);
  });

  it("round-trips cursors, including unicode, and refuses foreign ones", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean()), fc.string({ minLength: 1 }), (value, id) => {
        expect(decodeCursor(encodeCursor({ value, id }))).toEqual({ value, id });
      }),
      { seed: 7, numRuns: 300 },
    );
    for (const bad of ["", "!!!", btoa("[1]"), btoa('{"a":1}')]) {
      let err: unknown;
      try {
        decodeCursor(bad);
      } catch (e) {
        err = e;
      }
      expect(isPmoError(err, "validation")).toBe(true);
    }
  });

  it("pages are a partition of the sorted records whatever the page size (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom("asc" as const, "desc" as const),
        (ids, ranks, limit, direction) => {
          const records = ids.map((id, i) => rec(id, { rank: ranks[i] }));
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const page = pageOf(records, { limit, cursor, orderBy: { field: "rank", direction } });
            seen.push(...page.items.map((r) => r.id));
            cursor = page.nextCursor;
          } while (cursor);
          const expected = [...records]
            .sort((a, b) => (direction === "asc" ? 1 : -1) * (compareScalars(a["rank"], b["rank"]) || (a.id < b.id ? -1 : 1)))
            .map((r) => r.id);
          expect(seen).toEqual(expected);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});
