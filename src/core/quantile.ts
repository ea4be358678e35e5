import { PmoDecimal, type Decimal } from "./decimal.js";

/*
 * Percentiles of a sorted sample under a named convention, for the simulations (schedule risk Monte Carlo, the
 * forecast range bootstrap). Statistics, not bookkeeping: plain doubles in, a double out; the calculators round the
 * result to their own units (minutes, working days, cents) at the edge.
 */

/**
 * The percentile conventions pmokit's simulations offer (Hyndman & Fan 1996 numbering), as `PercentileMethod` values:
 *
 * - `"nearest-rank"` — type 1, numpy `inverted_cdf`: the smallest sample value with at least p of the sample at or
 *   below it, the ⌈p·n⌉-th smallest. Always one of the simulated values. pmokit's default.
 * - `"linear"` — type 7: numpy's and R's default, Excel `PERCENTILE.INC`, LibreOffice `PERCENTILE`: position
 *   h = (n − 1)·p + 1, interpolated linearly between the neighbouring sorted values.
 * - `"exclusive"` — type 6: Excel `PERCENTILE.EXC`, Minitab, SPSS, numpy `weibull`: position h = (n + 1)·p,
 *   interpolated the same way. It has no value where h < 1 or h > n, i.e. p outside [1/(n+1), n/(n+1)]: Excel
 *   answers `#NUM!` there (numpy clips to the extremes); pmokit answers with a typed reason, never a clamped value.
 *
 * @example
 * ```ts
 * PERCENTILE_METHODS.includes("linear"); // true
 * ```
 */
export const PERCENTILE_METHODS = ["nearest-rank", "linear", "exclusive"] as const;

/**
 * A percentile convention: `"nearest-rank"` (type 1), `"linear"` (type 7, `PERCENTILE.INC`) or `"exclusive"`
 * (type 6, `PERCENTILE.EXC`); see {@link PERCENTILE_METHODS}.
 */
export type PercentileMethod = (typeof PERCENTILE_METHODS)[number];

/** @internal True when `v` names a convention of {@link PERCENTILE_METHODS}. */
export function isPercentileMethod(v: unknown): v is PercentileMethod {
  return v === "nearest-rank" || v === "linear" || v === "exclusive";
}

/** @internal The convention in words, for a result's `method` note or a message. */
export function describePercentileMethod(method: PercentileMethod): string {
  switch (method) {
    case "nearest-rank":
      return "nearest rank (Hyndman–Fan type 1)";
    case "linear":
      return "linear interpolation (Hyndman–Fan type 7, PERCENTILE.INC)";
    case "exclusive":
      return "exclusive interpolation (Hyndman–Fan type 6, PERCENTILE.EXC)";
  }
}

const FUZZ = 4 * Number.EPSILON;

/**
 * p·m as the decimal arithmetic meant it: a product within a few ulps of a whole number is that number
 * (0.07 × 100 is 7.000000000000001 in doubles, and (1 − 0.8)/2 × 2000 is 199.99999999999997). Monotone in `x`.
 */
function snap(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= FUZZ * Math.max(1, Math.abs(x)) ? r : x;
}

/** 0-based fractional position of the p-quantile among n sorted values, or NaN where the convention has none. */
function position(n: number, p: number, method: PercentileMethod): number {
  switch (method) {
    case "nearest-rank":
      return Math.min(n - 1, Math.max(0, Math.ceil(snap(p * n)) - 1));
    case "linear":
      return snap(p * (n - 1));
    case "exclusive": {
      const h = snap(p * (n + 1));
      return h >= 1 && h <= n ? h - 1 : NaN;
    }
  }
}

/**
 * @internal True when the convention gives the p-quantile (0 ≤ p ≤ 1) of n ≥ 1 values: always for `nearest-rank`
 * and `linear`, for `exclusive` only when 1/(n+1) ≤ p ≤ n/(n+1).
 */
export function percentileDefined(n: number, p: number, method: PercentileMethod): boolean {
  return n >= 1 && p >= 0 && p <= 1 && !Number.isNaN(position(n, p, method));
}

/**
 * @internal The fewest values for which the convention gives the p-quantile (Infinity for `exclusive` at p = 0 or 1),
 * for messages such as "P99 needs at least 99 iterations".
 */
export function minimumSampleSize(p: number, method: PercentileMethod): number {
  if (!(p >= 0 && p <= 1)) return Infinity;
  if (method !== "exclusive") return 1;
  if (p === 0 || p === 1) return Infinity;
  // Defined once (n + 1)·p ≥ 1 and (n + 1)·p ≤ n: both are lower bounds on n, so the first n that works is the answer.
  let n = Math.max(1, Math.floor(Math.max((1 - p) / p, p / (1 - p))) - 1);
  while (!percentileDefined(n, p, method)) n++;
  return n;
}

/**
 * @internal The p-quantile (0 ≤ p ≤ 1) of an ascending sample under a named convention; `undefined` for an empty
 * sample, a p outside [0, 1] or NaN, and an `exclusive` p outside [1/(n+1), n/(n+1)]. No allocation: the caller
 * sorts once and asks for as many percentiles as it needs. The sample must be sorted ascending, finite, without NaN.
 *
 * An interpolated value lies between its two neighbours (clamped to them, so rounding in a + (b − a)·g never steps
 * outside) and is monotone in p; nearest rank always returns a sample value.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number, method: PercentileMethod): number | undefined {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return undefined;
  const h = position(n, p, method);
  if (Number.isNaN(h)) return undefined;
  const j = Math.floor(h);
  const a = sorted[j] as number;
  const g = h - j;
  if (g === 0) return a;
  const b = sorted[j + 1] as number;
  const v = a + (b - a) * g;
  return v < a ? a : v > b ? b : v;
}

/**
 * @internal The p-quantile's place among n ≥ 1 ascending values, with p the decimal it means: the 0-based `index` of
 * the value at or below it and the exact `fraction` of the way to the next one (0 for nearest rank, and wherever the
 * place is a whole rank); `undefined` where the convention has none (p outside [0, 1], `exclusive` outside
 * [1/(n+1), n/(n+1)]). The same places as {@link quantileSorted}, without doubles: for a caller that interpolates
 * exact values (money past 2^53 minor units) and must not carry a double's 0.9000000000000057 for 0.9 into them.
 *
 * @example
 * ```ts
 * quantilePlace(2000, new PmoDecimal("0.1"), "linear"); // { index: 199, fraction: 0.9 } (h = 0.1 × 1999 = 199.9)
 * ```
 */
export function quantilePlace(n: number, p: Decimal, method: PercentileMethod): { readonly index: number; readonly fraction: Decimal } | undefined {
  if (!(n >= 1) || p.lt(0) || p.gt(1)) return undefined;
  const zero = new PmoDecimal(0);
  if (method === "nearest-rank") return { index: Math.min(n - 1, Math.max(0, p.times(n).ceil().toNumber() - 1)), fraction: zero };
  // h is 0-based: linear (n − 1)·p; exclusive (n + 1)·p − 1, defined for 1 ≤ (n + 1)·p ≤ n.
  const h = method === "linear" ? p.times(n - 1) : p.times(n + 1).minus(1);
  if (h.lt(0) || h.gt(n - 1)) return undefined;
  const index = h.floor().toNumber();
  return { index, fraction: h.minus(index) };
}
