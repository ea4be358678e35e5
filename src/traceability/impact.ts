import { ValidationError, checkArguments, checkOptionKeys } from "../core/index.js";
import { requireTraceGraph } from "./guards.js";
import type { TraceGraph } from "./graph.js";

/*
 * Impact analysis: from changed items, everything upstream (what they trace to: parents, the requirements a test
 * verifies) and downstream (what traces to them: children, implementations, tests), within chosen link types and up
 * to a depth, breadth first so each item is reported at its shortest distance. Each walk keeps its direction: "both"
 * never turns round at a parent to its other children.
 */

/** Options of {@link impactOf}. */
export interface ImpactOptions {
  /** Link types followed (default: every type but the implicit run/defect links). */
  readonly linkTypes?: readonly string[];
  /**
   * `downstream` follows links backwards (to what traces to the item), `upstream` forwards, `both` (the default) is
   * the two walks together — never a turn from one direction into the other, which would reach a parent's other
   * children and everything below them.
   */
  readonly direction?: "upstream" | "downstream" | "both";
  /** Maximum distance (default unlimited). */
  readonly maxDepth?: number;
}
const IMPACT_OPTION_KEYS = { linkTypes: 1, direction: 1, maxDepth: 1 } satisfies Record<keyof ImpactOptions, 1>;

/** One impacted item. */
export interface ImpactedItem {
  /** `kind:id`. */
  readonly item: string;
  /** Its type. */
  readonly type: string;
  /** Links from the nearest changed item. */
  readonly distance: number;
  /** Whether it was reached going upstream or downstream. */
  readonly direction: "upstream" | "downstream";
  /**
   * The link that reached it, read from the reached item's side (`verified by`, `derives`). When several links reach
   * it at the same distance, the one with the smallest link id names it (upstream before downstream for one id).
   */
  readonly via: string;
  /** When the item is retired (the rules' `inactive`): the status that retires it. The walk does not go past it. */
  readonly inactive?: string;
}

/** Result of {@link impactOf}. */
export interface ImpactResult {
  /** The changed items found in the graph. */
  readonly roots: readonly string[];
  /** Changed items not in the graph. */
  readonly unknown: readonly string[];
  /** Every impacted item (roots excluded), by distance then key. */
  readonly items: readonly ImpactedItem[];
  /** The same, grouped by item type. */
  readonly byType: Readonly<Record<string, readonly ImpactedItem[]>>;
  /** The same, grouped by distance (index 0 = distance 1). */
  readonly byDistance: readonly (readonly ImpactedItem[])[];
}

/**
 * Everything the change of `changed` items can touch, within the chosen link types and depth.
 *
 * @throws {ValidationError} for a negative or fractional depth, an unknown direction, or a link type the graph does
 *   not know (path `["linkTypes", i]`) — a typo would otherwise follow nothing and report nothing impacted.
 * @example
 * ```ts
 * const impact = impactOf(graph, ["requirement:SR-002"], { direction: "downstream", linkTypes: ["refines", "verifies", "implements"] });
 * impact.byType["test-case"]; // tests that verify SR-002's functional requirements
 * ```
 */
