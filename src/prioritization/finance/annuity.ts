import { PmoDecimal, ValidationError, checkArguments, checkOptionKeys, metric, missing, type Decimal, type DecimalInput, type Metric } from "../../core/index.js";
import { toDecimalOrUndefined } from "./flows.js";
import { RATE_SEARCH_RANGE, closestRoot, findRoots } from "./roots.js";

/*
 * The spreadsheet annuity functions (PMT, PV, FV, NPER, RATE) with the spreadsheet sign convention: money paid out
 * is negative, money received positive. All five solve the one annuity equation
 *
 *   pv·(1+r)^n + pmt·(1 + r·type)·((1+r)^n − 1)/r + fv = 0        (r ≠ 0)
 *   pv + pmt·n + fv = 0                                             (r = 0)
 *
 * for one unknown, exactly in 34-digit decimals (no float). `type` 0 = payments at the end of each period (the
 * default), 1 = at the beginning.
 */

/** When payments fall due: 0 = end of each period (default), 1 = beginning — the spreadsheet `type` argument. */
export type PaymentTiming = 0 | 1;

/** Why an annuity figure does not exist (a spreadsheet answers #NUM! or #DIV/0! for these). */
export type AnnuityReason = "nper-is-zero" | "pmt-is-zero" | "no-solution" | "no-convergence";

/** The known terms of an annuity; which ones a function needs is in its signature. */
export interface AnnuityTerms {
  /** Interest rate per period, e.g. `"0.08"` / 12 as `"0.0066666…"`; must be greater than −1. */
  readonly rate: DecimalInput;
  /** Number of payment periods (may be fractional, as in spreadsheets). */
  readonly nper: DecimalInput;
  /** Payment each period (negative = paid out). */
  readonly pmt: DecimalInput;
  /** Present value (lump sum now). */
  readonly pv: DecimalInput;
  /** Future value after the last payment. Default 0. */
  readonly fv?: DecimalInput;
  /** Payment timing. Default 0 (end of period). */
  readonly type?: PaymentTiming;
}

/** The terms one annuity function needs: the named ones, plus the optional `fv` and `type`. */
export type AnnuityTermsFor<K extends keyof AnnuityTerms> = Pick<AnnuityTerms, K> & Partial<Pick<AnnuityTerms, "fv" | "type">>;

function term(input: object, key: keyof AnnuityTerms, subject: string, required: boolean): Decimal {
  const raw = (input as Record<string, unknown>)[key];
  if (raw === undefined && !required) return new PmoDecimal(0);
  const d = toDecimalOrUndefined(raw);
  if (d === undefined) {
    throw ValidationError.single([key], raw === undefined ? `${key} is required` : `${key} must be a finite decimal`, subject);
  }
  return d;
}

function read(input: unknown, subject: string, keys: readonly (keyof AnnuityTerms)[], solvesFv = false) {
  if (typeof input !== "object" || input === null) throw ValidationError.single([], "expected the annuity terms as an object", subject);
  // A misspelt term (`fV`) would run its default, and the term a function solves for would be ignored: the terms
  // this function takes are `keys`, type, and fv unless it solves for fv.
  checkOptionKeys(subject, input, Object.fromEntries([...keys, ...(solvesFv ? [] : ["fv"]), "type"].map((k) => [k, 1] as const)));
  const i = input as AnnuityTerms;
  const type = i.type ?? 0;
  if (type !== 0 && type !== 1) throw ValidationError.single(["type"], "type must be 0 (end of period) or 1 (beginning)", subject);
  const get = (k: keyof AnnuityTerms) => (keys.includes(k) ? term(i, k, subject, true) : new PmoDecimal(0));
  const rate = keys.includes("rate") ? get("rate") : new PmoDecimal(0);
  if (keys.includes("rate") && rate.lte(-1)) throw ValidationError.single(["rate"], "rate must be greater than -1 (-100%)", subject);
  return { rate, nper: get("nper"), pmt: get("pmt"), pv: get("pv"), fv: term(i, "fv", subject, false), type };
}

/** (1+r)^n and the annuity factor (1 + r·type)·((1+r)^n − 1)/r (which is n when r = 0). */
/** A figure with a negative zero made plain: `-(0·g + 0)` is −0 in decimal.js, and a shown or signed figure must read 0. */
function figure(d: Decimal): Metric<Decimal, AnnuityReason> {
  return metric(d.isZero() ? new PmoDecimal(0) : d);
}

