import { isPmoError } from "../../core/errors.js";
import type { ListQuery, StorageAdapter, StoredRecord } from "../../storage/port.js";
import { createRepository } from "../../storage/repository.js";
import { check, checkSame } from "../assert.js";
import { personRecord, T0 } from "../fixtures.js";
import type { ConformanceSuite } from "../types.js";

/*
 * Keys: what makes two ids the same record, and in which order ids come back. Databases disagree here by default —
 * MariaDB's utf8mb4 collations are case- and accent-insensitive (and pad trailing spaces), PostgreSQL sorts by the
 * server's locale (ICU or glibc), SQLite by bytes — so the port defines both: ids are equal only when they are the
 * same sequence of code points (no case folding, no Unicode normalisation, no padding), and strings order by code
 * point (the byte order of their UTF-8), ids included.
 */

/**
 * Ids that a case-, accent-, width-, padding- or normalisation-insensitive comparison would merge: each must be its
 * own record. The comment names the pair each entry is kept apart from.
 */
const DISTINCT_IDS: readonly string[] = [
  "a", "A", // case only
  "e", "é", "e\u0301", "E", "É", // accent; NFC U+00E9 vs NFD e + U+0301
  "Å", "\u212B", "A\u030A", // Å U+00C5, the Ångström sign U+212B, and A + combining ring: one glyph, three ids
  "ss", "ß", "SS", "ẞ", // German sharp s and its capital
  "i", "I", "ı", "İ", // Turkish dotless and dotted i
  "ﬁ", "fi", // ligature U+FB01
  "Ａ", "𝐀", // fullwidth A U+FF21, mathematical bold A U+1D400 (astral)
  "😀", "😁", "👍", "👍🏽", // emoji, astral; with a skin-tone modifier
  "x", "x ", "x  ", "x\u200b", // trailing spaces (MariaDB's PAD SPACE collations drop them), zero-width space
  "한", "\u1112\u1161\u11ab", // Hangul syllable vs its conjoining jamo (NFD)
];

/**
 * Ids in code point order, written out by hand (code points in the comment): the one order every adapter returns
 * them in. A locale collation would order "a" next to "A", "é" next to "e", and "10" after "9" in some locales;
 * JavaScript's `<` (UTF-16 code units) would put "😀" before "Ａ".
 */
const ORDERED_IDS: readonly string[] = [
  "-x", //  U+002D
  "10", //  U+0031 U+0030
  "9", //   U+0039
  "A", //   U+0041
  "B", //   U+0042
  "Z", //   U+005A
  "_x", //  U+005F
  "a", //   U+0061 (a prefix sorts before its extensions)
  "a ", //  U+0061 U+0020
  "aa", //  U+0061 U+0061
  "b", //   U+0062
  "e\u0301", // U+0065 U+0301
  "z", //   U+007A
  "ä", //   U+00E4
  "é", //   U+00E9
  "Ａ", //  U+FF21
  "😀", //  U+1F600 (UTF-16 D83D DE00: JavaScript's `<` would put it before U+FF21)
];

/** A fixed shuffle of ORDERED_IDS, so insertion order says nothing about the expected order. */
const SHUFFLED = [9, 3, 14, 0, 16, 7, 11, 5, 1, 13, 8, 15, 2, 12, 6, 10, 4].map((i) => ORDERED_IDS[i] as string);

async function walk(adapter: StorageAdapter, query: Omit<ListQuery, "cursor">): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { items: readonly StoredRecord[]; nextCursor: string | null } = await adapter.store("person").list({ ...query, cursor });
    out.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
    check(++pages < 200, "pagination must terminate");
  } while (cursor);
  return out;
}

const show = (ids: readonly string[]) => JSON.stringify(ids);

