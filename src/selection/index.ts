/**
 * selection: the optimal portfolio within budgets, capacity and dependencies, with explanations — the model, the
 * solver port, the built-in solver, verification, infeasibility conflicts, the efficient frontier and scenarios.
 *
 * @module
 */
export {
  defineSelectionProblem,
  type SelectionProblemInput,
  type SelectionProblem,
  type SelectionCandidateInput,
  type SelectionCandidate,
  type SelectionRuleInput,
  type SelectionRule,
  type SelectionDecimalInput,
  type SelectionMoneyInput,
} from "./problem.js";
export type { SelectionConstraint } from "./constraints.js";
export { buildSelectionModel, type SelectionModel, type SelectionModelRow } from "./model.js";
export type { SelectionSolver, SolverRun, SolverRunOptions } from "./solver.js";
export { builtInSolver, createBuiltInSolver, type BuiltInSolverOptions } from "./built-in-solver.js";
export { verifyPlan, type PlanViolation } from "./verify.js";
export { findConflicts, type SelectionConflict } from "./infeasibility.js";
export type { SelectionStatus } from "./solve-core.js";
export type { ConstraintUsage, WhyNot } from "./explain.js";
export { selectPortfolio, type AdoptedPlan, type SelectPortfolioOptions, type PortfolioSelection } from "./select.js";
export { efficientFrontier, type EfficientFrontierOptions, type FrontierPoint } from "./frontier.js";
export { compareScenarios, type Scenario, type ScenarioComparison, type ScenarioMove, type ContributionChange } from "./scenarios.js";
