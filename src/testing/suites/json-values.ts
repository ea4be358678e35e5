import type { StorageAdapter, StoredRecord, Where } from "../../storage/port.js";
import { check, expectPmoError } from "../assert.js";
import { personRecord } from "../fixtures.js";
import type { ConformanceSuite } from "../types.js";

/*
 * A stored record is JSON (the port's contract): what is not JSON is refused, not coerced, and a value JSON cannot
 * tell apart from another is stored as that other one. Before, the memory adapter kept any value a structured clone
 * keeps (NaN, a Date, a Map, undefined in an array, -0) while the SQL adapters refused the non-JSON values and
 * returned -0 as 0: the same write gave a different answer per adapter.
 */

class Point {
  constructor(readonly x: number) {}
}

/** @internal Values that are not JSON, with the path of the issue when stored in the `extra` field. */
export function nonJsonCases(): [label: string, value: unknown, path: (string | number)[]][] {
  return [
    ["NaN", Number.NaN, ["extra"]],
    ["Infinity", Number.POSITIVE_INFINITY, ["extra"]],
    ["-Infinity", Number.NEGATIVE_INFINITY, ["extra"]],
    ["a Date", new Date(0), ["extra"]],
    ["a Map", new Map([["k", 1]]), ["extra"]],
    ["a class instance", new Point(1), ["extra"]],
    ["a function", () => 1, ["extra"]],
    ["a bigint", 10n, ["extra"]],
    ["a symbol", Symbol("s"), ["extra"]],
    ["a nested NaN", { budget: { amount: Number.NaN } }, ["extra", "budget", "amount"]],
    ["undefined in an array", [1, undefined], ["extra", 1]],
    ["an array hole", [1, , 3], ["extra", 1]], // eslint-disable-line no-sparse-arrays
    ["a Date in an array", ["x", new Date(0)], ["extra", 1]],
  ];
}

const pathOf = (e: unknown) => (e as { issues?: { path?: unknown[] }[] }).issues?.[0]?.path;

async function refused(adapter: StorageAdapter, write: () => Promise<unknown>, label: string, path: (string | number)[]) {
  const e = await expectPmoError(write, "validation", label);
  check(JSON.stringify(pathOf(e)) === JSON.stringify(path), `${label}: the ValidationError must name the field ${JSON.stringify(path)}, got ${JSON.stringify(pathOf(e))}`);
  return adapter;
}

/** Every number of the record (recursively), so that a -0 anywhere shows. */
const numbers = (v: unknown): number[] =>
  typeof v === "number" ? [v] : v !== null && typeof v === "object" ? Object.values(v).flatMap(numbers) : [];