function factors(rate: Decimal, nper: Decimal, type: PaymentTiming): { growth: Decimal; annuity: Decimal } {
  if (rate.isZero()) return { growth: new PmoDecimal(1), annuity: nper };
  const growth = rate.plus(1).pow(nper);
  return { growth, annuity: rate.times(type).plus(1).times(growth.minus(1)).div(rate) };
}

/**
 * The payment per period that pays off `pv` (and reaches `fv`) in `nper` periods at `rate` — spreadsheet `PMT`.
 *
 * @throws {ValidationError} for a missing or non-decimal term, a rate ≤ −1 or a type other than 0/1.
 * @example
 * ```ts
 * // Spreadsheet documentation: =PMT(8%/12, 10, 10000) → -1,037.03
 * annuityPayment({ rate: new PmoDecimal("0.08").div(12), nper: 10, pv: 10000 }).value?.toFixed(2); // "-1037.03"
 * ```
 */
export function annuityPayment(terms: AnnuityTermsFor<"rate" | "nper" | "pv">): Metric<Decimal, AnnuityReason> {
  const t = read(terms, "annuityPayment", ["rate", "nper", "pv"]);
  if (t.nper.isZero()) return missing("nper-is-zero", "no periods to pay in");
  const { growth, annuity } = factors(t.rate, t.nper, t.type);
  if (annuity.isZero()) return missing("no-solution", "the annuity factor is zero for these terms");
  return figure(t.pv.times(growth).plus(t.fv).negated().div(annuity));
}

/**
 * The present value of `nper` payments of `pmt` (and a final `fv`) at `rate` — spreadsheet `PV`.
 *
 * @throws {ValidationError} for a missing or non-decimal term, a rate ≤ −1 or a type other than 0/1.
 * @example
 * ```ts
 * // Spreadsheet documentation: =PV(0.08/12, 12*20, 500, , 0) → -59,777.15
 * annuityPresentValue({ rate: new PmoDecimal("0.08").div(12), nper: 240, pmt: 500 }).value?.toFixed(2); // "-59777.15"
 * ```
 */
export function annuityPresentValue(terms: AnnuityTermsFor<"rate" | "nper" | "pmt">): Metric<Decimal, AnnuityReason> {
  const t = read(terms, "annuityPresentValue", ["rate", "nper", "pmt"]);
  const { growth, annuity } = factors(t.rate, t.nper, t.type);
  return figure(t.pmt.times(annuity).plus(t.fv).negated().div(growth));
}

/**
 * The value after `nper` periods of `pv` plus payments `pmt` at `rate` — spreadsheet `FV`.
 *
 * @throws {ValidationError} for a missing or non-decimal term, a rate ≤ −1 or a type other than 0/1.
 * @example
 * ```ts
 * // Spreadsheet documentation: =FV(0.06/12, 10, -200, -500, 1) → 2,581.40
 * annuityFutureValue({ rate: "0.005", nper: 10, pmt: -200, pv: -500, type: 1 }).value?.toFixed(2); // "2581.40"
 * ```
 */
export function annuityFutureValue(terms: Omit<AnnuityTermsFor<"rate" | "nper" | "pmt" | "pv">, "fv">): Metric<Decimal, AnnuityReason> {
  const t = read(terms, "annuityFutureValue", ["rate", "nper", "pmt", "pv"], true);
  const { growth, annuity } = factors(t.rate, t.nper, t.type);
  return figure(t.pv.times(growth).plus(t.pmt.times(annuity)).negated());
}

/**
 * The number of periods in which payments `pmt` turn `pv` into `fv` at `rate` — spreadsheet `NPER`.
 * `no-solution` where the spreadsheet answers #NUM! (the payments never get there); `pmt-is-zero` at rate 0 with
 * no payment.
 *
 * @throws {ValidationError} for a missing or non-decimal term, a rate ≤ −1 or a type other than 0/1.
 * @example
 * ```ts
 * // Spreadsheet documentation: =NPER(0.12/12, -100, -1000, 10000, 1) → 59.6738657
 * annuityPeriods({ rate: "0.01", pmt: -100, pv: -1000, fv: 10000, type: 1 }).value?.toFixed(7); // "59.6738657"
 * ```
 */
export function annuityPeriods(terms: AnnuityTermsFor<"rate" | "pmt" | "pv">): Metric<Decimal, AnnuityReason> {
  const t = read(terms, "annuityPeriods", ["rate", "pmt", "pv"]);
  if (t.rate.isZero()) {
    if (t.pmt.isZero()) return missing("pmt-is-zero", "at rate 0 the payment must not be zero");
    return figure(t.pv.plus(t.fv).negated().div(t.pmt));
  }
  // From the equation: (1+r)^n = (pmt·(1+r·type) − fv·r) / (pmt·(1+r·type) + pv·r)
  const p = t.pmt.times(t.rate.times(t.type).plus(1));
  const num = p.minus(t.fv.times(t.rate));
  const den = p.plus(t.pv.times(t.rate));
  if (den.isZero() || num.div(den).lte(0)) return missing("no-solution", "no number of periods reaches the future value");
  return figure(num.div(den).ln().div(t.rate.plus(1).ln()));
}

