import { isPmoError } from "../../core/errors.js";
import { createMemoryAdapter } from "../../storage/memory-adapter.js";
import type { ListQuery, StorageAdapter, StoredRecord, Where } from "../../storage/port.js";
import { LIST_QUERY_LIMITS } from "../../storage/query.js";
import { createRepository } from "../../storage/repository.js";
import { check, checkSame, ConformanceFailure, expectPmoError } from "../assert.js";
import { personRecord, T0 } from "../fixtures.js";
import type { ConformanceSuite } from "../types.js";

/*
 * Inputs a hostile or careless caller sends (issue 15): quotes and backslashes, huge `in` lists, non-finite numbers,
 * text a database cannot hold, unusual but valid text. Each answer must equal the reference adapter's, or be a
 * typed refusal.
 */

/** Strings that break out of a badly escaped SQL string literal (client-side escaping under NO_BACKSLASH_ESCAPES). */
const HOSTILE = ["it's", 'say "hi"', "back\\slash", "\\'; DROP TABLE pmokit_person; --", "'\\'", "\\\\", "`tick`", "%_", "a\\nb", "\\u0041"];

/** Every page of a query, in order. */
async function walk(adapter: StorageAdapter, query: Omit<ListQuery, "cursor">): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { items: readonly StoredRecord[]; nextCursor: string | null } = await adapter.store("person").list({ ...query, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
    check(++pages < 500, "pagination must terminate");
  } while (cursor);
  return out;
}

/** The ids the reference adapter answers for the same records and query. */
async function referenceIds(records: readonly StoredRecord[], query: Omit<ListQuery, "cursor">): Promise<string[]> {
  const memory = createMemoryAdapter();
  for (const r of records) await memory.store("person").insert(r);
  return (await walk(memory, query)).map((r) => r.id);
}

/** Unusual but valid text: astral characters, combining marks, right-to-left scripts, LIKE wildcards, long strings. */
const UNUSUAL = [
  "😀 rocket", "😀", "😁 grin", "e\u0301cole", "école", "e", "שלום עולם", "مرحبا بالعالم", "100% done", "100_ done", "100x done",
  "a_b", "a%b", "axb", "Straße", "STRASSE", "ǅungla", `${"x".repeat(5000)}y`, `${"x".repeat(5000)}z`, "x", "", " lead", "trail ",
];
const PREFIXES = ["😀", "e", "e\u0301", "é", "ש", "م", "100%", "100_", "a_", "a%", "%", "_", "x".repeat(4999), "x".repeat(5000), "Stra", ""];

const refusals = (e: unknown) => isPmoError(e, "validation");

