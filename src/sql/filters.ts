import { sql, type RawBuilder } from "kysely";
import type { FilterOp, ListQuery, Where } from "../storage/port.js";
import { decodeCursor, type Scalar } from "../storage/query.js";
import type { DialectSql, JsonHandle } from "./dialect.js";
import { INDEXED_MAX_LENGTH } from "./schema.js";

/*
 * The port's query semantics (src/storage/query.ts) in SQL. Every predicate is NULL-free, so NOT/OR match
 * JavaScript. Ordering reproduces compareScalars: missing/null/objects first, then booleans, numbers, strings
 * (numbers numerically, strings by code point), then id — as three sort keys (rank, number, string) and the id.
 */

/** The operators the SQL adapter implements exactly, on every dialect. *
 * @example
 * ```ts
 * createSqlAdapter(db).capabilities.filterOps === SQL_FILTER_OPS; // true: all nine
 * ```
 */
export const SQL_FILTER_OPS: readonly FilterOp[] = ["eq", "ne", "in", "lt", "lte", "gt", "gte", "contains", "startsWith"];

type R = RawBuilder<unknown>;

function or(parts: R[], d: DialectSql): R {
  return parts.length === 0 ? d.falseLit : sql`(${sql.join(parts, sql` OR `)})`;
}

/** `value === w` for one JSON scalar operand, NULL-free. `missingIsNull` folds a missing field into null. */
function scalarEquals(h: JsonHandle, w: Scalar, d: DialectSql, missingIsNull: boolean): R {
  if (w === null) return missingIsNull ? sql`(${h.missing} OR COALESCE(${h.isNull}, ${d.falseLit}))` : sql`COALESCE(${h.isNull}, ${d.falseLit})`;
  if (typeof w === "boolean") return w ? sql`COALESCE(${h.isTrue}, ${d.falseLit})` : sql`COALESCE(${h.isBoolean} AND NOT ${h.isTrue}, ${d.falseLit})`;
  if (typeof w === "number") return sql`COALESCE(${h.num} = ${d.numParam(w)}, ${d.falseLit})`;
  return sql`COALESCE(${h.str} = ${d.strParam(w)}, ${d.falseLit})`;
}

const ORDERED: Record<string, string> = { lt: "<", lte: "<=", gt: ">", gte: ">=" };

/** Is this field a plain indexed column the condition can use exactly? (Strings of bounded length only.) */
function indexedString(w: Scalar): w is string {
  return typeof w === "string" && w.length <= INDEXED_MAX_LENGTH;
}

/** @internal One condition as a NULL-free SQL predicate. `columns` maps indexed field paths to column names. */
export function wherePredicate(where: Where, d: DialectSql, columns: ReadonlyMap<string, string>): R {
  const col = columns.get(where.field);
  const h = d.field(where.field);
  const w = where.value;
  switch (where.op) {
    case "eq":
      // An indexed column holds the field's value exactly when it is a string of at most INDEXED_MAX_LENGTH
      // characters, so an equal string is found there and nowhere else.
      if (col && indexedString(w as Scalar)) return sql`COALESCE(${sql.ref(col)} = ${d.strParam(w as string)}, ${d.falseLit})`;
      return scalarEquals(h, w as Scalar, d, true);
    case "ne":
      if (col && indexedString(w as Scalar)) return sql`NOT COALESCE(${sql.ref(col)} = ${d.strParam(w as string)}, ${d.falseLit})`;
      return sql`NOT ${scalarEquals(h, w as Scalar, d, true)}`;
    case "in": {
      const values = w as readonly Scalar[];
      if (col && values.length > 0 && values.every(indexedString)) {
        return sql`COALESCE(${sql.ref(col)} IN (${sql.join(values.map((v) => d.strParam(v as string)))}), ${d.falseLit})`;
      }
      // One flat IN list per type, not an OR per value: a thousand ORs exceed SQLite's expression depth.
      const strings = values.filter((v): v is string => typeof v === "string");
      const numbers = values.filter((v): v is number => typeof v === "number");
      const parts: R[] = [];
      if (strings.length) parts.push(sql`COALESCE(${h.str} IN (${sql.join(strings.map((v) => d.strParam(v)))}), ${d.falseLit})`);
      if (numbers.length) parts.push(sql`COALESCE(${h.num} IN (${sql.join(numbers.map((v) => d.numParam(v)))}), ${d.falseLit})`);
      for (const v of [true, false, null] as const) if (values.includes(v)) parts.push(scalarEquals(h, v, d, true));
      return or(parts, d);
    }
    case "lt":
    case "lte":
    case "gt":
    case "gte": {
      const op = sql.raw(ORDERED[where.op] as string);
      if (typeof w === "number") return sql`COALESCE(${h.num} ${op} ${d.numParam(w)}, ${d.falseLit})`;
      if (typeof w === "string") return sql`COALESCE(${h.str} ${op} ${d.strParam(w)}, ${d.falseLit})`;
      return d.falseLit; // booleans and null never match an ordered comparison
    }
    case "contains":
      return sql`COALESCE(${d.anyElement(where.field, (e) => scalarEquals(e, w as Scalar, d, false))}, ${d.falseLit})`;
    case "startsWith":
      if (typeof w !== "string") return d.falseLit;
      return sql`COALESCE(${d.startsWith(h.str, w)}, ${d.falseLit})`;
  }
}

