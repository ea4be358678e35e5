import type { CompiledPackage, PackedPackages } from "./engine-types.js";

/** @internal The flat arrays of a project's packages, filled by compile (offsets per package, prefix sums per period). */
export type PackedArrays = Omit<PackedPackages, "n" | "bac" | "etc" | "etcDay" | "finish" | "kind" | "apBase" | "apNum" | "apDen" | "hasBaseline">;

/** @internal Package i's stretch `off[i]…off[i + 1]` of each flat array, as views (writes go through). */
export function views<T extends Record<string, Int32Array | Float64Array | Uint8Array>>(flat: T, off: Int32Array, i: number): T {
  const out: Record<string, Int32Array | Float64Array | Uint8Array> = {};
  for (const key in flat) out[key] = (flat[key] as Int32Array).subarray(off[i], off[i + 1]);
  return out as T;
}

/** @internal Packs the packages' scalars (indices stay package indices) next to their flat arrays. */
export function packPackages(packages: readonly CompiledPackage[], arrays: PackedArrays): PackedPackages {
  return {
    n: packages.length,
    bac: Float64Array.from(packages, (p) => p.bac),
    etc: Float64Array.from(packages, (p) => p.etc),
    etcDay: Int32Array.from(packages, (p) => p.etcDay),
    finish: Int32Array.from(packages, (p) => p.finish),
    kind: Uint8Array.from(packages, (p) => (p.loe ? 1 : p.apportion ? 2 : 0)),
    apBase: Int32Array.from(packages, (p) => p.apportion?.base ?? -1),
    apNum: Float64Array.from(packages, (p) => p.apportion?.num ?? 0),
    apDen: Float64Array.from(packages, (p) => p.apportion?.den ?? 1),
    hasBaseline: Uint8Array.from(packages, (p) => (p.hasBaseline ? 1 : 0)),
    ...arrays,
  };
}

/**
 * @internal "No finish": a day number after every date (years 1–9999 are days −719,162 … 2,932,896), so a finish before
 * 1970 (a negative day) is still a finish and "finished by day t" is one comparison, `fd <= t`.
 */
export const NO_FINISH = 1e9;

/** @internal Last index in [lo, hi) with arr[i] ≤ x, or lo − 1. */
export function lastIn(arr: ArrayLike<number>, lo: number, hi: number, x: number): number {
  // Common case first: everything recorded so far is on or before the status date.
  if (hi > lo && (arr[hi - 1] as number) <= x) return hi - 1;
  const base = lo;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as number) <= x) lo = mid + 1; else hi = mid;
  }
  return lo - 1 < base ? base - 1 : lo - 1;
}
