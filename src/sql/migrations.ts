import type { RawBuilder } from "kysely";
import type { EntityKind } from "../entities/registry.js";
import type { SqlDialectName } from "./dialect.js";
import { kindTableDdl } from "./schema.js";

/** One schema migration: a version, a name, and idempotent DDL statements for each dialect. */
export interface SqlMigration {
  /** Version number; migrations apply in ascending order, each once. */
  readonly version: number;
  /** What it does, recorded in the migrations table. */
  readonly name: string;
  /** The statements, each safe to run again (`IF NOT EXISTS`), so an interrupted run can simply be repeated. */
  statements(dialect: SqlDialectName): RawBuilder<unknown>[];
}

/**
 * The indexed fields of every kind as migration 1 created them. Frozen on purpose: when the registry changes, a new
 * migration adds the tables, columns and indexes, and a test keeps the registry and the migrations in step.
 */
const V1_INDEXED: Readonly<Record<Exclude<EntityKind, V2Kind>, readonly string[]>> = {
  person: ["name", "organisationUnit"],
  portfolio: ["name"],
  programme: ["portfolioId", "status"],
  request: ["portfolioId", "status", "sponsorId", "key"],
  project: ["code", "lifecycle", "programmeId", "portfolioId", "requestId"],
  "work-package": ["projectId", "code", "parentId"],
  milestone: ["projectId", "workPackageId"],
  baseline: ["projectId", "number"],
  "cost-entry": ["projectId", "workPackageId", "date"],
  risk: ["projectId", "programmeId", "status"],
  issue: ["projectId", "status", "severity"],
  decision: ["projectId", "status"],
  action: ["projectId", "status", "dueDate"],
  "change-request": ["projectId", "status"],
  "status-report": ["projectId", "asOf"],
  requirement: ["projectId", "key", "type", "status", "parentId"],
  "trace-link": ["from.id", "to.id", "linkType"],
  artifact: ["projectId", "artifactType"],
  "test-case": ["projectId", "key"],
  "test-run": ["testCaseId", "executedAt"],
  defect: ["projectId", "status"],
  acknowledgement: ["requirementId", "personId"],
  "rollout-plan": ["projectId", "status"],
  "checklist-item": ["rolloutPlanId", "status", "phase", "category"],
  gate: ["rolloutPlanId", "type"],
  "service-outage": ["service", "start"],
  "audit-event": ["entityKind", "entityId", "at", "correlationId"],
};

/** The kinds migration 2 added (resources and assignments for scheduling). */
type V2Kind = "resource" | "assignment";

/** The indexed fields of the kinds migration 2 created. Frozen like V1_INDEXED. */
const V2_INDEXED: Readonly<Record<V2Kind, readonly string[]>> = {
  resource: ["name", "type", "personId"],
  assignment: ["projectId", "workPackageId", "resourceId"],
};

/** @internal The indexed columns the migrations create, by kind (what the adapter writes and queries). */
export const SCHEMA_INDEXED: Readonly<Record<EntityKind, readonly string[]>> = { ...V1_INDEXED, ...V2_INDEXED };

/**
 * pmokit's schema migrations, in order.
 *
 * @example
 * ```ts
 * SQL_MIGRATIONS.map((m) => `${m.version}: ${m.name}`); // ["1: record tables for every entity kind", "2: resource and assignment tables"]
 * ```
 */
export const SQL_MIGRATIONS: readonly SqlMigration[] = Object.freeze([
  {
    version: 1,
    name: "record tables for every entity kind",
    statements: (dialect: SqlDialectName) =>
      (Object.keys(V1_INDEXED) as Exclude<EntityKind, V2Kind>[]).flatMap((kind) => kindTableDdl(dialect, kind, V1_INDEXED[kind])),
  },
  {
    version: 2,
    name: "resource and assignment tables",
    statements: (dialect: SqlDialectName) => (Object.keys(V2_INDEXED) as V2Kind[]).flatMap((kind) => kindTableDdl(dialect, kind, V2_INDEXED[kind])),
  },
]);
