import { StorageError, ValidationError } from "../core/errors.js";
import { codePointOrder } from "../core/code-points.js";
import type { ListQuery, Page, RecordStore, StoredRecord, Where } from "./port.js";
import { compareScalars, fieldValue, LIST_QUERY_LIMITS, type Scalar } from "./query.js";

/*
 * An `in` longer than the port's LIST_QUERY_LIMITS.maxInValues (1,000 — a money amount is widened to four stored forms,
 * so 251 amounts already passed it) is split into chunks of at most 1,000 values, one query per chunk (the cartesian
 * product when several conditions are long). A record's field has one value, so the chunks' results are disjoint; the
 * pages are merged in the port's order (sort value, then id). The cursor holds one adapter cursor per chunk, each
 * exactly after the last record of that chunk handed out — fetched again with the consumed count as limit when a
 * chunk's page was only partly used — so a keyset page never skips or repeats a record.
 */

/**
 * Most queries a repository splits the long `in` lists of one `list` call into: 50 chunks of 1,000 values (a money
 * amount counts four, one per stored form: 12,500 amounts).
 *
 * @example
 * ```ts
 * const most = MAX_IN_CHUNKS * LIST_QUERY_LIMITS.maxInValues; // 50,000 ids in one repository `in`
 * ```
 */
export const MAX_IN_CHUNKS = 50;

const PREFIX = "chunks.";
/** A chunk's position: an adapter cursor, `null` (not started) or `0` (exhausted). */
type ChunkState = string | null | 0;
/** The sort value and id of the last record handed out, and each chunk's position. */
interface ChunkCursor {
  readonly at: readonly [Scalar, string] | null;
  readonly states: readonly ChunkState[];
}

function encodeChunkCursor(cursor: ChunkCursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify([cursor.at, cursor.states]));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return PREFIX + btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const isState = (s: unknown) => s === null || s === 0 || typeof s === "string";
const isScalar = (v: unknown) => v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));

function decodeChunkCursor(cursor: string, chunks: number, subject: string): ChunkCursor {
  try {
    if (cursor.startsWith(PREFIX)) {
      const bin = atob(cursor.slice(PREFIX.length).replace(/-/g, "+").replace(/_/g, "/"));
      const [at, states] = JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))) as [unknown, unknown];
      const atOk = at === null || (Array.isArray(at) && at.length === 2 && isScalar(at[0]) && typeof at[1] === "string");
      if (atOk && Array.isArray(states) && states.length === chunks && states.every(isState)) {
        return { at: at as ChunkCursor["at"], states: states as ChunkState[] };
      }
    }
  } catch {
    // fall through
  }
  throw ValidationError.single(["cursor"], "not a cursor returned by this query (its long `in` list is read in chunks)", subject);
}

/** The `where` of every chunk query, or `null` when no `in` is longer than the port takes. */
function chunkWheres(where: readonly Where[], subject: string): Where[][] | null {
  const max = LIST_QUERY_LIMITS.maxInValues;
  let combos: Where[][] = [[]];
  let split = false;
  where.forEach((w, i) => {
    const values = w?.op === "in" && Array.isArray(w.value) ? [...new Set(w.value as unknown[])] : null;
    if (!values || values.length <= max) {
      combos = combos.map((c) => [...c, w]);
      return;
    }
    split = true;
    const parts: Where[] = [];
    for (let j = 0; j < values.length; j += max) parts.push({ field: w.field, op: "in", value: values.slice(j, j + max) as Where["value"] });
    if (combos.length * parts.length > MAX_IN_CHUNKS) {
      throw ValidationError.single(
        ["where", i, "value"],
        `\`in\` lists this long take more than ${MAX_IN_CHUNKS} queries of ${max} values; narrow the query`,
        subject,
      );
    }
    combos = combos.flatMap((c) => parts.map((p) => [...c, p]));
  });
  return split ? combos : null;
}

interface Buffer {
  /** The cursor the buffered page was read from. */
  start: ChunkState;
  items: readonly StoredRecord[];
  next: string | null;
  /** Items of `items` handed out. */
  used: number;
}

