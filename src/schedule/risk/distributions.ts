/*
 * Duration distributions as quantile functions u ↦ minutes, so one uniform (or one copula draw) gives one duration
 * and rank correlation carries through. Triangular and uniform in closed form; lognormal through Φ⁻¹; PERT-beta by a
 * table of its CDF on 2,048 equal steps of [min, max] (composite Simpson per step on the beta density), inverted by
 * binary search and linear interpolation.
 */
import { inverseNormal } from "./random.js";

/** @internal A duration sampler: quantile u ∈ (0, 1) → minutes (not yet rounded). */
export type Quantile = (u: number) => number;

/**
 * @internal A quantile's kind and the parameters its closure computes with, for the Monte Carlo loop, which evaluates
 * each kind in its own loop over flat arrays (sampler.ts) with the same arithmetic rather than a closure call per draw.
 */
export type Shape =
  | { readonly kind: "triangular"; readonly a: number; readonly m: number; readonly b: number; readonly fc: number }
  | { readonly kind: "uniform"; readonly a: number; readonly b: number }
  | { readonly kind: "lognormal"; readonly mu: number; readonly s: number }
  | { readonly kind: "pert"; readonly a: number; readonly b: number; readonly cdf: Float64Array; readonly guide: Int32Array };

const shapes = new WeakMap<Quantile, Shape>();

/** @internal The shape a quantile of this module was made with. */
export function shapeOf(q: Quantile): Shape | undefined {
  return shapes.get(q);
}

function shaped(q: Quantile, shape: Shape): Quantile {
  shapes.set(q, shape);
  return q;
}

/** @internal Triangular(a, m, b) quantile. */
export function triangular(a: number, m: number, b: number): Quantile {
  const fc = (m - a) / (b - a);
  return shaped((u) => (u < fc ? a + Math.sqrt(u * (b - a) * (m - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - m))), { kind: "triangular", a, m, b, fc });
}

/** @internal Uniform(a, b) quantile. */
export function uniform(a: number, b: number): Quantile {
  return shaped((u) => a + u * (b - a), { kind: "uniform", a, b });
}

/** @internal Lognormal quantile for a given mean and standard deviation of the variable itself. */
export function lognormal(mean: number, sd: number): Quantile {
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  const mu = Math.log(mean) - s2 / 2;
  const s = Math.sqrt(s2);
  return shaped((u) => Math.exp(mu + s * inverseNormal(u)), { kind: "lognormal", mu, s });
}

const STEPS = 2048;

/** @internal PERT-beta on [a, b] with mode m: α = 1 + λ(m − a)/(b − a), β = 1 + λ(b − m)/(b − a). */
export function pert(a: number, m: number, b: number, lambda: number): Quantile {
  const alpha = 1 + (lambda * (m - a)) / (b - a);
  const beta = 1 + (lambda * (b - m)) / (b - a);
  const cdf = betaCdfTable(alpha, beta);
  const guide = guideTable(cdf);
  return shaped((u) => pertAt(cdf, guide, a, b, u), { kind: "pert", a, b, cdf, guide });
}

/** @internal The PERT quantile at u from its CDF and guide tables (shared by the closure and the batched sampler). */
export function pertAt(cdf: Float64Array, guide: Int32Array, a: number, b: number, u: number): number {
  // The step k with cdf[k] ≤ u < cdf[k + 1] (the CDF is non-decreasing and cdf[STEPS] = 1 > u): the guide table
  // lands on or next to it, a short walk finds it — the same step a binary search would.
  let lo = guide[Math.min(GUIDE - 1, Math.floor(u * GUIDE))] as number;
  while (lo > 0 && (cdf[lo] as number) > u) lo--;
  while (lo < STEPS - 1 && (cdf[lo + 1] as number) <= u) lo++;
  const hi = lo + 1;
  const c0 = cdf[lo] as number;
  const c1 = cdf[hi] as number;
  const x = (lo + (c1 > c0 ? (u - c0) / (c1 - c0) : 0)) * (1 / STEPS);
  return a + x * (b - a);
}

const GUIDE = 1024;
const guides = new WeakMap<Float64Array, Int32Array>();

/** guide[g] = the last step k with cdf[k] ≤ g / GUIDE: where the search for u ∈ [g / GUIDE, (g + 1) / GUIDE) starts. */
function guideTable(cdf: Float64Array): Int32Array {
  const hit = guides.get(cdf);
  if (hit) return hit;
  const guide = new Int32Array(GUIDE);
  let k = 0;
  for (let g = 0; g < GUIDE; g++) {
    while (k < STEPS - 1 && (cdf[k + 1] as number) <= g / GUIDE) k++;
    guide[g] = k;
  }
  guides.set(cdf, guide);
  return guide;
}

/** Tables by shape: activities estimated the same way (min = 0.8 m, max = 1.8 m…) share one table. */
const tables = new Map<string, Float64Array>();

/** @internal The regularised beta CDF at k / STEPS, k = 0 … STEPS (composite Simpson on the density, normalised). */
export function betaCdfTable(alpha: number, beta: number): Float64Array {
  const key = `${alpha},${beta}`;
  const hit = tables.get(key);
  if (hit) return hit;
  const pdf = (x: number) => (x <= 0 || x >= 1 ? 0 : Math.exp((alpha - 1) * Math.log(x) + (beta - 1) * Math.log(1 - x)));
  const cdf = new Float64Array(STEPS + 1);
  const h = 1 / STEPS;
  for (let k = 0; k < STEPS; k++) {
    const x0 = k * h;
    cdf[k + 1] = (cdf[k] as number) + (h / 6) * (pdf(x0) + 4 * pdf(x0 + h / 2) + pdf(x0 + h));
  }
  const total = cdf[STEPS] as number;
  for (let k = 0; k <= STEPS; k++) cdf[k] = (cdf[k] as number) / total;
  if (tables.size > 1000) tables.clear();
  tables.set(key, cdf);
  return cdf;
}
