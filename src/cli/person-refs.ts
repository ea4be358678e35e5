import type { ValidationIssue } from "../core/index.js";
import type { ImportedRecords } from "../io/index.js";

/**
 * Every field of an entity kind that names a person, as a path into the record (`*` for each element of a list).
 * `validate` checks each against the people of the file.
 */
export const PERSON_FIELDS: Readonly<Record<string, readonly string[]>> = {
  acknowledgement: ["personId"],
  action: ["ownerId"],
  artifact: ["ownerId"],
  baseline: ["capturedBy"],
  "change-request": ["requestedBy", "decidedBy", "closings.*.decidedBy"],
  "checklist-item": ["ownerId", "evidence.*.recordedBy", "waiver.approvedBy"],
  decision: ["decidedBy", "closings.*.decidedBy"],
  gate: ["approvers.*.personId", "approvals.*.personId", "decision.decidedBy"],
  issue: ["ownerId"],
  person: ["managerId"],
  portfolio: ["ownerId"],
  programme: ["sponsorId", "managerId"],
  request: ["sponsorId", "requesterId"],
  project: ["projectManagerId", "sponsorId", "stakeholders.*.personId"],
  requirement: ["ownerId", "sourceStakeholderId"],
  resource: ["personId"],
  risk: ["ownerId"],
  "status-report": ["authorId", "publishedBy", "overall.override.by"],
  "test-case": ["ownerId"],
  "test-run": ["executedBy"],
  "trace-link": ["reviewedBy"],
  "work-package": ["ownerId"],
};

/**
 * Each value at `path` (a `*` segment fans out over a list), with its full path, appended to `out`.
 *
 * @example
 * ```ts
 * const out: [unknown, (string | number)[]][] = [];
 * valuesAt({ a: [{ b: "x" }] }, ["a", "*", "b"], [], out); // out: [["x", ["a", 0, "b"]]]
 * ```
 */
export function valuesAt(value: unknown, path: readonly string[], at: (string | number)[], out: [unknown, (string | number)[]][]): void {
  if (path.length === 0) {
    if (value !== undefined) out.push([value, at]);
    return;
  }
  const [head, ...rest] = path;
  if (head === "*") {
    if (Array.isArray(value)) value.forEach((v, i) => valuesAt(v, rest, [...at, i], out));
  } else if (typeof value === "object" && value !== null && Object.prototype.hasOwnProperty.call(value, head!)) {
    valuesAt((value as Record<string, unknown>)[head!], rest, [...at, head!], out);
  }
}

/**
 * The person references of `records` that name no person of `records`, one issue each at
 * `records.<kind>[i].<path>` (`no person p-x in the file`, or in `where`). A file that holds no people is not checked: its people may be stored already.
 *
 * @example
 * ```ts
 * unknownPeople({ person: [], risk: [{ ownerId: "p-x" }] }); // [] — no people in the file
 * ```
 */
export function unknownPeople(records: ImportedRecords, where = "the file"): ValidationIssue[] {
  const people = (records as Partial<Record<string, readonly { id: string }[]>>)["person"] ?? [];
  if (people.length === 0) return [];
  const ids = new Set(people.map((p) => p.id));
  const issues: ValidationIssue[] = [];
  for (const [kind, list] of Object.entries(records as Record<string, readonly unknown[]>)) {
    const fields = Object.prototype.hasOwnProperty.call(PERSON_FIELDS, kind) ? PERSON_FIELDS[kind]! : [];
    list.forEach((record, i) => {
      for (const field of fields) {
        const found: [unknown, (string | number)[]][] = [];
        valuesAt(record, field.split("."), ["records", kind, i], found);
        for (const [id, path] of found) if (typeof id === "string" && !ids.has(id)) issues.push({ path, message: `no person ${id} in ${where}`, code: "unknown-person" });
      }
    });
  }
  return issues;
}
