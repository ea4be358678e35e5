import { vi } from "vitest";
import { money } from "../../src/core/index.js";
import type { SelectionProblemInput } from "../../src/selection/index.js";

/** A seeded problem of `n` candidates (default 120), 2 periods × 3 skills, budgets and capacities at 30 % of demand (hard enough that
 * the local improvement matters). Park–Miller LCG, so the instance is the same on every machine. */
export function instance(seed: number, n = 120): SelectionProblemInput {
  let s = seed;
  const rnd = () => (s = (s * 48_271) % 2_147_483_647) / 2_147_483_647;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const periods = ["P1", "P2"];
  const skills = ["a", "b", "c"];
  const total: Record<string, number> = {};
  const candidates = Array.from({ length: n }, (_, i) => {
    const costs: Record<string, ReturnType<typeof money>> = {};
    const demand: Record<string, Record<string, number>> = {};
    for (const p of periods) {
      const cents = int(100_000, 900_000);
      costs[p] = money((cents / 100).toFixed(2), "EUR");
      total[p] = (total[p] ?? 0) + cents;
      for (const k of skills) {
        const d = int(0, 4);
        (demand[p] ??= {})[k] = d;
        total[`${p}${k}`] = (total[`${p}${k}`] ?? 0) + d;
      }
    }
    return { id: `R${i}`, value: int(10, 100), costs, demand };
  });
  return {
    periods,
    candidates,
    budgets: Object.fromEntries(periods.map((p) => [p, money((Math.floor(0.3 * (total[p] as number)) / 100).toFixed(2), "EUR")])),
    capacity: Object.fromEntries(periods.map((p) => [p, Object.fromEntries(skills.map((k) => [k, Math.floor(0.3 * (total[`${p}${k}`] as number))]))])),
    constraints: [
      { kind: "requires", candidate: "R5", requires: "R7" },
      { kind: "requires", candidate: "R20", requires: "R30" },
      { kind: "exclusive", candidates: ["R1", "R2", "R3"] },
    ],
  };
}

/** Makes `performance.now()` advance `stepMs` on every call: a machine that is slow by any amount. */
export function slowClock(stepMs: number): void {
  let t = 0;
  vi.spyOn(globalThis.performance, "now").mockImplementation(() => (t += stepMs));
}