/**
 * One page of `query` from `store`, splitting `in` operands longer than the port takes into several queries and
 * merging their pages (see the note at the top). A query without such an operand is passed to the store unchanged.
 *
 * @throws {ValidationError} at `["where", i, "value"]` when the long lists need more than {@link MAX_IN_CHUNKS}
 *   queries, and at `["cursor"]` for a cursor not made by this query.
 * @throws {StorageError} `storage-contention` (retryable) when the records kept changing while a page was read.
 * @example
 * ```ts
 * const page = await listInChunks(adapter.store("cost-entry"), { where: [{ field: "projectId", op: "in", value: ids }], limit: 100 }, "cost-entry");
 * ```
 */
export async function listInChunks(store: RecordStore, query: ListQuery, subject: string): Promise<Page<StoredRecord>> {
  const wheres = Array.isArray(query.where) ? chunkWheres(query.where, subject) : null;
  if (!wheres) return store.list(query);
  const field = query.orderBy?.field ?? "id";
  const dir = query.orderBy?.direction === "desc" ? -1 : 1;
  const key = (r: StoredRecord): Scalar => {
    const v = fieldValue(r, field);
    return v === undefined || (v !== null && typeof v === "object") ? null : (v as Scalar);
  };
  const order = (av: Scalar, aid: string, bv: Scalar, bid: string) => dir * (compareScalars(av, bv) || codePointOrder(aid, bid));
  const before = (a: StoredRecord, b: StoredRecord) => order(key(a), a.id, key(b), b.id) < 0;
  const from = query.cursor ? decodeChunkCursor(query.cursor, wheres.length, subject) : { at: null, states: wheres.map((): ChunkState => null) };
  // A chunk not read from yet restarts at its last position, before the page's: what it holds up to there was
  // inserted behind the cursor since — skipped, as one keyset query skips it.
  const behind = (r: StoredRecord) => from.at !== null && order(key(r), r.id, from.at[0], from.at[1]) <= 0;
  const read = (j: number, cursor: ChunkState, limit: number) => store.list({ ...query, where: wheres[j] as Where[], cursor: cursor || null, limit });
  const fill = async (j: number, start: ChunkState): Promise<Buffer> => {
    const page = await read(j, start, query.limit);
    return { start, items: page.items, next: page.nextCursor, used: 0 };
  };

  for (let attempt = 1; attempt <= 5; attempt++) {
    const buffers: (Buffer | null)[] = [];
    for (const [j, start] of from.states.entries()) {
      if (start === 0) buffers.push(null);
      else buffers.push(await fill(j, start));
    }
    const items: StoredRecord[] = [];
    while (items.length < query.limit) {
      let best = -1;
      for (const [j, held] of buffers.entries()) {
        let b = held;
        // A page used up with a cursor (or a short one, which the port allows): read the chunk's next page.
        for (;;) {
          while (b && b.used === b.items.length && b.next !== null) buffers[j] = b = await fill(j, b.next);
          if (!b || b.used === b.items.length || !behind(b.items[b.used] as StoredRecord)) break;
          b.used++;
        }
        if (!b) continue;
        const head = b.items[b.used];
        const bestHead = best >= 0 ? (buffers[best] as Buffer).items[(buffers[best] as Buffer).used] : undefined;
        if (head && (!bestHead || before(head, bestHead))) best = j;
      }
      if (best < 0) break;
      const b = buffers[best] as Buffer;
      items.push(b.items[b.used++] as StoredRecord);
    }
    // Each chunk's position after its last record handed out.
    const states: ChunkState[] = [];
    let stable = true;
    for (const [j, b] of buffers.entries()) {
      if (!b) states.push(0);
      else if (b.used === b.items.length) states.push(b.next ?? 0);
      else if (b.used === 0) states.push(b.start);
      else {
        const again = await read(j, b.start, b.used);
        stable &&= again.items.map((r) => r.id).join("\u0000") === b.items.slice(0, b.used).map((r) => r.id).join("\u0000");
        states.push(again.nextCursor ?? 0);
      }
    }
    if (!stable) continue;
    const last = items[items.length - 1];
    const at: ChunkCursor["at"] = last ? [key(last), last.id] : from.at;
    return { items, nextCursor: states.every((s) => s === 0) ? null : encodeChunkCursor({ at, states }) };
  }
  throw new StorageError("storage-contention", true, subject, "records matching a long `in` list kept changing while a page was read; read it again");
}
