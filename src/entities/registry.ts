import type { z } from "zod";
import { acknowledgementJsonSchema, acknowledgementSchema } from "./acknowledgement.js";
import { actionJsonSchema, actionSchema } from "./action.js";
import { artifactJsonSchema, artifactSchema } from "./artifact.js";
import { assignmentJsonSchema, assignmentSchema } from "./assignment.js";
import { auditEventJsonSchema, auditEventSchema } from "./audit-event.js";
import { baselineJsonSchema, baselineSchema } from "./baseline.js";
import { changeRequestJsonSchema, changeRequestSchema } from "./change-request.js";
import { checklistItemJsonSchema, checklistItemSchema } from "./checklist-item.js";
import { costEntryJsonSchema, costEntrySchema } from "./cost-entry.js";
import { decisionJsonSchema, decisionSchema } from "./decision.js";
import { defectJsonSchema, defectSchema } from "./defect.js";
import { gateJsonSchema, gateSchema } from "./gate.js";
import { issueJsonSchema, issueSchema } from "./issue.js";
import { milestoneJsonSchema, milestoneSchema } from "./milestone.js";
import { personJsonSchema, personSchema } from "./person.js";
import { portfolioJsonSchema, portfolioSchema } from "./portfolio.js";
import { programmeJsonSchema, programmeSchema } from "./programme.js";
import { projectRequestJsonSchema, projectRequestSchema } from "./project-request.js";
import { projectJsonSchema, projectSchema } from "./project.js";
import { requirementJsonSchema, requirementSchema } from "./requirement.js";
import { resourceJsonSchema, resourceSchema } from "./resource.js";
import { riskJsonSchema, riskSchema } from "./risk.js";
import { rolloutPlanJsonSchema, rolloutPlanSchema } from "./rollout-plan.js";
import { serviceOutageJsonSchema, serviceOutageSchema } from "./service-outage.js";
import { statusReportJsonSchema, statusReportSchema } from "./status-report.js";
import { testCaseJsonSchema, testCaseSchema } from "./test-case.js";
import { testRunJsonSchema, testRunSchema } from "./test-run.js";
import { traceLinkJsonSchema, traceLinkSchema } from "./trace-link.js";
import { workPackageJsonSchema, workPackageSchema } from "./work-package.js";
import { ValidationError } from "../core/errors.js";
import { decodeWith, encodeWith } from "../core/codecs.js";

/** What the registry knows about one entity kind. */
export interface EntityKindDefinition<S extends z.ZodType = z.ZodType> {
  /** The codec between wire form and memory form. */
  readonly schema: S;
  /** The PMO area the kind belongs to (for documentation and grouping). */
  readonly area: "people" | "portfolio" | "execution" | "raid" | "status" | "requirements" | "rollout" | "operations" | "audit";
  /**
   * Fields that are filtered on often (foreign keys, states, keys): adapters with indexes should index these.
   * Dot paths into the wire form.
   */
  readonly indexed: readonly string[];
}

function kind<S extends z.ZodType>(schema: S, area: EntityKindDefinition["area"], indexed: readonly string[]): EntityKindDefinition<S> {
  return { schema, area, indexed };
}

/**
 * Every entity kind pmokit stores, mapped to its codec. Storage, the conformance kit and importers iterate it.
 *
 * @example
 * ```ts
 * Object.keys(entityKinds); // ["person", "portfolio", "programme", "request", "project", …]
 * entityKinds.project.schema.decode(wire);
 * ```
 */
export const entityKinds = {
  person: kind(personSchema, "people", ["name", "organisationUnit"]),
  portfolio: kind(portfolioSchema, "portfolio", ["name"]),
  programme: kind(programmeSchema, "portfolio", ["portfolioId", "status"]),
  request: kind(projectRequestSchema, "portfolio", ["portfolioId", "status", "sponsorId", "key"]),
  project: kind(projectSchema, "execution", ["code", "lifecycle", "programmeId", "portfolioId", "requestId"]),
  "work-package": kind(workPackageSchema, "execution", ["projectId", "code", "parentId"]),
  milestone: kind(milestoneSchema, "execution", ["projectId", "workPackageId"]),
  baseline: kind(baselineSchema, "execution", ["projectId", "number"]),
  "cost-entry": kind(costEntrySchema, "execution", ["projectId", "workPackageId", "date"]),
  resource: kind(resourceSchema, "execution", ["name", "type", "personId"]),
  assignment: kind(assignmentSchema, "execution", ["projectId", "workPackageId", "resourceId"]),
  risk: kind(riskSchema, "raid", ["projectId", "programmeId", "status"]),
  issue: kind(issueSchema, "raid", ["projectId", "status", "severity"]),
  decision: kind(decisionSchema, "raid", ["projectId", "status"]),
  action: kind(actionSchema, "raid", ["projectId", "status", "dueDate"]),
  "change-request": kind(changeRequestSchema, "raid", ["projectId", "status"]),
  "status-report": kind(statusReportSchema, "status", ["projectId", "asOf"]),
  requirement: kind(requirementSchema, "requirements", ["projectId", "key", "type", "status", "parentId"]),
  "trace-link": kind(traceLinkSchema, "requirements", ["from.id", "to.id", "linkType"]),
  artifact: kind(artifactSchema, "requirements", ["projectId", "artifactType"]),
  "test-case": kind(testCaseSchema, "requirements", ["projectId", "key"]),
  "test-run": kind(testRunSchema, "requirements", ["testCaseId", "executedAt"]),
  defect: kind(defectSchema, "requirements", ["projectId", "status"]),
  acknowledgement: kind(acknowledgementSchema, "requirements", ["requirementId", "personId"]),
  "rollout-plan": kind(rolloutPlanSchema, "rollout", ["projectId", "status"]),
  "checklist-item": kind(checklistItemSchema, "rollout", ["rolloutPlanId", "status", "phase", "category"]),
  gate: kind(gateSchema, "rollout", ["rolloutPlanId", "type"]),
  "service-outage": kind(serviceOutageSchema, "operations", ["service", "start"]),
  "audit-event": kind(auditEventSchema, "audit", ["entityKind", "entityId", "at", "correlationId"]),
} as const;

