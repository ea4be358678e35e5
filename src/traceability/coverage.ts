import { needAccepts, type Compiled, type CompiledRule } from "./compiled.js";
import { pinsOtherRevision } from "./revisions.js";
import { components, membersOf, reach, type Successors } from "./scc.js";
import type { TraceStore } from "./store.js";

/*
 * Coverage (OFT's definitions, extended with quorum). Shallow: every need of the item's rule has at least `min`
 * distinct covering items of an accepted type through an accepted link type. Deep: shallow, and every counted
 * covering item deep-covered too, recursively; an item in a cycle of covering links is `cycle`. Items of a type with
 * no rule are covered by definition (they need nothing). A link pinning another revision than its target's covers
 * nothing (OFT's outdated and predated links). An inactive item (the rules' `inactive` statuses) has no rule and
 * covers nothing.
 */

/** Deep coverage codes kept per node. */
export const DEEP_COVERED = 0;
export const DEEP_UNCOVERED = 1;
export const DEEP_CYCLE = 2;
/** Deep coverage names by code. */
export const DEEP = ["covered", "uncovered", "cycle"] as const;
/** Shallow codes: no rule for the item's type. */
export const NO_RULE = -1;

/** Needs from this index on share the last mask bit and are re-checked one by one (rules allow up to 50 needs). */
const OVERFLOW = 30;

export class CoverageState {
  /** -1 no rule, 0 uncovered, 1 covered. */
  readonly shallow: number[] = [];
  readonly deep: number[] = [];
  /** The rule of each node's type (cached; refreshed when the node changes). */
  private readonly rules: (CompiledRule | undefined)[] = [];
  /** Per link: bit i set when it counts for need i of its target's rule (0 = it counts for nothing). */
  private readonly needMask: number[] = [];
  /** Scratch marks for counting distinct sources without allocating (one stamp per node and need). */
  private seen = new Int32Array(0);
  private stamp = 0;

  constructor(
    private readonly store: TraceStore,
    private readonly c: Compiled,
  ) {}

  ruleOf(v: number): CompiledRule | undefined {
    return this.rules[v];
  }

  private refreshRule(v: number): void {
    // An inactive item (rejected, obsolete…) needs nothing: no rule, so no gap and no place in its level.
    const item = this.store.items[v]!;
    this.rules[v] = item.inactive === undefined ? this.c.byType.get(item.type) : undefined;
  }

  /** Bit mask of the needs of the target's rule that link `l` counts for. */
  private maskOf(l: number): number {
    const s = this.store;
    const v = s.to[l] as number;
    const f = s.from[l] as number;
    if (s.alive[l] !== 1 || v < 0 || f < 0 || f === v) return 0;
    // An inactive source covers nothing (a rejected requirement does not realise its parent).
    if (s.items[f]!.inactive !== undefined) return 0;
    const rule = this.rules[v];
    if (!rule || pinsOtherRevision(s, l)) return 0;
    return acceptMask(s, rule, s.ltype[l] as number, s.items[f]!.type);
  }

  /** Whether link `l` into `v` counts for one of v's needs. */
  counts(l: number, v: number): boolean {
    return this.needMask[l] !== 0 && this.store.to[l] === v;
  }

  /** Bit mask of the needs link `l` counts for (0 when none). */
  maskOfLink(l: number): number {
    return this.needMask[l] ?? 0;
  }

