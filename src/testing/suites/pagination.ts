import { check } from "../assert.js";
import { personRecord } from "../fixtures.js";
import type { StorageAdapter, StoredRecord, ListQuery } from "../../storage/port.js";
import type { ConformanceSuite } from "../types.js";

async function walk(adapter: StorageAdapter, query: Omit<ListQuery, "cursor">, between?: (page: number) => Promise<void>) {
  const seen: StoredRecord[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { items: readonly StoredRecord[]; nextCursor: string | null } = await adapter
      .store("person")
      .list({ ...query, cursor });
    check(page.items.length <= query.limit, `a page must not exceed the limit (${page.items.length} > ${query.limit})`);
    seen.push(...page.items);
    cursor = page.nextCursor;
    pages++;
    check(pages < 1000, "pagination must terminate");
    if (between && cursor) await between(pages);
  } while (cursor);
  return seen;
}

const UNITS = ["Finance", "IT", "Sales"];

async function seed(adapter: StorageAdapter, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `pg-${String(i * 10).padStart(4, "0")}`;
    ids.push(id);
    await adapter.store("person").insert(personRecord(id, { organisationUnit: UNITS[i % 3] as string, power: (i % 5) + 1 }));
  }
  return ids;
}

/** @internal Keyset pagination: no gaps, no duplicates, total order, stable under concurrent inserts. */
export const paginationSuite: ConformanceSuite = {
  name: "pagination",
  tests: [
    {
      name: "pages by id cover every record once, in order, and the last cursor is null",
      async run(adapter) {
        const ids = await seed(adapter, 23);
        const seen = await walk(adapter, { limit: 5 });
        check(seen.map((r) => r.id).join() === ids.join(), "pages must return every id once, ascending");
      },
    },
    {
      name: "ordering by a non-unique field breaks ties by id across page boundaries, both directions",
      async run(adapter) {
        const ids = await seed(adapter, 20);
        for (const direction of ["asc", "desc"] as const) {
          const seen = await walk(adapter, { limit: 3, orderBy: { field: "organisationUnit", direction } });
          check(new Set(seen.map((r) => r.id)).size === ids.length && seen.length === ids.length, `${direction}: every record exactly once`);
          for (let i = 1; i < seen.length; i++) {
            const a = seen[i - 1] as StoredRecord;
            const b = seen[i] as StoredRecord;
            const ua = a["organisationUnit"] as string;
            const ub = b["organisationUnit"] as string;
            const ordered = direction === "asc" ? ua < ub || (ua === ub && a.id < b.id) : ua > ub || (ua === ub && a.id > b.id);
            check(ordered, `${direction}: ${a.id} (${ua}) must come before ${b.id} (${ub})`);
          }
        }
      },
    },
    {
      name: "records inserted while paging never cause a gap or a duplicate",
      async run(adapter) {
        const ids = await seed(adapter, 30);
        let extra = 0;
        const seen = await walk(adapter, { limit: 4 }, async (page) => {
          // New ids land before, inside and after the current cursor position.
          for (const at of [0, page * 40, 290]) {
            extra++;
            await adapter.store("person").insert(personRecord(`pg-${String(at).padStart(4, "0")}x${extra}`));
          }
        });
        const seenIds = seen.map((r) => r.id);
        check(new Set(seenIds).size === seenIds.length, "no record may appear twice while others are inserted");
        for (const id of ids) check(seenIds.includes(id), `record ${id}, present from the start, must not be skipped`);
        check(seenIds.join() === [...seenIds].sort().join(), "pages must stay in id order");
      },
    },
    {
      name: "records deleted while paging never cause another record to be skipped",
      async run(adapter) {
        const ids = await seed(adapter, 24);
        const deleted = new Set<string>();
        const seen = await walk(adapter, { limit: 5, orderBy: { field: "power", direction: "desc" } }, async (page) => {
          const victim = ids[page * 3] as string;
          deleted.add(victim);
          await adapter.store("person").delete(victim);
        });
        const seenIds = new Set(seen.map((r) => r.id));
        for (const id of ids) check(seenIds.has(id) || deleted.has(id), `record ${id} was never deleted and must be seen`);
      },
    },
    {
      name: "an empty store returns one empty page with no cursor",
      async run(adapter) {
        const page = await adapter.store("person").list({ limit: 10 });
        check(page.items.length === 0 && page.nextCursor === null, "an empty store must return no items and a null cursor");
      },
    },
    {
      name: "a page exactly filled by the last records has no next cursor",
      async run(adapter) {
        await seed(adapter, 10);
        const first = await adapter.store("person").list({ limit: 5 });
        check(first.nextCursor !== null, "a first page of a longer list must have a cursor");
        const second = await adapter.store("person").list({ limit: 5, cursor: first.nextCursor });
        check(second.items.length === 5, "the second page must hold the last five records");
        check(second.nextCursor === null, "when nothing follows, nextCursor must be null (not a cursor to an empty page)");
      },
    },
  ],
};
