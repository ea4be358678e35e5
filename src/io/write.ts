import { encodeEntity, type EntityKind, type EntityOf } from "../entities/index.js";
import { createRepositories, runInTransaction, type StorageAdapter } from "../storage/index.js";
import { IMPORT_ORDER, type ImportedRecords } from "./records.js";

/**
 * Stores validated imported records through the typed repositories, all in one interactive transaction: every
 * record lands or none does (a duplicate id half-way rolls the whole import back). Records keep their ids,
 * versions and timestamps (`importRecord`).
 *
 * @throws {UnsupportedCapabilityError} when the adapter has no interactive transactions (before anything is written).
 * @throws {DuplicateIdError} when a record's id is already stored (nothing is written).
 * @returns How many records of each kind were stored.
 * @example
 * ```ts
 * const { records } = importDataset(text);
 * await writeImportedRecords(createMemoryAdapter(), records);
 * ```
 */
export async function writeImportedRecords(
  adapter: StorageAdapter,
  records: ImportedRecords,
): Promise<Readonly<Partial<Record<EntityKind, number>>>> {
  return runInTransaction(adapter, async (tx) => {
    const repos = createRepositories(tx);
    const written: Partial<Record<EntityKind, number>> = {};
    for (const kind of IMPORT_ORDER) {
      const list = (records[kind] ?? []) as readonly EntityOf<typeof kind>[];
      for (const entity of list) {
        // importRecord validates again at the repository boundary; the encode keeps the canonical wire form.
        await (repos[kind].importRecord as (r: unknown) => Promise<unknown>)(encodeEntity(kind, entity as never));
      }
      if (list.length > 0) written[kind] = list.length;
    }
    return written;
  });
}

/**
 * Stores batches of validated records of one kind as they come — a streamed import (`importCsvBatches`) — all in
 * one interactive transaction: if the source throws half-way (an invalid row found after earlier batches were
 * stored) or an insert fails, everything is rolled back. The records come validated from the entity codec, so they
 * are written in their canonical wire form straight to the kind's store (not validated a second time).
 *
 * @throws {UnsupportedCapabilityError} when the adapter has no interactive transactions (before anything is written).
 * @throws {DuplicateIdError} when a record's id is already stored (nothing is written).
 * @returns How many records were stored.
 * @example
 * ```ts
 * const n = await writeImportedBatches(adapter, "cost-entry", importCsvBatches("cost-entry", readImportChunks("costs.csv"), { importedAt }));
 * ```
 */
export async function writeImportedBatches<K extends EntityKind>(
  adapter: StorageAdapter,
  kind: K,
  batches: AsyncIterable<readonly EntityOf<K>[]>,
): Promise<number> {
  return runInTransaction(adapter, async (tx) => {
    const store = tx.store(kind);
    let written = 0;
    for await (const batch of batches) {
      for (const entity of batch) await store.insert(encodeEntity(kind, entity as never) as never);
      written += batch.length;
    }
    return written;
  });
}

/**
 * Stores batches of validated records of several kinds as they come — a streamed import (`importMspdiBatches`) —
 * all in one interactive transaction: if the source throws half-way (an invalid task found after earlier batches
 * were stored) or an insert fails, everything is rolled back. Within a batch, kinds are written in
 * {@link IMPORT_ORDER}; records are written in their canonical wire form straight to each kind's store (they come
 * validated from the entity codec).
 *
 * @throws {UnsupportedCapabilityError} when the adapter has no interactive transactions (before anything is written).
 * @throws {DuplicateIdError} when a record's id is already stored (nothing is written).
 * @returns How many records of each kind were stored.
 * @example
 * ```ts
 * const written = await writeImportedStream(adapter, importMspdiBatches(() => readImportChunks("plan.xml"), options));
 * written["work-package"]; // 200000
 * ```
 */
export async function writeImportedStream(
  adapter: StorageAdapter,
  batches: AsyncIterable<ImportedRecords>,
): Promise<Readonly<Partial<Record<EntityKind, number>>>> {
  return runInTransaction(adapter, async (tx) => {
    const written: Partial<Record<EntityKind, number>> = {};
    for await (const batch of batches) {
      for (const kind of IMPORT_ORDER) {
        const list = batch[kind];
        if (list === undefined || list.length === 0) continue;
        const store = tx.store(kind);
        for (const entity of list) await store.insert(encodeEntity(kind, entity as never) as never);
        written[kind] = (written[kind] ?? 0) + list.length;
      }
    }
    const ordered: Partial<Record<EntityKind, number>> = {};
    for (const kind of IMPORT_ORDER) if (written[kind] !== undefined) ordered[kind] = written[kind];
    return ordered;
  });
}

/**
 * Reads every record of every kind from storage (memory form), page by page — the input of `exportDataset`.
 *
 * @example
 * ```ts
 * const text = exportDataset(await readAllRecords(adapter), { exportedAt: "2026-11-25T12:00:00.000Z" });
 * ```
 */
export async function readAllRecords(adapter: StorageAdapter): Promise<ImportedRecords> {
  const repos = createRepositories(adapter);
  const out: Record<string, unknown[]> = {};
  for (const kind of IMPORT_ORDER) {
    const list: unknown[] = [];
    for await (const e of repos[kind].all()) list.push(e);
    out[kind] = list;
  }
  return out as ImportedRecords;
}
