import { PmoDecimal, ValidationError, minorUnits, type Decimal, type Money, type ValidationIssue } from "../core/index.js";

/*
 * Exact integer helpers for the hot path. Money inside the engine is an integer number of minor units (cents) held
 * in a JS number: integers up to 2^53 are exact, which is ±90 trillion euros in cents. Every product that could pass
 * 2^53 falls back to BigInt, so no step ever rounds silently; the only rounding is the stated half-even rounding of
 * a pro-rata share to whole cents.
 */

/** 10^scale as a number. */
export function pow10(scale: number): number {
  return 10 ** scale;
}

/** The amount of `m` in whole minor units; more decimals than the currency has is an error (no silent rounding). */
export function toMinor(m: Money, path: readonly (string | number)[], subject: string): number {
  const n = scaledToMinor(m, path, subject).toNumber();
  if (!Number.isSafeInteger(n)) throw ValidationError.single([...path], "amount too large for exact arithmetic", subject);
  return n;
}

/** {@link toMinor} as an exact bigint, at any size (for arithmetic in BigInt, such as an agile release's shares). */
export function toMinorBig(m: Money, path: readonly (string | number)[], subject: string): bigint {
  return BigInt(scaledToMinor(m, path, subject).toFixed());
}

function scaledToMinor(m: Money, path: readonly (string | number)[], subject: string): Decimal {
  const scale = minorUnits(m.currency);
  const scaled = m.amount.times(pow10(scale));
  if (!scaled.isInteger()) {
    throw ValidationError.single([...path], `${m.amount.toFixed()} ${m.currency} has more than ${scale} decimals`, subject);
  }
  return scaled;
}

/**
 * A running total of the magnitudes of the amounts a calculation sums: every sum and difference it forms is bounded
 * by that total, so while it stays within 2^53 − 1 minor units (about 90 trillion in a two-decimal currency) all of
 * them are exact in a JS number. The amount that takes it past gets an issue; past it a total such as AC would round.
 */
export function magnitudeCounter(issues: ValidationIssue[]): (units: number, path: readonly (string | number)[]) => number {
  let total = 0;
  return (units, path) => {
    const before = total;
    total += Math.abs(units);
    if (total > Number.MAX_SAFE_INTEGER && before <= Number.MAX_SAFE_INTEGER) {
      issues.push({ path, message: "the amounts total more than 2^53 − 1 minor units: too large for exact arithmetic", code: "custom" });
    }
    return units;
  };
}

/** Minor units back to Money (the edge: one Decimal per figure read). */
export function fromMinor(units: number | bigint, currency: string): Money {
  // The currency was validated when the inputs were decoded; build the frozen Money directly.
  return Object.freeze({ amount: minorToDecimal(units, currency), currency });
}

/** Minor units as a Decimal in major units (by placing the decimal point: exact, and cheaper than a division). */
export function minorToDecimal(units: number | bigint, currency: string): Decimal {
  // A bigint (a forecast past 2^53 minor units) keeps every digit; String(number) would turn to exponent notation.
  const scale = minorUnits(currency);
  if (scale === 0) return new PmoDecimal(units.toString());
  const digits = units.toString().replace("-", "").padStart(scale + 1, "0");
  return new PmoDecimal(`${units < 0 ? "-" : ""}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}

/**
 * round(a × b ÷ c) to an integer, half-even, exactly (c > 0, a, b integers). Used for pro-rata shares of a cell.
 */
export function mulDivRound(a: number, b: number, c: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) {
    const q = Math.floor(p / c), twice = 2 * (p - q * c);
    return twice > c || (twice === c && q % 2) ? q + 1 : q;
  }
  return Number(productRatioRoundBig([a, b], [c])); // past 2^53: the same rounding in BigInt
}

/** A non-negative Decimal as an exact fraction num/den with den = 10^k (for factors and percentages). */
export function toFraction(d: Decimal, path: readonly (string | number)[], subject: string): { num: number; den: number } {
  const places = d.decimalPlaces();
  const den = pow10(places);
  const num = d.times(den).toNumber();
  if (places > 15 || !Number.isSafeInteger(num)) {
    throw ValidationError.single([...path], `${d.toFixed()} has too many digits for exact arithmetic`, subject);
  }
  return { num, den };
}

/** round(Π nums ÷ Π dens) to an integer, half-even, exactly (BigInt: products of cents can pass 2^53). Dens ≠ 0. */
export function productRatioRound(nums: readonly (number | bigint)[], dens: readonly (number | bigint)[]): number {
  return Number(productRatioRoundBig(nums, dens));
}

/** {@link productRatioRound} as an exact bigint, for a result that may pass 2^53 (a forecast from a tiny EV). */
export function productRatioRoundBig(nums: readonly (number | bigint)[], dens: readonly (number | bigint)[]): bigint {
  let n = 1n, d = 1n;
  for (const x of nums) n *= BigInt(x);
  for (const x of dens) d *= BigInt(x);
  if (d < 0n) { n = -n; d = -d; }
  let q = n / d;
  let r = n % d;
  if (r < 0n) { q -= 1n; r += d; }
  const twice = 2n * r;
  if (twice > d || (twice === d && q % 2n !== 0n)) q += 1n;
  return q;
}

/** Any finite Decimal as an exact fraction of BigInts, num / 10^k, read from its digits (no rounding at any size). */
function exactFraction(d: Decimal): { num: bigint; den: bigint } {
  const s = d.toFixed();
  const dot = s.indexOf(".");
  return dot < 0 ? { num: BigInt(s), den: 1n } : { num: BigInt(s.slice(0, dot) + s.slice(dot + 1)), den: 10n ** BigInt(s.length - dot - 1) };
}

/**
 * `units × num ÷ den` rounded half-even to an integer, exactly: the share of a budget (integer minor units) that a
 * percentage, a units ratio or a milestone weight earns. In BigInt over the Decimals' digits, so nothing rounds before
 * the one stated rounding (the general `divideToScale` gives the same result, at the cost of a second decimal engine
 * in every bundle that earns value). Refuses what that refused, with the same errors.
 */
export function shareOf(units: number, num: Decimal, den: Decimal): number {
  return Number(shareOfBig(units, num, den));
}

/**
 * {@link shareOf} as an exact bigint, at any size: a share of a budget by a ratio of two Decimals (points done of the
 * scope, AC of EV) where the result may pass 2^53 minor units.
 */
export function shareOfBig(units: number | bigint, num: Decimal, den: Decimal): bigint {
  if (!num.isFinite()) throw ValidationError.single(["a"], "expected a finite Decimal", "decimal division");
  if (!den.isFinite()) throw ValidationError.single(["b"], "expected a finite Decimal", "decimal division");
  const n = exactFraction(num);
  const d = exactFraction(den);
  if (d.num === 0n) throw ValidationError.single(["divisor"], "division by zero", "decimal division");
  return productRatioRoundBig([units, n.num, d.den], [n.den, d.num]);
}
