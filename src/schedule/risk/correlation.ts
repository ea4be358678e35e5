import type { ValidationIssue } from "../../core/index.js";

/**
 * @internal Cholesky factor (lower triangular, row-major K×K) of a correlation matrix, or the failing pivot when the
 * matrix is not positive semi-definite. Semi-definite matrices (a zero pivot within 1e-10) are accepted: the
 * factor's column is left zero, as for perfectly dependent units.
 */
export function cholesky(m: Float64Array, k: number): { factor: Float64Array } | { pivot: number; value: number } {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i * k + j] as number;
      for (let p = 0; p < j; p++) s -= (l[i * k + p] as number) * (l[j * k + p] as number);
      if (i === j) {
        if (s < -1e-10) return { pivot: i, value: s };
        l[i * k + i] = Math.sqrt(Math.max(0, s));
      } else {
        const d = l[j * k + j] as number;
        l[i * k + j] = d > 1e-12 ? s / d : 0;
      }
    }
  }
  return { factor: l };
}

/** @internal Builds the unit correlation matrix and factors it; a non-PSD matrix is an issue, never repaired. */
export function correlationFactor(
  units: readonly string[],
  pairs: readonly { readonly a: number; readonly b: number; readonly r: number; readonly path: (string | number)[] }[],
  issues: ValidationIssue[],
): Float64Array | undefined {
  const k = units.length;
  const m = new Float64Array(k * k);
  for (let i = 0; i < k; i++) m[i * k + i] = 1;
  for (const p of pairs) {
    m[p.a * k + p.b] = p.r;
    m[p.b * k + p.a] = p.r;
  }
  const c = cholesky(m, k);
  if ("factor" in c) return c.factor;
  issues.push({
    path: ["correlations"],
    message: `the correlation matrix is not positive semi-definite (Cholesky pivot at ${units[c.pivot]} is ${c.value.toFixed(4)}); pmokit refuses it rather than repair it — lower the coefficients that contradict each other`,
    code: "custom",
  });
  return undefined;
}
