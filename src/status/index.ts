/**
 * status: RAG status per dimension from configurable rules (every colour with the rule and figures behind it),
 * immutable status snapshots and their trend, and the RAID calculations (risk matrix, EMV, contingency reserve,
 * issue ageing, overdue actions, pending decisions, change-request impact).
 *
 * @module
 */
export * from "./rag-figures.js";
export * from "./rag-rules.js";
export * from "./rag-evaluate.js";
export * from "./rag-status.js";
export type { RagProject, DerivedRagFigure } from "./rag-derived.js";
export type { InsufficientData } from "./rag-overall.js";
export * from "./snapshot.js";
export * from "./risk-scoring.js";
export * from "./raid-log.js";
export * from "./report-in-force.js";
