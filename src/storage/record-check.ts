import { ValidationError } from "../core/errors.js";
import type { StoredRecord } from "./port.js";

/**
 * What an adapter stores for a record: a deep, frozen copy of its JSON value, with `version` set (default: the
 * record's own). It refuses, with a ValidationError at the field's path, what is not a storable record: an id that
 * is not a non-empty string, a version that is not an integer ≥ 1, and any value that is not JSON — a non-finite
 * number, a bigint, a function or symbol, an object that is neither a plain object nor an array (a Date, a Map, a
 * class instance), `undefined` or a hole in an array, or nesting deeper than 100 (a cycle is infinitely deep). An
 * `undefined` property is left out (absent, as in JSON) and `-0` is stored as `0` (JSON has no `-0`), so every
 * adapter stores and returns what a JSON column would. Every pmokit adapter calls it on each write; a custom adapter
 * may too.
 *
 * @example
 * ```ts
 * storableRecord({ id: "p-1", version: 1, createdAt: t, updatedAt: t, power: -0 }).power; // 0
 * storableRecord({ id: "p-1", version: 1, createdAt: t, updatedAt: t, at: new Date() });  // ValidationError at ["at"]
 * ```
 */
export function storableRecord(record: StoredRecord, version = record?.version): StoredRecord {
  const path: (string | number)[] = [];
  const fail = (at: (string | number)[], what = "is not a JSON value"): never => {
    throw ValidationError.single(at, `a stored record's field ${what}`, "stored record");
  };
  if (typeof record?.id != "string" || !record.id) fail(["id"], "id is a non-empty string");
  if (!Number.isSafeInteger(record.version) || record.version < 1) fail(["version"], "version is an integer ≥ 1");
  // `path` is the stack of keys down to `v`. Undefined reaches here only from an array (an object's undefined
  // properties are left out, and Array.from reads a hole as undefined), where it is refused.
  const copy = (v: unknown, k?: string | number): unknown => {
    if (k !== undefined) path.push(k);
    const t = typeof v;
    const proto = v && t == "object" && path.length <= 100 && (Array.isArray(v) || Object.getPrototypeOf(v));
    const out =
      v === null || t == "string" || t == "boolean" ? v
      : t == "number" && isFinite(v as number) ? (v as number) || 0
      : proto === true ? Object.freeze(Array.from(v as unknown[], (x, i) => copy(x, i)))
      : proto === Object.prototype || proto === null
        // fromEntries defines keys (a "__proto__" key stays a key, as JSON.parse makes it).
        ? Object.freeze(Object.fromEntries(Object.entries(v as object).flatMap(([key, x]) => (x === undefined ? [] : [[key, copy(x, key)]]))))
        : fail([...path]);
    if (k !== undefined) path.pop();
    return out;
  };
  return Object.freeze({ ...(copy(record) as StoredRecord), version });
}
