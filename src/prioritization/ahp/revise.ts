import { ValidationError, checkArguments, checkOptionKeys } from "../../core/index.js";
import { fillMissing } from "./complete.js";
import { readMatrix, type PairwiseMatrix } from "./matrix.js";
import { consistencyOf } from "./weights.js";
import type { RiTable } from "./ri-tables.js";

/** Saaty's scale values and their reciprocals, ascending. */
const SCALE = [9, 8, 7, 6, 5, 4, 3, 2].map((v) => 1 / v).concat([1, 2, 3, 4, 5, 6, 7, 8, 9]);

/** A suggested change to one judgement of an inconsistent matrix. */
export interface JudgementRevision {
  /** Row of the judgement (`i < j`). */
  readonly i: number;
  /** Column of the judgement. */
  readonly j: number;
  /** The judgement as given. */
  readonly current: number;
  /** The value the other judgements imply (`w_i/w_j` of the matrix completed without this judgement). */
  readonly consistentValue: number;
  /** CR with `consistentValue` in place of the judgement. */
  readonly crWithConsistentValue: number;
  /** The nearest value on Saaty's 1–9 scale (or a reciprocal) to `consistentValue`, in log distance. */
  readonly scaleValue: number;
  /** CR with `scaleValue` in place of the judgement. */
  readonly crWithScaleValue: number;
}

/** Result of {@link suggestJudgementRevision}. */
export interface RevisionAdvice {
  /** The matrix's CR as given. */
  readonly cr: number;
  /** Every judgement ranked by how far revising it lowers CR (best first); the first is the one to revise. */
  readonly revisions: readonly JudgementRevision[];
}

/**
 * Which judgement to revise, and to what, to make an inconsistent matrix consistent. For each judgement
 * `a_ij` (i < j) it drops that judgement, completes it from all the others (logarithmic least squares, see
 * {@link completePairwiseMatrix}) — the value the rest of the matrix implies — and computes the CR with that value
 * and with the nearest Saaty-scale value. Judgements are ranked by the CR reached (lowest first, ties by position).
 * n ≤ 2 has nothing to revise (an empty list).
 *
 * @throws {ValidationError} for a malformed or incomplete matrix, or an unknown option key (at `options.<key>`).
 * @example
 * ```ts
 * const advice = suggestJudgementRevision([[1, 3, "1/3"], ["1/3", 1, 3], [3, "1/3", 1]], { riTable: "saaty-classic" });
 * const best = advice.revisions[0]; // which a_ij to change and the value that fits the rest
 * ```
 */
export function suggestJudgementRevision(matrix: PairwiseMatrix, options: { readonly riTable?: RiTable } = {}): RevisionAdvice {
  checkArguments("suggestJudgementRevision", { matrix: [matrix, "array"], options: [options, "object"] });
  checkOptionKeys("suggestJudgementRevision", options, { riTable: 1 } satisfies Record<keyof typeof options, 1>, ["options"]);
  const table = options.riTable ?? "donegan-dodd";
  const a = readMatrix(matrix, "AHP matrix");
  if (a.some((row) => row.some((x) => Number.isNaN(x)))) {
    throw ValidationError.single(["matrix"], "complete the matrix first (completePairwiseMatrix)", "AHP matrix");
  }
  const n = a.length;
  const { cr } = consistencyOf(a, table);
  const revisions: JudgementRevision[] = [];
  if (n <= 2) return { cr, revisions };
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const without = a.map((row) => [...row]);
      without[i]![j] = Number.NaN;
      without[j]![i] = Number.NaN;
      const fitted = fillMissing(without)[i]![j]!;
      const scaleValue = SCALE.reduce((best, s) => (Math.abs(Math.log(s / fitted)) < Math.abs(Math.log(best / fitted)) ? s : best), 1);
      revisions.push({
        i, j, current: a[i]![j]!, consistentValue: fitted, crWithConsistentValue: crWith(a, i, j, fitted, table),
        scaleValue, crWithScaleValue: crWith(a, i, j, scaleValue, table),
      });
    }
  }
  revisions.sort((x, y) => x.crWithConsistentValue - y.crWithConsistentValue || x.i - y.i || x.j - y.j);
  return { cr, revisions };
}

function crWith(a: readonly (readonly number[])[], i: number, j: number, v: number, table: RiTable): number {
  const b = a.map((row) => [...row]);
  b[i]![j] = v;
  b[j]![i] = 1 / v;
  return consistencyOf(b, table).cr;
}
