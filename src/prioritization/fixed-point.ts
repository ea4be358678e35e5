import { PmoDecimal, type Decimal } from "../core/index.js";

/*
 * Scores are fixed-point: every contribution is rounded once (half-even) to the model's `decimals` places and kept
 * as an integer count of units (10^-decimals) in a Float64Array. Integers below 2^53 add exactly in binary64, so a
 * score — the sum of its contributions' units — is exact, and "the breakdown sums to the score" holds to the unit.
 * Decimals are made only at the edge.
 */

/** Largest magnitude of units that binary64 holds exactly. */
export const MAX_UNITS = Number.MAX_SAFE_INTEGER;

/** @internal Rounds x (already scaled) to an integer, ties to even. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d < 0.5) return f;
  if (d > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

/** @internal Units → Decimal, exactly (through the integer's digits, no binary fraction involved). */
export function unitsToDecimal(units: number, decimals: number): Decimal {
  if (units === 0) return new PmoDecimal(0);
  const neg = units < 0;
  let digits = String(Math.abs(units));
  if (decimals > 0) {
    digits = digits.padStart(decimals + 1, "0");
    digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  }
  return new PmoDecimal(neg ? `-${digits}` : digits);
}
