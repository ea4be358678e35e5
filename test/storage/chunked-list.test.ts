import { describe, expect, it } from "vitest";
import { createMemoryAdapter, createRepository, isPmoError, LIST_QUERY_LIMITS, type StorageAdapter, type StorageError } from "../../src/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import { firstIssuePathAsync } from "../support/errors.js";

/*
 * An `in` longer than the port's 1,000 values is read by the repository in chunks of 1,000 and merged. Before, the
 * adapter refused it ("`in` takes at most 1000 values (got 1500)"), and a money amount counted four values (one per
 * stored form), so 251 amounts were refused.
 */

const pad = (i: number) => String(i).padStart(3, "0");

async function people(count: number): Promise<StorageAdapter> {
  const adapter = createMemoryAdapter();
  // p000 … p039, named so that name order interleaves with id order: p000 "N-39", p001 "N-38", …
  for (let i = 0; i < count; i++) await adapter.store("person").insert(personRecord(`p${pad(i)}`, { name: `N-${pad(count - 1 - i)}` }));
  return adapter;
}

/** 1,500 ids: the people p000 … p039 at every 37th position from 10 (spread over both chunks), n000 … n009, x-… elsewhere. */
function operand(): string[] {
  const ids = Array.from({ length: 1500 }, (_, k) => `x-${k}`);
  for (let i = 0; i < 40; i++) ids[10 + i * 37] = `p${pad(i)}`;
  // n000 … n004 at 1, 3, … 9 (first chunk), n005 … n009 at 1465 … 1469 (second): no person's position (10 + 37·i).
  for (let i = 0; i < 10; i++) ids[i < 5 ? 1 + 2 * i : 1460 + i] = `n${pad(i)}`;
  return ids;
}

describe("repository `in` lists longer than the port takes", () => {
  it("page by page, each record present throughout is listed exactly once while others are inserted and deleted between pages", async () => {
    const adapter = await people(40);
    const repo = createRepository(adapter, "person");
    const where = [{ field: "id", op: "in" as const, value: operand() }];
    const seen: string[] = [];
    let cursor: string | null = null;
    let n = 0;
    do {
      const page: { items: readonly { id: string }[]; nextCursor: string | null } = await repo.list({ where, limit: 6, orderBy: { field: "name" }, cursor });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      // Between pages: a newcomer n00k named "N-000" (before every page read so far: never listed) and the deletion of
      // the last person not yet listed by name, p000 ("N-039") — deleted after the first page, so it is never listed.
      await adapter.store("person").insert(personRecord(`n${pad(n)}`, { name: "N-000" }));
      if (n++ === 0) await adapter.store("person").delete("p000");
    } while (cursor);
    // By name ascending: p039 ("N-000") … p001 ("N-038"); p000 deleted before its turn; newcomers sort before p039's
    // position on ties of "N-000" only when their id is below "p039": n00k < p039, so they fall behind every cursor.
    const expected = Array.from({ length: 39 }, (_, i) => `p${pad(39 - i)}`);
    expect(seen.join(" ")).toEqual(expected.join(" "));
  });

  it("a 1,000-value list stays one query; 1,001 values become two and answer the same as two queries would", async () => {
    const adapter = await people(40);
    let calls = 0;
    const counting: StorageAdapter = { ...adapter, store: (k) => { const s = adapter.store(k); return { ...s, list: (q) => (calls++, s.list(q)) }; } };
    const repo = createRepository(counting, "person");
    const ids = operand().slice(0, LIST_QUERY_LIMITS.maxInValues);
    await repo.list({ where: [{ field: "id", op: "in", value: ids }], limit: 100 });
    expect(calls).toBe(1);
    calls = 0;
    // ids holds p000 … p026 (positions 10 + 37·i ≤ 999 for i ≤ 26); the 1,001st value is p039.
    const page = await repo.list({ where: [{ field: "id", op: "in", value: [...ids, "p039"] }], limit: 100 });
    expect(page.items.map((e) => e.id)).toEqual([...Array.from({ length: 27 }, (_, i) => `p${pad(i)}`), "p039"]);
    expect(calls).toBe(2); // one query per chunk; every chunk's page was used up, so nothing is read again
  });

  it("a cursor from another query is refused at [\"cursor\"], and more than 50 chunks at the operand", async () => {
    const repo = createRepository(await people(3), "person");
    const where = [{ field: "id", op: "in" as const, value: operand() }];
    const first = await repo.list({ where, limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    // The same cursor with a list of three chunks instead of two.
    const longer = [{ field: "id", op: "in" as const, value: [...operand(), ...Array.from({ length: 1000 }, (_, k) => `y-${k}`)] }];
    expect(await firstIssuePathAsync(() => repo.list({ where: longer, limit: 1, cursor: first.nextCursor }))).toEqual(["cursor"]);
    expect(await firstIssuePathAsync(() => repo.list({ where, limit: 1, cursor: "chunks.bm9wZQ" }))).toEqual(["cursor"]);
    const tooMany = Array.from({ length: 50_001 }, (_, k) => `z-${k}`);
    expect(await firstIssuePathAsync(() => repo.list({ where: [{ field: "id", op: "in", value: tooMany }], limit: 1 }))).toEqual(["where", 0, "value"]);
    expect((await repo.list({ where: [{ field: "id", op: "in", value: tooMany.slice(0, 50_000) }], limit: 1 })).items).toEqual([]);
  });

  it("records that keep changing under a page end in a retryable storage-contention StorageError, not a wrong page", async () => {
    const adapter = createMemoryAdapter();
    // q000 … q014 at positions 0, 100, … 1400 of a 1,500-id list: q000 … q009 in the first chunk, q010 … q014 in the
    // second. By id descending, a page of 8 is q014 … q010 (the second chunk's page, used up) and q009, q008, q007
    // (three of the first chunk's eight): the first chunk is read again with limit 3 for its exact position.
    for (let i = 0; i < 15; i++) await adapter.store("person").insert(personRecord(`q${pad(i)}`));
    const ids = Array.from({ length: 1500 }, (_, k) => (k % 100 === 0 ? `q${pad(k / 100)}` : `x-${k}`));
    for (let k = 1; k < 100; k++) ids[k] = `q009-${pad(k)}`; // first chunk; "q009-k" sorts before q009 by id descending
    let landed = 0;
    // Every list call lands another of them: the re-read never finds the three records it handed out.
    const changing: StorageAdapter = {
      ...adapter,
      store: (k) => {
        const s = adapter.store(k);
        return { ...s, list: async (q) => { const page = await s.list(q); await s.insert(personRecord(`q009-${pad(++landed)}`)); return page; } };
      },
    };
    const repo = createRepository(changing, "person");
    const outcome = await repo.list({ where: [{ field: "id", op: "in", value: ids }], limit: 8, orderBy: { field: "id", direction: "desc" } }).catch((e: unknown) => e);
    expect(isPmoError(outcome, "storage")).toBe(true);
    expect([(outcome as StorageError).storageCode, (outcome as StorageError).retryable]).toEqual(["storage-contention", true]);
    // Five tries of three reads each (two chunks, then the first chunk again).
    expect(landed).toBe(15);
  });
});
