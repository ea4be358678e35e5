import { describe, expect, it } from "vitest";
import { MYSQL_URL, mariadbBackend } from "./backends.js";
import { sqlConformance } from "./conformance.js";

// MariaDB 11.6 and later run with innodb_snapshot_isolation = ON by default (11.8 LTS included): a transaction that
// writes a row another transaction changed after its snapshot gets ER_CHECKREAD (1020, "Record has changed since last
// read") instead of an UPDATE that changes no row. The adapter took that error for a non-retryable storage-failure, so
// the loser of a transaction race got `StorageError storage-failure` where the port promises a VersionConflictError
// naming the version it found (transactions suite: "the loser's VersionConflictError names version 2"), and
// withRetry gave up at once. The whole conformance kit runs here with the setting on for every session (10.11's
// default is OFF, the tested server's).

const url = MYSQL_URL;
if (url) {
  sqlConformance("MariaDB server, innodb_snapshot_isolation = ON", () => mariadbBackend(url, undefined, ["innodb_snapshot_isolation = ON"]));
} else {
  describe("MariaDB with innodb_snapshot_isolation (skipped: PMOKIT_MYSQL_URL not set)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_MYSQL_URL"]).toBeUndefined();
    });
  });
}
