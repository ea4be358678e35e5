import { DuplicateIdError, TransactionMisuseError, ValidationError, VersionConflictError } from "../core/errors.js";
import { checkArguments, checkOptionKeys } from "../core/guard.js";
import type { EntityKind } from "../entities/registry.js";
import { ALL_FILTER_OPS, type Capabilities, type ListQuery, type Page, type RecordStore, type StorageAdapter, type StoredRecord } from "./port.js";
import { checkListQuery, matchesWhere, pageOfRecords } from "./query.js";
import { storableRecord } from "./record-check.js";
import { insideOpenTransaction, runTransactionBody } from "./transaction-scope.js";

/*
 * The reference adapter. Records live in Maps as frozen deep copies of their JSON value (storableRecord: callers can
 * never mutate what is stored; a value that is not JSON is refused, -0 is stored as 0, as in a JSON column).
 *
 * Transactions are optimistic: writes go to a private overlay; at commit every written record is checked against
 * the version the transaction saw, and the overlay is applied in one synchronous step — atomic with respect to
 * every other operation, and with no lock that a forgotten outer handle could deadlock on. A conflicting concurrent
 * write makes the commit fail with VersionConflictError (or DuplicateIdError) and nothing is applied.
 */

type Rows = Map<string, StoredRecord>;
/** A pending write: the new record (or `null` for a delete) and the version it was based on (`null` = absent). */
interface Pending {
  readonly next: StoredRecord | null;
  readonly baseVersion: number | null;
}
type Overlay = Map<string, Map<string, Pending>>;

const CAPABILITIES: Capabilities = Object.freeze({
  transactions: "interactive",
  filterOps: ALL_FILTER_OPS,
  maxPageSize: 1000,
});

/** Options of {@link createMemoryAdapter}. */
export interface MemoryAdapterOptions {
  /** Adapter name for messages. Default `"memory"`. */
  readonly name?: string;
  /** Largest page size, a whole number ≥ 1 (else ValidationError at `["maxPageSize"]`). Default 1000. */
  readonly maxPageSize?: number;
}

