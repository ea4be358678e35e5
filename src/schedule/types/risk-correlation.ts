/**
 * What a `RiskCorrelation.coefficient` means (`RiskOptions.correlationMeasure`). `"latent-normal"` (default, as
 * before): the correlation r of the Gaussian copula's normals, whose rank correlation is (6/π)·asin(r/2) — 0.7 gives
 * 0.683. `"spearman"`: a Spearman rank correlation, as @RISK, Crystal Ball and Primavera Risk Analysis read it,
 * converted to the copula's r = 2·sin(π·ρs/6) (Pearson 1907) — 0.7 gives a rank correlation of 0.7. The converted
 * matrix must be positive semi-definite, as any other.
 *
 * @example
 * ```ts
 * const m: CorrelationMeasure = "spearman";
 * ```
 */
export type CorrelationMeasure = "latent-normal" | "spearman";
