import { F_TRANSITIVE, linkFlags, type Compiled } from "./compiled.js";
import type { TraceStore } from "./store.js";
import { after } from "./times.js";

/*
 * Suspect links. A link records its target's trigger fingerprint when made or reviewed; when the target's trigger
 * fields change, the fingerprints differ and the link is directly suspect (Doorstop's stamp, Jama's trigger fields).
 * Suspicion then flows down the chain: the links into the suspect link's source, through the configured link types
 * and up to the configured depth, are transitively suspect — unless they were reviewed after the change. A retired
 * item (the rules' `inactive` statuses) reopens nothing: a link from or into one is never suspect nor waiting for its
 * first review, and suspicion does not flow through it (Doorstop skips inactive items, DOORS hides soft-deleted ones).
 */

/** Codes kept per link. */
export const LINK_OK = 0;
export const LINK_SUSPECT = 1;
export const LINK_UNREVIEWED = 2;

/** The spread of one changed item: directly suspect links into it and the links suspicion reached below them. */
export interface Spread {
  readonly direct: readonly number[];
  /** Transitively suspect links with their distance (the direct links are distance 1). */
  readonly transitive: ReadonlyMap<number, number>;
  /** Items whose links became suspect (the blast radius). */
  readonly reached: ReadonlySet<number>;
}

export class SuspectState {
  readonly direct: number[] = [];
  readonly spreads = new Map<number, Spread>();
  /** Item → origins whose spread reaches it, so a link edit revisits only the spreads it can change. */
  private readonly reachedBy = new Map<number, Set<number>>();

  constructor(
    private readonly store: TraceStore,
    private readonly c: Compiled,
    /** As-of instant: a review after it has not happened yet. */
    private readonly asOf: string | undefined = undefined,
  ) {}

  /** Whether link `l`'s recorded review lies after the as-of instant (so, as of then, it was never reviewed). */
  private reviewedLater(l: number): boolean {
    // Checked first: without an as-of (the usual run) no link record is read, on a path every link takes.
    return this.asOf !== undefined && after(this.store.links[l]!.link?.reviewedAt, this.asOf);
  }

  /** Whether node `v` exists and is retired by the rules' `inactive` statuses. */
  private retired(v: number): boolean {
    return v >= 0 && this.store.items[v]!.inactive !== undefined;
  }

  directOf(l: number): number {
    const s = this.store;
    const fp = s.linkFp[l] as number;
    if (s.alive[l] !== 1 || fp === -2) return LINK_OK;
    const t = s.to[l] as number;
    if (t < 0) return LINK_OK;
    if (this.retired(t) || this.retired(s.from[l] as number)) return LINK_OK;
    // The fingerprint a later review recorded says nothing about the link as of `asOf`: it needs its review.
    if (fp === -1 || this.reviewedLater(l)) return LINK_UNREVIEWED;
    // As of `asOf`, a trigger change after it has not happened: the link saw the content then (as evidence reads it).
    return fp === s.nodeFp[t] || after(s.items[t]!.triggerChangedAt, this.asOf) ? LINK_OK : LINK_SUSPECT;
  }

