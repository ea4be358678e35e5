import type { Decimal, Metric } from "../core/index.js";
import { boundAt } from "./exact-bound.js";
import { constraintUsage, whyNotCandidate, whyNotFromUsage, whyNotWithoutSolve, type ConstraintUsage, type WhyNot } from "./explain.js";
import { freeRoomFit } from "./free-room.js";
import type { SelectionProblem } from "./problem.js";
import { now } from "./search-context.js";
import { relativeGap, type SelectionStatus, type SolvedPlan } from "./solve-core.js";
import type { SelectionSolver } from "./solver.js";
import { verifyPlan } from "./verify.js";

/** A plan adopted in place of the selection (exported from select.ts as `AdoptedPlan`). */
export interface AdoptedPlanRecord {
  readonly candidate: string;
  readonly replaced: readonly string[];
  readonly previousObjective: Decimal;
  readonly objective: Decimal;
}

/** @internal What {@link improvePlan} needs besides the first solve. */
export interface ImproveOptions {
  readonly solver: SelectionSolver;
  readonly gap: number;
  /** The excluded candidates (input order) to ask "why not" about. */
  readonly targets: (excluded: readonly string[]) => readonly string[];
  readonly resolves: number;
  readonly deadline: number;
  readonly perSolveMs: number;
}

/** @internal The plan returned after the fill and the adoptions, with its usage, answers, bound, gap and status. */
export interface ImprovedPlan {
  readonly selected: ReadonlySet<string>;
  readonly objective: Decimal;
  readonly usage: readonly ConstraintUsage[];
  readonly whyNot: readonly WhyNot[];
  readonly notes: readonly string[];
  readonly adopted: readonly AdoptedPlanRecord[];
  readonly bound: Decimal | undefined;
  readonly gap: Metric<Decimal>;
  readonly status: SelectionStatus;
}

/**
 * @internal The steps after a first (feasible) solve, shared by `selectPortfolio` and `efficientFrontier`: excluded
 * candidates that fit the free room are added (largest gain first), the "why not" re-solves run, and a re-solve's
 * strictly better plan is adopted (then the fill and the answers again), until none beats the plan. The status and
 * gap are read against the first solve's proven bound.
 */
