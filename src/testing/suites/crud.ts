import { createRepository } from "../../storage/repository.js";
import { createUuidV7Generator } from "../../core/ids.js";
import { check, checkSame, expectPmoError } from "../assert.js";
import { personRecord, T0 } from "../fixtures.js";
import type { ConformanceSuite } from "../types.js";
import type { StoredRecord } from "../../storage/port.js";

/** @internal CRUD: insert, get, getMany, update (compare-and-set), delete, isolation of returned values. */
export const crudSuite: ConformanceSuite = {
  name: "crud",
  tests: [
    {
      name: "insert returns the record and get returns it unchanged",
      async run(adapter) {
        const store = adapter.store("person");
        const rec = personRecord("crud-1", { name: "Ana Costa", power: 4, organisationUnit: "Sales" });
        checkSame(await store.insert(rec), rec, "insert must return the stored record");
        checkSame(await store.get("crud-1"), rec, "get must return what was inserted");
      },
    },
    {
      name: "get of a missing id returns null",
      async run(adapter) {
        check((await adapter.store("person").get("nobody")) === null, "get of a missing id must return null");
      },
    },
    {
      name: "getMany keeps the order of the ids and returns null for missing ones",
      async run(adapter) {
        const store = adapter.store("person");
        await store.insert(personRecord("gm-a"));
        await store.insert(personRecord("gm-b"));
        const got = await store.getMany(["gm-b", "missing", "gm-a"]);
        check(got.length === 3, "getMany must return one entry per id");
        check(got[0]?.id === "gm-b" && got[1] === null && got[2]?.id === "gm-a", "getMany must keep order with nulls");
      },
    },
    {
      name: "update with the current version writes version + 1",
      async run(adapter) {
        const store = adapter.store("person");
        await store.insert(personRecord("up-1"));
        const next = await store.update({ ...personRecord("up-1"), name: "Renamed" }, { expectedVersion: 1 });
        check(next.version === 2, `update must return version 2, got ${next.version}`);
        const got = await store.get("up-1");
        check(got?.version === 2 && got["name"] === "Renamed", "the update must be stored with version 2");
      },
    },
    {
      name: "update with a stale version throws VersionConflictError and changes nothing",
      async run(adapter) {
        const store = adapter.store("person");
        await store.insert(personRecord("up-2"));
        await store.update({ ...personRecord("up-2"), name: "First" }, { expectedVersion: 1 });
        await expectPmoError(
          () => store.update({ ...personRecord("up-2"), name: "Stale" }, { expectedVersion: 1 }),
          "version-conflict",
          "update with a stale version",
        );
        const got = await store.get("up-2");
        check(got?.version === 2 && got["name"] === "First", "a failed update must leave the record unchanged");
      },
    },
    {
      name: "update of a missing record throws VersionConflictError",
      async run(adapter) {
        await expectPmoError(
          () => adapter.store("person").update(personRecord("ghost"), { expectedVersion: 1 }),
          "version-conflict",
          "update of a missing record",
        );
        check((await adapter.store("person").get("ghost")) === null, "update must not create a record");
      },
    },
    {
      name: "delete removes the record and reports whether it existed",
      async run(adapter) {
        const store = adapter.store("person");
        await store.insert(personRecord("del-1"));
        check((await store.delete("del-1")) === true, "delete of an existing record must return true");
        check((await store.get("del-1")) === null, "a deleted record must be gone");
        check((await store.delete("del-1")) === false, "delete of a missing record must return false");
      },
    },
    {
      name: "delete with an expected version deletes only that version",
      async run(adapter) {
        const store = adapter.store("person");
        await store.insert(personRecord("del-2"));
        await store.update(personRecord("del-2"), { expectedVersion: 1 });
        await expectPmoError(() => store.delete("del-2", { expectedVersion: 1 }), "version-conflict", "delete with a stale version");
        check((await store.get("del-2"))?.version === 2, "a refused delete must leave the record");
        check((await store.delete("del-2", { expectedVersion: 2 })) === true, "delete with the current version must succeed");
      },
    },
    {
      name: "an expectedVersion that is not the stored version number (the string \"1\", 1.5, NaN, null, 2^53) never matches: update and delete throw VersionConflictError, nothing written",
      async run(adapter) {
        // Before, the SQL adapters let the database convert it: "1" matched version 1 (and stored version "1" + 1 =
        // "11", a string), and PostgreSQL failed on 1.5, NaN and 2^53 with an untyped storage-failure.
        const store = adapter.store("person");
        await store.insert(personRecord("ev-1", { name: "Kept" }));
        for (const bad of ["1", 1.5, Number.NaN, null, 2 ** 53] as unknown as number[]) {
          const label = typeof bad === "string" ? `"${bad}"` : String(bad);
          await expectPmoError(() => store.update(personRecord("ev-1", { name: "Changed" }), { expectedVersion: bad }), "version-conflict", `update with expectedVersion ${label}`);
          await expectPmoError(() => store.delete("ev-1", { expectedVersion: bad }), "version-conflict", `delete with expectedVersion ${label}`);
          const now = await store.get("ev-1");
          check(now?.version === 1 && now["name"] === "Kept", `expectedVersion ${label}: the record must be unchanged, got ${JSON.stringify(now)}`);
        }
      },
    },
    {
      name: "kinds are separate: the same id in two kinds are two records",
      async run(adapter) {
        await adapter.store("person").insert(personRecord("shared-id"));
        check((await adapter.store("project").get("shared-id")) === null, "a person must not be visible as a project");
      },
    },
    {
      name: "changing a returned record does not change what is stored",
      async run(adapter) {
        const store = adapter.store("person");
        await store.insert(personRecord("alias-1", { name: "Original" }));
        const got = (await store.get("alias-1")) as Record<string, unknown>;
        try {
          got["name"] = "Mutated";
          (got["roles"] as string[]).push("sponsor");
        } catch {
          // a returned record is frozen (the kit checks it below): the writes throw in strict mode
        }
        const again = await store.get("alias-1");
        check(again?.["name"] === "Original", "mutating a returned record must not change the stored one");
        checkSame(again?.["roles"], ["developer"], "mutating a returned array must not change the stored one");
      },
    },
    {
      name: "every record an adapter returns is deeply frozen (insert, update, get, getMany, list, and inside a transaction), and the caller's own object is neither frozen nor kept",
      async run(adapter) {
        // One behaviour whatever the adapter: before, the memory adapter returned frozen records and the SQL adapters
        // mutable ones from get, getMany and list (frozen ones from insert and update), so `rec.name = "x"` threw on one
        // adapter and silently changed a copy nobody saves on another.
        const deepFrozen = (v: unknown): boolean =>
          v === null || typeof v !== "object" || (Object.isFrozen(v) && Object.values(v as object).every(deepFrozen));
        const store = adapter.store("person");
        const mine = { ...personRecord("frozen-1"), address: { lines: ["1 Quay St"], geo: { lat: 1.5 } } } as StoredRecord;
        const returned: [string, unknown][] = [["insert", await store.insert(mine)]];
        check(!Object.isFrozen(mine) && !Object.isFrozen(mine["address"]), "insert must not freeze the caller's object");
        (mine["address"] as { lines: string[] }).lines.push("changed after insert");
        returned.push(["update", await store.update({ ...personRecord("frozen-1"), address: { lines: ["2 Quay St"] } }, { expectedVersion: 1 })]);
        returned.push(["get", await store.get("frozen-1")], ["getMany", (await store.getMany(["frozen-1", "frozen-1"]))[1]]);
        returned.push(["list", (await store.list({ limit: 10 })).items[0]]);
        if (adapter.capabilities.transactions === "interactive" && adapter.transaction) {
          await adapter.transaction(async (tx) => {
            const s = tx.store("person");
            returned.push(["insert in a transaction", await s.insert(personRecord("frozen-2"))], ["get in a transaction", await s.get("frozen-1")]);
            returned.push(["list in a transaction", (await s.list({ limit: 10 })).items[1]]);
          });
        }
        for (const [how, rec] of returned) check(rec && deepFrozen(rec), `the record returned by ${how} must be deeply frozen, got a mutable ${JSON.stringify(rec)}`);
        checkSame((await store.get("frozen-1"))?.["address"], { lines: ["2 Quay St"] }, "the record must be stored as written");
        await store.insert({ ...mine, id: "frozen-3" });
        (mine["address"] as { lines: string[] }).lines.length = 0;
        checkSame((await store.get("frozen-3"))?.["address"], { lines: ["1 Quay St", "changed after insert"], geo: { lat: 1.5 } }, "changing the caller's object after insert must not change the stored record");
      },
    },
    {
      name: "a repository write that fails validation leaves the store exactly as before",
      async run(adapter) {
        const repo = createRepository(adapter, "person", { ids: createUuidV7Generator() });
        await repo.create({ id: "valid-1", name: "Valid", roles: ["qa"] });
        const before = await adapter.store("person").list({ limit: 100 });
        await expectPmoError(
          () => repo.create({ id: "bad-1", name: "", roles: ["not-a-role"] } as never),
          "validation",
          "create with invalid fields",
        );
        const valid = await repo.require("valid-1");
        await expectPmoError(() => repo.update({ ...valid, power: 9 }), "validation", "update with invalid fields");
        checkSame(await adapter.store("person").list({ limit: 100 }), before, "a failed write must change nothing");
      },
    },
  ],
};

