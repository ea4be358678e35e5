import { createRepository } from "../../storage/repository.js";
import type { ListQuery } from "../../storage/port.js";
import { checkSame } from "../assert.js";
import { personRecord, T0 } from "../fixtures.js";
import type { ConformanceTest } from "../types.js";

/** Four currencies with 0, 2, 3 and 4 minor units: an amount is stored in each one's form ("50.5" as "50.50", …). */
const CURRENCIES = ["EUR", "JPY", "KWD", "UYW"] as const;

/** Every id of a repository query, page by page, failing on a repeated id (a page that went back). */
async function allIds(list: (q: Partial<ListQuery>) => Promise<{ items: readonly { id: string }[]; nextCursor: string | null }>, query: Partial<ListQuery>): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: readonly { id: string }[]; nextCursor: string | null } = await list({ ...query, cursor });
    out.push(...page.items.map((e) => e.id));
    cursor = page.nextCursor;
    checkSame(out.length <= 200, true, `pages must end: ${out.length} ids read`);
  } while (cursor);
  return out;
}

/**
 * @internal Long `in` lists through a repository: beyond the port's 1,000 values a repository reads them in chunks,
 * so every adapter answers them exactly (before, a money `in` of 251 amounts — 1,004 stored forms — was refused).
 */
export const longInTests: readonly ConformanceTest[] = [
  {
    name: "a repository `in` of 1,200 money amounts (4,800 stored forms) matches by value, page by page",
    async run(adapter) {
      if (!adapter.capabilities.filterOps.includes("in")) return;
      const repo = createRepository(adapter, "cost-entry", { clock: () => T0 });
      // 30 entries: ce-i costs i·50 + 0.5 in CURRENCIES[i % 4] (stored "0.50" EUR, "50.5" JPY, "100.500" KWD,
      // "150.5000" UYW, …), dated 2026-03-0(i % 5 + 1).
      for (let i = 0; i < 30; i++) {
        const id = `ce-${String(i).padStart(2, "0")}`;
        const amount = { amount: `${i * 50}.5`, currency: CURRENCIES[i % 4] as string };
        await repo.create({ id, projectId: "prj-in", date: `2026-03-0${(i % 5) + 1}`, amount, category: "software", expenditure: "opex" });
      }
      // The operand: k + 0.5 for k = 0 … 1199, written "k.50" (no stored form is written so). It holds i·50 + 0.5
      // for i = 0 … 23 (23·50 = 1150 ≤ 1199 < 1200 = 24·50): ce-00 … ce-23 match, ce-24 … ce-29 do not.
      const amounts = Array.from({ length: 1200 }, (_, k) => `${k}.50`);
      const where = [{ field: "amount.amount", op: "in" as const, value: amounts }];
      const expected = Array.from({ length: 24 }, (_, i) => `ce-${String(i).padStart(2, "0")}`);
      checkSame(await allIds((q) => repo.list(q), { where, limit: 7 }), expected, "in 1,200 amounts, 7 a page, by id");
      // By date descending, then id descending: day 5 holds ce-04, ce-09, ce-14, ce-19; day 4 ce-03 … ce-23; …
      const byDate = [...expected].sort((a, b) => {
        const day = (id: string) => Number(id.slice(3)) % 5;
        return day(b) - day(a) || (a < b ? 1 : -1);
      });
      checkSame(await allIds((q) => repo.list(q), { where, limit: 5, orderBy: { field: "date", direction: "desc" } }), byDate, "in 1,200 amounts, by date descending");
      const streamed: string[] = [];
      for await (const e of repo.all({ where, limit: 4 })) streamed.push(e.id);
      checkSame(streamed, expected, "all() over in 1,200 amounts");
    },
  },
  {
    name: "a repository `in` of 2,500 ids (three chunks of 1,000) lists each match once, in order",
    async run(adapter) {
      if (!adapter.capabilities.filterOps.includes("in")) return;
      // 12 people, person-0 … person-11, named so that name order is the reverse of the id order.
      for (let i = 0; i < 12; i++) await adapter.store("person").insert(personRecord(`person-${i}`, { name: `Name ${String.fromCharCode(90 - i)}` }));
      // The operand lists x-0 … x-2499 with person-i at position i·200 + 50 (50 … 2250, spread over all three chunks),
      // except person-11 (the 12th), left out.
      const ids = Array.from({ length: 2500 }, (_, k) => `x-${k}`);
      for (let i = 0; i < 11; i++) ids[i * 200 + 50] = `person-${i}`;
      const repo = createRepository(adapter, "person");
      const where = [{ field: "id", op: "in" as const, value: ids }];
      const expected = Array.from({ length: 11 }, (_, i) => `person-${i}`);
      checkSame(await allIds((q) => repo.list(q), { where, limit: 3, orderBy: { field: "name", direction: "desc" } }), expected, "in 2,500 ids, by name descending (Z … P)");
      checkSame(await allIds((q) => repo.list(q), { where, limit: 4 }), [...expected].sort(), "in 2,500 ids, by id");
    },
  },
];
