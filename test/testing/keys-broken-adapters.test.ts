import { describe, expect, it } from "vitest";
import {
  ALL_FILTER_OPS, DuplicateIdError, VersionConflictError, createMemoryAdapter, matchesWhere, pageOf, validateListQuery,
  type RecordStore, type StorageAdapter, type StoredRecord,
} from "../../src/index.js";
import { checkAdapterConformance, type ConformanceResult } from "../../src/testing/index.js";

// The `keys` suite must fail the two classic collation defects: keys compared case-, accent- and pad-insensitively
// (MariaDB's default utf8mb4_general_ci / uca1400_ai_ci), and lists ordered by a locale collation.

const failedKeys = (results: ConformanceResult[]) => results.filter((r) => !r.passed && r.suite === "keys").map((r) => r.test);

/** Keys folded as utf8mb4_general_ci folds them: accents dropped, case ignored, trailing spaces ignored. */
function foldingKeysAdapter(): StorageAdapter {
  const fold = (id: string) => id.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ +$/, "");
  const tables = new Map<string, Map<string, StoredRecord>>();
  const table = (k: string) => tables.get(k) ?? tables.set(k, new Map()).get(k)!;
  const capabilities = { transactions: "none" as const, filterOps: ALL_FILTER_OPS, maxPageSize: 1000 };
  return {
    name: "folding-keys",
    capabilities,
    store(kind) {
      const t = table(kind);
      return {
        get: async (id) => structuredClone(t.get(fold(id)) ?? null),
        getMany: async (ids) => ids.map((id) => structuredClone(t.get(fold(id)) ?? null)),
        async list(q) {
          validateListQuery("folding-keys", capabilities, q);
          return pageOf([...t.values()].filter((r) => (q.where ?? []).every((w) => matchesWhere(r, w))), q);
        },
        async insert(r) {
          if (t.has(fold(r.id))) throw new DuplicateIdError(kind, r.id);
          t.set(fold(r.id), structuredClone(r));
          return r;
        },
        async update(r, { expectedVersion }) {
          const cur = t.get(fold(r.id));
          if (!cur || cur.version !== expectedVersion) throw new VersionConflictError(kind, r.id, expectedVersion, cur?.version ?? null);
          const next = { ...structuredClone(r), version: expectedVersion + 1 };
          t.set(fold(r.id), next);
          return next;
        },
        async delete(id) {
          return t.delete(fold(id));
        },
      };
    },
  };
}

/** The memory adapter named `name` with some methods of each store replaced; `change` gets the real store. */
function memoryWith(name: string, change: (s: RecordStore) => Partial<RecordStore>): StorageAdapter {
  const inner = createMemoryAdapter({ name });
  return {
    ...inner,
    store(kind) {
      const s = inner.store(kind);
      return { ...s, ...change(s) };
    },
  };
}

/** Lists ordered by id with a locale collation (`localeCompare`), the cursor being the last id. */
function localeOrderAdapter(): StorageAdapter {
  return memoryWith("locale-order", (s) => ({
    async list(query) {
      if (query.orderBy && query.orderBy.field !== "id") return s.list(query);
      const all = (await s.list({ ...(query.where ? { where: query.where } : {}), limit: 1000 })).items;
      const dir = query.orderBy?.direction === "desc" ? -1 : 1;
      const sorted = [...all].sort((a, b) => dir * a.id.localeCompare(b.id, "en"));
      const from = query.cursor ? sorted.findIndex((r) => r.id === query.cursor) + 1 : 0;
      const items = sorted.slice(from, from + query.limit);
      return { items, nextCursor: from + query.limit < sorted.length ? (items[items.length - 1] as StoredRecord).id : null };
    },
  }));
}

/** Copies records by assignment (`Object.assign`, as a hand-written deep merge would): an own "__proto__" key sets the copy's prototype. */
function assigningCopyAdapter(): StorageAdapter {
  const copy = (r: StoredRecord | null) => (r ? (Object.assign({}, r) as StoredRecord) : null);
  return memoryWith("assigning-copy", (s) => ({
    get: async (id) => copy(await s.get(id)),
    getMany: async (ids) => (await s.getMany(ids)).map(copy),
    list: async (q) => {
      const p = await s.list(q);
      return { ...p, items: p.items.map((r) => copy(r) as StoredRecord) };
    },
  }));
}

/** Orders text fields by their first 4,096 characters, then id (the MariaDB adapter before store21), paging on that key. */
function prefixOrderAdapter(): StorageAdapter {
  return memoryWith("prefix-order", (s) => ({
    async list(query) {
      const field = query.orderBy?.field;
      if (!field || field === "id") return s.list(query);
      const all = (await s.list({ ...(query.where ? { where: query.where } : {}), limit: 1000 })).items;
      const byId = new Map(all.map((r) => [r.id, r]));
      const cut = all.map((r) => (typeof r[field] === "string" ? { ...r, [field]: (r[field] as string).slice(0, 4096) } : r));
      const page = pageOf(cut, query);
      return { ...page, items: page.items.map((r) => byId.get(r.id) as StoredRecord) };
    },
  }));
}

describe("the conformance kit's keys suite", () => {
  it("passes the reference memory adapter", async () => {
    const results = await checkAdapterConformance({ create: () => createMemoryAdapter(), roundTripRuns: 2 });
    expect(results.filter((r) => r.suite === "keys").map((r) => [r.test, r.passed])).toEqual([
      ["ids that differ only in case, accents, normalisation form, width or trailing spaces are distinct records", true],
      ["list orders ids by code point, on every page, both directions", true],
      ["ordering by a text field uses the same code point order, ties broken by id", true],
      ["ordering by a text field compares whole strings: strings equal in their first 4,096 characters too, on every page", true],
      ["own __proto__, constructor and prototype keys in a record are stored as data and come back as own keys", true],
      ["concurrent creates of one id: exactly one wins, every other gets DuplicateIdError, the stored record is the winner's", true],
      ["concurrent transactions creating one id: one commits, the other fails with DuplicateIdError and none of its writes land", true],
    ]);
  });

  it("fails an adapter whose keys are case-, accent- and pad-insensitive", async () => {
    const f = failedKeys(await checkAdapterConformance({ create: foldingKeysAdapter, roundTripRuns: 2 }));
    expect(f).toContain("ids that differ only in case, accents, normalisation form, width or trailing spaces are distinct records");
    expect(f).toContain("concurrent creates of one id: exactly one wins, every other gets DuplicateIdError, the stored record is the winner's");
  });

  it("fails an adapter that orders ids by a locale collation", async () => {
    const f = failedKeys(await checkAdapterConformance({ create: localeOrderAdapter, roundTripRuns: 2 }));
    expect(f).toEqual(["list orders ids by code point, on every page, both directions"]);
  });

  it("fails an adapter that copies records by assignment (an own __proto__ key becomes the prototype)", async () => {
    const f = failedKeys(await checkAdapterConformance({ create: assigningCopyAdapter, roundTripRuns: 2 }));
    expect(f).toEqual(["own __proto__, constructor and prototype keys in a record are stored as data and come back as own keys"]);
  });

  it("fails an adapter that orders text fields by their first 4,096 characters, then id", async () => {
    const f = failedKeys(await checkAdapterConformance({ create: prefixOrderAdapter, roundTripRuns: 2 }));
    expect(f).toEqual(["ordering by a text field compares whole strings: strings equal in their first 4,096 characters too, on every page"]);
  });
});
