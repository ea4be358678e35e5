import { logicalConstraints } from "./constraints.js";
import { pullIn } from "./infeasibility.js";
import type { SelectionProblem } from "./problem.js";
import { verifyPlan } from "./verify.js";

/**
 * @internal A plan the exact check accepts, built from `wanted` (a plan the floats accepted, which may exceed a row
 * held in floats by less than their tolerance): the forced-in candidates with what they require (they fit: the caller
 * ran `findConflicts`), then each wanted candidate with what it requires, most valuable first (ties: the smaller id),
 * kept only when the joined plan passes {@link verifyPlan} in exact decimals.
 */
export function exactRepair(problem: SelectionProblem, wanted: ReadonlySet<string>): Set<string> {
  const logical = logicalConstraints(problem);
  const plan = new Set(pullIn(logical, problem.forcedIn.map((f) => f.candidate)).keys());
  const order = problem.candidates.filter((c) => wanted.has(c.id) && !plan.has(c.id)).sort((a, b) => b.value.comparedTo(a.value) || (a.id < b.id ? -1 : 1));
  for (const c of order) {
    if (plan.has(c.id)) continue;
    const joined = new Set([...plan, ...pullIn(logical, [c.id]).keys()]);
    if (verifyPlan(problem, joined).length === 0) for (const id of joined) plan.add(id);
  }
  return plan;
}
