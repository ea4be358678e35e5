import { expect } from "vitest";
import { isPmoError, isRetryableStorageError, runInTransaction, withRetry, type StorageError } from "../../src/index.js";
import { createSqlAdapter, migrate } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import type { Backend } from "./backends.js";

/** What one load-with-faults run measured. */
export interface LoadFigures {
  readonly label: string;
  readonly workflows: number;
  readonly committedFirstTry: number;
  readonly failedRetryable: number;
  readonly failedButCommitted: number;
  readonly sessionsKilled: number;
  readonly retriesToFinish: number;
  readonly ms: number;
  readonly codes: Record<string, number>;
}

const WRITERS = 20;
const PER_WRITER = 10;
const KILL_ROUNDS = 6;

/** One workflow: a person and a project with the same id, in one transaction — both land or neither. */
const workflow = (adapter: ReturnType<typeof createSqlAdapter>, id: string) =>
  runInTransaction(adapter, async (tx) => {
    await tx.store("person").insert(personRecord(id));
    await tx.store("project").insert({ ...personRecord(id), code: id });
  });

/**
 * 20 writers run 10 two-record workflows each while the test kills their server sessions every 40 ms, 6 times.
 * Every workflow must commit whole, or fail with a retryable StorageError (and then be whole or absent); withRetry
 * then finishes the failed ones, and every id is stored exactly once in both tables.
 */
export async function killedConnections(label: string, b: Backend): Promise<LoadFigures> {
  await migrate(b.db);
  const adapter = createSqlAdapter(b.db);
  const started = Date.now();
  let running = true;
  let sessionsKilled = 0;
  const killer = (async () => {
    for (let round = 0; round < KILL_ROUNDS && running; round++) {
      await new Promise((r) => setTimeout(r, 40));
      sessionsKilled += await b.terminate!();
    }
  })();
  const outcomes = await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      const out: { id: string; error?: unknown }[] = [];
      for (let j = 0; j < PER_WRITER; j++) {
        const id = `w${String(w).padStart(2, "0")}-${j}`;
        try {
          await workflow(adapter, id);
          out.push({ id });
        } catch (error) {
          out.push({ id, error });
        }
      }
      return out;
    }),
  );
  running = false;
  await killer;
  const all = outcomes.flat();
  const codes: Record<string, number> = {};
  for (const o of all.filter((x) => x.error !== undefined)) {
    const e = o.error as StorageError;
    expect(isRetryableStorageError(e), `${o.id}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`).toBe(true);
    codes[e.storageCode] = (codes[e.storageCode] ?? 0) + 1;
  }
  // Each workflow is whole or absent; every committed one is there. (A pooled connection killed while idle fails on
  // its next use — retryable — so the checks read through withRetry too.)
  let failedButCommitted = 0;
  for (const o of all) {
    const [person, project] = await withRetry(() => Promise.all([adapter.store("person").get(o.id), adapter.store("project").get(o.id)]), { attempts: 12, backoff: () => 10 });
    expect(person === null, `${o.id}: person and project land together`).toBe(project === null);
    if (o.error === undefined) expect(person, `${o.id} committed`).not.toBeNull();
    else if (person) failedButCommitted++;
  }
  // withRetry finishes the failed ones; a workflow whose lost COMMIT had landed meets its own id (DuplicateIdError).
  let retriesToFinish = 0;
  for (const o of all.filter((x) => x.error !== undefined)) {
    await withRetry(async () => {
      retriesToFinish++;
      try {
        await workflow(adapter, o.id);
      } catch (e) {
        if (!isPmoError(e, "duplicate-id")) throw e;
      }
    }, { attempts: 12, backoff: () => 20 });
  }
  for (const kind of ["person", "project"] as const) {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const at = cursor;
      const page: { items: readonly { id: string }[]; nextCursor: string | null } = await withRetry(() => adapter.store(kind).list({ limit: 1000, cursor: at }), { attempts: 12, backoff: () => 10 });
      ids.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(all.map((o) => o.id).sort());
  }
  const failed = all.filter((x) => x.error !== undefined).length;
  return {
    label, workflows: all.length, committedFirstTry: all.length - failed, failedRetryable: failed, failedButCommitted,
    sessionsKilled, retriesToFinish, ms: Date.now() - started, codes,
  };
}

const WORKERS = 10;

/**
 * Write skew at SERIALIZABLE: every workflow counts the "ledger" people and inserts one more with that count. Run
 * together (all read before any writes) most must fail with storage-serialization-failure; withRetry runs them again
 * until each commits. Serializable means the counts are then exactly 0…9: nothing lost, nothing doubled.
 */
export async function serializableWorkflows(label: string, b: Backend): Promise<LoadFigures> {
  await migrate(b.db);
  const adapter = createSqlAdapter(b.db);
  const started = Date.now();
  let arrived = 0;
  let release!: () => void;
  const barrier = new Promise<void>((r) => (release = r));
  const attempt = (w: number, first: boolean) =>
    runInTransaction(adapter, async (tx) => {
      const page = await tx.store("person").list({ where: [{ field: "organisationUnit", op: "eq", value: "ledger" }], limit: 100 });
      if (first) {
        if (++arrived === WORKERS) release();
        await barrier;
      }
      await tx.store("person").insert(personRecord(`ledger-${w}`, { organisationUnit: "ledger", power: page.items.length }));
    });
  const first = await Promise.allSettled(Array.from({ length: WORKERS }, (_, w) => attempt(w, true)));
  const codes: Record<string, number> = {};
  const failedIdx: number[] = [];
  first.forEach((r, w) => {
    if (r.status === "fulfilled") return;
    const e = r.reason as StorageError;
    expect(isRetryableStorageError(e), `${e instanceof Error ? e.message : String(e)}`).toBe(true);
    codes[e.storageCode] = (codes[e.storageCode] ?? 0) + 1;
    failedIdx.push(w);
  });
  expect(codes["storage-serialization-failure"] ?? 0).toBeGreaterThan(0);
  let retriesToFinish = 0;
  for (const w of failedIdx) {
    await withRetry(async () => {
      retriesToFinish++;
      await attempt(w, false);
    }, { attempts: 10, backoff: () => 10 });
  }
  const page = await adapter.store("person").list({ where: [{ field: "organisationUnit", op: "eq", value: "ledger" }], limit: 100 });
  expect(page.items.map((r) => r["power"]).sort((x, y) => (x as number) - (y as number))).toEqual(Array.from({ length: WORKERS }, (_, i) => i));
  return {
    label, workflows: WORKERS, committedFirstTry: WORKERS - failedIdx.length, failedRetryable: failedIdx.length, failedButCommitted: 0,
    sessionsKilled: 0, retriesToFinish, ms: Date.now() - started, codes,
  };
}