/** The name of an entity kind: `"project"`, `"request"`, `"work-package"`, … */
export type EntityKind = keyof typeof entityKinds;

/** The memory form (decoded) of an entity kind. */
export type EntityOf<K extends EntityKind> = z.output<(typeof entityKinds)[K]["schema"]>;

/** The wire form (encoded, JSON-safe) of an entity kind. */
export type WireOf<K extends EntityKind> = z.input<(typeof entityKinds)[K]["schema"]>;

/**
 * Every entity kind name, in registry order.
 *
 * @example
 * ```ts
 * for (const k of entityKindNames()) console.log(k);
 * ```
 */
export function entityKindNames(): EntityKind[] {
  return Object.keys(entityKinds) as EntityKind[];
}

/**
 * True for a known entity kind name.
 *
 * @example
 * ```ts
 * isEntityKind("project"); // true
 * isEntityKind("__proto__"); // false
 * ```
 */
export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(entityKinds, value);
}

/** The registry entry of a kind; an unknown name (or a prototype key) is a ValidationError. */
function kindOf(kind: unknown, subject: string): (typeof entityKinds)[EntityKind] {
  if (!isEntityKind(kind)) throw ValidationError.single(["kind"], `expected an entity kind (${entityKindNames().join(", ")})`, subject);
  return entityKinds[kind];
}

/**
 * Decodes (validates) one wire record of a kind into its memory form.
 *
 * @throws {ValidationError} with every issue's path.
 * @example
 * ```ts
 * const project = decodeEntity("project", JSON.parse(text));
 * ```
 */
export function decodeEntity<K extends EntityKind>(kind: K, wire: unknown): EntityOf<K> {
  const schema = kindOf(kind, "decodeEntity").schema as unknown as z.ZodType<EntityOf<K>>;
  return decodeWith(schema, wire, kind);
}

/**
 * Encodes (validates) one entity into its canonical wire form.
 *
 * @throws {ValidationError} when the memory value is invalid.
 * @example
 * ```ts
 * JSON.stringify(encodeEntity("project", project));
 * ```
 */
export function encodeEntity<K extends EntityKind>(kind: K, entity: EntityOf<K>): WireOf<K> {
  const schema = kindOf(kind, "encodeEntity").schema as unknown as z.ZodType<EntityOf<K>, WireOf<K>>;
  return encodeWith(schema, entity, kind);
}

/**
 * The JSON Schema (draft 2020-12) of a kind's wire form.
 *
 * @example
 * ```ts
 * writeFileSync("project.schema.json", JSON.stringify(entityJsonSchema("project"), null, 2));
 * ```
 */
export function entityJsonSchema(kind: EntityKind): Record<string, unknown> {
  kindOf(kind, "entityJsonSchema");
  return JSON_SCHEMAS[kind]();
}

/** Each kind's JSON Schema builder, with its title and description (kept apart from the codecs: docs only). */
const JSON_SCHEMAS: Record<EntityKind, () => Record<string, unknown>> = {
  person: personJsonSchema,
  portfolio: portfolioJsonSchema,
  programme: programmeJsonSchema,
  request: projectRequestJsonSchema,
  project: projectJsonSchema,
  "work-package": workPackageJsonSchema,
  milestone: milestoneJsonSchema,
  baseline: baselineJsonSchema,
  "cost-entry": costEntryJsonSchema,
  resource: resourceJsonSchema,
  assignment: assignmentJsonSchema,
  risk: riskJsonSchema,
  issue: issueJsonSchema,
  decision: decisionJsonSchema,
  action: actionJsonSchema,
  "change-request": changeRequestJsonSchema,
  "status-report": statusReportJsonSchema,
  requirement: requirementJsonSchema,
  "trace-link": traceLinkJsonSchema,
  artifact: artifactJsonSchema,
  "test-case": testCaseJsonSchema,
  "test-run": testRunJsonSchema,
  defect: defectJsonSchema,
  acknowledgement: acknowledgementJsonSchema,
  "rollout-plan": rolloutPlanJsonSchema,
  "checklist-item": checklistItemJsonSchema,
  gate: gateJsonSchema,
  "service-outage": serviceOutageJsonSchema,
  "audit-event": auditEventJsonSchema,
};
