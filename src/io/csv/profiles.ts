import { ValidationError } from "../../core/index.js";

/** How the cells of one entity kind's CSV are read and written. */
export interface CsvProfile {
  /** Default columns, in order: field paths of the wire form (`amount.amount`). `id` is always first. */
  readonly columns: readonly string[];
  /** Columns holding a list of texts, one item per line inside the cell. */
  readonly lists?: readonly string[];
  /** Columns holding structured values as JSON. */
  readonly json?: readonly string[];
  /** Columns holding `true`/`false` (also `yes`/`no`, `1`/`0`). */
  readonly booleans?: readonly string[];
  /** Columns holding whole numbers. */
  readonly integers?: readonly string[];
}

/** The kinds CSV import and export support. */
export type CsvKind = "request" | "requirement" | "cost-entry" | "checklist-item";

/**
 * Column profiles of the CSV kinds: the columns written by default and how each cell is typed.
 *
 * @example
 * ```ts
 * CSV_PROFILES["cost-entry"].columns; // ["id", "projectId", "workPackageId", "date", "amount.amount", …]
 * ```
 */
export const CSV_PROFILES: Readonly<Record<CsvKind, CsvProfile>> = {
  request: {
    columns: [
      "id", "key", "title", "portfolioId", "sponsorId", "requesterId", "purpose", "need", "status", "targetStart", "dependsOn",
      "strategicObjectiveIds", "benefits", "estimatedCost", "effort", "ratings", "transitions", "mandatory", "convertedProjectId",
    ],
    lists: ["dependsOn", "strategicObjectiveIds"],
    json: ["benefits", "estimatedCost", "effort", "ratings", "transitions", "mandatory"],
  },
  requirement: {
    columns: [
      "id", "projectId", "key", "type", "title", "statement", "rationale", "priority", "acceptanceCriteria", "verificationMethod",
      "status", "ownerId", "parentId", "sourceStakeholderId", "audiences", "tags",
    ],
    lists: ["acceptanceCriteria", "audiences", "tags"],
  },
  "cost-entry": {
    columns: ["id", "projectId", "workPackageId", "date", "amount.amount", "amount.currency", "category", "expenditure", "description", "sourceRef", "fxRate"],
    json: ["fxRate"],
  },
  "checklist-item": {
    columns: [
      "id", "rolloutPlanId", "code", "title", "description", "phase", "category", "ownerRole", "ownerId", "raci", "anchor",
      "tMinusDays", "dependsOn", "blocking", "freezeExempt", "gateIds", "status", "statusReason", "dueDate", "completedOn", "skippedOn",
      "notApplicableOn", "evidenceRequired", "evidence", "waiver", "evidenceRule",
    ],
    lists: ["dependsOn", "gateIds"],
    json: ["raci", "evidence", "waiver", "evidenceRule"],
    booleans: ["blocking", "freezeExempt"],
    integers: ["tMinusDays"],
  },
};

/**
 * @internal The profile of a CSV kind, or a ValidationError at `["kind"]` for anything else — `constructor` and
 * `toString` included, which a plain lookup would answer from Object.prototype.
 */
export function csvProfile(kind: unknown, subject: string): CsvProfile {
  if (typeof kind !== "string" || !Object.hasOwn(CSV_PROFILES, kind)) {
    throw ValidationError.single(["kind"], `${JSON.stringify(kind) ?? String(kind)} is not a CSV kind (${Object.keys(CSV_PROFILES).join(", ")})`, subject);
  }
  return CSV_PROFILES[kind as CsvKind];
}
