import { PmoDecimal, divideToScale, type Decimal, type Money, type PercentileMethod, type RoundingMode } from "../core/index.js";
import { quantilePlace } from "../core/quantile.js";
import { fromMinor } from "./exact.js";

/*
 * The forecast range's draws, read exactly. Both bands have one shape: a draw's value is base + c × p / q with the
 * draw's resampled sums p, q > 0 — EAC = AC + (BAC − EV) × ΣΔAC / ΣΔEV in minor units, IEAC(t) = AT + (PD − ES) ×
 * ΣΔAT / ΣΔES in the policy's time unit — so each draw is a fraction of integers and so are its percentiles. Sorting,
 * interpolating and rounding them in BigInt keeps every digit (a tiny EV can put an EAC past 10^21 minor units, where
 * a double has lost the cents; a sum of ΔES like 3.1 + 3.1 + … lands a hair past a whole day in doubles and was
 * rounded up to the next one) and rounds once, by the convention asked for. The resampling itself stays in doubles: it
 * only chooses which periods a draw sums.
 */

/** @internal Each usable draw's resampled sums p (ΣΔAC, ΣΔAT × its common denominator) and q (ΣΔEV, ΣΔES × its common denominator), both positive. */
export interface DrawSums {
  readonly p: readonly (number | bigint)[];
  readonly q: readonly (number | bigint)[];
}

/** @internal A draw's value as the exact fraction num / den (den > 0). */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/** A finite Decimal as num / 10^k, from its digits. */
function decimalFraction(d: Decimal): Fraction {
  const s = d.toFixed();
  const dot = s.indexOf(".");
  return dot < 0 ? { num: BigInt(s), den: 1n } : { num: BigInt(s.slice(0, dot) + s.slice(dot + 1)), den: 10n ** BigInt(s.length - dot - 1) };
}

/**
 * @internal The band's values base + c × p/q (c = cNum / cDen, cDen > 0) at the percentiles `ps` (the decimals they
 * mean), as exact fractions; `undefined` for each percentile the convention has no value for.
 */
export function bandFractions(sums: DrawSums, at: { readonly base: Fraction; readonly cNum: bigint; readonly cDen: bigint }, ps: readonly Decimal[], method: PercentileMethod): (Fraction | undefined)[] {
  const n = sums.p.length;
  const pOf = (i: number) => sums.p[i] as number | bigint;
  const qOf = (i: number) => sums.q[i] as number | bigint;
  // The value rises with p/q when c > 0 (falls when c < 0: EV past BAC): sort by the ratio, exactly. The doubles decide
  // unless two ratios lie within 10^-9 of each other (far wider than their rounding); then the cross products.
  const ratio = Float64Array.from({ length: n }, (_, i) => Number(pOf(i)) / Number(qOf(i)));
  const order = Array.from({ length: n }, (_, i) => i).sort((i, k) => {
    const x = ratio[i] as number, y = ratio[k] as number;
    if (Math.abs(x - y) > 1e-9 * Math.max(x, y)) return x < y ? -1 : 1;
    const l = BigInt(pOf(i)) * BigInt(qOf(k)), r = BigInt(pOf(k)) * BigInt(qOf(i));
    return l < r ? -1 : l > r ? 1 : 0;
  });
  if (at.cNum < 0n) order.reverse();
  const { base, cNum, cDen } = at;
  const value = (rank: number): Fraction => {
    const i = order[rank] as number;
    const q = BigInt(qOf(i));
    return { num: base.num * cDen * q + cNum * BigInt(pOf(i)) * base.den, den: base.den * cDen * q };
  };
  const out: (Fraction | undefined)[] = [];
  for (const p of ps) {
    const place = quantilePlace(n, p, method);
    if (place === undefined) { out.push(undefined); continue; }
    let v = value(place.index);
    if (!place.fraction.isZero()) {
      // a + (b − a)·g, g = gn/gd: one fraction over a.den · b.den · gd.
      const b = value(place.index + 1), g = decimalFraction(place.fraction);
      const an = v.num * b.den, bn = b.num * v.den;
      v = { num: an * g.den + (bn - an) * g.num, den: v.den * b.den * g.den };
    }
    out.push(v);
  }
  return out;
}

/**
 * @internal The EAC band's values (EAC = AC + rest × ΣΔAC / ΣΔEV, in minor units) at the percentiles `ps`, each
 * rounded once to the currency's minor unit by `rounding`; `undefined` for each the convention has no value for.
 */
export function eacBandValues(
  sums: { readonly ac: readonly (number | bigint)[]; readonly ev: readonly (number | bigint)[] },
  at: { readonly ac: number; readonly rest: number; readonly currency: string },
  ps: readonly Decimal[],
  method: PercentileMethod,
  rounding: RoundingMode,
): (Money | undefined)[] {
  const fr = bandFractions({ p: sums.ac, q: sums.ev }, { base: { num: BigInt(at.ac), den: 1n }, cNum: BigInt(at.rest), cDen: 1n }, ps, method);
  // Minor units of num / den, rounded once (the core's exact division, as roundMoney rounds).
  return fr.map((v) => v && fromMinor(BigInt(divideToScale(new PmoDecimal(v.num.toString()), new PmoDecimal(v.den.toString()), 0, rounding).toFixed()), at.currency));
}
