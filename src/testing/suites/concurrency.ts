import { isPmoError } from "../../core/errors.js";
import { check } from "../assert.js";
import { personRecord } from "../fixtures.js";
import type { ConformanceSuite } from "../types.js";

const RACERS = 50;

/** @internal Compare-and-set under racing writers: no lost update. */
export const concurrencySuite: ConformanceSuite = {
  name: "concurrency",
  tests: [
    {
      name: `exactly one of ${RACERS} writers racing on one version wins`,
      async run(adapter) {
        const store = adapter.store("person");
        await store.insert(personRecord("race-1"));
        const results = await Promise.allSettled(
          Array.from({ length: RACERS }, (_, i) =>
            store.update({ ...personRecord("race-1"), name: `Racer ${i}` }, { expectedVersion: 1 }),
          ),
        );
        const winners = results.filter((r) => r.status === "fulfilled");
        const conflicts = results.filter((r) => r.status === "rejected" && isPmoError(r.reason, "version-conflict"));
        check(winners.length === 1, `exactly one racer must win, ${winners.length} did (lost updates)`);
        check(conflicts.length === RACERS - 1, `the other ${RACERS - 1} must get VersionConflictError, ${conflicts.length} did`);
        const stored = await store.get("race-1");
        const winner = (winners[0] as PromiseFulfilledResult<{ name?: unknown }>).value;
        check(stored?.version === 2, `the stored version must be 2, got ${stored?.version}`);
        check(stored?.["name"] === winner.name, "the stored record must be the winner's");
      },
    },
    {
      name: "successive writers each building on the last version: the final version counts every success",
      async run(adapter) {
        const store = adapter.store("person");
        await store.insert(personRecord("race-2"));
        let successes = 0;
        // 20 writers, each reading then writing; interleaved so that some collide.
        await Promise.all(
          Array.from({ length: 20 }, async (_, i) => {
            for (let attempt = 0; attempt < 3; attempt++) {
              const current = await store.get("race-2");
              if (!current) throw new Error("record vanished");
              try {
                await store.update({ ...current, name: `Writer ${i}` }, { expectedVersion: current.version });
                successes++;
                return;
              } catch (e) {
                if (!isPmoError(e, "version-conflict")) throw e;
              }
            }
          }),
        );
        const stored = await store.get("race-2");
        check(stored?.version === successes + 1, `final version ${stored?.version} must equal 1 + ${successes} successful writes`);
      },
    },
    {
      name: `exactly one of ${RACERS} deleters of one version wins`,
      async run(adapter) {
        const store = adapter.store("person");
        await store.insert(personRecord("race-3"));
        const results = await Promise.allSettled(
          Array.from({ length: RACERS }, () => store.delete("race-3", { expectedVersion: 1 })),
        );
        const trues = results.filter((r) => r.status === "fulfilled" && r.value === true).length;
        check(trues === 1, `exactly one delete must report success, ${trues} did`);
      },
    },
  ],
};