/** @internal Keys: identity and order of ids (Unicode, case, normalisation) and concurrent creates of one id. */
export const keysSuite: ConformanceSuite = {
  name: "keys",
  tests: [
    {
      name: "ids that differ only in case, accents, normalisation form, width or trailing spaces are distinct records",
      async run(adapter) {
        const store = adapter.store("person");
        check(SHUFFLED.length === ORDERED_IDS.length && new Set(SHUFFLED).size === ORDERED_IDS.length, "the kit's own shuffle must be a permutation");
        const records = DISTINCT_IDS.map((id, i) => personRecord(id, { name: `Person ${i}`, power: i % 5 }));
        for (const r of records) {
          try {
            await store.insert(r);
          } catch (e) {
            const clash = isPmoError(e, "duplicate-id") ? "DuplicateIdError: the adapter merged it with another id" : String(e);
            throw new Error(`insert of id ${JSON.stringify(r.id)} failed (${clash})`);
          }
        }
        for (const r of records) checkSame(await store.get(r.id), r, `get(${JSON.stringify(r.id)}) must return its own record`);
        checkSame(await store.getMany(DISTINCT_IDS), records, "getMany must return each id's own record");
        const listed = await walk(adapter, { limit: 7 });
        check(listed.length === DISTINCT_IDS.length, `list must return ${DISTINCT_IDS.length} records, got ${listed.length}: ${show(listed)}`);
        // Writes touch one id only.
        await store.update({ ...(records[0] as StoredRecord), name: "Only a" }, { expectedVersion: 1 });
        check((await store.get("A"))?.["name"] === "Person 1", "updating \"a\" must not change \"A\"");
        check((await store.delete("é")) === true, "delete of \"é\" must remove it");
        check((await store.get("e\u0301"))?.["name"] === "Person 4", "deleting NFC \"é\" must leave NFD \"e\\u0301\"");
        check((await store.get("e"))?.version === 1 && (await store.get("É")) !== null, "deleting \"é\" must leave \"e\" and \"É\"");
        check((await store.delete("x ")) === true && (await store.get("x")) !== null && (await store.get("x  ")) !== null, "deleting \"x \" must leave \"x\" and \"x  \"");
        // Filters compare ids exactly too.
        const byId = await store.list({ where: [{ field: "id", op: "in", value: ["a", "ss", "i"] }], limit: 10 });
        checkSame(byId.items.map((r) => r.id), ["a", "i", "ss"], "in over ids must match exactly those ids");
      },
    },
    {
      name: "list orders ids by code point, on every page, both directions",
      async run(adapter) {
        for (const id of SHUFFLED) await adapter.store("person").insert(personRecord(id));
        for (const limit of [1, 4, 100]) {
          const asc = await walk(adapter, { limit });
          checkSame(asc, ORDERED_IDS, `ids ascending (limit ${limit})`);
          const desc = await walk(adapter, { limit, orderBy: { field: "id", direction: "desc" } });
          checkSame(desc, [...ORDERED_IDS].reverse(), `ids descending (limit ${limit})`);
        }
      },
    },
    {
      name: "ordering by a text field uses the same code point order, ties broken by id",
      async run(adapter) {
        // name = the id's text; two records share each name, so the id tie-break shows too.
        for (const [i, text] of SHUFFLED.entries()) {
          await adapter.store("person").insert(personRecord(`k${String(i).padStart(2, "0")}a`, { name: text, organisationUnit: text }));
          await adapter.store("person").insert(personRecord(`k${String(i).padStart(2, "0")}b`, { name: text, organisationUnit: text }));
        }
        const expected = ORDERED_IDS.flatMap((text) => {
          const i = String(SHUFFLED.indexOf(text)).padStart(2, "0");
          return [`k${i}a`, `k${i}b`];
        });
        for (const field of ["name", "organisationUnit"]) {
          checkSame(await walk(adapter, { limit: 3, orderBy: { field } }), expected, `ordered by ${field} ascending`);
          checkSame(await walk(adapter, { limit: 5, orderBy: { field, direction: "desc" } }), [...expected].reverse(), `ordered by ${field} descending`);
        }
        // Range filters agree with the order: everything before "a" in code point order.
        const before = await walk(adapter, { limit: 50, where: [{ field: "name", op: "lt", value: "a" }], orderBy: { field: "name" } });
        checkSame(before, expected.slice(0, 2 * ORDERED_IDS.indexOf("a")), "name lt \"a\"");
      },
    },
    {
      name: "ordering by a text field compares whole strings: strings equal in their first 4,096 characters too, on every page",
      async run(adapter) {
        // Every name starts with the same 4,096 characters (MariaDB's sort keys were cut there: it ordered these six
        // by id). Code point order after that prefix, by hand: nothing < "a…" < "b" < "x…a" < "x…b" < "😀" (U+1F600).
        // The ids run the other way, so a tie broken by id shows as the reverse order.
        const p = "x".repeat(4096);
        const texts = [p, `${p}a${"z".repeat(900)}`, `${p}b`, `${p}${"x".repeat(904)}a`, `${p}${"x".repeat(904)}b`, `${p}😀`];
        const ids = texts.map((_, i) => `long-${6 - i}`);
        for (const i of [3, 0, 5, 1, 4, 2]) await adapter.store("person").insert(personRecord(ids[i] as string, { name: texts[i] as string }));
        for (const limit of [1, 2, 100]) {
          checkSame(await walk(adapter, { limit, orderBy: { field: "name" } }), ids, `ordered by name ascending (limit ${limit})`);
          checkSame(await walk(adapter, { limit, orderBy: { field: "name", direction: "desc" } }), [...ids].reverse(), `ordered by name descending (limit ${limit})`);
        }
        const after = await walk(adapter, { limit: 2, where: [{ field: "name", op: "gt", value: texts[2] as string }], orderBy: { field: "name" } });
        checkSame(after, ids.slice(3), "name gt the third string, ascending");
      },
    },
    {
      name: "own __proto__, constructor and prototype keys in a record are stored as data and come back as own keys",
      async run(adapter) {
        // JSON.parse makes "__proto__" an own data property, as a record read from a file or a request would have it.
        const record = JSON.parse(
          '{"id":"proto-1","version":1,"createdAt":"2026-01-05T09:00:00.000Z","updatedAt":"2026-01-05T09:00:00.000Z","name":"Proto","roles":["qa"],"skills":[],"active":true,' +
            '"__proto__":{"polluted":"top"},"constructor":{"prototype":{"polluted":"ctor"}},"prototype":"p","extra":{"__proto__":{"polluted":"nested"},"toString":"t"}}',
        ) as StoredRecord;
        const store = adapter.store("person");
        await store.insert(record);
        const ownKeys = (v: unknown) => (v && typeof v === "object" ? Object.keys(v).sort() : []);
        for (const got of [await store.get("proto-1"), (await store.getMany(["proto-1"]))[0], (await store.list({ limit: 5 })).items[0]]) {
          checkSame(got, record, "the record must come back with every key");
          check(Object.getPrototypeOf(got) === Object.prototype, "a returned record's prototype must stay Object.prototype");
          checkSame(ownKeys(got), ownKeys(record), "__proto__ must come back as an own key");
          checkSame(ownKeys((got as Record<string, unknown>)["extra"]), ["__proto__", "toString"], "a nested __proto__ must come back as an own key");
        }
        check(({} as Record<string, unknown>)["polluted"] === undefined, "Object.prototype must not be polluted");
        const updated = await store.update({ ...record, name: "Proto 2" }, { expectedVersion: 1 });
        check(updated.version === 2 && ownKeys(await store.get("proto-1")).includes("__proto__"), "an update must keep the own __proto__ key");
        const byField = await store.list({ where: [{ field: "prototype", op: "eq", value: "p" }], limit: 5 });
        checkSame(byField.items.map((r) => r.id), ["proto-1"], "a filter on a field named prototype must read the record's own field");
        const none = await store.list({ where: [{ field: "constructor", op: "eq", value: null }], limit: 5 });
        checkSame(none.items.map((r) => r.id), [], "constructor is the record's own object here, not null");
      },
    },
    {
      name: "concurrent creates of one id: exactly one wins, every other gets DuplicateIdError, the stored record is the winner's",
      async run(adapter) {
        const repo = createRepository(adapter, "person", { clock: () => T0 });
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) => repo.create({ id: "REQ-race", name: `Racer ${i}`, roles: ["qa"] })),
        );
        const won = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof repo.create>>> => r.status === "fulfilled");
        const dup = results.filter((r) => r.status === "rejected" && isPmoError(r.reason, "duplicate-id"));
        check(won.length === 1, `exactly one create must win, ${won.length} did`);
        check(dup.length === 7, `the other 7 must get DuplicateIdError, ${dup.length} did: ${results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)).join("; ")}`);
        const stored = await repo.require("REQ-race");
        check(stored.name === (won[0] as PromiseFulfilledResult<{ name: string }>).value.name && stored.version === 1, "the stored record must be the winner's, at version 1");
        // Case-only different ids created at the same time are two records.
        const pair = await Promise.allSettled([repo.create({ id: "req-race", name: "Lower", roles: ["qa"] }), repo.create({ id: "Req-Race", name: "Mixed", roles: ["qa"] })]);
        check(pair.every((r) => r.status === "fulfilled"), `"req-race" and "Req-Race" must both be created beside "REQ-race": ${pair.map((r) => r.status === "rejected" ? String(r.reason) : "ok").join("; ")}`);
        checkSame((await repo.getMany(["REQ-race", "req-race", "Req-Race"])).map((p) => p?.name), [stored.name, "Lower", "Mixed"], "each case variant keeps its own record");
      },
    },
    {
      name: "concurrent transactions creating one id: one commits, the other fails with DuplicateIdError and none of its writes land",
      async run(adapter) {
        if (adapter.capabilities.transactions !== "interactive" || !adapter.transaction) return;
        const run = (who: string) =>
          adapter.transaction!(async (tx) => {
            await tx.store("person").insert(personRecord(`side-${who}`));
            // Let the other transaction start before either inserts the shared id.
            await new Promise((r) => setTimeout(r, 20));
            await tx.store("person").insert(personRecord("tx-race", { name: who }));
            return who;
          });
        const results = await Promise.allSettled([run("one"), run("two")]);
        const won = results.filter((r): r is PromiseFulfilledResult<string> => r.status === "fulfilled");
        const lost = results.filter((r) => r.status === "rejected");
        check(won.length === 1, `exactly one transaction must commit, ${won.length} did`);
        check(lost.length === 1 && isPmoError((lost[0] as PromiseRejectedResult).reason, "duplicate-id"), `the other must fail with DuplicateIdError, got ${lost.map((r) => String((r as PromiseRejectedResult).reason)).join("; ")}`);
        const winner = (won[0] as PromiseFulfilledResult<string>).value;
        const loser = winner === "one" ? "two" : "one";
        check((await adapter.store("person").get("tx-race"))?.["name"] === winner, "the stored record must be the committed transaction's");
        check((await adapter.store("person").get(`side-${winner}`)) !== null, "the winner's other write must land");
        check((await adapter.store("person").get(`side-${loser}`)) === null, "none of the failed transaction's writes may land");
      },
    },
  ],
};
