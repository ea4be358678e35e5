// opts20: withRetry ignored a misspelt option, so the default ran: `{ attempt: 1 }` retried 3 times (a
// non-idempotent call repeated), `{ retryon }` retried only storage errors. It now refuses an unknown key at [key].
import { describe, expect, it } from "vitest";
import { StorageError, withRetry } from "../../src/index.js";
import { issuesOf } from "../support/errors.js";

async function issuesOfAsync(f: () => Promise<unknown>) {
  let caught: unknown;
  await f().catch((e: unknown) => { caught = e; });
  return issuesOf(() => { if (caught) throw caught; });
}

describe("withRetry: unknown option keys", () => {
  it("{ attempt: 1 } ran the function three times", async () => {
    let calls = 0;
    const run = async () => { calls++; throw new StorageError("storage-connection-lost", true, "test", "connection terminated"); };
    expect(await issuesOfAsync(() => withRetry(run, { attempt: 1 } as never))).toEqual([
      ["attempt", "unknown option (withRetry takes attempts, backoff, retryOn, sleep)"],
    ]);
    expect(calls).toBe(0); // refused before the first call
    // With the right key: one attempt, the error passes through.
    await expect(withRetry(run, { attempts: 1, sleep: async () => {} })).rejects.toBeInstanceOf(StorageError);
    expect(calls).toBe(1);
  });
});
