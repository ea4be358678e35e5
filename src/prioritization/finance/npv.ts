import { PmoDecimal, ValidationError, checkOptionKeys, metric, type Decimal, type DecimalInput, type Metric } from "../../core/index.js";
import { toFlows, toRate, type CashFlowInput } from "./flows.js";

/**
 * When the first flow happens:
 * - `"excel"`: like Excel's and LibreOffice's `NPV`, the first flow is discounted one full period (t = 1 … n);
 * - `"t0"`: the first flow happens now (t = 0 … n−1), the textbook formula with the investment undiscounted.
 */
export type NpvConvention = "excel" | "t0";

/** Options of {@link npv}. */
export interface NpvOptions {
  /** When the first flow happens (no default: the two conventions differ by a factor 1 + rate). */
  readonly convention: NpvConvention;
}

const NPV_OPTION_KEYS = { convention: 1 } satisfies Record<keyof NpvOptions, 1>;

/**
 * Net present value `Σ CF_t / (1 + rate)^t` at pmokit's decimal precision (34 significant digits).
 *
 * @param rate - discount rate per period as a fraction (`"0.1"` = 10%), greater than −1.
 * @param flows - one flow per period; Money or decimals (Money flows must share a currency).
 * @throws {ValidationError} for a non-finite flow, a rate ≤ −1, or an unknown option key (at `options.<key>`).
 * @example
 * ```ts
 * // Excel NPV help, example 1: =NPV(10%, -10000, 3000, 4200, 6800) → 1,188.44
 * npv("0.1", ["-10000", "3000", "4200", "6800"], { convention: "excel" }).value?.toFixed(2); // "1188.44"
 * ```
 */
export function npv(rate: DecimalInput, flows: readonly CashFlowInput[], options: NpvOptions): Metric<Decimal> {
  checkOptionKeys("npv", options, NPV_OPTION_KEYS, ["options"]);
  const r = toRate(rate, "npv");
  const f = toFlows(flows, "npv");
  if (options?.convention !== "excel" && options?.convention !== "t0") {
    throw ValidationError.single(["options", "convention"], 'convention must be "excel" or "t0"', "npv");
  }
  return metric(presentValue(r, f, options.convention === "excel" ? 1 : 0));
}

/** @internal Σ f_i / (1+r)^(i+offset) computed by Horner's scheme from the last flow (one division per flow). */
export function presentValue(rate: Decimal, flows: readonly Decimal[], offset: number): Decimal {
  const factor = rate.plus(1);
  let acc = new PmoDecimal(0);
  for (let i = flows.length - 1; i >= 0; i--) acc = acc.div(factor).plus(flows[i]!);
  for (let k = 0; k < offset; k++) acc = acc.div(factor);
  return acc;
}

