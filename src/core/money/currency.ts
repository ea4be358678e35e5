import { ValidationError } from "../errors.js";
import { describeValue } from "../describe.js";
/**
 * ISO 4217 currency codes in use, with their minor units (decimal places, ISO 4217 table A.1): a digit after a code
 * gives its minor units when they differ from 2 ("BHD3" is BHD with 3, "BIF0" BIF with none).
 * Precious metals, testing and "no currency" codes (XAU, XTS, XXX…) are not money here and are not accepted.
 */
const ACTIVE_CODES =
  // Grouped by first letter ("AEDFN…" is AED AFN …): a third smaller gzipped than the codes written out one by one,
  // and the minor-unit digits inline (a separate table of the 26 exceptions repeated their codes).
  "AEDFNLLMDNGOARSUDWGZN BAMBDDTGNHD3IF0MDNDOBOVRLSDTNWPYNZD CADDFHEHFHWLF4LP0NYOPOURCUPVEZK DJF0KKOPZD " +
  "EGPRNTBUR FJDKP GBPELHSIPMDNF0TQYD HKDNLTGUF IDRLSNRQD3RRSK0 JMDOD3PY0 KESGSHRMF0PWRW0WD3YDZT LAKBPKRRDSLYD3 " +
  "MADDLGAKDMKNTOPRUURVRWKXNXVYRZN NADGNIOOKPRZD OMR3 PABENGKHPKRLNYG0 QAR RONSDUBWF0 " +
  "SARBDCRDGEKGDHPLELLOSRDSPTNVCYPZL THBJSMTND3OPRYTDWDZS UAHGX0SDSNYI0YUYW4ZS VEDESND0UV0 WST XAF0CDCGDROF0PF0 " +
  "YER ZARMWWGWL";

// Built on first use, so that a bundle which never checks a currency code drops the table.
let codes: ReadonlyMap<string, number> | undefined;
const codeTable = (): ReadonlyMap<string, number> =>
  (codes ??= new Map(ACTIVE_CODES.split(" ").flatMap((g) => (g.slice(1).match(/..\d?/g) ?? []).map((r) => [g[0] + r.slice(0, 2), Number(r[2] ?? 2)]))));

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
  return typeof code === "string" && codeTable().has(code);
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
  return codeTable().get(code) as number;
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
  return [...codeTable().keys()].sort();
}
