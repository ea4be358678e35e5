import { describe, expect, it } from "vitest";
import {
  ALL_FILTER_OPS, DuplicateIdError, VersionConflictError, createMemoryAdapter, matchesWhere, pageOf, validateListQuery,
  type StorageAdapter, type StoredRecord,
} from "../../src/index.js";
import { checkAdapterConformance, conformanceSuites, type ConformanceResult } from "../../src/testing/index.js";

// A kit that cannot fail is no kit: each deliberately broken adapter below must fail the named checks, and the
// correct reference adapter must pass all of them.

function failed(results: ConformanceResult[]): string[] {
  return results.filter((r) => !r.passed).map((r) => `${r.suite} › ${r.test}`);
}

/**
 * Lost update: a naive map-backed adapter whose update ignores expectedVersion (last writer wins, as a plain
 * `UPDATE … WHERE id = ?` would). Everything else is correct.
 */
function lostUpdateAdapter(): StorageAdapter {
  const tables = new Map<string, Map<string, StoredRecord>>();
  const table = (k: string) => tables.get(k) ?? tables.set(k, new Map()).get(k)!;
  const capabilities = { transactions: "none" as const, filterOps: ALL_FILTER_OPS, maxPageSize: 1000 };
  return {
    name: "lost-update",
    capabilities,
    store(kind) {
      const t = table(kind);
      return {
        get: async (id) => structuredClone(t.get(id) ?? null),
        getMany: async (ids) => ids.map((id) => structuredClone(t.get(id) ?? null)),
        async list(q) {
          validateListQuery("lost-update", capabilities, q);
          return pageOf([...t.values()].filter((r) => (q.where ?? []).every((w) => matchesWhere(r, w))), q);
        },
        async insert(r) {
          if (t.has(r.id)) throw new DuplicateIdError(kind, r.id);
          t.set(r.id, structuredClone(r));
          return r;
        },
        async update(r) {
          await Promise.resolve(); // a round trip to the database
          const cur = t.get(r.id);
          if (!cur) throw new VersionConflictError(kind, r.id, r.version, null);
          const next = { ...structuredClone(r), version: cur.version + 1 };
          t.set(r.id, next);
          return next;
        },
        async delete(id) {
          return t.delete(id);
        },
      };
    },
  };
}

/** Non-atomic transaction: runs the callback straight against the store, so a throw leaves earlier writes behind. */
function nonAtomicAdapter(): StorageAdapter {
  const inner = createMemoryAdapter({ name: "non-atomic" });
  const self: StorageAdapter = {
    name: inner.name,
    capabilities: inner.capabilities,
    store: (k) => inner.store(k),
    async transaction(fn) {
      return fn(self);
    },
  };
  return self;
}

/**
 * Flat nesting: `tx.transaction(fn)` runs `fn` on the outer handle itself — no savepoint, and the outer handle
 * stays usable while the "nested" transaction runs (the pre-fix SQL behaviour of sharing one connection unchecked).
 */
function flatNestingAdapter(): StorageAdapter {
  const inner = createMemoryAdapter({ name: "flat-nesting" });
  const flat = (tx: StorageAdapter): StorageAdapter => {
    const self: StorageAdapter = { name: tx.name, capabilities: tx.capabilities, store: (k) => tx.store(k), transaction: (fn) => fn(self) };
    return self;
  };
  return { ...inner, transaction: (fn) => inner.transaction!((tx) => fn(flat(tx))) };
}

/** Offset pagination: the cursor is a row offset, so inserts while paging shift records across pages. */
function offsetPagingAdapter(): StorageAdapter {
  const inner = createMemoryAdapter({ name: "offset-paging" });
  return {
    ...inner,
    store(kind) {
      const s = inner.store(kind);
      return {
        ...s,
        async list(query) {
          const all: unknown[] = [];
          let c: string | null = null;
          do {
            const p = await s.list({ ...query, limit: 1000, cursor: c });
            all.push(...p.items);
            c = p.nextCursor;
          } while (c);
          const offset = query.cursor ? Number(query.cursor) : 0;
          if (!Number.isInteger(offset)) throw new Error("bad cursor");
          const items = all.slice(offset, offset + query.limit) as never[];
          return { items, nextCursor: offset + query.limit < all.length ? String(offset + query.limit) : null };
        },
      };
    },
  };
}

