/**
 * The storage port: what an adapter implements so that pmokit can keep the office's records in any database.
 *
 * It is deliberately small and generic — one record store per entity kind, not one method per entity — and works
 * on **wire-form records** (JSON-safe: decimals and dates are strings), so an adapter never sees a Decimal or a
 * Date and cannot get them wrong. pmokit's repositories encode and decode through the entity codecs on either side.
 *
 * The contract is executable: `runAdapterConformance` from `pmokit/testing` proves an adapter implements it.
 *
 * @module
 */
import type { EntityKind } from "../entities/registry.js";

/**
 * A record as stored: the wire form of an entity. Every record has `id`, `version`, `createdAt`, `updatedAt`; the
 * other fields are JSON values the adapter stores and returns unchanged (strings byte for byte).
 */
export interface StoredRecord {
  /** Unique id within the kind. */
  readonly id: string;
  /** Optimistic-concurrency version, an integer from 1 to 2,147,483,647 (2³¹ − 1: every adapter stores that range). */
  readonly version: number;
  /** ISO instant of the first write. */
  readonly createdAt: string;
  /** ISO instant of the last write. */
  readonly updatedAt: string;
  /** The entity's own fields (wire form). */
  readonly [field: string]: unknown;
}

/**
 * Filter operators. Field values are compared as JSON values: numbers numerically, strings by Unicode code point
 * (the byte order of UTF-8, as SQL binary collations compare; not JavaScript's UTF-16 code unit order, which differs
 * between characters above U+FFFF and those of U+E000–U+FFFF) — which orders ISO dates, instants and zero-padded
 * keys correctly but not decimal strings, so amounts are not range-filtered through the port (a repository refuses
 * `lt`/`lte`/`gt`/`gte` on decimal fields, and matches `eq`/`ne`/`in` on them by value).
 *
 * - `eq`, `ne`: equal / not equal; a missing field equals `null`.
 * - `in`: equal to one of the values in an array.
 * - `lt`, `lte`, `gt`, `gte`: ordered comparison with a value of the same type; a missing field never matches.
 * - `contains`: the field is an array that contains the value.
 * - `startsWith`: the field is a string with the value as prefix.
 */
export type FilterOp = "eq" | "ne" | "in" | "lt" | "lte" | "gt" | "gte" | "contains" | "startsWith";

/**
 * Every filter operator, in a stable order.
 *
 * @example
 * ```ts
 * const unsupported = ALL_FILTER_OPS.filter((op) => !adapter.capabilities.filterOps.includes(op));
 * ```
 */
export const ALL_FILTER_OPS: readonly FilterOp[] = ["eq", "ne", "in", "lt", "lte", "gt", "gte", "contains", "startsWith"];

/** One condition of a query; conditions are combined with AND. `field` is a dot path into the wire record. */
export interface Where {
  /** Dot path of the field through objects, e.g. `status` or `budget.currency` (an array has no fields). */
  readonly field: string;
  /** The operator. */
  readonly op: FilterOp;
  /** The operand: a JSON scalar, or an array of scalars for `in`. */
  readonly value: string | number | boolean | null | readonly (string | number | boolean | null)[];
}

/** Sort direction. */
export type SortDirection = "asc" | "desc";

/**
 * A page request. Results are ordered by `orderBy` (default `id` ascending), then by `id`, so order is total; strings
 * (ids included) order by code point, as filters compare them.
 */
export interface ListQuery {
  /** Conditions, all of which must hold. */
  readonly where?: readonly Where[];
  /** Sort field (a dot path) and direction. */
  readonly orderBy?: { readonly field: string; readonly direction?: SortDirection };
  /** Page size: 1 … `capabilities.maxPageSize`. */
  readonly limit: number;
  /** The `nextCursor` of the previous page; absent or `null` for the first page. */
  readonly cursor?: string | null;
}

/**
 * One page of results. `nextCursor` is `null` on the last page. Cursors are keyset positions, not offsets: a record
 * inserted or deleted between two page requests never causes another record to be skipped or repeated.
 */
export interface Page<R> {
  /** The records of this page, in order. */
  readonly items: readonly R[];
  /** Cursor for the next page, or `null` when there is none. */
  readonly nextCursor: string | null;
}

