import { isPmoError, type VersionConflictError } from "../../core/errors.js";
import { runInTransaction } from "../../storage/transaction.js";
import { check } from "../assert.js";
import { personRecord } from "../fixtures.js";
import type { ConformanceTest } from "../types.js";
import { txTest, withinDeadline } from "./tx-test.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise and its resolver: a step one transaction signals to the test. */
function signal(): { readonly reached: Promise<void>; readonly reach: () => void } {
  let reach!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return { reached, reach };
}

const outcome = (r: PromiseSettledResult<unknown>) => (r.status === "fulfilled" ? `committed (${String(r.value)})` : String(r.reason));

/** A VersionConflictError must name a version other than the one expected: "expected 1, found 1" is no conflict. */
function checkConflictCoherent(r: PromiseSettledResult<unknown>, what: string): void {
  if (r.status !== "rejected" || !isPmoError(r.reason, "version-conflict")) return;
  const e = r.reason as VersionConflictError;
  check(e.actualVersion !== e.expectedVersion, `${what}: a VersionConflictError must not find the version it expected (${e.message})`);
}

/**
 * @internal Two transactions on one id, the first holding its write while the second comes: every adapter must give
 * the answer a serial order gives — SQL databases make the second wait (SQLite, PGlite: one connection; PostgreSQL,
 * MariaDB: the row or unique-key lock), an optimistic adapter checks at commit.
 */
export const transactionRaceTests: readonly ConformanceTest[] = [
  txTest("a record inserted and deleted again by one transaction while another inserts the same id: both commit, the other's record stays", async (adapter) => {
    const id = "tx-race-gone";
    const inserted = signal();
    const first = runInTransaction(adapter, async (tx) => {
      await tx.store("person").insert(personRecord(id, { name: "First" }));
      inserted.reach();
      await pause(30);
      return tx.store("person").delete(id);
    });
    await Promise.race([inserted.reached, first.catch(() => {})]);
    const second = runInTransaction(adapter, async (tx) => {
      await tx.store("person").insert(personRecord(id, { name: "Second" }));
      return "inserted";
    });
    const [a, b] = await withinDeadline(Promise.allSettled([first, second]), 10_000, "two transactions inserting one id");
    // In a serial order the first changes nothing (insert, then delete: it returns true) and the second inserts.
    check(a.status === "fulfilled" && a.value === true, `the transaction that inserted and deleted the record must commit, deleting it (true): ${outcome(a)}`);
    check(b.status === "fulfilled", `the other transaction's insert must commit: ${outcome(b)}`);
    const stored = await adapter.store("person").get(id);
    check(stored?.["name"] === "Second" && stored.version === 1, `the stored record must be the second transaction's, at version 1; got ${JSON.stringify(stored)}`);
  }),
  ...(["update", "delete"] as const).map((write) =>
    txTest(`a record deleted and inserted again by one transaction while another ${write}s its version 1: no conflict finds the version it expected`, async (adapter) => {
      const id = `tx-race-replaced-${write}`;
      await adapter.store("person").insert(personRecord(id, { name: "Original" }));
      const deleted = signal();
      const first = runInTransaction(adapter, async (tx) => {
        await tx.store("person").delete(id);
        deleted.reach();
        await pause(30);
        await tx.store("person").insert(personRecord(id, { name: "Replaced" }));
        return "replaced";
      });
      await Promise.race([deleted.reached, first.catch(() => {})]);
      const second = runInTransaction(adapter, async (tx) =>
        write === "update"
          ? tx.store("person").update(personRecord(id, { name: "Updated" }), { expectedVersion: 1 })
          : tx.store("person").delete(id, { expectedVersion: 1 }),
      );
      const [a, b] = await withinDeadline(Promise.allSettled([first, second]), 10_000, `a replace and a ${write} of one record`);
      checkConflictCoherent(a, "the replacing transaction");
      checkConflictCoherent(b, `the transaction that ${write}s`);
      check(a.status === "fulfilled" || b.status === "fulfilled", `at least one of the two must commit: ${outcome(a)}; ${outcome(b)}`);
      // Serial orders: replace, then the write applies to the new version 1 ("Updated" v2, or deleted); the write
      // first, then the replace conflicts (the version it deleted is gone) and the write stands; or the write fails
      // and the replacement stands ("Replaced" v1).
      const stored = await adapter.store("person").get(id);
      const expected = b.status === "rejected" ? { name: "Replaced", version: 1 } : write === "update" ? { name: "Updated", version: 2 } : null;
      check(
        expected === null ? stored === null : stored?.["name"] === expected.name && stored.version === expected.version,
        `after ${outcome(a)} and ${outcome(b)} the stored record must be ${JSON.stringify(expected)}; got ${JSON.stringify(stored)}`,
      );
    }),
  ),
  txTest("a transaction that read version 1 updates it while another writer updates version 1: one wins, a conflict names the version stored", async (adapter) => {
    const id = "tx-race-rmw";
    await adapter.store("person").insert(personRecord(id, { name: "Original" }));
    const read = signal();
    const written = signal();
    const started = Date.now();
    const mine = runInTransaction(adapter, async (tx) => {
      const before = await tx.store("person").get(id); // on MariaDB this read fixes the transaction's snapshot
      read.reach();
      // A pool runs the other writer now; a one-connection database runs it after this transaction.
      await Promise.race([written.reached, pause(300)]);
      return tx.store("person").update({ ...(before as object), name: "Mine" } as never, { expectedVersion: 1 });
    });
    await Promise.race([read.reached, mine.catch(() => {})]);
    const other = adapter.store("person").update(personRecord(id, { name: "Other" }), { expectedVersion: 1 }).finally(written.reach);
    const [m, o] = await withinDeadline(Promise.allSettled([mine, other]), 10_000, "a read-modify-write transaction and another writer");
    checkConflictCoherent(m, "the read-modify-write transaction");
    checkConflictCoherent(o, "the other writer");
    check((m.status === "fulfilled") !== (o.status === "fulfilled"), `exactly one of the two must win: ${outcome(m)}; ${outcome(o)}`);
    // The loser is told it lost the race, by the error the port names for it (MariaDB with innodb_snapshot_isolation,
    // ON from 11.6, answered a non-retryable StorageError storage-failure, "Record has changed since last read").
    const lost = m.status === "rejected" ? m.reason : o.status === "rejected" ? o.reason : undefined;
    check(isPmoError(lost, "version-conflict") && (lost as VersionConflictError).actualVersion === 2, `the loser must fail with a VersionConflictError naming version 2: ${String(lost)}`);
    // Before, on MariaDB: "expected version 1, found version 1" (its snapshot's version) after three tries.
    check(Date.now() - started < 3000, `the loser must fail at once, not after ${Date.now() - started} ms of retries`);
    const stored = await adapter.store("person").get(id);
    check(stored?.version === 2 && stored["name"] === (m.status === "fulfilled" ? "Mine" : "Other"), `the winner's record must be stored at version 2; got ${JSON.stringify(stored)}`);
  }),
];
