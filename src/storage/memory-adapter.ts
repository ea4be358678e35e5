import { DuplicateIdError, TransactionMisuseError, VersionConflictError } from "../core/errors.js";
import { checkArguments } from "../core/guard.js";
import type { EntityKind } from "../entities/registry.js";
import { ALL_FILTER_OPS, type Capabilities, type ListQuery, type Page, type RecordStore, type StorageAdapter, type StoredRecord } from "./port.js";
import { matchesWhere, pageOf, validateListQuery } from "./query.js";
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
  /** Largest page size. Default 1000. */
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
  const name = options.name ?? "memory";
  const capabilities: Capabilities = options.maxPageSize
    ? Object.freeze({ ...CAPABILITIES, maxPageSize: options.maxPageSize })
    : CAPABILITIES;
  const tables = new Map<string, Rows>();
  const table = (kind: string): Rows => {
    let t = tables.get(kind);
    if (!t) tables.set(kind, (t = new Map()));
    return t;
  };

  // The adapter itself, called inside one of its own transactions' functions, refuses (as the SQL adapters must,
  // where it would wait for the transaction's connection): the caller meant `tx`.
  const notInOwnTransaction = () => {
    if (insideOpenTransaction(tables)) throw new TransactionMisuseError(name, "adapter-in-transaction");
  };
  const baseStore = (kind: EntityKind): RecordStore => ({
    async get(id) {
      notInOwnTransaction();
      return table(kind).get(id) ?? null;
    },
    async getMany(ids) {
      notInOwnTransaction();
      const t = table(kind);
      return ids.map((id) => t.get(id) ?? null);
    },
    async list(query) {
      notInOwnTransaction();
      validateListQuery(name, capabilities, query);
      return listRows([...table(kind).values()], query);
    },
    async insert(record) {
      notInOwnTransaction();
      const stored = storableRecord(record);
      const t = table(kind);
      if (t.has(record.id)) throw new DuplicateIdError(kind, record.id);
      t.set(record.id, stored);
      return stored;
    },
    async update(record, { expectedVersion }) {
      notInOwnTransaction();
      const stored = storableRecord(record, expectedVersion + 1);
      const t = table(kind);
      const current = t.get(record.id);
      if (!current || current.version !== expectedVersion) {
        throw new VersionConflictError(kind, record.id, expectedVersion, current ? current.version : null);
      }
      t.set(record.id, stored);
      return stored;
    },
    async delete(id, opts = {}) {
      notInOwnTransaction();
      const t = table(kind);
      const current = t.get(id);
      if (!current) {
        if (opts.expectedVersion !== undefined) throw new VersionConflictError(kind, id, opts.expectedVersion, null);
        return false;
      }
      if (opts.expectedVersion !== undefined && current.version !== opts.expectedVersion) {
        throw new VersionConflictError(kind, id, opts.expectedVersion, current.version);
      }
      t.delete(id);
      return true;
    },
  });

  const commit = (overlay: Overlay): void => {
    // Check everything first, then apply: a failed check leaves the store untouched.
    for (const [kind, writes] of overlay) {
      const t = table(kind);
      for (const [id, p] of writes) {
        const current = t.get(id);
        const currentVersion = current ? current.version : null;
        if (currentVersion !== p.baseVersion) {
          if (p.baseVersion === null && current) throw new DuplicateIdError(kind, id);
          throw new VersionConflictError(kind, id, p.baseVersion ?? 0, currentVersion);
        }
      }
    }
    for (const [kind, writes] of overlay) {
      const t = table(kind);
      for (const [id, p] of writes) {
        if (p.next) t.set(id, p.next);
        else t.delete(id);
      }
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
    const pending = (kind: string): Map<string, Pending> => {
      let m = overlay.get(kind);
      if (!m) overlay.set(kind, (m = new Map()));
      return m;
    };
    const read = (kind: string, id: string): StoredRecord | null => {
      const p = overlay.get(kind)?.get(id);
      return p ? p.next : (table(kind).get(id) ?? null);
    };
    const write = (kind: string, id: string, next: StoredRecord | null): void => {
      const m = pending(kind);
      const prior = m.get(id);
      const baseVersion = prior ? prior.baseVersion : (table(kind).get(id)?.version ?? null);
      m.set(id, { next, baseVersion });
    };
    const store = (kind: EntityKind): RecordStore => ({
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
        validateListQuery(name, capabilities, query);
        const merged = new Map(table(kind));
        for (const [id, p] of overlay.get(kind) ?? []) {
          if (p.next) merged.set(id, p.next);
          else merged.delete(id);
        }
        return listRows([...merged.values()], query);
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
          throw new VersionConflictError(kind, record.id, expectedVersion, current ? current.version : null);
        }
        write(kind, record.id, stored);
        return stored;
      },
      async delete(id, opts = {}) {
        guard();
        const current = read(kind, id);
        if (!current) {
          if (opts.expectedVersion !== undefined) throw new VersionConflictError(kind, id, opts.expectedVersion, null);
          return false;
        }
        if (opts.expectedVersion !== undefined && current.version !== opts.expectedVersion) {
          throw new VersionConflictError(kind, id, opts.expectedVersion, current.version);
        }
        write(kind, id, null);
        return true;
      },
    });
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
    store: baseStore,
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

function listRows(rows: StoredRecord[], query: ListQuery): Page<StoredRecord> {
  const where = query.where ?? [];
  const matching = where.length === 0 ? rows : rows.filter((r) => where.every((w) => matchesWhere(r, w)));
  return pageOf(matching, query);
}
