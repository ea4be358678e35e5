import { PmoDecimal, ValidationError, checkArguments, type Decimal } from "../core/index.js";
import { logicalConstraints, resourceRows, type SelectionConstraint } from "./constraints.js";
import { defineSelectionProblem, type SelectionProblem } from "./problem.js";

/** A constraint a plan breaks, with the exact figures in plain words. */
export interface PlanViolation {
  readonly constraint: SelectionConstraint;
  readonly message: string;
}

/**
 * Checks a plan against every constraint of the problem in exact decimal arithmetic and lists what it breaks
 * (empty when the plan is feasible). {@link selectPortfolio} runs this on every plan before returning it.
 *
 * @throws {ValidationError} when a selected id is not a candidate.
 * @example
 * ```ts
 * verifyPlan(problem, ["REQ-1", "REQ-2"]);
 * // [{ constraint: { kind: "budget", period: "FY2027", … }, message: "uses EUR 1,200,000.00 of EUR 1,000,000.00" }]
 * ```
 */
export function verifyPlan(problem: SelectionProblem, selected: Iterable<string>): PlanViolation[] {
  checkArguments("verifyPlan", { selected: [selected, "iterable"] });
  problem = defineSelectionProblem(problem);
  const index = new Map(problem.candidates.map((c, i) => [c.id, i] as const));
  const chosen = new Set<string>();
  let k = 0;
  for (const id of selected) {
    if (!index.has(id)) throw ValidationError.single(["selected", k], `unknown candidate ${JSON.stringify(id)}`, "plan");
    chosen.add(id);
    k++;
  }
  const out: PlanViolation[] = [];
  for (const row of resourceRows(problem)) {
    let used: Decimal = new PmoDecimal(0);
    for (const [i, u] of row.usage) if (chosen.has(problem.candidates[i]?.id as string)) used = used.plus(u);
    if (used.greaterThan(row.limit)) {
      out.push({ constraint: row.constraint, message: `uses ${row.format(used)} of ${row.format(row.limit)}` });
    }
  }
  for (const c of logicalConstraints(problem)) {
    switch (c.kind) {
      case "requires":
        if (chosen.has(c.candidate) && !chosen.has(c.requires)) out.push({ constraint: c, message: `${c.candidate} is selected without ${c.requires}` });
        break;
      case "together": {
        const inside = c.candidates.filter((id) => chosen.has(id));
        if (inside.length > 0 && inside.length < c.candidates.length) out.push({ constraint: c, message: `only ${inside.join(", ")} selected` });
        break;
      }
      case "exclusive": {
        const inside = c.candidates.filter((id) => chosen.has(id));
        if (inside.length > 1) out.push({ constraint: c, message: `${inside.join(", ")} are all selected` });
        break;
      }
      case "forced-in":
        if (!chosen.has(c.candidate)) out.push({ constraint: c, message: `${c.candidate} is not selected` });
        break;
      case "forced-out":
        if (chosen.has(c.candidate)) out.push({ constraint: c, message: `${c.candidate} is selected` });
        break;
      default:
        break;
    }
  }
  return out;
}
