import { ValidationError } from "../../core/index.js";
import type { NetworkSpec } from "./read-network.js";

/** @internal Adjacency in compressed rows plus a topological order, all typed arrays. */
export interface CompiledGraph {
  /** predStart[j]..predStart[j+1] index `predLinks`: the links into j. */
  readonly predStart: Int32Array;
  readonly predLinks: Int32Array;
  /** succStart[i]..succStart[i+1] index `succLinks`: the links out of i. */
  readonly succStart: Int32Array;
  readonly succLinks: Int32Array;
  /** Activities in a topological order (every predecessor before its successors). */
  readonly order: Int32Array;
}

/** @internal Builds compressed adjacency rows from (node, link) pairs. */
function rows(n: number, key: Int32Array): { start: Int32Array; links: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < key.length; k++) {
    const r = (key[k] as number) + 1;
    start[r] = (start[r] as number) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const links = new Int32Array(key.length);
  for (let k = 0; k < key.length; k++) {
    const r = key[k] as number;
    const at = fill[r] as number;
    links[at] = k;
    fill[r] = at + 1;
  }
  return { start, links };
}

/**
 * @internal Compiles the graph and orders it (Kahn's algorithm, ties by input order). A cycle is refused with a
 * ValidationError naming one cycle ("A → B → C → A") and the strongly connected component it lies in. Rows keep the
 * input order of the links: the passes break a tie between two links by id where it happens (see linkTieWins), which
 * costs a string compare per tie instead of a sort of every id per compile.
 */
export function compileGraph(spec: NetworkSpec): CompiledGraph {
  const n = spec.ids.length;
  const pred = rows(n, spec.linkTo);
  const succ = rows(n, spec.linkFrom);
  const { order, indeg, count } = topologicalOrder(n, pred.start, succ.start, succ.links, spec.linkTo);
  if (count < n) throw cycleError(spec, succ, indeg);
  return { predStart: pred.start, predLinks: pred.links, succStart: succ.start, succLinks: succ.links, order };
}

/**
 * @internal Kahn's algorithm over compressed rows (ties by index): the order, how many nodes it reached (fewer than n
 * means a cycle) and the in-degrees left (non-zero on and behind the cycles).
 */
export function topologicalOrder(
  n: number,
  predStart: Int32Array,
  succStart: Int32Array,
  succLinks: Int32Array,
  linkTo: Int32Array,
): { order: Int32Array; indeg: Int32Array; count: number } {
  const indeg = new Int32Array(n);
  for (let j = 0; j < n; j++) indeg[j] = (predStart[j + 1] as number) - (predStart[j] as number);
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (indeg[i] === 0) order[tail++] = i;
  while (head < tail) {
    const i = order[head++] as number;
    for (let p = succStart[i] as number; p < (succStart[i + 1] as number); p++) {
      const j = linkTo[succLinks[p] as number] as number;
      const left = (indeg[j] as number) - 1;
      indeg[j] = left;
      if (left === 0) order[tail++] = j;
    }
  }
  return { order, indeg, count: tail };
}

/** Finds a strongly connected component among the unordered nodes (Tarjan, iterative) and one cycle inside it. */
function cycleError(spec: NetworkSpec, succ: { start: Int32Array; links: Int32Array }, indeg: Int32Array): ValidationError {
  const n = spec.ids.length;
  const live = (j: number) => (indeg[j] as number) > 0;
  const idx = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  let counter = 0;
  let component: number[] = [];
  for (let root = 0; root < n && component.length === 0; root++) {
    if (!live(root) || idx[root] !== -1) continue;
    const work: [number, number][] = [[root, succ.start[root] as number]];
    idx[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0 && component.length === 0) {
      const top = work[work.length - 1] as [number, number];
      const [v, p] = top;
      if (p < (succ.start[v + 1] as number)) {
        top[1]++;
        const w = spec.linkTo[succ.links[p] as number] as number;
        if (!live(w)) continue;
        if (idx[w] === -1) {
          idx[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, succ.start[w] as number]);
        } else if (onStack[w]) low[v] = Math.min(low[v] as number, idx[w] as number);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
      if (low[v] === idx[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1) component = comp;
      }
    }
  }
  const inComp = new Set(component);
  // One concrete cycle: breadth-first from the first member back to itself inside the component.
  const first = Math.min(...component);
  const prev = new Map<number, number>();
  const queue = [first];
  let closing = -1;
  for (let q = 0; q < queue.length && closing < 0; q++) {
    const v = queue[q] as number;
    for (let p = succ.start[v] as number; p < (succ.start[v + 1] as number); p++) {
      const w = spec.linkTo[succ.links[p] as number] as number;
      if (!inComp.has(w)) continue;
      if (w === first) {
        closing = v;
        break;
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  const back: number[] = [];
  for (let v = closing; v !== first; v = prev.get(v) as number) back.push(v);
  const names = [first, ...back.reverse(), first];
  const text = names.map((i) => spec.ids[i]).join(" → ");
  const members = [...component].sort((a, b) => a - b).map((i) => spec.ids[i]);
  return new ValidationError(
    [{ path: ["links"], message: `dependency cycle ${text} (strongly connected: ${members.join(", ")})`, code: "cycle" }],
    "schedule input",
  );
}
