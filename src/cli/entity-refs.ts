import { statSync } from "node:fs";
import { join } from "node:path";
import { ValidationError, type ValidationIssue } from "../core/index.js";
import type { ImportedRecords } from "../io/index.js";
import { toCliError } from "./errors.js";
import { PERSON_FIELDS, valuesAt } from "./person-refs.js";

/**
 * Every field of an entity kind that names another record (not a person: see `PERSON_FIELDS`), as a path into the
 * record (`*` for each element of a list) and the kinds it may name; `@` for a `{ kind, id }` reference, which names
 * its own kind. Left out: a baseline's packages and milestones (a snapshot keeps what was since removed), an audit
 * event's entity (the history of deleted records), a rollout plan's `templateId` and an outage's `incidentRef` and
 * `changeRef` (records of other systems), a request's `strategicObjectiveIds` (objectives inside a portfolio).
 *
 * @example
 * ```ts
 * RECORD_FIELDS["work-package"]; // [["projectId", "project"], ["parentId", "work-package"], …]
 * ```
 */
export const RECORD_FIELDS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  acknowledgement: [["requirementId", "requirement"]],
  action: [["projectId", "project"], ["source", "@"]],
  artifact: [["projectId", "project"]],
  assignment: [["projectId", "project"], ["workPackageId", "work-package"], ["resourceId", "resource"]],
  baseline: [["projectId", "project"]],
  "change-request": [["projectId", "project"]],
  "checklist-item": [["rolloutPlanId", "rollout-plan"], ["dependsOn.*", "checklist-item"], ["gateIds.*", "gate"]],
  "cost-entry": [["projectId", "project"], ["workPackageId", "work-package"]],
  decision: [["projectId", "project"], ["supersededBy", "decision"], ["closings.*.supersededBy", "decision"]],
  defect: [["projectId", "project"], ["foundInRunId", "test-run"], ["requirementIds.*", "requirement"]],
  gate: [["rolloutPlanId", "rollout-plan"], ["scope.itemIds.*", "checklist-item"]],
  issue: [["projectId", "project"]],
  milestone: [["projectId", "project"], ["workPackageId", "work-package"], ["predecessors.*.predecessorId", "work-package milestone"]],
  programme: [["portfolioId", "portfolio"]],
  project: [["requestId", "request"], ["programmeId", "programme"], ["portfolioId", "portfolio"]],
  request: [["portfolioId", "portfolio"], ["dependsOn.*", "request"], ["convertedProjectId", "project"]],
  requirement: [["projectId", "project"], ["parentId", "requirement"]],
  risk: [["projectId", "project"], ["programmeId", "programme"], ["scheduleImpactOn.*", "work-package milestone"]],
  "rollout-plan": [["projectId", "project"]],
  "status-report": [["projectId", "project"], ["raidRefs.*", "@"]],
  "test-case": [["projectId", "project"]],
  "test-run": [["testCaseId", "test-case"], ["defectIds.*", "defect"]],
  "trace-link": [["from", "@"], ["to", "@"]],
  "work-package": [["projectId", "project"], ["parentId", "work-package"], ["earningRule.basePackageId", "work-package"], ["predecessors.*.predecessorId", "work-package milestone"]],
};

