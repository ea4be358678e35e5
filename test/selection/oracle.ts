import fc from "fast-check";
import { expect } from "vitest";
import { money } from "../../src/core/index.js";
import type { SelectionProblemInput } from "../../src/selection/index.js";

/**
 * Test oracle: small random selection problems in plain integers (costs in cents), solved by exhaustive enumeration
 * (depth-first over include/exclude, pruning only on budget/capacity, which is safe because usage is non-negative).
 * It shares no code with src/selection.
 */
export interface RawProblem {
  readonly n: number;
  readonly periods: number;
  readonly skills: number;
  readonly values: number[];
  readonly cents: number[][]; // [candidate][period]
  readonly demand: number[][][]; // [candidate][period][skill]
  readonly budget: number[]; // cents per period
  readonly capacity: number[][]; // [period][skill]
  readonly requires: [number, number][]; // [dependent, prerequisite]
  readonly together: number[][];
  readonly exclusive: number[][];
  readonly forcedIn: number[];
  readonly forcedOut: number[];
}

const id = (i: number) => `C${String(i).padStart(2, "0")}`;
const cents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;

export function toInput(p: RawProblem): SelectionProblemInput {
  const periods = Array.from({ length: p.periods }, (_, k) => `FY${2027 + k}`);
  const skills = Array.from({ length: p.skills }, (_, s) => `skill${s}`);
  return {
    periods,
    candidates: p.values.map((v, i) => ({
      id: id(i),
      value: v,
      costs: Object.fromEntries(periods.map((per, k) => [per, money(cents(p.cents[i]?.[k] ?? 0), "EUR")])),
      demand: Object.fromEntries(periods.map((per, k) => [per, Object.fromEntries(skills.map((s, j) => [s, p.demand[i]?.[k]?.[j] ?? 0]))])),
    })),
    budgets: Object.fromEntries(periods.map((per, k) => [per, money(cents(p.budget[k] ?? 0), "EUR")])),
    capacity: Object.fromEntries(periods.map((per, k) => [per, Object.fromEntries(skills.map((s, j) => [s, p.capacity[k]?.[j] ?? 0]))])),
    constraints: [
      ...p.requires.map(([d, q]) => ({ kind: "requires" as const, candidate: id(d), requires: id(q) })),
      ...p.together.map((g) => ({ kind: "together" as const, candidates: g.map(id) })),
      ...p.exclusive.map((g) => ({ kind: "exclusive" as const, candidates: g.map(id) })),
      ...p.forcedIn.map((i) => ({ kind: "forced-in" as const, candidate: id(i), reason: "regulatory" })),
      ...p.forcedOut.map((i) => ({ kind: "forced-out" as const, candidate: id(i), reason: "withdrawn" })),
    ],
  };
}

/** True when the 0/1 plan meets every constraint (independent check). */
export function feasible(p: RawProblem, x: readonly number[]): boolean {
  for (let k = 0; k < p.periods; k++) {
    let used = 0;
    for (let i = 0; i < p.n; i++) used += (x[i] ?? 0) * (p.cents[i]?.[k] ?? 0);
    if (used > (p.budget[k] ?? 0)) return false;
    for (let s = 0; s < p.skills; s++) {
      let d = 0;
      for (let i = 0; i < p.n; i++) d += (x[i] ?? 0) * (p.demand[i]?.[k]?.[s] ?? 0);
      if (d > (p.capacity[k]?.[s] ?? 0)) return false;
    }
  }
  if (p.requires.some(([d, q]) => x[d] === 1 && x[q] !== 1)) return false;
  if (p.together.some((g) => new Set(g.map((i) => x[i])).size > 1)) return false;
  if (p.exclusive.some((g) => g.filter((i) => x[i] === 1).length > 1)) return false;
  if (p.forcedIn.some((i) => x[i] !== 1) || p.forcedOut.some((i) => x[i] === 1)) return false;
  return true;
}

