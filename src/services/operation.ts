import { idSchema } from "../core/codecs.js";
import { checkArguments, checkOptionKeys } from "../core/guard.js";
import { instant, type Instant } from "../core/dates/instant.js";
import { ValidationError, VersionConflictError } from "../core/errors.js";
import { defaultIdGenerator, type IdGenerator } from "../core/ids.js";
import { isEntityKind, type EntityKind, type EntityOf, type WireOf } from "../entities/registry.js";
import type { StorageAdapter } from "../storage/port.js";
import { createRepositories, type DraftOf, type Repositories, type Repository } from "../storage/repository.js";
import { runInTransaction } from "../storage/transaction.js";
import { fieldChanges } from "./audit.js";

/** Options of the PMO service. */
export interface PmoOptions {
  /** The current instant, for audit events and timestamps. Default: the system clock. Inject one in tests. */
  readonly clock?: () => Instant | string | Date;
  /** Generates ids of new records and audit events. Default: time-ordered UUIDv7. */
  readonly ids?: IdGenerator;
  /**
   * Called after every write an operation makes (entity or audit event), inside its transaction, with the count so
   * far. For tracing; a hook that throws aborts the operation and rolls everything back.
   */
  readonly onWrite?: (count: number, kind: EntityKind, id: string) => void | Promise<void>;
}
/** @internal The keys of {@link PmoOptions}. */
export const PMO_OPTION_KEYS = { clock: 1, ids: 1, onWrite: 1 } satisfies Record<keyof PmoOptions, 1>;

/** The read side of a repository: what an operation may do with `Work.repos`. */
export type ReadRepository<K extends EntityKind> = Pick<Repository<K>, "kind" | "get" | "require" | "getMany" | "list" | "all" | "decode" | "encode">;

/** Read-only repositories of every kind. */
export type ReadRepositories = { readonly [K in EntityKind]: ReadRepository<K> };

const READ_METHODS = ["get", "require", "getMany", "list", "all", "decode", "encode"] as const;

/** @internal The read side of each repository, frozen: no create, update, delete or import reaches the store unaudited. */
function readOnly(repos: Repositories): ReadRepositories {
  const out: Record<string, unknown> = {};
  for (const kind of Object.keys(repos) as EntityKind[]) {
    const repo = repos[kind] as unknown as Record<string, unknown>;
    const view: Record<string, unknown> = { kind };
    for (const m of READ_METHODS) view[m] = (repo[m] as (...a: unknown[]) => unknown).bind(repo);
    out[kind] = Object.freeze(view);
  }
  return Object.freeze(out) as unknown as ReadRepositories;
}

/** The unit of work one operation runs in: one transaction, one actor, one instant, one correlation id. */
export interface Work {
  /** Who acts. */
  readonly actor: string;
  /** When (the same instant for every write of the operation). */
  readonly at: Instant;
  /**
   * Repositories bound to the transaction, for reading: every write goes through `create` and `update`, which audit
   * it (a write straight to a repository would leave no audit event).
   */
  readonly repos: ReadRepositories;
  /** Creates a record and audits it. */
  create<K extends EntityKind>(kind: K, draft: DraftOf<K>, reason?: string): Promise<EntityOf<K>>;
  /**
   * Changes a record through its wire form and audits the field changes; with `expectedVersion`, refuses
   * (VersionConflictError) when the stored record has moved on.
   */
  update<K extends EntityKind>(
    kind: K,
    id: string,
    change: (wire: WireOf<K>) => WireOf<K>,
    options?: { readonly expectedVersion?: number; readonly reason?: string },
  ): Promise<EntityOf<K>>;
}

/** @internal Validates the actor id. */
export function checkActor(actor: unknown): string {
  const r = idSchema.safeParse(actor);
  if (!r.success) throw ValidationError.single(["actor"], "every operation needs the id of the person acting", "actor");
  return r.data;
}

/** @internal The service's current instant: its clock's, else the system clock's. */
export function currentInstant(options: PmoOptions): Instant {
  return instant(options.clock ? options.clock() : new Date());
}

