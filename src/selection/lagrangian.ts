import type { Blocks } from "./blocks.js";
import type { SelectionModel } from "./model.js";

/**
 * @internal Resource prices from a Lagrangian relaxation: the budget and capacity rows are moved into the objective
 * at a price `λ_r ≥ 0` per unit, the dependencies are dropped, and each block keeps only its first exclusive group.
 * For any prices, `L(λ) = Σ_r λ_r · limit_r + max Σ_b (v_b − λ·u_b) · x_b` over that relaxation is an upper bound on
 * every feasible plan — an honest bound whatever the prices. Good prices (found by subgradient steps) make it close
 * to the LP bound and make `v_b − λ·u_b` (the reduced cost) the right measure of a block: rows that never bind get
 * a price of 0 and stop weighing on the choice. The dependencies are priced too (`x_dependent ≤ x_prerequisite`,
 * price π ≥ 0 moving value from the dependent to its prerequisite), which tightens the bound where they matter.
 */
export interface LagrangianPrices {
  /** Price per unit of each row (in the model's scaled units). */
  readonly prices: Float64Array;
  /** Per block: `v_b − λ·u_b`, plus the prices of the dependency edges it is the prerequisite of, minus those it depends on. */
  readonly reducedCost: Float64Array;
  /** Per block: the part of its reduced cost that comes from dependency-edge prices. */
  readonly edgeTerm: Float64Array;
  /** `L(λ)` at these prices: an upper bound on the objective of every feasible plan. */
  readonly bound: number;
  /** Blocks that can never be selected (they alone exceed a row, or a forced block took their exclusive group). */
  readonly excluded: Uint8Array;
  /** Blocks every plan holds: the forced-in blocks and their prerequisites. */
  readonly forced: Uint8Array;
}

/** Subgradient steps: a fixed count, so that the prices depend only on the problem. */
const ITERATIONS = 400;

interface Relaxation {
  readonly model: SelectionModel;
  readonly blocks: Blocks;
  /** Usage, row-major per block: `flat[b * rows + r]`. */
  readonly flat: Float64Array;
  /** Dependency edges between free blocks, dualized too: `x[dependent] ≤ x[prerequisite]`. */
  readonly edges: Int32Array;
  readonly forced: Uint8Array;
  readonly excluded: Uint8Array;
  /** First exclusive group of each free block still open, or -1. */
  readonly group: Int32Array;
  readonly groupCount: number;
  readonly limits: Float64Array;
}

function forcedClosure(blocks: Blocks): Uint8Array {
  const forced = new Uint8Array(blocks.count);
  const stack: number[] = [];
  for (let b = 0; b < blocks.count; b++) if (blocks.fixed[b] === 1) stack.push(b);
  while (stack.length > 0) {
    const b = stack.pop() as number;
    if (forced[b]) continue;
    forced[b] = 1;
    for (const p of blocks.prereqs[b] as number[]) stack.push(p);
  }
  return forced;
}

function relaxation(model: SelectionModel, blocks: Blocks): Relaxation {
  const forced = forcedClosure(blocks);
  const limits = Float64Array.from(model.rows, (r) => r.limit);
  const taken = new Uint8Array(model.exclusive.length);
  for (let b = 0; b < blocks.count; b++) if (forced[b]) for (const g of blocks.groups[b] as number[]) taken[g] = 1;
  const excluded = new Uint8Array(blocks.count);
  const group = new Int32Array(blocks.count).fill(-1);
  for (let b = 0; b < blocks.count; b++) {
    if (forced[b]) continue;
    const u = blocks.usage[b] as Float64Array;
    const tooBig = u.some((x, r) => x > (limits[r] as number) * (1 + 1e-12) + 1e-12);
    const groups = blocks.groups[b] as number[];
    if (blocks.fixed[b] === 0 || tooBig || groups.some((g) => taken[g])) excluded[b] = 1;
    else if (groups.length > 0) group[b] = groups[0] as number;
  }
  const rows = limits.length;
  const flat = new Float64Array(blocks.count * rows);
  for (let b = 0; b < blocks.count; b++) flat.set(blocks.usage[b] as Float64Array, b * rows);
  const edges: number[] = [];
  for (let d = 0; d < blocks.count; d++) {
    if (forced[d] || excluded[d]) continue;
    for (const p of blocks.prereqs[d] as number[]) if (!forced[p]) edges.push(d, p);
  }
  return { model, blocks, flat, edges: Int32Array.from(edges), forced, excluded, group, groupCount: model.exclusive.length, limits };
}

/**
 * Evaluates `L(λ, π)` (π: prices of the dependency edges, each moving value from a dependent to its prerequisite);
 * fills `chosen` with the inner maximiser and returns the bound.
 */
