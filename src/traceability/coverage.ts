import { needAccepts, type Compiled, type CompiledRule } from "./compiled.js";
import { components, isCyclic, reach, type Successors } from "./scc.js";
import type { TraceStore } from "./store.js";

/*
 * Coverage (OFT's definitions, extended with quorum). Shallow: every need of the item's rule has at least `min`
 * distinct covering items of an accepted type through an accepted link type. Deep: shallow, and every counted
 * covering item deep-covered too, recursively; an item in a cycle of covering links is `cycle`. Items of a type with
 * no rule are covered by definition (they need nothing).
 */

/** Deep coverage codes kept per node. */
export const DEEP_COVERED = 0;
export const DEEP_UNCOVERED = 1;
export const DEEP_CYCLE = 2;
/** Shallow codes: no rule for the item's type. */
export const NO_RULE = -1;

export class CoverageState {
  /** -1 no rule, 0 uncovered, 1 covered. */
  readonly shallow: number[] = [];
  readonly deep: number[] = [];
  /** The rule of each node's type (cached; refreshed when the node changes). */
  private readonly rules: (CompiledRule | undefined)[] = [];
  /** Per link: 1 when it counts for one of its target's needs. */
  private readonly countsFlag: number[] = [];

  constructor(
    private readonly store: TraceStore,
    private readonly c: Compiled,
  ) {}

  ruleOf(v: number): CompiledRule | undefined {
    return this.rules[v];
  }

  private refreshRule(v: number): void {
    this.rules[v] = this.c.byType.get(this.store.items[v]!.type);
  }

  private countsOf(l: number): number {
    const s = this.store;
    const v = s.to[l] as number;
    const f = s.from[l] as number;
    if (s.alive[l] !== 1 || v < 0 || f < 0 || f === v) return 0;
    const rule = this.rules[v];
    if (!rule) return 0;
    const t = s.ltype[l] as number;
    const st = s.items[f]!.type;
    for (const n of rule.needs) if (needAccepts(s, n, t, st)) return 1;
    return 0;
  }

  /** Whether link `l` into `v` counts for one of v's needs. */
  counts(l: number, v: number): boolean {
    return this.countsFlag[l] === 1 && this.store.to[l] === v;
  }

  /** Distinct counted sources per need of v's rule. */
  needCounts(v: number): { counts: number[]; sources: number[][] } | undefined {
    const rule = this.rules[v];
    if (!rule) return undefined;
    const s = this.store;
    const sources: number[][] = rule.needs.map(() => []);
    for (const l of s.inn[v] as number[]) {
      if (this.countsFlag[l] !== 1) continue;
      const f = s.from[l] as number;
      const t = s.ltype[l] as number;
      const st = s.items[f]!.type;
      for (let i = 0; i < rule.needs.length; i++) {
        const list = sources[i] as number[];
        if (needAccepts(s, rule.needs[i]!, t, st) && !list.includes(f)) list.push(f);
      }
    }
    return { counts: sources.map((x) => x.length), sources };
  }

  shallowOf(v: number): number {
    const rule = this.rules[v];
    if (!rule) return NO_RULE;
    const nc = this.needCounts(v) as { counts: number[] };
    return rule.needs.every((n, i) => (nc.counts[i] as number) >= n.min) ? 1 : 0;
  }

  private deps(): Successors {
    const s = this.store;
    return { edges: (v) => s.inn[v] as number[], next: (l) => (this.countsFlag[l] === 1 ? (s.from[l] as number) : -1) };
  }

  private dependents(): Successors {
    const s = this.store;
    return { edges: (v) => s.out[v] as number[], next: (l) => (this.countsFlag[l] === 1 ? (s.to[l] as number) : -1) };
  }

  /** Full computation. */
  computeAll(): void {
    const n = this.store.items.length;
    for (let v = 0; v < n; v++) this.refreshRule(v);
    for (let l = 0; l < this.store.links.length; l++) this.countsFlag[l] = this.countsOf(l);
    for (let v = 0; v < n; v++) this.shallow[v] = this.shallowOf(v);
    const all = Array.from({ length: n }, (_, i) => i);
    this.fold(all, undefined);
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
      const was = this.countsFlag[l];
      this.countsFlag[l] = this.countsOf(l);
      // A link that stops counting changes its (old) target's needs too; a removed link keeps its ends in `to`.
      if (was !== this.countsFlag[l] && (this.store.to[l] as number) >= 0) dirty.add(this.store.to[l] as number);
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
    const inRegion = new Uint8Array(n);
    for (const v of region) inRegion[v] = 1;
    this.fold(region, (v) => inRegion[v] === 1);
    region.forEach((v, i) => {
      if (this.deep[v] !== before[i]) changed.add(v);
    });
    return [...changed];
  }

  private fold(starts: readonly number[], allowed: ((v: number) => boolean) | undefined): void {
    const n = this.store.items.length;
    const deps = this.deps();
    const { members } = components(n, starts, deps, allowed);
    for (const comp of members) {
      const cyclic = isCyclic(comp, deps);
      const inComp = comp.length > 1 ? new Set(comp) : undefined;
      for (const v of comp) {
        if (this.shallow[v] === NO_RULE) {
          this.deep[v] = DEEP_COVERED;
          continue;
        }
        if (this.shallow[v] === 0) {
          this.deep[v] = DEEP_UNCOVERED;
          continue;
        }
        if (cyclic) {
          this.deep[v] = DEEP_CYCLE;
          continue;
        }
        let worst = DEEP_COVERED;
        for (const l of this.store.inn[v] as number[]) {
          const w = deps.next(l, v);
          if (w < 0 || inComp?.has(w)) continue;
          const d = this.deep[w] as number;
          if (d === DEEP_UNCOVERED) {
            worst = DEEP_UNCOVERED;
            break;
          }
          if (d === DEEP_CYCLE) worst = DEEP_CYCLE;
        }
        this.deep[v] = worst;
      }
    }
  }
}
