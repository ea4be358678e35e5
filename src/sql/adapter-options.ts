import { ValidationError } from "../core/errors.js";
import { checkArguments, checkOptionKeys } from "../core/guard.js";
import type { SqlDialectName } from "./dialect.js";

/*
 * The SQL adapter's options and their checks (internal to src/sql; the type is exported through pmokit/sql).
 */

/** Options of {@link createSqlAdapter}. */
export interface SqlAdapterOptions {
  /** Adapter name for messages. Default `sql:<dialect>`. */
  readonly name?: string;
  /** The dialect, when it cannot be detected from the Kysely instance. */
  readonly dialect?: SqlDialectName;
  /** Largest page size, a whole number ≥ 1 (else ValidationError at `["maxPageSize"]`). Default 1000. */
  readonly maxPageSize?: number;
  /** Whether `close()` destroys the Kysely instance (default `false`: whoever made it closes it). */
  readonly destroyOnClose?: boolean;
  /**
   * SQLite: how long a write waits for another process's lock before failing with a retryable `storage-busy`
   * StorageError, in ms (`PRAGMA busy_timeout`). Default 5000. Ignored by the server dialects.
   */
  readonly busyTimeoutMs?: number;
  /**
   * How long a compare-and-set `update`/`delete` keeps trying while it finds the version it expected but changes no
   * row — the row was deleted and inserted again (same id, same version) by other transactions while it waited for
   * the row's lock (PostgreSQL at READ COMMITTED) — in ms. Then it fails with a retryable `storage-contention`
   * StorageError, never with a VersionConflictError naming the version it expected. Default 5000.
   */
  readonly contentionTimeoutMs?: number;
}
const SQL_OPTION_KEYS = { name: 1, dialect: 1, maxPageSize: 1, destroyOnClose: 1, busyTimeoutMs: 1, contentionTimeoutMs: 1 } satisfies Record<keyof SqlAdapterOptions, 1>;

/** @internal The checked settings of createSqlAdapter (dialect and name are resolved by the caller). */
export interface SqlSettings {
  readonly maxPageSize: number;
  readonly busyTimeoutMs: number;
  readonly contentionTimeoutMs: number;
}

/** @internal Refuses unknown keys and out-of-range numbers (ValidationError at the option's key); the defaults. */
export function checkSqlOptions(options: SqlAdapterOptions): void {
  checkArguments("createSqlAdapter", { options: [options, "object"] });
  checkOptionKeys("createSqlAdapter", options, SQL_OPTION_KEYS);
}

/** @internal The numeric settings with their defaults, each checked (ValidationError at its key, subject `name`). */
export function sqlSettings(options: SqlAdapterOptions, name: string): SqlSettings {
  const maxPageSize = options.maxPageSize ?? 1000;
  if (!(Number.isSafeInteger(maxPageSize) && maxPageSize >= 1)) throw ValidationError.single(["maxPageSize"], "maxPageSize is a whole number ≥ 1", name);
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const contentionTimeoutMs = options.contentionTimeoutMs ?? 5000;
  for (const [key, ms] of [["busyTimeoutMs", busyTimeoutMs], ["contentionTimeoutMs", contentionTimeoutMs]] as const) {
    if (!Number.isSafeInteger(ms) || ms < 0) throw ValidationError.single([key], `${key} is a whole number of milliseconds ≥ 0`, name);
  }
  return { maxPageSize, busyTimeoutMs, contentionTimeoutMs };
}
