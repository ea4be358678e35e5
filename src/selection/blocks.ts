import type { SelectionModel } from "./model.js";

/**
 * @internal Candidates that can only be selected together — "together" groups and dependency cycles — merged into
 * blocks, with block-level prerequisites, resource usage and exclusive groups. Heuristics and the built-in branch and
 * bound work on blocks, so a dependency cycle is simply one item.
 */
export interface Blocks {
  readonly count: number;
  /** Candidate → block. */
  readonly of: Int32Array;
  readonly members: readonly number[][];
  readonly value: Float64Array;
  /** Per block, usage per row (dense, `rows.length` entries). */
  readonly usage: readonly Float64Array[];
  readonly prereqs: readonly number[][];
  readonly dependents: readonly number[][];
  /** Exclusive groups each block touches. */
  readonly groups: readonly number[][];
  /** 1 when a block holds two members of one exclusive group (it can never be selected). */
  readonly selfConflict: Uint8Array;
  /** 1 forced in, 0 forced out (or implied out), -1 free. Forced in wins only when nothing forces it out. */
  readonly fixed: Int8Array;
}

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    const p = parent[i] as number;
    parent[i] = parent[p] as number;
    i = p;
  }
  return i;
}

/** Strongly connected components of a graph given as adjacency lists (iterative Tarjan). */
function components(n: number, adj: readonly number[][]): Int32Array {
  const comp = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const num = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  let counter = 0;
  let c = 0;
  for (let s = 0; s < n; s++) {
    if (num[s] !== -1) continue;
    const work: [number, number][] = [[s, 0]];
    num[s] = low[s] = counter++;
    stack.push(s);
    onStack[s] = 1;
    while (work.length > 0) {
      const top = work[work.length - 1] as [number, number];
      const [v, k] = top;
      const out = adj[v] as number[];
      if (k < out.length) {
        top[1] = k + 1;
        const w = out[k] as number;
        if (num[w] === -1) {
          num[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v] as number, num[w] as number);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
      if (low[v] === num[v]) {
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          comp[w] = c;
        } while (w !== v);
        c++;
      }
    }
  }
  return comp;
}

// Per model, its blocks (built once; a frontier level's model shares those of the model it was rescaled from).
const built = new WeakMap<SelectionModel, Blocks>();

/**
 * @internal `to` has the candidates, logical constraints and row coefficients of `from`, only other limits (a frontier
 * level): it has the same blocks, which are not built again.
 */
export function shareBlocks(from: SelectionModel, to: SelectionModel): void {
  built.set(to, buildBlocks(from));
}

/** @internal Merges together-groups and dependency cycles into blocks (once per model). */
export function buildBlocks(model: SelectionModel): Blocks {
  let blocks = built.get(model);
  if (!blocks) built.set(model, (blocks = mergeBlocks(model)));
  return blocks;
}

function mergeBlocks(model: SelectionModel): Blocks {
  const n = model.ids.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  for (const [a, b] of model.together) parent[find(parent, a)] = find(parent, b);
  const root = Int32Array.from({ length: n }, (_, i) => find(parent, i));
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const [dep, pre] of model.requires) (adj[root[dep] as number] as number[]).push(root[pre] as number);
  const comp = components(n, adj);
  // Renumber: block ids in order of first candidate, so results are deterministic.
  const of = new Int32Array(n);
  const ids = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = comp[root[i] as number] as number;
    let b = ids.get(key);
    if (b === undefined) { b = ids.size; ids.set(key, b); }
    of[i] = b;
  }
  const count = ids.size;
  const members: number[][] = Array.from({ length: count }, () => []);
  const value = new Float64Array(count);
  const usage = Array.from({ length: count }, () => new Float64Array(model.rows.length));
  for (let i = 0; i < n; i++) {
    const b = of[i] as number;
    (members[b] as number[]).push(i);
    value[b] = (value[b] as number) + (model.values[i] as number);
  }
  model.rows.forEach((row, r) => {
    row.indices.forEach((i, k) => {
      const u = usage[of[i] as number] as Float64Array;
      u[r] = (u[r] as number) + (row.coefficients[k] as number);
    });
  });
  const pre = Array.from({ length: count }, () => new Set<number>());
  for (const [d, p] of model.requires) {
    const bd = of[d] as number;
    const bp = of[p] as number;
    if (bd !== bp) (pre[bd] as Set<number>).add(bp);
  }
  const prereqs = pre.map((s) => [...s].sort((a, b) => a - b));
  const dependents: number[][] = Array.from({ length: count }, () => []);
  prereqs.forEach((ps, b) => ps.forEach((p) => (dependents[p] as number[]).push(b)));
  const groupSets = Array.from({ length: count }, () => new Map<number, number>());
  model.exclusive.forEach((g, gi) => g.forEach((i) => {
    const m = groupSets[of[i] as number] as Map<number, number>;
    m.set(gi, (m.get(gi) ?? 0) + 1);
  }));
  const selfConflict = Uint8Array.from(groupSets, (m) => ([...m.values()].some((k) => k > 1) ? 1 : 0));
  const fixed = new Int8Array(count).fill(-1);
  for (let i = 0; i < n; i++) if (model.fixed[i] === 1) fixed[of[i] as number] = 1;
  // Out wins and spreads to dependents: a block that is forced out, or can never be selected, takes its dependents.
  const queue: number[] = [];
  for (let b = 0; b < count; b++) if (selfConflict[b] || members[b]?.some((i) => model.fixed[i] === 0)) queue.push(b);
  while (queue.length > 0) {
    const b = queue.pop() as number;
    if (fixed[b] === 0) continue;
    fixed[b] = 0;
    for (const d of dependents[b] as number[]) queue.push(d);
  }
  return { count, of, members, value, usage, prereqs, dependents, groups: groupSets.map((m) => [...m.keys()]), selfConflict, fixed };
}
