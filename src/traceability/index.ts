/**
 * traceability: the trace graph from requirements to artifacts, tests, runs and defects; coverage rules as data with
 * quorum; structural checks; fingerprints and field-scoped, transitive suspect links; test evidence with staleness;
 * audience acknowledgement; impact analysis; baseline diffs; an incremental analysis; the RTM.
 *
 * @module
 */
export type { TraceItemKind, TraceSeverity, TraceItemRef, TraceItem, TraceInput, TraceEntity, TraceLinkInput, AcknowledgementInput } from "./types.js";
export { itemKey } from "./types.js";
export { DEFAULT_FINGERPRINT_FIELDS, canonicalJson, fingerprintOf, requirementFingerprint, diffFields, type TraceFieldChange } from "./fingerprint.js";
export { BUILT_IN_LINK_TYPES, createLinkTypeRegistry, type TraceLinkTypeDef, type LinkTypeRegistry } from "./link-types.js";
export {
  TRACE_ITEM_TYPES,
  STRUCTURE_CHECKS,
  DEFAULT_INACTIVE_STATUSES,
  DEFAULT_INACTIVE_TAGS,
  DEFAULT_SEVERITIES,
  traceRulesSchema,
  defineTraceRules,
  type StructureCheck,
  type TraceItemRule,
  type TraceRules,
  type TraceRulesInput,
} from "./rules.js";
export { DEFAULT_TRACE_RULES } from "./default-rules.js";
export { TraceGraph, buildTraceGraph, type TraceNeighbour } from "./graph.js";
export { analyzeTraceGraph, analyzeTraceability, type TraceAnalysis, type TraceAnalysisOptions, type TraceEdit, type TraceDelta } from "./analysis.js";
export type { TraceAnalysisResult, ItemCoverage, InactiveItem, LevelCoverage, SuspectLink, ChangedItem, ItemEvidence, TestEvidence } from "./result.js";
export type { TraceFinding } from "./structure.js";
export type { LinkRevisionStatus } from "./revisions.js";
export { EVIDENCE_STATUSES, DEFAULT_RESULT_OUTCOMES, type EvidenceStatus, type EvidenceScope, type RunOutcome, type TestRunResult } from "./evidence.js";
export { TEST_RUN_RESULTS } from "./options.js";
export type { AudienceStatus, RequirementAcknowledgement, PersonPending, AudienceMember } from "./acknowledgements.js";
export { impactOf, type ImpactOptions, type ImpactResult, type ImpactedItem } from "./impact.js";
export { reviewLink, clearSuspects, type ReviewOptions, type ClearSuspectsOptions } from "./review.js";
export { diffTraceBaselines, type LinkChange, type TraceBaselineDiff, type TraceStatusChanges } from "./diff.js";
export { traceMatrix, DEFAULT_MATRIX_COLUMNS, type MatrixColumn, type MatrixEntry, type MatrixCell, type MatrixRow, type TraceMatrix } from "./matrix.js";