/** @internal Hostile and unusual input: the answer of the reference adapter, or a typed refusal. */
export const hostileInputSuite: ConformanceSuite = {
  name: "hostile-input",
  tests: [
    {
      name: "issue 15 #1: ids and filter strings with quotes and backslashes round-trip exactly",
      async run(adapter) {
        const store = adapter.store("person");
        const records = HOSTILE.map((s, i) => personRecord(s, { name: s, organisationUnit: `unit ${s}`, power: i }));
        for (const r of records) checkSame(await store.insert(r), r, `insert of id ${JSON.stringify(r.id)}`);
        for (const r of records) checkSame(await store.get(r.id), r, `get of id ${JSON.stringify(r.id)} must return it unchanged`);
        checkSame(await store.getMany(HOSTILE), records, "getMany of hostile ids must return each record unchanged");
        for (const s of HOSTILE) {
          const query = { where: [{ field: "name", op: "eq", value: s } as Where], limit: 50 };
          check((await walk(adapter, query)).map((r) => r.id).join("|") === s, `eq on name ${JSON.stringify(s)} must find exactly that record`);
          const prefix = { where: [{ field: "organisationUnit", op: "startsWith", value: `unit ${s}` } as Where], limit: 50 };
          const found = (await walk(adapter, prefix)).map((r) => r.id);
          checkSame(found, await referenceIds(records, prefix), `startsWith ${JSON.stringify(`unit ${s}`)}`);
        }
        const all = await walk(adapter, { where: [{ field: "name", op: "in", value: HOSTILE }], limit: 3, orderBy: { field: "name" } });
        checkSame(all.map((r) => r.id), await referenceIds(records, { where: [{ field: "name", op: "in", value: HOSTILE }], limit: 3, orderBy: { field: "name" } }), "in over hostile strings, ordered by name");
        const first = records[0] as StoredRecord;
        const updated = await store.update({ ...first, name: "it''s \\\\ fine" }, { expectedVersion: 1 });
        check(updated.version === 2 && (await store.get(first.id))?.["name"] === "it''s \\\\ fine", "update of a hostile id must store the new text exactly");
        for (const s of HOSTILE) check((await store.delete(s)) === true, `delete of id ${JSON.stringify(s)} must remove it`);
        check((await store.list({ limit: 50 })).items.length === 0, "every hostile record must be gone, and nothing else touched");
      },
    },
    {
      name: "issue 15 #1: the repository refuses malformed ids in get, require, getMany and delete",
      async run(adapter) {
        const repo = createRepository(adapter, "person", { clock: () => T0 });
        await repo.create({ id: "kept", name: "Kept", roles: ["qa"] });
        for (const bad of ["it's", "back\\slash", "", "__proto__", "a b"]) {
          await expectPmoError(() => repo.get(bad), "validation", `get(${JSON.stringify(bad)})`);
          await expectPmoError(() => repo.require(bad), "validation", `require(${JSON.stringify(bad)})`);
          await expectPmoError(() => repo.getMany(["kept", bad]), "validation", `getMany([…, ${JSON.stringify(bad)}])`);
          await expectPmoError(() => repo.delete(bad), "validation", `delete(${JSON.stringify(bad)})`);
        }
        check((await repo.get("kept"))?.name === "Kept", "the valid record must be untouched");
      },
    },
    {
      name: `issue 15 #2: \`in\` with ${LIST_QUERY_LIMITS.maxInValues} values answers exactly; longer lists answer exactly or are refused with ValidationError`,
      async run(adapter) {
        const records = Array.from({ length: 30 }, (_, i) => personRecord(`in-${String(i).padStart(2, "0")}`, { name: `Name ${i}`, power: i }));
        for (const r of records) await adapter.store("person").insert(r);
        const wanted = (n: number) => Array.from({ length: n }, (_, i) => (i % 97 === 0 ? `Name ${(i / 97) % 30}` : `absent ${i}`));
        const atLimit = { where: [{ field: "name", op: "in", value: wanted(LIST_QUERY_LIMITS.maxInValues) } as Where], limit: 50 };
        checkSame((await walk(adapter, atLimit)).map((r) => r.id), await referenceIds(records, atLimit), `in with ${LIST_QUERY_LIMITS.maxInValues} strings`);
        const numbers = { where: [{ field: "power", op: "in", value: Array.from({ length: LIST_QUERY_LIMITS.maxInValues }, (_, i) => i * 3) } as Where], limit: 50 };
        checkSame((await walk(adapter, numbers)).map((r) => r.id), await referenceIds(records, numbers), `in with ${LIST_QUERY_LIMITS.maxInValues} numbers`);
        for (const n of [LIST_QUERY_LIMITS.maxInValues + 1, 70_000]) {
          const query = { where: [{ field: "name", op: "in", value: wanted(n) } as Where], limit: 50 };
          // The reference answer by hand: the records whose name is in the list, in id order.
          const names = new Set(wanted(n));
          const expected = records.filter((r) => names.has(r["name"] as string)).map((r) => r.id);
          try {
            checkSame((await walk(adapter, query)).map((r) => r.id), expected, `in with ${n} values`);
          } catch (e) {
            if (e instanceof ConformanceFailure) throw e;
            check(refusals(e), `in with ${n} values must answer exactly or throw ValidationError, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
          }
        }
      },
    },
    {
      name: "issue 15 #3: NaN and ±Infinity operands are refused with ValidationError",
      async run(adapter) {
        await adapter.store("person").insert(personRecord("nan-1", { power: 3 }));
        for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
          for (const op of adapter.capabilities.filterOps) {
            const where = { field: "power", op, value: op === "in" ? [1, value] : value } as Where;
            await expectPmoError(() => adapter.store("person").list({ where: [where], limit: 10 }), "validation", `${op} ${String(value)}`);
          }
        }
      },
    },
    {
      name: "a forged cursor whose sort value is not a finite number (JSON 1e999 reads as Infinity) is refused with ValidationError",
      async run(adapter) {
        for (let i = 0; i < 3; i++) await adapter.store("person").insert(personRecord(`cur-${i}`, { power: i }));
        const forge = (json: string) => btoa(json).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
        for (const json of ['[1e999,"cur-1"]', '[-1e999,"cur-1"]']) {
          await expectPmoError(
            () => adapter.store("person").list({ limit: 5, orderBy: { field: "power" }, cursor: forge(json) }),
            "validation",
            `cursor ${json}`,
          );
        }
      },
    },
    {
      name: "issue 15 #4 / issue 12 #9: NUL and lone surrogates are refused by the codec with their path, nothing written",
      async run(adapter) {
        const repo = createRepository(adapter, "person", { clock: () => T0 });
        const cases: { name: string; skills?: string[]; path: string }[] = [
          { name: "lone \ud800 surrogate", path: "name" },
          { name: "trailing \udc00", path: "name" },
          { name: "reversed \udc00\ud800 pair", path: "name" },
          { name: "nul \u0000 inside", path: "name" },
        ];
        for (const c of cases) {
          const e = await expectPmoError(() => repo.create({ id: "bad-text", name: c.name, roles: ["qa"] }), "validation", `name ${JSON.stringify(c.name)}`);
          const paths = ((e as { issues?: { path: (string | number)[] }[] }).issues ?? []).map((i) => i.path.join("."));
          check(paths.includes(c.path), `the issue must name the field ${c.path}, got [${paths.join(", ")}]`);
        }
        check((await adapter.store("person").get("bad-text")) === null, "a refused record must not be stored");
        const ok = await repo.create({ id: "good-text", name: "pair 😀 stays", roles: ["qa"] });
        check(ok.name === "pair 😀 stays", "a well-formed surrogate pair is text and must be accepted");
      },
    },
    {
      // Before: memory, SQLite and MariaDB stored such a record; PostgreSQL refused a NUL with an untyped
      // storage-failure, stored a lone surrogate — and then failed every filtered or ordered list of the kind
      // ("unsupported Unicode escape sequence"); a get/getMany/delete of a NUL id failed there too (null/false elsewhere).
      name: "NUL and lone surrogates written through the port are refused alike (ValidationError at the path, nothing stored); reads of such an id find nothing",
      async run(adapter) {
        const s = adapter.store("person");
        const bad = ["nul \u0000 inside", "lone \ud800 high", "lone \udc00 low"];
        for (const text of bad) {
          const cases: [string, StoredRecord, string][] = [
            ["id", personRecord(`id-${text}`), "id"],
            ["a field", personRecord("text-field", { name: text }), "name"],
            ["an array element", personRecord("text-array", { roles: ["qa", text] }), "roles.1"],
            ["a nested key", { ...personRecord("text-key"), extra: { [text]: 1 } } as StoredRecord, `extra.${text}`],
          ];
          for (const [where, record, path] of cases) {
            const e = await expectPmoError(() => s.insert(record), "validation", `${JSON.stringify(text)} in ${where}`);
            const paths = ((e as { issues?: { path: (string | number)[] }[] }).issues ?? []).map((i) => i.path.join("."));
            check(paths.includes(path), `${JSON.stringify(text)} in ${where}: the issue must name ${JSON.stringify(path)}, got ${JSON.stringify(paths)}`);
          }
          await s.insert(personRecord("text-ok", { name: "ok" }));
          const e = await expectPmoError(() => s.update(personRecord("text-ok", { name: text }), { expectedVersion: 1 }), "validation", `update to ${JSON.stringify(text)}`);
          check(e !== undefined && (await s.get("text-ok"))?.["name"] === "ok", "a refused update must change nothing");
          checkSame([await s.get(`id-${text}`), await s.getMany(["text-ok", `id-${text}`]).then((r) => r.map((x) => x?.id ?? null)), await s.delete(`id-${text}`)], [null, ["text-ok", null], false], `reads of the id ${JSON.stringify(`id-${text}`)}`);
          await expectPmoError(() => s.list({ limit: 5, where: [{ field: "name", op: "eq", value: text }] }), "validation", `a list operand ${JSON.stringify(text)}`);
          const forged = btoa(JSON.stringify([text, text])).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
          await expectPmoError(() => s.list({ limit: 5, orderBy: { field: "name" }, cursor: forged }), "validation", `a cursor holding ${JSON.stringify(text)}`);
          // Filtered and ordered lists over the kind still answer (nothing unreadable was stored).
          checkSame((await s.list({ limit: 5, where: [{ field: "name", op: "startsWith", value: "o" }], orderBy: { field: "name" } })).items.map((r) => r.id), ["text-ok"], "a filtered list after the refusals");
          check(await s.delete("text-ok"), "cleanup");
        }
      },
    },
    {
      name: "issue 15 #4: filters and ordering over unusual valid text give exactly the reference adapter's answers",
      async run(adapter) {
        const records = UNUSUAL.map((name, i) => personRecord(`u${String(i).padStart(2, "0")}`, { name, organisationUnit: name }));
        for (const r of records) await adapter.store("person").insert(r);
        const queries: Omit<ListQuery, "cursor">[] = [
          ...PREFIXES.map((p) => ({ where: [{ field: "name", op: "startsWith", value: p } as Where], limit: 7 })),
          ...PREFIXES.map((p) => ({ where: [{ field: "organisationUnit", op: "startsWith", value: p } as Where], limit: 50 })),
          ...UNUSUAL.map((v) => ({ where: [{ field: "name", op: "eq", value: v } as Where], limit: 50 })),
          ...UNUSUAL.map((v) => ({ where: [{ field: "organisationUnit", op: "eq", value: v } as Where], limit: 50 })),
          ...["é", "😀", "100_", "x", "ש"].flatMap((v) => (["lt", "gte"] as const).map((op) => ({ where: [{ field: "name", op, value: v } as Where], limit: 50 }))),
          { orderBy: { field: "name" }, limit: 4 },
          { orderBy: { field: "organisationUnit", direction: "desc" }, limit: 5 },
        ];
        for (const q of queries) {
          const declared = (q.where ?? []).every((w) => adapter.capabilities.filterOps.includes(w.op));
          if (!declared) continue; // undeclared operators are checked by the filters and capabilities suites
          const got = (await walk(adapter, q)).map((r) => r.id);
          checkSame(got, await referenceIds(records, q), `query ${JSON.stringify(q).slice(0, 200)}`);
        }
      },
    },
  ],
};
