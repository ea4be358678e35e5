import { ValidationError } from "../../core/index.js";
import { readMatrix, type PairwiseMatrix } from "./matrix.js";

/**
 * Aggregates several judges' matrices into one by the (weighted) geometric mean of each judgement — Aczél & Saaty's
 * AIJ method, the only mean that keeps the result reciprocal. A judgement one judge left out (`null`) is the mean
 * of the judges who gave it (their weights renormalised); missing for all → missing in the result.
 *
 * @param matrices - one matrix per judge, all the same size.
 * @param weights - optional positive weight per judge (default equal).
 * @throws {ValidationError} for malformed matrices, different sizes or bad weights.
 * @example
 * ```ts
 * aggregatePairwiseMatrices([[[1, 2], ["1/2", 1]], [[1, 8], ["1/8", 1]]])[0][1]; // 4 = √(2·8)
 * ```
 */
export function aggregatePairwiseMatrices(matrices: readonly PairwiseMatrix[], weights?: readonly number[]): (number | null)[][] {
  if (!Array.isArray(matrices) || matrices.length === 0) throw ValidationError.single(["matrices"], "give at least one matrix", "AHP group");
  const read = matrices.map((m, k) => {
    try {
      return readMatrix(m, "AHP group");
    } catch (e) {
      if (e instanceof ValidationError) throw new ValidationError(e.issues.map((i) => ({ ...i, path: ["matrices", k, ...i.path.slice(1)] })), "AHP group");
      throw e;
    }
  });
  const n = read[0]!.length;
  read.forEach((m, k) => {
    if (m.length !== n) throw ValidationError.single(["matrices", k], `every matrix must be ${n}×${n}`, "AHP group");
  });
  const w = weights ?? read.map(() => 1);
  if (w.length !== read.length || w.some((x) => !(x > 0) || !Number.isFinite(x))) {
    throw ValidationError.single(["weights"], "give one positive finite weight per matrix", "AHP group");
  }
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let logSum = 0;
      let wSum = 0;
      read.forEach((m, k) => {
        const x = m[i]![j]!;
        if (!Number.isNaN(x)) {
          logSum += w[k]! * Math.log(x);
          wSum += w[k]!;
        }
      });
      return wSum === 0 ? null : Math.exp(logSum / wSum);
    }),
  );
}
