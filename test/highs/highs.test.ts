import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { money } from "../../src/core/index.js";
import type { Highs } from "highs";
import { createHighsSolver, type HighsSelectionSolver } from "../../src/highs/index.js";
import { highsRunOptions } from "../../src/highs/highs-solver.js";
import { buildSelectionModel, defineSelectionProblem, efficientFrontier, selectPortfolio, type SolverRun } from "../../src/selection/index.js";
import { enumerateOptimum, feasible, rawProblem, toInput, type RawProblem } from "../selection/oracle.js";

const eur = (s: string) => money(s, "EUR");
const plan = (p: RawProblem, selected: readonly string[]) => Array.from({ length: p.n }, (_, i) => (selected.includes(`C${String(i).padStart(2, "0")}`) ? 1 : 0));

// Loading HiGHS instantiates its WASM module: once per file.
let highs: HighsSelectionSolver;
beforeAll(async () => {
  highs = await createHighsSolver();
});

describe("HiGHS solver", () => {
  it("solves the hand-derived four-project problem (optimum {A, B} = 17)", async () => {
    // Derivation in test/selection/select.test.ts.
    const r = await selectPortfolio({
      periods: ["FY27"],
      candidates: [
        { id: "A", value: 10, costs: { FY27: eur("600.00") } },
        { id: "B", value: 7, costs: { FY27: eur("400.00") } },
        { id: "C", value: 5, costs: { FY27: eur("300.00") } },
        { id: "D", value: 4, costs: { FY27: eur("300.00") } },
      ],
      budgets: { FY27: eur("1000.00") },
      constraints: [{ kind: "requires", candidate: "D", requires: "C" }],
    }, { solver: highs, gap: 0 });
    expect(r).toMatchObject({ solver: "highs", status: "optimal", selected: ["A", "B"] });
    expect(r.objective.value?.toFixed()).toBe("17");
    expect(r.whyNot.map((w) => w.objectiveLost.value?.toFixed())).toEqual(["1", "1"]);
  });

  it("returns HiGHS' proven bound and honours fixed columns", () => {
    const model = buildSelectionModel(defineSelectionProblem({
      periods: ["P"],
      candidates: [{ id: "X", value: 5 }, { id: "Y", value: 3 }, { id: "Z", value: 1 }],
      constraints: [{ kind: "exclusive", candidates: ["X", "Y", "Z"] }, { kind: "forced-out", candidate: "X" }],
    }));
    const run = highs.solve(model, { gap: 0, timeLimitMs: 5_000 }) as SolverRun & { plan: Uint8Array };
    expect([...run.plan]).toEqual([0, 1, 0]);
    expect(run.bound).toBe(3);
    expect(run.stoppedBy).toBe("optimal");
  });

  it("equals exhaustive enumeration on generated problems up to 12 candidates", async () => {
    await fc.assert(
      fc.asyncProperty(rawProblem(12), async (p) => {
        const best = enumerateOptimum(p);
        const r = await selectPortfolio(toInput(p), { solver: highs, gap: 0, whyNot: "none" });
        if (best === undefined) return void expect(r.status).toBe("infeasible");
        expect(r.status).toBe("optimal");
        expect(r.objective.value?.toNumber()).toBe(best);
        expect(feasible(p, plan(p, r.selected))).toBe(true);
      }),
      { seed: 42, numRuns: 100 },
    );
  }, 30_000);

  it("equals exhaustive enumeration at 20 candidates", async () => {
    await fc.assert(
      fc.asyncProperty(rawProblem(20, 20), async (p) => {
        const best = enumerateOptimum(p);
        const r = await selectPortfolio(toInput(p), { solver: highs, gap: 0, whyNot: "none" });
        if (best === undefined) return void expect(r.status).toBe("infeasible");
        expect(r.objective.value?.toNumber()).toBe(best);
        expect(feasible(p, plan(p, r.selected))).toBe(true);
      }),
      { seed: 42, numRuns: 6 },
    );
  }, 30_000);

  it("agrees with the built-in solver on the frontier", async () => {
    await fc.assert(
      fc.asyncProperty(rawProblem(10), async (p) => {
        const a = await efficientFrontier(toInput(p), { levels: [0.5, 1], gap: 0, solver: highs });
        const b = await efficientFrontier(toInput(p), { levels: [0.5, 1], gap: 0 });
        expect(a.map((x) => x.optimal.objective.value?.toFixed())).toEqual(b.map((x) => x.optimal.objective.value?.toFixed()));
      }),
      { seed: 42, numRuns: 30 },
    );
  }, 30_000);
});

describe("HiGHS settings follow the requested gap (issue 12)", () => {
  const model = () => buildSelectionModel(defineSelectionProblem({
    periods: ["P"],
    candidates: [{ id: "X", value: 5, costs: { P: eur("3.00") } }, { id: "Y", value: 4, costs: { P: eur("2.00") } }, { id: "Z", value: 3, costs: { P: eur("2.00") } }],
    budgets: { P: eur("4.00") },
  }));

  /** The HiGHS runtime with every model's `mip_heuristic_effort` recorded just before it runs. */
  function recording(seen: number[]): Highs {
    return new Proxy(highs.highs, {
      get(target, key) {
        if (key === "createModel") {
          return (data: Parameters<Highs["createModel"]>[0]) => {
            const m = target.createModel(data);
            const run = m.run.bind(m);
            return Object.assign(m, { run: () => { seen.push(Number(m.options.get("mip_heuristic_effort"))); return run(); } });
          };
        }
        const v = Reflect.get(target, key) as unknown;
        return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }

  it("a gap above 0 gets the fast-incumbent tuning; gap 0 (a proof) gets HiGHS' defaults", async () => {
    expect(highsRunOptions({ gap: 0.01, timeLimitMs: 2_000 })).toEqual({ output_flag: false, mip_heuristic_effort: 0.5, mip_rel_gap: 0.01, time_limit: 2 });
    expect(highsRunOptions({ gap: 0, timeLimitMs: 2_000 })).toEqual({ output_flag: false, mip_rel_gap: 0, time_limit: 2 });
    expect(highsRunOptions({ gap: 0, timeLimitMs: 2_000 }, { mip_heuristic_effort: 0.2 })).toMatchObject({ mip_heuristic_effort: 0.2 });
    const seen: number[] = [];
    const solver = await createHighsSolver({ highs: recording(seen), warmUp: false });
    const proof = await solver.solve(model(), { gap: 0, timeLimitMs: 5_000 });
    const quick = await solver.solve(model(), { gap: 0.01, timeLimitMs: 5_000 });
    // HiGHS' own default effort is 0.05; the tuning is applied only to the gap-0.01 run.
    expect(seen).toEqual([0.05, 0.5]);
    // Both optimal: Y + Z (cost 4.00, value 7) beats X (value 5).
    expect([proof.stoppedBy, quick.stoppedBy]).toEqual(["optimal", "optimal"]);
    expect([...(proof.plan ?? [])]).toEqual([0, 1, 1]);
  });
});
