import { describe, expect, it } from "vitest";
import {
  ALL_FILTER_OPS, StorageError, createMemoryAdapter, matchesWhere, pageOf, validateListQuery,
  type ListQuery, type RecordStore, type StorageAdapter, type StoredRecord, type Where,
} from "../../src/index.js";
import { checkAdapterConformance, type ConformanceResult } from "../../src/testing/index.js";

// Issue 15: one deliberately broken adapter per defect; the kit must fail each on the named check, and pass the
// reference adapter (and a correct adapter whose connection breaks) on all of them.

const failed = (results: ConformanceResult[]) => results.filter((r) => !r.passed).map((r) => `${r.suite} › ${r.test}`);

/** A memory adapter whose stores are rewritten by `wrap`. */
function wrapped(name: string, wrap: (s: RecordStore) => Partial<RecordStore>): () => StorageAdapter {
  return () => {
    const inner = createMemoryAdapter({ name });
    return { ...inner, store: (kind) => ({ ...inner.store(kind), ...wrap(inner.store(kind)) }) };
  };
}

/** Strings mangled as mysql2's client-side escaping leaves them under NO_BACKSLASH_ESCAPES (backslashes doubled). */
const mangle = (v: unknown): unknown =>
  typeof v === "string" ? v.replace(/\\/g, "\\\\").replace(/'/g, "\\'") : Array.isArray(v) ? v.map(mangle) : v;
const backslashEscaping = wrapped("backslash-escaping", (s) => ({
  insert: (r) => s.insert(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === "id" ? v : mangle(v)])) as StoredRecord),
  list: (q) => s.list({ ...q, where: (q.where ?? []).map((w) => ({ ...w, value: mangle(w.value) }) as Where) }),
}));

/** Fails like SQLite's "too many SQL variables" once an `in` list passes 999 values. */
const tooManyVariables = wrapped("too-many-variables", (s) => ({
  list(q) {
    if ((q.where ?? []).some((w) => Array.isArray(w.value) && w.value.length > 999)) throw new Error("too many SQL variables");
    return s.list(q);
  },
}));

/** Lets NaN and ±Infinity through to the "database", which fails as MariaDB did ("Unknown column 'NaN'"). */
const numeric = (v: unknown) => typeof v === "number" && !Number.isFinite(v);
const nonFiniteLeaks = wrapped("non-finite", (s) => ({
  list(q) {
    const bad = (q.where ?? []).find((w) => numeric(w.value) || (Array.isArray(w.value) && w.value.some(numeric)));
    if (bad) throw new Error(`Unknown column '${String(bad.value)}' in 'where clause'`);
    return s.list(q);
  },
}));

/** startsWith as an unescaped SQL LIKE: `%` and `_` in the prefix act as wildcards. */
const like = (prefix: string) =>
  new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, "[\\s\\S]*").replace(/_/g, "[\\s\\S]")}`, "u");
const likePrefix = wrapped("like-prefix", (s) => ({
  async list(q: ListQuery) {
    validateListQuery("like-prefix", { transactions: "interactive", filterOps: ALL_FILTER_OPS, maxPageSize: 1000 }, q);
    const all: StoredRecord[] = [];
    let cursor: string | null = null;
    do {
      const p = await s.list({ limit: 1000, cursor });
      all.push(...p.items);
      cursor = p.nextCursor;
    } while (cursor);
    const match = (r: StoredRecord, w: Where) =>
      w.op === "startsWith" && typeof w.value === "string"
        ? typeof r[w.field] === "string" && like(w.value).test(r[w.field] as string)
        : matchesWhere(r, w);
    return pageOf(all.filter((r) => (q.where ?? []).every((w) => match(r, w))), q);
  },
}));

/** A store whose "connection" can be broken: then every call throws the driver's own error (or a StorageError). */
function breakable(typed: boolean): { create: () => StorageAdapter; interrupt: (a: StorageAdapter) => Promise<() => Promise<void>> } {
  let broken = false;
  const fail = () => {
    const driver = Object.assign(new Error("Connection terminated unexpectedly"), { name: "DatabaseError" });
    throw typed ? new StorageError("storage-connection-lost", true, "breakable", driver.message, { cause: driver }) : driver;
  };
  const create = (): StorageAdapter => {
    const inner = createMemoryAdapter({ name: "breakable" });
    const guard = <A extends unknown[], T>(f: (...a: A) => Promise<T>) => async (...a: A) => (broken ? fail() : f(...a));
    const self: StorageAdapter = {
      name: "breakable",
      capabilities: inner.capabilities,
      store(kind) {
        const s = inner.store(kind);
        return { get: guard(s.get), getMany: guard(s.getMany), list: guard(s.list), insert: guard(s.insert), update: guard(s.update), delete: guard(s.delete) };
      },
      transaction: (fn) => (broken ? Promise.reject(fail()) : inner.transaction!(fn)),
    };
    return self;
  };
  return {
    create,
    interrupt: async () => {
      broken = true;
      return async () => {
        broken = false;
      };
    },
  };
}

describe("the conformance kit against issue 15's defects", () => {
  it("passes the reference memory adapter on every hostile-input check", async () => {
    const results = await checkAdapterConformance({ create: () => createMemoryAdapter(), roundTripRuns: 5 });
    expect(failed(results)).toEqual([]);
    expect(results.filter((r) => r.suite === "hostile-input")).toHaveLength(8); // 7 + the raw store's NUL / lone-surrogate check (store19)
  });

  it("issue 15 #1: fails an adapter that stores backslash-escaped text", async () => {
    const f = failed(await checkAdapterConformance({ create: backslashEscaping, roundTripRuns: 5 }));
    expect(f).toContain("hostile-input › issue 15 #1: ids and filter strings with quotes and backslashes round-trip exactly");
  });

  it("issue 15 #2: fails an adapter that breaks on long `in` lists with an untyped error", async () => {
    const f = failed(await checkAdapterConformance({ create: tooManyVariables, roundTripRuns: 5 }));
    expect(f).toEqual([
      "hostile-input › issue 15 #2: `in` with 1000 values answers exactly; longer lists answer exactly or are refused with ValidationError",
    ]);
  });

  it("issue 15 #3: fails an adapter that lets NaN and ±Infinity reach the database", async () => {
    const f = failed(await checkAdapterConformance({ create: nonFiniteLeaks, roundTripRuns: 5 }));
    expect(f).toEqual(["hostile-input › issue 15 #3: NaN and ±Infinity operands are refused with ValidationError"]);
  });

  it("issue 15 #4: fails an adapter whose startsWith treats % and _ as wildcards", async () => {
    const f = failed(await checkAdapterConformance({ create: likePrefix, roundTripRuns: 5 }));
    expect(f).toContain("hostile-input › issue 15 #4: filters and ordering over unusual valid text give exactly the reference adapter's answers");
  });

  it("issue 15 #5: fails an adapter that lets a bare driver error escape, passes one that throws StorageError", async () => {
    const leaky = breakable(false);
    const f = failed(await checkAdapterConformance({ create: leaky.create, faults: { interrupt: leaky.interrupt }, roundTripRuns: 5 }));
    expect(f).toEqual(["faults › issue 15 #5: after the connection is broken every call succeeds or fails with a StorageError"]);
    const typed = breakable(true);
    expect(failed(await checkAdapterConformance({ create: typed.create, faults: { interrupt: typed.interrupt }, roundTripRuns: 5 }))).toEqual([]);
  });
});
