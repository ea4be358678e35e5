import highsImport from "highs";
import type { Highs, InitOptions, Model, ModelData } from "highs";
import { ValidationError, checkArguments, checkOptionKeys } from "../core/index.js";
import type { SelectionModel, SelectionSolver, SolverRun, SolverRunOptions } from "../selection/index.js";

// highs@1.15 "masquerades as CJS" under NodeNext: at runtime the default import IS the loader (ESM and tsup's CJS
// output alike), but its types say it is the module namespace. See the toolchain notes, F9.
const loadHighs = highsImport as unknown as typeof highsImport.default;

/** Options of {@link createHighsSolver}. */
export interface HighsSolverOptions {
  /** An already loaded HiGHS runtime (share one per process; loading instantiates the WASM module). */
  readonly highs?: Highs | undefined;
  /** Loader options when pmokit loads HiGHS itself (e.g. `locateFile` for the `.wasm` asset in a browser). */
  readonly init?: InitOptions | undefined;
  /**
   * Solve a tiny model once after loading, so the first real solve does not pay the WASM start-up alone. Default
   * true. (The first large solve in a process is still slower: the engine optimises hot WASM code as it runs.)
   */
  readonly warmUp?: boolean | undefined;
  /** Extra HiGHS options (snake_case names, e.g. `{ presolve: "on", random_seed: 7 }`). */
  readonly options?: Readonly<Record<string, string | number | boolean>> | undefined;
}

/** A HiGHS-backed selection solver, with the loaded runtime for reuse. */
export interface HighsSelectionSolver extends SelectionSolver {
  /** The loaded HiGHS runtime. */
  readonly highs: Highs;
}

/** @internal The 0/1 model as HiGHS sparse rows: resources, then requires, together and exclusive rows. */
export function toHighsModel(highs: Highs, model: SelectionModel): ModelData {
  const n = model.ids.length;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const names: string[] = [];
  const row = (entries: readonly (readonly [number, number])[], lo: number, hi: number, name: string) => {
    // HiGHS rejects a row listing one column twice: merge duplicates.
    const merged = new Map<number, number>();
    for (const [j, v] of entries) merged.set(j, (merged.get(j) ?? 0) + v);
    for (const [j, v] of [...merged].sort((a, b) => a[0] - b[0])) { indices.push(j); values.push(v); }
    starts.push(indices.length);
    lower.push(lo);
    upper.push(hi);
    names.push(name);
  };
  // HiGHS reads matrix values of 10^15 and more as infinite and refuses the model (a budget of EUR 10^15, or 10^13
  // in cents): such a row is divided by a power of two — exact in binary64 — so that its largest figure is below 2^30.
  model.rows.forEach((r, k) => {
    const largest = Math.max(Math.abs(r.limit), ...[...r.coefficients].map(Math.abs));
    const f = largest > 2 ** 30 ? 2 ** -(Math.ceil(Math.log2(largest)) - 30) : 1;
    row([...r.indices].map((j, t) => [j, (r.coefficients[t] as number) * f] as const), -highs.infinity, r.limit * f, `r${k}`);
  });
  model.requires.forEach(([d, p], k) => row([[d, 1], [p, -1]], -highs.infinity, 0, `q${k}`));
  model.together.forEach(([a, b], k) => row([[a, 1], [b, -1]], 0, 0, `t${k}`));
  model.exclusive.forEach((g, k) => row(g.map((j) => [j, 1] as const), -highs.infinity, 1, `x${k}`));
  const fixedLower = Float64Array.from(model.fixed, (f) => (f === 1 ? 1 : 0));
  const fixedUpper = Float64Array.from(model.fixed, (f) => (f === 0 ? 0 : 1));
  return {
    numCols: n,
    numRows: lower.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: model.values,
    colLower: fixedLower,
    colUpper: fixedUpper,
    rowLower: lower,
    rowUpper: upper,
    matrix: { format: "csr", numRows: lower.length, numCols: n, starts, indices, values },
    integrality: new Int32Array(n).fill(highs.constants.variableType.integer) as unknown as readonly (0 | 1)[],
  };
}

/**
 * @internal HiGHS options for one run, picked by the requested gap. With a gap above 0, `mip_heuristic_effort: 0.5`
 * (HiGHS default 0.05): such runs are won by finding good incumbents early — on the 1,000-candidate benchmark
 * family (10 seeded instances) the median time to a 1 % gap fell from 0.99 s to 0.86 s. At gap 0 the run must prove
 * optimality, which HiGHS' defaults do faster (the extra heuristic effort only slows the proof), so none of the
 * tuning is applied. Callers' options override both.
 */