/** What an adapter can do. pmokit refuses (with `UnsupportedCapabilityError`) anything not declared here. */
export interface Capabilities {
  /**
   * `interactive`: `transaction(fn)` runs `fn` atomically, rolling back on a thrown error, and nested calls use a
   * savepoint (see {@link StorageAdapter.transaction} for the rules); `batch`: atomic batches only (reserved for drivers without interactive transactions); `none`.
   */
  readonly transactions: "none" | "batch" | "interactive";
  /** Filter operators `list` supports. */
  readonly filterOps: readonly FilterOp[];
  /** Largest `limit` accepted by `list`. */
  readonly maxPageSize: number;
}

/**
 * The records of one entity kind.
 * Every method is atomic on its own; `update` and `delete` are compare-and-set on `version`. Every record a method
 * returns is deeply frozen, on every adapter (the conformance kit checks it); the caller's own object is copied, not kept.
 */
export interface RecordStore {
  /** The record with this id, or `null`. */
  get(id: string): Promise<StoredRecord | null>;
  /** The records with these ids, in the same order, `null` where missing. */
  getMany(ids: readonly string[]): Promise<(StoredRecord | null)[]>;
  /** A page of records matching the query. Throws `UnsupportedCapabilityError` for an undeclared filter op. */
  list(query: ListQuery): Promise<Page<StoredRecord>>;
  /** Stores a new record as given (its id included). Throws `DuplicateIdError` when the id exists. */
  insert(record: StoredRecord): Promise<StoredRecord>;
  /**
   * Replaces the record if its stored version equals `expectedVersion`, writing version `expectedVersion + 1`;
   * otherwise throws `VersionConflictError` and changes nothing. Returns the stored record.
   */
  update(record: StoredRecord, options: { readonly expectedVersion: number }): Promise<StoredRecord>;
  /**
   * Deletes the record. Returns `false` when there was none. With `expectedVersion`, deletes only that version and
   * throws `VersionConflictError` when another is stored.
   */
  delete(id: string, options?: { readonly expectedVersion?: number }): Promise<boolean>;
}

/** A storage adapter: the port pmokit's repositories, services and the conformance kit talk to. */
export interface StorageAdapter {
  /** A name for messages (`"memory"`, `"sqlite:/var/pmo.db"`). */
  readonly name: string;
  /** What the adapter can do. */
  readonly capabilities: Capabilities;
  /** The store of one entity kind. */
  store(kind: EntityKind): RecordStore;
  /**
   * Runs `fn` in one transaction: every write made through `tx` lands together, or — if `fn` throws — none does
   * and the error is rethrown. Present only when `capabilities.transactions` is `interactive`. The rules, the same
   * on every adapter (the conformance kit checks each):
   *
   * - **Nesting**: `tx.transaction(inner => …)` is a savepoint: an inner failure caught by the outer function rolls
   *   back only the inner writes; inner writes that succeed commit with the outer transaction.
   * - **One handle at a time**: while a nested transaction runs, the handle it was started on is suspended — every
   *   call on it (reads, writes, another `transaction`) throws `TransactionMisuseError` with reason `suspended`
   *   and does nothing. So nested transactions on one handle run one after another, never concurrently.
   * - **Finished handles**: a handle used after its transaction (or savepoint) ended throws
   *   `TransactionMisuseError` with reason `finished`.
   * - **Concurrent transactions** on the adapter itself are isolated from each other: of two that update one
   *   record at the same version, one commits and the other fails with `VersionConflictError`, none of its
   *   writes landing.
   * - **The adapter inside `fn`**: calling the adapter itself (not `tx`) from inside `fn`'s async context while the
   *   transaction is open throws `TransactionMisuseError` with reason `adapter-in-transaction` and does nothing —
   *   on a single-connection backend (SQLite, PGlite) it would wait for the transaction, which waits for it. Use
   *   `tx`. Callers outside `fn` are not refused: they wait their turn or run beside the transaction. (pmokit's
   *   adapters tell the two apart with `AsyncLocalStorage`; without it, in a browser, nothing is detected.)
   */
  transaction?<T>(fn: (tx: StorageAdapter) => Promise<T>): Promise<T>;
  /** Releases connections or handles. */
  close?(): Promise<void>;
}
