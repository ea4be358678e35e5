import { minorUnits, toDecimalString, type Decimal, type Metric, type Money } from "../core/index.js";

/** A figure that could not be computed, as `--json` prints it: its reason, never a bare `null` or a 0. */
export interface JsonMissing {
  /** Why there is no figure (`ac-is-zero`, `no-target`). */
  readonly reason: string;
}

/**
 * A decimal figure for `--json`: its exact decimal string (no rounding, no exponent), or `{ reason }`.
 *
 * @example
 * ```ts
 * jsonDecimal(metric(decimal("0.9710102796605359"))); // "0.9710102796605359"
 * jsonDecimal(missing("ac-is-zero"));                 // { reason: "ac-is-zero" }
 * ```
 */
export function jsonDecimal(m: Metric<Decimal>): string | JsonMissing {
  return m.value === undefined ? { reason: m.reason } : toDecimalString(m.value);
}

/**
 * A money figure for `--json`, in the wire form: `{ amount, currency }` with the exact amount (at least the
 * currency's minor units: `"1167000.00"`, JPY `"1500"`), or `{ reason }`.
 *
 * @example
 * ```ts
 * jsonMoney(metric(money("1201841.04", "EUR"))); // { amount: "1201841.04", currency: "EUR" }
 * ```
 */
export function jsonMoney(m: Metric<Money>): { readonly amount: string; readonly currency: string } | JsonMissing {
  return m.value === undefined ? { reason: m.reason } : { amount: toDecimalString(m.value.amount, minorUnits(m.value.currency)), currency: m.value.currency };
}
