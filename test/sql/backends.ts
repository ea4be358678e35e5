import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { createPool } from "mysql2";
import { PGlite } from "@electric-sql/pglite";
import { PgliteDialect, type AnyKysely } from "../../src/sql/index.js";

/*
 * The databases the SQL tests run on. Each backend gets its own schema / database / file with a random suffix, so
 * concurrent runs never collide, and drops it at the end.
 */

export const PG_URL = process.env["PMOKIT_PG_URL"];
export const MYSQL_URL = process.env["PMOKIT_MYSQL_URL"];

export interface Backend {
  readonly label: string;
  readonly db: AnyKysely;
  /** Another connection pool / handle on the same database (for two-process migration races). */
  readonly second?: () => AnyKysely;
  readonly close: () => Promise<void>;
}

const suffix = () => randomBytes(5).toString("hex");

export function sqliteMemory(): Backend {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(":memory:") }) }) as AnyKysely;
  return { label: "SQLite (memory)", db, close: () => db.destroy() };
}

export function sqliteFile(): Backend {
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

export async function postgresBackend(url: string): Promise<Backend> {
  const schema = `pmokit_t_${suffix()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const pools: pg.Pool[] = [];
  const open = () => {
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 10 });
    pools.push(pool);
    return new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) }) as AnyKysely;
  };
  const db = open();
  return {
    label: "PostgreSQL (server)",
    db,
    second: open,
    close: async () => {
      for (const p of pools) await p.end();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export async function mariadbBackend(url: string): Promise<Backend> {
  const database = `pmokit_t_${suffix()}`;
  const admin = createPool({ uri: url, connectionLimit: 1 }).promise();
  await admin.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin`);
  await admin.end();
  const pools: ReturnType<typeof createPool>[] = [];
  const open = () => {
    const pool = createPool({ uri: url, database, connectionLimit: 10 });
    pools.push(pool);
    return new Kysely<unknown>({ dialect: new MysqlDialect({ pool }) }) as AnyKysely;
  };
  const db = open();
  return {
    label: "MariaDB (server)",
    db,
    second: open,
    close: async () => {
      for (const p of pools) await new Promise<void>((r) => p.end(() => r()));
      const c = createPool({ uri: url, connectionLimit: 1 }).promise();
      await c.query(`DROP DATABASE ${database}`);
      await c.end();
    },
  };
}