/** One reference a record makes: where it is, the id it names and the kinds that id may be of. */
export interface RecordReference {
  /** `["records", kind, index, …path]`. */
  readonly path: readonly (string | number)[];
  /** The id named. */
  readonly id: string;
  /** The kinds it may name (`person`; `work-package`, `milestone`). */
  readonly kinds: readonly string[];
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Every reference of `records` to a person or another record, in the order of the records and of their fields.
 *
 * @example
 * ```ts
 * referencesOf({ risk: [{ id: "R-1", projectId: "PRJ-A", ownerId: "p-x" }] } as never);
 * // [{ path: ["records", "risk", 0, "ownerId"], id: "p-x", kinds: ["person"] }, { path: […, "projectId"], id: "PRJ-A", kinds: ["project"] }]
 * ```
 */
export function referencesOf(records: ImportedRecords): RecordReference[] {
  const out: RecordReference[] = [];
  for (const [kind, list] of Object.entries(records as Record<string, readonly unknown[]>)) {
    const fields: (readonly [string, string])[] = [
      ...(own(PERSON_FIELDS, kind) ? PERSON_FIELDS[kind]! : []).map((p) => [p, "person"] as const),
      ...(own(RECORD_FIELDS, kind) ? RECORD_FIELDS[kind]! : []),
    ];
    list.forEach((record, i) => {
      for (const [field, to] of fields) {
        const found: [unknown, (string | number)[]][] = [];
        valuesAt(record, field.split("."), ["records", kind, i], found);
        for (const [value, path] of found) {
          if (to !== "@") {
            if (typeof value === "string") out.push({ path, id: value, kinds: to.split(" ") });
          } else if (typeof value === "object" && value !== null) {
            const ref = value as { kind?: unknown; id?: unknown };
            if (typeof ref.kind === "string" && typeof ref.id === "string") out.push({ path: [...path, "id"], id: ref.id, kinds: [ref.kind] });
          }
        }
      }
    });
  }
  return out;
}

/**
 * The ids of each kind that `records` holds (kinds without records left out).
 *
 * @example
 * ```ts
 * idsByKind({ project: [{ id: "PRJ-A" }], risk: [] } as never); // Map { "project" => Set { "PRJ-A" } }
 * ```
 */
export function idsByKind(records: ImportedRecords): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  for (const [kind, list] of Object.entries(records as Record<string, readonly { id: string }[]>)) if (list.length > 0) ids.set(kind, new Set(list.map((r) => r.id)));
  return ids;
}

/**
 * The problem of a reference found nowhere: `no work-package or milestone wp-9 in the file`.
 *
 * @example
 * ```ts
 * danglingIssue({ path: ["records", "risk", 0, "ownerId"], id: "p-x", kinds: ["person"] }, "the file").message; // "no person p-x in the file"
 * ```
 */
export function danglingIssue(ref: RecordReference, where: string): ValidationIssue {
  return { path: ref.path, message: `no ${ref.kinds.join(" or ")} ${ref.id} in ${where}`, code: ref.kinds[0] === "person" ? "unknown-person" : "unknown-reference" };
}

/**
 * The references of `records` that name no record of `records`, one issue each. A reference is checked only when
 * the file holds records of a kind it may name: a file without projects may name projects that are stored already.
 *
 * @example
 * ```ts
 * unknownReferences({ project: [{ id: "PRJ-A" }], risk: [{ id: "R-1", projectId: "PRJ-B" }] } as never);
 * // [{ path: ["records", "risk", 0, "projectId"], message: "no project PRJ-B in the file", code: "unknown-reference" }]
 * ```
 */
export function unknownReferences(records: ImportedRecords, where = "the file"): ValidationIssue[] {
  const ids = idsByKind(records);
  return referencesOf(records)
    .filter((ref) => ref.kinds.some((k) => ids.has(k)) && !ref.kinds.some((k) => ids.get(k)?.has(ref.id)))
    .map((ref) => danglingIssue(ref, where));
}

/**
 * `validate`'s check of references: every person or record reference that names none of the file is one problem,
 * naming the file (a folder's per-kind file), the record and the path; nothing is thrown when all are found.
 *
 * @example
 * ```ts
 * checkReferences(source.records, "/data/office.json"); // throws: office.json: record risk[0] (R-1) at projectId: no project PRJ-X in the file
 * ```
 */
export function checkReferences(records: ImportedRecords, file: string): void {
  const dir = statSync(file).isDirectory();
  refuseDangling(records, unknownReferences(records, dir ? "the folder" : "the file"), file, dir);
}

/**
 * Throws the issues (when there are any) as one validation error naming the file (a folder's per-kind file) and each record.
 *
 * @example
 * ```ts
 * refuseDangling(records, unknownReferences(records), "/data/office.json", false); // throws when any reference dangles
 * ```
 */
export function refuseDangling(records: ImportedRecords, issues: readonly ValidationIssue[], file: string, dir: boolean): void {
  if (issues.length === 0) return;
  const all = records as Record<string, readonly { id: string }[] | undefined>;
  throw toCliError(new ValidationError(issues, "pmokit dataset"), {
    file,
    ids: (kind, i) => all[kind]?.[i]?.id,
    ...(dir ? { fileOf: (path: readonly (string | number)[]) => join(file, `${String(path[1])}.json`) } : {}),
  });
}