function evaluate(rel: Relaxation, lambda: Float64Array, pi: Float64Array, rc: Float64Array, chosen: Uint8Array, bestInGroup: Int32Array): number {
  const { blocks, limits, flat, edges } = rel;
  const rows = limits.length;
  let bound = 0;
  for (let r = 0; r < rows; r++) bound += (lambda[r] as number) * (limits[r] as number);
  bestInGroup.fill(-1);
  for (let b = 0; b < blocks.count; b++) {
    let c = blocks.value[b] as number;
    const at = b * rows;
    for (let r = 0; r < rows; r++) c -= (lambda[r] as number) * (flat[at + r] as number);
    rc[b] = c;
  }
  for (let e = 0; e < pi.length; e++) {
    const p = pi[e] as number;
    rc[edges[2 * e] as number] = (rc[edges[2 * e] as number] as number) - p;
    rc[edges[2 * e + 1] as number] = (rc[edges[2 * e + 1] as number] as number) + p;
  }
  for (let b = 0; b < blocks.count; b++) {
    const c = rc[b] as number;
    chosen[b] = 0;
    if (rel.excluded[b]) continue;
    if (rel.forced[b]) { chosen[b] = 1; bound += c; continue; }
    if (c <= 0) continue;
    const g = rel.group[b] as number;
    if (g < 0) { chosen[b] = 1; bound += c; continue; }
    const cur = bestInGroup[g] as number;
    if (cur < 0 || c > (rc[cur] as number)) bestInGroup[g] = b;
  }
  for (let g = 0; g < rel.groupCount; g++) {
    const b = bestInGroup[g] as number;
    if (b >= 0) { chosen[b] = 1; bound += rc[b] as number; }
  }
  return bound;
}

/**
 * @internal Prices by a fixed number of subgradient steps (Polyak step sizes towards `target`, a known plan value),
 * rows scaled to their limits so that budgets in cents and capacities in FTE move alike. Deterministic: the same
 * model always gives the same prices. `onPrices` sees the prices every 50 steps (the heuristic tries a greedy
 * plan at each and may raise `target`).
 */
export function lagrangianPrices(
  model: SelectionModel,
  blocks: Blocks,
  target: number,
  onPrices?: (prices: Float64Array, reducedCost: Float64Array) => number,
): LagrangianPrices {
  const rel = relaxation(model, blocks);
  const rows = model.rows.length;
  const edgeCount = rel.edges.length / 2;
  let pi = new Float64Array(edgeCount);
  const scale = Float64Array.from(rel.limits, (l) => (l > 0 ? 1 / l : 0));
  // Work on prices per unit of the *scaled* rows (fraction of the limit): μ_r = λ_r · limit_r.
  let mu = new Float64Array(rows);
  const lambda = new Float64Array(rows);
  const rc = new Float64Array(blocks.count);
  const chosen = new Uint8Array(blocks.count);
  const bestInGroup = new Int32Array(rel.groupCount);
  const toLambda = (m: Float64Array) => { for (let r = 0; r < rows; r++) lambda[r] = (m[r] as number) * (scale[r] as number); };
  let best = { bound: Infinity, mu: mu.slice(), pi: pi.slice() };
  let lower = target;
  let theta = 2;
  let sinceBetter = 0;
  for (let iter = 0; iter < ITERATIONS; iter++) {
    toLambda(mu);
    const bound = evaluate(rel, lambda, pi, rc, chosen, bestInGroup);
    if (bound < best.bound - 1e-12 * Math.max(1, Math.abs(bound))) { best = { bound, mu: mu.slice(), pi: pi.slice() }; sinceBetter = 0; }
    else if (++sinceBetter >= 30) { theta /= 2; sinceBetter = 0; }
    if (onPrices && iter % 50 === 49) lower = Math.max(lower, onPrices(lambda.slice(), rc.slice()));
    // Subgradient of L at μ, per scaled row: 1 − (use of the chosen blocks) / limit.
    const use = new Float64Array(rows);
    for (let b = 0; b < blocks.count; b++) {
      if (!chosen[b]) continue;
      const at = b * rows;
      for (let r = 0; r < rows; r++) use[r] = (use[r] as number) + (rel.flat[at + r] as number);
    }
    const grad = Float64Array.from(use, (x, r) => ((scale[r] as number) === 0 ? 0 : 1 - x * (scale[r] as number)));
    const edgeGrad = new Float64Array(edgeCount);
    for (let e = 0; e < edgeCount; e++) edgeGrad[e] = (chosen[rel.edges[2 * e + 1] as number] as number) - (chosen[rel.edges[2 * e] as number] as number);
    let norm = 0;
    for (const g of grad) norm += g * g;
    for (const g of edgeGrad) norm += g * g;
    if (norm === 0) break;
    const step = (theta * Math.max(bound - lower, 1e-9 * Math.max(1, Math.abs(bound)))) / norm;
    mu = Float64Array.from(mu, (m, r) => Math.max(0, m - step * (grad[r] as number)));
    pi = Float64Array.from(pi, (m, e) => Math.max(0, m - step * (edgeGrad[e] as number)));
  }
  toLambda(best.mu);
  const bound = evaluate(rel, lambda, best.pi, rc, chosen, bestInGroup);
  const edgeTerm = new Float64Array(blocks.count);
  for (let e = 0; e < edgeCount; e++) {
    const p = best.pi[e] as number;
    edgeTerm[rel.edges[2 * e] as number] = (edgeTerm[rel.edges[2 * e] as number] as number) - p;
    edgeTerm[rel.edges[2 * e + 1] as number] = (edgeTerm[rel.edges[2 * e + 1] as number] as number) + p;
  }
  return { prices: lambda.slice(), reducedCost: rc, edgeTerm, bound, excluded: rel.excluded, forced: rel.forced };
}
