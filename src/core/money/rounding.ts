import { decimal, divideToScale, roundingConstant, type DecimalInput, type RoundingMode } from "../decimal.js";
import { ValidationError } from "../errors.js";
import { minorUnits } from "./currency.js";
import { checkOptionKeys, describeValue, requireObject } from "../guard.js";
import { requireMoney, unsafeMoney, type Money } from "./money.js";

/** Options for operations that land on a fixed number of decimal places. */
export interface RoundingOptions {
  /** How to round. Required: pmokit never picks a rounding mode for you where money is divided. */
  readonly rounding: RoundingMode;
  /** Decimal places of the result. Default: the currency's minor units (2 for EUR, 0 for JPY). */
  readonly scale?: number;
}

const ROUNDING_KEYS = { rounding: 1, scale: 1 } satisfies Record<keyof RoundingOptions, 1>;

/** @internal Validates a number of decimal places (0–30). */
export function checkScale(scale: number): number {
  if (!Number.isInteger(scale) || scale < 0 || scale > 30) {
    throw ValidationError.single(["scale"], `scale must be an integer from 0 to 30, got ${describeValue(scale)}`, "rounding options");
  }
  return scale;
}

/**
 * Rounds to the currency's minor unit (or `scale` places) with an explicit rounding mode.
 *
 * @example
 * ```ts
 * roundMoney(money("2.345", "EUR"), { rounding: "half-even" }); // 2.34 EUR
 * roundMoney(money("2.345", "EUR"), { rounding: "half-up" });   // 2.35 EUR
 * ```
 */
export function roundMoney(m: Money, options: RoundingOptions): Money {
  requireMoney(m, ["money"], "roundMoney");
  requireObject(options, ["options"], "roundMoney");
  checkOptionKeys("roundMoney", options, ROUNDING_KEYS);
  const scale = checkScale(options.scale ?? minorUnits(m.currency));
  return unsafeMoney(m.amount.toDecimalPlaces(scale, roundingConstant(options.rounding)), m.currency);
}

/**
 * `m ÷ divisor`, rounded to the currency's minor unit (or `scale`) with the rounding mode you choose.
 * To split an amount into parts that add back up exactly, use {@link allocateMoney} instead.
 *
 * @throws {ValidationError} when the divisor is zero.
 * @example
 * ```ts
 * divideMoney(money("100.00", "EUR"), 3, { rounding: "half-even" }); // 33.33 EUR
 * ```
 */
export function divideMoney(m: Money, divisor: DecimalInput, options: RoundingOptions): Money {
  requireMoney(m, ["money"], "divideMoney");
  requireObject(options, ["options"], "divideMoney");
  checkOptionKeys("divideMoney", options, ROUNDING_KEYS);
  const d = decimal(divisor);
  if (d.isZero()) throw ValidationError.single(["divisor"], "cannot divide money by zero", "divideMoney");
  const scale = checkScale(options.scale ?? minorUnits(m.currency));
  return unsafeMoney(divideToScale(m.amount, d, scale, options.rounding), m.currency);
}
