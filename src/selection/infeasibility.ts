import { PmoDecimal, checkArguments, type Decimal } from "../core/index.js";
import { logicalConstraints, resourceRows, type SelectionConstraint } from "./constraints.js";
import { defineSelectionProblem, type SelectionProblem } from "./problem.js";

/** A set of constraints that cannot all hold, with the reason in plain words. */
export interface SelectionConflict {
  /** The conflicting constraints (irreducible: drop any one and this clash disappears). */
  readonly constraints: readonly SelectionConstraint[];
  /** Plain-words explanation with the exact figures. */
  readonly explanation: string;
}

/** @internal Candidate → how it was pulled in (null for a starting candidate). */
export type Reach = Map<string, { from: string; via: SelectionConstraint } | null>;

/** Everything `start` pulls in through "requires" and "together", with the constraint that pulled each in. */
type Edges = Map<string, { to: string; via: SelectionConstraint }[]>;
const edgeCache = new WeakMap<readonly SelectionConstraint[], Edges>();

function edgesOf(logical: readonly SelectionConstraint[]): Edges {
  let edges = edgeCache.get(logical);
  if (edges) return edges;
  const built: Edges = new Map();
  const link = (a: string, to: string, via: SelectionConstraint) => {
    const list = built.get(a) ?? [];
    list.push({ to, via });
    built.set(a, list);
  };
  for (const c of logical) {
    if (c.kind === "requires") link(c.candidate, c.requires, c);
    if (c.kind === "together") for (const a of c.candidates) for (const b of c.candidates) if (a !== b) link(a, b, c);
  }
  edgeCache.set(logical, built);
  edges = built;
  return edges;
}

/** @internal Everything `start` pulls in through "requires" and "together", with the constraint that pulled each in. */
export function pullIn(logical: readonly SelectionConstraint[], start: readonly string[]): Reach {
  const edges = edgesOf(logical);
  const reach: Reach = new Map(start.map((s) => [s, null] as const));
  const queue = [...start];
  for (let head = 0; head < queue.length; head++) {
    const x = queue[head] as string;
    for (const e of edges.get(x) ?? []) {
      if (reach.has(e.to)) continue;
      reach.set(e.to, { from: x, via: e.via });
      queue.push(e.to);
    }
  }
  return reach;
}

/** The chain of constraints that pulled `id` in, and the forced candidate it started from. */
function chain(reach: Reach, id: string): { origin: string; via: SelectionConstraint[] } {
  const via: SelectionConstraint[] = [];
  let x = id;
  for (let step = reach.get(x); step; step = reach.get(x)) {
    via.unshift(step.via);
    x = step.from;
  }
  return { origin: x, via };
}

function unique(list: readonly SelectionConstraint[]): SelectionConstraint[] {
  return [...new Set(list)];
}

/**
 * Finds why a problem has no feasible plan. With non-negative costs and demands, a problem is infeasible exactly when
 * the forced-in candidates and everything they require clash with a forced-out candidate, an exclusive group, or a
 * budget or capacity — so the check is exact, needs no solver, and each conflict is reduced to an irreducible set
 * (deletion filter over the forced-in candidates). Returns the conflicts smallest first; empty when feasible.
 *
 * `whatIf` adds candidates as if forced in (used for "why not" explanations), each as the constraint "X forced in"
 * with no reason; a budget or capacity clash of theirs then quotes what the plan would use, the other forced-in
 * candidates included ("B is forced in; with A (regulatory), also forced in, they use EUR 180.00 against …").
 *
 * @example
 * ```ts
 * findConflicts(problem)[0]?.explanation;
 * // "REQ-7 (regulatory) and REQ-9 (contract) are forced in; with what they require they use
 * //  EUR 1,200,000.00 against budget FY2027 (EUR 1,000,000.00)"
 * ```
 */
