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

/** One open transaction of one database (`key`); `open` turns false when its function settles. */
interface Frame {
  readonly key: object;
  open: boolean;
}

interface ContextStorage {
  run<R>(store: readonly Frame[], fn: () => R): R;
  getStore(): readonly Frame[] | undefined;
}

let storage: ContextStorage | null | undefined;

function contextStorage(): ContextStorage | null {
  if (storage === undefined) {
    storage = null;
    try {
      const Als = (globalThis as { process?: { getBuiltinModule?(id: string): { AsyncLocalStorage?: new () => ContextStorage } } }).process
        ?.getBuiltinModule?.("node:async_hooks")?.AsyncLocalStorage;
      if (Als) storage = new Als();
    } catch {
      // No async context in this runtime: nothing is detected.
    }
  }
  return storage;
}

/**
 * @internal Runs a transaction's function `fn` marked as inside an open transaction on `key` (the adapter's
 * database: its Kysely instance, the memory adapter's tables) until `fn` settles.
 */
export async function runTransactionBody<R>(key: object, fn: () => Promise<R>): Promise<R> {
  const als = contextStorage();
  const frame: Frame = { key, open: true };
  try {
    return await (als ? als.run([...(als.getStore() ?? []), frame], fn) : fn());
  } finally {
    frame.open = false;
  }
}

/** @internal True when called from inside the function of a still-open transaction on `key`. */
export function insideOpenTransaction(key: object): boolean {
  return !!contextStorage()?.getStore()?.some((f) => f.open && f.key === key);
}
