/**
 * services: the office's operations over any storage adapter — all-or-nothing (one transaction each) and audited
 * (an AuditEvent per write: who, when, which version, which fields).
 *
 * @module
 */
export { createPmo, type Pmo, type EntityChanges } from "./pmo.js";
export { runOperation, type PmoOptions, type ReadRepositories, type ReadRepository, type Work } from "./operation.js";
export { fieldChanges, type WireFieldChange } from "./audit.js";
export type { TransitionOptions, RequestDraft, ProjectFromRequestDraft } from "./intake.js";
export type { BaselineInput } from "./execution.js";
export type { RolloutPlanContents, ChecklistItemChanges, GateDecisionInput } from "./rollout.js";
export {
  ACTIVE_LIFECYCLES,
  type ActiveProjectFigures, type RequirementCoverage, type RolloutOverview,
} from "./queries.js";
export type { ScoredIntake, RolloutReadiness } from "./assessments.js";
