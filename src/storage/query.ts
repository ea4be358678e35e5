import { UnsupportedCapabilityError, ValidationError } from "../core/errors.js";
import { checkArguments } from "../core/guard.js";
import { codePointOrder } from "../core/code-points.js";
import { unstorableText } from "../core/codecs/text.js";
import type { Capabilities, ListQuery, StoredRecord, Where } from "./port.js";
import { storableText } from "./record-check.js";

/*
 * Query semantics shared by adapters that evaluate queries in JavaScript (the memory adapter) and helpers every
 * adapter may reuse (query validation, cursor encoding), so that all adapters agree on what a query means.
 */

/** A JSON scalar: what filters compare and cursors record. */
export type Scalar = string | number | boolean | null;

/**
 * Reads a dot path from a wire record; `undefined` when any step is missing. Only own properties of objects are
 * read, so a path such as `__proto__.polluted` finds nothing, and an array has no fields (`roles.length` is missing,
 * as in SQL's JSON paths).
 *
 * @example
 * ```ts
 * fieldValue({ budget: { currency: "EUR" } } as never, "budget.currency"); // "EUR"
 * ```
 */
export function fieldValue(record: StoredRecord, path: string): unknown {
  // Inline, allocation-free checks: these two run once per record (and field) when the memory adapter filters and sorts.
  if (typeof path !== "string") throw ValidationError.single(["path"], "expected a field path string", "fieldValue");
  let cur: unknown = record;
  for (const key of path.split(".")) {
    // Only a plain object has fields: an array's `length` (or an index) is no field of JSON, as SQL's paths read it.
    if (cur === null || typeof cur !== "object" || Array.isArray(cur) || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/**
 * Orders two JSON scalars: `null`/missing first, then booleans, numbers, strings; numbers numerically, strings by
 * code point ({@link compareCodePoints}). Returns -1, 0 or 1.
 *
 * @example
 * ```ts
 * compareScalars("2026-01-02", "2026-01-10"); // -1
 * ```
 */
export function compareScalars(a: unknown, b: unknown): -1 | 0 | 1 {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (ra === 0 || ra === 4) return 0;
  if (ra === 3) return codePointOrder(a as string, b as string);
  const x = a as string | number | boolean;
  const y = b as string | number | boolean;
  return x < y ? -1 : x > y ? 1 : 0;
}

function rank(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === "boolean") return 1;
  if (typeof v === "number") return 2;
  if (typeof v === "string") return 3;
  return 4; // objects and arrays sort last and compare equal among themselves
}

function sameType(a: unknown, b: unknown): boolean {
  return (typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string");
}

/**
 * True when the record satisfies one condition (see `FilterOp` for the semantics).
 *
 * @example
 * ```ts
 * matchesWhere(record, { field: "status", op: "in", value: ["open", "in-progress"] });
 * ```
 */
export function matchesWhere(record: StoredRecord, where: Where): boolean {
  if (typeof where !== "object" || where === null) throw ValidationError.single(["where"], "expected a condition object", "matchesWhere");
  const v = fieldValue(record, where.field);
  const norm = v === undefined ? null : v;
  const w = where.value;
  switch (where.op) {
    case "eq":
      return norm === w;
    case "ne":
      return norm !== w;
    case "in":
      return Array.isArray(w) && (w as readonly Scalar[]).includes(norm as Scalar);
    case "lt":
      return sameType(v, w) && compareScalars(v, w) < 0;
    case "lte":
      return sameType(v, w) && compareScalars(v, w) <= 0;
    case "gt":
      return sameType(v, w) && compareScalars(v, w) > 0;
    case "gte":
      return sameType(v, w) && compareScalars(v, w) >= 0;
    case "contains":
      return Array.isArray(v) && v.includes(w);
    case "startsWith":
      return typeof v === "string" && typeof w === "string" && v.startsWith(w);
  }
}

const FIELD_PATH = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

/**
 * The bounds of a list query every adapter accepts — and refuses beyond, with a ValidationError, alike: they keep a
 * query inside every database's statement limits (SQLite's 32,766 and PostgreSQL's 65,535 bound parameters).
 *
 * @example
 * ```ts
 * const chunks = Math.ceil(ids.length / LIST_QUERY_LIMITS.maxInValues); // query a long id list in chunks
 * ```
 */
export const LIST_QUERY_LIMITS = Object.freeze({
  /** Most values in one `in` operand. */
  maxInValues: 1000,
  /** Most conditions in one `where`. */
  maxConditions: 20,
});

/** A JSON scalar a database can hold: numbers must be finite (NaN and ±Infinity have no JSON or SQL form). */
function isOperandScalar(x: unknown): boolean {
  return x === null || typeof x === "string" || typeof x === "boolean" || (typeof x === "number" && Number.isFinite(x));
}

/**
 * Checks a query against an adapter's capabilities before it runs.
 *
 * @throws {UnsupportedCapabilityError} for a filter operator the adapter does not declare.
 * @throws {ValidationError} for a limit outside 1…maxPageSize, a malformed field path or operand (NaN and ±Infinity
 *   included), or a query beyond {@link LIST_QUERY_LIMITS}.
 * @example
 * ```ts
 * validateListQuery("memory", capabilities, { limit: 50, where: [{ field: "status", op: "eq", value: "open" }] });
 * ```
 */
export function validateListQuery(adapter: string, capabilities: Capabilities, query: ListQuery): void {
  checkArguments("validateListQuery", { adapter: [adapter, "string"], capabilities: [capabilities, "object"], query: [query, "object"] });
  checkArguments("validateListQuery", { filterOps: [capabilities.filterOps, "array"] });
  checkListQuery(adapter, capabilities, query);
}

/**
 * @internal `validateListQuery` for an adapter's own name and capabilities (the memory adapter's): the caller's query
 * is checked, the adapter's arguments are not.
 *
 * @example
 * ```ts
 * checkListQuery("memory", capabilities, { limit: 0 }); // throws: limit must be an integer from 1 to 1000
 * ```
 */
export function checkListQuery(adapter: string, capabilities: Capabilities, query: ListQuery): void {
  checkArguments("validateListQuery", { query: [query, "object"] });
  const { limit } = query;
  if (!Number.isInteger(limit) || limit < 1 || limit > capabilities.maxPageSize) {
    throw ValidationError.single(["limit"], `limit must be an integer from 1 to ${capabilities.maxPageSize}`, "list query");
  }
  const where = query.where ?? [];
  if (!Array.isArray(where) || where.length > LIST_QUERY_LIMITS.maxConditions) {
    throw ValidationError.single(["where"], `where takes at most ${LIST_QUERY_LIMITS.maxConditions} conditions`, "list query");
  }
  where.forEach((w, i) => {
    checkArguments("validateListQuery", { [`where[${i}]`]: [w, "object"] });
    if (!capabilities.filterOps.includes(w.op)) throw new UnsupportedCapabilityError(adapter, `filter.${w.op}`);
    if (typeof w.field !== "string" || !FIELD_PATH.test(w.field)) {
      throw ValidationError.single(["where", i, "field"], `${JSON.stringify(w.field)} is not a field path`, "list query");
    }
    if (w.op === "in" && Array.isArray(w.value) && w.value.length > LIST_QUERY_LIMITS.maxInValues) {
      throw ValidationError.single(
        ["where", i, "value"],
        `\`in\` takes at most ${LIST_QUERY_LIMITS.maxInValues} values (got ${w.value.length}); split the query`,
        "list query",
      );
    }
    const ok = w.op === "in" ? Array.isArray(w.value) && w.value.every(isOperandScalar) : isOperandScalar(w.value);
    if (!ok) {
      throw ValidationError.single(
        ["where", i, "value"],
        w.op === "in"
          ? "`in` takes an array of strings, finite numbers, booleans or null"
          : "operand must be a string, a finite number, a boolean or null",
        "list query",
      );
    }
    // Text no record holds (NUL, a lone surrogate; refused on write): PostgreSQL fails on it, so every adapter refuses it.
    const texts = w.op === "in" ? (w.value as readonly unknown[]) : [w.value];
    const j = texts.findIndex((x) => typeof x === "string" && !storableText(x));
    if (j >= 0) {
      const at = w.op === "in" ? ["where", i, "value", j] : ["where", i, "value"];
      throw ValidationError.single(at, `operand ${unstorableText(texts[j] as string)}: no stored text has it`, "list query");
    }
  });
  if (query.orderBy && (typeof query.orderBy.field !== "string" || !FIELD_PATH.test(query.orderBy.field))) {
    throw ValidationError.single(["orderBy", "field"], "not a field path", "list query");
  }
  if (query.orderBy?.direction !== undefined && !["asc", "desc"].includes(query.orderBy.direction)) {
    throw ValidationError.single(["orderBy", "direction"], "direction is asc or desc", "list query");
  }
}

/** A keyset position: the sort value and id of the last record of a page. */
export interface CursorPosition {
  /** Sort-field value of the last record (`null` when missing). */
  readonly value: Scalar;
  /** Id of the last record. */
  readonly id: string;
}

/**
 * Encodes a keyset position as an opaque, URL-safe cursor string.
 *
 * @example
 * ```ts
 * const c = encodeCursor({ value: "2026-03-01", id: "prj-7" });
 * decodeCursor(c); // { value: "2026-03-01", id: "prj-7" }
 * ```
 */
export function encodeCursor(position: CursorPosition): string {
  checkArguments("encodeCursor", { position: [position, "object"] });
  checkArguments("encodeCursor", { id: [position.id, "string"] });
  return cursorOf(position);
}

// encodeCursor without its argument guards, for pageOf (its position is a record's id and sort value); the value's
// check stays, as a stored record handed to pageOf directly may hold one no cursor can carry.
function cursorOf(position: CursorPosition): string {
  if (!isOperandScalar(position.value)) throw ValidationError.single(["position", "value"], "expected a string, a finite number, a boolean or null", "encodeCursor");
  const bytes = new TextEncoder().encode(JSON.stringify([position.value, position.id]));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Decodes a cursor made by {@link encodeCursor}.
 *
 * @throws {ValidationError} for a cursor that was not made by pmokit.
 * @example
 * ```ts
 * decodeCursor(page.nextCursor!);
 * ```
 */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const bin = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    // A finite sort value only: JSON reads 1e999 as Infinity, which MariaDB took for a column name.
    // And no text a record cannot hold (a forged NUL failed on PostgreSQL as an untyped storage-failure).
    const text = (v: unknown) => typeof v !== "string" || storableText(v);
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === "string" && isOperandScalar(parsed[0]) && text(parsed[0]) && text(parsed[1])) {
      return { value: parsed[0] as Scalar, id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw ValidationError.single(["cursor"], "not a cursor returned by this store", "list query");
}

/**
 * Sorts, seeks and slices records in memory with exactly the port's semantics: order by the sort field, then id
 * (strings by code point);
 * start strictly after the cursor position; return `limit` items and the next cursor.
 *
 * @example
 * ```ts
 * const page = pageOf(allMatching, { limit: 20, orderBy: { field: "updatedAt", direction: "desc" } });
 * ```
 */
export function pageOf(records: readonly StoredRecord[], query: ListQuery): { items: StoredRecord[]; nextCursor: string | null } {
  checkArguments("pageOf", { records: [records, "object[]"], query: [query, "object"] });
  return pageOfRecords(records, query);
}

/**
 * @internal `pageOf` without its argument guard, for the memory adapter (its records are stored ones, its query passed
 * validateListQuery).
 *
 * @example
 * ```ts
 * pageOfRecords(records, { limit: 2 }).items; // the first two records by id
 * ```
 */
export function pageOfRecords(records: readonly StoredRecord[], query: ListQuery): { items: StoredRecord[]; nextCursor: string | null } {
  const field = query.orderBy?.field ?? "id";
  const dir = query.orderBy?.direction === "desc" ? -1 : 1;
  const key = (r: StoredRecord): Scalar => {
    const v = fieldValue(r, field);
    return v === undefined || (v !== null && typeof v === "object") ? null : (v as Scalar);
  };
  const cmp = (av: Scalar, aid: string, bv: Scalar, bid: string) =>
    dir * (compareScalars(av, bv) || codePointOrder(aid, bid));
  let rows = records.map((r) => ({ r, v: key(r) }));
  rows.sort((a, b) => cmp(a.v, a.r.id, b.v, b.r.id));
  if (query.cursor) {
    const at = decodeCursor(query.cursor);
    rows = rows.filter((x) => cmp(x.v, x.r.id, at.value, at.id) > 0);
  }
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((x) => x.r),
    nextCursor: rows.length > query.limit && last ? cursorOf({ value: last.v, id: last.r.id }) : null,
  };
}
