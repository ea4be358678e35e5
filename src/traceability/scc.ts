/*
 * Strongly connected components (Tarjan, iterative so deep chains cannot overflow the call stack). Components come
 * out in reverse topological order — every component after all the components it reaches — which is the order a
 * bottom-up fold (deep coverage, evidence roll-up) needs; a cycle is simply a component with more than one node or a
 * self-loop, so no fold can loop forever.
 */

/** Successor access for {@link components}: the link indices leaving a node and the node each one reaches (-1 = skip). */
export interface Successors {
  edges(v: number): readonly number[];
  next(link: number, v: number): number;
}

/** Result of {@link components}. */
export interface Components {
  /** Component number per node (-1 when not visited). */
  readonly compOf: Int32Array;
  /** Members of each component, components in reverse topological order. */
  readonly members: number[][];
}

/**
 * Tarjan's algorithm from the given start nodes over `succ`, optionally confined to `allowed` nodes.
 */
export function components(n: number, starts: Iterable<number>, succ: Successors, allowed?: (v: number) => boolean): Components {
  const indexOf = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const compOf = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const members: number[][] = [];
  const callV: number[] = [];
  const callPos: number[] = [];
  let counter = 0;
  for (const s of starts) {
    if (indexOf[s] !== -1 || (allowed && !allowed(s))) continue;
    indexOf[s] = low[s] = counter++;
    stack.push(s);
    onStack[s] = 1;
    callV.push(s);
    callPos.push(0);
    while (callV.length > 0) {
      const top = callV.length - 1;
      const v = callV[top] as number;
      const es = succ.edges(v);
      let pos = callPos[top] as number;
      let descended = false;
      while (pos < es.length) {
        const w = succ.next(es[pos] as number, v);
        pos++;
        if (w < 0 || (allowed && !allowed(w))) continue;
        if (indexOf[w] === -1) {
          callPos[top] = pos;
          indexOf[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callV.push(w);
          callPos.push(0);
          descended = true;
          break;
        } else if (onStack[w] === 1 && (indexOf[w] as number) < (low[v] as number)) {
          low[v] = indexOf[w] as number;
        }
      }
      if (descended) continue;
      callV.pop();
      callPos.pop();
      if (low[v] === indexOf[v]) {
        const comp: number[] = [];
        const id = members.length;
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          compOf[w] = id;
          comp.push(w);
        } while (w !== v);
        members.push(comp);
      }
      if (callV.length > 0) {
        const u = callV[callV.length - 1] as number;
        if ((low[v] as number) < (low[u] as number)) low[u] = low[v] as number;
      }
    }
  }
  return { compOf, members };
}

/** True when the component is a cycle: several nodes, or one node with a link to itself. */
export function isCyclic(members: readonly number[], succ: Successors): boolean {
  if (members.length > 1) return true;
  const v = members[0] as number;
  return succ.edges(v).some((l) => succ.next(l, v) === v);
}

/**
 * Every node reachable from `starts` over `succ` (the starts included), breadth first, optionally up to `maxDepth`
 * steps. Returns the nodes in visiting order and their distance.
 */
export function reach(n: number, starts: Iterable<number>, succ: Successors, maxDepth = Infinity): { nodes: number[]; dist: Map<number, number> } {
  const dist = new Map<number, number>();
  const nodes: number[] = [];
  for (const s of starts) {
    if (!dist.has(s)) {
      dist.set(s, 0);
      nodes.push(s);
    }
  }
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i] as number;
    const d = dist.get(v) as number;
    if (d >= maxDepth) continue;
    for (const l of succ.edges(v)) {
      const w = succ.next(l, v);
      if (w >= 0 && w < n && !dist.has(w)) {
        dist.set(w, d + 1);
        nodes.push(w);
      }
    }
  }
  return { nodes, dist };
}
