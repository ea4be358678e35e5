/**
 * `pmokit/sql`: the storage port on SQL databases through Kysely — SQLite, PostgreSQL (pg, PGlite,
 * PostgreSQL-compatible engines) and MySQL/MariaDB — with versioned, lock-protected migrations.
 *
 * @module
 */
export { createSqlAdapter, type SqlAdapterOptions } from "./adapter.js";
export { migrate, appliedMigrations, type MigrateOptions, type MigrateResult } from "./migrate.js";
export { SQL_MIGRATIONS, type SqlMigration } from "./migrations.js";
export { SQL_FILTER_OPS } from "./filters.js";
export { tableName, columnName, TABLE_PREFIX, MIGRATIONS_TABLE, INDEXED_MAX_LENGTH } from "./schema.js";
export { detectDialect, type SqlDialectName, type AnyKysely } from "./dialect.js";
export { PgliteDialect, type PgliteLike } from "./pglite-dialect.js";
export { SharedSqliteDialect } from "./sqlite-dialect.js";
export { deleteAllRecords } from "./clear.js";
