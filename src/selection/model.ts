import type { Decimal } from "../core/index.js";
import { resourceRows, type ResourceRowExact, type SelectionConstraint } from "./constraints.js";
import { defineSelectionProblem, type SelectionProblem } from "./problem.js";

/** A budget or capacity row as a solver sees it: `Σ coefficients[k] · x[indices[k]] ≤ limit`. */
export interface SelectionModelRow {
  /** The constraint this row stands for. */
  readonly constraint: SelectionConstraint;
  /** Candidate indices with a non-zero usage. */
  readonly indices: Int32Array;
  /** Usage of each of those candidates, scaled by `10^scale` so that it is an integer whenever possible. */
  readonly coefficients: Float64Array;
  /** The limit, scaled like the coefficients. */
  readonly limit: number;
  /** Power of ten the exact figures were multiplied by. */
  readonly scale: number;
  /** True when every scaled coefficient and the limit are exact integers (so float sums are exact too). */
  readonly integral: boolean;
}

/**
 * The numeric form of a selection problem handed to a {@link SelectionSolver}: binary variable `x[i]` per candidate,
 * maximise `Σ values[i] · x[i]` subject to the rows, the logical constraints and the fixings. Solvers work on floats
 * here; pmokit re-verifies every plan against the exact problem before returning it.
 */
export interface SelectionModel {
  /** Candidate ids, index-aligned with every array. */
  readonly ids: readonly string[];
  /** Objective coefficient of each candidate. */
  readonly values: Float64Array;
  /** Budget and capacity rows. */
  readonly rows: readonly SelectionModelRow[];
  /** `[dependent, prerequisite]`: `x[dependent] ≤ x[prerequisite]`. */
  readonly requires: readonly (readonly [number, number])[];
  /** `[a, b]`: `x[a] = x[b]` (each "together" group as a chain of pairs). */
  readonly together: readonly (readonly [number, number])[];
  /** Each group: `Σ x[i] ≤ 1`. */
  readonly exclusive: readonly (readonly number[])[];
  /** Per candidate: `1` forced in, `0` forced out, `-1` free (as given; implications are left to the solver). */
  readonly fixed: Int8Array;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** @internal A row held in floats, exactly: usage per candidate index and the limit. */
export interface ExactRow {
  readonly usage: ReadonlyMap<number, Decimal>;
  readonly limit: Decimal;
}

// Per model, the exact figures of its rows held in floats (undefined for integral rows).
const exactRows = new WeakMap<SelectionModel, readonly (ExactRow | undefined)[]>();

/**
 * @internal The exact usage and limit of each row that is not integral (undefined for the others, and for a model not
 * built by {@link buildSelectionModel}): the built-in search decides the plans the floats cannot tell apart with them.
 */
export function exactRowsOf(model: SelectionModel): readonly (ExactRow | undefined)[] | undefined {
  return exactRows.get(model);
}

function scaledRow(row: ResourceRowExact): SelectionModelRow {
  let places = row.limit.decimalPlaces();
  let total = row.limit.abs();
  for (const d of row.usage.values()) {
    places = Math.max(places, d.decimalPlaces());
    total = total.plus(d.abs());
  }
  // Scale to integers when the scaled total stays exactly representable; otherwise keep plain floats.
  const integral = places <= 12 && total.times(10 ** places).lessThan(MAX_SAFE);
  const scale = integral ? places : 0;
  const indices = new Int32Array(row.usage.size);
  const coefficients = new Float64Array(row.usage.size);
  let k = 0;
  for (const [i, d] of row.usage) {
    indices[k] = i;
    coefficients[k] = d.times(10 ** scale).toNumber();
    k++;
  }
  return { constraint: row.constraint, indices, coefficients, limit: row.limit.times(10 ** scale).toNumber(), scale, integral };
}

/**
 * Builds the numeric {@link SelectionModel} of a validated problem (for custom solvers, or to inspect what a solver
 * receives).
 *
 * @example
 * ```ts
 * const model = buildSelectionModel(defineSelectionProblem(input));
 * model.rows.map((r) => r.constraint.label); // ["budget FY2027 (EUR 1,000,000.00)", …]
 * ```
 */
export function buildSelectionModel(problem: SelectionProblem): SelectionModel {
  problem = defineSelectionProblem(problem);
  const index = new Map(problem.candidates.map((c, i) => [c.id, i] as const));
  const at = (id: string) => index.get(id) as number;
  const fixed = new Int8Array(problem.candidates.length).fill(-1);
  for (const f of problem.forcedIn) fixed[at(f.candidate)] = 1;
  for (const f of problem.forcedOut) fixed[at(f.candidate)] = 0;
  const together: [number, number][] = [];
  for (const { candidates: g } of problem.together) for (let k = 1; k < g.length; k++) together.push([at(g[k - 1] as string), at(g[k] as string)]);
  const exact = resourceRows(problem);
  const rows = exact.map(scaledRow);
  const model: SelectionModel = {
    ids: problem.candidates.map((c) => c.id),
    values: Float64Array.from(problem.candidates, (c) => c.value.toNumber()),
    rows,
    requires: problem.requires.filter((r) => r.candidate !== r.requires).map((r) => [at(r.candidate), at(r.requires)] as const),
    together,
    exclusive: problem.exclusive.map((g) => g.candidates.map(at)),
    fixed,
  };
  if (rows.some((r) => !r.integral)) exactRows.set(model, exact.map((r, k) => (rows[k]?.integral ? undefined : { usage: r.usage, limit: r.limit })));
  return model;
}

/**
 * @internal The model of `problem`, which differs from the problem `base` was built from in its limits alone (a
 * frontier level: budgets scaled): rows keep `base`'s indices, coefficients and scale, so its blocks and orders carry
 * over. An integral row's limit is the exact limit at the row's scale rounded down — the same constraint, as every
 * plan's use of an integral row is an integer. A row held in floats keeps its exact usage and the exact new limit for
 * the built-in search. Undefined when a limit at that scale is no longer exactly representable (build it afresh).
 */
export function rescaledModel(base: SelectionModel, problem: SelectionProblem): SelectionModel | undefined {
  const exact = resourceRows(problem);
  if (exact.length !== base.rows.length || problem.candidates.length !== base.ids.length) return undefined;
  const rows: SelectionModelRow[] = [];
  for (const [k, r] of exact.entries()) {
    const b = base.rows[k] as SelectionModelRow;
    if (!b.integral) {
      rows.push({ ...b, constraint: r.constraint, limit: r.limit.toNumber() });
      continue;
    }
    const limit = r.limit.times(10 ** b.scale).floor().toNumber();
    let total = limit;
    for (const c of b.coefficients) total += Math.abs(c);
    if (!(total < MAX_SAFE)) return undefined;
    rows.push({ ...b, constraint: r.constraint, limit });
  }
  const model: SelectionModel = { ...base, rows };
  if (rows.some((r) => !r.integral)) exactRows.set(model, exact.map((r, k) => (rows[k]?.integral ? undefined : { usage: r.usage, limit: r.limit })));
  return model;
}