/**
 * Runs one PMO operation: validates the actor, opens one interactive transaction (refusing with
 * `UnsupportedCapabilityError` on adapters without them, before anything is written), and hands `fn` a {@link Work}
 * whose every write appends an audit event. Everything lands together or nothing does.
 *
 * @example
 * ```ts
 * await runOperation(adapter, {}, "p-ana", (w) => w.create("risk", { … }, "raised at the steering committee"));
 * ```
 */
export async function runOperation<T>(
  adapter: StorageAdapter,
  options: PmoOptions,
  actorId: string,
  fn: (work: Work) => Promise<T>,
): Promise<T> {
  checkArguments("runOperation", { adapter: [adapter, "object"], options: [options, "object"], fn: [fn, "function"] });
  checkArguments("runOperation", { ids: [options.ids, "function?"], clock: [options.clock, "function?"], onWrite: [options.onWrite, "function?"] });
  checkOptionKeys("runOperation", options, PMO_OPTION_KEYS);
  const actor = checkActor(actorId);
  const ids = options.ids ?? defaultIdGenerator;
  const at = currentInstant(options);
  const correlationId = ids();
  return runInTransaction(adapter, async (tx) => {
    const repos = createRepositories(tx, { clock: () => at, ids });
    let writes = 0;
    const wrote = async (kind: EntityKind, id: string) => {
      writes++;
      await options.onWrite?.(writes, kind, id);
    };
    const audit = async (
      kind: EntityKind,
      entity: { id: string; version: number },
      action: "create" | "update",
      changes: ReturnType<typeof fieldChanges>,
      reason?: string,
    ) => {
      const ev = await repos["audit-event"].create({
        actor, at, entityKind: kind, entityId: entity.id, entityVersion: entity.version, action, changes, correlationId,
        ...(reason !== undefined ? { reason } : {}),
      } as DraftOf<"audit-event">);
      await wrote("audit-event", ev.id);
    };
    // A kind from plain JavaScript may be anything: an unknown one is a ValidationError, not a missing repository.
    const repoOf = <K extends EntityKind>(kind: K) => {
      if (!isEntityKind(kind)) throw ValidationError.single(["kind"], `unknown entity kind ${typeof kind === "string" ? JSON.stringify(kind) : `(a ${typeof kind})`}`, "operation");
      // Audit events are written once, by the operation itself: never created or changed by hand (an update rewrote
      // an event's actor; a create stored one naming another actor and time).
      if (kind === "audit-event") throw ValidationError.single(["kind"], "audit events are written by the operation itself, never by hand", "operation");
      return repos[kind];
    };
    const work: Work = {
      actor,
      at,
      repos: readOnly(repos),
      async create(kind, draft, reason) {
        const created = await repoOf(kind).create(draft as never);
        await wrote(kind, created.id);
        const wire = repos[kind].encode(created as never) as Record<string, unknown>;
        await audit(kind, created, "create", fieldChanges(undefined, wire), reason);
        return created as EntityOf<typeof kind>;
      },
      async update(kind, id, change, opts = {}) {
        checkArguments("update", { change: [change, "function"], options: [opts, "object"] });
        const repo = repoOf(kind);
        const current = await repo.require(id);
        if (opts.expectedVersion !== undefined && current.version !== opts.expectedVersion) {
          throw new VersionConflictError(kind, id, opts.expectedVersion, current.version);
        }
        const before = repo.encode(current as never);
        // id, version and createdAt are storage's: a change to createdAt would land unrecorded (fieldChanges skips it).
        const nextWire = { ...change(structuredClone(before) as WireOf<typeof kind>), id, version: current.version, createdAt: before.createdAt };
        const next = repo.decode(nextWire);
        // Canonical wire forms on both sides, so only real changes count; a change that changes nothing writes nothing.
        const changes = fieldChanges(before, repo.encode(next as never));
        if (changes.length === 0) return current as EntityOf<typeof kind>;
        const updated = await repo.update(next as never);
        await wrote(kind, id);
        await audit(kind, updated, "update", changes, opts.reason);
        return updated as EntityOf<typeof kind>;
      },
    };
    return fn(work);
  });
}
