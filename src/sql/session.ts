import { TransactionMisuseError } from "../core/errors.js";
import { insideOpenTransaction } from "../storage/transaction-scope.js";
import type { AnyKysely } from "./dialect.js";

/*
 * The turn-taking of one database session — a PGlite instance, a better-sqlite3 Database object — shared by every
 * Kysely instance (every dialect, driver and adapter) opened on it: a session is one connection, so a transaction
 * must hold it alone, whichever Kysely instance started it. (With one queue per driver, a second instance's
 * statements ran inside the first one's open transaction: its acknowledged writes vanished with that transaction's
 * rollback, and its BEGIN/COMMIT failed or committed the first transaction half-way.)
 */

/** @internal One session's queue, and the drivers initialised on it and not yet destroyed. */
export interface Session {
  queue: Promise<void>;
  /** The last driver destroyed closes the session's database. */
  users: number;
}

const sessions = new WeakMap<object, Session>();

/** @internal The session of a database object (created on first use). */
export function sessionOf(key: object): Session {
  let s = sessions.get(key);
  if (!s) sessions.set(key, (s = { queue: Promise.resolve(), users: 0 }));
  return s;
}

/**
 * @internal Waits for the session's turn (FIFO) and returns its release (idempotent). Called from inside the function
 * of a transaction open on this session — by a pmokit adapter or a plain Kysely query on another Kysely instance —
 * it throws TransactionMisuseError at once: the turn is that transaction's, so the call would wait forever.
 */
export async function takeTurn(key: object, who: string): Promise<() => void> {
  if (insideOpenTransaction(key)) throw new TransactionMisuseError(who, "adapter-in-transaction");
  const s = sessionOf(key);
  const previous = s.queue;
  let release!: () => void;
  s.queue = new Promise<void>((r) => (release = r));
  await previous;
  let released = false;
  return () => {
    if (!released) release();
    released = true;
  };
}

/** Query adapters of the session dialects → their session's key (known once the driver has opened the database). */
const keys = new WeakMap<object, () => object | undefined>();

/** @internal Marks a dialect's query adapter as talking to the session `key()` returns. */
export function keyedAdapter<A extends object>(adapter: A, key: () => object | undefined): A {
  keys.set(adapter, key);
  return adapter;
}

/**
 * @internal The database session a Kysely instance talks to, as the key of "inside one of its transactions": the
 * PGlite instance or the Database object for the session dialects (shared by every Kysely instance opened on it),
 * otherwise the instance's query adapter (shared by its `withSchema`/`withPlugin` copies, which use the same driver).
 */
export function sessionKey(db: AnyKysely): object {
  const adapter = db.getExecutor().adapter;
  return keys.get(adapter)?.() ?? adapter;
}
