import { sql, type Kysely } from "kysely";
import { checkOptionKeys } from "../core/guard.js";
import { detectDialect, type AnyKysely, type SqlDialectName } from "./dialect.js";
import { SQL_MIGRATIONS, type SqlMigration } from "./migrations.js";
import { MIGRATIONS_TABLE, migrationsTableDdl } from "./schema.js";

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** The dialect, when it cannot be detected from the Kysely instance. */
  readonly dialect?: SqlDialectName;
  /** Migrations to apply (default: pmokit's {@link SQL_MIGRATIONS}). */
  readonly migrations?: readonly SqlMigration[];
  /** Called before each statement runs — for progress output (and, in pmokit's tests, to interrupt a run). */
  readonly onStatement?: (version: number, index: number) => void | Promise<void>;
  /** The instant recorded as `applied_at`. Default: the system clock. */
  readonly clock?: () => Date;
  /** SQLite: how long to keep retrying while another process holds the write lock, in ms. Default 30 000. */
  readonly busyTimeoutMs?: number;
}

/** What {@link migrate} did. */
export interface MigrateResult {
  /** Versions applied by this call, in order (empty when the schema was already current). */
  readonly applied: readonly number[];
  /** The schema version now. */
  readonly current: number;
}

type Conn = Kysely<unknown>;

/** An advisory lock key per schema/database, so that migrations of different schemas never wait on each other. */
async function lock(conn: Conn, dialect: SqlDialectName, busyTimeoutMs: number): Promise<void> {
  if (dialect === "postgres") {
    await sql`BEGIN`.execute(conn);
    try {
      await sql`SELECT pg_advisory_xact_lock(hashtext(current_database() || '.' || current_schema() || '.pmokit_migrate'))`.execute(conn);
    } catch (e) {
      // A failed wait (lock_timeout, statement_timeout, a cancel) must not leave the pooled connection in an aborted
      // transaction: every later statement on it would fail.
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw e;
    }
  } else if (dialect === "mysql") {
    const r = await sql<{ ok: number | null }>`SELECT GET_LOCK(CONCAT('pmokit_migrate.', DATABASE()), 600) AS ok`.execute(conn);
    if (Number(r.rows[0]?.ok) !== 1) throw new Error("pmokit migrate: could not take the migration lock (GET_LOCK)");
  } else {
    // BEGIN IMMEDIATE takes SQLite's write lock up front; another process holding it makes us wait and retry.
    const deadline = Date.now() + busyTimeoutMs;
    for (;;) {
      try {
        await sql`BEGIN IMMEDIATE`.execute(conn);
        return;
      } catch (e) {
        if (!/SQLITE_BUSY|database is locked/i.test(`${(e as { code?: string }).code ?? ""} ${String(e)}`) || Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 10 + Math.random() * 40));
      }
    }
  }
}

async function unlock(conn: Conn, dialect: SqlDialectName, ok: boolean): Promise<void> {
  if (dialect === "mysql") {
    await sql`SELECT RELEASE_LOCK(CONCAT('pmokit_migrate.', DATABASE()))`.execute(conn);
  } else {
    await (ok ? sql`COMMIT` : sql`ROLLBACK`).execute(conn);
  }
}

/**
 * Brings the database schema up to date: creates the migrations table, then applies every migration not yet
 * recorded there, in order, recording each. Safe to run on every start-up:
 *
 * - **idempotent** — a second run finds nothing to do;
 * - **safe concurrently** — two processes migrating at once serialise on a lock (PostgreSQL advisory lock,
 *   MySQL/MariaDB `GET_LOCK`, SQLite `BEGIN IMMEDIATE`), and the second finds the work done;
 * - **restartable** — on PostgreSQL and SQLite the whole run is one transaction (DDL included), so an interrupted
 *   run leaves nothing; MySQL/MariaDB commit DDL implicitly, so every statement is `IF NOT EXISTS` and a rerun
 *   completes what an interrupted one started.
 *
 * Run it with the Kysely instance itself (not inside a transaction). Tables land in the connection's schema
 * (PostgreSQL `search_path`) or database (MySQL).
 *
 * @example
 * ```ts
 * import { Kysely, SqliteDialect } from "kysely";
 * import Database from "better-sqlite3";
 * import { migrate, createSqlAdapter } from "pmokit/sql";
 *
 * const db = new Kysely({ dialect: new SqliteDialect({ database: new Database("pmo.db") }) });
 * await migrate(db);            // { applied: [1], current: 1 } the first time, { applied: [], current: 1 } after
 * const adapter = createSqlAdapter(db);
 * ```
 */
export async function migrate(db: AnyKysely, options: MigrateOptions = {}): Promise<MigrateResult> {
  checkOptionKeys("migrate", options, { dialect: 1, migrations: 1, onStatement: 1, clock: 1, busyTimeoutMs: 1 } satisfies Record<keyof MigrateOptions, 1>);
  const dialect = options.dialect ?? detectDialect(db);
  const migrations = [...(options.migrations ?? SQL_MIGRATIONS)].sort((a, b) => a.version - b.version);
  const clock = options.clock ?? (() => new Date());
  return db.connection().execute(async (conn: Conn) => {
    await lock(conn, dialect, options.busyTimeoutMs ?? 30_000);
    let ok = false;
    try {
      await migrationsTableDdl(dialect).execute(conn);
      const done = await sql<{ version: number }>`SELECT version FROM ${sql.table(MIGRATIONS_TABLE)}`.execute(conn);
      const have = new Set(done.rows.map((r) => Number(r.version)));
      const applied: number[] = [];
      for (const m of migrations) {
        if (have.has(m.version)) continue;
        const statements = m.statements(dialect);
        for (const [i, stmt] of statements.entries()) {
          await options.onStatement?.(m.version, i);
          await stmt.execute(conn);
        }
        await sql`INSERT INTO ${sql.table(MIGRATIONS_TABLE)} (version, name, applied_at) VALUES (${m.version}, ${m.name}, ${clock().toISOString()})`.execute(conn);
        applied.push(m.version);
        have.add(m.version);
      }
      ok = true;
      return { applied, current: Math.max(0, ...have) };
    } finally {
      await unlock(conn, dialect, ok);
    }
  });
}

/**
 * The migrations recorded in the database, in order (empty before the first {@link migrate}).
 *
 * @example
 * ```ts
 * await appliedMigrations(db); // [{ version: 1, name: "record tables for every entity kind", appliedAt: "…" }]
 * ```
 */
export async function appliedMigrations(
  db: AnyKysely,
): Promise<{ readonly version: number; readonly name: string; readonly appliedAt: string }[]> {
  try {
    const r = await sql<{ version: number; name: string; applied_at: string }>`SELECT version, name, applied_at FROM ${sql.table(
      MIGRATIONS_TABLE,
    )} ORDER BY version`.execute(db);
    return r.rows.map((x) => ({ version: Number(x.version), name: x.name, appliedAt: String(x.applied_at) }));
  } catch (e) {
    // Before the first migrate there is no migrations table: nothing applied. Any other error is real.
    if (/no such table|does not exist|doesn't exist/i.test(String((e as Error)?.message ?? e))) return [];
    throw e;
  }
}