/** Declares every filter op but silently ignores `startsWith` and `contains` (returns everything). */
function ignoresFiltersAdapter(): StorageAdapter {
  const inner = createMemoryAdapter({ name: "ignores-filters" });
  return {
    ...inner,
    store(kind) {
      const s = inner.store(kind);
      return {
        ...s,
        list: (q) => s.list({ ...q, where: (q.where ?? []).filter((w) => w.op !== "startsWith" && w.op !== "contains") }),
      };
    },
  };
}

/** Stores amounts as JavaScript numbers (the classic float bug): digits beyond 2^53 are lost. */
function floatAmountsAdapter(): StorageAdapter {
  const inner = createMemoryAdapter({ name: "float-amounts" });
  return {
    ...inner,
    store(kind) {
      const s = inner.store(kind);
      const lossy = (r: Record<string, unknown>) => {
        const amount = r["amount"] as { amount: string; currency: string } | undefined;
        if (!amount) return r;
        const n = Number(amount.amount);
        return { ...r, amount: { ...amount, amount: n.toFixed(Math.max(2, (amount.amount.split(".")[1] ?? "").length)) } };
      };
      return {
        ...s,
        insert: (r) => s.insert(lossy(r) as never),
      };
    },
  };
}

describe("the conformance kit", () => {
  it("has the suites the storage contract names", () => {
    expect(conformanceSuites.map((s) => s.name)).toEqual([
      "crud", "ids", "duplicates", "pagination", "filters", "concurrency", "transactions", "round-trip", "capabilities",
      "hostile-input", "json-values", "keys",
    ]);
    expect(conformanceSuites.reduce((n, s) => n + s.tests.length, 0)).toBeGreaterThanOrEqual(45);
  });

  it("passes the reference memory adapter on every check", async () => {
    const results = await checkAdapterConformance({ create: () => createMemoryAdapter(), roundTripRuns: 25 });
    expect(failed(results)).toEqual([]);
  });

  it("fails an adapter that loses updates", async () => {
    const f = failed(await checkAdapterConformance({ create: lostUpdateAdapter, roundTripRuns: 5 }));
    expect(f).toContain("concurrency › exactly one of 50 writers racing on one version wins");
    expect(f).toContain("crud › update with a stale version throws VersionConflictError and changes nothing");
  });

  it("fails an adapter that keeps what a structured clone keeps (the memory adapter before): non-JSON values, -0, undefined fields", async () => {
    // lostUpdateAdapter stores structuredClone(record) and returns the caller's object, as the memory adapter stored
    // NaN, Dates, Maps and -0 while the SQL adapters refused them or returned 0.
    const f = failed(await checkAdapterConformance({ create: lostUpdateAdapter, roundTripRuns: 5 })).filter((t) => t.startsWith("json-values"));
    expect(f).toEqual(conformanceSuites.find((s) => s.name === "json-values")!.tests.filter((t) => !t.name.startsWith("inside a transaction")).map((t) => `json-values › ${t.name}`));
  });

  it("fails an adapter that returns mutable records (the SQL adapters' get, getMany and list before), on that check alone", async () => {
    // A correct memory adapter whose reads hand back mutable copies: the store stays safe, but `rec.name = "x"`
    // silently changed a copy on one adapter and threw on another.
    const mutableReads = (): StorageAdapter => {
      const inner = createMemoryAdapter({ name: "mutable-reads" });
      const copy = <T>(x: T): T => structuredClone(x);
      return {
        ...inner,
        store(kind) {
          const s = inner.store(kind);
          return { ...s, get: async (id) => copy(await s.get(id)), getMany: async (ids) => copy(await s.getMany(ids)), list: async (q) => copy(await s.list(q)) };
        },
      };
    };
    expect(failed(await checkAdapterConformance({ create: mutableReads, roundTripRuns: 5 }))).toEqual([
      "crud › every record an adapter returns is deeply frozen (insert, update, get, getMany, list, and inside a transaction), and the caller's own object is neither frozen nor kept",
    ]);
  });

  it("fails an adapter whose transactions are not atomic", async () => {
    const f = failed(await checkAdapterConformance({ create: nonAtomicAdapter, roundTripRuns: 5 }));
    expect(f).toContain("transactions › a thrown error rolls back every write and is rethrown unchanged");
    expect(f).toContain("transactions › a nested transaction that fails rolls back only its own writes (savepoint)");
    expect(f).toContain("transactions › a version conflict inside a transaction rolls back its earlier writes");
  });

  it("fails an adapter whose nested transactions share the outer handle unchecked", async () => {
    const f = failed(await checkAdapterConformance({ create: flatNestingAdapter, roundTripRuns: 5 }));
    expect(f).toEqual([
      "transactions › a nested transaction that fails rolls back only its own writes (savepoint)",
      "transactions › the outer handle is suspended while a nested transaction runs: every call on it is refused and changes nothing",
      "transactions › concurrent nested transactions on one handle: the second is refused before its body runs, the first rolls back alone",
      "transactions › a handle used after its transaction ended is refused (finished), a nested one too while the outer goes on",
    ]);
  });

  it("fails an adapter that pages by offset", async () => {
    const f = failed(await checkAdapterConformance({ create: offsetPagingAdapter, roundTripRuns: 5 }));
    expect(f).toContain("pagination › records inserted while paging never cause a gap or a duplicate");
    expect(f).toContain("pagination › records deleted while paging never cause another record to be skipped");
    expect(f).toContain("capabilities › a cursor that the store did not make is refused with ValidationError");
  });

  it("fails an adapter that declares filter operators it ignores", async () => {
    const f = failed(await checkAdapterConformance({ create: ignoresFiltersAdapter, roundTripRuns: 5 }));
    expect(f).toContain("filters › contains on an array (contains)");
    expect(f).toContain("filters › startsWith on a string (startsWith)");
  });

  it("fails an adapter that stores amounts as floats", async () => {
    const f = failed(await checkAdapterConformance({ create: floatAmountsAdapter, roundTripRuns: 50 }));
    expect(f).toContain("round-trip › generated money amounts, dates and unicode text come back byte-identical");
    expect(f).toContain("round-trip › edge amounts keep every digit: 34 significant digits, tiny fractions, zero, JPY and KWD");
  });

  it("passes an adapter without transactions when it refuses them instead of running the body", async () => {
    const plain = (): StorageAdapter => {
      const inner = createMemoryAdapter({ name: "no-tx" });
      return { name: "no-tx", capabilities: { ...inner.capabilities, transactions: "none" }, store: (k) => inner.store(k) };
    };
    expect(failed(await checkAdapterConformance({ create: plain, roundTripRuns: 5 }))).toEqual([]);
  });

  it("fails an adapter that runs filters it does not declare instead of refusing them", async () => {
    const overReaching = (): StorageAdapter => {
      const inner = createMemoryAdapter({ name: "undeclared" });
      const filterOps = ALL_FILTER_OPS.filter((o) => o !== "startsWith");
      return { ...inner, capabilities: { ...inner.capabilities, filterOps } };
    };
    const f = failed(await checkAdapterConformance({ create: overReaching, roundTripRuns: 5 }));
    expect(f).toContain("capabilities › undeclared filter operators throw UnsupportedCapabilityError");
    expect(f).toContain("filters › startsWith on a string (startsWith)");
  });
});
