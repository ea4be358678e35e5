import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { createPool } from "mysql2";
import { PGlite } from "@electric-sql/pglite";
import { PgliteDialect, SharedSqliteDialect, type AnyKysely } from "../../src/sql/index.js";

/*
 * The databases the SQL tests run on. Each backend gets its own schema / database / file with a random suffix, so
 * concurrent runs never collide, and drops it at the end.
 */

export const PG_URL = process.env["PMOKIT_PG_URL"];
export const MYSQL_URL = process.env["PMOKIT_MYSQL_URL"];

export interface Backend {
  readonly label: string;
  readonly db: AnyKysely;
  /** Kills every server session of the backend's pools; returns how many. */
  readonly terminate?: () => Promise<number>;
  /** Another connection pool / handle on the same database (for two-process migration races). */
  readonly second?: () => AnyKysely;
  readonly close: () => Promise<void>;
  /** Breaks the adapter's connection (kills its server sessions, or holds SQLite's lock from another handle). */
  readonly interrupt?: () => Promise<() => Promise<void>>;
  /** Adapter options the backend needs (a short SQLite busy timeout for the lock test). */
  readonly adapterOptions?: { readonly busyTimeoutMs?: number };
}

const suffix = () => randomBytes(5).toString("hex");

export function sqliteMemory(): Backend {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(":memory:") }) }) as AnyKysely;
  return { label: "SQLite (memory)", db, close: () => db.destroy() };
}

/** SQLite in memory through pmokit's SharedSqliteDialect (turns shared per Database object). */
export function sqliteSharedMemory(): Backend {
  const db = new Kysely<unknown>({ dialect: new SharedSqliteDialect({ database: new Database(":memory:") }) }) as AnyKysely;
  return { label: "SQLite (memory, shared dialect)", db, close: () => db.destroy() };
}

export function sqliteFile(): Backend & { readonly file: string } {
  const dir = mkdtempSync(join(tmpdir(), "pmokit-sql-"));
  const file = join(dir, "pmo.db");
  const open = (timeout: number) => {
    const handle = new Database(file, { timeout });
    handle.pragma("journal_mode = WAL");
    return new Kysely<unknown>({ dialect: new SqliteDialect({ database: handle }) }) as AnyKysely;
  };
  const db = open(5000);
  const others: AnyKysely[] = [];
  return {
    label: "SQLite (file)",
    db,
    file,
    adapterOptions: { busyTimeoutMs: 200 },
    // Another handle takes the write lock, as another process would: writes meet SQLITE_BUSY after the timeout.
    interrupt: async () => {
      const other = new Database(file, { timeout: 1000 });
      other.prepare("BEGIN IMMEDIATE").run();
      return async () => {
        other.prepare("ROLLBACK").run();
        other.close();
      };
    },
    second: () => {
      const k = open(20);
      others.push(k);
      return k;
    },
    close: async () => {
      for (const o of others) await o.destroy();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One PGlite per test file (creating one costs seconds); each suite works in its own schema. */
let pglite: PGlite | undefined;
export async function pgliteBackend(): Promise<Backend> {
  pglite ??= new PGlite();
  const schema = `pmokit_t_${suffix()}`;
  await pglite.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  const instance = pglite;
  const db = new Kysely<unknown>({ dialect: new PgliteDialect(instance) }) as AnyKysely;
  return {
    label: "PostgreSQL (PGlite)",
    db,
    close: async () => {
      await instance.exec(`DROP SCHEMA ${schema} CASCADE; SET search_path TO public`);
    },
  };
}

export async function postgresBackend(url: string, settings: readonly string[] = []): Promise<Backend & { readonly schema: string }> {
  const schema = `pmokit_t_${suffix()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const pools: pg.Pool[] = [];
  const open = () => {
    const options = [`-c search_path=${schema}`, ...settings.map((x) => `-c ${x}`)].join(" ");
    const pool = new pg.Pool({ connectionString: url, options, max: 10, application_name: schema });
    // A terminated idle client is reported on the pool; the pool drops it and the next query gets a new one.
    pool.on("error", () => {});
    // A checked-out client whose session is terminated between two queries reports it on the client: without a
    // listener node-postgres makes that an uncaught exception. The next query on it fails, as a StorageError.
    pool.on("connect", (client) => client.on("error", () => {}));
    pools.push(pool);
    return new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) }) as AnyKysely;
  };
  const db = open();
  const terminate = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const r = await c.query("SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()", [schema]);
    await c.end();
    return Number(r.rows[0]?.n ?? 0);
  };
  return {
    label: "PostgreSQL (server)",
    db,
    schema,
    second: open,
    terminate,
    interrupt: async () => {
      await terminate();
      return async () => {};
    },
    close: async () => {
      for (const p of pools) await p.end();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export async function mariadbBackend(url: string, sqlMode?: string, settings: readonly string[] = []): Promise<Backend & { readonly database: string }> {
  const database = `pmokit_t_${suffix()}`;
  const admin = createPool({ uri: url, connectionLimit: 1 }).promise();
  await admin.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin`);
  await admin.end();
  const pools: ReturnType<typeof createPool>[] = [];
  const open = () => {
    const pool = createPool({ uri: url, database, connectionLimit: 10 });
    // A server or session sql_mode some DBAs set (NO_BACKSLASH_ESCAPES, ANSI_QUOTES …), on every connection.
    if (sqlMode) pool.on("connection", (conn) => conn.query(`SET SESSION sql_mode = '${sqlMode}'`));
    // Session settings of a newer server's defaults (innodb_snapshot_isolation = ON, MariaDB 11.6+), on every connection.
    for (const setting of settings) pool.on("connection", (conn) => conn.query(`SET SESSION ${setting}`));
    pools.push(pool);
    return new Kysely<unknown>({ dialect: new MysqlDialect({ pool }) }) as AnyKysely;
  };
  const db = open();
  const terminate = async () => {
    const c = createPool({ uri: url, connectionLimit: 1 }).promise();
    const [rows] = await c.query("SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()", [database]);
    let n = 0;
    for (const row of rows as { id: number }[]) {
      try {
        await c.query(`KILL CONNECTION ${Number(row.id)}`);
        n++;
      } catch {
        // already gone
      }
    }
    await c.end();
    return n;
  };
  return {
    label: "MariaDB (server)",
    db,
    database,
    second: open,
    terminate,
    interrupt: async () => {
      await terminate();
      return async () => {};
    },
    close: async () => {
      for (const p of pools) await new Promise<void>((r) => p.end(() => r()));
      const c = createPool({ uri: url, connectionLimit: 1 }).promise();
      await c.query(`DROP DATABASE ${database}`);
      await c.end();
    },
  };
}
