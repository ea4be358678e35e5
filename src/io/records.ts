import type { EntityKind, EntityOf } from "../entities/index.js";

/**
 * Validated entities produced by an importer, by kind (memory form). Nothing has been stored yet: pass them to
 * `writeImportedRecords` to store them all in one transaction.
 */
export type ImportedRecords = { readonly [K in EntityKind]?: readonly EntityOf<K>[] };

/**
 * The order kinds are written in, so that records a kind refers to are stored first (people before projects,
 * projects before work packages, requirements before trace links).
 *
 * @example
 * ```ts
 * IMPORT_ORDER.indexOf("project") < IMPORT_ORDER.indexOf("work-package"); // true
 * ```
 */
export const IMPORT_ORDER: readonly EntityKind[] = Object.freeze([
  "person", "resource", "portfolio", "programme", "request", "project", "work-package", "milestone", "assignment", "baseline", "cost-entry",
  "risk", "issue", "decision", "change-request", "action", "status-report", "requirement", "artifact", "test-case",
  "test-run", "defect", "trace-link", "acknowledgement", "rollout-plan", "gate", "checklist-item", "service-outage",
  "audit-event",
] as const satisfies readonly EntityKind[]);

/**
 * Counts the records per kind (kinds with none are left out).
 *
 * @example
 * ```ts
 * countRecords({ project: [p], "work-package": [a, b] }); // { project: 1, "work-package": 2 }
 * ```
 */
export function countRecords(records: ImportedRecords): Readonly<Partial<Record<EntityKind, number>>> {
  const out: Partial<Record<EntityKind, number>> = {};
  for (const kind of IMPORT_ORDER) {
    const list = records[kind];
    if (list && list.length > 0) out[kind] = list.length;
  }
  return out;
}
