import { isPmoError, StorageError, type StorageErrorCode } from "../core/errors.js";
import type { SqlDialectName } from "./dialect.js";

/*
 * Driver errors → StorageError. Each driver reports failures its own way: better-sqlite3 by `code` (SQLITE_BUSY…),
 * pg and PGlite by SQLSTATE in `code`, mysql2 by `errno`/`code` and `fatal`. Connection failures without a code are
 * recognised by the drivers' fixed messages.
 */

const RETRYABLE: Readonly<Record<StorageErrorCode, boolean>> = {
  "storage-connection-lost": true,
  "storage-serialization-failure": true,
  "storage-deadlock": true,
  "storage-busy": true,
  "storage-constraint": false,
  "storage-too-large": false,
  "storage-contention": true,
  "storage-failure": false,
};

const CONNECTION_MESSAGES =
  /connection terminated|connection (is )?(lost|closed)|not queryable|closed state|server has gone away|lost connection|ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|terminating connection/i;

const NET_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "PROTOCOL_CONNECTION_LOST", "ER_CONNECTION_KILLED"]);

function classify(dialect: SqlDialectName, e: { code?: unknown; errno?: unknown; fatal?: unknown; message?: unknown }): StorageErrorCode {
  const code = typeof e.code === "string" ? e.code : "";
  const message = typeof e.message === "string" ? e.message : "";
  if (NET_CODES.has(code)) return "storage-connection-lost";
  if (dialect === "sqlite") {
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "storage-busy";
    if (code.startsWith("SQLITE_CONSTRAINT")) return "storage-constraint";
    return "storage-failure";
  }
  if (dialect === "postgres") {
    if (code === "40001") return "storage-serialization-failure";
    if (code === "40P01") return "storage-deadlock";
    if (code === "55P03") return "storage-busy";
    if (code.startsWith("23")) return "storage-constraint";
    if (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03") return "storage-connection-lost";
    return CONNECTION_MESSAGES.test(message) ? "storage-connection-lost" : "storage-failure";
  }
  const errno = typeof e.errno === "number" ? e.errno : 0;
  if (errno === 1213) return "storage-deadlock";
  // ER_CHECKREAD "Record has changed since last read" (innodb_snapshot_isolation, ON from MariaDB 11.6): as 40001.
  if (errno === 1020) return "storage-serialization-failure";
  if (errno === 1205) return "storage-busy";
  // ER_NET_PACKET_TOO_LARGE, ER_WARN_ALLOWED_PACKET_OVERFLOWED: the adapter checks the size before sending, these
  // remain for a limit it could not see (a server that lowered max_allowed_packet since the adapter read it).
  if (errno === 1153 || errno === 1301) return "storage-too-large";
  if ([1062, 1451, 1452, 1048, 1406, 1366, 4025].includes(errno)) return "storage-constraint";
  if (e.fatal === true || [1927, 2006, 2013, 1053].includes(errno)) return "storage-connection-lost";
  return CONNECTION_MESSAGES.test(message) ? "storage-connection-lost" : "storage-failure";
}

/**
 * @internal The pmokit form of a failure from the database: pmokit errors pass unchanged, anything else becomes a
 * {@link StorageError} with the driver error as `cause`.
 */
export function toStorageError(adapter: string, dialect: SqlDialectName, error: unknown): Error {
  if (isPmoError(error)) return error;
  const e = (error ?? {}) as { code?: unknown; errno?: unknown; fatal?: unknown; message?: unknown };
  const storageCode = classify(dialect, e);
  const message = typeof e.message === "string" && e.message ? e.message : String(error);
  return new StorageError(storageCode, RETRYABLE[storageCode], adapter, message, { cause: error });
}
