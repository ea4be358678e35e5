/**
 * Capability sections: turn calculator results (scores and selection, EVM, RAG, traceability, readiness) into
 * `Report` sections with tables, "why" lines and SVG charts, and the executive summary that goes first.
 *
 * @module
 */
export { fixed, cents, asCell, percent, naturalKeyOrder, type PeopleNames, type EarnedValueGridOptions } from "./shared.js";
export { traceFindingLines } from "./finding-lines.js";
export { earnedValueWarningText, type NamedPackage } from "./ev-warnings.js";
export { intakeSection, type IntakeSectionInput, type IntakeSectionSelection } from "./intake.js";
export { portfolioSection, type PortfolioSectionInput, type PortfolioProjectRow, type KpiLine } from "./portfolio.js";
export { projectSection, type ProjectSectionInput } from "./project.js";
export { requirementsSection, type RequirementsSectionInput } from "./requirements.js";
export { rolloutSection, openItemsSeries, type RolloutSectionInput, type OpenItemsPoint } from "./rollout.js";
export { releaseSection, type ReleaseSectionInput } from "./release.js";
export { finishedActivitiesLine, scheduleSection, scheduleViolationText, type ScheduleSectionInput } from "./schedule.js";
export { executiveSummarySection, type ExecutiveSummaryInput } from "./summary.js";
export { decisionsNeeded, overallRule, type DecisionsNeededInput, type DecisionNeed, type DecisionNeedKind, type SummaryProject, type SummaryGate, type SummarySelection } from "./needs-decision.js";
export { GATE_OUTCOME_TEXT, gateOutcomeText } from "./gate-outcome.js";
export { judgeKpis, type KpiTarget, type KpiJudgement } from "./kpi-targets.js";
