/**
 * Exact rationals for the prioritization oracles: BigInt fractions in lowest terms with a positive denominator. Test
 * code only, sharing nothing with src/prioritization, so an oracle built on them is independent of the engine.
 */
export type Q = [bigint, bigint];
export const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
export const q = (n: bigint, d = 1n): Q => {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
};
export const add = (a: Q, b: Q) => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
export const mul = (a: Q, b: Q) => q(a[0] * b[0], a[1] * b[1]);
export const div = (a: Q, b: Q) => q(a[0] * b[1], a[1] * b[0]);
