import type { Blocks } from "./blocks.js";
import type { SelectionModel } from "./model.js";
import { PlanState } from "./plan-state.js";

/** @internal Precomputed orders for the heuristic and the bound. */
export interface SearchContext {
  readonly model: SelectionModel;
  readonly blocks: Blocks;
  /** Blocks with a positive value that may be selected, best value density first. */
  readonly order: Int32Array;
  /** Per row, the same blocks sorted by value per unit of that row (for the fractional bound). */
  readonly rowOrders: readonly Int32Array[];
  /** A surrogate row (a weighted sum of all rows) that gives a tighter bound than any single row. */
  readonly surrogate: { readonly weights: Float64Array; readonly usage: Float64Array; readonly order: Int32Array } | undefined;
}

/** @internal Clock for time limits (available in Node, browsers, workers and edge runtimes). */
export const now = (): number => globalThis.performance.now();

/** @internal Builds the density order: value of a block's whole prerequisite closure per weighted resource use. */
export function searchContext(model: SelectionModel, blocks: Blocks): SearchContext {
  const weights = model.rows.map((r) => 1 / Math.max(r.limit, 1e-9));
  const empty = new PlanState(model, blocks);
  const density = new Float64Array(blocks.count);
  const candidates: number[] = [];
  for (let b = 0; b < blocks.count; b++) {
    if (blocks.fixed[b] === 0 || (blocks.value[b] as number) <= 0) continue;
    const c = empty.closure(b);
    if (c === null) continue;
    let v = 0;
    let w = 1e-12;
    for (const x of c) {
      v += blocks.value[x] as number;
      const u = blocks.usage[x] as Float64Array;
      weights.forEach((wr, r) => (w += wr * (u[r] as number)));
    }
    density[b] = v / w;
    candidates.push(b);
  }
  const byDensity = (a: number, b: number) => (density[b] as number) - (density[a] as number) || a - b;
  const order = Int32Array.from(candidates.sort(byDensity));
  const rowOrders = model.rows.map((_, r) => {
    const ratio = (b: number) => {
      const u = (blocks.usage[b] as Float64Array)[r] as number;
      return u <= 0 ? Infinity : (blocks.value[b] as number) / u;
    };
    return Int32Array.from([...candidates].sort((a, b) => ratio(b) - ratio(a) || a - b));
  });
  return { model, blocks, order, rowOrders, surrogate: surrogateRow(model, blocks, candidates) };
}

/**
 * Surrogate relaxation: for any weights w ≥ 0, `Σ_r w_r · row_r ≤ Σ_r w_r · limit_r` holds for every feasible plan,
 * so its fractional knapsack is an upper bound. Weights start at 1/limit and move towards the rows the fractional
 * solution overuses (multiplicative subgradient steps); the weights with the lowest bound are kept.
 */
function surrogateRow(model: SelectionModel, blocks: Blocks, candidates: readonly number[]): SearchContext["surrogate"] {
  const rows = model.rows.length;
  if (rows < 2 || candidates.length === 0) return undefined;
  const state = new PlanState(model, blocks).fresh();
  const room = Float64Array.from(model.rows, (r, k) => Math.max(r.limit - (state.used[k] as number), 0));
  let w = Float64Array.from(room, (l) => 1 / Math.max(l, 1e-9));
  let best = { bound: Infinity, weights: w };
  for (let iter = 0; iter < 40; iter++) {
    const cap = room.reduce((s, l, k) => s + l * (w[k] as number), 0);
    const u = (b: number) => (blocks.usage[b] as Float64Array).reduce((s, x, k) => s + x * (w[k] as number), 0);
    const ratio = new Map(candidates.map((b) => [b, u(b)] as const));
    const sorted = [...candidates].sort((a, b) => (blocks.value[b] as number) / Math.max(ratio.get(b) as number, 1e-300) - (blocks.value[a] as number) / Math.max(ratio.get(a) as number, 1e-300));
    let left = cap;
    let bound = 0;
    const taken = new Float64Array(rows);
    for (const b of sorted) {
      const ub = ratio.get(b) as number;
      const f = ub <= left ? 1 : Math.max(left, 0) / ub;
      bound += f * (blocks.value[b] as number);
      left -= f * ub;
      (blocks.usage[b] as Float64Array).forEach((x, k) => (taken[k] = (taken[k] as number) + f * x));
      if (f < 1) break;
    }
    if (bound < best.bound) best = { bound, weights: w };
    const next = Float64Array.from(w, (wk, k) => wk * Math.exp(0.7 * Math.max(-1, Math.min(1, ((taken[k] as number) - (room[k] as number)) / Math.max(room[k] as number, 1e-9)))));
    w = next;
  }
  const weights = best.weights;
  const usage = Float64Array.from({ length: blocks.count }, (_, b) => (blocks.usage[b] as Float64Array).reduce((s, x, k) => s + x * (weights[k] as number), 0));
  const order = Int32Array.from([...candidates].sort((a, b) => (blocks.value[b] as number) / Math.max(usage[b] as number, 1e-300) - (blocks.value[a] as number) / Math.max(usage[a] as number, 1e-300) || a - b));
  return { weights, usage, order };
}

