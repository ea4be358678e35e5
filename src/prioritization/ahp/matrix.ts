import { ValidationError, type ValidationIssue } from "../../core/index.js";

/**
 * A pairwise comparison matrix: `a[i][j]` says how much more important item i is than item j (Saaty's 1–9 scale
 * and reciprocals). `null` marks a judgement not given (an incomplete matrix). Entries may be numbers or numeric
 * strings such as `"1/3"`.
 */
export type PairwiseMatrix = readonly (readonly (number | string | null)[])[];

/** Relative tolerance for `a[j][i] · a[i][j] = 1` (judgements typed as 0.333 for 1/3 pass). */
const RECIPROCAL_TOLERANCE = 1e-2;

function parse(v: number | string | null): number | null | undefined {
  if (v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v !== "string") return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?))?\s*$/.exec(v);
  if (!m) return undefined;
  return m[2] === undefined ? Number(m[1]) : Number(m[1]) / Number(m[2]);
}

/**
 * @internal Validates a pairwise matrix: square, positive finite entries, 1 on the diagonal, reciprocal within 1%
 * (a missing entry must be missing on both sides). Returns it as numbers with `NaN` for missing judgements (internal
 * only; never returned to callers).
 */
export function readMatrix(matrix: PairwiseMatrix, subject: string): number[][] {
  if (!Array.isArray(matrix) || matrix.length === 0) throw ValidationError.single(["matrix"], "expected a non-empty square matrix", subject);
  const n = matrix.length;
  const issues: ValidationIssue[] = [];
  const out: number[][] = [];
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n) {
      issues.push({ path: ["matrix", i], message: `row must have ${n} entries (the matrix must be square)`, code: "custom" });
      out.push(new Array<number>(n).fill(Number.NaN));
      return;
    }
    out.push(
      row.map((v, j) => {
        const x = parse(v);
        if (x === null) {
          if (i === j) issues.push({ path: ["matrix", i, j], message: "the diagonal must be 1", code: "custom" });
          return Number.NaN;
        }
        if (x === undefined || !Number.isFinite(x) || x <= 0) {
          issues.push({ path: ["matrix", i, j], message: "judgements must be positive finite numbers", code: "custom" });
          return Number.NaN;
        }
        if (i === j && Math.abs(x - 1) > 1e-12) issues.push({ path: ["matrix", i, j], message: "the diagonal must be 1", code: "custom" });
        return x;
      }),
    );
  });
  if (issues.length > 0) throw new ValidationError(issues, subject);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = out[i]![j]!;
      const b = out[j]![i]!;
      if (Number.isNaN(a) !== Number.isNaN(b)) {
        issues.push({ path: ["matrix", j, i], message: `judgement (${i}, ${j}) is given on one side only`, code: "custom" });
      } else if (!Number.isNaN(a) && Math.abs(a * b - 1) > RECIPROCAL_TOLERANCE) {
        issues.push({ path: ["matrix", j, i], message: `must be the reciprocal of matrix[${i}][${j}] (1/${a})`, code: "custom" });
      }
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, subject);
  // Use exact reciprocals below the diagonal so rounding in typed judgements does not count as inconsistency.
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) out[i]![j] = 1 / out[j]![i]!;
  return out;
}

/** @internal True when any judgement is missing. */
export function isIncomplete(a: readonly (readonly number[])[]): boolean {
  return a.some((row) => row.some((x) => Number.isNaN(x)));
}
