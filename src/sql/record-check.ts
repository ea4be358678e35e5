import { ValidationError } from "../core/errors.js";
import type { StoredRecord } from "../storage/port.js";

/**
 * @internal Refuses what is not a storable record, on the SQL adapters: an id that is not a non-empty
 * string, a version that is not an integer ≥ 1, and any value that is not JSON — a non-finite number, a bigint,
 * a function or symbol, an object that is neither a plain object nor an array (a Date, a Map), an array hole, or
 * nesting deeper than 100 (a cycle is infinitely deep). The SQL adapters used to coerce these silently, as
 * JSON.stringify does (NaN → null, a Date → its ISO text, a Map → {}, a function dropped). An `undefined` property
 * counts as absent, as in JSON. (The memory adapter keeps such values as given — a structured clone — and checks
 * only id and version: the root bundle has no room for this walk.)
 */
export function checkStoredRecord(record: StoredRecord): void {
  const fail = (path: (string | number)[], what = "is not a JSON value") => {
    throw ValidationError.single(path, `a stored record's field ${what}`, "stored record");
  };
  if (typeof record?.id != "string" || !record.id) fail(["id"], "id is a non-empty string");
  if (!Number.isSafeInteger(record.version) || record.version < 1) fail(["version"], "version is an integer ≥ 1");
  const walk = (v: unknown, path: (string | number)[], array?: boolean): void => {
    if (v === undefined ? array : !(v === null || typeof v == "string" || typeof v == "boolean" || (typeof v == "number" && isFinite(v)))) {
      const proto = typeof v == "object" && Object.getPrototypeOf(v);
      const isArray = Array.isArray(v);
      if (!(isArray || proto === Object.prototype || proto === null) || path.length > 100) fail(path);
      // Array.from reads holes as undefined, which an array may not hold.
      for (const [k, x] of isArray ? Array.from(v).entries() : Object.entries(v as object)) walk(x, [...path, k], isArray);
    }
  };
  walk(record, []);
}
