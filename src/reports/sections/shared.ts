import { isMoney, PmoDecimal, ValidationError, checkArguments, roundMoney, type Decimal, type Metric, type Money } from "../../core/index.js";
import type { CellMetric } from "../cells.js";

/**
 * A decimal figure rounded half-even for display, keeping its reason when there is none.
 *
 * @example
 * ```ts
 * fixed(metric(decimal("0.97134")), 2); // { value: Decimal(0.97) }
 * fixed(missing("ac-is-zero"), 2);      // { reason: "ac-is-zero" }
 * ```
 */
export function fixed(m: Metric<Decimal>, places: number): CellMetric {
  checkArguments("fixed", { m: [m, "object"], places: [places, "integer"] });
  if (m.value !== undefined && !PmoDecimal.isDecimal(m.value)) notA("a Decimal", "fixed");
  return m.value === undefined ? missingCell(m) : { value: m.value.toDecimalPlaces(places, 6) };
}

/**
 * A money figure rounded half-even to its currency's minor unit for display, keeping its reason when there is none.
 *
 * @example
 * ```ts
 * cents(metric(money("2031136.3636", "EUR"))); // { value: EUR 2,031,136.36 }
 * ```
 */
export function cents(m: Metric<Money>): CellMetric {
  checkArguments("cents", { m: [m, "object"] });
  if (m.value !== undefined && !isMoney(m.value)) notA("money", "cents");
  return m.value === undefined ? missingCell(m) : { value: roundMoney(m.value, { rounding: "half-even" }) };
}

/**
 * Any metric (dates, strings, numbers) as a report cell.
 *
 * @example
 * ```ts
 * asCell(metric("2027-08-31")); // { value: "2027-08-31" }
 * ```
 */
export function asCell<T extends string | number>(m: Metric<T>): CellMetric {
  checkArguments("asCell", { m: [m, "object"] });
  if (m.value !== undefined && typeof m.value !== "string" && typeof m.value !== "number") notA("a string or number", "asCell");
  return m.value === undefined ? missingCell(m as { readonly reason: string; readonly detail?: string }) : { value: m.value };
}

function notA(expected: string, subject: string): never {
  throw ValidationError.single(["m", "value"], `expected ${expected}`, subject);
}

function missingCell(m: { readonly reason: string; readonly detail?: string | undefined }): CellMetric {
  return m.detail === undefined ? { reason: m.reason } : { reason: m.reason, detail: m.detail };
}

/** The id part of a trace item key (`requirement:FR-101` → `FR-101`). @internal */
export function bareId(key: string): string {
  const i = key.indexOf(":");
  return i < 0 ? key : key.slice(i + 1);
}
