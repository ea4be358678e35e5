import { ALL_FILTER_OPS, type FilterOp, type ListQuery, type StorageAdapter, type StoredRecord, type Where } from "../../storage/port.js";
import { check, checkSame, expectPmoError } from "../assert.js";
import { FILTER_PEOPLE, personRecord } from "../fixtures.js";
import type { ConformanceSuite, ConformanceTest } from "../types.js";

/** Queries over FILTER_PEOPLE with their expected ids, worked out by hand from the fixture table. */
const CASES: readonly { op: FilterOp; title: string; where: Where[]; expected: string[] }[] = [
  { op: "eq", title: "eq on a string", where: [{ field: "organisationUnit", op: "eq", value: "IT" }], expected: ["p02", "p03", "p04", "p08"] },
  { op: "eq", title: "eq null matches a missing field", where: [{ field: "organisationUnit", op: "eq", value: null }], expected: ["p06"] },
  { op: "eq", title: "eq on a number", where: [{ field: "power", op: "eq", value: 3 }], expected: ["p02", "p05"] },
  { op: "ne", title: "ne includes records missing the field", where: [{ field: "organisationUnit", op: "ne", value: "IT" }], expected: ["p01", "p05", "p06", "p07"] },
  { op: "in", title: "in a list", where: [{ field: "organisationUnit", op: "in", value: ["Sales", "Finance"] }], expected: ["p01", "p05"] },
  { op: "lt", title: "lt on a number", where: [{ field: "power", op: "lt", value: 3 }], expected: ["p03", "p04", "p07"] },
  { op: "lte", title: "lte on a number", where: [{ field: "power", op: "lte", value: 3 }], expected: ["p02", "p03", "p04", "p05", "p07"] },
  { op: "gt", title: "gt on a number", where: [{ field: "power", op: "gt", value: 3 }], expected: ["p01", "p06", "p08"] },
  { op: "gte", title: "gte on a number", where: [{ field: "power", op: "gte", value: 4 }], expected: ["p01", "p06", "p08"] },
  { op: "lt", title: "lt on a string orders by code unit", where: [{ field: "name", op: "lt", value: "Chen Wei" }], expected: ["p01", "p02"] },
  { op: "gte", title: "gte on a string never matches a missing field", where: [{ field: "organisationUnit", op: "gte", value: "Sales" }], expected: ["p01", "p07"] },
  { op: "contains", title: "contains on an array", where: [{ field: "roles", op: "contains", value: "developer" }], expected: ["p03", "p08"] },
  { op: "startsWith", title: "startsWith on a string", where: [{ field: "name", op: "startsWith", value: "Da" }], expected: ["p04"] },
  // JSON arrays have no fields: `roles.length` is missing (six people have one role, two have two — none match 1).
  { op: "eq", title: "a path through an array is a missing field, not the array's length", where: [{ field: "roles.length", op: "eq", value: 1 }], expected: [] },
  { op: "eq", title: "a path through an array equals null", where: [{ field: "roles.length", op: "eq", value: null }], expected: ["p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08"] },
  {
    op: "eq",
    title: "conditions combine with AND",
    where: [
      { field: "organisationUnit", op: "eq", value: "IT" },
      { field: "power", op: "gte", value: 3 },
    ],
    expected: ["p02", "p08"],
  },
];

async function load(adapter: StorageAdapter): Promise<void> {
  for (const p of FILTER_PEOPLE) await adapter.store("person").insert(p);
}

function opTests(): ConformanceTest[] {
  return CASES.map((c) => ({
    name: `${c.title} (${c.op})`,
    async run(adapter) {
      const declared = adapter.capabilities.filterOps;
      const ops = c.where.map((w) => w.op);
      await load(adapter);
      if (!ops.every((o) => declared.includes(o))) {
        // An undeclared operator must be refused, never silently ignored.
        await expectPmoError(() => adapter.store("person").list({ where: c.where, limit: 50 }), "unsupported-capability", `undeclared ${c.op}`);
        return;
      }
      const page = await adapter.store("person").list({ where: c.where, limit: 50 });
      const ids = page.items.map((r) => r.id).sort();
      check(ids.join() === c.expected.join(), `${c.title}: expected [${c.expected.join(", ")}], got [${ids.join(", ")}]`);
    },
  }));
}

