import { ValidationError, type ValidationIssue } from "../core/errors.js";
import { decimalStringSchema, moneyCodec } from "../core/codecs.js";
import { DECIMAL_PATTERN, MAX_DECIMAL_LENGTH, PmoDecimal, toDecimalString } from "../core/decimal.js";
import type { Where } from "./port.js";
import { LIST_QUERY_LIMITS } from "./query.js";
import { defOf, walkFields } from "./schema-fields.js";

/*
 * Decimals are strings on the wire, and adapters compare strings by code point: "99.50" > "100.00", and "100" is not
 * "100.00". So the repository refuses ordered comparisons on decimal fields (a range over amounts is for Decimal
 * arithmetic after reading), and matches eq/ne/in on the value: the operand becomes every form the codecs store it
 * in — a plain decimal one form (toDecimalString), a money amount one per minor-unit count of ISO 4217 (0, 2, 3, 4).
 */

/** The decimal fields of an entity schema: dot path → the minor-unit counts its stored form may have. */
export type DecimalFields = ReadonlyMap<string, readonly number[]>;

const PLAIN = [0];
const MONEY = [0, 2, 3, 4];

/**
 * Reads the decimal fields and money amounts (`<field>.amount`) from an entity schema's shape, nested objects
 * included (`fxRate.rate`).
 *
 * @example
 * ```ts
 * decimalFieldsOf(entityKinds["cost-entry"].schema); // Map { "amount.amount" => [0, 2, 3, 4] }
 * ```
 */
export function decimalFieldsOf(schema: unknown): DecimalFields {
  const out = new Map<string, readonly number[]>();
  const moneyIn = defOf(moneyCodec)?.in;
  walkFields(schema, (path, s) => {
    const input = defOf(s)?.in;
    return input === decimalStringSchema ? !!out.set(path, PLAIN) : input === moneyIn && !!out.set(`${path}.amount`, MONEY);
  });
  return out;
}

const ORDERED = new Set(["lt", "lte", "gt", "gte"]);

/**
 * The conditions with decimal fields matched by value: ordered comparisons refused, `eq`/`in` operands widened to
 * every stored form of the value, `ne` split into one condition per form. `null` passes unchanged.
 *
 * @throws {ValidationError} at `["where", i, "op"]` for `lt`/`lte`/`gt`/`gte` on a decimal field, and at
 *   `["where", i, "value"]` (`[…, j]` inside `in`) for an operand that is not a decimal string, and at `["where"]` when
 *   the split `ne`s take the query past `LIST_QUERY_LIMITS.maxConditions`.
 * @example
 * ```ts
 * decimalWhere(decimalFieldsOf(schema), [{ field: "amount.amount", op: "eq", value: "100" }], "cost-entry");
 * // [{ field: "amount.amount", op: "in", value: ["100", "100.00", "100.000", "100.0000"] }]
 * ```
 */
export function decimalWhere(fields: DecimalFields, where: readonly Where[], subject: string): readonly Where[] {
  if (fields.size === 0 || !Array.isArray(where)) return where;
  const issues: ValidationIssue[] = [];
  const forms = (v: unknown, places: readonly number[], path: (string | number)[]): (string | null)[] => {
    if (v === null) return [null];
    if (typeof v !== "string" || v.length > MAX_DECIMAL_LENGTH || !DECIMAL_PATTERN.test(v)) {
      issues.push({ path, message: "a decimal field is matched by a decimal string like 1234.50 (no exponent)", code: "custom" });
      return [];
    }
    const d = new PmoDecimal(v);
    return [...new Set(places.map((p) => toDecimalString(d, p)))];
  };
  const out = where.flatMap((w: Where, i): Where[] => {
    const places = typeof w === "object" && w !== null && typeof w.field === "string" ? fields.get(w.field) : undefined;
    if (!places) return [w];
    if (ORDERED.has(w.op)) {
      issues.push({
        path: ["where", i, "op"],
        message: `${w.field} is a decimal, stored as text: ${w.op} would compare text ("99.50" after "100.00"); read the records and compare Decimals`,
        code: "custom",
      });
      return [];
    }
    if (w.op === "eq") return [{ field: w.field, op: "in", value: forms(w.value, places, ["where", i, "value"]) }];
    if (w.op === "ne") return forms(w.value, places, ["where", i, "value"]).map((value) => ({ field: w.field, op: "ne", value }));
    if (w.op === "in" && Array.isArray(w.value)) {
      const value = [...new Set((w.value as unknown[]).flatMap((v, j) => forms(v, places, ["where", i, "value", j])))];
      // The port's limit counts stored forms; the caller wrote amounts, so the refusal counts amounts.
      const most = Math.floor(LIST_QUERY_LIMITS.maxInValues / places.length);
      if (value.length > LIST_QUERY_LIMITS.maxInValues) {
        issues.push({ path: ["where", i, "value"], message: `${w.field} is a decimal matched in its ${places.length} stored forms: an \`in\` takes at most ${most} amounts (got ${w.value.length}); split the query`, code: "custom" });
      }
      return [{ field: w.field, op: "in", value }];
    }
    return [w];
  });
  // The port's condition limit counts the split `ne`s; the caller wrote fewer conditions, so say why.
  const split = where.find((w) => typeof w === "object" && w !== null && w.op === "ne" && fields.has(w.field));
  if (issues.length === 0 && split && where.length <= LIST_QUERY_LIMITS.maxConditions && out.length > LIST_QUERY_LIMITS.maxConditions) {
    issues.push({
      path: ["where"],
      message: `a \`ne\` on a decimal is one condition per stored form (${fields.get(split.field)?.length} for ${split.field}): these ${where.length} conditions are ${out.length}, over ${LIST_QUERY_LIMITS.maxConditions}`,
      code: "custom",
    });
  }
  if (issues.length > 0) throw new ValidationError(issues, subject);
  return out;
}

/**
 * Refuses ordering by a decimal field: adapters order its stored text by code point ("100.00" before "99.50"), not
 * by value. Other fields (and no `orderBy`) pass.
 *
 * @throws {ValidationError} at `["orderBy", "field"]` for a decimal field.
 * @example
 * ```ts
 * decimalOrderBy(decimalFieldsOf(schema), { field: "date" }, "cost-entry"); // fine
 * decimalOrderBy(decimalFieldsOf(schema), { field: "amount.amount" }, "cost-entry"); // ValidationError
 * ```
 */
export function decimalOrderBy(fields: DecimalFields, orderBy: { readonly field?: unknown } | undefined, subject: string): void {
  const field = typeof orderBy === "object" && orderBy !== null ? orderBy.field : undefined;
  if (typeof field === "string" && fields.has(field)) {
    throw ValidationError.single(["orderBy", "field"], `${field} is a decimal stored as text: it would order "100.00" before "99.50"`, subject);
  }
}
