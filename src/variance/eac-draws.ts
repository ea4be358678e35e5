import { PmoDecimal, divideToScale, type Decimal, type Money, type PercentileMethod, type RoundingMode } from "../core/index.js";
import { quantilePlace } from "../core/quantile.js";
import { fromMinor } from "./exact.js";

/*
 * The forecast range's EAC draws, read exactly. A draw's EAC = AC + (BAC − EV) × ΣΔAC / ΣΔEV is a fraction of
 * integers (minor units), so its percentiles are too: sorting, interpolating and rounding them in BigInt keeps every
 * digit (a tiny EV can put an EAC past 10^21 minor units, where a double has lost the cents and prints with an
 * exponent) and rounds once, by the convention asked for. The resampling itself stays in doubles: it only chooses
 * which periods a draw sums.
 */

/** @internal Each usable draw's resampled ΣΔAC and ΣΔEV, in minor units (both positive). */
export interface EacDrawSums {
  readonly ac: readonly (number | bigint)[];
  readonly ev: readonly (number | bigint)[];
}

/** A draw's EAC as the exact fraction num / den (den > 0). */
interface Fraction {
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
 * @internal The EAC band's values at the band's percentiles `ps` (the decimals they mean), each rounded once to the
 * currency's minor unit by `rounding`; `undefined` when the convention has no value for one of them.
 */
export function eacBandValues(
  sums: EacDrawSums,
  at: { readonly ac: number; readonly rest: number; readonly currency: string },
  ps: readonly Decimal[],
  method: PercentileMethod,
  rounding: RoundingMode,
): Money[] | undefined {
  const n = sums.ac.length;
  const acOf = (i: number) => sums.ac[i] as number | bigint;
  const evOf = (i: number) => sums.ev[i] as number | bigint;
  // EAC rises with ΣΔAC/ΣΔEV when work remains (falls when EV passed BAC): sort by the ratio, exactly. The doubles
  // decide unless two ratios lie within 10^-9 of each other (far wider than their rounding); then the cross products.
  const ratio = Float64Array.from({ length: n }, (_, i) => Number(acOf(i)) / Number(evOf(i)));
  const order = Array.from({ length: n }, (_, i) => i).sort((i, k) => {
    const x = ratio[i] as number, y = ratio[k] as number;
    if (Math.abs(x - y) > 1e-9 * Math.max(x, y)) return x < y ? -1 : 1;
    const l = BigInt(acOf(i)) * BigInt(evOf(k)), r = BigInt(acOf(k)) * BigInt(evOf(i));
    return l < r ? -1 : l > r ? 1 : 0;
  });
  if (at.rest < 0) order.reverse();
  const ac = BigInt(at.ac), rest = BigInt(at.rest);
  const eac = (rank: number): Fraction => {
    const i = order[rank] as number;
    const ev = BigInt(evOf(i));
    return { num: ac * ev + rest * BigInt(acOf(i)), den: ev };
  };
  const out: Money[] = [];
  for (const p of ps) {
    const place = quantilePlace(n, p, method);
    if (place === undefined) return undefined;
    let v = eac(place.index);
    if (!place.fraction.isZero()) {
      // a + (b − a)·g, g = gn/gd: one fraction over a.den · b.den · gd.
      const b = eac(place.index + 1), g = decimalFraction(place.fraction);
      const an = v.num * b.den, bn = b.num * v.den;
      v = { num: an * g.den + (bn - an) * g.num, den: v.den * b.den * g.den };
    }
    // Minor units of num / den, rounded once (the core's exact division, as roundMoney rounds).
    const units = divideToScale(new PmoDecimal(v.num.toString()), new PmoDecimal(v.den.toString()), 0, rounding);
    out.push(fromMinor(BigInt(units.toFixed()), at.currency));
  }
  return out;
}
