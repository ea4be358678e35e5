import { ValidationError } from "../core/errors.js";
import { unstorableText } from "../core/codecs/text.js";
import { MAX_RECORD_VERSION } from "../core/record-version.js";
import type { StoredRecord } from "./port.js";

/**
 * The longest id a record store keeps, in characters (code points): MariaDB's `VARCHAR(255)` id column, and so every
 * adapter's limit (repository ids are at most 128 ASCII characters).
 *
 * @example
 * ```ts
 * [...id].length <= MAX_STORED_ID_LENGTH; // storable in every adapter
 * ```
 */
export const MAX_STORED_ID_LENGTH = 255;

// NUL or any surrogate code unit: only then is the full check (which tells pairs from lone ones) run.
const SUSPECT = /[\u0000\ud800-\udfff]/;

/**
 * @internal True when every database stores `text` as given: no NUL (PostgreSQL's text refuses it) and no lone UTF-16
 * surrogate (PostgreSQL's JSON operators then fail on the whole table) — the rule the entity codecs apply
 * (`unstorableText`), so an id that fails it was never stored.
 *
 * @example
 * ```ts
 * storableText("Müller 😀"); // true
 * storableText("a\u0000b"); // false
 * ```
 */
export function storableText(text: string): boolean {
  return !SUSPECT.test(text) || unstorableText(text) === null;
}

/**
 * What an adapter stores for a record: a deep, frozen copy of its JSON value, with `version` set (default: the
 * record's own). It refuses, with a ValidationError at the field's path, what is not a storable record: an id that
 * is not a non-empty string of at most 255 characters, a version that is not an integer from 1 to 2,147,483,647 (the 32-bit `INTEGER` column
 * of the PostgreSQL and MariaDB tables; an update past it too), and any value that is not JSON — a non-finite
 * number, a bigint, a function or symbol, an object that is neither a plain object nor an array (a Date, a Map, a
 * class instance), `undefined` or a hole in an array, nesting deeper than 100 (a cycle is infinitely deep), or text
 * (a string, a key, the id) with NUL or a lone UTF-16 surrogate (see `storableText`). An
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
  const fail = (what = "is not a JSON value", at = path): never => {
    throw ValidationError.single(at, `a stored record's field ${what}`, "stored record");
  };
  if (typeof record?.id != "string" || !record.id) fail("id is a non-empty string", ["id"]);
  if (!storableText(record.id)) fail(`id ${unstorableText(record.id)}`, ["id"]);
  // One id length in every adapter: MariaDB's id column is VARCHAR(255), counted in characters (code points).
  if (record.id.length > MAX_STORED_ID_LENGTH && [...record.id].length > MAX_STORED_ID_LENGTH) {
    fail(`id has at most ${MAX_STORED_ID_LENGTH} characters`, ["id"]);
  }
  // One range in every adapter: past 2^31 − 1 the SQL servers' INTEGER column fails with an untyped driver error.
  const own = record.version;
  if (!Number.isInteger(own) || own < 1 || own > MAX_RECORD_VERSION || (Number.isSafeInteger(version) && version > MAX_RECORD_VERSION)) {
    fail(`version is an integer from 1 to ${MAX_RECORD_VERSION}`, ["version"]);
  }
  // `path[0 … d − 1]` holds the keys down to `v`. Undefined reaches here only from an array (an object's undefined
  // properties are left out, and a hole reads as undefined), where it is refused.
  const copy = (v: unknown, d: number): unknown => {
    const t = typeof v;
    let out: unknown = v;
    path.length = d;
    if (t == "number") out = isFinite(v as number) ? (v as number) || 0 : fail();
    else if (t == "string") storableText(v as string) || fail(unstorableText(v as string) as string);
    else if (v !== null && t != "boolean") {
      const proto = t == "object" && d <= 100 && (Array.isArray(v) || Object.getPrototypeOf(v));
      if (proto === true) {
        // Plain loops, not Object.entries/Array.from with callbacks: five times faster on a record of 1,000 values.
        const a: unknown[] = (out = []);
        for (let i = 0; i < (v as unknown[]).length; i++) {
          path[d] = i;
          a.push(copy((v as unknown[])[i], d + 1));
        }
      } else if (proto === Object.prototype || proto === null) {
        const entries: [string, unknown][] = [];
        for (const key of Object.keys(v as object)) {
          const x = (v as Record<string, unknown>)[key];
          path[d] = key;
          if (!storableText(key)) fail(`name ${unstorableText(key)}`);
          if (x !== undefined) entries.push([key, copy(x, d + 1)]);
        }
        // fromEntries defines keys (a "__proto__" key stays a key, as JSON.parse makes it).
        out = Object.fromEntries(entries);
      } else fail();
    }
    return Object.freeze(out);
  };
  return Object.freeze({ ...(copy(record, 0) as StoredRecord), version });
}
