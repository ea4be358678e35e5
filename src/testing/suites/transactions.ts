import { isPmoError } from "../../core/errors.js";
import { runInTransaction } from "../../storage/transaction.js";
import type { StorageAdapter } from "../../storage/port.js";
import { check, checkSame } from "../assert.js";
import { personRecord } from "../fixtures.js";
import type { ConformanceSuite } from "../types.js";
import { transactionRaceTests } from "./transaction-races.js";
import { expectMisuse, Injected, isMisuse, txTest, withinDeadline } from "./tx-test.js";

/**
 * @internal Interactive transactions: commit, rollback on throw, own writes visible, savepoints, the one-handle-at-a-time
 * rule (suspended and finished handles refused), isolation of concurrent transactions; or a clear refusal.
 */
export const transactionsSuite: ConformanceSuite = {
  name: "transactions",
  tests: [
    txTest("writes made in a transaction are visible after it commits", async (adapter) => {
      const result = await runInTransaction(adapter, async (tx) => {
        await tx.store("person").insert(personRecord("tx-c1"));
        await tx.store("person").insert(personRecord("tx-c2"));
        return "done";
      });
      check(result === "done", "transaction must return the callback's result");
      check((await adapter.store("person").getMany(["tx-c1", "tx-c2"])).every((r) => r !== null), "committed writes must be visible");
    }),
    txTest("a thrown error rolls back every write and is rethrown unchanged", async (adapter) => {
      const store = adapter.store("person");
      await store.insert(personRecord("tx-keep", { name: "Before" }));
      await store.insert(personRecord("tx-gone", { name: "Before" }));
      const before = await store.list({ limit: 100 });
      const boom = new Injected("injected failure after three writes");
      let caught: unknown;
      try {
        await runInTransaction(adapter, async (tx) => {
          const s = tx.store("person");
          await s.insert(personRecord("tx-new"));
          await s.update({ ...personRecord("tx-keep"), name: "During" }, { expectedVersion: 1 });
          await s.delete("tx-gone");
          throw boom;
        });
      } catch (e) {
        caught = e;
      }
      check(caught === boom, "the callback's error must be rethrown unchanged");
      checkSame(await store.list({ limit: 100 }), before, "after a rollback the store must be exactly as before");
    }),
    txTest("reads inside a transaction see its own writes", async (adapter) => {
      await runInTransaction(adapter, async (tx) => {
        const s = tx.store("person");
        await s.insert(personRecord("tx-own", { name: "Mine" }));
        check((await s.get("tx-own"))?.["name"] === "Mine", "get inside the transaction must see its insert");
        const page = await s.list({ limit: 10 });
        check(page.items.some((r) => r.id === "tx-own"), "list inside the transaction must see its insert");
        await s.update({ ...personRecord("tx-own"), name: "Changed" }, { expectedVersion: 1 });
        check((await s.get("tx-own"))?.version === 2, "get inside the transaction must see its update");
      });
    }),
    txTest("a nested transaction that fails rolls back only its own writes (savepoint)", async (adapter) => {
      await runInTransaction(adapter, async (tx) => {
        await tx.store("person").insert(personRecord("tx-outer"));
        try {
          await runInTransaction(tx, async (inner) => {
            await inner.store("person").insert(personRecord("tx-inner"));
            throw new Injected("inner failure");
          });
        } catch (e) {
          if (!(e instanceof Injected)) throw e;
        }
        check((await tx.store("person").get("tx-inner")) === null, "the failed inner writes must be rolled back");
      });
      check((await adapter.store("person").get("tx-outer")) !== null, "the outer write must commit");
      check((await adapter.store("person").get("tx-inner")) === null, "the inner write must not commit");
    }),
    txTest("a nested transaction that succeeds commits with the outer one", async (adapter) => {
      await runInTransaction(adapter, async (tx) => {
        await runInTransaction(tx, async (inner) => {
          await inner.store("person").insert(personRecord("tx-nested-ok"));
        });
        check((await tx.store("person").get("tx-nested-ok")) !== null, "the outer transaction must see the inner commit");
      });
      check((await adapter.store("person").get("tx-nested-ok")) !== null, "nested writes must commit with the outer");
    }),
    txTest("the outer handle is suspended while a nested transaction runs: every call on it is refused and changes nothing", async (adapter) => {
      await runInTransaction(adapter, async (tx) => {
        const outer = tx.store("person");
        let nestedRan = false;
        await runInTransaction(tx, async (inner) => {
          await inner.store("person").insert(personRecord("tx-susp-inner"));
          await expectMisuse(() => outer.get("tx-susp-inner"), "suspended", "get through the outer handle during a nested transaction");
          await expectMisuse(() => outer.getMany(["tx-susp-inner"]), "suspended", "getMany through the outer handle during a nested transaction");
          await expectMisuse(() => outer.list({ limit: 10 }), "suspended", "list through the outer handle during a nested transaction");
          await expectMisuse(() => outer.insert(personRecord("tx-susp-outer")), "suspended", "insert through the outer handle during a nested transaction");
          await expectMisuse(() => outer.update(personRecord("tx-susp-inner"), { expectedVersion: 1 }), "suspended", "update through the outer handle during a nested transaction");
          await expectMisuse(() => outer.delete("tx-susp-inner"), "suspended", "delete through the outer handle during a nested transaction");
          await expectMisuse(
            () => runInTransaction(tx, async () => { nestedRan = true; }),
            "suspended",
            "a second nested transaction on the outer handle while one runs",
          );
          check((await inner.store("person").get("tx-susp-inner"))?.version === 1, "the refused update and delete must not have touched the record");
        });
        check(!nestedRan, "the body of a refused nested transaction must not run");
        // Resumed once the nested transaction returned.
        check((await outer.get("tx-susp-inner")) !== null, "after the nested transaction the outer handle must work again and see its writes");
        await outer.insert(personRecord("tx-susp-after"));
      });
      const s = adapter.store("person");
      check((await s.get("tx-susp-inner"))?.version === 1, "the nested write must commit, at version 1");
      check((await s.get("tx-susp-after")) !== null, "the outer write made after the nested transaction must commit");
      check((await s.get("tx-susp-outer")) === null, "the refused insert must not be stored");
    }),
    txTest("concurrent nested transactions on one handle: the second is refused before its body runs, the first rolls back alone", async (adapter) => {
      const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
      let secondRan = false;
      const settled = await runInTransaction(adapter, async (tx) => {
        await tx.store("person").insert(personRecord("tx-sib-outer"));
        return Promise.allSettled([
          runInTransaction(tx, async (inner) => {
            await inner.store("person").insert(personRecord("tx-sib-a"));
            await tick();
            await tick();
            throw new Injected("first nested transaction fails");
          }),
          (async () => {
            await tick();
            return runInTransaction(tx, async (inner) => {
              secondRan = true;
              await inner.store("person").insert(personRecord("tx-sib-b"));
            });
          })(),
        ]);
      });
      const [first, second] = settled;
      check(first?.status === "rejected" && first.reason instanceof Injected, "the first nested transaction must fail with its own error");
      check(second?.status === "rejected" && isMisuse(second.reason, "suspended"), `the second nested transaction must be refused with TransactionMisuseError (suspended), got ${second?.status === "rejected" ? String(second.reason) : "success"}`);
      check(!secondRan, "the refused nested transaction's body must not run");
      const s = adapter.store("person");
      check((await s.get("tx-sib-outer")) !== null, "the outer write must commit");
      check((await s.get("tx-sib-a")) === null, "the failed nested write must be rolled back");
      check((await s.get("tx-sib-b")) === null, "the refused nested transaction must write nothing");
    }),
    txTest("a handle used after its transaction ended is refused (finished), a nested one too while the outer goes on", async (adapter) => {
      let leakedOuter: StorageAdapter | undefined;
      await runInTransaction(adapter, async (tx) => {
        leakedOuter = tx;
        let leakedInner: StorageAdapter | undefined;
        await runInTransaction(tx, async (inner) => {
          leakedInner = inner;
          await inner.store("person").insert(personRecord("tx-fin-inner"));
        });
        // The savepoint is released: a write through its handle would otherwise land in the outer transaction.
        await expectMisuse(() => leakedInner!.store("person").insert(personRecord("tx-fin-late")), "finished", "insert through a nested handle after it returned");
        await expectMisuse(() => leakedInner!.store("person").get("tx-fin-inner"), "finished", "get through a nested handle after it returned");
        await expectMisuse(() => runInTransaction(leakedInner!, async () => {}), "finished", "a transaction on a nested handle after it returned");
      });
      await expectMisuse(() => leakedOuter!.store("person").insert(personRecord("tx-fin-after")), "finished", "insert through a transaction handle after commit");
      await expectMisuse(() => leakedOuter!.store("person").list({ limit: 1 }), "finished", "list through a transaction handle after commit");
      await expectMisuse(() => runInTransaction(leakedOuter!, async () => {}), "finished", "a transaction on a handle after commit");
      const s = adapter.store("person");
      check((await s.get("tx-fin-inner")) !== null, "the nested write must commit");
      check((await s.get("tx-fin-late")) === null && (await s.get("tx-fin-after")) === null, "refused writes must not be stored");
    }),
    txTest("the adapter itself, called inside its own transaction's function, is refused at once (use tx): nothing read or written, no hang", async (adapter) => {
      const s = adapter.store("person");
      await s.insert(personRecord("tx-self-seed"));
      const misuse = (fn: () => Promise<unknown>, what: string) =>
        expectMisuse(() => withinDeadline(fn(), 2000, what), "adapter-in-transaction", what);
      let bodyRan = false;
      let endTransaction!: () => void;
      const ended = new Promise<void>((resolve) => (endTransaction = resolve));
      let late: Promise<unknown> | undefined;
      await runInTransaction(adapter, async (tx) => {
        await tx.store("person").insert(personRecord("tx-self-tx"));
        await misuse(() => s.get("tx-self-seed"), "get through the adapter inside its transaction");
        await misuse(() => s.getMany(["tx-self-seed"]), "getMany through the adapter inside its transaction");
        await misuse(() => s.list({ limit: 10 }), "list through the adapter inside its transaction");
        await misuse(() => s.insert(personRecord("tx-self-adapter")), "insert through the adapter inside its transaction");
        await misuse(() => s.update({ ...personRecord("tx-self-seed"), name: "Changed" }, { expectedVersion: 1 }), "update through the adapter inside its transaction");
        await misuse(() => s.delete("tx-self-seed"), "delete through the adapter inside its transaction");
        await misuse(
          () => runInTransaction(adapter, async () => { bodyRan = true; }),
          "a second transaction on the adapter inside the first one's function",
        );
        // Work started here that goes on after the transaction ended is an ordinary caller again.
        late = ended.then(() => s.get("tx-self-tx"));
      });
      endTransaction();
      check((await withinDeadline(late!, 2000, "a call started inside the transaction, made after it ended")) !== null, "after the transaction ended, a call started inside it must be accepted and see the commit");
      check(!bodyRan, "the refused transaction's body must not run");
      check((await s.get("tx-self-seed"))?.version === 1, "the refused update and delete must not have touched the record");
      check((await s.get("tx-self-adapter")) === null, "the refused insert must not be stored");
      check((await s.get("tx-self-tx")) !== null, "the transaction's own write must commit");
    }),
    txTest("callers independent of a running transaction are not refused: they wait their turn or run beside it", async (adapter) => {
      const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
      const s = adapter.store("person");
      const [inTx, outside] = await withinDeadline(
        Promise.all([
          runInTransaction(adapter, async (tx) => {
            await tx.store("person").insert(personRecord("tx-ind-tx"));
            await tick();
            await tick();
            return (await tx.store("person").get("tx-ind-tx"))?.id;
          }),
          (async () => {
            await tick();
            await s.insert(personRecord("tx-ind-out"));
            return (await s.get("tx-ind-out"))?.id;
          })(),
        ]),
        5000,
        "a transaction and an independent caller at once",
      );
      check(inTx === "tx-ind-tx" && outside === "tx-ind-out", "both the transaction and the independent caller must complete");
      check((await s.getMany(["tx-ind-tx", "tx-ind-out"])).every((r) => r !== null), "both writes must be stored");
    }),
    txTest("concurrent transactions on the adapter: both commit when they touch different records", async (adapter) => {
      const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
      await Promise.all(
        ["tx-par-1", "tx-par-2"].map((id) =>
          runInTransaction(adapter, async (tx) => {
            await tx.store("person").insert(personRecord(id));
            await tick();
            await tx.store("person").insert(personRecord(`${id}-b`));
          }),
        ),
      );
      const got = await adapter.store("person").getMany(["tx-par-1", "tx-par-1-b", "tx-par-2", "tx-par-2-b"]);
      check(got.every((r) => r !== null), "both concurrent transactions must commit all their writes");
    }),
    txTest("concurrent transactions updating one version: exactly one commits, the other fails with VersionConflictError and writes nothing", async (adapter) => {
      const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
      const store = adapter.store("person");
      await store.insert(personRecord("tx-race"));
      const results = await Promise.allSettled(
        [0, 1].map((k) =>
          runInTransaction(adapter, async (tx) => {
            await tx.store("person").insert(personRecord(`tx-race-side-${k}`));
            await tick();
            await tx.store("person").update({ ...personRecord("tx-race"), name: `Writer ${k}` }, { expectedVersion: 1 });
            await tick();
            return k;
          }),
        ),
      );
      const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      const conflicts = results.filter((r) => r.status === "rejected" && isPmoError(r.reason, "version-conflict"));
      check(won.length === 1 && conflicts.length === 1, `one transaction must commit and one get VersionConflictError; ${won.length} committed, ${conflicts.length} conflicted`);
      const winner = won[0] as number;
      const stored = await store.get("tx-race");
      check(stored?.version === 2 && stored["name"] === `Writer ${winner}`, "the stored record must be the winner's, at version 2");
      check((await store.get(`tx-race-side-${winner}`)) !== null, "the winner's other write must commit");
      check((await store.get(`tx-race-side-${1 - winner}`)) === null, "the loser's other write must be rolled back");
    }),
    txTest("a version conflict inside a transaction rolls back its earlier writes", async (adapter) => {
      const store = adapter.store("person");
      await store.insert(personRecord("tx-v"));
      let error: unknown;
      try {
        await runInTransaction(adapter, async (tx) => {
          await tx.store("person").insert(personRecord("tx-v-side"));
          await tx.store("person").update(personRecord("tx-v"), { expectedVersion: 7 });
        });
      } catch (e) {
        error = e;
      }
      check(isPmoError(error, "version-conflict"), "the conflict must surface as VersionConflictError");
      check((await store.get("tx-v-side")) === null, "the earlier write in the failed transaction must be rolled back");
    }),
    ...transactionRaceTests,
  ],
};
