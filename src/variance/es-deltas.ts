/*
 * Earned schedule is a fraction at each date (esNum / esDen working days, esDen a ΔPV in minor units). The forecast
 * range resamples its period deltas; to sum them exactly they are put over one common denominator L, as integers. In
 * periods (`policy.timeUnit: "periods"`) AT is a fraction too (the open period counts by working days): its deltas go
 * through the same function.
 */

/** @internal The ES deltas ES_k − ES_{k−1} (ES_{−1} = 0) as integers over one common denominator. */
export interface EsDeltas {
  /** The common denominator L (> 0). */
  readonly denominator: bigint;
  /** Each delta × L. */
  readonly exact: readonly bigint[];
  /** The same as doubles when every one is a safe integer, else undefined. */
  readonly small: readonly number[] | undefined;
  /** The largest |delta × L| (as a double). */
  readonly largest: number;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
};

/**
 * @internal ES deltas over a common denominator, from the cumulative ES at each date (`num / den`, den > 0, both whole
 * numbers).
 * @example
 * ```ts
 * esDeltas([{ num: 31, den: 10 }, { num: 62, den: 10 }]); // { denominator: 10n, exact: [31n, 31n], … }
 * ```
 */
export function esDeltas(es: readonly { readonly num: number | bigint; readonly den: number | bigint }[]): EsDeltas {
  const reduced = es.map(({ num, den }) => {
    const n = BigInt(num), d = BigInt(den), g = gcd(n, d) || 1n;
    return { num: n / g, den: d / g };
  });
  let L = 1n;
  for (const r of reduced) L = (L / gcd(L, r.den)) * r.den;
  let prev = 0n;
  const exact = reduced.map((r) => {
    const v = r.num * (L / r.den);
    const d = v - prev;
    prev = v;
    return d;
  });
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  const small = exact.every((d) => d <= safe && d >= -safe) ? exact.map(Number) : undefined;
  return { denominator: L, exact, small, largest: exact.reduce((m, d) => Math.max(m, Math.abs(Number(d))), 0) };
}
