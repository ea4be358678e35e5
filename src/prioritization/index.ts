/**
 * prioritization: deciding which requests to pursue — criteria and normalisation, scoring models (weighted sum,
 * WSJF, RICE, ICE, formulas, MoSCoW gates, risk adjustment), financial measures, AHP weights, explainable ranking
 * and weight sensitivity.
 *
 * @module
 */
export type { CriterionSpec, CriterionScale, CriterionSource, DerivedFigure, NpvConventions } from "./criteria.js";
export { normalizeValues, type NormalizationMethod, type RankTieRule, type CriterionDirection } from "./normalize.js";
export type { FormulaNode } from "./formula.js";
export {
  validateScoringModel, type ScoringModel, type WeightedSumModel, type WsjfModel, type RiceModel, type IceModel, type FormulaModel,
  type GateSpec, type TieBreakKey, type ContributionRole,
} from "./model.js";
export { derivedFigure } from "./derived.js";
export type { ScoreStatus } from "./engine.js";
export type { GateOutcome } from "./gates.js";
export type { Contribution, ScoredRequest, Scoreboard } from "./results.js";
export { scoreRequests, type ScoreOptions } from "./score-requests.js";
export type { RefusedRequest } from "./results.js";
export { scoreRows, type RatingRow } from "./score-rows.js";
export { scoreMatrix, explainScore, type CriteriaMatrix, type ScoreTable } from "./score-table.js";
export * from "./finance/index.js";
export * from "./ahp/index.js";
export * from "./sensitivity/index.js";
