import type { z } from "zod";
import { NotFoundError, ValidationError } from "../core/errors.js";
import { defaultIdGenerator, type IdGenerator } from "../core/ids.js";
import { instant, type Instant } from "../core/dates/instant.js";
import { decodeWith, encodeWith, idSchema } from "../core/codecs.js";
import { checkArguments, checkOptionKeys } from "../core/guard.js";
import { entityKinds, isEntityKind, type EntityKind, type EntityOf, type WireOf } from "../entities/registry.js";
import type { StoredEntityField } from "../entities/base.js";
import type { ListQuery, Page, StorageAdapter, StoredRecord } from "./port.js";
import { canonicalWhere, timeFieldsOf } from "./date-filters.js";
import { decimalFieldsOf, decimalOrderBy, decimalWhere } from "./decimal-filters.js";

/**
 * What `create` takes: the entity's wire form (plain JSON-safe values: decimal strings, ISO dates) without the
 * fields storage manages; `id` may be supplied, otherwise one is generated.
 */
export type DraftOf<K extends EntityKind> = ReadonlyInput<Omit<WireOf<K>, StoredEntityField>> & { readonly id?: string };

/**
 * An input shape that also takes readonly arrays and objects, so a draft written `as const` (or built from readonly
 * data) is accepted: what is read is never written back.
 *
 * @example
 * ```ts
 * const tags: ReadonlyInput<{ tags: string[] }> = { tags: ["a", "b"] as const };
 * ```
 */
export type ReadonlyInput<T> = T extends readonly (infer U)[]
  ? readonly ReadonlyInput<U>[]
  : T extends object
    ? { readonly [P in keyof T]: ReadonlyInput<T[P]> }
    : T;

/** Options of a repository. */
export interface RepositoryOptions {
  /** Generates ids for new records. Default: time-ordered UUIDv7. */
  readonly ids?: IdGenerator;
  /** The current instant, for `createdAt`/`updatedAt`. Default: the system clock. Inject one in tests. */
  readonly clock?: () => Instant | string | Date;
}
const REPOSITORY_OPTION_KEYS = { ids: 1, clock: 1 } satisfies Record<keyof RepositoryOptions, 1>;

/**
 * Typed access to one entity kind. Values going in are validated and encoded through the entity codec; values
 * coming out are decoded — so adapters only ever see wire forms and callers only ever see memory forms.
 * A write that fails validation throws {@link ValidationError} before anything reaches the adapter, and so does an
 * id that the id schema refuses, in `get`, `require`, `getMany` and `delete` too.
 */
export interface Repository<K extends EntityKind> {
  /** The entity kind. */
  readonly kind: K;
  /** The entity with this id, or `null`. */
  get(id: string): Promise<EntityOf<K> | null>;
  /** The entity with this id; throws {@link NotFoundError} when missing. */
  require(id: string): Promise<EntityOf<K>>;
  /** The entities with these ids, in order, `null` where missing. */
  getMany(ids: readonly string[]): Promise<(EntityOf<K> | null)[]>;
  /**
   * One page of entities (default page size 100). Operands on calendar-date fields must be `YYYY-MM-DD` days and on
   * instant fields UTC instants, compared in canonical form (`…10:00:00Z` is `…10:00:00.000Z`); anything else is a
   * {@link ValidationError} at `["where", i, "value"]`. Decimal fields match `eq`/`ne`/`in` by value; `lt`/`lte`/`gt`/`gte`
   * on them is refused at `["where", i, "op"]` and ordering by one at `["orderBy", "field"]` (stored text orders
   * `"100.00"` before `"99.50"`).
   */
  list(query?: Partial<ListQuery>): Promise<Page<EntityOf<K>>>;
  /** Every entity matching the query, page by page (operands checked as in `list`). */
  all(query?: Omit<Partial<ListQuery>, "cursor">): AsyncGenerator<EntityOf<K>>;
  /** Validates a draft, assigns id/version/timestamps and inserts it. */
  create(draft: DraftOf<K>): Promise<EntityOf<K>>;
  /**
   * Inserts a complete wire record as it is — id, version and timestamps included — after validating and
   * canonicalising it. For loading datasets, migrations and restores; new records go through `create`.
   */
  importRecord(record: WireOf<K>): Promise<EntityOf<K>>;
  /** Stores a changed entity if nobody else changed it since it was read (its `version`). */
  update(entity: EntityOf<K>): Promise<EntityOf<K>>;
  /** Deletes by id; with `expectedVersion`, only that version. */
  delete(id: string, options?: { readonly expectedVersion?: number }): Promise<boolean>;
  /** Decodes a stored wire record (validating it). */
  decode(record: unknown): EntityOf<K>;
  /** Encodes an entity to its canonical wire record (validating it). */
  encode(entity: EntityOf<K>): StoredRecord;
}

/** Refuses an id the id schema refuses (quotes, backslashes, NUL, `__proto__`…) before it reaches the adapter. */
function checkId(kind: string, id: unknown, path: readonly (string | number)[]): asserts id is string {
  const r = idSchema.safeParse(id);
  if (!r.success) {
    throw new ValidationError(
      // The id schema is a flat string: its issues are at the id itself.
      r.error.issues.map((i) => ({ path: [...path], message: i.message, code: i.code })),
      kind,
    );
  }
}

