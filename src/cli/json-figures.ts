import { minorUnits, toDecimalString, type Decimal, type Metric, type Money } from "../core/index.js";

/** A figure that could not be computed, as `--json` prints it: its reason, never a bare `null` or a 0. */
export interface JsonMissing {
  /** Why there is no figure (`ac-is-zero`, `no-target`). */
  readonly reason: string;
  /** The reason's plain-words detail, when it has one (which package, which flow). */
  readonly detail?: string;
}

/**
 * A missing figure for `--json`: `{ reason }`, with `detail` when the reason has one.
 *
 * @example
 * ```ts
 * jsonMissing(missing("never-pays-back", "the cumulative flow ends below zero"));
 * // { reason: "never-pays-back", detail: "the cumulative flow ends below zero" }
 * ```
 */
export function jsonMissing(m: { readonly reason: string; readonly detail?: string | undefined }): JsonMissing {
  return m.detail === undefined ? { reason: m.reason } : { reason: m.reason, detail: m.detail };
}

/**
 * A decimal figure for `--json`: its exact decimal string (no rounding, no exponent), or `{ reason }` (with its `detail` when it has one).
 *
 * @example
 * ```ts
 * jsonDecimal(metric(decimal("0.9710102796605359"))); // "0.9710102796605359"
 * jsonDecimal(missing("ac-is-zero"));                 // { reason: "ac-is-zero" }
 * jsonDecimal(missing("no-data", "no flows"));         // { reason: "no-data", detail: "no flows" }
 * ```
 */
export function jsonDecimal(m: Metric<Decimal>): string | JsonMissing {
  return m.value === undefined ? jsonMissing(m) : toDecimalString(m.value);
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
  return m.value === undefined ? jsonMissing(m) : { amount: toDecimalString(m.value.amount, minorUnits(m.value.currency)), currency: m.value.currency };
}