  /** Spread from origin `o` (an item with directly suspect links into it), or undefined when it has none. */
  spreadOf(o: number): Spread | undefined {
    const s = this.store;
    let direct: number[] | undefined;
    for (const l of s.inn[o] as number[]) {
      if (this.direct[l] === LINK_SUSPECT) (direct ??= []).push(l);
    }
    if (direct === undefined) return undefined;
    // When its trigger fields last changed: a link reviewed since has seen the change (an edit elsewhere does not count).
    const changedAt = s.items[o]!.triggerChangedAt;
    const lf = linkFlags(s, this.c);
    const depth = this.c.rules.suspects.depth;
    const transitive = new Map<number, number>();
    const reached = new Set<number>();
    const frontier: number[] = [];
    const distOf = new Map<number, number>();
    for (const l of direct) {
      const f = s.from[l] as number;
      reached.add(f);
      // A self-link's source is the origin itself: the links into it are its own direct or unreviewed links, not one further.
      if (f !== o && ((lf[l] as number) & F_TRANSITIVE) !== 0 && !distOf.has(f)) {
        distOf.set(f, 1);
        frontier.push(f);
      }
    }
    for (let i = 0; i < frontier.length; i++) {
      const v = frontier[i] as number;
      const d = distOf.get(v) as number;
      if (d > depth) continue;
      for (const l of s.inn[v] as number[]) {
        if (s.alive[l] !== 1) continue;
        if (((lf[l] as number) & F_TRANSITIVE) === 0) continue;
        const sl = s.links[l] as { link: { reviewedAt?: string; createdAt?: string } | undefined };
        if (sl.link === undefined) continue;
        const f = s.from[l] as number;
        if (f < 0 || f === o || this.retired(f)) continue;
        const reviewed = sl.link.reviewedAt;
        const created = sl.link.createdAt;
        // As of `asOf`, a later review or creation has not happened: it stops nothing.
        const seen = reviewed !== undefined && !after(reviewed, this.asOf) ? reviewed : after(created, this.asOf) ? undefined : created;
        if (changedAt !== undefined && seen !== undefined && seen >= changedAt) continue;
        if (!transitive.has(l)) transitive.set(l, d + 1);
        reached.add(f);
        if (!distOf.has(f)) {
          distOf.set(f, d + 1);
          frontier.push(f);
        }
      }
    }
    return { direct, transitive, reached };
  }

  computeAll(): void {
    const s = this.store;
    const n = s.items.length;
    // Only targets of directly suspect links can be origins: mark them while classifying the links.
    const origin = new Uint8Array(n);
    for (let l = 0; l < s.links.length; l++) {
      const d = this.directOf(l);
      this.direct[l] = d;
      if (d === LINK_SUSPECT) origin[s.to[l] as number] = 1;
    }
    this.spreads.clear();
    this.reachedBy.clear();
    for (let v = 0; v < n; v++) if (origin[v] === 1) this.refreshOrigin(v);
  }

  refreshOrigin(o: number): void {
    const old = this.spreads.get(o);
    if (old) for (const v of old.reached) this.reachedBy.get(v)?.delete(o);
    const sp = this.spreadOf(o);
    if (sp) {
      this.spreads.set(o, sp);
      for (const v of sp.reached) {
        const set = this.reachedBy.get(v);
        if (set) set.add(o);
        else this.reachedBy.set(v, new Set([o]));
      }
    } else this.spreads.delete(o);
  }

  /**
   * Updates after items' trigger fingerprints changed (`changedNodes`) and links were added or removed
   * (`changedLinks`). Returns the origins that had or now have a spread, each recomputed.
   */
  update(changedNodes: Iterable<number>, changedLinks: Iterable<number>): number[] {
    const s = this.store;
    while (this.direct.length < s.links.length) this.direct.push(LINK_OK);
    const origins = new Set<number>();
    for (const v of changedNodes) {
      for (const l of s.inn[v] as number[]) this.direct[l] = this.directOf(l);
      origins.add(v);
    }
    const touched = new Set<number>();
    for (const l of changedLinks) {
      this.direct[l] = this.directOf(l);
      const t = s.to[l] as number;
      const f = s.from[l] as number;
      if (t >= 0) origins.add(t);
      if (t >= 0) touched.add(t);
      if (f >= 0) touched.add(f);
    }
    if (touched.size > 0) {
      // A link edit can open or close a path for any spread that reaches one of its ends.
      for (const v of touched) for (const o of this.reachedBy.get(v) ?? []) origins.add(o);
    }
    const out: number[] = [];
    for (const o of origins) {
      const had = this.spreads.has(o);
      this.refreshOrigin(o);
      if (had || this.spreads.has(o)) out.push(o);
    }
    return out;
  }
}
