import type { Blocks } from "./blocks.js";
import type { LagrangianPrices } from "./lagrangian.js";
import type { SelectionModel } from "./model.js";

/** @internal Precomputed orders and prices for the heuristic and the bounds, built once per model. */
export interface SearchContext {
  readonly model: SelectionModel;
  readonly blocks: Blocks;
  /** Blocks with a positive value that may be selected, best value density first (the best greedy order found). */
  readonly order: Int32Array;
  /** Other promising orders (the best of the other kind, the reduced cost at the final prices): improved too. */
  readonly alternatives: readonly Int32Array[];
  /** Per row, the same blocks sorted by value per unit of that row (for the fractional bound). */
  readonly rowOrders: readonly Int32Array[];
  /** Lagrangian prices of the rows, reduced costs and the bound they prove. */
  readonly prices: LagrangianPrices;
  /** Blocks with a positive reduced cost at those prices. */
  readonly positive: Int32Array;
}

/** @internal Clock for time limits (available in Node, browsers, workers and edge runtimes). */
export const now = (): number => globalThis.performance.now();
