import { solve as yalpsSolve, type Model as YalpsModel } from "yalps";
import { money } from "../src/core/index.js";
import { createHighsSolver } from "../src/highs/index.js";
import {
  buildSelectionModel,
  builtInSolver,
  defineSelectionProblem,
  efficientFrontier,
  selectPortfolio,
  verifyPlan,
  type SelectionProblem,
  type SelectionProblemInput,
  type SelectionSolver,
} from "../src/selection/index.js";
import { report, time } from "./lib/measure.js";
import { intBetween, seededRandom } from "./lib/random.js";

/*
 * Selection benchmarks (issue 3). Seeded instances: n candidates × 3 fiscal periods × 5 skills (so 3 budget rows and
 * 15 capacity rows), dependencies on 10% of n (random pairs; cycles allowed), exclusive groups on 3% of n (2–4
 * candidates each), budgets and capacities at 30% of total demand. Value is either uncorrelated with cost or
 * proportional to it ("corr", the harder case). Solver runs are single wall-clock runs (like the reference
 * benchmark), each including validation, the heuristic warm start, model building and exact re-verification.
 * yalps, the pure-TS MIP solver a user would otherwise pick, solves the same model in the same run.
 */

const PERIODS = ["FY2027", "FY2028", "FY2029"];
const SKILLS = ["architect", "developer", "tester", "analyst", "operations"];

export function generateSelection(n: number, seed: number, correlated: boolean): SelectionProblemInput {
  const rnd = seededRandom(seed);
  const totals = new Map<string, number>();
  const add = (k: string, v: number) => totals.set(k, (totals.get(k) ?? 0) + v);
  const candidates = Array.from({ length: n }, (_, i) => {
    const costs: Record<string, ReturnType<typeof money>> = {};
    const demand: Record<string, Record<string, number>> = {};
    let total = 0;
    for (const p of PERIODS) {
      if (rnd() < 0.3) continue;
      const cents = intBetween(rnd, 2_000_000, 60_000_000); // EUR 20,000.00 – 600,000.00
      total += cents;
      add(`b|${p}`, cents);
      costs[p] = money(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`, "EUR");
      for (const s of SKILLS) {
        if (rnd() < 0.6) continue;
        const d = intBetween(rnd, 1, 4);
        (demand[p] ??= {})[s] = d;
        add(`c|${p}|${s}`, d);
      }
    }
    const value = correlated ? Math.max(1, Math.round((total / 1e6) * (0.9 + 0.2 * rnd()))) : intBetween(rnd, 10, 100);
    return { id: `REQ-${String(i).padStart(4, "0")}`, value, costs, demand };
  });
  const pick = () => candidates[intBetween(rnd, 0, n - 1)]?.id as string;
  const requires = Array.from({ length: Math.round(n * 0.1) }, () => ({ candidate: pick(), requires: pick() })).filter((r) => r.candidate !== r.requires);
  const exclusive = Array.from({ length: Math.round(n * 0.03) }, (_, g) => ({
    id: `option-${g}`,
    candidates: [...new Set(Array.from({ length: intBetween(rnd, 2, 4) }, pick))],
  })).filter((g) => g.candidates.length > 1);
  const budgets = Object.fromEntries(PERIODS.map((p) => {
    const cents = Math.floor(0.3 * (totals.get(`b|${p}`) ?? 0));
    return [p, money(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`, "EUR")];
  }));
  const capacity = Object.fromEntries(PERIODS.map((p) => [p, Object.fromEntries(SKILLS.map((s) => [s, Math.floor(0.3 * (totals.get(`c|${p}|${s}`) ?? 0))]))]));
  return { periods: PERIODS, candidates, budgets, capacity, requires, exclusive };
}

/** The same 0/1 model for yalps (dense, as its README describes). */
function toYalps(problem: SelectionProblem): YalpsModel<string, string> {
  const model = buildSelectionModel(problem);
  const constraints: Record<string, { max?: number; equal?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  model.ids.forEach((id, i) => (variables[id] = { value: model.values[i] as number }));
  const put = (i: number, row: string, v: number) => ((variables[model.ids[i] as string] as Record<string, number>)[row] = v);
  model.rows.forEach((r, k) => {
    constraints[`r${k}`] = { max: r.limit };
    r.indices.forEach((i, t) => put(i, `r${k}`, r.coefficients[t] as number));
  });
  model.requires.forEach(([d, p], k) => { constraints[`q${k}`] = { max: 0 }; put(d, `q${k}`, 1); put(p, `q${k}`, -1); });
  model.exclusive.forEach((g, k) => { constraints[`x${k}`] = { max: 1 }; g.forEach((i) => put(i, `x${k}`, 1)); });
  return { direction: "maximize", objective: "value", constraints, variables, binaries: true };
}

interface Row { case: string; ms: number; cpuMs: number; status: string; objective: string; bound: string; gap: string }

async function solveOnce(label: string, problem: SelectionProblem, solver: SelectionSolver, gap: number, timeLimitMs: number): Promise<Row> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const r = await selectPortfolio(problem, { solver, gap, timeLimitMs, whyNot: "none" });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const g = r.gap.value === undefined ? r.gap.reason : `${(r.gap.value * 100).toFixed(3)}%`;
  return { case: label, ms, cpuMs, status: r.status, objective: r.objective.toFixed(), bound: r.bestBound?.toFixed(2) ?? "—", gap: g };
}

