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
  const requires = Array.from({ length: Math.round(n * 0.1) }, () => ({ kind: "requires" as const, candidate: pick(), requires: pick() })).filter((r) => r.candidate !== r.requires);
  const exclusive = Array.from({ length: Math.round(n * 0.03) }, (_, g) => ({
    kind: "exclusive" as const,
    id: `option-${g}`,
    candidates: [...new Set(Array.from({ length: intBetween(rnd, 2, 4) }, pick))],
  })).filter((g) => g.candidates.length > 1);
  const budgets = Object.fromEntries(PERIODS.map((p) => {
    const cents = Math.floor(0.3 * (totals.get(`b|${p}`) ?? 0));
    return [p, money(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`, "EUR")];
  }));
  const capacity = Object.fromEntries(PERIODS.map((p) => [p, Object.fromEntries(SKILLS.map((s) => [s, Math.floor(0.3 * (totals.get(`c|${p}|${s}`) ?? 0))]))]));
  return { periods: PERIODS, candidates, budgets, capacity, constraints: [...requires, ...exclusive] };
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

/**
 * A one-pass greedy baseline, as a spreadsheet would do it: candidates sorted by `score`, each taken (with its
 * unselected prerequisites) when it fits every row and clashes with no exclusive group. Independent of the solver
 * code; the plan is re-verified exactly.
 */
function greedyBaseline(problem: SelectionProblem, key: "ratio" | "per-cost"): { objective: number; ms: number } {
  const t = performance.now();
  const m = buildSelectionModel(problem);
  const n = m.ids.length;
  const rows = m.rows.length;
  const use = Array.from({ length: n }, () => new Float64Array(rows));
  m.rows.forEach((r, k) => r.indices.forEach((i, j) => ((use[i] as Float64Array)[k] = r.coefficients[j] as number)));
  const prereqs: number[][] = Array.from({ length: n }, () => []);
  for (const [d, p] of m.requires) (prereqs[d] as number[]).push(p);
  for (const [a, b] of m.together) { (prereqs[a] as number[]).push(b); (prereqs[b] as number[]).push(a); }
  const groups: number[][] = Array.from({ length: n }, () => []);
  m.exclusive.forEach((g, k) => g.forEach((i) => (groups[i] as number[]).push(k)));
  const score = (i: number) => {
    let w = 1e-12;
    m.rows.forEach((r, k) => {
      if (key === "per-cost" && r.constraint.kind !== "budget") return;
      w += ((use[i] as Float64Array)[k] as number) / Math.max(r.limit, 1e-9);
    });
    return (m.values[i] as number) / w;
  };
  const scores = Float64Array.from({ length: n }, (_, i) => score(i));
  const order = [...Array(n).keys()].filter((i) => (m.values[i] as number) > 0).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const used = new Float64Array(rows);
  const selected = new Uint8Array(n);
  const taken = new Uint8Array(m.exclusive.length);
  for (const i of order) {
    if (selected[i]) continue;
    const closure: number[] = [];
    const stack = [i];
    let ok = true;
    while (stack.length > 0 && ok) {
      const x = stack.pop() as number;
      if (selected[x] || closure.includes(x)) continue;
      if (m.fixed[x] === 0) ok = false;
      closure.push(x);
      stack.push(...(prereqs[x] as number[]));
    }
    if (!ok) continue;
    const claimed = closure.flatMap((x) => groups[x] as number[]);
    if (claimed.some((g) => taken[g]) || new Set(claimed).size !== claimed.length) continue;
    const fits = m.rows.every((r, k) => closure.reduce((s, x) => s + ((use[x] as Float64Array)[k] as number), used[k] as number) <= r.limit);
    if (!fits) continue;
    for (const x of closure) {
      selected[x] = 1;
      for (let k = 0; k < rows; k++) used[k] = (used[k] as number) + ((use[x] as Float64Array)[k] as number);
      for (const g of groups[x] as number[]) taken[g] = 1;
    }
  }
  const ids = m.ids.filter((_, i) => selected[i]);
  if (verifyPlan(problem, ids).length > 0) throw new Error("greedy baseline broke a constraint");
  return { objective: ids.reduce((s, id) => s + (m.values[m.ids.indexOf(id)] as number), 0), ms: performance.now() - t };
}

/**
 * Issue 12's goal: on the seeded 1,000 × 3 periods × 5 skills instances, the built-in solver within 1 s lands ≤ 1 %
 * below HiGHS' best and never below the greedy baselines. "HiGHS' best" is HiGHS at gap 0.01 % with a 10 s limit.
 */
async function builtInAgainstHighs(highs: SelectionSolver): Promise<void> {
  console.log("\n## Built-in solver (1 s) against HiGHS' best (gap 0.01 %, 10 s) and one-pass greedy baselines, 1,000 candidates\n");
  console.log("| instance | HiGHS best | HiGHS bound | built-in (1 s) | below HiGHS | built-in time (wall / CPU) | built-in status, proven gap | greedy ratio | greedy value/cost |");
  console.log("|---|---:|---:|---:|---:|---:|---|---:|---:|");
  for (const seed of [3_001, 3_002, 3_003, 3_004]) {
    for (const correlated of [false, true]) {
      const problem = defineSelectionProblem(generateSelection(1_000, seed, correlated));
      const h = await solveOnce("highs", problem, highs, 0.0001, 10_000);
      const b = await solveOnce("built-in", problem, builtInSolver, 0.0001, 1_000);
      const ratio = greedyBaseline(problem, "ratio");
      const perCost = greedyBaseline(problem, "per-cost");
      const below = ((Number(h.objective) - Number(b.objective)) / Number(h.objective)) * 100;
      console.log(`| ${seed} ${correlated ? "corr" : "uncorr"} | ${h.objective} | ${h.bound} | ${b.objective} | ${below.toFixed(2)}% | ${(b.ms / 1000).toFixed(2)} s / ${(b.cpuMs / 1000).toFixed(2)} s | ${b.status}, ${b.gap} | ${ratio.objective} | ${perCost.objective} |`);
    }
  }
}

interface Row { case: string; ms: number; cpuMs: number; status: string; objective: string; bound: string; gap: string }

async function solveOnce(label: string, problem: SelectionProblem, solver: SelectionSolver, gap: number, timeLimitMs: number): Promise<Row> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const r = await selectPortfolio(problem, { solver, gap, timeLimitMs, whyNot: "none" });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const g = r.gap.value === undefined ? r.gap.reason : `${r.gap.value.times(100).toFixed(3)}%`;
  return { case: label, ms, cpuMs, status: r.status, objective: r.objective.value?.toFixed() ?? String(r.objective.reason), bound: r.bestBound.value?.toFixed(2) ?? "—", gap: g };
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

  await builtInAgainstHighs(highs);

  const problem = instances[0]?.problem as SelectionProblem;
  t = performance.now();
  // timeLimitMs bounds the whole call (an even share of what is left per level): 20 s for 10 levels, 2 s a level.
  const points = await efficientFrontier(problem, { solver: highs, gap: 0.01, timeLimitMs: 20_000 });
  const frontierMs = performance.now() - t;
  console.log(`\n## Efficient frontier, 10 budget levels, ${n} candidates (HiGHS, gap 1%, 20 s for the call): ${(frontierMs / 1000).toFixed(2)} s in total\n`);
  console.log("| level | status | optimal value | ranking value | left behind |");
  console.log("|---:|---|---:|---:|---:|");
  for (const p of points) {
    const share = p.leftBehindShare.value === undefined ? p.leftBehindShare.reason : `${p.leftBehindShare.value.times(100).toFixed(2)}%`;
    console.log(`| ${p.level} | ${p.optimal.status} | ${p.optimal.objective.value?.toFixed() ?? "—"} | ${p.ranking?.objective.toFixed() ?? "—"} | ${p.leftBehind.value?.toFixed() ?? "—"} (${share}) |`);
  }
}
