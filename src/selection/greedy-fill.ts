import type { Blocks } from "./blocks.js";
import type { PlanState } from "./plan-state.js";

/** @internal Adds, in `order`, every block whose closure adds value and fits. */
export function greedyFill(ctx: { blocks: Blocks; order: Int32Array }, state: PlanState, banned?: Uint8Array, only?: Uint8Array, order = ctx.order): void {
  for (const b of order) {
    if (state.selected[b] || banned?.[b] || (only && !only[b])) continue;
    const c = state.closure(b, banned);
    if (c === null) continue;
    let v = 0;
    for (const x of c) v += ctx.blocks.value[x] as number;
    if (v > 0 && state.fits(c)) state.add(c);
  }
}