function yalpsOnce(problem: SelectionProblem, timeoutMs: number): Row {
  const model = toYalps(problem);
  const t = performance.now();
  const cpu = process.cpuUsage();
  const s = yalpsSolve(model, { tolerance: 0.01, timeout: timeoutMs });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  // yalps returns no incumbent when it times out (result NaN): "answered" means a finite result.
  const answered = Number.isFinite(s.result);
  let objective = "none";
  if (answered && Number.isFinite(s.result)) {
    const chosen = s.variables.filter(([, v]) => v > 0.5).map(([k]) => k);
    const ok = verifyPlan(problem, chosen).length === 0;
    objective = `${Math.round(s.result)}${ok ? "" : " (breaks a constraint)"}`;
  }
  return { case: `yalps, tolerance 1%, timeout ${timeoutMs / 1000} s`, ms, cpuMs, status: s.status, objective, bound: "—", gap: "—" };
}

function printRows(title: string, rows: readonly Row[]): void {
  console.log(`\n## ${title}\n`);
  console.log("| case | wall time | CPU time | status | objective | best bound | proven gap |");
  console.log("|---|---:|---:|---|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.case} | ${(r.ms / 1000).toFixed(2)} s | ${(r.cpuMs / 1000).toFixed(2)} s | ${r.status} | ${r.objective} | ${r.bound} | ${r.gap} |`);
}

export async function runSelectionBenchmarks(): Promise<void> {
  const n = 1_000;
  const instances = [
    { name: "uncorrelated", problem: defineSelectionProblem(generateSelection(n, 3_001, false)) },
    { name: "value ∝ cost (corr)", problem: defineSelectionProblem(generateSelection(n, 3_002, true)) },
  ];
  const input = generateSelection(n, 3_001, false);
  report("Selection model, 1,000 candidates × 3 periods × 5 skills", [
    await time("validate (defineSelectionProblem)", () => defineSelectionProblem(input)),
    await time("validate + build solver model", () => buildSelectionModel(defineSelectionProblem(input))),
  ]);

  let t = performance.now();
  const highs = await createHighsSolver({ warmUp: false });
  const loadMs = performance.now() - t;
  t = performance.now();
  await selectPortfolio(generateSelection(200, 7, false), { solver: highs, gap: 0.01, timeLimitMs: 10_000, whyNot: "none" });
  const coldMs = performance.now() - t;
  console.log(`\nHiGHS load: ${loadMs.toFixed(0)} ms; first (cold) solve of a 200-candidate instance: ${coldMs.toFixed(0)} ms — the WASM warm-up every process pays once.`);

  for (const { name, problem } of instances) {
    const rows: Row[] = [];
    rows.push(await solveOnce("HiGHS, gap 1% (limit 30 s)", problem, highs, 0.01, 30_000));
    rows.push(await solveOnce("HiGHS, gap 0.01%, stopped at 1 s", problem, highs, 0.0001, 1_000));
    rows.push(await solveOnce("built-in, gap 1% (limit 5 s)", problem, builtInSolver, 0.01, 5_000));
    rows.push(await solveOnce("built-in, stopped at 1 s", problem, builtInSolver, 0.0001, 1_000));
    rows.push(yalpsOnce(problem, 10_000));
    printRows(`Selection, ${n} candidates, ${name}: time to a certified 1% gap, gap at 1 s, yalps beside`, rows);
  }

  const problem = instances[0]?.problem as SelectionProblem;
  t = performance.now();
  const points = await efficientFrontier(problem, { solver: highs, gap: 0.01, timeLimitMs: 2_000 });
  const frontierMs = performance.now() - t;
  console.log(`\n## Efficient frontier, 10 budget levels, ${n} candidates (HiGHS, gap 1%, 2 s per level): ${(frontierMs / 1000).toFixed(2)} s in total\n`);
  console.log("| level | status | optimal value | ranking value | left behind |");
  console.log("|---:|---|---:|---:|---:|");
  for (const p of points) {
    const share = p.leftBehindShare.value === undefined ? p.leftBehindShare.reason : `${(p.leftBehindShare.value * 100).toFixed(2)}%`;
    console.log(`| ${p.level} | ${p.optimal.status} | ${p.optimal.objective.toFixed()} | ${p.ranking?.objective.toFixed() ?? "—"} | ${p.leftBehind?.toFixed() ?? "—"} (${share}) |`);
  }
}