/** Options of {@link annuityRate}. */
export interface AnnuityRateOptions {
  /** Where Newton's method starts. Default 0.1, as spreadsheets. */
  readonly guess?: DecimalInput;
}

const RATE_OPTION_KEYS = { guess: 1 } satisfies Record<keyof AnnuityRateOptions, 1>;

/**
 * The interest rate per period at which payments `pmt` over `nper` periods turn `pv` into `fv` — spreadsheet `RATE`.
 * Newton's method from `guess` in 34-digit decimals, to a full Newton step |Δr| ≤ 1e-24 within 200 steps. A step
 * that would reach −100 % is halved back, and a step beyond 10,000 % a period (the top of the IRR search range) is
 * halved back towards it; such a cut-back step never counts as convergence. A root within 1e-24 of 0 where 0 itself
 * balances the terms exactly is 0 (not a residue such as −3.95e-34). When Newton's method does not settle on
 * a root (it runs into −100 %, goes flat or wanders), every rate from −99.9999 % to 10,000 % that balances the terms
 * is searched for as `irr` does, and the one closest to `guess` returned — so RATE(120; −553.92; 4802.08) is
 * 11.53 % although Newton's method from 10 % heads for −100 %; `no-convergence` when there is none (a spreadsheet
 * answers Err:523 / #NUM! after its own 20 Newton steps). When `nper` is positive and pv, pmt and fv never differ in sign
 * (nothing paid against something received, or no cash flow at all), no single rate is the answer: `no-solution`.
 *
 * @throws {ValidationError} for a missing or non-decimal term, a type other than 0/1, a guess ≤ −1, or an unknown option
 * key (at `options.<key>`).
 * @example
 * ```ts
 * // Spreadsheet documentation: =RATE(4*12, -200, 8000) → about 0.77 % a month (9.24 % a year)
 * annuityRate({ nper: 48, pmt: -200, pv: 8000 }).value?.times(12).toFixed(4); // "0.0924"
 * ```
 */
export function annuityRate(terms: AnnuityTermsFor<"nper" | "pmt" | "pv">, options: AnnuityRateOptions = {}): Metric<Decimal, AnnuityReason> {
  checkArguments("annuityRate", { options: [options, "object?"] });
  checkOptionKeys("annuityRate", options, RATE_OPTION_KEYS, ["options"]);
  const t = read(terms, "annuityRate", ["nper", "pmt", "pv"]);
  if (t.nper.isZero()) return missing("nper-is-zero", "no periods");
  const g = options.guess === undefined ? new PmoDecimal("0.1") : toDecimalOrUndefined(options.guess);
  if (g === undefined || g.lte(-1)) throw ValidationError.single(["options", "guess"], "guess must be a decimal greater than -1", "annuityRate");
  if (t.nper.gt(0) && !mixedSigns([t.pv, t.pmt, t.fv])) {
    return missing("no-solution", t.pv.isZero() && t.pmt.isZero() && t.fv.isZero()
      ? "no cash flow: every rate balances the terms, so none is the answer"
      : "pv, pmt and fv do not differ in sign: no rate balances them");
  }
  const newton = newtonRate(t, g);
  if (newton !== undefined) return figure(newton);
  // Newton's method did not settle on a root (it ran into −100 %, went flat or wandered): look for every rate in
  // the IRR search range that balances the terms, as IRR does, and take the one closest to the guess.
  const nums = { nper: t.nper.toNumber(), pmt: t.pmt.toNumber(), pv: t.pv.toNumber(), fv: t.fv.toNumber(), type: t.type };
  const best = closestRoot(findRoots((r) => rateEquation(r, t), (r) => approxRateEquation(r, nums)), g);
  if (best !== undefined) return figure(best);
  return missing("no-convergence", "no rate between -99.9999% and 10,000% balances the terms (Newton's method did not settle either)");
}

/**
 * Newton's method from `guess`: the rate where a full Newton step moved it by at most 1e-24, or undefined when it
 * does not get there (a flat equation, a run into −100 %, or 200 steps). A step that was cut back — halved towards
 * −100 % or towards the top of the range — is never taken for convergence: halving towards −1 shrinks the steps
 * below any tolerance while the equation stays far from zero (this reported −99.99…% for RATE(120; −553.92; 4802.08),
 * whose rate is 11.53 %).
 */
