import { describe, expect, it } from "vitest";
import { StorageError, ValidationError } from "../../src/index.js";
import { toStorageError } from "../../src/sql/driver-errors.js";

// issue 15 #5: every driver failure leaves the adapter as a StorageError with a stable code and the driver error as
// cause. The driver errors below have the shapes better-sqlite3, pg/PGlite and mysql2 give them.
const err = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe("driver errors become StorageErrors", () => {
  const cases: [string, "sqlite" | "postgres" | "mysql", Error, string, boolean][] = [
    ["SQLite busy", "sqlite", err("database is locked", { code: "SQLITE_BUSY" }), "storage-busy", true],
    ["SQLite busy snapshot", "sqlite", err("database is locked", { code: "SQLITE_BUSY_SNAPSHOT" }), "storage-busy", true],
    ["SQLite check constraint", "sqlite", err("CHECK constraint failed", { code: "SQLITE_CONSTRAINT_CHECK" }), "storage-constraint", false],
    ["SQLite closed handle", "sqlite", new TypeError("The database connection is not open"), "storage-failure", false],
    ["PostgreSQL serialization", "postgres", err("could not serialize access", { code: "40001" }), "storage-serialization-failure", true],
    ["PostgreSQL deadlock", "postgres", err("deadlock detected", { code: "40P01" }), "storage-deadlock", true],
    ["PostgreSQL lock not available", "postgres", err("could not obtain lock", { code: "55P03" }), "storage-busy", true],
    ["PostgreSQL terminated session", "postgres", err("terminating connection due to administrator command", { code: "57P01" }), "storage-connection-lost", true],
    ["PostgreSQL socket closed", "postgres", new Error("Connection terminated unexpectedly"), "storage-connection-lost", true],
    ["PostgreSQL not-null", "postgres", err("null value violates not-null constraint", { code: "23502" }), "storage-constraint", false],
    ["PostgreSQL NUL in text", "postgres", err("invalid byte sequence for encoding", { code: "22021" }), "storage-failure", false],
    ["MariaDB deadlock", "mysql", err("Deadlock found", { errno: 1213 }), "storage-deadlock", true],
    // innodb_snapshot_isolation (ON from MariaDB 11.6): before, a non-retryable storage-failure.
    ["MariaDB record changed since the snapshot", "mysql", err("Record has changed since last read in table 'pmokit_person'; try restarting transaction", { errno: 1020 }), "storage-serialization-failure", true],
    ["MariaDB lock wait timeout", "mysql", err("Lock wait timeout exceeded", { errno: 1205 }), "storage-busy", true],
    ["MariaDB killed connection", "mysql", err("Connection was killed", { errno: 1927, fatal: true }), "storage-connection-lost", true],
    ["mysql2 closed state", "mysql", new Error("Can't add new command when connection is in closed state"), "storage-connection-lost", true],
    ["mysql2 lost connection", "mysql", err("Connection lost: The server closed the connection.", { code: "PROTOCOL_CONNECTION_LOST", fatal: true }), "storage-connection-lost", true],
    ["MariaDB packet too large", "mysql", err("Got a packet bigger than 'max_allowed_packet' bytes", { errno: 1153, code: "ER_NET_PACKET_TOO_LARGE" }), "storage-too-large", false],
    ["MariaDB unknown column", "mysql", err("Unknown column 'NaN' in 'where clause'", { errno: 1054 }), "storage-failure", false],
  ];
  for (const [title, dialect, driver, code, retryable] of cases) {
    it(`${title} → ${code}${retryable ? " (retryable)" : ""}`, () => {
      const e = toStorageError("sql:test", dialect, driver);
      expect(e).toBeInstanceOf(StorageError);
      const se = e as StorageError;
      expect([se.code, se.storageCode, se.retryable, se.adapter]).toEqual(["storage", code, retryable, "sql:test"]);
      expect(se.cause).toBe(driver);
      expect(se.message).toContain(driver.message);
    });
  }

  it("passes pmokit errors through unchanged", () => {
    const v = ValidationError.single(["x"], "bad");
    expect(toStorageError("sql:test", "postgres", v)).toBe(v);
  });
});
