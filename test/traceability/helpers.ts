import type { TraceEntity, TraceItemKind, TraceLinkInput } from "../../src/traceability/index.js";

/*
 * Small builders for hand-made graphs. The analysis reads memory-form entities; only the fields it uses are set,
 * plus the ones a fingerprint covers.
 */

export const T0 = "2026-03-01T09:00:00.000Z";

export function req(id: string, type: string, extra: Record<string, unknown> = {}): TraceEntity {
  return { id, key: id, type, title: `Title of ${id}`, statement: `Statement of ${id}`, acceptanceCriteria: [], verificationMethod: "test", status: "approved", updatedAt: T0, ...extra };
}

export function art(id: string, artifactType: string, extra: Record<string, unknown> = {}): TraceEntity {
  return { id, artifactType, name: `Artifact ${id}`, updatedAt: T0, ...extra };
}

export function tc(id: string, extra: Record<string, unknown> = {}): TraceEntity {
  return { id, key: id, title: `Test ${id}`, updatedAt: T0, ...extra };
}

export function run(id: string, testCaseId: string, result: string, executedAt: string, extra: Record<string, unknown> = {}): TraceEntity {
  return { id, testCaseId, result, executedAt, environment: "sit", softwareVersion: "1.0", defectIds: [], updatedAt: executedAt, ...extra };
}

const KIND_OF: Record<string, TraceItemKind> = { BR: "requirement", SR: "requirement", FR: "requirement", NFR: "requirement", TR: "requirement", TC: "test-case" };

/** The kind from an id's prefix (`FR-1` → requirement, `TC-1` → test-case, anything else → artifact). */
export function kindOf(id: string): TraceItemKind {
  return KIND_OF[id.split("-")[0] as string] ?? "artifact";
}

export function link(from: string, linkType: string, to: string, extra: Partial<TraceLinkInput> = {}): TraceLinkInput {
  return { id: `${from}>${linkType}>${to}`, from: { kind: kindOf(from), id: from }, to: { kind: kindOf(to), id: to }, linkType, createdAt: T0, ...extra };
}
