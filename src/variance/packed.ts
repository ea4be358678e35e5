import type { CompiledPackage, PackedPackages } from "./engine-types.js";

/** @internal Packs the packages (indices stay package indices) with their prefix sums over the grid. */
export function packPackages(packages: readonly CompiledPackage[], k: number, cumEnds: readonly Float64Array[], nextSlices: readonly Int32Array[]): PackedPackages {
  const n = packages.length;
  const off = (len: (p: CompiledPackage) => number) => {
    const o = new Int32Array(n + 1);
    packages.forEach((p, i) => { o[i + 1] = (o[i] as number) + len(p); });
    return o;
  };
  const sOff = off((p) => p.sStart.length), pOff = off((p) => p.pDay.length), aOff = off((p) => p.acDay.length);
  const cat = <A extends Int32Array | Float64Array | Uint8Array>(make: (len: number) => A, o: Int32Array, pick: (p: CompiledPackage) => ArrayLike<number>): A => {
    const out = make(o[n] as number);
    packages.forEach((p, i) => out.set(pick(p), o[i] as number));
    return out;
  };
  // Period-major, so one status date reads the packages' prefix sums contiguously.
  const cumEnd = new Float64Array(n * k);
  const nextSlice = new Int32Array(n * k);
  for (let i = 0; i < n; i++) {
    const c = cumEnds[i] as Float64Array, s = nextSlices[i] as Int32Array;
    for (let q = 0; q < k; q++) { cumEnd[q * n + i] = c[q] as number; nextSlice[q * n + i] = s[q] as number; }
  }
  return {
    n, k,
    bac: Float64Array.from(packages, (p) => p.bac),
    etc: Float64Array.from(packages, (p) => p.etc),
    etcDay: Int32Array.from(packages, (p) => p.etcDay),
    finish: Int32Array.from(packages, (p) => p.finish),
    kind: Uint8Array.from(packages, (p) => (p.loe ? 1 : p.apportion ? 2 : 0)),
    apBase: Int32Array.from(packages, (p) => p.apportion?.base ?? -1),
    apNum: Float64Array.from(packages, (p) => p.apportion?.num ?? 0),
    apDen: Float64Array.from(packages, (p) => p.apportion?.den ?? 1),
    hasBaseline: Uint8Array.from(packages, (p) => (p.hasBaseline ? 1 : 0)),
    sOff, sStart: cat((l) => new Int32Array(l), sOff, (p) => p.sStart), sEnd: cat((l) => new Int32Array(l), sOff, (p) => p.sEnd),
    sAmt: cat((l) => new Float64Array(l), sOff, (p) => p.sAmt), sUnits: cat((l) => new Int32Array(l), sOff, (p) => p.sUnits),
    pOff, pDay: cat((l) => new Int32Array(l), pOff, (p) => p.pDay), pStarted: cat((l) => new Uint8Array(l), pOff, (p) => p.pStarted),
    pEarned: cat((l) => new Float64Array(l), pOff, (p) => p.pEarned), pFirstFinish: cat((l) => new Int32Array(l), pOff, (p) => p.pFirstFinish),
    aOff, acDay: cat((l) => new Int32Array(l), aOff, (p) => p.acDay), acCum: cat((l) => new Float64Array(l), aOff, (p) => p.acCum),
    acCumBase: cat((l) => new Float64Array(l), aOff, (p) => p.acCumBase),
    cumEnd, nextSlice,
  };
}

/** @internal Last index in [lo, hi) with arr[i] ≤ x, or lo − 1. */
export function lastIn(arr: Int32Array, lo: number, hi: number, x: number): number {
  // Common case first: everything recorded so far is on or before the status date.
  if (hi > lo && (arr[hi - 1] as number) <= x) return hi - 1;
  const base = lo;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as number) <= x) lo = mid + 1; else hi = mid;
  }
  return lo - 1 < base ? base - 1 : lo - 1;
}