/** Best objective by enumeration, or undefined when no plan is feasible. */
export function enumerateOptimum(p: RawProblem, extraForcedIn: readonly number[] = []): number | undefined {
  const q = { ...p, forcedIn: [...p.forcedIn, ...extraForcedIn] };
  const x = new Array<number>(p.n).fill(0);
  let best: number | undefined;
  const usedB = new Array<number>(p.periods).fill(0);
  const usedC = Array.from({ length: p.periods }, () => new Array<number>(p.skills).fill(0));
  // Logical constraints are checked as soon as their last candidate is decided (pruning), and again at each leaf.
  const checks: (() => boolean)[][] = Array.from({ length: p.n }, () => []);
  const last = (ids: readonly number[]) => Math.max(...ids);
  for (const [d, r] of q.requires) checks[last([d, r])]?.push(() => !(x[d] === 1 && x[r] !== 1));
  for (const g of q.together) checks[last(g)]?.push(() => new Set(g.map((i) => x[i])).size === 1);
  for (const g of q.exclusive) checks[last(g)]?.push(() => g.filter((i) => x[i] === 1).length <= 1);
  for (const i of q.forcedIn) checks[i]?.push(() => x[i] === 1);
  for (const i of q.forcedOut) checks[i]?.push(() => x[i] === 0);
  const ok = (i: number) => (checks[i] as (() => boolean)[]).every((c) => c());
  const go = (i: number, value: number) => {
    if (i === p.n) {
      if (feasible(q, x) && (best === undefined || value > best)) best = value;
      return;
    }
    x[i] = 0;
    if (ok(i)) go(i + 1, value);
    for (let k = 0; k < p.periods; k++) {
      if ((usedB[k] as number) + (p.cents[i]?.[k] ?? 0) > (p.budget[k] ?? 0)) return;
      for (let s = 0; s < p.skills; s++) if ((usedC[k]?.[s] as number) + (p.demand[i]?.[k]?.[s] ?? 0) > (p.capacity[k]?.[s] ?? 0)) return;
    }
    x[i] = 1;
    if (ok(i)) {
      for (let k = 0; k < p.periods; k++) {
        usedB[k] = (usedB[k] as number) + (p.cents[i]?.[k] ?? 0);
        for (let s = 0; s < p.skills; s++) (usedC[k] as number[])[s] = (usedC[k]?.[s] as number) + (p.demand[i]?.[k]?.[s] ?? 0);
      }
      go(i + 1, value + (p.values[i] as number));
      for (let k = 0; k < p.periods; k++) {
        usedB[k] = (usedB[k] as number) - (p.cents[i]?.[k] ?? 0);
        for (let s = 0; s < p.skills; s++) (usedC[k] as number[])[s] = (usedC[k]?.[s] as number) - (p.demand[i]?.[k]?.[s] ?? 0);
      }
    }
    x[i] = 0;
  };
  go(0, 0);
  return best;
}

/** fast-check arbitrary of raw problems with 0..maxN candidates. */
export function rawProblem(maxN: number, minN = 3): fc.Arbitrary<RawProblem> {
  return fc
    .record({ n: fc.integer({ min: minN, max: maxN }), periods: fc.integer({ min: 1, max: 2 }), skills: fc.integer({ min: 0, max: 2 }) })
    .chain(({ n, periods, skills }) => {
      const idx = fc.integer({ min: 0, max: Math.max(0, n - 1) });
      const group = fc.uniqueArray(idx, { minLength: 2, maxLength: 3 });
      return fc.record({
        n: fc.constant(n),
        periods: fc.constant(periods),
        skills: fc.constant(skills),
        values: fc.array(fc.integer({ min: -5, max: 60 }), { minLength: n, maxLength: n }),
        cents: fc.array(fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: periods, maxLength: periods }), { minLength: n, maxLength: n }),
        demand: fc.array(fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: skills, maxLength: skills }), { minLength: periods, maxLength: periods }), { minLength: n, maxLength: n }),
        budget: fc.array(fc.integer({ min: n * 6_000, max: Math.max(1, n) * 25_000 }), { minLength: periods, maxLength: periods }),
        capacity: fc.array(fc.array(fc.integer({ min: n, max: Math.max(1, n) * 2 }), { minLength: skills, maxLength: skills }), { minLength: periods, maxLength: periods }),
        requires: n < 2 ? fc.constant([] as [number, number][]) : fc.array(fc.tuple(idx, idx).filter(([a, b]) => a !== b), { maxLength: Math.ceil(n / 3) }),
        together: n < 2 ? fc.constant([] as number[][]) : fc.array(group, { maxLength: 1 }),
        exclusive: n < 2 ? fc.constant([] as number[][]) : fc.array(group, { maxLength: 2 }),
        forced: n < 1 ? fc.constant([] as number[]) : fc.uniqueArray(idx, { maxLength: 3 }),
        split: fc.integer({ min: 0, max: 5 }),
      }).map(({ forced, split, ...rest }) => ({ ...rest, forcedIn: forced.slice(0, split >= 4 ? split - 3 : 0), forcedOut: forced.slice(split >= 4 ? split - 3 : 0, split >= 2 ? 3 : 0) }));
    });
}

