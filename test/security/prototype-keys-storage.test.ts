import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMemoryAdapter, createRepository, ValidationError, type StorageAdapter } from "../../src/index.js";
import { createSqlAdapter, migrate } from "../../src/sql/index.js";
import { sqliteMemory } from "../sql/backends.js";
import { canonicalJson, checkSame } from "../../src/testing/assert.js";
import { HOSTILE_IDS, ORDINARY, expectSameModuloRenaming, prototypeSnapshot, renaming } from "./hostile-keys.js";

let before: unknown;
beforeEach(() => { before = prototypeSnapshot(); });
afterEach(() => { expect(prototypeSnapshot()).toEqual(before); });

const draft = (id: string, projectId: string) => ({
  id, projectId, date: "2026-03-31", amount: { amount: "12.5", currency: "EUR" }, category: "software" as const, expenditure: "opex" as const, sourceRef: `INV-${id}`,
});

// CRUD, filters and ordering over ids and filter values named like Object.prototype members; field paths through
// inherited names (constructor.name, toString) find nothing rather than Object.prototype's members.
async function workout(adapter: StorageAdapter, ids: readonly string[]) {
  const repo = createRepository(adapter, "cost-entry", { clock: () => "2026-04-01T08:00:00.000Z" });
  for (const [i, id] of ids.entries()) await repo.create(draft(id, ids[(i + 1) % ids.length]!));
  const got = await Promise.all(ids.map((id) => repo.get(id).then((e) => e?.projectId)));
  const byProject = await repo.list({ where: [{ field: "projectId", op: "eq", value: ids[0]! }], limit: 10 });
  const ordered = await repo.list({ orderBy: { field: "sourceRef", direction: "desc" }, limit: 10 });
  const inherited = await repo.list({ where: [{ field: "projectId", op: "in", value: ids.slice(0, 2) }], limit: 10 });
  await repo.update({ ...(await repo.get(ids[1]!))!, sourceRef: "changed" });
  const deleted = await repo.delete(ids[2]!);
  const after = await repo.list({ limit: 10 });
  return {
    got, byProject: byProject.items.map((e) => e.id), ordered: ordered.items.map((e) => e.id), inherited: inherited.items.map((e) => e.id).sort(),
    deleted, after: after.items.map((e) => [e.id, e.sourceRef, e.version]),
  };
}

describe("storage: ids and filter values named like Object.prototype members", () => {
  const ids = ORDINARY.slice(1);

  it("the memory adapter stores, finds, orders, updates and deletes them like any id", async () => {
    await expectSameModuloRenaming(ids, (i) => workout(createMemoryAdapter(), i), renaming(HOSTILE_IDS));
  });

  it("the SQL adapter (SQLite) does the same", async () => {
    await expectSameModuloRenaming(ids, async (i) => {
      const b = sqliteMemory();
      try {
        await migrate(b.db);
        return await workout(createSqlAdapter(b.db), i);
      } finally {
        await b.close();
      }
    }, renaming(HOSTILE_IDS));
  });

  it("an id __proto__ is refused before it reaches the adapter", async () => {
    const repo = createRepository(createMemoryAdapter(), "cost-entry");
    await expect(repo.create(draft("__proto__", "p"))).rejects.toThrow(ValidationError);
  });

  it("a filter on a path through inherited names finds nothing", async () => {
    const repo = createRepository(createMemoryAdapter(), "cost-entry", { clock: () => "2026-04-01T08:00:00.000Z" });
    await repo.create(draft("a", "p"));
    for (const field of ["constructor.name", "projectId.length", "toString", "amount.constructor"]) {
      const r = await repo.list({ where: [{ field, op: "eq", value: "Object" }], limit: 10 }).catch((e: unknown) => e);
      if (r instanceof Error) expect(r).toBeInstanceOf(ValidationError);
      else expect((r as { items: unknown[] }).items).toEqual([]);
    }
  });
});

describe("conformance kit: record comparison", () => {
  it("a stray __proto__ key in a record an adapter returns is a difference, not a vanished key", () => {
    const stray = JSON.parse('{"id":"a","__proto__":{"x":1}}') as unknown;
    expect(canonicalJson(stray)).toBe('{"__proto__":{"x":1},"id":"a"}');
    expect(() => checkSame(stray, { id: "a" }, "round-trip")).toThrow(/round-trip/);
  });
});
