import { isPmoError } from "../../core/errors.js";
import { runInTransaction } from "../../storage/transaction.js";
import type { StorageAdapter } from "../../storage/port.js";
import { check, checkSame, expectPmoError } from "../assert.js";
import { personRecord } from "../fixtures.js";
import type { ConformanceSuite, ConformanceTest } from "../types.js";

class Injected extends Error {}

const interactive = (a: StorageAdapter) => a.capabilities.transactions === "interactive";

/** Wraps a test so that an adapter without interactive transactions is instead checked to refuse them. */
function txTest(name: string, run: (adapter: StorageAdapter) => Promise<void>): ConformanceTest {
  return {
    name,
    async run(adapter) {
      if (interactive(adapter)) return run(adapter);
      let called = false;
      await expectPmoError(
        () => runInTransaction(adapter, async () => { called = true; }),
        "unsupported-capability",
        "a transaction on an adapter without interactive transactions",
      );
      check(!called, "the transaction body must not run when transactions are unsupported");
    },
  };
}

/** @internal Interactive transactions: commit, rollback on throw, own writes visible, savepoints; or a clear refusal. */
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
    txTest("a write made through the outer handle while a nested transaction runs is kept when both commit", async (adapter) => {
      const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
      await runInTransaction(adapter, async (tx) => {
        await Promise.all([
          runInTransaction(tx, async (inner) => {
            await tick();
            await tick();
            await inner.store("person").insert(personRecord("tx-inner-late"));
          }),
          (async () => {
            await tick();
            await tx.store("person").insert(personRecord("tx-outer-meanwhile"));
          })(),
        ]);
        check((await tx.store("person").get("tx-outer-meanwhile")) !== null, "the outer write must still be visible in the transaction");
      });
      check((await adapter.store("person").get("tx-inner-late")) !== null, "the nested write must commit");
      check((await adapter.store("person").get("tx-outer-meanwhile")) !== null, "the outer write made meanwhile must commit too (it returned success)");
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
  ],
};
