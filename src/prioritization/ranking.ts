import type { ResolvedModel } from "./model.js";
import { MAX_UNITS } from "./fixed-point.js";

/**
 * @internal Deterministic order: status group, score (desc), tie-break keys, id (code-unit order). Inside the forced
 * groups a request without a score (`unscored` rows) comes after the scored ones: its 0 means "unknown", not zero.
 */
export function rankOrder(
  model: ResolvedModel,
  ids: readonly string[],
  raw: Float64Array,
  S: Float64Array,
  status: Uint8Array,
  unscored: { has(row: number): boolean },
): Int32Array {
  const n = ids.length;
  // sub-group: status × 2, + 1 for a row without a score (only matters in the forced groups; "unscored" is its own)
  const group = Uint8Array.from(status, (st, i) => st * 2 + (unscored.has(i) ? 1 : 0));
  const m = model.columns.length;
  const keys = model.tieBreak;
  const cmpTies = (a: number, b: number): number => {
    for (const k of keys) {
      const x = raw[a * m + k.col]!;
      const y = raw[b * m + k.col]!;
      const xMissing = x !== x;
      const yMissing = y !== y;
      if (xMissing || yMissing) {
        if (xMissing !== yMissing) return xMissing ? 1 : -1; // missing last
      } else if (x !== y) return k.desc ? y - x : x - y;
    }
    const ia = ids[a]!;
    const ib = ids[b]!;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
  // Fast path: one integer key per row (group, then score descending) packed with the row index into a binary64
  // integer, sorted natively; only runs of equal keys go through the tie-break comparator.
  let maxAbs = 0;
  for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(S[i]!));
  const G = 2 * maxAbs + 1;
  if (n > 0 && 8 * G * n < MAX_UNITS) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (group[i]! * G - S[i]!) * n + i;
    packed.sort();
    const order = new Int32Array(n);
    const key = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      const row = ((packed[p]! % n) + n) % n;
      order[p] = row;
      key[p] = (packed[p]! - row) / n;
    }
    for (let p = 0; p < n; ) {
      let q = p + 1;
      while (q < n && key[q] === key[p]) q++;
      if (q - p > 1) order.subarray(p, q).set(Array.from(order.subarray(p, q)).sort(cmpTies));
      p = q;
    }
    return order;
  }
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => group[a]! - group[b]! || S[b]! - S[a]! || cmpTies(a, b));
  return Int32Array.from(idx);
}