function newtonRate(t: { nper: Decimal; pmt: Decimal; pv: Decimal; fv: Decimal; type: PaymentTiming }, guess: Decimal): Decimal | undefined {
  const high = new PmoDecimal(RATE_SEARCH_RANGE.high);
  const tolerance = new PmoDecimal("1e-24");
  // A root within the tolerance of 0 where 0 balances the terms exactly is 0: Newton's method ends a hair from it,
  // below 34 digits of 1 + r (RATE(10; 0; −1000; 1000) was −3.95e-34, "-0.0000" to four places).
  const done = (x: Decimal) => (x.abs().lte(tolerance) && rateEquation(new PmoDecimal(0), t).value.isZero() ? new PmoDecimal(0) : x);
  let r = guess;
  for (let iter = 0; iter < 200; iter++) {
    const { value, slope } = rateEquation(r, t);
    if (value.isZero()) return done(r);
    if (slope.isZero()) return undefined;
    let next = r.minus(value.div(slope));
    let cut = false;
    // Keep the iterate above −100 %: halve the distance to −1 instead of stepping past it.
    if (next.lte(-1)) {
      next = r.plus(-1).div(2);
      cut = true;
    }
    // Within one unit of the 34th digit of −1 the midpoint rounds to −1 itself (this used to loop for ever).
    if (next.lte(-1)) return undefined;
    // …and below the top of the search range: Newton's method can run to rates with millions of digits otherwise.
    if (next.gt(high)) {
      next = r.plus(high).div(2);
      cut = true;
    }
    if (!cut && next.minus(r).abs().lte(tolerance)) return done(next);
    r = next;
  }
  return undefined;
}

/** The annuity equation and its slope in float, for the root scan only (never for a reported figure). */
function approxRateEquation(r: number, t: { nper: number; pmt: number; pv: number; fv: number; type: PaymentTiming }): { value: number; slope: number; scale: number } {
  const n = t.nper;
  if (Math.abs(r) < 1e-12) {
    return {
      value: t.pv + t.pmt * n + t.fv,
      slope: t.pv * n + t.pmt * ((n * (n - 1)) / 2 + n * t.type),
      scale: Math.max(Math.abs(t.pv), Math.abs(t.pmt * n), Math.abs(t.fv)),
    };
  }
  const q = 1 + r;
  const growth = Math.pow(q, n);
  const dGrowth = (n * growth) / q;
  const lead = 1 + r * t.type;
  const ratio = (growth - 1) / r;
  const dRatio = (dGrowth * r - (growth - 1)) / (r * r);
  return {
    value: t.pv * growth + t.pmt * lead * ratio + t.fv,
    slope: t.pv * dGrowth + t.pmt * (ratio * t.type + lead * dRatio),
    scale: Math.max(Math.abs(t.pv * growth), Math.abs(t.pmt * lead * ratio), Math.abs(t.fv)),
  };
}

/** The annuity equation's value and its slope in the rate. */
/** True when the amounts include both a positive and a negative one. */
function mixedSigns(amounts: readonly Decimal[]): boolean {
  return amounts.some((a) => a.gt(0)) && amounts.some((a) => a.lt(0));
}

function rateEquation(
  r: Decimal,
  t: { nper: Decimal; pmt: Decimal; pv: Decimal; fv: Decimal; type: PaymentTiming },
): { value: Decimal; slope: Decimal } {
  const n = t.nper;
  if (r.isZero()) {
    // Limits at r = 0: value pv + pmt·n + fv; slope pv·n + pmt·(n(n−1)/2 + type·n).
    return {
      value: t.pv.plus(t.pmt.times(n)).plus(t.fv),
      slope: t.pv.times(n).plus(t.pmt.times(n.times(n.minus(1)).div(2).plus(n.times(t.type)))),
    };
  }
  const q = r.plus(1);
  const growth = q.pow(n);
  const dGrowth = n.times(growth).div(q);
  const lead = r.times(t.type).plus(1);
  const ratio = growth.minus(1).div(r);
  const dRatio = dGrowth.times(r).minus(growth.minus(1)).div(r.times(r));
  return {
    value: t.pv.times(growth).plus(t.pmt.times(lead).times(ratio)).plus(t.fv),
    slope: t.pv.times(dGrowth).plus(t.pmt.times(ratio.times(t.type).plus(lead.times(dRatio)))),
  };
}
