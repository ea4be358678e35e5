import { ValidationError, checkArguments, checkOptionKeys } from "../../core/index.js";
import { fillMissing, llsmWeights } from "./complete.js";
import { isIncomplete, readMatrix, type PairwiseMatrix } from "./matrix.js";
import { randomIndex, type RiTable } from "./ri-tables.js";

/** How priorities are derived from the matrix. */
export type AhpMethod = "eigenvector" | "geometric-mean";

/** Options of {@link ahpWeights}. */
export interface AhpOptions {
  /** `eigenvector` (Saaty's principal eigenvector, the default) or `geometric-mean` (row geometric means). */
  readonly method?: AhpMethod;
  /** RI table for the consistency ratio (default `donegan-dodd`, see {@link RiTableName}). */
  readonly riTable?: RiTable;
  /** Largest acceptable CR, from 0 to 1 (default 0.10). */
  readonly threshold?: number;
}

/** @internal The keys of {@link AhpOptions}; any other is refused. */
export const AHP_OPTION_KEYS = { method: 1, riTable: 1, threshold: 1 } satisfies Record<keyof AhpOptions, 1>;

/** Weights and consistency of a pairwise matrix. All figures are binary64 numbers (AHP weights are not money). */
export interface AhpResult {
  /** Priorities, summing to 1, in the matrix's order. */
  readonly weights: readonly number[];
  /** Principal eigenvalue λmax (n for a perfectly consistent matrix). */
  readonly lambdaMax: number;
  /** Consistency index `(λmax − n)/(n − 1)`; 0 for n ≤ 2. */
  readonly ci: number;
  /** Random index used; 0 for n ≤ 2. */
  readonly ri: number;
  /** Consistency ratio `CI / RI`; 0 by definition for n ≤ 2. */
  readonly cr: number;
  /** `cr ≤ threshold`. */
  readonly consistent: boolean;
  /** The matrix used, with missing judgements completed (see {@link completePairwiseMatrix}). */
  readonly matrix: readonly (readonly number[])[];
  /** Positions `[i, j]` (i < j) that were missing and completed. */
  readonly completed: readonly (readonly [number, number])[];
  /** How the weights were derived. */
  readonly method: AhpMethod;
}

/** @internal The CR threshold (default 0.10): a number from 0 to 1, never a NaN that makes every matrix fail. */
export function consistencyThreshold(threshold: unknown, subject: string): number {
  if (threshold === undefined) return 0.1;
  if (typeof threshold !== "number" || !(threshold >= 0 && threshold <= 1)) {
    throw ValidationError.single(["options", "threshold"], "threshold must be a number from 0 to 1 (default 0.10)", subject);
  }
  return threshold;
}

/** @internal Principal eigenvector by power iteration (a positive matrix has a unique positive Perron vector). */
export function principalEigen(a: readonly (readonly number[])[]): { w: number[]; lambda: number } {
  const n = a.length;
  let w = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 10_000; iter++) {
    const next = a.map((row) => row.reduce((s, x, j) => s + x * w[j]!, 0));
    const sum = next.reduce((s, x) => s + x, 0);
    const norm = next.map((x) => x / sum);
    const delta = norm.reduce((d, x, i) => Math.max(d, Math.abs(x - w[i]!)), 0);
    w = norm;
    if (delta < 1e-15) break;
  }
  return { w, lambda: lambdaOf(a, w) };
}

/** λ estimated as the mean of (Aw)_i / w_i (exact at the eigenvector). */
function lambdaOf(a: readonly (readonly number[])[], w: readonly number[]): number {
  const n = a.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]!.reduce((t, x, j) => t + x * w[j]!, 0) / w[i]!;
  return s / n;
}

/** @internal Consistency ratio of a complete numeric matrix with the eigenvector λmax. */
export function consistencyOf(a: readonly (readonly number[])[], table: RiTable): { lambda: number; ci: number; ri: number; cr: number } {
  const n = a.length;
  if (n <= 2) return { lambda: n, ci: 0, ri: 0, cr: 0 };
  const { lambda } = principalEigen(a);
  const ci = Math.max(0, (lambda - n) / (n - 1)); // λmax ≥ n in exact arithmetic; clamp float noise
  const ri = randomIndex(n, table);
  return { lambda, ci, ri, cr: ci / ri };
}

/**
 * Weights of a pairwise comparison matrix (AHP), with λmax, CI, CR and whether CR ≤ 0.10.
 *
 * - The matrix must be square with positive entries, 1 on the diagonal and `a_ji = 1/a_ij` (within 1%; strings
 *   like `"1/3"` are accepted). `null` entries are missing judgements: they are completed first (see
 *   {@link completePairwiseMatrix}) and listed in `completed`.
 * - `eigenvector` normalises the principal eigenvector; `geometric-mean` normalises the rows' geometric means.
 *   λmax is always the principal eigenvalue of the (completed) matrix, so CR does not depend on the method.
 * - n = 1: weight 1; n = 2: weights from the one judgement; CI = CR = 0 and `consistent` by definition.
 *
 * @throws {ValidationError} with the path of every malformed entry, when the RI table does not cover n, or for an unknown option key (at `options.<key>`).
 * @example
 * ```ts
 * // Saaty (1990), "How to make a decision", house example, size of house: A vs B vs C
 * const r = ahpWeights([[1, 6, 8], ["1/6", 1, 4], ["1/8", "1/4", 1]], { riTable: "saaty-classic" });
 * r.weights.map((w) => w.toFixed(3)); // ["0.754", "0.181", "0.065"]
 * r.cr.toFixed(3); // "0.117" (> 0.10, so r.consistent is false)
 * ```
 */
export function ahpWeights(matrix: PairwiseMatrix, options: AhpOptions = {}): AhpResult {
  checkArguments("ahpWeights", { matrix: [matrix, "array"], options: [options, "object"] });
  checkOptionKeys("ahpWeights", options, AHP_OPTION_KEYS, ["options"]);
  const method = options.method ?? "eigenvector";
  if (method !== "eigenvector" && method !== "geometric-mean") {
    throw ValidationError.single(["options", "method"], 'method must be "eigenvector" or "geometric-mean"', "AHP");
  }
  const threshold = consistencyThreshold(options.threshold, "AHP");
  const raw = readMatrix(matrix, "AHP matrix");
  const n = raw.length;
  const completed: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (Number.isNaN(raw[i]![j]!)) completed.push([i, j]);
  const a = isIncomplete(raw) ? fillMissing(raw) : raw;
  const c = consistencyOf(a, options.riTable ?? "donegan-dodd");
  const weights = method === "eigenvector" ? (n <= 2 ? llsmWeights(a) : principalEigen(a).w) : llsmWeights(a);
  return { weights, lambdaMax: c.lambda, ci: c.ci, ri: c.ri, cr: c.cr, consistent: c.cr <= threshold, matrix: a, completed, method };
}
