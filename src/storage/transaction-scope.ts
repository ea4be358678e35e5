/*
 * Which transactions are open in the current async context — so that an adapter called from inside its own
 * transaction's function can refuse at once (TransactionMisuseError "adapter-in-transaction") instead of waiting for
 * the connection that transaction holds (SQLite, PGlite: forever) or writing outside it.
 *
 * An async context is what AsyncLocalStorage tracks: the transaction's function and everything it awaits or starts.
 * Callers started elsewhere are not in it, so independent concurrent callers still just wait their turn.
 *
 * This layer runs in browsers too, so it imports no `node:` module: it asks the runtime for AsyncLocalStorage
 * (`process.getBuiltinModule`, in Node ≥ 20.16, Deno and Bun). Where there is none, nothing is detected and the
 * adapters behave as before (documented in persistence.md).
 */

/** One open transaction of one database (`key`), inside `outer` if nested; `open` turns false when its function settles. */
interface Frame {
  readonly key: object;
  readonly outer: Frame | undefined;
  open: boolean;
}

interface ContextStorage {
  run<R>(store: Frame, fn: () => R): R;
  getStore(): Frame | undefined;
}

type Runtime = { process?: { getBuiltinModule?(id: string): { AsyncLocalStorage?: new () => ContextStorage } | undefined } };

// Asked once, on first use; `null` where the runtime has no AsyncLocalStorage.
let storage: ContextStorage | null | undefined;

const contextStorage = (): ContextStorage | null => {
  if (storage === undefined) {
    const Als = (globalThis as Runtime).process?.getBuiltinModule?.("node:async_hooks")?.AsyncLocalStorage;
    storage = Als ? new Als() : null;
  }
  return storage;
};

/**
 * @internal Runs a transaction's function `fn` marked as inside an open transaction on `key` (the adapter's
 * database: its Kysely instance, the memory adapter's tables) until `fn` settles.
 */
export async function runTransactionBody<R>(key: object, fn: () => Promise<R>): Promise<R> {
  const als = contextStorage();
  const frame: Frame = { key, outer: als?.getStore(), open: true };
  try {
    return await (als ? als.run(frame, fn) : fn());
  } finally {
    frame.open = false;
  }
}

/** @internal True when called from inside the function of a still-open transaction on `key`. */
export function insideOpenTransaction(key: object): boolean {
  for (let f = contextStorage()?.getStore(); f; f = f.outer) if (f.open && f.key === key) return true;
  return false;
}
