import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { createMemoryAdapter, type StorageAdapter } from "../../src/index.js";
import { createSqlAdapter, migrate } from "../../src/sql/index.js";

/** The two adapters every machine has, each opened fresh: memory, and SQLite in memory (migrated). */
export const MEMORY_AND_SQLITE: readonly (readonly [string, () => Promise<StorageAdapter>])[] = [
  ["memory", async () => createMemoryAdapter()],
  [
    "SQLite",
    async () => {
      const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(":memory:") }) });
      await migrate(db as never);
      return createSqlAdapter(db as never);
    },
  ],
];
