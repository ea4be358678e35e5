import { PmoDecimal, type Decimal } from "../core/index.js";
import type { SelectionProblem } from "./problem.js";

/*
 * Solvers prove their bound in floats; the objective is exact. Reading the float bound as exact used to snap any
 * bound within a relative 1e-9 of the objective to the objective — "optimal", gap 0 — although a plan half a euro
 * better on a billion (or one the floats cannot tell apart at all) was known to exist.
 */

/**
 * @internal The step every plan's exact value is a multiple of: 10^-p, p the most decimal places of any value, when
 * the values total at most 2^53 − 1 such steps (then a float tells two plans one step apart); undefined otherwise.
 */
export function valueStep(problem: SelectionProblem): Decimal | undefined {
  let places = 0;
  let total: Decimal = new PmoDecimal(0);
  for (const c of problem.candidates) {
    places = Math.max(places, c.value.decimalPlaces());
    total = total.plus(c.value.abs());
  }
  if (places > 15 || total.times(new PmoDecimal(10).pow(places)).greaterThan(Number.MAX_SAFE_INTEGER)) return undefined;
  return new PmoDecimal(10).pow(-places);
}

/**
 * @internal The exact best bound of a plan worth `objective`, from a solver's float bound `boundFloat`. When the
 * values have a step (see {@link valueStep}), no plan lies strictly between the objective and one step above it, so a
 * float bound less than half a step above proves the objective optimal; otherwise the float bound stands. Without a
 * step the values have more digits than a double holds: the float bound is widened by the floats' error on these
 * values (2^-40 of Σ|v|) and proves optimality only from below the objective.
 */
export function exactBound(problem: SelectionProblem, objective: Decimal, boundFloat: number): Decimal {
  if (!Number.isFinite(boundFloat)) return objective;
  const step = valueStep(problem);
  const float = new PmoDecimal(boundFloat);
  if (step !== undefined) return float.lessThan(objective.plus(step.div(2))) ? objective : float;
  let total: Decimal = new PmoDecimal(0);
  for (const c of problem.candidates) total = total.plus(c.value.abs());
  const widened = float.plus(total.times(new PmoDecimal(2).pow(-40)));
  return widened.lessThanOrEqualTo(objective) ? objective : widened;
}