export async function improvePlan(problem: SelectionProblem, solved: SolvedPlan, o: ImproveOptions): Promise<ImprovedPlan> {
  const inOrder = (s: ReadonlySet<string>, keep = true) => problem.candidates.filter((c) => s.has(c.id) === keep).map((c) => c.id);
  // The plan asked against: the first solve's status, or (once a plan is adopted) optimal only when the first solve's
  // bound proves it, so that a "why not" loss is not worded as exact against a plan that may not be the best.
  const statusOf = (objective: Decimal): SelectionStatus => {
    if (adopted.length === 0) return solved.status;
    const b = solved.bound === undefined ? undefined : boundAt(problem, objective, solved.bound);
    return b !== undefined && relativeGap(objective, b).value?.isZero() === true ? "optimal" : solved.status;
  };
  const explain = (p: { readonly selected: ReadonlySet<string>; readonly objective: Decimal }, u: readonly ConstraintUsage[]) =>
    explainExclusions(problem, { ...p, status: statusOf(p.objective) }, o.targets(inOrder(p.selected, false)), { ...o, usage: u });
  let plan: { readonly selected: ReadonlySet<string>; readonly objective: Decimal } = solved;
  let usage = constraintUsage(problem, plan.selected);
  const notes = [...solved.notes];
  const adopted: AdoptedPlanRecord[] = [];
  const names = (s: ReadonlySet<string>) => (s.size === 0 ? "nothing" : inOrder(s).join(", "));
  // Replaces the plan by a strictly better one (verified by the caller), and says so in `adopted` and `notes`.
  const adopt = (candidate: string, joined: ReadonlySet<string>, objective: Decimal, how: string) => {
    const next = { selected: new Set(inOrder(joined)), objective };
    notes.push(
      `the ${adopted.length === 0 ? `first solve (${solved.status})` : "plan adopted before"} selected ${names(plan.selected)}, worth ${plan.objective.toFixed()}; ${how} ${names(next.selected)}, worth ${objective.toFixed()} (${objective.minus(plan.objective).toFixed()} more): that plan is adopted`,
    );
    adopted.push({ candidate, replaced: inOrder(plan.selected), previousObjective: plan.objective, objective });
    plan = next;
    usage = constraintUsage(problem, plan.selected);
  };
  // A candidate that fits next to the plan under every constraint and adds value proves the plan not optimal (the
  // search stopped before it found that): it is added, largest gain first, each addition re-verified.
  const fill = () => {
    for (let fit = freeRoomFit(problem, plan.selected, usage); fit; fit = freeRoomFit(problem, plan.selected, usage)) {
      const { candidate, adds, worth } = fit;
      const others = adds.filter((id) => id !== candidate);
      adopt(candidate, new Set([...plan.selected, ...adds]), plan.objective.plus(worth), `${candidate}${others.length > 0 ? ` with what it requires (${others.join(", ")})` : ""} fits the free room under every constraint: adding it gives`);
    }
  };
  fill();
  let whyNot = await explain(plan, usage);
  // A re-solve with a candidate forced in is a solve of the same problem with one more row, so its plan is a plan of
  // the problem: one worth more than the selection replaces it (the first solve was cut short), and the "why not"
  // answers are asked again against it, until no re-solve beats the plan (each round strictly raises the value).
  for (;;) {
    const better = whyNot.filter((w) => w.objectiveLost.value?.isNegative() === true);
    if (better.length === 0) break;
    // The largest gain; among equal gains the smaller id (as in the fill), never the input order.
    const best = better.reduce((a, b) => {
      const d = (b.objectiveLost.value as Decimal).comparedTo(a.objectiveLost.value as Decimal);
      return d < 0 || (d === 0 && b.candidate < a.candidate) ? b : a;
    });
    const joined = new Set([...plan.selected].filter((id) => !best.displaces.includes(id)).concat(best.candidate, best.bringsIn));
    // Verified in exact decimals like every plan returned (it always holds: the re-solve's plan was verified).
    if (verifyPlan(problem, joined).length > 0) break;
    adopt(best.candidate, joined, plan.objective.minus(best.objectiveLost.value as Decimal), `the "why not" re-solve with ${best.candidate} forced in found`);
    fill();
    whyNot = await explain(plan, usage);
  }
  // The first solve's bound still holds, read against the plan returned (within one value step of it, it proves that
  // plan optimal); the gap and the status are those of the plan returned.
  const bound = adopted.length === 0 || solved.bound === undefined ? solved.bound : boundAt(problem, plan.objective, solved.bound);
  const planGap = adopted.length === 0 || bound === undefined ? solved.gap : relativeGap(plan.objective, bound);
  const status: SelectionStatus = adopted.length === 0 ? solved.status : planGap.value?.isZero() ? "optimal" : planGap.value?.lessThanOrEqualTo(o.gap) ? "gap-reached" : solved.status;
  return { selected: plan.selected, objective: plan.objective, usage, whyNot, notes, adopted, bound, gap: planGap, status };
}

/**
 * "Why not" for each target, in input order: at most `resolves` re-solves (most valuable candidates first), each
 * within the time left before `deadline`; the rest name the rows that keep them out.
 */
async function explainExclusions(
  problem: SelectionProblem,
  solved: { readonly selected: ReadonlySet<string>; readonly objective: Decimal; readonly status: SelectionStatus },
  targets: readonly string[],
  o: { solver: SelectionSolver; gap: number; usage: readonly ConstraintUsage[]; resolves: number; deadline: number; perSolveMs: number },
): Promise<WhyNot[]> {
  const value = new Map(problem.candidates.map((c) => [c.id, c.value] as const));
  const byValue = [...targets].sort((a, b) => (value.get(b) as Decimal).comparedTo(value.get(a) as Decimal) || (a < b ? -1 : a > b ? 1 : 0));
  const answers = new Map<string, WhyNot>();
  let used = 0;
  let timeUp = false;
  for (const id of byValue) {
    const cheap = whyNotWithoutSolve(problem, solved.selected, id, o.usage);
    if (cheap) { answers.set(id, cheap); continue; }
    // Once the time is up the clock is not read again.
    const left = used >= o.resolves || timeUp ? 0 : o.deadline - now();
    if (left <= 0) timeUp = used < o.resolves;
    if (used >= o.resolves || timeUp) {
      answers.set(id, whyNotFromUsage(problem, solved.selected, id, o.usage, used >= o.resolves ? `the limit of ${o.resolves} re-solve${o.resolves === 1 ? "" : "s"} was reached` : "the time limit was reached"));
      continue;
    }
    used++;
    answers.set(id, await whyNotCandidate(problem, solved, id, o.solver, { gap: o.gap, timeLimitMs: Math.min(o.perSolveMs, left), usage: o.usage }));
  }
  return targets.map((id) => answers.get(id) as WhyNot);
}