export function findConflicts(problem: SelectionProblem, whatIf: readonly string[] = []): SelectionConflict[] {
  checkArguments("findConflicts", { whatIf: [whatIf, "array"] });
  problem = defineSelectionProblem(problem);
  const logical = logicalConstraints(problem);
  const forced: SelectionConstraint[] = logical.filter((c) => c.kind === "forced-in");
  for (const id of whatIf) {
    if (!forced.some((f) => f.kind === "forced-in" && f.candidate === id)) {
      // Worded as the question asked ("forcing B in"), with no reason: "(what if)" read in the answers as a given reason.
      forced.push({ kind: "forced-in", candidate: id, reason: undefined, label: `${id} forced in` });
    }
  }
  const forcedById = new Map(forced.map((f) => [(f as { candidate: string }).candidate, f] as const));
  const describe = (id: string) => {
    const f = forcedById.get(id);
    return f?.kind === "forced-in" && f.reason !== undefined ? `${id} (${f.reason})` : id;
  };
  const reach = pullIn(logical, [...forcedById.keys()]);
  const perForced = new Map([...forcedById.keys()].map((id) => [id, pullIn(logical, [id])] as const));
  const conflicts: SelectionConflict[] = [];
  for (const c of logical) {
    if (c.kind === "forced-out" && reach.has(c.candidate)) {
      const { origin, via } = chain(reach, c.candidate);
      const through = via.length > 0 ? ` through ${via.map((v) => v.label).join(", ")}` : "";
      conflicts.push({
        constraints: unique([forcedById.get(origin) as SelectionConstraint, ...via, c]),
        explanation: `${describe(origin)} is forced in and needs ${c.candidate}${through}, but ${c.candidate} is forced out${c.reason === undefined ? "" : ` (${c.reason})`}`,
      });
    }
    if (c.kind === "exclusive") {
      const inside = c.candidates.filter((id) => reach.has(id));
      if (inside.length < 2) continue;
      // The smallest set over every pair of members and every way to reach them: one forced candidate that needs
      // both, or two forced candidates (the first two members alone can name a forced candidate not needed).
      let best: { set: SelectionConstraint[]; origins: string[]; a: string; b: string } | undefined;
      const consider = (set: SelectionConstraint[], origins: string[], a: string, b: string) => {
        if (best === undefined || set.length < best.set.length) best = { set, origins, a, b };
      };
      for (let i = 0; i < inside.length; i++) {
        for (let j = i + 1; j < inside.length; j++) {
          const [a, b] = [inside[i] as string, inside[j] as string];
          for (const [o, r] of perForced) {
            if (r.has(a) && r.has(b)) consider(unique([forcedById.get(o) as SelectionConstraint, ...chain(r, a).via, ...chain(r, b).via, c]), [o], a, b);
          }
          const ca = chain(reach, a);
          const cb = chain(reach, b);
          const origins = [...new Set([ca.origin, cb.origin])];
          consider(unique([...origins.map((o) => forcedById.get(o) as SelectionConstraint), ...ca.via, ...cb.via, c]), origins, a, b);
        }
      }
      const { set, origins, a, b } = best as NonNullable<typeof best>;
      conflicts.push({
        constraints: set,
        explanation: `${origins.map(describe).join(" and ")} ${origins.length > 1 ? "are" : "is"} forced in and need${origins.length > 1 ? "" : "s"} both ${a} and ${b}, but ${c.label}`,
      });
    }
  }
  const index = new Map(problem.candidates.map((c, i) => [c.id, i] as const));
  for (const row of resourceRows(problem)) {
    const usage = (ids: readonly string[]) => {
      const members = new Set<string>();
      for (const id of ids) for (const m of (perForced.get(id) as Reach).keys()) members.add(m);
      let used: Decimal = new PmoDecimal(0);
      for (const m of members) used = used.plus(row.usage.get(index.get(m) as number) ?? 0);
      return used;
    };
    let kept = [...forcedById.keys()];
    if (!usage(kept).greaterThan(row.limit)) continue;
    for (const id of [...kept]) {
      const without = kept.filter((k) => k !== id);
      if (usage(without).greaterThan(row.limit)) kept = without;
    }
    const via: SelectionConstraint[] = [];
    for (const id of kept) {
      const r = perForced.get(id) as Reach;
      for (const m of r.keys()) if (m !== id && row.usage.has(index.get(m) as number)) via.push(...chain(r, m).via);
    }
    const names = kept.map(describe);
    const plural = kept.length > 1;
    const required = via.length > 0 ? `what ${plural ? "they require" : "it requires"}` : "";
    // A "why not" asks about a plan that keeps every forced-in candidate: their use of the row is counted too, though
    // the clash needs only `kept` (r4 with r2 at 550k said 550k where the plan with the mandatory r3 needs 600k).
    const all = [...forcedById.keys()];
    const others = whatIf.some((id) => kept.includes(id)) && usage(all).greaterThan(usage(kept)) ? all.filter((k) => !kept.includes(k)) : [];
    const withWhat = others.length > 0 ? `with ${required ? `${required} and ` : ""}${others.map(describe).join(", ")}, also forced in, they use ${row.format(usage(all))}`
      : `${required ? `with ${required} ` : ""}${plural ? "they use" : "it uses"} ${row.format(usage(kept))}`;
    conflicts.push({
      constraints: unique([...kept.map((k) => forcedById.get(k) as SelectionConstraint), ...via, row.constraint]),
      explanation: `${names.join(" and ")} ${plural ? "are" : "is"} forced in; ${withWhat} against ${row.constraint.label}`,
    });
  }
  // Every set is then reduced by a deletion filter against the exact check, so that dropping any one of its
  // constraints really removes the clash; a set that shrinks gets a plain explanation of what is left.
  const seen = new Set<string>();
  const reduced: SelectionConflict[] = [];
  for (const conflict of conflicts) {
    let kept = conflict.constraints;
    for (const c of conflict.constraints) {
      const without = kept.filter((k) => k !== c);
      if (clashes(problem, without)) kept = without;
    }
    const key = kept.map((k) => k.label).sort().join("\n");
    if (seen.has(key)) continue;
    seen.add(key);
    reduced.push(kept.length === conflict.constraints.length ? conflict : { constraints: kept, explanation: plainExplanation(kept, describe) });
  }
  return reduced.sort((a, b) => a.constraints.length - b.constraints.length);
}

