import { describe, expect, it } from "vitest";
import { MYSQL_URL, mariadbBackend } from "./backends.js";
import { sqlConformance } from "./conformance.js";
import { abortedAfterLostRace, loseRaceAndGoOn } from "./lost-race.js";

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

  // ER_CHECKREAD (like a deadlock, 1213) rolls the whole MariaDB transaction back and leaves the connection in
  // autocommit mode. A caller that caught the conflict and went on wrote outside any transaction: its next insert
  // landed at once and stayed when the transaction then failed — and when it returned normally, the transaction
  // "committed" with its earlier writes silently gone. After: every later call on the transaction's handles is refused
  // with the retryable StorageError, and the transaction fails with it (withRetry runs it again); nothing it wrote stays.
  describe("a MariaDB transaction the server rolled back (ER_CHECKREAD) takes no further writes", () => {
    for (const ending of ["returns", "throws"] as const) {
      it(`the conflict caught, another insert tried, then the function ${ending}: nothing of the transaction stays`, async () => {
        // Before: seen ["conflict", "after inserted"], "after" stored; with "returns", the transaction returned "done".
        expect(await loseRaceAndGoOn(() => mariadbBackend(url, undefined, ["innodb_snapshot_isolation = ON"]), ending)).toEqual(abortedAfterLostRace(ending));
      });
    }
  });
} else {
  describe("MariaDB with innodb_snapshot_isolation (skipped: PMOKIT_MYSQL_URL not set)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_MYSQL_URL"]).toBeUndefined();
    });
  });
}
