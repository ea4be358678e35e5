import { PmoDecimal, checkArguments, checkOptionKeys, missing, type Decimal, type DecimalInput, type MetricMissing, type MetricValue } from "../../core/index.js";
import { signChanges, toFlows, toRate, type CashFlowInput } from "./flows.js";
import { closestRoot, findRoots, finiteApprox, type ApproxRateFunction, type RateFunction } from "./roots.js";

/** Why a rate of return does not exist. */
export type RateReason = "too-few-flows" | "no-sign-change" | "no-root-found";

/** What the root search saw, reported with every IRR/XIRR. */
export interface RateDiagnostics {
  /** Sign changes in the flows (zeros skipped; for XIRR in date order, one day's flows netted). More than one means there may be several rates. */
  readonly signChanges: number;
  /** True when more than one sign change makes several roots possible. */
  readonly multipleRootsPossible: boolean;
  /** Every rate between −99.9999 % and 10,000 % that makes the NPV zero, ascending; the figure is the one closest to the guess. */
  readonly roots: readonly Decimal[];
}

/** A rate of return: a figure or a typed reason, with the root search's diagnostics. */
export type RateMetric = (MetricValue<Decimal> | MetricMissing<RateReason>) & RateDiagnostics;

/** Options of {@link irr}. */
export interface IrrOptions {
  /** Where to look first; among several roots the one closest to it is returned. Default 0.1 (as Excel). */
  readonly guess?: DecimalInput;
}

/** @internal The keys of {@link IrrOptions} (and of XirrOptions). */
export const GUESS_OPTION_KEYS = { guess: 1 } satisfies Record<keyof IrrOptions, 1>;

/**
 * Internal rate of return: the rate where the NPV of the flows (first flow at t = 0) is zero, as Excel's `IRR`.
 *
 * Every rate from −99.9999 % to 10,000 % that makes the NPV zero is found — also pairs of roots that a coarse grid
 * misses because the NPV dips through zero and back between two grid rates (the search looks at every turn of the
 * NPV curve) — and listed in `roots`. The figure is the root nearest to `guess` (default 0.1, Excel's default guess;
 * the smaller on a tie). Flows with more than one sign change may have several rates: `multipleRootsPossible` is
 * set. No sign change → `no-sign-change`; no root in the range → `no-root-found`.
 *
 * @throws {ValidationError} for a non-finite flow, a guess ≤ −1, or an unknown option key (at `options.<key>`).
 * @example
 * ```ts
 * // Excel IRR help: =IRR(-70000, 12000, 15000, 18000, 21000, 26000) → 8.7%
 * irr(["-70000", "12000", "15000", "18000", "21000", "26000"]).value?.toFixed(3); // "0.087"
 * ```
 */
export function irr(flows: readonly CashFlowInput[], options: IrrOptions = {}): RateMetric {
  checkArguments("irr", { options: [options, "object?"] });
  checkOptionKeys("irr", options, GUESS_OPTION_KEYS, ["options"]);
  const f = toFlows(flows, "irr");
  const guess = options.guess === undefined ? new PmoDecimal("0.1") : toRate(options.guess, "irr", ["options", "guess"]);
  const nums = f.map((x) => x.toNumber());
  const times = nums.map((_, i) => i);
  const approx = (r: number) => finiteApprox(approxNpvAndSlope(r, nums), r, nums, times);
  return solveRate(f.length < 2, signChanges(f), (r) => npvAndSlope(r, f), approx, guess);
}

/** @internal Shared tail of IRR and XIRR. */
export function solveRate(
  tooFew: boolean,
  changes: number,
  fn: RateFunction,
  approx: ApproxRateFunction,
  guess: Decimal,
): RateMetric {
  const diag = { signChanges: changes, multipleRootsPossible: changes > 1 };
  if (tooFew) return { ...missing("too-few-flows", "at least two flows are needed"), ...diag, roots: [] };
  if (changes === 0) return { ...missing("no-sign-change", "the flows never change sign (XIRR: each day's flows netted), so no rate makes the NPV zero"), ...diag, roots: [] };
  const roots = findRoots(fn, approx);
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

/** The same in float, for the root scan only (never for a reported figure). */
function approxNpvAndSlope(rate: number, flows: readonly number[]): { value: number; slope: number; scale: number } {
  const v = 1 / (1 + rate);
  let value = 0;
  let dv = 0;
  let scale = 0;
  let vi = 1;
  for (let i = flows.length - 1; i >= 0; i--) {
    dv = dv * v + value;
    value = value * v + flows[i]!;
  }
  for (const f of flows) {
    scale = Math.max(scale, Math.abs(f * vi));
    vi *= v;
  }
  return { value, slope: -dv * v * v, scale };
}
