import { PmoDecimal, missing, type Decimal, type DecimalInput, type MetricMissing, type MetricValue } from "../../core/index.js";
import { signChanges, toFlows, toRate, type CashFlowInput } from "./flows.js";
import { closestRoot, findRoots } from "./roots.js";

/** Why a rate of return does not exist. */
export type RateReason = "too-few-flows" | "no-sign-change" | "no-root-found";

/** What the root search saw, reported with every IRR/XIRR. */
export interface RateDiagnostics {
  /** Sign changes in the flows (zeros skipped). More than one means there may be several rates. */
  readonly signChanges: number;
  /** True when more than one sign change makes several roots possible. */
  readonly multipleRootsPossible: boolean;
  /** Every root the bracketing search found, ascending; the figure is the one closest to the guess. */
  readonly roots: readonly Decimal[];
}

/** A rate of return: a figure or a typed reason, with the root search's diagnostics. */
export type RateMetric = (MetricValue<Decimal> | MetricMissing<RateReason>) & RateDiagnostics;

/** Options of {@link irr}. */
export interface IrrOptions {
  /** Where to look first; among several roots the one closest to it is returned. Default 0.1 (as Excel). */
  readonly guess?: DecimalInput;
}

/**
 * Internal rate of return: the rate where the NPV of the flows (first flow at t = 0) is zero, as Excel's `IRR`.
 *
 * The search brackets roots on a grid of rates from −99.9999% to 10,000% before refining with safeguarded Newton
 * steps, so it never diverges. Flows with more than one sign change may have several rates: all roots found are
 * listed and `multipleRootsPossible` is set. No sign change → `no-sign-change`; a sign change but no root in the
 * range → `no-root-found`.
 *
 * @throws {ValidationError} for a non-finite flow.
 * @example
 * ```ts
 * // Excel IRR help: =IRR(-70000, 12000, 15000, 18000, 21000, 26000) → 8.7%
 * irr(["-70000", "12000", "15000", "18000", "21000", "26000"]).value?.toFixed(3); // "0.087"
 * ```
 */
export function irr(flows: readonly CashFlowInput[], options: IrrOptions = {}): RateMetric {
  const f = toFlows(flows, "irr");
  const guess = options.guess === undefined ? new PmoDecimal("0.1") : toRate(options.guess, "irr", ["options", "guess"]);
  return solveRate(f.length < 2, signChanges(f), (r) => npvAndSlope(r, f), guess);
}

/** @internal Shared tail of IRR and XIRR. */
export function solveRate(
  tooFew: boolean,
  changes: number,
  fn: Parameters<typeof findRoots>[0],
  guess: Decimal,
): RateMetric {
  const diag = { signChanges: changes, multipleRootsPossible: changes > 1 };
  if (tooFew) return { ...missing("too-few-flows", "at least two flows are needed"), ...diag, roots: [] };
  if (changes === 0) return { ...missing("no-sign-change", "all flows have the same sign, so no rate makes the NPV zero"), ...diag, roots: [] };
  const roots = findRoots(fn);
  const best = closestRoot(roots, guess);
  if (best === undefined) return { ...missing("no-root-found", "no rate between -99.9999% and 10,000% makes the NPV zero"), ...diag, roots };
  return { value: best, ...diag, roots };
}

/** NPV (t = 0 … n−1) and its derivative in the rate, by Horner's scheme. */
function npvAndSlope(rate: Decimal, flows: readonly Decimal[]): { value: Decimal; slope: Decimal } {
  const v = new PmoDecimal(1).div(rate.plus(1)); // discount factor
  let value = new PmoDecimal(0);
  let dv = new PmoDecimal(0); // d value / d v
  for (let i = flows.length - 1; i >= 0; i--) {
    dv = dv.times(v).plus(value);
    value = value.times(v).plus(flows[i]!);
  }
  // d/dr = d/dv · dv/dr, with dv/dr = −v²
  return { value, slope: dv.times(v).times(v).negated() };
}
