import type { Instant } from "../core/index.js";
import { cmp } from "./order.js";
import { DEFAULT_FINGERPRINT_FIELDS, fingerprintOfFields } from "./fingerprint.js";
import { linkTypeRegistry, type LinkTypeRegistry } from "./link-types.js";
import type { TraceRules } from "./rules.js";
import { DEFAULT_INACTIVE_STATUSES, DEFAULT_INACTIVE_TAGS } from "./rules-schema.js";
import type { TraceEntity, TraceItem, TraceItemKind, TraceLinkInput } from "./types.js";

/*
 * The mutable graph behind every analysis (internal). Items and links get integer indices once; adjacency lists hold
 * link indices, so every traversal compares integers. A removed link is marked dead and skipped, which keeps link
 * indices stable for the incremental analysis. A link whose end is missing waits in `pending` under the missing key
 * and is wired up if that item appears later.
 */

/** A link as stored: the trace link, or a link derived from a run or defect. Keys are built only when asked for. */
export class StoredLink {
  constructor(
    readonly id: string,
    readonly fromKind: string,
    readonly fromId: string,
    readonly toKind: string,
    readonly toId: string,
    readonly type: number,
    readonly link: TraceLinkInput | undefined,
  ) {}
  get fromKey(): string {
    return `${this.fromKind}:${this.fromId}`;
  }
  get toKey(): string {
    return `${this.toKind}:${this.toId}`;
  }
}

/** What changed when an item was stored. */
export interface ItemChange {
  readonly node: number;
  readonly added: boolean;
  readonly typeChanged: boolean;
  readonly triggerChanged: boolean;
}

export class TraceStore {
  readonly reg: LinkTypeRegistry;
  readonly items: TraceItem[] = [];
  readonly index = new Map<string, number>();
  /** Per kind, id → node: links resolve through these without building `kind:id` strings. */
  readonly byKind = new Map<string, Map<string, number>>();
  /** Keys given more than once in the input, with the input position (`["requirements", 3]`) of every copy. */
  readonly duplicateItems = new Map<string, (readonly [string, number])[]>();
  /** Duplicated keys whose item an edit has replaced since the build (no copy of the input is the one used then). */
  readonly editedDuplicates = new Set<string>();
  readonly links: StoredLink[] = [];
  readonly from: number[] = [];
  readonly to: number[] = [];
  readonly alive: number[] = [];
  /** Link id → its live link index, or the indices when an id is used more than once. */
  readonly linkIndex = new Map<string, number | number[]>();
  /** Link type per link (flat, for the hot loops). */
  readonly ltype: number[] = [];
  readonly out: number[][] = [];
  readonly inn: number[][] = [];
  readonly pending = new Map<string, number[]>();
  readonly implicitOf = new Map<number, number[]>();
  /**
   * Fingerprints as small integers, so the per-link suspect check compares numbers rather than 64-digit strings:
   * per link the recorded target fingerprint (-1 none recorded, -2 a derived link without one), per node its trigger
   * fingerprint.
   */
  readonly linkFp: number[] = [];
  readonly nodeFp: number[] = [];
  /**
   * Per link the `targetRevision` it pins, per node its item's `revision` (undefined where not a number): the
   * revision check runs for every evidence and coverage link, and reading them off the varied entity shapes was slow.
   */
  readonly linkRev: (number | undefined)[] = [];
  readonly nodeRev: (number | undefined)[] = [];
  private readonly fpIds = new Map<string, number>();
  /** Contents seen, by trigger fingerprint, so a suspect link can show what changed since it was reviewed. */
  readonly history = new Map<string, Readonly<Record<string, unknown>>>();

  constructor(readonly rules: TraceRules) {
    this.reg = linkTypeRegistry(rules.linkTypes.map((d) => ({ ...d, implicit: false })));
  }

  fingerprintFields(kind: TraceItemKind): readonly string[] {
    return this.rules.fingerprintFields?.[kind] ?? DEFAULT_FINGERPRINT_FIELDS[kind];
  }

  triggerFields(kind: TraceItemKind): readonly string[] {
    return this.rules.triggerFields?.[kind] ?? this.fingerprintFields(kind);
  }

