import { dictionaryOf } from "../core/own.js";
import { derivedProblem, type SelectionProblem } from "./problem.js";

/*
 * Which of several equally good plans a solver returns depends on the order it meets the candidates and constraints
 * in (the built-in greedy and branch and bound break ties by position; HiGHS by column order). Solving the problem in
 * one canonical order makes that choice depend on the content alone: listing the same candidates or constraints in
 * another order gives the same plan.
 */

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const key = (ids: readonly string[]): string => ids.join("\u0000");

const cache = new WeakMap<SelectionProblem, SelectionProblem>();

/**
 * @internal The problem as solvers see it: candidates sorted by id (code-unit order), the members of every group and
 * the constraints of every kind sorted, each period's skills sorted. Periods keep their order. Same content, same
 * constraints; only the order differs.
 */
export function canonicalProblem(problem: SelectionProblem): SelectionProblem {
  let out = cache.get(problem);
  if (out) return out;
  const sorted = (ids: readonly string[]) => [...ids].sort(byCode);
  const together = problem.together.map((g) => ({ candidates: sorted(g.candidates) })).sort((a, b) => byCode(key(a.candidates), key(b.candidates)));
  const exclusive = problem.exclusive
    .map((g) => ({ id: g.id, candidates: sorted(g.candidates) }))
    .sort((a, b) => byCode(key(a.candidates), key(b.candidates)) || byCode(a.id, b.id));
  const capacity = dictionaryOf(
    Object.fromEntries(Object.keys(problem.capacity).map((p) => {
      const per = problem.capacity[p] ?? {};
      return [p, dictionaryOf(Object.fromEntries(Object.keys(per).sort(byCode).map((s) => [s, per[s]])))];
    })),
  );
  out = derivedProblem(Object.freeze({
    ...problem,
    candidates: [...problem.candidates].sort((a, b) => byCode(a.id, b.id)),
    capacity,
    requires: [...problem.requires].sort((a, b) => byCode(a.candidate, b.candidate) || byCode(a.requires, b.requires)),
    together,
    exclusive,
    forcedIn: [...problem.forcedIn].sort((a, b) => byCode(a.candidate, b.candidate)),
    forcedOut: [...problem.forcedOut].sort((a, b) => byCode(a.candidate, b.candidate)),
  }));
  cache.set(problem, out);
  return out;
}

/**
 * @internal Records `canonical` as the canonical form of `problem` (a frontier level: the canonical problem with its
 * budgets scaled, the same content in the same order), so that it is not sorted again.
 */
export function knownCanonical(problem: SelectionProblem, canonical: SelectionProblem): void {
  cache.set(problem, canonical);
}
