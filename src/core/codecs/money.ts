import * as z from "zod";
import { PmoDecimal, toDecimalString } from "../decimal.js";
import { isCurrencyCode, minorUnits, type CurrencyCode } from "../money/currency.js";
import { MONEY_SIGNIFICANT_DIGITS, unsafeMoney, type Money } from "../money/money.js";
import { decimalStringSchema } from "./decimal.js";
import { encodeWith } from "./decode.js";
import { isFiniteDecimal, refuse } from "./refuse.js";

/*
 * Money on the wire: the currency code schema and the money codec.
 */

/**
 * An ISO 4217 currency code (`"EUR"`); unknown codes such as `"EURO"` or `"eur"` are rejected.
 *
 * @example
 * ```ts
 * currencyCodeSchema.parse("CHF"); // "CHF"
 * ```
 */
export const currencyCodeSchema = z
  .string()
  .refine((c): c is CurrencyCode => isCurrencyCode(c), { message: "expected an ISO 4217 currency code like EUR" });

/** Wire form of {@link Money}. */
export interface MoneyWire {
  /** Canonical decimal string with at least the currency's minor units: `"1234.50"`. */
  amount: string;
  /** ISO 4217 code. */
  currency: string;
}

/**
 * @internal A money amount's wire form. Its JSON Schema description is added by the entities' JSON Schema builders
 * (entities/base.ts), not with `.describe()` here: prose read only by JSON Schema stays out of every bundle that
 * decodes money.
 */
export const moneyAmountWireSchema = decimalStringSchema.refine(
  (a) => a.length <= MONEY_SIGNIFICANT_DIGITS + 2 || new PmoDecimal(a).sd(false) <= MONEY_SIGNIFICANT_DIGITS,
  { message: `amount has more than ${MONEY_SIGNIFICANT_DIGITS} significant digits` },
);

const moneyWireSchema = z.strictObject({ amount: moneyAmountWireSchema, currency: currencyCodeSchema });

const moneyMemory = z.custom<Money>(
  (v) =>
    typeof v === "object" && v !== null && PmoDecimal.isDecimal((v as Money).amount) && (v as Money).amount.isFinite() &&
    isCurrencyCode((v as Money).currency),
  { message: "expected Money { amount: Decimal, currency }" },
);

/**
 * Money on the wire as `{ "amount": "1234.50", "currency": "EUR" }`. Encoding writes at least the currency's
 * minor units and every further decimal the amount has (`12.5 EUR` → `"12.50"`, `0.125 EUR` → `"0.125"`), never
 * exponent notation, never `-0` — so a canonical wire value round-trips byte for byte.
 *
 * @example
 * ```ts
 * const m = moneyCodec.decode({ amount: "1234.5", currency: "EUR" });
 * moneyCodec.encode(m); // { amount: "1234.50", currency: "EUR" }
 * ```
 */
export const moneyCodec = z.codec(moneyWireSchema, moneyMemory, {
  decode: (w) => unsafeMoney(new PmoDecimal(w.amount), w.currency),
  encode: (m, payload) =>
    typeof m === "object" && m !== null && isFiniteDecimal(m.amount) && isCurrencyCode(m.currency)
      ? { amount: toDecimalString(m.amount, minorUnits(m.currency)), currency: m.currency }
      : refuse(payload, m, "expected Money { amount: Decimal, currency }", { amount: "0", currency: "" }),
});

/**
 * The canonical wire form of a Money value.
 *
 * @example
 * ```ts
 * moneyToWire(money("12.5", "EUR")); // { amount: "12.50", currency: "EUR" }
 * ```
 */
export function moneyToWire(m: Money): MoneyWire {
  return encodeWith(moneyCodec, m, "money");
}
