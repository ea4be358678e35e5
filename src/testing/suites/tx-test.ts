import { isPmoError, type TransactionMisuseReason } from "../../core/errors.js";
import { runInTransaction } from "../../storage/transaction.js";
import type { StorageAdapter } from "../../storage/port.js";
import { check, ConformanceFailure, expectPmoError } from "../assert.js";
import type { ConformanceTest } from "../types.js";

/* Helpers of the transaction tests. */

/** @internal An error a test throws on purpose. */
export class Injected extends Error {}

/** @internal True for a TransactionMisuseError (by code, so a copy of pmokit in the adapter's package counts) with this reason. */
export function isMisuse(e: unknown, reason: TransactionMisuseReason): boolean {
  return isPmoError(e, "transaction-misuse") && (e as { reason?: unknown }).reason === reason;
}

/** @internal Expects TransactionMisuseError with `reason`. */
export async function expectMisuse(fn: () => Promise<unknown>, reason: TransactionMisuseReason, what: string): Promise<void> {
  const e = await expectPmoError(fn, "transaction-misuse", what);
  check(isMisuse(e, reason), `${what}: expected reason ${JSON.stringify(reason)}, got ${JSON.stringify((e as { reason?: unknown }).reason)}`);
}

/** @internal Settles like `p`, or fails once `ms` pass: a hang is the worst answer an adapter can give, so the kit reports it. */
export function withinDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConformanceFailure(`${what}: no answer within ${ms} ms (the call hangs)`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

const interactive = (a: StorageAdapter) => a.capabilities.transactions === "interactive";

/** @internal Wraps a test so that an adapter without interactive transactions is instead checked to refuse them. */
export function txTest(name: string, run: (adapter: StorageAdapter) => Promise<void>): ConformanceTest {
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

