import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import type { StorageAdapter } from "../storage/index.js";
import { CliError } from "./errors.js";

/** An open SQLite database: the storage adapter over it and how to close it. */
export interface SqliteStore {
  /** The storage adapter (pmokit's SQL adapter on Kysely's SQLite dialect). */
  readonly adapter: StorageAdapter;
  /** Closes the connection. */
  close(): Promise<void>;
}

async function driver(): Promise<new (file: string, options?: { fileMustExist?: boolean }) => unknown> {
  try {
    return (await import("better-sqlite3")).default as never;
  } catch {
    throw new CliError("better-sqlite3 is not installed: npm install better-sqlite3 (the embedded SQLite database needs it)", { code: "missing-dependency" });
  }
}

// Kysely (and pmokit/sql, which imports it) load only when a command opens a database, so `pmokit --help`,
// `--version` and `validate` run after `npm install pmokit zod` alone (issue 17).
async function sqlLayer() {
  try {
    const [kysely, sqlAdapter] = await Promise.all([import("kysely"), import("../sql/index.js")]);
    return { Kysely: kysely.Kysely, SqliteDialect: kysely.SqliteDialect, createSqlAdapter: sqlAdapter.createSqlAdapter, migrate: sqlAdapter.migrate };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND" || !(e as Error).message.includes("'kysely'")) throw e;
    throw new CliError("kysely is not installed: npm install kysely better-sqlite3 (the embedded SQLite database needs them)", { code: "missing-dependency" });
  }
}

/**
 * Opens (or with `fresh` creates anew: the file is deleted first) a SQLite database file, migrated to the current
 * schema. A missing file (without `create`) or a file that is not a SQLite database is a one-line `CliError`.
 *
 * @example
 * ```ts
 * const db = await openSqlite(".pmokit/demo.sqlite", { fresh: true });
 * await writeImportedRecords(db.adapter, records);
 * await db.close();
 * ```
 */
export async function openSqlite(file: string, options: { readonly create?: boolean; readonly fresh?: boolean } = {}): Promise<SqliteStore> {
  const create = options.create === true || options.fresh === true;
  if (!create && !existsSync(file)) throw new CliError(`${file}: no such database file (create it with \`pmokit init ${file}\`)`, { code: "no-database" });
  if (options.fresh) for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
  try {
    if (create) mkdirSync(dirname(file), { recursive: true });
  } catch (e) {
    throw new CliError(`${file}: cannot create its folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const { Kysely, SqliteDialect, createSqlAdapter, migrate } = await sqlLayer();
  const Database = await driver();
  let sqlite: { exec(sql: string): void; close(): void; pragma(s: string): unknown };
  try {
    sqlite = new Database(file, { fileMustExist: !create }) as typeof sqlite;
    // Reading the schema fails at once on a file that is not a SQLite database ("file is not a database").
    sqlite.pragma("schema_version");
  } catch (e) {
    throw new CliError(`${file}: not a usable SQLite database (${(e as Error).message})`);
  }
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite as never }) });
  try {
    await migrate(db);
  } catch (e) {
    await db.destroy();
    throw new CliError(`${file}: cannot migrate the database (${(e as Error).message.split("\n")[0]})`);
  }
  return { adapter: createSqlAdapter(db), close: () => db.destroy() };
}
