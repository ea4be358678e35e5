import type { TraceRules } from "./rules.js";
import type { TraceStore } from "./store.js";

/*
 * The rule set compiled against the link-type registry (internal): sets of integers, looked up once per link.
 */

export interface CompiledNeed {
  readonly label: string;
  readonly anyOf: ReadonlySet<string>;
  /** The same types as a shared, frozen list (for results). */
  readonly anyOfList: readonly string[];
  readonly min: number;
  /** Link types that count; null = every type that covers. */
  readonly via: ReadonlySet<number> | null;
}

export interface CompiledRule {
  readonly type: string;
  readonly needs: readonly CompiledNeed[];
  readonly root: boolean;
  readonly parents: { readonly anyOf: ReadonlySet<string>; readonly via: ReadonlySet<number> } | undefined;
}

export interface Compiled {
  readonly rules: TraceRules;
  readonly byType: ReadonlyMap<string, CompiledRule>;
  readonly parentTypes: ReadonlySet<number>;
  readonly evidenceTypes: ReadonlySet<number>;
  readonly cycleTypes: ReadonlySet<number> | null;
  readonly transitiveTypes: ReadonlySet<number>;
  readonly allowed: ReadonlySet<string> | null;
  /** Bit flags per link type (see F_*), filled lazily because edits may bring new custom types. */
  readonly flags: number[];
  /** Bit flags per link (a link's type never changes), grown by {@link linkFlags} as links are added. */
  lf: Uint8Array;
  lfLen: number;
}

export const F_COVERS = 1;
export const F_IMPLICIT = 2;
export const F_PARENT = 4;
export const F_EVIDENCE = 8;
export const F_TRANSITIVE = 16;
export const F_CYCLE = 32;
export const F_EXECUTES = 64;

/** The flags of link type `type`. */
export function flagsOf(store: TraceStore, c: Compiled, type: number): number {
  const cached = c.flags[type];
  if (cached !== undefined) return cached;
  const def = store.reg.def(type);
  let f = 0;
  if (def.covers) f |= F_COVERS;
  if (def.implicit) f |= F_IMPLICIT;
  if (c.parentTypes.has(type)) f |= F_PARENT;
  if (c.evidenceTypes.has(type)) f |= F_EVIDENCE;
  if (c.transitiveTypes.has(type)) f |= F_TRANSITIVE;
  if (!def.implicit && (c.cycleTypes === null || c.cycleTypes.has(type))) f |= F_CYCLE;
  if (def.name === "executes") f |= F_EXECUTES;
  c.flags[type] = f;
  return f;
}

/** The flags of every link, as one typed array the hot loops index directly (extended for links added since). */
export function linkFlags(store: TraceStore, c: Compiled): Uint8Array {
  const m = store.links.length;
  if (c.lfLen === m) return c.lf;
  if (c.lf.length < m) {
    const grown = new Uint8Array(Math.max(m, c.lf.length * 2, 16));
    grown.set(c.lf.subarray(0, c.lfLen));
    c.lf = grown;
  }
  const lt = store.ltype;
  for (let l = c.lfLen; l < m; l++) c.lf[l] = flagsOf(store, c, lt[l] as number);
  c.lfLen = m;
  return c.lf;
}

export function compileRules(store: TraceStore): Compiled {
  const r = store.rules;
  const ids = (names: readonly string[]) => new Set(names.map((n) => store.reg.resolve(n)));
  const byType = new Map<string, CompiledRule>();
  for (const rule of r.items) {
    byType.set(rule.type, {
      type: rule.type,
      root: rule.root,
      needs: rule.needs.map((n) => ({
        label: n.name ?? n.anyOf.join("|"),
        anyOf: new Set(n.anyOf),
        anyOfList: Object.freeze([...n.anyOf]),
        min: n.min,
        via: n.via ? ids(n.via) : null,
      })),
      parents: rule.parents ? { anyOf: new Set(rule.parents.anyOf), via: ids(rule.parents.via) } : undefined,
    });
  }
  return {
    rules: r,
    byType,
    parentTypes: ids(r.parentLinkTypes),
    evidenceTypes: ids(r.evidenceLinkTypes),
    cycleTypes: r.cycleLinkTypes ? ids(r.cycleLinkTypes) : null,
    transitiveTypes: ids(r.suspects.transitiveLinkTypes),
    flags: [],
    lf: new Uint8Array(0),
    lfLen: 0,
    allowed: r.allowedLinks ? new Set(r.allowedLinks.flatMap((a) => a.from.flatMap((f) => a.to.map((t) => `${f}|${a.linkType}|${t}`)))) : null,
  };
}

/** Whether need `n` accepts a link of type `type` from an item of type `sourceType`. */
export function needAccepts(store: TraceStore, n: CompiledNeed, type: number, sourceType: string): boolean {
  if (!n.anyOf.has(sourceType)) return false;
  return n.via === null ? store.reg.def(type).covers : n.via.has(type);
}
