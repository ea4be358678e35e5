import { assertSameCurrency, requireMoney, type Money } from "./money.js";

/**
 * Compares two amounts of the same currency: -1, 0 or 1. Usable as a sort comparator.
 *
 * @throws {CurrencyMismatchError} when the currencies differ.
 * @example
 * ```ts
 * [money("3", "EUR"), money("1", "EUR")].sort(compareMoney); // 1 EUR, 3 EUR
 * ```
 */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.amount.cmp(b.amount) as -1 | 0 | 1;
}

/**
 * True when both amounts have the same currency and the same numeric value (`1.5` equals `1.50`).
 *
 * @example
 * ```ts
 * moneyEquals(money("1.5", "EUR"), money("1.50", "EUR")); // true
 * moneyEquals(money("1", "EUR"), money("1", "USD"));      // false
 * ```
 */
export function moneyEquals(a: Money, b: Money): boolean {
  requireMoney(a, ["a"], "moneyEquals");
  requireMoney(b, ["b"], "moneyEquals");
  return a.currency === b.currency && a.amount.eq(b.amount);
}

/**
 * True for an amount of exactly zero.
 *
 * @example
 * ```ts
 * isZeroMoney(money("0.00", "EUR")); // true
 * ```
 */
export function isZeroMoney(m: Money): boolean {
  requireMoney(m, ["money"], "isZeroMoney");
  return m.amount.isZero();
}

/**
 * True for an amount below zero (`-0` is not negative).
 *
 * @example
 * ```ts
 * isNegativeMoney(money("-0.01", "EUR")); // true
 * ```
 */
export function isNegativeMoney(m: Money): boolean {
  requireMoney(m, ["money"], "isNegativeMoney");
  return m.amount.isNegative() && !m.amount.isZero();
}
