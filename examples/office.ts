/**
 * The sample office: the IT project management office of Northwind Logistics (about 2,000 staff, EUR), as wire
 * records read from `examples/data/<kind>.json`. Tests, the demo and the benchmarks load it from here. See
 * `examples/data/README.md` for what is in it and the story of each project; `examples/data/build-office.ts`
 * regenerates the files.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import type { EntityKind } from "../src/index.js";

/** The status date of the sample office: progress and actual costs are recorded up to this day, not after it. */
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
 * const office = loadSampleOffice();
 * for (const kind of SAMPLE_KINDS) for (const record of office[kind]) await store.insert(kind, record);
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

/**
 * Reads the sample office from `examples/data`: for every entity kind, its records in canonical wire form (the
 * form `entityKinds[kind].schema.encode` produces), sorted by id. Each call reads the files afresh, so callers may
 * mutate what they get.
 *
 * @returns The records of every kind, keyed by kind (`audit-event` is empty: audit events are written by services).
 * @throws {Error} when a data file is missing or is not a JSON array.
 * @example
 * ```ts
 * const office = loadSampleOffice();
 * office.project.length;              // 4
 * const crm = decodeEntity("project", office.project.find((p) => (p as { id: string }).id === "PRJ-CRM"));
 * ```
 */
export function loadSampleOffice(): Record<EntityKind, unknown[]> {
  const office = {} as Record<EntityKind, unknown[]>;
  for (const kind of SAMPLE_KINDS) {
    const text = readFileSync(new URL(`./data/${kind}.json`, import.meta.url), "utf8");
    const records: unknown = JSON.parse(text);
    if (!Array.isArray(records)) throw new Error(`examples/data/${kind}.json is not a JSON array`);
    office[kind] = records;
  }
  return office;
}
