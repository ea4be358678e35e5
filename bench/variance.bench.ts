import { PmoDecimal, type Baseline, type CostEntry, type IsoDate, type WorkPackage, fromEpochDay, toEpochDay } from "../src/index.js";
import { compileProject, type CompiledProject } from "../src/variance/compile.js";
import { resultFrom } from "../src/variance/earned-value.js";
import { evaluateProject, type ProjectCore } from "../src/variance/kernel.js";
import { earnedValue, evaluatePortfolio, rollUpPortfolio } from "../src/variance/index.js";
import { heapMiB, report, time } from "./lib/measure.js";
import { intBetween, seededRandom } from "./lib/random.js";

/*
 * Earned value (issue 4): a seeded portfolio of 1,000 projects × 50 packages × 52 weekly time-phased cells
 * (2.6 M cells), 10 programmes, one portfolio, evaluated at one status date. Cases:
 *   1. a plain Float64Array loop that only sums the same 2.6 M cells (the yardstick the issue names);
 *   2. the engine's hot path: PV, EV (earning rules), AC, bottom-up ETC per package, the cumulative PV curve,
 *      earned schedule and P-factor per project, integer roll-up to programmes and portfolio — exact to the cent;
 *   3. (2) plus every Metric figure (Money/Decimal at the edge) for the 1,000 projects, 10 programmes and portfolio;
 *   4. the full public result: (3) plus Metric figures for all 50,000 packages and rollUpPortfolio;
 *   5. one public `earnedValue` call on one of those projects (50 packages, 2,600 cells, 350 actuals): argument
 *      checks, compilation (calendar, grid, packing), evaluation and every figure — what an application pays per call.
 * Compiling entities to the engine form (Decimal → integer cents, once per data change) is timed separately.
 */

const PROJECTS = 1_000, PACKAGES = 50, WEEKS = 52;
export const START = toEpochDay("2026-01-05" as IsoDate); // a Monday
export const STATUS = fromEpochDay(START + 7 * 30 + 3);
const T = "2026-01-01T00:00:00.000Z";
const RULES: WorkPackage["earningRule"][] = [{ type: "percent-complete" }, { type: "50/50" }, { type: "level-of-effort" }, { type: "units", totalUnits: new PmoDecimal(40), unitName: "screens" }, { type: "0/100" }];

export function makeProject(p: number, rnd: () => number): { wps: WorkPackage[]; bl: Baseline; costs: CostEntry[] } {
  const wps: WorkPackage[] = [];
  const costs: CostEntry[] = [];
  let bac = new PmoDecimal(0);
  for (let k = 0; k < PACKAGES; k++) {
    const slices = Array.from({ length: WEEKS }, (_, w) => {
      const amount = new PmoDecimal(intBetween(rnd, 0, 500_000)).div(100);
      bac = bac.plus(amount);
      return { start: fromEpochDay(START + 7 * w), finish: fromEpochDay(START + 7 * w + 6), amount: { amount, currency: "EUR" } };
    });
    const pct = intBetween(rnd, 30, 80);
    const rule = RULES[k % RULES.length] as WorkPackage["earningRule"];
    const progress = [
      { date: fromEpochDay(START + 4), started: true },
      { date: fromEpochDay(START + 7 * 20 + 4), percentComplete: new PmoDecimal(pct - 20), unitsComplete: new PmoDecimal(10) },
      { date: fromEpochDay(START + 7 * 29 + 4), percentComplete: new PmoDecimal(pct), unitsComplete: new PmoDecimal(18) },
    ] as WorkPackage["progress"];
    const id = `wp-${p}-${k}`;
    wps.push({ id, version: 1, createdAt: T, updatedAt: T, projectId: `p-${p}`, code: `1.${k}`, name: id, plannedStart: fromEpochDay(START), plannedFinish: fromEpochDay(START + 7 * WEEKS - 1),
      timePhasedBudget: slices, earningRule: rule, progress } as unknown as WorkPackage);
    for (let m = 0; m < 7; m++) costs.push({ id: `ce-${p}-${k}-${m}`, version: 1, createdAt: T, updatedAt: T, projectId: `p-${p}`, workPackageId: id, date: fromEpochDay(START + 30 * m + 20),
      amount: { amount: new PmoDecimal(intBetween(rnd, 100_000, 3_000_000)).div(100), currency: "EUR" }, category: "labour", expenditure: "opex" } as unknown as CostEntry);
  }
  const bl = { id: `bl-${p}`, version: 1, createdAt: T, updatedAt: T, projectId: `p-${p}`, number: 0, capturedAt: T, capturedBy: "p-x", reason: "bench", milestones: [],
    workPackages: wps.map((w) => ({ workPackageId: w.id, code: w.code, name: w.name, plannedStart: w.plannedStart, plannedFinish: w.plannedFinish, timePhasedBudget: w.timePhasedBudget, earningRule: w.earningRule })),
    budgetAtCompletion: { amount: bac, currency: "EUR" } } as unknown as Baseline;
  return { wps, bl, costs };
}

