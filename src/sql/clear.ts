import { sql } from "kysely";
import type { EntityKind } from "../entities/registry.js";
import type { AnyKysely } from "./dialect.js";
import { SCHEMA_INDEXED } from "./migrations.js";
import { tableName } from "./schema.js";

/**
 * Deletes every record of the given kinds (default: every kind) — for test set-up, not for production data.
 * The tables and the migrations record stay.
 *
 * @example
 * ```ts
 * runAdapterConformance({ name: "sqlite", create: () => adapter, reset: () => deleteAllRecords(db), runner });
 * ```
 */
export async function deleteAllRecords(db: AnyKysely, kinds?: readonly EntityKind[]): Promise<void> {
  for (const kind of kinds ?? (Object.keys(SCHEMA_INDEXED) as EntityKind[])) {
    await sql`DELETE FROM ${sql.table(tableName(kind))}`.execute(db);
  }
}
