import { PmoDecimal, type Decimal } from "../core/index.js";

/*
 * Scores are fixed-point: every contribution is rounded once (half-even) to the model's `decimals` places and kept
 * as an integer count of units (10^-decimals) in a Float64Array. Integers below 2^53 add exactly in binary64, so a
 * score — the sum of its contributions' units — is exact, and "the breakdown sums to the score" holds to the unit.
 * Decimals are made only at the edge.
 */

/** Largest magnitude of units that binary64 holds exactly. */
export const MAX_UNITS = Number.MAX_SAFE_INTEGER;

/**
 * @internal Rounds x (already scaled) to an integer, ties to even. A float within 2^-47·|x| (at most 2^-8) of a tie —
 * a few units in its last place, the float error of a sum of some tens of terms — is that tie: a weighted sum exactly
 * halfway (6.75/9 = 0.75 at one decimal) landed on 7.499999999999999 or 62.50000000000001, and equal scores were
 * rounded apart (0.7 and 0.8).
 */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f - 0.5;
  const e = Math.min(Math.abs(x) * 2 ** -47, 2 ** -8);
  return d < -e ? f : d > e || f % 2 ? f + 1 : f;
}

/** @internal Units → Decimal, exactly (the integer's digits with an exponent, no binary fraction involved). */
export function unitsToDecimal(units: number, decimals: number): Decimal {
  return new PmoDecimal(`${units || 0}e-${decimals}`);
}