/** How {@link constrainedProblem} draws its forced candidates and scales its budgets. */
export interface ConstraintMix {
  /** Fewest and most candidates forced (the first `k` in, the rest out). */
  readonly forced: { readonly min: number; readonly max: number };
  /** Fewest and most of the forced that are forced in. */
  readonly forcedIn: { readonly min: number; readonly max: number };
  /** Factors the drawn budgets are scaled by (0: nothing affordable). */
  readonly budgetScales: readonly number[];
}

/**
 * A random problem of up to `n` candidates with every constraint kind combined: dependencies (cycles allowed),
 * together and exclusive groups, candidates forced in and out, and budgets scaled to tight or loose.
 */
export function constrainedProblem(n: number, periods: number, mix: ConstraintMix): fc.Arbitrary<RawProblem> {
  return rawProblem(n, periods).chain((p) => {
    const idx = fc.integer({ min: 0, max: p.n - 1 });
    const group = fc.uniqueArray(idx, { minLength: 2, maxLength: 4 });
    return fc.record({
      requires: fc.array(fc.tuple(idx, idx).filter(([a, b]) => a !== b), { maxLength: p.n }),
      together: fc.array(group, { maxLength: 3 }),
      exclusive: fc.array(group, { maxLength: 4 }),
      forced: fc.uniqueArray(idx, { minLength: mix.forced.min, maxLength: mix.forced.max }),
      k: fc.integer(mix.forcedIn),
      budgetScale: fc.constantFrom(...mix.budgetScales),
    }).map(({ forced, k, budgetScale, ...rest }): RawProblem => ({
      ...p, ...rest, budget: p.budget.map((b) => Math.floor(b * budgetScale)), forcedIn: forced.slice(0, k), forcedOut: forced.slice(k),
    }));
  });
}

/** A result's selected ids as a 0/1 plan over the problem's candidates (C00, C01, …). */
export function planOf(p: RawProblem, selected: readonly string[]): number[] {
  return Array.from({ length: p.n }, (_, i) => (selected.includes(id(i)) ? 1 : 0));
}

/** What {@link expectEnumeratedOptimum} reads of a selection result. */
interface SelectionOutcome {
  readonly status: string;
  readonly selected: readonly string[];
  readonly conflicts: readonly unknown[];
  readonly objective: { readonly value?: { toNumber(): number; times(x: number): { toNumber(): number } } | undefined };
}

/**
 * Asserts a result against enumeration: the enumerated optimum (`scale` × the objective, 10 for tenths) with a
 * feasible plan, or infeasible with a conflict named when enumeration finds no feasible plan.
 */
export function expectEnumeratedOptimum(p: RawProblem, r: SelectionOutcome, scale = 1): void {
  const best = enumerateOptimum(p);
  if (best === undefined) {
    expect(r.status).toBe("infeasible");
    expect(r.conflicts.length).toBeGreaterThan(0);
    return;
  }
  expect(r.status).toBe("optimal");
  expect(r.objective.value?.times(scale).toNumber()).toBe(best);
  expect(feasible(p, planOf(p, r.selected))).toBe(true);
}
