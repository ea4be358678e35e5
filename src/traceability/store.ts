import type { Instant } from "../core/index.js";
import { DEFAULT_FINGERPRINT_FIELDS, fingerprintOf } from "./fingerprint.js";
import { createLinkTypeRegistry, type LinkTypeRegistry } from "./link-types.js";
import type { TraceRules } from "./rules.js";
import type { TraceEntity, TraceItem, TraceItemKind, TraceLinkInput } from "./types.js";

/*
 * The mutable graph behind every analysis (internal). Items and links get integer indices once; adjacency lists hold
 * link indices, so every traversal compares integers. A removed link is marked dead and skipped, which keeps link
 * indices stable for the incremental analysis. A link whose end is missing waits in `pending` under the missing key
 * and is wired up if that item appears later.
 */

/** A link as stored: the trace link, or a link derived from a run or defect. */
export interface StoredLink {
  readonly id: string;
  readonly fromKey: string;
  readonly toKey: string;
  readonly type: number;
  readonly link: TraceLinkInput | undefined;
}

/** What changed when an item was stored. */
export interface ItemChange {
  readonly node: number;
  readonly added: boolean;
  readonly typeChanged: boolean;
  readonly fingerprintChanged: boolean;
  readonly triggerChanged: boolean;
  readonly previous: TraceItem | undefined;
}

export class TraceStore {
  readonly reg: LinkTypeRegistry;
  readonly items: TraceItem[] = [];
  readonly index = new Map<string, number>();
  /** Keys given more than once in the input, with how many extra copies were ignored. */
  readonly duplicateItems = new Map<string, number>();
  readonly links: StoredLink[] = [];
  readonly from: number[] = [];
  readonly to: number[] = [];
  readonly alive: number[] = [];
  readonly linkIndex = new Map<string, number[]>();
  readonly out: number[][] = [];
  readonly inn: number[][] = [];
  readonly pending = new Map<string, number[]>();
  readonly implicitOf = new Map<number, number[]>();
  /** Contents seen, by trigger fingerprint, so a suspect link can show what changed since it was reviewed. */
  readonly history = new Map<string, Readonly<Record<string, unknown>>>();

  constructor(readonly rules: TraceRules) {
    this.reg = createLinkTypeRegistry(rules.linkTypes.map((d) => ({ ...d, implicit: false })));
  }

  fingerprintFields(kind: TraceItemKind): readonly string[] {
    return this.rules.fingerprintFields?.[kind] ?? DEFAULT_FINGERPRINT_FIELDS[kind];
  }

  triggerFields(kind: TraceItemKind): readonly string[] {
    return this.rules.triggerFields?.[kind] ?? this.fingerprintFields(kind);
  }

  /** Adds or replaces an item; `changedAt` is when its content changed (kept when the fingerprint does not move). */
  upsert(kind: TraceItemKind, entity: TraceEntity, changedAt: string | undefined, isBuild: boolean): ItemChange {
    const key = `${kind}:${entity.id}`;
    const existing = this.index.get(key);
    if (existing !== undefined && isBuild) {
      this.duplicateItems.set(key, (this.duplicateItems.get(key) ?? 0) + 1);
      return { node: existing, added: false, typeChanged: false, fingerprintChanged: false, triggerChanged: false, previous: undefined };
    }
    const ff = this.fingerprintFields(kind);
    const tf = this.triggerFields(kind);
    const fingerprint = fingerprintOf(entity, ff);
    const triggerFingerprint = tf === ff ? fingerprint : fingerprintOf(entity, tf);
    const previous = existing === undefined ? undefined : this.items[existing];
    const fpChanged = previous !== undefined && previous.fingerprint !== fingerprint;
    const at = previous !== undefined && !fpChanged && previous.triggerFingerprint === triggerFingerprint ? previous.changedAt : changedAt;
    const item: TraceItem = {
      kind,
      id: entity.id,
      key,
      type: typeOf(kind, entity),
      entity,
      fingerprint,
      triggerFingerprint,
      changedAt: at as Instant | undefined,
    };
    this.history.set(triggerFingerprint, entity);
    let node: number;
    if (existing === undefined) {
      node = this.items.length;
      this.items.push(item);
      this.index.set(key, node);
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
    }
    this.replaceImplicit(node, item);
    return {
      node,
      added: existing === undefined,
      typeChanged: previous !== undefined && previous.type !== item.type,
      fingerprintChanged: fpChanged,
      triggerChanged: previous !== undefined && previous.triggerFingerprint !== triggerFingerprint,
      previous,
    };
  }

  /** Adds a link and returns its index. */
  addLink(id: string, fromKey: string, toKey: string, typeName: string, link: TraceLinkInput | undefined): number {
    const l = this.links.length;
    this.links.push({ id, fromKey, toKey, type: this.reg.resolve(typeName), link });
    this.from.push(-1);
    this.to.push(-1);
    this.alive.push(1);
    const same = this.linkIndex.get(id);
    if (same) same.push(l);
    else this.linkIndex.set(id, [l]);
    this.wire(l);
    return l;
  }

  /** Marks a link dead and unhooks it. */
  removeLink(l: number): void {
    if (this.alive[l] !== 1) return;
    this.alive[l] = 0;
    const s = this.links[l] as StoredLink;
    const f = this.from[l] as number;
    const t = this.to[l] as number;
    if (f >= 0) remove(this.out[f] as number[], l);
    if (t >= 0) remove(this.inn[t] as number[], l);
    for (const k of [s.fromKey, s.toKey]) {
      const w = this.pending.get(k);
      if (w) remove(w, l);
    }
    const same = this.linkIndex.get(s.id);
    if (same) {
      remove(same, l);
      if (same.length === 0) this.linkIndex.delete(s.id);
    }
  }

  /** Live link indices with this id. */
  liveLinks(id: string): readonly number[] {
    return this.linkIndex.get(id) ?? [];
  }

  private wire(l: number): void {
    const s = this.links[l] as StoredLink;
    const f = this.index.get(s.fromKey);
    const t = this.index.get(s.toKey);
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
      made.push(this.addLink(`~executes:${item.id}`, item.key, `test-case:${e.testCaseId}`, "executes", undefined));
    }
    if (item.kind === "defect") {
      if (Array.isArray(e.requirementIds)) {
        for (const r of e.requirementIds as unknown[]) {
          if (typeof r === "string") made.push(this.addLink(`~affects:${item.id}:${r}`, item.key, `requirement:${r}`, "affects", undefined));
        }
      }
      if (typeof e.foundInRunId === "string") {
        made.push(this.addLink(`~found-in:${item.id}`, item.key, `test-run:${e.foundInRunId}`, "found-in", undefined));
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

function typeOf(kind: TraceItemKind, e: TraceEntity): string {
  if (kind === "requirement") return typeof e.type === "string" ? e.type : "requirement";
  if (kind === "artifact") return typeof e.artifactType === "string" ? e.artifactType : "artifact";
  return kind;
}