/** @internal Every declared filter operator, with hand-derived expected matches; undeclared ones are refused. */
export const filtersSuite: ConformanceSuite = {
  name: "filters",
  tests: [
    ...opTests(),
    {
      name: "a filtered query pages without gaps",
      async run(adapter) {
        if (!adapter.capabilities.filterOps.includes("ne")) return;
        await load(adapter);
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: readonly { id: string }[]; nextCursor: string | null } = await adapter
            .store("person")
            .list({ where: [{ field: "organisationUnit", op: "ne", value: "IT" }], limit: 1, cursor });
          seen.push(...page.items.map((r) => r.id));
          cursor = page.nextCursor;
        } while (cursor);
        check(seen.join() === "p01,p05,p06,p07", `filtered pages must list p01,p05,p06,p07 once each, got ${seen.join()}`);
      },
    },
    {
      name: "strings compare by code point (U+FF21 before U+1F600) in filters, ordering, cursors and ids",
      async run(adapter) {
        // By UTF-16 code unit 😀 (0xD83D 0xDE00) would sort before Ａ (0xFF21) and � (0xFFFD); by code point it sorts after.
        const names = ["😀 grin", "\uFF21 fullwidth", "z", "\uFFFD replacement"];
        for (const [i, name] of names.entries()) await adapter.store("person").insert(personRecord(`cp-${Array.from(name)[0] as string}`, { name, power: i }));
        const ids = async (query: Omit<ListQuery, "cursor">): Promise<string[]> => {
          const out: string[] = [];
          let cursor: string | null = null;
          do {
            const page: { items: readonly StoredRecord[]; nextCursor: string | null } = await adapter.store("person").list({ ...query, cursor });
            out.push(...page.items.map((r) => r["name"] as string));
            cursor = page.nextCursor;
          } while (cursor);
          return out;
        };
        const ordered = ["z", "\uFF21 fullwidth", "\uFFFD replacement", "😀 grin"];
        checkSame(await ids({ limit: 1, orderBy: { field: "name" } }), ordered, "ordered by name, one record a page");
        checkSame(await ids({ limit: 2, orderBy: { field: "name", direction: "desc" } }), [...ordered].reverse(), "ordered by name, descending");
        checkSame(await ids({ limit: 1 }), ordered, "ordered by id (the ids start with the same characters)");
        if (adapter.capabilities.filterOps.includes("lt")) {
          checkSame(await ids({ limit: 10, orderBy: { field: "name" }, where: [{ field: "name", op: "lt", value: "😀" }] }), ordered.slice(0, 3), "name lt 😀");
        }
        if (adapter.capabilities.filterOps.includes("gt")) {
          checkSame(await ids({ limit: 10, orderBy: { field: "name" }, where: [{ field: "name", op: "gt", value: "\uFFFF" }] }), ordered.slice(3), "name gt U+FFFF");
        }
      },
    },
    {
      name: "numbers beyond 2^53 compare as the numbers they are (JSON writes 2^60 as 1152921504606847000)",
      async run(adapter) {
        // JSON.stringify prints the shortest digits that read back as the same double; as an integer those digits are
        // another number (1152921504606847000 ≠ 2^60 = 1152921504606846976), which a database must not compare instead.
        const powers = [-41377198696136470, 3, 2 ** 60, 2 ** 60 + 2 ** 8, 2942537069320679000, 1e21];
        for (const [i, power] of powers.entries()) await adapter.store("person").insert(personRecord(`big-${i}`, { power }));
        if (adapter.capabilities.filterOps.includes("eq")) {
          for (const [i, power] of powers.entries()) {
            const found = (await adapter.store("person").list({ limit: 10, where: [{ field: "power", op: "eq", value: power }] })).items.map((r) => r.id);
            checkSame(found, [`big-${i}`], `power eq ${power}`);
          }
        }
        if (adapter.capabilities.filterOps.includes("gte")) {
          const found = (await adapter.store("person").list({ limit: 10, where: [{ field: "power", op: "gte", value: 2 ** 60 }] })).items.map((r) => r.id);
          checkSame(found, ["big-2", "big-3", "big-4", "big-5"], "power gte 2^60");
        }
        for (const direction of ["asc", "desc"] as const) {
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const page: { items: readonly StoredRecord[]; nextCursor: string | null } = await adapter.store("person").list({ limit: 1, orderBy: { field: "power", direction }, cursor });
            seen.push(...page.items.map((r) => r.id));
            cursor = page.nextCursor;
            check(seen.length <= powers.length, `ordered by power ${direction}: pages repeat records (${seen.join()})`);
          } while (cursor);
          const expected = powers.map((_, i) => `big-${i}`);
          checkSame(seen, direction === "asc" ? expected : expected.reverse(), `ordered by power ${direction}, one record a page`);
        }
      },
    },
    {
      name: "every operator in the port is either declared or refused",
      async run(adapter) {
        for (const op of adapter.capabilities.filterOps) {
          check(ALL_FILTER_OPS.includes(op), `declared filter op ${JSON.stringify(op)} is not part of the port`);
        }
      },
    },
  ],
};
