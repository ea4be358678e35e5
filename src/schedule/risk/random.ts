/*
 * Seeded randomness, stated so a run can be reproduced anywhere: xoshiro128** (Blackman & Vigna, 2018) on 32-bit
 * integer arithmetic, its 128-bit state filled from the seed by splitmix32; uniforms u = (x + 0.5) / 2³² in the open
 * interval (0, 1); standard normals by inversion of the normal CDF (Acklam's rational approximation, relative error
 * < 1.2e-9). Integer arithmetic only (Math.imul, shifts), so the same seed gives the same stream on every platform.
 */

/** @internal A seeded xoshiro128** generator of uniforms in (0, 1). */
export class Xoshiro128 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      // splitmix32
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  /** The next 32-bit output. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A uniform in the open interval (0, 1). */
  uniform(): number {
    return (this.nextUint32() + 0.5) / 4294967296;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

// Acklam's coefficients for the inverse normal CDF (module constants: no array reads per call).
const a0 = -3.969683028665376e1, a1 = 2.209460984245205e2, a2 = -2.759285104469687e2, a3 = 1.38357751867269e2, a4 = -3.066479806614716e1, a5 = 2.506628277459239;
const b0 = -5.447609879822406e1, b1 = 1.615858368580409e2, b2 = -1.556989798598866e2, b3 = 6.680131188771972e1, b4 = -1.328068155288572e1;
const c0 = -7.784894002430293e-3, c1 = -3.223964580411365e-1, c2 = -2.400758277161838, c3 = -2.549732539343734, c4 = 4.374664141464968, c5 = 2.938163982698783;
const d0 = 7.784695709041462e-3, d1 = 3.224671290700398e-1, d2 = 2.445134137142996, d3 = 3.754408661907416;

/** @internal Φ⁻¹(u) for u in (0, 1) (Acklam). */
export function inverseNormal(u: number): number {
  if (u < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(u));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (u > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - u));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = u - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/** @internal Φ(z), the standard normal CDF, via erfc (Numerical Recipes' erfcc, fractional error < 1.2e-7). */
export function normalCdf(z: number): number {
  const x = -z / Math.SQRT2;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.5 * ax);
  const y =
    t *
    Math.exp(
      -ax * ax - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  const erfc = x >= 0 ? y : 2 - y;
  return Math.min(1 - 1e-12, Math.max(1e-12, erfc / 2));
}