/** @internal Records are JSON: non-JSON values are refused with their path, -0 is stored as 0. */
export const jsonValuesSuite: ConformanceSuite = {
  name: "json-values",
  tests: [
    {
      name: "a field that is not JSON (NaN, ±Infinity, a Date, a Map, a class instance, a function, undefined in an array …) is refused with ValidationError at its path on insert and update, nothing written",
      async run(adapter) {
        const store = adapter.store("person");
        const kept = personRecord("json-1", { name: "Kept" });
        await store.insert(kept);
        for (const [label, value, path] of nonJsonCases()) {
          await refused(adapter, () => store.insert({ ...personRecord("json-2"), extra: value }), `insert with ${label}`, path);
          check((await store.get("json-2")) === null, `insert with ${label}: nothing may be stored`);
          await refused(adapter, () => store.update({ ...kept, extra: value }, { expectedVersion: 1 }), `update with ${label}`, path);
          const now = await store.get("json-1");
          check(now?.version === 1 && !("extra" in now), `update with ${label}: the record must be unchanged`);
        }
      },
    },
    {
      name: "inside a transaction a non-JSON field is refused the same way, and nothing of it is committed",
      async run(adapter) {
        if (adapter.capabilities.transactions !== "interactive" || !adapter.transaction) return;
        await adapter.transaction(async (tx) => {
          for (const [label, value, path] of nonJsonCases()) {
            await refused(tx, () => tx.store("person").insert({ ...personRecord("json-tx"), extra: value }), `insert in a transaction with ${label}`, path);
          }
          await tx.store("person").insert(personRecord("json-ok"));
        });
        check((await adapter.store("person").get("json-tx")) === null, "a refused record must not be committed");
        check((await adapter.store("person").get("json-ok"))?.id === "json-ok", "the transaction's valid write must be committed");
      },
    },
    {
      name: "an undefined property counts as absent, as in JSON: the record comes back without it",
      async run(adapter) {
        const store = adapter.store("person");
        const inserted = await store.insert({ ...personRecord("json-u"), extra: { gone: undefined, kept: 1 }, organisationUnit: undefined });
        for (const [label, r] of [["insert", inserted], ["get", await store.get("json-u")]] as const) {
          check(r !== null && !("organisationUnit" in r), `${label}: an undefined field must be absent`);
          const extra = (r as StoredRecord)["extra"] as Record<string, unknown>;
          check(!("gone" in extra) && extra["kept"] === 1, `${label}: an undefined nested field must be absent, the others kept`);
        }
      },
    },
    {
      name: "a version is an integer from 1 to 2,147,483,647 (the SQL servers' INTEGER column) in every adapter: past it, ValidationError at [\"version\"], nothing written",
      async run(adapter) {
        // Before: memory and SQLite stored version 2^31, PostgreSQL and MariaDB failed with an untyped storage-failure.
        const store = adapter.store("person");
        const top = await store.insert({ ...personRecord("ver-top"), version: 2147483647 });
        check(top.version === 2147483647 && (await store.get("ver-top"))?.version === 2147483647, "version 2147483647 must be stored and read back");
        for (const version of [2147483648, Number.MAX_SAFE_INTEGER, 0, 1.5]) {
          await refused(adapter, () => store.insert({ ...personRecord("ver-big"), version }), `insert with version ${version}`, ["version"]);
          check((await store.get("ver-big")) === null, `insert with version ${version}: nothing may be stored`);
        }
        // An update would write version 2^31: refused the same way, the record unchanged.
        await refused(adapter, () => store.update({ ...top, name: "Next" }, { expectedVersion: 2147483647 }), "update past version 2147483647", ["version"]);
        const now = await store.get("ver-top");
        check(now?.version === 2147483647 && now["name"] === top["name"], "the refused update must leave the record unchanged");
      },
    },
    {
      name: "-0 is stored as 0 (JSON has no -0): insert, update, get, getMany and list return 0, and eq 0 finds it",
      async run(adapter) {
        const store = adapter.store("person");
        const zeroes = (r: StoredRecord | null | undefined, label: string) => {
          check(r != null, `${label}: the record must be found`);
          // power, extra.n and extra.list[0]: three -0 written, three 0 expected (Object.is tells them apart).
          const ns = numbers({ power: r["power"], extra: r["extra"] });
          check(ns.length === 3 && ns.every((n) => Object.is(n, 0)), `${label}: -0 must come back as 0, got ${ns.map((n) => (Object.is(n, -0) ? "-0" : String(n))).join(", ")}`);
        };
        zeroes(await store.insert({ ...personRecord("neg-zero", { power: -0 }), extra: { n: -0, list: [-0] } }), "insert");
        zeroes(await store.get("neg-zero"), "get");
        zeroes((await store.getMany(["neg-zero"]))[0], "getMany");
        zeroes((await store.list({ limit: 10 })).items[0], "list");
        if (adapter.capabilities.filterOps.includes("eq")) {
          for (const value of [0, -0]) {
            const found = await store.list({ where: [{ field: "power", op: "eq", value } as Where], limit: 10 });
            check(found.items.length === 1, `eq ${Object.is(value, -0) ? "-0" : "0"} must find the record stored with -0`);
          }
        }
        const current = (await store.get("neg-zero")) as StoredRecord;
        zeroes(await store.update({ ...current, power: -0, extra: { n: -0, list: [-0] } }, { expectedVersion: 1 }), "update");
        zeroes(await store.get("neg-zero"), "get after update");
      },
    },
  ],
};
