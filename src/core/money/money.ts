import { decimal, PmoDecimal, type Decimal, type DecimalInput } from "../decimal.js";
import { CurrencyMismatchError, ValidationError } from "../errors.js";
import { isCurrencyCode, type CurrencyCode } from "./currency.js";
import { describeValue, fail } from "../guard.js";

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
    throw ValidationError.single(["currency"], `${describeValue(currency)} is not an ISO 4217 currency code`, "money");
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
    throw ValidationError.single(["amount"], `${describeValue(amount)} is not a decimal amount`, "money");
  }
  return unsafeMoney(checkMoneyDigits(value, ["amount"], "money"), currency);
}

/**
 * Most significant digits a Money amount may have: pmokit's decimal precision. An amount (or a sum, difference or
 * product) needing more is refused rather than rounded, so `10^40 + 0.01` never silently loses its cent.
 *
 * @example
 * ```ts
 * money("1" + "0".repeat(40), "EUR");            // 1e40: one significant digit, fine
 * money("1" + "0".repeat(40) + ".01", "EUR");    // 43 significant digits: throws ValidationError
 * addMoney(money("1" + "0".repeat(40), "EUR"), money("0.01", "EUR")); // throws too: the cent would be lost
 * ```
 */
export const MONEY_SIGNIFICANT_DIGITS = 34;

/** @internal Refuses an amount that needs more significant digits than Money holds exactly. */
export function checkMoneyDigits(amount: Decimal, path: readonly (string | number)[], subject: string): Decimal {
  // Trailing zeros of a whole amount are not digits that rounding could lose (1e40 is exact); every other digit is.
  const digits = amount.isZero() ? 1 : amount.sd(false);
  if (digits > MONEY_SIGNIFICANT_DIGITS) {
    throw ValidationError.single(
      path,
      `amount needs ${digits} significant digits; pmokit money holds ${MONEY_SIGNIFICANT_DIGITS} exactly and refuses to round`,
      subject,
    );
  }
  return amount;
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
  requireMoney(a, ["a"], "assertSameCurrency");
  requireMoney(b, ["b"], "assertSameCurrency");
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

/** @internal Builds a frozen Money without re-validating the currency; a negative zero (−5 × 0, −0) becomes plain 0. */
export function unsafeMoney(amount: Decimal, currency: CurrencyCode): Money {
  return Object.freeze({ amount: amount.isZero() && amount.isNeg() ? new PmoDecimal(0) : amount, currency });
}

/** Money as pmokit builds it: a finite Decimal amount and a known currency code (plain numbers are refused). */
/** @internal */
export function requireMoney(value: unknown, path: readonly (string | number)[], subject: string): Money {
  if (typeof value !== "object" || value === null) fail(path, "Money { amount: Decimal, currency }", value, subject);
  const m = value as { amount?: unknown; currency?: unknown };
  if (!PmoDecimal.isDecimal(m.amount) || !(m.amount as Decimal).isFinite()) {
    fail([...path, "amount"], "a finite Decimal (build Money with money(\"12.50\", \"EUR\"))", m.amount, subject);
  }
  if (!isCurrencyCode(m.currency)) fail([...path, "currency"], "an ISO 4217 currency code", m.currency, subject);
  return value as Money;
}