export function highsRunOptions(run: SolverRunOptions, extra?: HighsSolverOptions["options"]): Record<string, string | number | boolean> {
  const tuning = run.gap > 0 ? { mip_heuristic_effort: 0.5 } : {};
  return { output_flag: false, ...tuning, mip_rel_gap: run.gap, time_limit: Math.max(run.timeLimitMs, 1) / 1000, ...(extra ?? {}) };
}

function runOnce(highs: Highs, model: SelectionModel, run: SolverRunOptions, extra: HighsSolverOptions["options"]): SolverRun {
  if (model.ids.length === 0) return { plan: new Uint8Array(0), bound: 0, stoppedBy: "optimal", detail: "no candidates" };
  let m: Model | undefined;
  try {
    m = highs.createModel(toHighsModel(highs, model));
    m.options.set(highsRunOptions(run, extra));
    if (run.warmStart) m.setSolution({ colValue: Float64Array.from(run.warmStart) });
    m.run();
    const status = m.getModelStatus();
    const s = highs.constants.modelStatus;
    if (status === s.infeasible) return { plan: undefined, bound: -Infinity, stoppedBy: "infeasible", detail: "HiGHS: infeasible" };
    const hasPlan = Number(m.info.get("primal_solution_status")) === 2;
    const plan = hasPlan ? Uint8Array.from(m.getSolution().colValue, (x) => (x > 0.5 ? 1 : 0)) : undefined;
    const bound = Number(m.info.get("mip_dual_bound"));
    const detail = `HiGHS status ${status}, ${String(m.info.get("mip_node_count"))} nodes`;
    // Any other stop (iteration, solution or node limits, an interrupt) is a work limit, not the clock.
    const stoppedBy = status === s.optimal ? (Number(m.info.get("mip_gap")) <= 1e-9 ? "optimal" : "gap") : status === s.timeLimit ? "time-limit" : "node-limit";
    return { plan, bound: Number.isFinite(bound) ? bound : Infinity, stoppedBy, detail };
  } finally {
    m?.dispose();
  }
}

/**
 * Loads HiGHS (the `highs` npm package: HiGHS compiled to WebAssembly) and returns it as a {@link SelectionSolver}
 * for `selectPortfolio`, `efficientFrontier` and `compareScenarios`. Each solve builds the sparse 0/1 model, starts
 * from the built-in heuristic's plan, stops at the requested relative gap (`mip_rel_gap`) or the time limit
 * (`time_limit`, always set), and returns the incumbent with HiGHS' proven dual bound. Settings follow the gap: with
 * a gap above 0 HiGHS searches harder for incumbents (`mip_heuristic_effort: 0.5`); at gap 0 its defaults prove
 * optimality faster. The persistent model is
 * disposed after every solve, so no WASM memory leaks.
 *
 * `highs` is an optional peer dependency: install it to use `pmokit/highs`.
 *
 * @example
 * ```ts
 * import { selectPortfolio } from "pmokit";
 * import { createHighsSolver } from "pmokit/highs";
 *
 * const highs = await createHighsSolver();
 * const result = await selectPortfolio(problem, { solver: highs, gap: 0.01, timeLimitMs: 1_000 });
 * ```
 */
export async function createHighsSolver(options: HighsSolverOptions = {}): Promise<HighsSelectionSolver> {
  checkArguments("createHighsSolver", { options: [options, "object"] });
  checkOptionKeys("createHighsSolver", options, { highs: 1, init: 1, warmUp: 1, options: 1 } satisfies Record<keyof HighsSolverOptions, 1>, ["options"]);
  checkArguments("createHighsSolver", {
    "options.highs": [options.highs, "object?"],
    "options.init": [options.init, "object?"],
    "options.warmUp": [options.warmUp, "boolean?"],
    "options.options": [options.options, "object?"],
  });
  if (options.highs !== undefined && typeof (options.highs as { solve?: unknown }).solve !== "function") {
    throw ValidationError.single(["options", "highs"], "expected a loaded HiGHS runtime (with a solve function)", "createHighsSolver");
  }
  const highs = options.highs ?? (await loadHighs(options.init));
  if (options.warmUp ?? true) {
    highs.solve("Maximize\n obj: x + y\nSubject To\n c: x + y <= 1\nBinaries\n x y\nEnd", { output_flag: false, time_limit: 5 });
  }
  return {
    name: "highs",
    highs,
    solve: (model, run) => runOnce(highs, model, run, options.options),
  };
}