function now(clock: RepositoryOptions["clock"]): Instant {
  const t = clock ? clock() : new Date();
  return instant(t);
}

/**
 * A typed repository for one entity kind over any adapter.
 *
 * @example
 * ```ts
 * const projects = createRepository(createMemoryAdapter(), "project");
 * const p = await projects.require("prj-crm");
 * await projects.update({ ...p, lifecycle: "executing" }); // VersionConflictError if someone else wrote first
 * ```
 */
export function createRepository<K extends EntityKind>(
  adapter: StorageAdapter,
  kind: K,
  options: RepositoryOptions = {},
): Repository<K> {
  checkRepositoryArguments("createRepository", adapter, options);
  return repositoryOf(adapter, kind, options);
}

/** The checks of createRepository and createRepositories, once per call. */
function checkRepositoryArguments(subject: string, adapter: StorageAdapter, options: RepositoryOptions): void {
  checkArguments(subject, { adapter: [adapter, "object"], options: [options, "object"] });
  checkArguments(subject, { store: [adapter.store, "function"], ids: [options.ids, "function?"], clock: [options.clock, "function?"] });
  checkOptionKeys(subject, options, REPOSITORY_OPTION_KEYS);
}

/** createRepository after its checks. */
function repositoryOf<K extends EntityKind>(adapter: StorageAdapter, kind: K, options: RepositoryOptions): Repository<K> {
  const def = isEntityKind(kind) ? entityKinds[kind] : undefined;
  if (!def) throw ValidationError.single(["kind"], `unknown entity kind ${JSON.stringify(kind)}`, "repository");
  const schema = def.schema as unknown as z.ZodType<EntityOf<K>, WireOf<K>>;
  const ids = options.ids ?? defaultIdGenerator;
  const store = adapter.store(kind);
  const times = timeFieldsOf(def.schema);
  const decimals = decimalFieldsOf(def.schema);
  const where = (q: Partial<ListQuery>) => {
    decimalOrderBy(decimals, q.orderBy, kind);
    return q.where === undefined ? {} : { where: decimalWhere(decimals, canonicalWhere(times, q.where, kind), kind) };
  };

  const decode = (record: unknown): EntityOf<K> => decodeWith(schema, record, kind) as EntityOf<K>;
  const encode = (entity: EntityOf<K>): StoredRecord => encodeWith(schema, entity, kind) as unknown as StoredRecord;

  const repo: Repository<K> = {
    kind,
    decode,
    encode,
    async get(id) {
      checkId(kind, id, ["id"]);
      const rec = await store.get(id);
      return rec ? decode(rec) : null;
    },
    async require(id) {
      checkId(kind, id, ["id"]);
      const rec = await store.get(id);
      if (!rec) throw new NotFoundError(kind, id);
      return decode(rec);
    },
    async getMany(list) {
      if (!Array.isArray(list)) throw ValidationError.single(["ids"], "expected an array of ids", kind);
      list.forEach((id, i) => checkId(kind, id, ["ids", i]));
      const recs = await store.getMany(list);
      return recs.map((r) => (r ? decode(r) : null));
    },
    async list(query = {}) {
      const page = await store.list({ ...query, ...where(query), limit: query.limit ?? 100 });
      return { items: page.items.map(decode), nextCursor: page.nextCursor };
    },
    async *all(query = {}) {
      const conditions = where(query);
      let cursor: string | null = null;
      do {
        const page: Page<StoredRecord> = await store.list({ ...query, ...conditions, limit: query.limit ?? 100, cursor });
        for (const r of page.items) yield decode(r);
        cursor = page.nextCursor;
      } while (cursor);
    },
    async create(draft) {
      const at = now(options.clock);
      const wire = { ...draft, id: draft.id ?? ids(), version: 1, createdAt: at, updatedAt: at };
      // decode validates, encode canonicalises: the adapter receives the canonical wire form.
      const record = encode(decode(wire));
      return decode(await store.insert(record));
    },
    async importRecord(record) {
      return decode(await store.insert(encode(decode(record))));
    },
    async update(entity) {
      const record = encode(entity);
      const next = { ...record, updatedAt: now(options.clock) };
      return decode(await store.update(next, { expectedVersion: entity.version }));
    },
    async delete(id, opts) {
      checkId(kind, id, ["id"]);
      return store.delete(id, opts ?? {});
    },
  };
  return repo;
}

/** One repository per entity kind, keyed by kind name. */
export type Repositories = { readonly [K in EntityKind]: Repository<K> };

/**
 * A repository for every entity kind over one adapter (or one transaction handle).
 *
 * @example
 * ```ts
 * const repos = createRepositories(adapter, { ids: createSequentialIdGenerator("id") });
 * await repos.request.create({ title: "CRM replacement", … });
 * ```
 */
export function createRepositories(adapter: StorageAdapter, options: RepositoryOptions = {}): Repositories {
  checkRepositoryArguments("createRepositories", adapter, options);
  const out: Partial<Record<EntityKind, Repository<EntityKind>>> = {};
  for (const kind of Object.keys(entityKinds) as EntityKind[]) {
    out[kind] = repositoryOf(adapter, kind, options) as unknown as Repository<EntityKind>;
  }
  return out as Repositories;
}