  private nextStamp(): number {
    const n = this.store.items.length;
    if (this.seen.length < n) {
      const grown = new Int32Array(Math.max(n, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    if (this.stamp >= 0x7ffffff0) {
      this.seen.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Number of distinct counted sources for need `i` of v's rule. */
  countOf(v: number, i: number): number {
    const s = this.store;
    const inn = s.inn[v] as number[];
    const bit = i < OVERFLOW ? 1 << i : 1 << OVERFLOW;
    const need = i < OVERFLOW ? undefined : this.rules[v]!.needs[i]!;
    const mask = this.needMask;
    const from = s.from;
    const seen = this.seen;
    const st = this.nextStamp();
    let count = 0;
    for (let k = 0; k < inn.length; k++) {
      const l = inn[k] as number;
      if (((mask[l] as number) & bit) === 0) continue;
      const f = from[l] as number;
      if (need && !needAccepts(s, need, s.ltype[l] as number, s.items[f]!.type)) continue;
      if (seen[f] !== st) {
        seen[f] = st;
        count++;
      }
    }
    return count;
  }

  /** Distinct counted sources of need `i` of v's rule, in the order their first link arrived. */
  sourcesOf(v: number, i: number): number[] {
    const s = this.store;
    const inn = s.inn[v] as number[];
    const bit = i < OVERFLOW ? 1 << i : 1 << OVERFLOW;
    const need = i < OVERFLOW ? undefined : this.rules[v]!.needs[i]!;
    const out: number[] = [];
    const st = this.nextStamp();
    for (const l of inn) {
      if (((this.needMask[l] as number) & bit) === 0) continue;
      const f = s.from[l] as number;
      if (need && !needAccepts(s, need, s.ltype[l] as number, s.items[f]!.type)) continue;
      if (this.seen[f] !== st) {
        this.seen[f] = st;
        out.push(f);
      }
    }
    return out;
  }

  /** Distinct counted sources per need of v's rule. */
  needCounts(v: number): { counts: number[]; sources: number[][] } | undefined {
    const rule = this.rules[v];
    if (!rule) return undefined;
    const sources = rule.needs.map((_, i) => this.sourcesOf(v, i));
    return { counts: sources.map((x) => x.length), sources };
  }

  shallowOf(v: number): number {
    const rule = this.rules[v];
    if (!rule) return NO_RULE;
    const needs = rule.needs;
    for (let i = 0; i < needs.length; i++) if (this.countOf(v, i) < needs[i]!.min) return 0;
    return 1;
  }

  private deps(): Successors {
    const s = this.store;
    const mask = this.needMask;
    const from = s.from;
    return { adj: s.inn, next: (l) => (mask[l] !== 0 ? (from[l] as number) : -1) };
  }

  private dependents(): Successors {
    const s = this.store;
    return { adj: s.out, next: (l) => (this.needMask[l] !== 0 ? (s.to[l] as number) : -1) };
  }

  /** Full computation. */
  computeAll(): void {
    const n = this.store.items.length;
    for (let v = 0; v < n; v++) this.refreshRule(v);
    const m = this.store.links.length;
    for (let l = 0; l < m; l++) this.needMask[l] = this.maskOf(l);
    this.nextStamp();
    for (let v = 0; v < n; v++) this.shallow[v] = this.shallowOf(v);
    this.fold(null, false);
  }

  /**
   * Recomputes after `dirty` nodes changed their incoming links or type (or were added) and `links` were added,
   * removed or had an end change type. Returns the nodes whose shallow or deep status changed.
   */
  update(dirty: Set<number>, links: Iterable<number>): number[] {
    const n = this.store.items.length;
    while (this.shallow.length < n) {
      this.shallow.push(NO_RULE);
      this.deep.push(DEEP_COVERED);
    }
    for (const v of dirty) this.refreshRule(v);
    for (const l of links) {
      const was = this.needMask[l];
      this.needMask[l] = this.maskOf(l);
      // A link that stops counting changes its (old) target's needs too; a removed link keeps its ends in `to`.
      if (was !== this.needMask[l] && (this.store.to[l] as number) >= 0) dirty.add(this.store.to[l] as number);
    }
    const changed = new Set<number>();
    const seeds: number[] = [];
    for (const v of dirty) {
      if (v >= n) continue;
      const sh = this.shallowOf(v);
      if (sh !== this.shallow[v]) changed.add(v);
      this.shallow[v] = sh;
      seeds.push(v);
    }
    const region = reach(n, seeds, this.dependents()).nodes;
    const before = region.map((v) => this.deep[v]);
    this.fold(region, true);
    region.forEach((v, i) => {
      if (this.deep[v] !== before[i]) changed.add(v);
    });
    return [...changed];
  }

  /** Folds deep status bottom-up over the components reached from `starts` (every node when null). */
  private fold(starts: readonly number[] | null, confine: boolean): void {
    const s = this.store;
    const n = s.items.length;
    const deps = this.deps();
    const cs = components(n, starts, deps, confine);
    const mask = this.needMask;
    const from = s.from;
    const deep = this.deep;
    const shallow = this.shallow;
    for (let ci = 0; ci < cs.count; ci++) {
      const comp = membersOf(cs, ci);
      // A self-link counts for nothing (maskOf), so only a component of several nodes is a loop.
      const cyclic = comp.length > 1;
      // OFT ranks CYCLE worst: an item in a loop of counted covering links, or depending on one, is `cycle` even
      // when it is not shallow-covered itself (issue 12 #1); otherwise uncovered beats covered.
      for (let k = 0; k < comp.length; k++) {
        const v = comp[k] as number;
        if (shallow[v] === NO_RULE) {
          deep[v] = DEEP_COVERED;
          continue;
        }
        if (cyclic) {
          deep[v] = DEEP_CYCLE;
          continue;
        }
        let worst = shallow[v] === 0 ? DEEP_UNCOVERED : DEEP_COVERED;
        const inn = s.inn[v] as number[];
        for (let j = 0; j < inn.length; j++) {
          const l = inn[j] as number;
          if (mask[l] === 0) continue;
          const w = from[l] as number;
          const d = deep[w] as number;
          if (d === DEEP_CYCLE) {
            worst = DEEP_CYCLE;
            break;
          }
          if (d === DEEP_UNCOVERED) worst = DEEP_UNCOVERED;
        }
        deep[v] = worst;
      }
    }
  }
}

/** Bit mask of the needs of `rule` that accept a link of type `type` from an item of type `sourceType`. */
export function acceptMask(store: TraceStore, rule: CompiledRule, type: number, sourceType: string): number {
  let m = 0;
  const needs = rule.needs;
  for (let i = 0; i < needs.length; i++) if (needAccepts(store, needs[i]!, type, sourceType)) m |= 1 << Math.min(i, OVERFLOW);
  return m;
}