/**
 * @internal Upper bound on the value of any completion of `state`: for each row alone, the fractional knapsack of
 * the blocks still addable (positive value, not banned, group still free); the smallest of those.
 */
export function fractionalBound(ctx: SearchContext, state: PlanState, banned?: Uint8Array): number {
  const { blocks } = ctx;
  const open = (b: number) => {
    if (state.selected[b] || banned?.[b] || blocks.fixed[b] === 0) return false;
    for (const g of blocks.groups[b] as number[]) if ((state.taken[g] as number) !== -1) return false;
    return true;
  };
  if (ctx.rowOrders.length === 0) {
    let total = state.value;
    for (const b of ctx.order) if (open(b)) total += blocks.value[b] as number;
    return total;
  }
  let best = Infinity;
  ctx.rowOrders.forEach((order, r) => {
    let room = (ctx.model.rows[r]?.limit ?? 0) - (state.used[r] as number);
    let total = state.value;
    for (const b of order) {
      if (!open(b)) continue;
      const u = (blocks.usage[b] as Float64Array)[r] as number;
      const v = blocks.value[b] as number;
      if (u <= room) { total += v; room -= u; }
      else { total += (v * Math.max(room, 0)) / u; break; }
    }
    best = Math.min(best, total);
  });
  const sur = ctx.surrogate;
  if (sur) {
    let room = 0;
    ctx.model.rows.forEach((row, r) => (room += (sur.weights[r] as number) * (row.limit - (state.used[r] as number))));
    let total = state.value;
    for (const b of sur.order) {
      if (!open(b)) continue;
      const u = sur.usage[b] as number;
      const v = blocks.value[b] as number;
      if (u <= room) { total += v; room -= u; }
      else { total += (v * Math.max(room, 0)) / u; break; }
    }
    best = Math.min(best, total);
  }
  return best;
}

/** @internal Adds, best density first, every block whose closure adds value and fits. */
export function greedyFill(ctx: SearchContext, state: PlanState, banned?: Uint8Array, only?: Uint8Array): void {
  for (const b of ctx.order) {
    if (state.selected[b] || banned?.[b] || (only && !only[b])) continue;
    const c = state.closure(b, banned);
    if (c === null) continue;
    let v = 0;
    for (const x of c) v += ctx.blocks.value[x] as number;
    if (v > 0 && state.fits(c)) state.add(c);
  }
}

/**
 * @internal The heuristic: forced blocks first, then the warm start repaired (its blocks re-added best density
 * first, skipping what no longer fits), then greedy by value density, then local improvement — drop one selected
 * block (with its dependents), refill greedily, keep the change when the value rises — until no move helps or the
 * deadline passes. Returns null when the forced blocks alone do not fit.
 */
export function heuristicState(
  ctx: SearchContext,
  options: { readonly warmStart?: Uint8Array | undefined; readonly deadline: number; readonly banned?: Uint8Array },
): PlanState | null {
  const { model, blocks } = ctx;
  const state = new PlanState(model, blocks);
  for (let b = 0; b < blocks.count; b++) {
    if (blocks.fixed[b] !== 1 || state.selected[b]) continue;
    const c = state.closure(b);
    if (c === null || !state.fits(c)) return null;
    state.add(c);
  }
  if (options.warmStart) {
    const wanted = new Uint8Array(blocks.count);
    options.warmStart.forEach((x, i) => { if (x) wanted[blocks.of[i] as number] = 1; });
    greedyFill(ctx, state, options.banned, wanted);
  }
  greedyFill(ctx, state, options.banned);
  improve(ctx, state, options.deadline, options.banned);
  return state;
}

function improve(ctx: SearchContext, state: PlanState, deadline: number, banned?: Uint8Array): void {
  const tabu = new Uint8Array(ctx.blocks.count);
  for (let pass = 0; pass < 4; pass++) {
    let improved = false;
    for (let k = ctx.order.length - 1; k >= 0; k--) {
      const s = ctx.order[k] as number;
      if (!state.selected[s]) continue;
      if (now() > deadline) return;
      const drop = state.dependentsClosure(s);
      if (drop === null) continue;
      const before = state.snapshot();
      state.remove(drop);
      tabu[s] = 1;
      greedyFill(ctx, state, tabu.map((t, b) => t | (banned?.[b] ?? 0)));
      tabu[s] = 0;
      if (state.value > before.value + 1e-9 * Math.max(1, Math.abs(before.value))) {
        greedyFill(ctx, state, banned);
        improved = true;
      } else state.restore(before);
    }
    if (!improved) return;
  }
}