/** @internal Ids: caller-supplied ids are stored as given; generated ids work. */
export const idsSuite: ConformanceSuite = {
  name: "ids",
  tests: [
    {
      name: "ids given by the caller are stored exactly as given",
      async run(adapter) {
        const store = adapter.store("person");
        const uuid = createUuidV7Generator()();
        const ids = [uuid, "REQ-0001", "prj.crm:2027", "a".repeat(128), "abc", "ABC", "0"];
        for (const id of ids) await store.insert(personRecord(id));
        for (const id of ids) check((await store.get(id))?.id === id, `id ${JSON.stringify(id)} must round-trip exactly`);
        const page = await store.list({ limit: 100 });
        check(page.items.length === ids.length, "ids that differ only in case must be distinct records");
      },
    },
    {
      name: "an id of up to 255 characters is stored in every adapter; a longer one is refused with ValidationError at [\"id\"], nothing written",
      async run(adapter) {
        const store = adapter.store("person");
        // 255 characters (code points: MariaDB's VARCHAR(255) counts characters, so 255 emoji fit as well as 255 ASCII).
        const longest = ["i".repeat(255), "😀".repeat(255)];
        for (const id of longest) await store.insert(personRecord(id));
        for (const id of longest) check((await store.get(id))?.id === id, `an id of 255 characters (${id.slice(0, 2)}…) must round-trip exactly`);
        // Before: memory, SQLite and PostgreSQL stored 256 characters, MariaDB failed with a storage-constraint error.
        for (const id of ["i".repeat(256), "😀".repeat(256)]) {
          const e = await expectPmoError(() => store.insert(personRecord(id)), "validation", `an id of 256 characters (${id.slice(0, 2)}…)`);
          checkSame((e as { issues?: readonly { path: unknown }[] }).issues?.[0]?.path, ["id"], "the refusal names the id");
          check((await store.get(id)) === null, "a refused id must not be stored");
        }
      },
    },
    {
      name: "createdAt and updatedAt are stored as given, whatever their length (the document holds them)",
      async run(adapter) {
        const store = adapter.store("person");
        // A raw record's instants are strings like any field; before, MariaDB refused more than 64 characters.
        const rec = { ...personRecord("long-instants"), createdAt: `${T0} ${"x".repeat(80)}`, updatedAt: "y".repeat(300) };
        await store.insert(rec);
        checkSame(await store.get("long-instants"), rec, "the record must come back as written");
      },
    },
    {
      name: "a repository generates an id when none is given",
      async run(adapter) {
        const repo = createRepository(adapter, "person");
        const a = await repo.create({ name: "Generated A", roles: ["qa"] });
        const b = await repo.create({ name: "Generated B", roles: ["qa"] });
        check(a.id !== b.id, "generated ids must be unique");
        check((await repo.require(a.id)).name === "Generated A", "a generated id must find its record");
      },
    },
  ],
};

/** @internal Duplicate ids are refused without touching the existing record. */
export const duplicatesSuite: ConformanceSuite = {
  name: "duplicates",
  tests: [
    {
      name: "inserting an existing id throws DuplicateIdError and keeps the original",
      async run(adapter) {
        const store = adapter.store("person");
        await store.insert(personRecord("dup-1", { name: "Original" }));
        await expectPmoError(() => store.insert(personRecord("dup-1", { name: "Intruder" })), "duplicate-id", "duplicate insert");
        check((await store.get("dup-1"))?.["name"] === "Original", "a refused insert must not overwrite the record");
      },
    },
    {
      name: "concurrent inserts of one id: exactly one wins",
      async run(adapter) {
        const store = adapter.store("person");
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => store.insert(personRecord("dup-race", { name: `Racer ${i}` }))),
        );
        const won = results.filter((r) => r.status === "fulfilled").length;
        check(won === 1, `exactly one concurrent insert must win, ${won} did`);
      },
    },
  ],
};
