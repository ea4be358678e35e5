import { Kysely, MysqlDialect, sql } from "kysely";
import { createPool } from "mysql2";
import { describe, expect, it } from "vitest";
import type { StorageAdapter } from "../../src/index.js";
import { createSqlAdapter, migrate, type AnyKysely } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import { MYSQL_URL, mariadbBackend } from "./backends.js";

/*
 * MariaDB sorts by the first 4,096 characters of a string (SORT_PREFIX_LENGTH); strings equal there are put in order
 * by their whole value some other way. Before, each such string was ranked by a correlated COUNT over every other
 * long string of the table: n² string comparisons per page (37 s for the first page of 250 such records, measured
 * in the notes). Here: the rows the server reads for one page grow with n, not n², and the order is the whole
 * value's (code point order, then id), page by page, ascending and descending.
 */

const P = "y".repeat(4096);

async function walk(adapter: StorageAdapter, direction: "asc" | "desc", limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: readonly { id: string }[]; nextCursor: string | null } = await adapter.store("person").list({ orderBy: { field: "name", direction }, limit, cursor });
    ids.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe.skipIf(!MYSQL_URL)(`MariaDB: strings equal in their first 4,096 characters${MYSQL_URL ? "" : " (skipped: PMOKIT_MYSQL_URL not set)"}`, () => {
  it("one page over 120 such records reads O(n) rows on the server (Handler_read_*), not n²", async () => {
    const b = await mariadbBackend(MYSQL_URL as string);
    // One connection: the session's handler counters are the page's.
    const pool = createPool({ uri: MYSQL_URL as string, database: b.database, connectionLimit: 1 });
    const one = new Kysely<unknown>({ dialect: new MysqlDialect({ pool }) }) as AnyKysely;
    try {
      await migrate(b.db);
      const adapter = createSqlAdapter(one);
      const n = 120;
      await adapter.transaction!(async (tx) => {
        for (let i = 0; i < n; i++) await tx.store("person").insert(personRecord(`p${String(i).padStart(3, "0")}`, { name: `${P}${String((i * 37) % n).padStart(3, "0")}` }));
      });
      const reads = async () => {
        const r = await sql<{ Variable_name: string; Value: string }>`SHOW SESSION STATUS LIKE 'Handler_read%'`.execute(one);
        return r.rows.reduce((sum, row) => sum + Number(row.Value), 0);
      };
      const before = await reads();
      const page = await adapter.store("person").list({ orderBy: { field: "name", direction: "asc" }, limit: 10 });
      const read = (await reads()) - before;
      // The 10 smallest names are the suffixes 000 … 009: i·37 mod 120 = k for i = k·37⁻¹ mod 120 (37·13 = 481 ≡ 1).
      expect(page.items.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, k) => `p${String((k * 13) % n).padStart(3, "0")}`));
      // A scan of the table is n rows; the page takes two (the first 4,096 characters, then the next ones of the
      // run), plus the SHOW. Before: 1 + n scans of the long strings, n² = 14,400 rows and more.
      expect(read).toBeLessThan(5 * n);
    } finally {
      await one.destroy();
      await b.close();
    }
  }, 120_000);

  it("pages in whole-value order, ascending and descending, across runs sharing 4,096 and 8,192 characters", async () => {
    const b = await mariadbBackend(MYSQL_URL as string);
    try {
      await migrate(b.db);
      const adapter = createSqlAdapter(b.db);
      const P2 = P + "m".repeat(4096);
      // Names (ids in an order unrelated to them): short ones, P itself, P2 itself and strings going on after both.
      const names = ["a", "z", P, `${P}a`, `${P}b`, `${P}b`, `${P}n`, P2, `${P2}a`, `${P2}`, `${P2}c`, `${P2}b`, `${P}z`, `${P}m`, `${P2.slice(0, -1)}l`, `${P}`, `${P2}a`];
      const ids = names.map((_, i) => `r${String((i * 7) % names.length).padStart(2, "0")}`);
      for (const [i, name] of names.entries()) await adapter.store("person").insert(personRecord(ids[i] as string, { name }));
      // The oracle: all names are ASCII, where JavaScript's < is code point order; ties by id.
      const asc = names.map((name, i) => ({ name, id: ids[i] as string })).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).map((x) => x.id);
      for (const limit of [1, 2, 3, 5, 20]) {
        expect(await walk(adapter, "asc", limit), `asc, limit ${limit}`).toEqual(asc);
        expect(await walk(adapter, "desc", limit), `desc, limit ${limit}`).toEqual([...asc].reverse());
      }
    } finally {
      await b.close();
    }
  }, 120_000);
});
