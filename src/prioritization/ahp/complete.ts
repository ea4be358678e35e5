import { ValidationError } from "../../core/index.js";
import { readMatrix, type PairwiseMatrix } from "./matrix.js";

/**
 * @internal Logarithmic least squares weights of a possibly incomplete matrix (Bozóki, Fülöp & Rónyai 2010): with
 * y = ln w, minimise Σ over given pairs (ln a_ij − y_i + y_j)², which is the Laplacian system L y = r of the graph of
 * given judgements. It has one solution (up to scale) exactly when that graph is connected. For a complete matrix
 * it equals the geometric-mean (row) method.
 */
export function llsmWeights(a: readonly (readonly number[])[]): number[] {
  const n = a.length;
  if (!isConnected(a)) {
    throw ValidationError.single(["matrix"], "the given judgements do not connect every item, so the missing ones cannot be completed", "AHP matrix");
  }
  // Build L (n×n) and r; fix y_0 = 0 by dropping row/column 0.
  const L = Array.from({ length: n }, () => new Float64Array(n));
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || Number.isNaN(a[i]![j]!)) continue;
      L[i]![i]! += 1;
      L[i]![j]! -= 1;
      r[i]! += Math.log(a[i]![j]!);
    }
  }
  const m = n - 1;
  const M = Array.from({ length: m }, (_, i) => Float64Array.from({ length: m + 1 }, (_, j) => (j < m ? L[i + 1]![j + 1]! : r[i + 1]!)));
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let k = c + 1; k < m; k++) if (Math.abs(M[k]![c]!) > Math.abs(M[p]![c]!)) p = k;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let k = 0; k < m; k++) {
      if (k === c) continue;
      const f = M[k]![c]! / M[c]![c]!;
      if (f !== 0) for (let j = c; j <= m; j++) M[k]![j]! -= f * M[c]![j]!;
    }
  }
  const y = [0, ...Array.from({ length: m }, (_, i) => M[i]![m]! / M[i]![i]!)];
  const w = y.map((v) => Math.exp(v));
  const s = w.reduce((p, q) => p + q, 0);
  return w.map((v) => v / s);
}

function isConnected(a: readonly (readonly number[])[]): boolean {
  const n = a.length;
  const seen = new Set([0]);
  const stack = [0];
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (let j = 0; j < n; j++) if (!seen.has(j) && !Number.isNaN(a[i]![j]!)) (seen.add(j), stack.push(j));
  }
  return seen.size === n;
}

/** @internal Fills missing judgements with `w_i / w_j` from the LLSM weights; given ones are kept. */
export function fillMissing(a: readonly (readonly number[])[]): number[][] {
  const w = llsmWeights(a);
  return a.map((row, i) => row.map((x, j) => (Number.isNaN(x) ? w[i]! / w[j]! : x)));
}

/**
 * Completes an incomplete pairwise matrix: each missing judgement `a_ij` becomes `w_i / w_j`, with w the
 * logarithmic-least-squares weights of the judgements that were given (Bozóki, Fülöp & Rónyai, 2010). Given
 * judgements are kept as they are. The judgements given must connect every item (otherwise nothing relates the
 * two groups and no completion is meaningful).
 *
 * @throws {ValidationError} for a malformed matrix or disconnected judgements.
 * @example
 * ```ts
 * // a12 = 2 and a23 = 3 imply a13 = 6 when the judgements are consistent
 * completePairwiseMatrix([[1, 2, null], ["1/2", 1, 3], [null, "1/3", 1]])[0][2]; // 6 (to float precision)
 * ```
 */
export function completePairwiseMatrix(matrix: PairwiseMatrix): number[][] {
  return fillMissing(readMatrix(matrix, "AHP matrix"));
}
