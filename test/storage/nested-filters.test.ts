import { describe, expect, it } from "vitest";
import { createRepository, createSequentialIdGenerator, entityKinds } from "../../src/index.js";
import { MEMORY_AND_SQLITE } from "./memory-and-sqlite.js";
import { decimalFieldsOf } from "../../src/storage/decimal-filters.js";
import { timeFieldsOf } from "../../src/storage/date-filters.js";
import { firstIssuePathAsync } from "../support/errors.js";

// The repository matches decimal fields by value and hands adapters canonical date/instant operands — but it only
// looked at top-level fields. Decimals, dates and instants one object down (`fxRate.rate`, `fxRate.date` of a cost
// entry, `estimateToComplete.amount.amount` / `.asOf` of a work package, `decision.decidedAt` of a gate) were
// compared as raw text: `fxRate.rate eq "1.10"` missed the stored "1.1" (the decimal codec stores the shortest form),
// `fxRate.rate gt "9"` counted 10.5 as below 9, and `fxRate.date lt "2026-3-1"` filtered on nonsense — silently.

const draft = (rate: string, date: string) => ({
  projectId: "prj-crm",
  date: "2026-03-02",
  amount: { amount: "100", currency: "USD" },
  category: "software" as const,
  expenditure: "opex" as const,
  sourceRef: `INV-${rate}`,
  fxRate: { rate, currency: "EUR", date },
});


describe("the decimal, date and instant fields of a schema include those inside nested objects", () => {
  it("finds them one and two objects down", () => {
    expect([...decimalFieldsOf(entityKinds["cost-entry"].schema).keys()].sort()).toEqual(["amount.amount", "fxRate.rate"]);
    expect([...decimalFieldsOf(entityKinds["work-package"].schema).keys()]).toContain("estimateToComplete.amount.amount");
    expect(decimalFieldsOf(entityKinds["work-package"].schema).get("estimateToComplete.amount.amount")).toEqual([0, 2, 3, 4]);
    expect(timeFieldsOf(entityKinds["cost-entry"].schema).dates).toEqual(new Set(["date", "fxRate.date"]));
    expect(timeFieldsOf(entityKinds["work-package"].schema).dates.has("estimateToComplete.asOf")).toBe(true);
    expect(timeFieldsOf(entityKinds.gate.schema).instants.has("decision.decidedAt")).toBe(true);
  });
});

for (const [label, open] of MEMORY_AND_SQLITE) {
  describe(`repository filters on nested decimal and date fields (${label})`, () => {
    async function entries() {
      const repo = createRepository(await open(), "cost-entry", { ids: createSequentialIdGenerator("ce"), clock: () => "2026-03-10T10:00:00.000Z" });
      await repo.create(draft("1.10", "2026-02-28")); // rate stored "1.1"
      await repo.create(draft("10.5", "2026-03-02")); // rate stored "10.5"
      return repo;
    }
    const ids = async (p: Promise<{ items: readonly { id: string }[] }>) => (await p).items.map((x) => x.id);

    it("eq/ne/in on a nested decimal match the value (before: \"1.10\" found nothing, the stored form is \"1.1\")", async () => {
      const repo = await entries();
      expect(await ids(repo.list({ where: [{ field: "fxRate.rate", op: "eq", value: "1.10" }] }))).toEqual(["ce-0001"]);
      expect(await ids(repo.list({ where: [{ field: "fxRate.rate", op: "in", value: ["10.50", "7"] }] }))).toEqual(["ce-0002"]);
      expect(await ids(repo.list({ where: [{ field: "fxRate.rate", op: "ne", value: "1.100" }] }))).toEqual(["ce-0002"]);
    });

    it("a range on a nested decimal is refused (before: gt \"9\" answered [] — \"10.5\" < \"9\" as text)", async () => {
      const repo = await entries();
      expect(await firstIssuePathAsync(() => repo.list({ where: [{ field: "fxRate.rate", op: "gt", value: "9" }] }))).toEqual(["where", 0, "op"]);
    });

    it("a nested date takes YYYY-MM-DD days only (before: \"2026-3-1\" was compared as text)", async () => {
      const repo = await entries();
      expect(await firstIssuePathAsync(() => repo.list({ where: [{ field: "fxRate.date", op: "lt", value: "2026-3-1" }] }))).toEqual(["where", 0, "value"]);
      expect(await ids(repo.list({ where: [{ field: "fxRate.date", op: "lt", value: "2026-03-01" }] }))).toEqual(["ce-0001"]);
    });
  });
}
