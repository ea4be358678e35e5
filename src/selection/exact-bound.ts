import { PmoDecimal, type Decimal } from "../core/index.js";
import type { SelectionProblem } from "./problem.js";

/*
 * Solvers prove their bound in floats; the objective is exact. Reading the float bound as exact used to snap any
 * bound within a relative 1e-9 of the objective to the objective — "optimal", gap 0 — although a plan half a euro
 * better on a billion (or one the floats cannot tell apart at all) was known to exist.
 */

/**
 * @internal The exact best bound of a plan worth `objective`, from a solver's float bound `boundFloat`. The float
 * bound is good to the floats' rounding error on these values, at most (2n + 2)·2^-53 of Σ|v| for n candidates (sums
 * of n terms and their prices); widened by that, it is a true bound. Every plan's value is a multiple of 10^-p, p the
 * most decimals of any value, so no plan lies strictly between the objective and one such step above it: a widened
 * bound below that proves the objective optimal; otherwise the widened bound stands (never below the objective).
 * Values with more digits than a double holds (1 and 1.00000000000000001) thus never give a false "optimal".
 */
export function exactBound(problem: SelectionProblem, objective: Decimal, boundFloat: number): Decimal {
  if (!Number.isFinite(boundFloat)) return objective;
  let total: Decimal = new PmoDecimal(0);
  for (const c of problem.candidates) total = total.plus(c.value.abs());
  return boundAt(problem, objective, new PmoDecimal(boundFloat).plus(total.times(2 * problem.candidates.length + 2).times(new PmoDecimal(2).pow(-53))));
}

/**
 * @internal A true bound `upper` read against a plan worth `objective`: below one step (10^-p) above the objective it
 * proves the plan optimal, so the bound is the objective; otherwise it stands. Also for a plan adopted after the
 * solve that gave the bound.
 */
export function boundAt(problem: SelectionProblem, objective: Decimal, upper: Decimal): Decimal {
  let places = 0;
  for (const c of problem.candidates) places = Math.max(places, c.value.decimalPlaces());
  return upper.lessThan(objective.plus(new PmoDecimal(10).pow(-places))) ? objective : upper;
}
