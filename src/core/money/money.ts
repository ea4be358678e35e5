import { decimal, PmoDecimal, type Decimal, type DecimalInput } from "../decimal.js";
import { CurrencyMismatchError, ValidationError } from "../errors.js";
import { isCurrencyCode, type CurrencyCode } from "./currency.js";

/**
 * An exact amount of one currency. Immutable: every operation returns a new value.
 *
 * In memory the amount is a {@link Decimal}; on the wire it is `{ "amount": "1234.50", "currency": "EUR" }`
 * (see {@link moneyToWire}).
 */
export interface Money {
  /** The amount, exact. */
  readonly amount: Decimal;
  /** ISO 4217 currency code. */
  readonly currency: CurrencyCode;
}

/** Amounts accepted by {@link money}: a decimal string, a Decimal, or a safe integer (never a fractional float). */
export type MoneyAmountInput = string | Decimal | number;

/**
 * Creates a Money value. Fractional amounts must be given as strings or Decimals, so no binary float ever becomes
 * money: `money(0.1, "EUR")` is rejected, `money("0.10", "EUR")` is not.
 *
 * @throws {ValidationError} for an unknown currency or an amount that is not a finite decimal.
 * @example
 * ```ts
 * const budget = money("250000.00", "EUR");
 * const fee = money(1500, "EUR");
 * ```
 */
export function money(amount: MoneyAmountInput, currency: CurrencyCode): Money {
  if (!isCurrencyCode(currency)) {
    throw ValidationError.single(["currency"], `${JSON.stringify(currency)} is not an ISO 4217 currency code`, "money");
  }
  if (typeof amount === "number" && !Number.isSafeInteger(amount)) {
    throw ValidationError.single(
      ["amount"],
      `${amount} is not a safe integer: give fractional amounts as decimal strings`,
      "money",
    );
  }
  let value: Decimal;
  try {
    value = decimal(amount as DecimalInput);
  } catch {
    throw ValidationError.single(["amount"], `${JSON.stringify(String(amount)).slice(0, 42)} is not a decimal amount`, "money");
  }
  return Object.freeze({ amount: value, currency });
}

/**
 * Zero in a currency.
 *
 * @example
 * ```ts
 * zeroMoney("USD"); // 0 USD
 * ```
 */
export function zeroMoney(currency: CurrencyCode): Money {
  return money(0, currency);
}

/**
 * True when the value has the shape of a Money (a Decimal amount and a known currency).
 *
 * @example
 * ```ts
 * isMoney(money("1", "EUR")); // true
 * isMoney({ amount: "1", currency: "EUR" }); // false: that is the wire form
 * ```
 */
export function isMoney(value: unknown): value is Money {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { amount?: unknown; currency?: unknown };
  return PmoDecimal.isDecimal(v.amount) && isCurrencyCode(v.currency);
}

/**
 * Throws {@link CurrencyMismatchError} unless both amounts are in the same currency.
 *
 * @example
 * ```ts
 * assertSameCurrency(money(1, "EUR"), money(2, "USD")); // throws CurrencyMismatchError
 * ```
 */
export function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

/** @internal Builds a frozen Money without re-validating the currency. */
export function unsafeMoney(amount: Decimal, currency: CurrencyCode): Money {
  return Object.freeze({ amount, currency });
}