  /**
   * Adds or replaces an item. `changedAt` is when its content changed: kept as the item's `changedAt` while neither its
   * fingerprint nor its revision moves, as its `fingerprintChangedAt` while its fingerprint does not, and as its
   * `triggerChangedAt` while its trigger fingerprint does not; a new
   * item takes `triggerAt` (default `changedAt`) as its trigger time, and as its fingerprint time too when its trigger
   * fields are its fingerprinted ones.
   */
  upsert(kind: TraceItemKind, entity: TraceEntity, changedAt: string | undefined, isBuild: boolean, triggerAt = changedAt): ItemChange {
    const key = `${kind}:${entity.id}`;
    const existing = this.index.get(key);
    if (!isBuild && this.duplicateItems.has(key)) this.editedDuplicates.add(key);
    if (existing !== undefined && isBuild) {
      return { node: existing, added: false, typeChanged: false, triggerChanged: false };
    }
    const ff = this.fingerprintFields(kind);
    const tf = this.triggerFields(kind);
    const fingerprint = fingerprintOfFields(entity, ff);
    const triggerFingerprint = tf === ff ? fingerprint : fingerprintOfFields(entity, tf);
    const previous = existing === undefined ? undefined : this.items[existing];
    const fpChanged = previous !== undefined && previous.fingerprint !== fingerprint;
    // A raised revision is a declared change of meaning (OFT), even when no fingerprinted field moved.
    const at = previous !== undefined && !fpChanged && previous.entity.revision === entity.revision ? previous.changedAt : changedAt;
    // Each its own time: a title edit outside the trigger fields does not date the last trigger change, nor the reverse.
    const triggerChanged = previous !== undefined && previous.triggerFingerprint !== triggerFingerprint;
    const item: TraceItem = {
      kind,
      id: entity.id,
      key,
      type: typeOf(kind, entity, this.rules.typeFields),
      ...inactiveOf(kind, entity, this.rules),
      entity,
      fingerprint,
      triggerFingerprint,
      changedAt: at as Instant | undefined,
      triggerChangedAt: (previous === undefined ? triggerAt : triggerChanged ? changedAt : previous.triggerChangedAt) as Instant | undefined,
      // What acknowledgements pin: a raised revision alone does not move it. New: the trigger time where the trigger
      // fields are the fingerprinted ones (the same content), else `changedAt` (an upper bound).
      fingerprintChangedAt: (previous === undefined ? (tf === ff ? triggerAt : changedAt) : fpChanged ? changedAt : previous.fingerprintChangedAt) as Instant | undefined,
    };
    this.history.set(triggerFingerprint, entity);
    const fpId = this.fpId(triggerFingerprint);
    let node: number;
    if (existing === undefined) {
      node = this.items.length;
      this.items.push(item);
      this.nodeFp.push(fpId);
      this.nodeRev.push(revisionOf(entity.revision));
      this.index.set(key, node);
      let ids = this.byKind.get(kind);
      if (!ids) this.byKind.set(kind, (ids = new Map()));
      ids.set(entity.id, node);
      this.out.push([]);
      this.inn.push([]);
      const waiting = this.pending.get(key);
      if (waiting) {
        this.pending.delete(key);
        for (const l of waiting) this.wire(l);
      }
    } else {
      node = existing;
      this.items[node] = item;
      this.nodeFp[node] = fpId;
      this.nodeRev[node] = revisionOf(entity.revision);
    }
    this.replaceImplicit(node, item);
    return {
      node,
      added: existing === undefined,
      // Retiring an item (or bringing it back) changes what its links mean as much as a new type does.
      typeChanged: previous !== undefined && (previous.type !== item.type || previous.inactive !== item.inactive),
      triggerChanged,
    };
  }

  /** Adds a link and returns its index. */
  addLink(id: string, fromKind: string, fromId: string, toKind: string, toId: string, typeName: string, link: TraceLinkInput | undefined): number {
    const l = this.links.length;
    const type = this.reg.resolve(typeName);
    this.links.push(new StoredLink(id, fromKind, fromId, toKind, toId, type, link));
    this.ltype.push(type);
    const fp = link?.targetFingerprint;
    this.linkFp.push(link === undefined ? -2 : fp === undefined ? -1 : this.fpId(fp));
    this.linkRev.push(revisionOf(link?.targetRevision));
    this.from.push(-1);
    this.to.push(-1);
    this.alive.push(1);
    const same = this.linkIndex.get(id);
    if (same === undefined) this.linkIndex.set(id, l);
    else if (typeof same === "number") this.linkIndex.set(id, [same, l]);
    else same.push(l);
    this.wire(l);
    return l;
  }

  private fpId(fp: string): number {
    let id = this.fpIds.get(fp);
    if (id === undefined) this.fpIds.set(fp, (id = this.fpIds.size));
    return id;
  }