export function impactOf(graph: TraceGraph, changed: readonly string[], options: ImpactOptions = {}): ImpactResult {
  requireTraceGraph(graph, "impactOf");
  checkArguments("impactOf", { changed: [changed, "array"], options: [options, "object"] });
  checkOptionKeys("impactOf", options, IMPACT_OPTION_KEYS);
  const maxDepth = options.maxDepth ?? Infinity;
  if (maxDepth !== Infinity && (!Number.isInteger(maxDepth) || maxDepth < 0)) throw ValidationError.single(["maxDepth"], "a depth is a whole number ≥ 0", "impact options");
  const s = graph.store;
  const dir = options.direction ?? "both";
  if (dir !== "upstream" && dir !== "downstream" && dir !== "both") {
    throw ValidationError.single(["direction"], `a direction is "upstream", "downstream" or "both", not ${JSON.stringify(dir)}`, "impact options");
  }
  // A link type the graph does not know (a typo) would follow nothing and report "nothing impacted": refused.
  const unknownTypes = (options.linkTypes ?? []).flatMap((t, i) => (typeof t !== "string" || s.reg.find(t) === undefined ? [i] : []));
  if (unknownTypes.length > 0) {
    throw new ValidationError(
      unknownTypes.map((i) => ({ path: ["linkTypes", i], message: `unknown link type ${JSON.stringify(options.linkTypes![i])}: neither built in, declared in the rules nor used by a link`, code: "custom" })),
      "impact options",
    );
  }
  const types = options.linkTypes ? new Set(options.linkTypes.map((t) => s.reg.find(t) as number)) : undefined;
  const follows = (type: number) => (types ? types.has(type) : !s.reg.def(type).implicit);
  const roots: string[] = [];
  const unknown: string[] = [];
  const starts = new Set<number>();
  for (const key of changed) {
    const v = s.index.get(key);
    if (v === undefined) unknown.push(key);
    else if (!starts.has(v)) {
      roots.push(key);
      starts.add(v);
    }
  }
  // "both" is the upstream walk plus the downstream walk, each keeping its direction: turning round at a parent would
  // reach its other children (siblings, which trace nothing to the changed item) and with them the whole component.
  const reachedAt = new Map<number, { d: number; id: string; direction: "upstream" | "downstream"; via: string }>();
  for (const direction of dir === "both" ? (["upstream", "downstream"] as const) : [dir]) {
    const seen = new Set<number>(starts);
    let frontier = [...starts];
    for (let d = 1; d <= maxDepth && frontier.length > 0; d++) {
      // Items first reached at this distance, each with the link that reached it. When several links reach an item at
      // the same distance, the one with the smallest id (then upstream before downstream, then label) is named, so
      // the answer never depends on the order links were given in.
      const reached = new Map<number, { id: string; direction: "upstream" | "downstream"; via: string }>();
      for (const v of frontier) {
        const visit = (l: number, w: number) => {
          if (s.alive[l] !== 1 || w < 0 || seen.has(w) || !follows(s.ltype[l] as number)) return;
          const def = s.reg.def(s.ltype[l] as number);
          const cand = { id: s.links[l]!.id, direction, via: direction === "upstream" ? def.inverse : def.name };
          const best = reached.get(w);
          if (best === undefined || before(cand, best)) reached.set(w, cand);
        };
        if (direction === "upstream") for (const l of s.out[v] as number[]) visit(l, s.to[l] as number);
        else for (const l of s.inn[v] as number[]) visit(l, s.from[l] as number);
      }
      for (const [w, r] of reached) {
        seen.add(w);
        // Reached the other way too: the shorter distance wins, then the tie rule.
        const other = reachedAt.get(w);
        if (other === undefined || d < other.d || (d === other.d && before(r, other))) reachedAt.set(w, { d, ...r });
      }
      // A retired item (the rules' inactive statuses) is listed, but nothing is rebuilt or rerun through it: the walk
      // stops there, as suspicion does.
      frontier = [...reached.keys()].filter((w) => s.items[w]!.inactive === undefined);
    }
  }
  const found: ImpactedItem[] = [];
  for (const [w, r] of reachedAt) {
    const retired = s.items[w]!.inactive;
    found.push({ item: s.items[w]!.key, type: s.items[w]!.type, distance: r.d, direction: r.direction, via: r.via, ...(retired !== undefined ? { inactive: retired } : {}) });
  }
  found.sort((a, b) => a.distance - b.distance || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
  const byType = new Map<string, ImpactedItem[]>();
  const byDistance: ImpactedItem[][] = [];
  for (const it of found) {
    const list = byType.get(it.type);
    if (list) list.push(it);
    else byType.set(it.type, [it]);
    (byDistance[it.distance - 1] ??= []).push(it);
  }
  // fromEntries defines own properties, so a type named like an Object.prototype member cannot misbehave.
  return { roots, unknown, items: found, byType: Object.fromEntries(byType), byDistance };
}

/** Tie rule between two links reaching an item at the same distance: smaller link id, upstream, then label. */
function before(a: { id: string; direction: string; via: string }, b: { id: string; direction: string; via: string }): boolean {
  if (a.id !== b.id) return a.id < b.id;
  if (a.direction !== b.direction) return a.direction === "upstream";
  return a.via < b.via;
}
