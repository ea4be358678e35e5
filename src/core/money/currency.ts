import { ValidationError } from "../errors.js";
import { describeValue } from "../describe.js";
/**
 * ISO 4217 currency codes in use, with their minor units (decimal places).
 * Codes with no entry in {@link MINOR_UNIT_EXCEPTIONS} have two minor units.
 * Precious metals, testing and "no currency" codes (XAU, XTS, XXX…) are not money here and are not accepted.
 */
const ACTIVE_CODES =
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD " +
  "CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD " +
  "GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR " +
  "LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK " +
  "PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT " +
  "TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XDR XOF XPF YER ZAR ZMW " +
  "ZWG ZWL";

/** Minor units that differ from 2 (ISO 4217 table A.1). */
const MINOR_UNIT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0,
  VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const CODES: ReadonlySet<string> = new Set(ACTIVE_CODES.split(" "));

/** An ISO 4217 alphabetic currency code such as `"EUR"`. */
export type CurrencyCode = string;

/**
 * True for an active ISO 4217 currency code (three capital letters, known to pmokit).
 *
 * @example
 * ```ts
 * isCurrencyCode("EUR");  // true
 * isCurrencyCode("EURO"); // false
 * isCurrencyCode("eur");  // false
 * ```
 */
export function isCurrencyCode(code: unknown): code is CurrencyCode {
  return typeof code === "string" && CODES.has(code);
}

/**
 * The number of decimal places of a currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD).
 *
 * @example
 * ```ts
 * minorUnits("JPY"); // 0
 * ```
 */
export function minorUnits(code: CurrencyCode): number {
  if (!isCurrencyCode(code)) {
    throw ValidationError.single(["currency"], `${describeValue(code)} is not an ISO 4217 currency code`, "minorUnits");
  }
  return MINOR_UNIT_EXCEPTIONS[code] ?? 2;
}

/**
 * Every currency code pmokit accepts, sorted.
 *
 * @example
 * ```ts
 * currencyCodes().includes("CHF"); // true
 * ```
 */
export function currencyCodes(): readonly CurrencyCode[] {
  return [...CODES].sort();
}
