import { PmoDecimal, missing, metric, type Decimal, type DecimalInput, type Metric } from "../../core/index.js";
import { toFlows, toRate, type CashFlowInput } from "./flows.js";

/** Options of {@link paybackPeriod}. */
export interface PaybackOptions {
  /** Discount each flow at this rate per period first (discounted payback). Default: none. */
  readonly discountRate?: DecimalInput;
}

/**
 * Payback period in periods: when the cumulative flows (flow i at t = i, optionally discounted) first reach zero,
 * interpolated linearly inside the period that recovers them: `(k − 1) + (−C_{k−1}) / CF_k` for the first k with
 * `C_k ≥ 0`. Zero when nothing is owed at t = 0; `never-pays-back` when the cumulative flow stays negative.
 * The interpolation assumes the period's flow arrives evenly through it.
 *
 * @throws {ValidationError} for a non-finite flow or a rate ≤ −1.
 * @example
 * ```ts
 * // Hand-derived: −1000, then 400 a year → cumulative −600, −200, +200 → 2 + 200/400 = 2.5 years
 * paybackPeriod(["-1000", "400", "400", "400"]).value?.toFixed(); // "2.5"
 * ```
 */
export function paybackPeriod(flows: readonly CashFlowInput[], options: PaybackOptions = {}): Metric<Decimal> {
  let f = toFlows(flows, "paybackPeriod");
  if (options.discountRate !== undefined) {
    const base = toRate(options.discountRate, "paybackPeriod", ["options", "discountRate"]).plus(1);
    f = f.map((x, i) => x.div(base.pow(i)));
  }
  if (f.length === 0) return missing("no-data", "no flows");
  let cum = f[0]!;
  if (cum.gte(0)) return metric(new PmoDecimal(0));
  for (let k = 1; k < f.length; k++) {
    const next = cum.plus(f[k]!);
    if (next.gte(0)) return metric(cum.negated().div(f[k]!).plus(k - 1));
    cum = next;
  }
  return missing("never-pays-back", "the cumulative flow never reaches zero");
}