/**
 * @internal The sort keys of the order field: rank, number, string (see the note at the top) — the string as its
 * sort key (MariaDB: a prefix, see `SORT_PREFIX_LENGTH`) and as a whole value.
 */
export function sortKeys(field: string, d: DialectSql): { rank: R; num: R; str: R; strOrder: (dir: R) => R } {
  const h = d.field(field);
  return {
    rank: sql`(CASE WHEN ${h.isBoolean} THEN 1 WHEN ${h.isNumber} THEN 2 WHEN ${h.isString} THEN 3 ELSE 0 END)`,
    num: sql`(CASE WHEN ${h.isTrue} THEN 1 WHEN ${h.isBoolean} THEN 0 ELSE ${h.num} END)`,
    str: h.str,
    strOrder: (dir) => sql`${d.sortStr(h.str)} ${dir}`,
  };
}

/** @internal The rank of a cursor's sort value, as in compareScalars. */
export function rankOf(v: Scalar): 0 | 1 | 2 | 3 {
  return v === null ? 0 : typeof v === "boolean" ? 1 : typeof v === "number" ? 2 : 3;
}

/** @internal ORDER BY and the keyset seek (strictly after the cursor) of a list query. */
export function orderAndSeek(query: ListQuery, d: DialectSql): { order: R; seek: R | null; prefix: R } {
  const field = query.orderBy?.field ?? "id";
  const desc = query.orderBy?.direction === "desc";
  const dir = sql.raw(desc ? "DESC" : "ASC");
  const after = sql.raw(desc ? "<" : ">");
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (field === "id") {
    // The id column holds the id (always a string): a plain keyset on the primary key.
    return {
      prefix: sql``,
      order: sql`id ${dir}`,
      seek: cursor ? sql`id ${after} ${d.strParam(String(cursor.id))}` : null,
    };
  }
  const k = sortKeys(field, d);
  const order = sql`${k.rank} ${dir}, ${k.num} ${dir}, ${k.strOrder(dir)}, id ${dir}`;
  const prefix = d.orderedSelectPrefix;
  if (!cursor) return { order, seek: null, prefix };
  const r = rankOf(cursor.value);
  const idAfter = sql`id ${after} ${d.strParam(cursor.id)}`;
  let within: R;
  if (r === 0) within = idAfter;
  else if (r === 3) {
    const s = d.strParam(cursor.value as string);
    within = sql`(${k.str} ${after} ${s} OR (${k.str} = ${s} AND ${idAfter}))`;
  } else {
    const n = d.numParam(r === 1 ? (cursor.value ? 1 : 0) : (cursor.value as number));
    within = sql`(${k.num} ${after} ${n} OR (${k.num} = ${n} AND ${idAfter}))`;
  }
  return { prefix, order, seek: sql`(${k.rank} ${after} ${sql.lit(r)} OR (${k.rank} = ${sql.lit(r)} AND ${within}))` };
}
