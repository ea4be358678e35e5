import { decodeEntity, type EntityKind, type EntityOf, type WireOf } from "../entities/index.js";
import { SAMPLE_WIRE } from "./sample-data.js";

/**
 * The status date of the sample office: progress and actual costs are recorded up to this day, not after it.
 *
 * @example
 * ```ts
 * const office = await analyzeOffice(sampleOfficeRecords(), { statusDate: SAMPLE_STATUS_DATE });
 * ```
 */
export const SAMPLE_STATUS_DATE = "2026-11-20";

/**
 * Every entity kind of the sample office, ordered so that the records a kind refers to are loaded before it (people
 * before the portfolio, projects before their work packages, requirements before trace links, the rollout plan
 * before its gates and checklist items). A store that checks references on insert can load the kinds in this order.
 *
 * Three references still point forward and need a loader that defers them (or inserts in two passes):
 * a converted request's `convertedProjectId` (requests come before projects, which cite their `requestId`), a defect's
 * `foundInRunId` (test runs list the defects they raised in `defectIds`), and references inside one kind (a work
 * package's `parentId` and apportioned base, a person's `managerId`, a decision's `supersededBy`, a checklist item's
 * `dependsOn`).
 *
 * @example
 * ```ts
 * SAMPLE_KINDS.indexOf("project") < SAMPLE_KINDS.indexOf("work-package"); // true
 * ```
 */
export const SAMPLE_KINDS: readonly EntityKind[] = Object.freeze([
  "person",
  "resource",
  "portfolio",
  "programme",
  "request",
  "project",
  "work-package",
  "milestone",
  "assignment",
  "baseline",
  "cost-entry",
  "risk",
  "issue",
  "decision",
  "change-request",
  "action",
  "status-report",
  "requirement",
  "artifact",
  "test-case",
  "test-run",
  "defect",
  "trace-link",
  "acknowledgement",
  "rollout-plan",
  "gate",
  "checklist-item",
  "service-outage",
  "audit-event",
] as const satisfies readonly EntityKind[]);

/** Every kind of the sample office in wire form (JSON-ready: decimals as strings): what {@link loadSampleOffice} returns. */
export type SampleOfficeWire = { [K in EntityKind]: WireOf<K>[] };

/** Every kind of the sample office, decoded (memory form): what {@link sampleOfficeRecords} returns. */
export type SampleOfficeRecords = { [K in EntityKind]: EntityOf<K>[] };

/**
 * The sample office — the IT PMO of Northwind Logistics (about 2,000 staff, EUR; `examples/data/README.md` tells its
 * story) — as wire records: for every entity kind, its records in canonical wire form (the form
 * `entityKinds[kind].schema.encode` produces), sorted by id. The data is part of the package (bundled into
 * `pmokit/office`), so it needs no file system; each call returns fresh copies, so callers may mutate what they get.
 *
 * @returns The records of every kind, keyed by kind (`audit-event` is empty: audit events are written by services).
 * @example
 * ```ts
 * const office = loadSampleOffice();
 * office.project.length; // 4
 * const crm = decodeEntity("project", office.project.find((p) => p.id === "PRJ-CRM"));
 * ```
 */
export function loadSampleOffice(): SampleOfficeWire {
  const office = {} as Record<EntityKind, unknown[]>;
  for (const kind of SAMPLE_KINDS) office[kind] = structuredClone(SAMPLE_WIRE[kind] ?? []) as unknown[];
  return office as SampleOfficeWire;
}

/**
 * The sample office decoded: every record of {@link loadSampleOffice} through its entity codec (money as `Decimal`,
 * branded dates and ids), keyed by kind — the input of `analyzeOffice`, of `writeImportedRecords` and of every
 * calculator. Fresh values on each call.
 *
 * @throws {ValidationError} never for the shipped data (a test decodes it); would name the record and path otherwise.
 * @example
 * ```ts
 * const office = sampleOfficeRecords();
 * office.project.find((p) => p.code === "PRJ-WMS")?.budget.currency; // "EUR"
 * ```
 */
export function sampleOfficeRecords(): SampleOfficeRecords {
  const wire = loadSampleOffice();
  const out = {} as Record<EntityKind, unknown[]>;
  for (const kind of SAMPLE_KINDS) out[kind] = wire[kind].map((record) => decodeEntity(kind, record));
  return out as SampleOfficeRecords;
}
