import { isPmoError, StorageError } from "../../core/errors.js";
import { check } from "../assert.js";
import { personRecord } from "../fixtures.js";
import type { ConformanceSuite } from "../types.js";

const STORAGE_CODES = [
  "storage-connection-lost", "storage-serialization-failure", "storage-deadlock", "storage-busy", "storage-constraint", "storage-failure",
];

/** A failure is acceptable only as a pmokit StorageError with a known code, a retryable flag and the driver's cause. */
function checkStorageError(e: unknown, what: string): void {
  const name = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  check(isPmoError(e, "storage"), `${what} must fail with a pmokit StorageError, not ${name}`);
  const se = e as StorageError;
  check(STORAGE_CODES.includes(se.storageCode), `${what}: unknown storage code ${String(se.storageCode)}`);
  check(typeof se.retryable === "boolean", `${what}: a StorageError must say whether it is retryable`);
}

/**
 * @internal Database failures (issue 15 #5): registered when the runner passes `faults.interrupt`, which breaks the
 * adapter's connection (terminates its sessions, holds a lock, closes a socket). Every operation afterwards either
 * succeeds (the adapter reconnected) or fails with a StorageError — never a bare driver error.
 */
export const faultsSuite: ConformanceSuite = {
  name: "faults",
  tests: [
    {
      name: "issue 15 #5: after the connection is broken every call succeeds or fails with a StorageError",
      async run(adapter, ctx) {
        const store = adapter.store("person");
        await store.insert(personRecord("fault-1"));
        check(ctx.interrupt !== undefined, "the faults suite runs only with an interrupt hook");
        const restore = await ctx.interrupt?.(adapter);
        const calls: [string, () => Promise<unknown>][] = [
          ["get", () => store.get("fault-1")],
          ["list", () => store.list({ limit: 10, where: [{ field: "name", op: "startsWith", value: "Person" }] })],
          ["insert", () => store.insert(personRecord("fault-2"))],
          ["update", () => store.update(personRecord("fault-1"), { expectedVersion: 1 })],
          ["delete", () => store.delete("fault-3")],
        ];
        if (adapter.transaction) calls.push(["transaction", () => adapter.transaction!(async (tx) => tx.store("person").get("fault-1"))]);
        try {
          for (const [what, call] of calls) {
            try {
              await call();
            } catch (e) {
              if (isPmoError(e, "version-conflict") || isPmoError(e, "duplicate-id")) continue; // a retried call that had landed
              checkStorageError(e, what);
              const cause = (e as Error & { cause?: unknown }).cause;
              check(cause !== undefined, `${what}: a StorageError must carry the driver error as cause`);
            }
          }
        } finally {
          await restore?.();
        }
      },
    },
  ],
};
