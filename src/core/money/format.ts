import { toDecimalString } from "../decimal.js";
import { minorUnits } from "./currency.js";
import { checkOptionKeys, optionsObject } from "../guard.js";
import { requireMoney, type Money } from "./money.js";
import { ValidationError } from "../errors.js";

/** Options for {@link formatMoney}. */
export interface FormatMoneyOptions {
  /** BCP 47 locale. Default `"en-US"` (explicit, so output does not depend on the machine). */
  readonly locale?: string;
  /** How to show the currency: `"symbol"` (€), `"code"` (EUR) or `"name"` (euros). Default `"code"`. */
  readonly currencyDisplay?: "symbol" | "narrowSymbol" | "code" | "name";
}

/**
 * Formats an amount for people, exactly: digits are never passed through a float (the decimal string goes to
 * `Intl.NumberFormat`, which formats strings exactly). Shows at least the currency's minor units and every
 * further decimal the amount has.
 *
 * @example
 * ```ts
 * formatMoney(money("1234567.5", "EUR"));                       // "EUR 1,234,567.50"
 * formatMoney(money("1234.5", "EUR"), { locale: "de-DE", currencyDisplay: "symbol" }); // "1.234,50 €"
 * ```
 */
export function formatMoney(m: Money, options: FormatMoneyOptions = {}): string {
  requireMoney(m, ["money"], "formatMoney");
  const opts = optionsObject<FormatMoneyOptions>(options, "formatMoney");
  checkOptionKeys("formatMoney", opts, { locale: 1, currencyDisplay: 1 } satisfies Record<keyof FormatMoneyOptions, 1>);
  const digits = Math.max(minorUnits(m.currency), m.amount.decimalPlaces());
  if (digits > 100) {
    throw ValidationError.single(["money", "amount"], `${digits} decimal places are more than Intl can format (100)`, "formatMoney");
  }
  let nf: Intl.NumberFormat;
  try {
    nf = new Intl.NumberFormat(opts.locale ?? "en-US", {
      style: "currency",
      currency: m.currency,
      currencyDisplay: opts.currencyDisplay ?? "code",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  } catch (e) {
    // Intl throws RangeError/TypeError for a malformed locale or display; errors are data here.
    throw ValidationError.single(["options"], `cannot format with these options: ${(e as Error).message}`, "formatMoney");
  }
  // Intl.NumberFormat formats a decimal string exactly (ECMA-402 "Intl.NumberFormat v3").
  return nf.format(toDecimalString(m.amount) as unknown as number).replace(/\u00a0/g, " ");
}

/**
 * The canonical plain string `"1234.50 EUR"`: amount with at least the minor units, then the code.
 *
 * @example
 * ```ts
 * moneyToString(money("12.5", "EUR")); // "12.50 EUR"
 * ```
 */
export function moneyToString(m: Money): string {
  requireMoney(m, ["money"], "moneyToString");
  return `${toDecimalString(m.amount, minorUnits(m.currency))} ${m.currency}`;
}
