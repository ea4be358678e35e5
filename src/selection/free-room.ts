import type { Decimal } from "../core/index.js";
import { heldOut, type ConstraintUsage } from "./explain.js";
import type { SelectionProblem } from "./problem.js";
import { verifyPlan } from "./verify.js";

/** @internal An excluded candidate that fits next to a plan, with what it requires. */
export interface FreeRoomFit {
  readonly candidate: string;
  /** It and the unselected candidates it requires (input order of the closure). */
  readonly adds: readonly string[];
  /** Exact value they add (positive). */
  readonly worth: Decimal;
}

/**
 * @internal The excluded candidate that, with what it requires, fits the free room of `selected` under every
 * constraint (budgets, capacities, dependencies, exclusive groups, forced-out: the joined plan is re-verified in exact
 * decimals) and adds the most value (ties: the smaller id); undefined when none does. A plan with such a candidate
 * left out is not optimal: `selectPortfolio` adds them one at a time until none fits.
 */
export function freeRoomFit(problem: SelectionProblem, selected: ReadonlySet<string>, usage: readonly ConstraintUsage[]): FreeRoomFit | undefined {
  const blocked = new Set(usage.flatMap((u) => u.blocks));
  let best: FreeRoomFit | undefined;
  for (const { id } of problem.candidates) {
    if (selected.has(id) || blocked.has(id)) continue;
    const h = heldOut(problem, selected, id, usage);
    if (h.blockedBy.length > 0 || !h.worth.greaterThan(0)) continue;
    if (best && (h.worth.lessThan(best.worth) || (h.worth.equals(best.worth) && id > best.candidate))) continue;
    if (verifyPlan(problem, [...selected, ...h.adds]).length === 0) best = { candidate: id, adds: h.adds, worth: h.worth };
  }
  return best;
}
