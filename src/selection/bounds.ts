import type { PlanState } from "./plan-state.js";
import type { SearchContext } from "./search-context.js";

/**
 * @internal Lagrangian bound of any completion of `state`: its value and its blocks' dependency prices, plus the
 * priced room left, plus the positive reduced cost of every block still open (at most one per exclusive group).
 * Cheap (one pass over the blocks), and valid for any prices (see `lagrangianPrices`).
 */
export function lagrangianBound(ctx: SearchContext, state: PlanState, banned?: Uint8Array): number {
  const { blocks } = ctx;
  const { prices, reducedCost, edgeTerm, excluded } = ctx.prices;
  let total = state.value;
  // The selected blocks keep their share of the dependency prices (Σ over a feasible plan of π·(x_p − x_d) ≥ 0).
  for (let b = 0; b < blocks.count; b++) if (state.selected[b]) total += edgeTerm[b] as number;
  ctx.model.rows.forEach((row, r) => (total += (prices[r] as number) * Math.max(row.limit - (state.used[r] as number), 0)));
  const groupBest = new Float64Array(ctx.model.exclusive.length);
  for (const b of ctx.positive) {
    if (state.selected[b] || banned?.[b] || excluded[b]) continue;
    const groups = blocks.groups[b] as number[];
    if (groups.length === 0) { total += reducedCost[b] as number; continue; }
    if (groups.some((g) => (state.taken[g] as number) !== -1)) continue;
    const g = groups[0] as number;
    groupBest[g] = Math.max(groupBest[g] as number, reducedCost[b] as number);
  }
  for (const v of groupBest) total += v;
  return total;
}

/**
 * @internal Upper bound on the value of any completion of `state`: the smaller of the Lagrangian bound and the
 * fractional knapsack of each row alone.
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
  let best = lagrangianBound(ctx, state, banned);
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
  return best;
}
