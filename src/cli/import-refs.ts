import { isEntityKind, type EntityKind } from "../entities/index.js";
import type { ImportedRecords, ImportWarning } from "../io/index.js";
import type { StorageAdapter } from "../storage/index.js";
import { danglingIssue, referencesOf, type RecordReference } from "./entity-refs.js";
import { ISSUE_CAP } from "./errors.js";

/** Ids looked up in one call. */
const CHUNK = 500;

/**
 * `import`'s check of references: every person or record reference of the imported records should name a record of the
 * file or one already stored. The records pass through {@link ImportReferences.records} / {@link ImportReferences.batches}
 * as they are written; the adapter from {@link ImportReferences.adapter} looks every reference up in the import's own
 * transaction once all are written (so the file's records are found there too) and notes each that names nothing as
 * a warning, as an importer notes a ReqIF link to a missing object.
 *
 * @example
 * ```ts
 * const refs = new ImportReferences("office.json", "pmo.sqlite", false);
 * await writeImportedRecords(refs.adapter(store.adapter), refs.records(source.records));
 * refs.warnings; // [{ path: "record risk[0] (R-1) at ownerId", message: "no person p-x in the file or pmo.sqlite", code: "unknown-person" }]
 * ```
 */
export class ImportReferences {
  /** Each id named, by the kinds it may be of: the places that name it (up to ISSUE_CAP kept in all). */
  private readonly named = new Map<string, { kinds: readonly string[]; id: string; at: [number, RecordReference][]; count: number }>();
  private readonly seen = new Map<string, number>();
  private readonly ids = new Map<string, string>();
  private kept = 0;
  /** What the check found, once the import's transaction has run: one warning per reference that names nothing. */
  readonly warnings: ImportWarning[] = [];

  constructor(
    private readonly file: string,
    private readonly db: string,
    private readonly folder: boolean,
  ) {}

  /** Notes every reference of `records`, numbering each kind's records on from those seen before. */
  records<R extends ImportedRecords>(records: R): R {
    for (const [kind, list] of Object.entries(records as Record<string, readonly { id: string }[]>)) {
      const from = this.seen.get(kind) ?? 0;
      this.seen.set(kind, from + list.length);
      for (const ref of referencesOf({ [kind]: list } as ImportedRecords)) {
        const index = from + (ref.path[2] as number);
        const kinds = ref.kinds.filter((k) => isEntityKind(k));
        if (kinds.length === 0) continue;
        const key = `${kinds.join(" ")}\u0000${ref.id}`;
        const entry = this.named.get(key) ?? { kinds, id: ref.id, at: [], count: 0 };
        this.named.set(key, entry);
        entry.count++;
        if (this.kept < ISSUE_CAP) {
          entry.at.push([this.kept++, { ...ref, path: ["records", kind, index, ...ref.path.slice(3)] }]);
          this.ids.set(`${kind}\u0000${index}`, list[ref.path[2] as number]!.id);
        }
      }
    }
    return records;
  }

  /** The batches of one kind (a CSV), each noted as it passes. */
  async *batches<T extends { id: string }>(kind: string, batches: AsyncIterable<readonly T[]>): AsyncGenerator<readonly T[]> {
    for await (const batch of batches) {
      this.records({ [kind]: batch } as ImportedRecords);
      yield batch;
    }
  }

  /** The batches of several kinds (MS Project XML), each noted as it passes. */
  async *stream(batches: AsyncIterable<ImportedRecords>): AsyncGenerator<ImportedRecords> {
    for await (const batch of batches) yield this.records(batch);
  }

  /** `adapter` whose transactions check every reference noted before they commit. */
  adapter(adapter: StorageAdapter): StorageAdapter {
    const check = (tx: StorageAdapter) => this.check(tx);
    return {
      name: adapter.name,
      capabilities: adapter.capabilities,
      store: (kind) => adapter.store(kind),
      ...(adapter.transaction !== undefined
        ? {
            transaction: <T>(fn: (tx: StorageAdapter) => Promise<T>) =>
              adapter.transaction!(async (tx) => {
                const result = await fn(tx);
                await check(tx);
                return result;
              }),
          }
        : {}),
    };
  }

  /** Notes, as {@link ImportReferences.warnings}, every reference that names no stored record (the file's are stored by now). */
  private async check(tx: StorageAdapter): Promise<void> {
    const found = new Map<string, Set<string>>();
    const wanted = new Map<string, Set<string>>();
    for (const { kinds, id } of this.named.values()) for (const k of kinds) (wanted.get(k) ?? wanted.set(k, new Set()).get(k)!).add(id);
    for (const [kind, set] of wanted) {
      const ids = [...set];
      const hits = new Set<string>();
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        (await tx.store(kind as EntityKind).getMany(chunk)).forEach((r, j) => r !== null && hits.add(chunk[j]!));
      }
      found.set(kind, hits);
    }
    const where = `the ${this.folder ? "folder" : "file"} or ${this.db}`;
    const dangling: [number, RecordReference][] = [];
    let count = 0;
    for (const entry of this.named.values()) {
      if (entry.kinds.some((k) => found.get(k)?.has(entry.id))) continue;
      count += entry.count;
      dangling.push(...entry.at);
    }
    // In the order the records were read, each at its record: `risk.json: record risk[1] (R-2) at ownerId` in a folder.
    for (const [, ref] of dangling.sort((a, b) => a[0] - b[0])) {
      const issue = danglingIssue(ref, where);
      const kind = String(ref.path[1]);
      const index = ref.path[2] as number;
      const id = this.ids.get(`${kind}\u0000${index}`);
      const at = ref.path.slice(3).reduce<string>((p, s) => (typeof s === "number" ? `${p}[${s}]` : p === "" ? s : `${p}.${s}`), "");
      this.warnings.push({ path: `${this.folder ? `${kind}.json: ` : ""}record ${kind}[${index}]${id !== undefined ? ` (${id})` : ""} at ${at}`, message: issue.message, code: issue.code ?? "unknown-reference" });
    }
    if (count > dangling.length) this.warnings.push({ path: "", message: `${count - dangling.length} more references name no record of ${where} (the first ${dangling.length} are listed)`, code: "unknown-reference" });
  }
}
