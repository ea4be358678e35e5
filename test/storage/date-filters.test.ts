import { describe, expect, it } from "vitest";
import { createMemoryAdapter, createRepository, createSequentialIdGenerator } from "../../src/index.js";
import { firstIssuePathAsync } from "../support/errors.js";

// Adapters compare the stored wire form as strings (the memory adapter in JavaScript, the SQL adapters on the JSON
// text), and the codecs store instants canonical: "2026-03-10T10:00:00.500Z". A filter operand written without
// milliseconds, "2026-03-10T10:00:00Z", used to be compared as it was — "." < "Z", so 10:00:00.500 counted as
// earlier than 10:00:00 — and a date operand such as "2026-3-1" or "yesterday" filtered silently on nonsense.

const draft = (date: string) => ({
  projectId: "prj-crm",
  date,
  amount: { amount: "100", currency: "EUR" },
  category: "software" as const,
  expenditure: "opex" as const,
  sourceRef: `INV-${date}`,
});

async function twoEntries() {
  const times = ["2026-03-10T10:00:00.000Z", "2026-03-10T10:00:00.500Z"];
  let i = 0;
  const repo = createRepository(createMemoryAdapter(), "cost-entry", { ids: createSequentialIdGenerator("ce"), clock: () => times[i++]! });
  await repo.create(draft("2026-02-28"));
  await repo.create(draft("2026-03-02"));
  return repo;
}

const ids = async (p: Promise<{ items: readonly { id: string }[] }>) => (await p).items.map((x) => x.id);
const pathOf = (p: Promise<unknown>) => firstIssuePathAsync(() => p);

describe("repository filters on dates and instants compare canonical forms", () => {
  it("an instant operand is canonicalised: ce-0002 (10:00:00.500) is after 10:00:00, ce-0001 (10:00:00.000) is not", async () => {
    const repo = await twoEntries();
    expect(await ids(repo.list({ where: [{ field: "createdAt", op: "gt", value: "2026-03-10T10:00:00Z" }] }))).toEqual(["ce-0002"]);
    expect(await ids(repo.list({ where: [{ field: "createdAt", op: "lte", value: "2026-03-10T10:00:00Z" }] }))).toEqual(["ce-0001"]);
    expect(await ids(repo.list({ where: [{ field: "createdAt", op: "eq", value: "2026-03-10T10:00:00.5Z" }] }))).toEqual(["ce-0002"]);
    expect(await ids(repo.list({ where: [{ field: "updatedAt", op: "in", value: ["2026-03-10T10:00:00Z"] }] }))).toEqual(["ce-0001"]);
    const all: string[] = [];
    for await (const e of repo.all({ where: [{ field: "createdAt", op: "gte", value: "2026-03-10T10:00:00.50Z" }] })) all.push(e.id);
    expect(all).toEqual(["ce-0002"]);
  });

  it("a date field takes calendar dates only; an instant field takes UTC instants only", async () => {
    const repo = await twoEntries();
    // 2026-03-01 ≤ 2026-03-02 (ce-0002) only.
    expect(await ids(repo.list({ where: [{ field: "date", op: "gte", value: "2026-03-01" }] }))).toEqual(["ce-0002"]);
    // "2026-3-1" > "2026-03-02" as strings: used to return nothing instead of ce-0002.
    expect(await pathOf(repo.list({ where: [{ field: "date", op: "gte", value: "2026-3-1" }] }))).toEqual(["where", 0, "value"]);
    expect(await pathOf(repo.list({ where: [{ field: "date", op: "lt", value: "2026-03-01T00:00:00.000Z" }] }))).toEqual(["where", 0, "value"]);
    expect(await pathOf(repo.list({ where: [{ field: "date", op: "in", value: ["2026-03-02", "yesterday"] }] }))).toEqual(["where", 0, "value", 1]);
    // A day against an instant field has no single meaning (start or end of the day?): refused.
    expect(await pathOf(repo.list({ where: [{ field: "createdAt", op: "lte", value: "2026-03-10" }] }))).toEqual(["where", 0, "value"]);
    expect(await pathOf(repo.list({ where: [{ field: "createdAt", op: "gt", value: "2026-03-10T10:00:00+01:00" }] }))).toEqual(["where", 0, "value"]);
    // A number or a boolean can never equal or order against a stored day or instant: epoch milliseconds (Date.now())
    // used to answer [] for gt and every record for ne, silently. Refused at the operand.
    expect(await pathOf(repo.list({ where: [{ field: "createdAt", op: "gt", value: Date.parse("2026-03-10T09:00:00.000Z") }] }))).toEqual(["where", 0, "value"]);
    expect(await pathOf(repo.list({ where: [{ field: "date", op: "ne", value: 20260302 }] }))).toEqual(["where", 0, "value"]);
    expect(await pathOf(repo.list({ where: [{ field: "date", op: "in", value: ["2026-03-02", true] }] }))).toEqual(["where", 0, "value", 1]);
    // null still means "missing", and other fields are untouched.
    expect(await ids(repo.list({ where: [{ field: "workPackageId", op: "eq", value: null }, { field: "sourceRef", op: "gte", value: "INV-2026-03" }] }))).toEqual(["ce-0002"]);
  });
});

describe("canonicalWhere's messages (size pass 24: one message stem per field, same words)", () => {
  it("names the field, what it takes, and why the operand is not that", async () => {
    const repo = await twoEntries();
    const messages = async (where: { field: string; op: "eq" | "in"; value: unknown }[]) => {
      try {
        await repo.list({ where: where as never });
      } catch (e) {
        return (e as { issues: { message: string }[] }).issues.map((i) => i.message);
      }
      return [];
    };
    expect(await messages([{ field: "date", op: "in", value: ["2026-3-1", 20260301, null, "2026-03-01"] }])).toEqual([
      "date is a calendar date: expected YYYY-MM-DD",
      "date is a calendar date: expected YYYY-MM-DD, not a number",
    ]);
    expect(await messages([{ field: "createdAt", op: "in", value: ["2026-03-10", "noon", true, "2026-03-10T10:00:00Z"] }])).toEqual([
      "createdAt is an instant: expected a UTC date-time like 2026-11-25T14:03:00.000Z (a day has no single instant: give startOfDayInstant(day) or the instant you mean)",
      "createdAt is an instant: expected a UTC date-time like 2026-11-25T14:03:00.000Z",
      "createdAt is an instant: expected a UTC date-time like 2026-11-25T14:03:00.000Z, not a boolean",
    ]);
  });
});
