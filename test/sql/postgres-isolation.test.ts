import { describe, expect, it } from "vitest";
import { PG_URL, postgresBackend } from "./backends.js";
import { sqlConformance } from "./conformance.js";
import { abortedAfterLostRace, loseRaceAndGoOn } from "./lost-race.js";

// PostgreSQL at REPEATABLE READ and SERIALIZABLE fails a transaction's compare-and-set write on a row another
// transaction changed after its snapshot with SQLSTATE 40001 ("could not serialize access due to concurrent update"),
// where READ COMMITTED re-reads the row and changes none. The adapter reported that lost race as a retryable
// StorageError storage-serialization-failure; MariaDB (innodb_snapshot_isolation, ER_CHECKREAD 1020) and every other
// adapter report it as the VersionConflictError the port names (transactions suite: "a transaction that read
// version 1 updates it while another writer updates version 1: … a conflict names the version stored"). The whole
// conformance kit runs here at both levels, set for every session.
const url = PG_URL;
if (url) {
  for (const level of ["repeatable read", "serializable"]) {
    sqlConformance(`PostgreSQL server, ${level.toUpperCase()}`, () => postgresBackend(url, [`default_transaction_isolation=${level.replace(" ", "\\ ")}`]));
  }

  // PostgreSQL aborts the transaction on that error. Now that the error is a VersionConflictError (no storage
  // error for the adapter's abort check to see), the adapter still marks the transaction: a function that caught the
  // conflict and went on has every later call refused with the retryable StorageError storage-serialization-failure
  // and the transaction fails with it (a COMMIT of an aborted transaction is a silent ROLLBACK in PostgreSQL), as on
  // MariaDB (mariadb-snapshot-isolation.test.ts); nothing of it is stored.
  describe("PostgreSQL at REPEATABLE READ: a transaction that lost a race takes no further writes", () => {
    for (const ending of ["returns", "throws"] as const) {
      it(`the conflict caught, another insert tried, then the function ${ending}: nothing of the transaction stays`, async () => {
        // Before: seen ["StorageError: sql:postgres: storage-serialization-failure: could not serialize access due to
        // concurrent update", "refused storage-serialization-failure"].
        expect(await loseRaceAndGoOn(() => postgresBackend(url, ["default_transaction_isolation=repeatable\\ read"]), ending)).toEqual(abortedAfterLostRace(ending));
      });
    }
  });
} else {
  describe("PostgreSQL at REPEATABLE READ and SERIALIZABLE (skipped: PMOKIT_PG_URL not set)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_PG_URL"]).toBeUndefined();
    });
  });
}
