import { decimal, PmoDecimal, WideDecimal, type Decimal, type DecimalInput } from "../decimal.js";
import { ValidationError } from "../errors.js";
import { minorUnits } from "./currency.js";
import { requireMoney, unsafeMoney, type Money } from "./money.js";
import { checkScale } from "./rounding.js";
import { checkOptionKeys, optionsObject, requireArray } from "../guard.js";

/** Options for {@link allocateMoney}. */
export interface AllocateOptions {
  /**
   * Decimal places of each share. Default: the larger of the currency's minor units and the amount's own
   * decimal places, so the shares can always add back up to the amount exactly.
   */
  readonly scale?: number;
}

/**
 * Splits an amount over weights without losing or inventing a cent (largest-remainder method).
 *
 * Each share first gets `⌊amount × wᵢ ÷ Σw⌋` in minor units; the units left over go one each to the shares with the
 * largest remainders, earlier shares first on ties. The shares always sum to the amount exactly. Negative amounts
 * are allocated as the negation of the positive allocation. A zero weight gets a zero share.
 *
 * @throws {ValidationError} when a weight is negative or not a decimal, when all weights are zero or the list is
 *   empty, or when the amount has more decimal places than `scale`.
 * @example
 * ```ts
 * allocateMoney(money("100.00", "EUR"), [1, 1, 1]).map((m) => m.amount.toFixed(2)); // ["33.34", "33.33", "33.33"]
 * allocateMoney(money("10.00", "EUR"), ["70", "30"]); // 7.00 EUR, 3.00 EUR
 * ```
 */
export function allocateMoney(m: Money, weights: readonly DecimalInput[], options: AllocateOptions = {}): Money[] {
  requireMoney(m, ["money"], "allocateMoney");
  requireArray(weights, ["weights"], "allocateMoney");
  options = optionsObject<AllocateOptions>(options, "allocateMoney");
  checkOptionKeys("allocateMoney", options, { scale: 1 } satisfies Record<keyof AllocateOptions, 1>);
  if (weights.length === 0) throw ValidationError.single(["weights"], "at least one weight is required", "allocateMoney");
  const ws: Decimal[] = weights.map((w, i) => {
    let d: Decimal;
    try {
      d = decimal(w);
    } catch {
      throw ValidationError.single(["weights", i], "weight is not a finite decimal", "allocateMoney");
    }
    if (d.isNegative() && !d.isZero()) {
      throw ValidationError.single(["weights", i], "weight must not be negative", "allocateMoney");
    }
    return d;
  });
  // Integer steps run on the wide clone: products of amounts and weights may exceed 34 digits.
  const total = ws.reduce((a, w) => a.plus(w), new WideDecimal(0));
  if (total.isZero()) throw ValidationError.single(["weights"], "weights must not all be zero", "allocateMoney");

  const scale = checkScale(options.scale ?? Math.max(minorUnits(m.currency), m.amount.decimalPlaces()));
  if (m.amount.decimalPlaces() > scale) {
    throw ValidationError.single(
      ["scale"],
      `amount ${m.amount.toFixed()} has more than ${scale} decimal places and cannot be split exactly`,
      "allocateMoney",
    );
  }
  const factor = new WideDecimal(10).pow(scale);
  const negative = m.amount.isNegative();
  const units = new WideDecimal(m.amount).abs().times(factor); // an integer number of minor units

  const shares = ws.map((w) => units.times(w).divToInt(total));
  const remainders = ws.map((w, i) => units.times(w).minus((shares[i] as Decimal).times(total)));
  let left = units.minus(shares.reduce((a, s) => a.plus(s), new WideDecimal(0))).toNumber();
  // Largest remainder first; ties keep input order (stable sort), which makes the result deterministic.
  const order = remainders.map((r, i) => ({ r, i })).sort((a, b) => b.r.cmp(a.r));
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] as Decimal).plus(1);
    left -= 1;
  }
  return shares.map((s) => {
    const v = new PmoDecimal(s.div(factor));
    return unsafeMoney(negative ? v.negated() : v, m.currency);
  });
}
