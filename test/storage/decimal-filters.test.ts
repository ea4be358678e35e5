import { describe, expect, it } from "vitest";
import { createMemoryAdapter, createRepository, createSequentialIdGenerator } from "../../src/index.js";
import { MEMORY_AND_SQLITE } from "./memory-and-sqlite.js";
import { firstIssuePathAsync } from "../support/errors.js";

// Adapters compare the stored wire form as strings, and decimals are strings on the wire: "99.50" > "100.00" (the
// digit 9 after 1), and "100" ≠ "100.00". A range filter on an amount answered by string order, silently, and an
// equality filter written "100" missed the stored "100.00". The repository now refuses ranges on decimal fields and
// matches equality on the value, whatever form the operand has.

const draft = (amount: string, currency = "EUR") => ({
  projectId: "prj-crm",
  date: "2026-03-02",
  amount: { amount, currency },
  category: "software" as const,
  expenditure: "opex" as const,
  sourceRef: `INV-${amount}-${currency}`,
});


for (const [label, open] of MEMORY_AND_SQLITE) {
  describe(`repository filters on decimal fields (${label})`, () => {
    async function entries() {
      const repo = createRepository(await open(), "cost-entry", { ids: createSequentialIdGenerator("ce"), clock: () => "2026-03-10T10:00:00.000Z" });
      await repo.create(draft("99.5")); // stored "99.50" (EUR: two minor units)
      await repo.create(draft("100")); // stored "100.00"
      await repo.create(draft("100", "JPY")); // stored "100" (JPY: none)
      await repo.create(draft("100.125", "BHD")); // stored "100.125" (BHD: three)
      return repo;
    }
    const ids = async (p: Promise<{ items: readonly { id: string }[] }>) => (await p).items.map((x) => x.id);

    it("stores the canonical forms the test relies on", async () => {
      const repo = await entries();
      const page = await repo.list({});
      expect(page.items.map((e) => e.amount.amount.toFixed())).toEqual(["99.5", "100", "100", "100.125"]);
    });

    it("a range filter on an amount is refused at its operator (it compared text: 99.50 counted as above 100)", async () => {
      const repo = await entries();
      // Before: ["ce-0001"] — "99.50" > "100" as text; by value no EUR amount is above 100.
      expect(await firstIssuePathAsync(() => repo.list({ where: [{ field: "amount.amount", op: "gt", value: "100" }] }))).toEqual(["where", 0, "op"]);
      expect(await firstIssuePathAsync(() => repo.list({ where: [{ field: "amount.amount", op: "lte", value: "99.5" }] }))).toEqual(["where", 0, "op"]);
    });

    it("eq, in and ne on an amount match the value in any currency's canonical form", async () => {
      const repo = await entries();
      // 100 is stored as "100.00" (EUR) and "100" (JPY); before, "100" found only the JPY entry and "100.0" none.
      expect(await ids(repo.list({ where: [{ field: "amount.amount", op: "eq", value: "100" }] }))).toEqual(["ce-0002", "ce-0003"]);
      expect(await ids(repo.list({ where: [{ field: "amount.amount", op: "eq", value: "100.0" }] }))).toEqual(["ce-0002", "ce-0003"]);
      expect(await ids(repo.list({ where: [{ field: "amount.amount", op: "in", value: ["99.5", "100.1250"] }] }))).toEqual(["ce-0001", "ce-0004"]);
      expect(await ids(repo.list({ where: [{ field: "amount.amount", op: "ne", value: "100.000" }] }))).toEqual(["ce-0001", "ce-0004"]);
    });

    it("ordering by an amount is refused (it ordered text: \"100.00\" before \"99.50\")", async () => {
      const repo = await entries();
      // Before: ["ce-0003", "ce-0002", "ce-0004", "ce-0001"] — 100, 100.00, 100.125, 99.50 by code point, so the
      // smallest amount came last; by value 99.50 is first. Refused in list and all() alike, before any read.
      expect(await firstIssuePathAsync(() => repo.list({ orderBy: { field: "amount.amount" } }))).toEqual(["orderBy", "field"]);
      expect(await firstIssuePathAsync(() => repo.all({ orderBy: { field: "amount.amount", direction: "desc" } }).next())).toEqual(["orderBy", "field"]);
      // Other fields still order: the date, an id.
      expect(await ids(repo.list({ orderBy: { field: "date" } }))).toEqual(["ce-0001", "ce-0002", "ce-0003", "ce-0004"]);
    });

    it("an operand on an amount that is not a decimal string is refused with its path", async () => {
      const repo = await entries();
      expect(await firstIssuePathAsync(() => repo.list({ where: [{ field: "amount.amount", op: "eq", value: "1e2" }] }))).toEqual(["where", 0, "value"]);
      expect(await firstIssuePathAsync(() => repo.list({ where: [{ field: "amount.amount", op: "in", value: ["100", 100] }] }))).toEqual(["where", 0, "value", 1]);
    });
  });
}

describe("a long `in` on a money amount", () => {
  it("is refused in amounts, not in the stored forms the caller never wrote ('got 1004' → '250 amounts … got 251')", async () => {
    // Each amount is matched in its 4 stored forms (0, 2, 3 and 4 places), so 251 amounts are 1,004 values, over the
    // port's 1,000: the refusal used to read "`in` takes at most 1000 values (got 1004)" for a list of 251.
    const repo = createRepository(createMemoryAdapter(), "cost-entry", { ids: createSequentialIdGenerator("ce"), clock: () => "2026-03-10T10:00:00.000Z" });
    const amounts = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}.5`);
    await expect(repo.list({ where: [{ field: "amount.amount", op: "in", value: amounts(250) }] })).resolves.toMatchObject({ items: [] });
    const refused = repo.list({ where: [{ field: "projectId", op: "eq", value: "prj-crm" }, { field: "amount.amount", op: "in", value: amounts(251) }] });
    await expect(refused).rejects.toThrow("amount.amount is a decimal matched in its 4 stored forms: an `in` takes at most 250 amounts (got 251); split the query");
    expect(await firstIssuePathAsync(() => repo.list({ where: [{ field: "projectId", op: "eq", value: "prj-crm" }, { field: "amount.amount", op: "in", value: amounts(251) }] }))).toEqual(["where", 1, "value"]);
  });
});

describe("`ne` on money amounts and the condition limit", () => {
  it("is refused counting the conditions the caller wrote, not 'at most 20' for a query of 6", async () => {
    // Each `ne` on an amount becomes one condition per stored form (4), so five of them and one more condition are
    // 21 conditions for the port: the refusal read "where takes at most 20 conditions" for a where of 6.
    const repo = createRepository(createMemoryAdapter(), "cost-entry", { ids: createSequentialIdGenerator("ce"), clock: () => "2026-03-10T10:00:00.000Z" });
    const ne = (amount: string) => ({ field: "amount.amount", op: "ne" as const, value: amount });
    await expect(repo.list({ where: [ne("1"), ne("2"), ne("3"), ne("4"), ne("5")] })).resolves.toMatchObject({ items: [] });
    const six = [{ field: "projectId", op: "eq" as const, value: "prj-crm" }, ne("1"), ne("2"), ne("3"), ne("4"), ne("5")];
    expect(await firstIssuePathAsync(() => repo.list({ where: six }))).toEqual(["where"]);
    await expect(repo.list({ where: six })).rejects.toThrow("a `ne` on a decimal is one condition per stored form (4 for amount.amount): these 6 conditions are 21, over 20");
  });
});