/**
 * Exact for the constraints in `set` alone: the smallest plan they allow is what the forced-in candidates pull in
 * through "requires" and "together"; usage is non-negative, so the set clashes exactly when that plan breaks one of
 * its forced-out, exclusive, budget or capacity constraints.
 */
function clashes(problem: SelectionProblem, set: readonly SelectionConstraint[]): boolean {
  const reach = pullIn(set.filter((c) => c.kind === "requires" || c.kind === "together"), set.flatMap((c) => (c.kind === "forced-in" ? [c.candidate] : [])));
  const index = new Map(problem.candidates.map((c, i) => [c.id, i] as const));
  for (const c of set) {
    if (c.kind === "forced-out" && reach.has(c.candidate)) return true;
    if (c.kind === "exclusive" && c.candidates.filter((id) => reach.has(id)).length > 1) return true;
    if (c.kind === "budget" || c.kind === "capacity") {
      const row = resourceRows(problem).find((r) => r.constraint === c);
      if (row === undefined) continue;
      let used: Decimal = new PmoDecimal(0);
      for (const id of reach.keys()) used = used.plus(row.usage.get(index.get(id) as number) ?? 0);
      if (used.greaterThan(row.limit)) return true;
    }
  }
  return false;
}

/** Explanation of a reduced conflict: who is forced in, through what, and what breaks. */
function plainExplanation(set: readonly SelectionConstraint[], describe: (id: string) => string): string {
  const forced = set.flatMap((c) => (c.kind === "forced-in" ? [describe(c.candidate)] : []));
  const links = set.filter((c) => c.kind === "requires" || c.kind === "together").map((c) => c.label);
  const broken = set.filter((c) => c.kind !== "forced-in" && c.kind !== "requires" && c.kind !== "together").map((c) => c.label);
  return `${forced.join(" and ")} ${forced.length > 1 ? "are" : "is"} forced in${links.length > 0 ? `; with ${links.join(", ")}` : ""} this breaks ${broken.join(" and ")}`;
}
