import { isPmoError, runInTransaction, type StorageError, type VersionConflictError } from "../../src/index.js";
import { createSqlAdapter, migrate } from "../../src/sql/index.js";
import type { Backend } from "./backends.js";

const rec = (id: string, name: string) => ({ id, version: 1, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", name });

/** What a transaction that lost a race and went on saw, how it ended, and what was stored afterwards. */
export interface LostRace {
  /** The caught conflict (`conflict, found 2`), then the insert tried after it (`refused <storageCode>` or `after inserted`). */
  readonly seen: readonly string[];
  /** `returned done`, `failed <storageCode> retryable <bool>` or `failed <error>`. */
  readonly outcome: string;
  /** Whether the rows the transaction inserted before and after the conflict were stored. */
  readonly stored: { readonly before: boolean; readonly after: boolean };
  /** The name of the raced row afterwards (the other writer's `Other`). */
  readonly name: unknown;
}

/**
 * A transaction inserts `before`, reads `x` (fixing its snapshot), waits while another writer updates `x`, then
 * updates `x` at the version it read (and loses), catches the conflict, tries to insert `after`, and returns or
 * throws: the scenario of a server that aborts a transaction on a lost race (PostgreSQL at REPEATABLE READ and
 * SERIALIZABLE, MariaDB with innodb_snapshot_isolation).
 */
export async function loseRaceAndGoOn(open: () => Promise<Backend>, ending: "returns" | "throws"): Promise<LostRace> {
  const b = await open();
  try {
    await migrate(b.db);
    const a = createSqlAdapter(b.db);
    await a.store("person").insert(rec("x", "Original"));
    let readDone!: () => void;
    const read = new Promise<void>((r) => (readDone = r));
    let goOn!: () => void;
    const go = new Promise<void>((r) => (goOn = r));
    const seen: string[] = [];
    const t = runInTransaction(a, async (tx) => {
      await tx.store("person").insert(rec("before", "Before"));
      await tx.store("person").get("x"); // fixes the snapshot
      readDone();
      await go;
      try {
        await tx.store("person").update(rec("x", "Mine"), { expectedVersion: 1 });
      } catch (e) {
        seen.push(isPmoError(e, "version-conflict") ? `conflict, found ${(e as VersionConflictError).actualVersion}` : String(e));
      }
      try {
        await tx.store("person").insert(rec("after", "After"));
        seen.push("after inserted");
      } catch (e) {
        seen.push(isPmoError(e, "storage") ? `refused ${(e as StorageError).storageCode}` : String(e));
      }
      if (ending === "throws") throw new Error("give up");
      return "done";
    });
    await read;
    await a.store("person").update(rec("x", "Other"), { expectedVersion: 1 });
    goOn();
    const outcome = await t.then((v) => `returned ${v}`, (e: unknown) => (isPmoError(e, "storage") ? `failed ${(e as StorageError).storageCode} retryable ${(e as StorageError).retryable}` : `failed ${String(e)}`));
    const stored = { before: (await a.store("person").get("before")) !== null, after: (await a.store("person").get("after")) !== null };
    return { seen, outcome, stored, name: (await a.store("person").get("x"))?.["name"] };
  } finally {
    await b.close();
  }
}

/** What every such server must give: the conflict names version 2, the transaction refuses more and stores nothing. */
export const abortedAfterLostRace = (ending: "returns" | "throws"): LostRace => ({
  seen: ["conflict, found 2", "refused storage-serialization-failure"],
  outcome: ending === "throws" ? "failed Error: give up" : "failed storage-serialization-failure retryable true",
  stored: { before: false, after: false },
  name: "Other",
});
