import { ValidationError, type ValidationIssue } from "../core/errors.js";
import { isIsoDate } from "../core/dates/iso-date.js";
import { instant, isInstant, isInstantInput } from "../core/dates/instant.js";
import { instantCodec, isoDateCodec } from "../core/codecs.js";
import type { Where } from "./port.js";
import { walkFields } from "./schema-fields.js";

/*
 * Adapters compare stored wire values as strings, and the codecs store calendar dates as `YYYY-MM-DD` and instants as
 * `YYYY-MM-DDTHH:mm:ss.sssZ`. Strings order those forms correctly only against the same form: an operand
 * "2026-03-10T10:00:00Z" sorts after the stored "2026-03-10T10:00:00.500Z" ("Z" > "."), and "2026-3-1" after every
 * day of March. So the repository checks operands on date and instant fields and hands adapters canonical ones.
 */

/** The calendar-date and instant fields (dot paths) of an entity codec. */
export interface TimeFields {
  /** Fields decoded by the calendar-date codec. */
  readonly dates: ReadonlySet<string>;
  /** Fields decoded by the instant codec. */
  readonly instants: ReadonlySet<string>;
}

/**
 * Reads the date and instant fields from an entity schema's shape, nested objects included (`fxRate.date`); empty
 * sets for a schema without one.
 *
 * @example
 * ```ts
 * timeFieldsOf(entityKinds["cost-entry"].schema); // { dates: {"date"}, instants: {"createdAt", "updatedAt"} }
 * ```
 */
export function timeFieldsOf(schema: unknown): TimeFields {
  const dates = new Set<string>();
  const instants = new Set<string>();
  walkFields(schema, (path, s) => (s === isoDateCodec ? !!dates.add(path) : s === instantCodec && !!instants.add(path)));
  return { dates, instants };
}

const COMPARED = new Set(["eq", "ne", "in", "lt", "lte", "gt", "gte"]);

/**
 * The conditions with their operands on date and instant fields checked and canonical: an instant in any accepted
 * form (`…10:00:00Z`, `…10:00:00.5Z`) becomes `…10:00:00.500Z`. A day against an instant field is refused rather
 * than guessed (start or end of the day?): give `startOfDayInstant(day)` or the instant you mean, and so is a number or
 * a boolean (epoch milliseconds never match). `null` (a missing field), `startsWith` prefixes and fields of other
 * types pass unchanged.
 *
 * @throws {ValidationError} for an operand (not `null`) on a date field that is not a real `YYYY-MM-DD` day, or on an
 *   instant field that is not a UTC instant (paths `["where", 2, "value"]`, `["where", 2, "value", 1]` inside `in`).
 * @example
 * ```ts
 * canonicalWhere(timeFieldsOf(schema), [{ field: "createdAt", op: "gt", value: "2026-03-10T10:00:00Z" }], "cost-entry");
 * // [{ field: "createdAt", op: "gt", value: "2026-03-10T10:00:00.000Z" }]
 * ```
 */
export function canonicalWhere(fields: TimeFields, where: readonly Where[], subject: string): readonly Where[] {
  if (!Array.isArray(where) || where.length === 0) return where; // the adapter refuses a malformed query
  const issues: ValidationIssue[] = [];
  const out = where.map((w: Where, i): Where => {
    if (typeof w !== "object" || w === null || !COMPARED.has(w.op)) return w;
    const isDate = fields.dates.has(w.field);
    if (!isDate && !fields.instants.has(w.field)) return w;
    const expected = `${w.field} is ${isDate ? "a calendar date: expected YYYY-MM-DD" : "an instant: expected a UTC date-time like 2026-11-25T14:03:00.000Z"}`;
    const one = (v: unknown, path: (string | number)[]): unknown => {
      if (v === null || (typeof v === "string" && (isDate ? isIsoDate(v) : isInstant(v)))) return v;
      if (!isDate && typeof v === "string" && isInstantInput(v)) return instant(v);
      // A number (epoch milliseconds) or a boolean never equals nor orders against a stored day or instant.
      const why = typeof v !== "string" ? `, not a ${typeof v}` : !isDate && isIsoDate(v) ? " (a day has no single instant: give startOfDayInstant(day) or the instant you mean)" : "";
      issues.push({ path, message: expected + why, code: "custom" });
      return v;
    };
    const value = Array.isArray(w.value) ? w.value.map((v, j) => one(v, ["where", i, "value", j])) : one(w.value, ["where", i, "value"]);
    return value === w.value || (Array.isArray(value) && value.every((v, j) => v === (w.value as readonly unknown[])[j])) ? w : ({ ...w, value } as Where);
  });
  if (issues.length > 0) throw new ValidationError(issues, subject);
  return out;
}
