/**
 * entities: the PMO domain model. One aggregate per file, each a zod codec between the wire form (JSON-safe) and the
 * memory form (Decimal, branded dates), with its inferred types and JSON Schema.
 *
 * @module
 */
export * from "./base.js";
export * from "./common.js";
export * from "./registry.js";
export * from "./acknowledgement.js";
export * from "./action.js";
export * from "./artifact.js";
export * from "./assignment.js";
export * from "./audit-event.js";
export * from "./baseline.js";
export * from "./change-request.js";
export * from "./checklist-item.js";
export * from "./cost-entry.js";
export * from "./decision.js";
export * from "./defect.js";
export * from "./gate.js";
export * from "./issue.js";
export * from "./milestone.js";
export * from "./person.js";
export * from "./portfolio.js";
export * from "./programme.js";
export * from "./project-request.js";
export * from "./project.js";
export * from "./requirement.js";
export * from "./resource.js";
export * from "./risk.js";
export * from "./rollout-plan.js";
export * from "./schedule-logic.js";
export * from "./service-outage.js";
export * from "./rag.js";
export * from "./status-report.js";
export * from "./test-case.js";
export * from "./test-run.js";
export * from "./trace-link.js";
export * from "./work-package.js";
