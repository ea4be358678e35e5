import { ValidationError } from "../errors.js";
import { describeValue } from "../describe.js";
/**
 * ISO 4217 currency codes in use, with their minor units (decimal places).
 * Codes with no entry in {@link MINOR_UNIT_EXCEPTIONS} have two minor units.
 * Precious metals, testing and "no currency" codes (XAU, XTS, XXX…) are not money here and are not accepted.
 */
const ACTIVE_CODES =
  // Grouped by first letter ("AEDFN…" is AED AFN …): a third smaller gzipped than the codes written out one by one.
  "AEDFNLLMDNGOARSUDWGZN BAMBDDTGNHDIFMDNDOBOVRLSDTNWPYNZD CADDFHEHFHWLFLPNYOPOURCUPVEZK DJFKKOPZD " +
  "EGPRNTBUR FJDKP GBPELHSIPMDNFTQYD HKDNLTGUF IDRLSNRQDRRSK JMDODPY KESGSHRMFPWRWWDYDZT LAKBPKRRDSLYD " +
  "MADDLGAKDMKNTOPRUURVRWKXNXVYRZN NADGNIOOKPRZD OMR PABENGKHPKRLNYG QAR RONSDUBWF " +
  "SARBDCRDGEKGDHPLELLOSRDSPTNVCYPZL THBJSMTNDOPRYTDWDZS UAHGXSDSNYIYUYWZS VEDESNDUV WST XAFCDCGDROFPF " +
  "YER ZARMWWGWL";

/** Minor units that differ from 2 (ISO 4217 table A.1). */
const MINOR_UNIT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0,
  VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

// Built on first use, so that a bundle which never checks a currency code drops the table.
let codes: ReadonlySet<string> | undefined;
const codeSet = (): ReadonlySet<string> =>
  (codes ??= new Set(ACTIVE_CODES.split(" ").flatMap((g) => (g.slice(1).match(/../g) ?? []).map((rest) => g[0] + rest))));

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
  return typeof code === "string" && codeSet().has(code);
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
  return [...codeSet()].sort();
}