  /** Nodes in key order, kept until items are added (keys never change). */
  keyOrder(): number[] {
    if (this.order && this.order.length === this.items.length) return this.order;
    const keys = this.items.map((i) => i.key);
    this.order = Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => cmp(keys[a] as string, keys[b] as string));
    return this.order;
  }

  private order: number[] | undefined;

  /** Node of an item, by kind and id. */
  nodeOf(kind: string, id: string): number | undefined {
    return this.byKind.get(kind)?.get(id);
  }

  /** Marks a link dead and unhooks it. */
  removeLink(l: number): void {
    if (this.alive[l] !== 1) return;
    this.alive[l] = 0;
    const s = this.links[l] as StoredLink;
    const f = this.from[l] as number;
    const t = this.to[l] as number;
    if (f >= 0 && t >= 0) {
      remove(this.out[f] as number[], l);
      remove(this.inn[t] as number[], l);
    } else {
      for (const k of [s.fromKey, s.toKey]) {
        const w = this.pending.get(k);
        if (w) {
          remove(w, l);
          if (w.length === 0) this.pending.delete(k);
        }
      }
    }
    const same = this.linkIndex.get(s.id);
    if (same === l) this.linkIndex.delete(s.id);
    else if (Array.isArray(same)) {
      remove(same, l);
      if (same.length === 1) this.linkIndex.set(s.id, same[0] as number);
    }
  }

  /** Live link indices with this id. */
  liveLinks(id: string): readonly number[] {
    const same = this.linkIndex.get(id);
    return same === undefined ? [] : typeof same === "number" ? [same] : [...same];
  }

  private wire(l: number): void {
    const s = this.links[l] as StoredLink;
    const f = this.nodeOf(s.fromKind, s.fromId);
    const t = this.nodeOf(s.toKind, s.toId);
    if (f === undefined || t === undefined) {
      const missing = f === undefined ? s.fromKey : s.toKey;
      const w = this.pending.get(missing);
      if (w) {
        if (!w.includes(l)) w.push(l);
      } else this.pending.set(missing, [l]);
      return;
    }
    this.from[l] = f;
    this.to[l] = t;
    (this.out[f] as number[]).push(l);
    (this.inn[t] as number[]).push(l);
  }

  private replaceImplicit(node: number, item: TraceItem): void {
    for (const l of this.implicitOf.get(node) ?? []) this.removeLink(l);
    const made: number[] = [];
    const e = item.entity;
    if (item.kind === "test-run" && typeof e.testCaseId === "string") {
      made.push(this.addLink(`~executes:${item.id}`, item.kind, item.id, "test-case", e.testCaseId, "executes", undefined));
    }
    if (item.kind === "defect") {
      // requirementIds are checked where they enter: a list of ids, each once, or absent.
      for (const r of (e.requirementIds ?? []) as string[]) made.push(this.addLink(`~affects:${item.id}:${r}`, item.kind, item.id, "requirement", r, "affects", undefined));
      if (typeof e.foundInRunId === "string") {
        made.push(this.addLink(`~found-in:${item.id}`, item.kind, item.id, "test-run", e.foundInRunId, "found-in", undefined));
      }
    }
    if (made.length > 0) this.implicitOf.set(node, made);
    else this.implicitOf.delete(node);
  }
}

function remove(list: number[], value: number): void {
  const i = list.indexOf(value);
  if (i >= 0) {
    list[i] = list[list.length - 1] as number;
    list.pop();
  }
}

/**
 * `{ inactive: status }` when the entity's status retires it under the rules' `inactive` statuses, else
 * `{ inactive: tag }` for its first tag among the rules' `inactiveTags`, else `{}`.
 */
function inactiveOf(kind: TraceItemKind, e: TraceEntity, rules: Pick<TraceRules, "inactive" | "inactiveTags">): { inactive?: string } {
  if (kind !== "requirement" && kind !== "test-case") return {};
  const statuses: readonly string[] = rules.inactive[kind] ?? DEFAULT_INACTIVE_STATUSES[kind];
  if (typeof e.status === "string" && statuses.includes(e.status)) return { inactive: e.status };
  const retiring: readonly string[] = rules.inactiveTags[kind] ?? DEFAULT_INACTIVE_TAGS[kind];
  const tag = Array.isArray(e.tags) ? (e.tags as unknown[]).find((x): x is string => typeof x === "string" && retiring.includes(x)) : undefined;
  return tag === undefined ? {} : { inactive: tag };
}

function typeOf(kind: TraceItemKind, e: TraceEntity, fields: TraceRules["typeFields"]): string {
  // The input checks (typeFieldIssue) have refused a type field's value or a built-in type no rule can know.
  const field = (fields as Record<string, string | undefined>)[kind];
  return ((field && Object.hasOwn(e, field) && e[field]) || (kind == "requirement" ? e.type : kind == "artifact" ? e.artifactType : kind)) as string;
}

/** A revision as the revision check reads it: a number, or undefined. */
const revisionOf = (r: unknown): number | undefined => (typeof r === "number" ? r : undefined);