function kernel(projects: readonly CompiledProject[], t: number): ProjectCore[] {
  const cores = projects.map((cp) => evaluateProject(cp, t));
  const prog = new Float64Array(40); // 10 programmes × (bac, pv, ev, ac)
  cores.forEach((c, i) => { const g = (i % 10) * 4; prog[g] = (prog[g] as number) + c.bac; prog[g + 1] = (prog[g + 1] as number) + c.pv; prog[g + 2] = (prog[g + 2] as number) + c.ev; prog[g + 3] = (prog[g + 3] as number) + c.ac; });
  return cores;
}

export async function runVarianceBenchmarks(): Promise<void> {
  const rnd = seededRandom(4);
  const heap0 = heapMiB();
  const t0 = performance.now();
  const compiled: CompiledProject[] = [];
  const cells = new Float64Array(PROJECTS * PACKAGES * WEEKS);
  let c = 0;
  for (let p = 0; p < PROJECTS; p++) {
    const { wps, bl, costs } = makeProject(p, rnd);
    const cp = compileProject({ project: { id: `p-${p}`, programmeId: `pg-${p % 10}`, portfolioId: "pf" }, workPackages: wps, baselines: [bl], costEntries: costs }, { statusDate: STATUS });
    compiled.push(cp);
    for (const pk of cp.packages) for (const a of pk.sAmt) cells[c++] = a;
  }
  const buildMs = performance.now() - t0;
  const heap1 = heapMiB();
  const t = toEpochDay(STATUS);
  const pub = compiled.map((cp) => ({ projectId: cp.id, currency: cp.currency, engine: cp }));
  // Exactness check: the engine's project BAC equals the exact Decimal sum of the cells.
  let exact = new PmoDecimal(0);
  for (let i = 0; i < cells.length; i++) exact = exact.plus(cells[i] as number);
  const engineBac = compiled.reduce((s, cp) => s + cp.bac, 0);
  if (!exact.eq(engineBac)) throw new Error("BAC is not exact");
  const one = makeProject(0, seededRandom(4));
  const oneInput = { project: { id: "p-0" }, workPackages: one.wps, baselines: [one.bl], costEntries: one.costs };
  const rows = [
    await time("Float64Array loop: sum 2.6 M cells", () => { let s = 0; for (let i = 0; i < cells.length; i++) s += cells[i] as number; return s; }),
    await time("hot path: PV/EV/AC/ETC per package, ES + P-factor, roll-ups (integer cents)", () => kernel(compiled, t)),
    await time("evaluatePortfolio: hot path + Metric figures for 1,000 projects, 10 programmes, portfolio", () => evaluatePortfolio(pub, STATUS)),
    await time("full results: + Metric figures for 50,000 packages, rollUpPortfolio", () => rollUpPortfolio(compiled.map((cp) => resultFrom(cp, evaluateProject(cp, t)))), 3),
    await time("earnedValue: one project (50 packages × 52 cells, 350 actuals), compile + evaluate + figures", () => earnedValue(oneInput, { statusDate: STATUS })),
  ];
  report(`Earned value: ${PROJECTS} projects × ${PACKAGES} packages × ${WEEKS} weekly cells (${(cells.length / 1e6).toFixed(1)} M), status ${STATUS}`, rows,
    `Generating and compiling the portfolio (Decimal → integer cents, calendars, grids): ${(buildMs / 1000).toFixed(1)} s once. ` +
    `Heap: ${(heap1 - heap0).toFixed(0)} MiB for the compiled portfolio (the cells alone as Float64Array: ${(cells.byteLength / 1048576).toFixed(0)} MiB). ` +
    `Portfolio BAC ${exact.div(100).toFixed(2)} EUR, equal to the exact Decimal sum of the cells.`);
  await farStatusDates(oneInput);
}

/**
 * A status date far after the baseline (a typo: 2126 for 2026): one earnedValue call on the 50-package project, weekly
 * grid, at 1, 10, 100 and 1,000 years after the baseline start. The work must grow at most linearly with the span; a
 * span past the documented bound (400 years) is refused at once with a ValidationError naming the status date.
 */
export async function farStatusDates(input: Parameters<typeof earnedValue>[0]): Promise<void> {
  const rows = [];
  for (const years of [1, 10, 100, 1000]) {
    const statusDate = `${2026 + years}-01-05`;
    let outcome = "answers";
    try { earnedValue(input, { statusDate }); } catch (e) { outcome = `refused (${(e as Error).constructor.name})`; }
    rows.push(await time(`earnedValue, status ${years} year${years > 1 ? "s" : ""} after the baseline (${statusDate}): ${outcome}`, () => { try { earnedValue(input, { statusDate }); } catch { /* refused */ } }, 3));
  }
  report("Earned value at a far status date (one project, 50 packages, weekly grid)", rows);
}