/**
 * The in-memory reference adapter: every capability of the port (interactive transactions with savepoints, every
 * filter operator), passing the whole conformance kit. Use it in tests, demos, browsers and edge functions, and
 * read it as the specification of how an adapter behaves.
 *
 * @example
 * ```ts
 * const adapter = createMemoryAdapter();
 * const repos = createRepositories(adapter);
 * const ana = await repos.person.create({ name: "Ana Costa", roles: ["sponsor"] });
 * ```
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): StorageAdapter {
  checkArguments("createMemoryAdapter", { options: [options, "object"] });
  checkOptionKeys("createMemoryAdapter", options, { name: 1, maxPageSize: 1 } satisfies Record<keyof MemoryAdapterOptions, 1>);
  const name = options.name ?? "memory";
  const max = options.maxPageSize;
  // Checked as the SQL adapter checks it: 0 or NaN read as "not given" here (pages of 1,000) but refused every list there.
  if (max !== undefined && !(Number.isSafeInteger(max) && max >= 1)) throw ValidationError.single(["maxPageSize"], "maxPageSize is a whole number ≥ 1", name);
  const capabilities: Capabilities = max ? Object.freeze({ ...CAPABILITIES, maxPageSize: max }) : CAPABILITIES;
  const tables = new Map<string, Rows>();
  const table = (kind: string): Rows => inner(tables, kind);

  // The adapter itself, called inside one of its own transactions' functions, refuses (as the SQL adapters must,
  // where it would wait for the transaction's connection): the caller meant `tx`.
  const notInOwnTransaction = () => {
    if (insideOpenTransaction(tables)) throw new TransactionMisuseError(name, "adapter-in-transaction");
  };
  // One store over any view of the records: the adapter's tables, or a transaction's overlay on them.
  const storeOver =
    (guard: () => void, read: (kind: string, id: string) => StoredRecord | null, write: (kind: string, id: string, next: StoredRecord | null) => void, rows: (kind: string) => StoredRecord[]) =>
    (kind: EntityKind): RecordStore => ({
      async get(id) {
        guard();
        return read(kind, id);
      },
      async getMany(ids) {
        guard();
        return ids.map((id) => read(kind, id));
      },
      async list(query: ListQuery): Promise<Page<StoredRecord>> {
        guard();
        checkListQuery(name, capabilities, query);
        const where = query.where ?? [];
        return pageOfRecords(rows(kind).filter((r) => where.every((w) => matchesWhere(r, w))), query);
      },
      async insert(record) {
        guard();
        const stored = storableRecord(record);
        if (read(kind, record.id)) throw new DuplicateIdError(kind, record.id);
        write(kind, record.id, stored);
        return stored;
      },
      async update(record, { expectedVersion }) {
        guard();
        const stored = storableRecord(record, expectedVersion + 1);
        const current = read(kind, record.id);
        if (!current || current.version !== expectedVersion) {
          throw new VersionConflictError(kind, record.id, expectedVersion, current?.version ?? null);
        }
        write(kind, record.id, stored);
        return stored;
      },
      async delete(id, { expectedVersion } = {}) {
        guard();
        const current = read(kind, id);
        if (expectedVersion !== undefined && current?.version !== expectedVersion) {
          throw new VersionConflictError(kind, id, expectedVersion, current?.version ?? null);
        }
        if (current) write(kind, id, null);
        return !!current;
      },
    });
  const readTable = (kind: string, id: string) => table(kind).get(id) ?? null;

  // A record the transaction inserted and deleted again (absent before, absent after) is no write: it is neither
  // checked nor applied, so another writer's record of that id, committed meanwhile, stays (as on SQL databases,
  // where that writer waits for the transaction and then inserts).
  const noWrite = (p: Pending) => p.baseVersion === null && p.next === null;
  const commit = (overlay: Overlay): void => {
    // Check everything first, then apply: a failed check leaves the store untouched.
    for (const [kind, writes] of overlay) {
      const t = table(kind);
      for (const [id, p] of writes) {
        if (noWrite(p)) continue;
        const current = t.get(id);
        const currentVersion = current?.version ?? null;
        if (currentVersion !== p.baseVersion) {
          if (p.baseVersion === null && current) throw new DuplicateIdError(kind, id);
          throw new VersionConflictError(kind, id, p.baseVersion ?? 0, currentVersion);
        }
      }
    }
    for (const [kind, writes] of overlay) {
      const t = table(kind);
      for (const [id, p] of writes) if (!noWrite(p)) p.next ? t.set(id, p.next) : t.delete(id);
    }
  };

  const txAdapter = (overlay: Overlay, finished: () => boolean): StorageAdapter => {
    // While a nested transaction on this handle runs, the handle is suspended (the port's rule, which the SQL
    // adapters need because a handle and its savepoint share one connection).
    let nestedOpen = false;
    const guard = () => {
      if (finished()) throw new TransactionMisuseError(name, "finished");
      if (nestedOpen) throw new TransactionMisuseError(name, "suspended");
    };
    const pending = (kind: string): Map<string, Pending> => inner(overlay, kind);
    const read = (kind: string, id: string): StoredRecord | null => {
      const p = overlay.get(kind)?.get(id);
      return p ? p.next : readTable(kind, id);
    };
    const write = (kind: string, id: string, next: StoredRecord | null): void => {
      const m = pending(kind);
      const prior = m.get(id);
      const baseVersion = prior ? prior.baseVersion : (readTable(kind, id)?.version ?? null);
      m.set(id, { next, baseVersion });
    };
    // The records as this transaction sees them: every id stored or written, as it reads now (deleted ones left out).
    const store = storeOver(guard, read, write, (kind) => [...new Set([...table(kind).keys(), ...pending(kind).keys()])].flatMap((id) => read(kind, id) ?? []));
    return {
      name,
      capabilities,
      store,
      // A nested transaction is a savepoint: it works on a copy of this overlay and, on success, the copy becomes
      // this overlay (this handle was suspended meanwhile, so the copy holds every write); on failure it is dropped.
      async transaction<T>(fn: (tx: StorageAdapter) => Promise<T>): Promise<T> {
        guard();
        const child: Overlay = new Map([...overlay].map(([k, m]) => [k, new Map(m)]));
        nestedOpen = true;
        let done = false;
        try {
          const result = await fn(txAdapter(child, () => done || finished()));
          overlay.clear();
          for (const [k, m] of child) overlay.set(k, m);
          return result;
        } finally {
          done = true;
          nestedOpen = false;
        }
      },
    };
  };

  return {
    name,
    capabilities,
    store: storeOver(
      notInOwnTransaction,
      readTable,
      (kind, id, next) => (next ? table(kind).set(id, next) : table(kind).delete(id)),
      (kind) => [...table(kind).values()],
    ),
    async transaction<T>(fn: (tx: StorageAdapter) => Promise<T>): Promise<T> {
      notInOwnTransaction();
      const overlay: Overlay = new Map();
      let open = true;
      try {
        const result = await runTransactionBody(tables, () => fn(txAdapter(overlay, () => !open)));
        commit(overlay);
        return result;
      } finally {
        open = false;
      }
    },
    async close() {
      tables.clear();
    },
  };
}

/** The map under `key` in `outer`, created empty on first use. */
function inner<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = outer.get(key);
  if (!m) outer.set(key, (m = new Map()));
  return m;
}
