import { decimal, PmoDecimal, WideDecimal, type Decimal, type DecimalInput } from "../decimal.js";
import { CurrencyMismatchError, ValidationError } from "../errors.js";
import { describeValue, requireIterable } from "../guard.js";
import { isCurrencyCode, type CurrencyCode } from "./currency.js";
import { assertSameCurrency, checkMoneyDigits, requireMoney, unsafeMoney, zeroMoney, type Money } from "./money.js";

/** The exact result of a money step, refused (never rounded) when it needs more digits than Money holds. */
function exact(result: Decimal, subject: string): Decimal {
  return new PmoDecimal(checkMoneyDigits(result, [], subject));
}

/**
 * `a + b`, exact.
 *
 * @throws {CurrencyMismatchError} when the currencies differ.
 * @example
 * ```ts
 * addMoney(money("0.10", "EUR"), money("0.20", "EUR")); // 0.30 EUR, exactly
 * ```
 */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return unsafeMoney(exact(new WideDecimal(a.amount).plus(b.amount), "addMoney"), a.currency);
}

/**
 * `a − b`, exact.
 *
 * @throws {CurrencyMismatchError} when the currencies differ.
 * @example
 * ```ts
 * subtractMoney(money("100.00", "EUR"), money("0.01", "EUR")); // 99.99 EUR
 * ```
 */
export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return unsafeMoney(exact(new WideDecimal(a.amount).minus(b.amount), "subtractMoney"), a.currency);
}

/**
 * `m × factor`, exact up to 34 significant digits (a factor such as a rate or a percentage). No rounding to the
 * minor unit happens here: use {@link roundMoney} when the result must be payable.
 *
 * @example
 * ```ts
 * multiplyMoney(money("200.00", "EUR"), "1.075"); // 215.000 EUR
 * ```
 */
export function multiplyMoney(m: Money, factor: DecimalInput): Money {
  requireMoney(m, ["money"], "multiplyMoney");
  return unsafeMoney(exact(new WideDecimal(m.amount).times(decimal(factor)), "multiplyMoney"), m.currency);
}

/**
 * `−m`.
 *
 * @example
 * ```ts
 * negateMoney(money("5.00", "EUR")); // -5.00 EUR
 * ```
 */
export function negateMoney(m: Money): Money {
  requireMoney(m, ["money"], "negateMoney");
  return unsafeMoney(m.amount.negated(), m.currency);
}

/**
 * The sum of a list of amounts, exact. An empty list needs the currency to know what zero to return.
 * Sums are accumulated in one Decimal pass, so summing 10⁶ amounts is linear.
 *
 * @throws {CurrencyMismatchError} when the amounts are not all in one currency (or not in `currency` when given).
 * @throws {ValidationError} for an empty list without a currency.
 * @example
 * ```ts
 * sumMoney([money("0.01", "EUR"), money("0.02", "EUR")]); // 0.03 EUR
 * sumMoney([], "EUR"); // 0 EUR
 * ```
 */
export function sumMoney(amounts: Iterable<Money>, currency?: CurrencyCode): Money {
  requireIterable(amounts, ["amounts"], "sumMoney");
  if (currency !== undefined && !isCurrencyCode(currency)) {
    throw ValidationError.single(["currency"], `${describeValue(currency)} is not an ISO 4217 currency code`, "sumMoney");
  }
  let cur = currency;
  // Summed on the wide clone so no step rounds; the total is checked once at the end.
  let total = new WideDecimal(0);
  let any = false;
  let i = 0;
  for (const m of amounts) {
    requireMoney(m, ["amounts", i++], "sumMoney");
    if (cur === undefined) cur = m.currency;
    else if (m.currency !== cur) throw new CurrencyMismatchError(cur, m.currency);
    total = total.plus(m.amount);
    any = true;
  }
  if (cur === undefined) throw ValidationError.single([], "cannot sum an empty list without a currency", "sumMoney");
  return any ? unsafeMoney(exact(total, "sumMoney"), cur) : zeroMoney(cur);
}
