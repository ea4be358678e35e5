/*
 * A separate process for the kill -9 tests: imports `total` person records in ONE transaction through the SQL
 * adapter, printing the count every `every` records, and "committed" at the end. The parent kills it mid-way.
 * Usage: node --import tsx import-child.ts '<json config>'
 */
import Database from "better-sqlite3";
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect } from "kysely";
import { createPool } from "mysql2";
import pg from "pg";
import { createSqlAdapter, type AnyKysely } from "../../src/sql/index.js";
import { runInTransaction } from "../../src/index.js";
import { personRecord } from "../../src/testing/fixtures.js";

interface Config {
  readonly dialect: "sqlite" | "postgres" | "mysql";
  readonly file?: string;
  readonly url?: string;
  readonly schema?: string;
  readonly total: number;
  readonly every: number;
}

const config = JSON.parse(process.argv[2] as string) as Config;

function open(): AnyKysely {
  if (config.dialect === "sqlite") {
    const handle = new Database(config.file as string, { timeout: 5000 });
    handle.pragma("journal_mode = WAL");
    return new Kysely<unknown>({ dialect: new SqliteDialect({ database: handle }) }) as AnyKysely;
  }
  if (config.dialect === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, options: `-c search_path=${config.schema}`, max: 1 });
    return new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) }) as AnyKysely;
  }
  const pool = createPool({ uri: config.url as string, database: config.schema as string, connectionLimit: 1 });
  return new Kysely<unknown>({ dialect: new MysqlDialect({ pool }) }) as AnyKysely;
}

const db = open();
const adapter = createSqlAdapter(db);
await runInTransaction(adapter, async (tx) => {
  const store = tx.store("person");
  for (let i = 1; i <= config.total; i++) {
    await store.insert(personRecord(`imp-${String(i).padStart(6, "0")}`, { name: `Imported ${i}`, power: i % 5 }));
    if (i % config.every === 0) process.stdout.write(`${i}\n`);
  }
});
process.stdout.write("committed\n");
await db.destroy();
