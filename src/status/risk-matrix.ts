import { decimal, ValidationError, type Decimal, type ValidationIssue } from "../core/index.js";

// The probability × impact matrix and its rating rule, shared by riskScore and ragStatus's highRisk "score"; the
// checks and the rating stay internal (not re-exported from the status module).

/**
 * A probability × impact matrix: probability bands (upper bounds, ascending, the last one 1) turn a risk's
 * probability into a band 1…n; score = band × impact (impact 1–5 as recorded); the rating follows the score.
 */
export interface RiskMatrix {
  /** Upper bound of each probability band, ascending, ending at "1" (band i holds p ≤ bound i). */
  readonly probabilityBands: readonly string[];
  /** Scores from which a risk rates medium (at most the top cell, bands × 5). */
  readonly mediumFrom: number;
  /** Scores from which a risk rates high (above `mediumFrom`, at most the top cell, bands × 5). */
  readonly highFrom: number;
}

/**
 * The default 5 × 5 matrix (a pmokit default): probability bands ≤ 0.1, ≤ 0.3, ≤ 0.5, ≤ 0.7, ≤ 1 (rare, unlikely,
 * possible, likely, almost certain); medium from score 6, high from 15.
 *
 * @example
 * ```ts
 * riskScore(risk, DEFAULT_RISK_MATRIX).rating;
 * ```
 */
export const DEFAULT_RISK_MATRIX: RiskMatrix = Object.freeze({
  probabilityBands: Object.freeze(["0.1", "0.3", "0.5", "0.7", "1"]),
  mediumFrom: 6,
  highFrom: 15,
});

/**
 * @internal Checks a matrix (issue paths under `at`) and returns its band bounds as decimals.
 *
 * @example
 * ```ts
 * checkMatrix(DEFAULT_RISK_MATRIX).map(String); // ["0.1", "0.3", "0.5", "0.7", "1"]
 * ```
 */
export function checkMatrix(m: RiskMatrix, at: readonly (string | number)[] = []): Decimal[] {
  const issues: ValidationIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path: [...at, ...path], message, code: "custom" });
  const bands: Decimal[] = [];
  m.probabilityBands.forEach((b, i) => {
    try {
      bands.push(decimal(b));
    } catch {
      add(["probabilityBands", i], `${b} is not a decimal`);
    }
  });
  if (issues.length === 0) {
    bands.forEach((b, i) => {
      // A bound below 0 holds no probability, and the bands after it would be numbered one too high.
      if (b.lt(0)) add(["probabilityBands", i], "a band bound is a probability, 0 to 1");
      else if (i > 0 && !b.gt(bands[i - 1]!)) add(["probabilityBands", i], "bands must ascend");
    });
    if (bands.length === 0 || !bands[bands.length - 1]!.eq(1)) add(["probabilityBands"], "the last band must end at 1");
  }
  const order = "need integers 1 ≤ mediumFrom < highFrom";
  if (!Number.isInteger(m.mediumFrom) || m.mediumFrom < 1) add(["mediumFrom"], order);
  else if (!Number.isInteger(m.highFrom) || m.highFrom <= m.mediumFrom) add(["highFrom"], order);
  else if (issues.length === 0) {
    // A threshold above the top cell (bands × impact 5) is never met: no risk would ever rate that high.
    const top = bands.length * 5;
    for (const key of ["mediumFrom", "highFrom"] as const) if (m[key] > top) add([key], `the highest score on this matrix is ${top}`);
  }
  if (issues.length > 0) throw new ValidationError(issues, "risk matrix");
  return bands;
}

/**
 * @internal Band, score (band × impact) and rating of a probability and impact on a checked matrix.
 *
 * @example
 * ```ts
 * rateOnMatrix(checkMatrix(DEFAULT_RISK_MATRIX), DEFAULT_RISK_MATRIX, decimal("0.6"), 4); // { band: 4, score: 16, rating: "high" }
 * ```
 */
export function rateOnMatrix(bands: readonly Decimal[], m: RiskMatrix, probability: Decimal, impact: number) {
  const band = bands.findIndex((b) => probability.lte(b)) + 1;
  const score = band * impact;
  return { band, score, rating: score >= m.highFrom ? ("high" as const) : score >= m.mediumFrom ? ("medium" as const) : ("low" as const) };
}
