import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createHighsSolver, type HighsSelectionSolver } from "../../src/highs/index.js";
import { selectPortfolio, type SelectionProblemInput } from "../../src/selection/index.js";

/*
 * Built-in = HiGHS = brute force (every subset, here in integers: no code shared with src/selection), on problems
 * of up to 12 candidates with every constraint kind at once, values of two decimals (zero and negative included),
 * costs of one decimal and budgets set to the exact cost of a random subset — 0.1 + 0.2 against 0.3 must fit, so a
 * float sum that lands above the limit would lose the optimum. Demands in tenths against capacities likewise.
 */
interface Raw {
  n: number; vals: number[]; cost: number[][]; dem: number[][]; pick: boolean[]; slack: number[]; cap: (number | null)[];
  req: [number, number][]; tog: number[][]; exc: number[][]; fin: number[]; fout: number[];
}
const T = 2;
const raw: fc.Arbitrary<Raw> = fc.integer({ min: 2, max: 12 }).chain((n) => {
  const idx = fc.integer({ min: 0, max: n - 1 });
  const group = fc.uniqueArray(idx, { minLength: 2, maxLength: 3 });
  return fc.record({
    n: fc.constant(n),
    vals: fc.array(fc.oneof(fc.integer({ min: -300, max: 3000 }), fc.constantFrom(0, 100, 200)), { minLength: n, maxLength: n }),
    cost: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(1, 2, 3)), { minLength: T, maxLength: T }), { minLength: n, maxLength: n }),
    dem: fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: T, maxLength: T }), { minLength: n, maxLength: n }),
    pick: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    slack: fc.array(fc.constantFrom(0, 0, 1, 50), { minLength: T, maxLength: T }),
    cap: fc.array(fc.option(fc.integer({ min: 0, max: 60 })), { minLength: T, maxLength: T }),
    req: fc.array(fc.tuple(idx, idx).filter(([a, b]) => a !== b), { maxLength: n }),
    tog: fc.array(group, { maxLength: 2 }),
    exc: fc.array(group, { maxLength: 3 }),
    fin: fc.uniqueArray(idx, { maxLength: 2 }),
    fout: fc.uniqueArray(idx, { maxLength: 2 }),
  }).map((p) => ({ ...p, fout: p.fout.filter((i) => !p.fin.includes(i)) }));
});
/** Budget of period k: the exact cost of the picked subset, plus a slack. */
const budget = (p: Raw, k: number) => p.cost.reduce((s, c, i) => s + (p.pick[i] ? (c[k] as number) : 0), 0) + (p.slack[k] as number);
const dec = (x: number, places: number) => {
  const s = Math.abs(x).toString().padStart(places + 1, "0");
  return `${x < 0 ? "-" : ""}${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
};
const id = (i: number) => `K${String(i).padStart(2, "0")}`;
function input(p: Raw): SelectionProblemInput {
  const per = ["P0", "P1"];
  const capped = p.cap.some((c) => c !== null);
  return {
    periods: per,
    candidates: p.vals.map((v, i) => ({
      id: id(i),
      value: dec(v, 2),
      // One decimal, as a string or a number: 0.1 and 0.2 are not exact doubles.
      costs: Object.fromEntries(per.map((q, k) => [q, { amount: k === 0 ? dec(p.cost[i]![k]!, 1) : p.cost[i]![k]! / 10, currency: "EUR" }])),
      demand: capped ? Object.fromEntries(per.map((q, k) => [q, { s: p.dem[i]![k]! / 10 }])) : {},
    })),
    budgets: Object.fromEntries(per.map((q, k) => [q, { amount: dec(budget(p, k), 1), currency: "EUR" }])),
    capacity: Object.fromEntries(per.map((q, k) => [q, p.cap[k] == null ? {} : { s: dec(p.cap[k]!, 1) }])),
    constraints: [
      ...p.req.map(([a, b]) => ({ kind: "requires" as const, candidate: id(a), requires: id(b) })),
      ...p.tog.map((g) => ({ kind: "together" as const, candidates: g.map(id) })),
      ...p.exc.map((g) => ({ kind: "exclusive" as const, candidates: g.map(id) })),
      ...p.fin.map((i) => ({ kind: "forced-in" as const, candidate: id(i) })),
      ...p.fout.map((i) => ({ kind: "forced-out" as const, candidate: id(i) })),
    ],
  };
}
/** Best value in hundredths over every subset, or undefined when none is feasible. */
function brute(p: Raw): number | undefined {
  let best: number | undefined;
  for (let m = 0; m < 1 << p.n; m++) {
    const x = (i: number) => (m >> i) & 1;
    let ok = true;
    for (let k = 0; k < T && ok; k++) {
      let c = 0;
      let d = 0;
      for (let i = 0; i < p.n; i++) if (x(i)) { c += p.cost[i]![k]!; d += p.dem[i]![k]!; }
      if (c > budget(p, k) || (p.cap[k] != null && d > p.cap[k]!)) ok = false;
    }
    if (!ok || p.req.some(([a, b]) => x(a) && !x(b)) || p.tog.some((g) => new Set(g.map(x)).size > 1)) continue;
    if (p.exc.some((g) => g.filter((i) => x(i)).length > 1) || p.fin.some((i) => !x(i)) || p.fout.some((i) => x(i))) continue;
    let v = 0;
    for (let i = 0; i < p.n; i++) if (x(i)) v += p.vals[i]!;
    if (best === undefined || v > best) best = v;
  }
  return best;
}

let highs: HighsSelectionSolver;
beforeAll(async () => {
  highs = await createHighsSolver();
});

describe("built-in = HiGHS = brute force, exact decimals at the limits", () => {
  it("same optimum (or infeasible with a conflict) for both solvers", async () => {
    await fc.assert(
      fc.asyncProperty(raw, async (p) => {
        const best = brute(p);
        for (const solver of [undefined, highs]) {
          const r = await selectPortfolio(input(p), { solver, gap: 0, whyNot: "none" });
          if (best === undefined) {
            expect(r.status).toBe("infeasible");
            expect(r.conflicts.length).toBeGreaterThan(0);
          } else {
            expect(r.status).toBe("optimal");
            expect(r.objective.value?.times(100).toNumber()).toBe(best);
          }
        }
      }),
      { seed: 17, numRuns: 80 },
    );
  }, 180_000);
});
