/*
 * Strongly connected components (Tarjan, iterative so deep chains cannot overflow the call stack). Components come
 * out in reverse topological order — every component after all the components it reaches — which is the order a
 * bottom-up fold (deep coverage, evidence roll-up) needs; a cycle is simply a component with more than one node or a
 * self-loop, so no fold can loop forever.
 */

/** Successor access for {@link components}: the link indices leaving each node and the node each one reaches (-1 = skip). */
export interface Successors {
  readonly adj: readonly (readonly number[])[];
  next(link: number, v: number): number;
}

/** Result of {@link components}: components in reverse topological order, their members stored contiguously. */
export interface Components {
  /** Component number per node (-1 when not visited). */
  readonly compOf: Int32Array;
  /** Members of every component, one after another. */
  readonly order: Int32Array;
  /** Component `i` is `order[start[i]] … order[start[i + 1] - 1]`. */
  readonly start: Int32Array;
  /** Number of components. */
  readonly count: number;
}

/**
 * Tarjan's algorithm from the given start nodes (every node when null) over `succ`; with `confine`, only the start
 * nodes themselves are visited (an incremental update folds just the region it reached).
 */
export function components(n: number, starts: readonly number[] | null, succ: Successors, confine = false): Components {
  let allowed: Uint8Array | undefined;
  if (confine && starts !== null) {
    allowed = new Uint8Array(n);
    for (const v of starts) allowed[v] = 1;
  }
  // At most this many nodes are visited: work arrays are sized to it, so a small region allocates little.
  const cap = allowed !== undefined && starts !== null ? starts.length : n;
  const indexOf = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const compOf = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(cap);
  let sp = 0;
  const order = new Int32Array(cap);
  const start = new Int32Array(cap + 1);
  let written = 0;
  let count = 0;
  const callV = new Int32Array(cap);
  const callPos = new Int32Array(cap);
  let depth = 0;
  let counter = 0;
  const total = starts === null ? n : starts.length;
  for (let si = 0; si < total; si++) {
    const s = starts === null ? si : (starts[si] as number);
    if (indexOf[s] !== -1 || (allowed !== undefined && allowed[s] !== 1)) continue;
    indexOf[s] = low[s] = counter++;
    stack[sp++] = s;
    onStack[s] = 1;
    callV[depth] = s;
    callPos[depth] = 0;
    depth++;
    while (depth > 0) {
      const top = depth - 1;
      const v = callV[top] as number;
      const es = succ.adj[v] as number[];
      let pos = callPos[top] as number;
      let descended = false;
      while (pos < es.length) {
        const w = succ.next(es[pos] as number, v);
        pos++;
        if (w < 0 || (allowed !== undefined && allowed[w] !== 1)) continue;
        if (indexOf[w] === -1) {
          callPos[top] = pos;
          indexOf[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callV[depth] = w;
          callPos[depth] = 0;
          depth++;
          descended = true;
          break;
        } else if (onStack[w] === 1 && (indexOf[w] as number) < (low[v] as number)) {
          low[v] = indexOf[w] as number;
        }
      }
      if (descended) continue;
      depth--;
      if (low[v] === indexOf[v]) {
        start[count] = written;
        let w: number;
        do {
          w = stack[--sp] as number;
          onStack[w] = 0;
          compOf[w] = count;
          order[written++] = w;
        } while (w !== v);
        count++;
      }
      if (depth > 0) {
        const u = callV[depth - 1] as number;
        if ((low[v] as number) < (low[u] as number)) low[u] = low[v] as number;
      }
    }
  }
  start[count] = written;
  return { compOf, order, start, count };
}

/** The members of component `i`. */
export function membersOf(c: Components, i: number): Int32Array {
  return c.order.subarray(c.start[i] as number, c.start[i + 1] as number);
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
    for (const l of succ.adj[v] as number[]) {
      const w = succ.next(l, v);
      if (w >= 0 && w < n && !dist.has(w)) {
        dist.set(w, d + 1);
        nodes.push(w);
      }
    }
  }
  return { nodes, dist };
}
