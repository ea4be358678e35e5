import { PmoDecimal, type ProjectRequest } from "../src/index.js";
import {
  ahpWeights, explainScore, irr, rankingRobustness, scoreMatrix, scoreRequests, xirr, xnpv, type ScoringModel,
} from "../src/prioritization/index.js";
import { intBetween, seededRandom } from "./lib/random.js";
import { report, time } from "./lib/measure.js";

/*
 * Prioritization benchmarks (issue 3, scoring half).
 * 1. 100,000 requests × 12 criteria, weighted-sum model with breakdowns and deterministic ranking (goal ≤ 200 ms):
 *    scoreMatrix (the typed-array hot path: normalisation, exact fixed-point contributions, ranking) beside a bare
 *    Float64 weighted sum + sort in the same run (no breakdown, no exactness, no validation: for scale only), and
 *    scoreRequests end to end from decoded requests (rating extraction and a Decimal breakdown for every request).
 * 2. Smaller figures: IRR of 30 flows, AHP 15×15, robustness with 1,000 samples over 1,000 requests.
 * 3. Long schedules: XIRR, IRR and XNPV of 100 years of monthly flows (1,200), beside a bare float Newton XIRR (one
 *    root from the guess, no search, binary64). Before the finance audit 4 fixes XIRR took ~14 s here.
 */

const N = 100_000;
const M = 12;

function criteria(): ScoringModel {
  return {
    kind: "weighted-sum",
    criteria: Array.from({ length: M }, (_, j) => ({
      id: `c${j}`, weight: 1 + (j % 5), direction: j % 4 === 3 ? ("cost" as const) : ("benefit" as const),
      scale: { kind: "numeric" as const, min: 1, max: 10 }, normalization: j % 3 === 0 ? ("z-score" as const) : ("min-max" as const),
    })),
    tieBreak: [{ criterionId: "c0" }, { criterionId: "c1", order: "asc" }],
  };
}

/** Ratings 1–10 in steps of 0.5 (so there are ties to break). */
function matrix(seed: number): { ids: string[]; values: Float64Array } {
  const rnd = seededRandom(seed);
  const ids = Array.from({ length: N }, (_, i) => `REQ-${String(i).padStart(6, "0")}`);
  const values = new Float64Array(N * M);
  for (let k = 0; k < values.length; k++) values[k] = intBetween(rnd, 2, 20) / 2;
  return { ids, values };
}

function requestsFrom(ids: readonly string[], values: Float64Array): ProjectRequest[] {
  return ids.map((id, i) => ({
    id, benefits: [], estimatedCost: [], effort: [], dependsOn: [], strategicObjectiveIds: [], transitions: [],
    ratings: Array.from({ length: M }, (_, j) => ({ criterionId: `c${j}`, value: new PmoDecimal(values[i * M + j]!) })),
  }) as unknown as ProjectRequest);
}

/** What a user might write without pmokit: float weighted sum of min-max values and a sort, no explanation. */
function bareFloat(ids: readonly string[], values: Float64Array, weights: readonly number[]): Int32Array {
  const n = ids.length;
  const min = new Float64Array(M).fill(Infinity);
  const max = new Float64Array(M).fill(-Infinity);
  for (let i = 0; i < n; i++) for (let j = 0; j < M; j++) {
    const x = values[i * M + j]!;
    if (x < min[j]!) min[j] = x;
    if (x > max[j]!) max[j] = x;
  }
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let j = 0; j < M; j++) t += (weights[j]! * (values[i * M + j]! - min[j]!)) / (max[j]! - min[j]! || 1);
    s[i] = t;
  }
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => s[b]! - s[a]! || (ids[a]! < ids[b]! ? -1 : 1));
  return Int32Array.from(idx);
}

/** Runs the prioritization benchmarks and prints their tables. */
export async function runPrioritizationBenchmarks(): Promise<void> {
  const model = criteria();
  const { ids, values } = matrix(20261125);
  const criterionIds = Array.from({ length: M }, (_, j) => `c${j}`);
  const weights = Array.from({ length: M }, (_, j) => 1 + (j % 5));
  const requests = requestsFrom(ids, values);

  // Sanity: both paths agree on the ranking and the breakdowns add up.
  const table = scoreMatrix({ requestIds: ids, criterionIds, values }, model);
  const top = explainScore(table, ids[table.order[0]!]!);
  const sum = top.breakdown.reduce((s, c) => s.plus(c.contribution), new PmoDecimal(0));
  if (!sum.eq(top.score.value!)) throw new Error("breakdown does not sum to the score");

  const bare = await time(`bare Float64 weighted sum + sort (no breakdown, inexact), ${N.toLocaleString("en")} × ${M}`, () => bareFloat(ids, values, weights));
  const hot = await time(`scoreMatrix: breakdowns + ranking, ${N.toLocaleString("en")} × ${M}`, () => scoreMatrix({ requestIds: ids, criterionIds, values }, model));
  const explain = await time("scoreMatrix + explainScore of the top 100 (Decimals)", () => {
    const t = scoreMatrix({ requestIds: ids, criterionIds, values }, model);
    for (let p = 0; p < 100; p++) explainScore(t, ids[t.order[p]!]!);
  });
  const e2e = await time(`scoreRequests end to end (every breakdown as Decimals), ${N.toLocaleString("en")} requests`, () => scoreRequests(requests, model, { asOf: "2026-11-20" }), 3);
  const board = scoreRequests(requests, model, { asOf: "2026-11-20" });
  const same = board.entries.every((e, p) => e.requestId === ids[table.order[p]!]);
  report(
    "Scoring 100,000 requests × 12 criteria (weighted sum, 4 z-score + 8 min-max columns, 2 tie-break keys)",
    [bare, hot, explain, e2e],
    `Goal ≤ 200 ms for breakdowns and ranking: scoreMatrix ${hot.medianMs.toFixed(0)} ms (${hot.medianMs <= 200 ? "met" : "NOT met"}). ` +
      `Both paths give the same ranking: ${same}. scoreRequests also checks every rating against its scale and builds ` +
      `${(N * (M + 1)).toLocaleString("en")} Decimals.`,
  );

  const rnd = seededRandom(3);
  const flows = ["-1000000", ...Array.from({ length: 29 }, () => String(intBetween(rnd, 20_000, 120_000)))];
  const house = [
    [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4], [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7], [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5], [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
    [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6], [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6], [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2], [4, 7, 5, 8, 6, 6, 2, 1],
  ];
  const big = Array.from({ length: 15 }, (_, i) => Array.from({ length: 15 }, (_, j) => (i === j ? 1 : i < j ? 1 + ((i * 7 + j * 3) % 9) : Number.NaN)));
  for (let i = 0; i < 15; i++) for (let j = 0; j < i; j++) big[i]![j] = 1 / big[j]![i]!;
  const small = requests.slice(0, 1000);
  report("Finance, AHP and robustness", [
    await time("irr, 30 yearly flows (Decimal, 34 digits)", () => irr(flows)),
    await time("ahpWeights, Saaty's 8×8 house matrix", () => ahpWeights(house, { riTable: "saaty-classic" })),
    await time("ahpWeights, 15×15", () => ahpWeights(big)),
    await time("rankingRobustness, 1,000 requests × 12 criteria, 1,000 samples, k = 100", () => rankingRobustness(small, model, { asOf: "2026-11-20", k: 100, samples: 1000, seed: 1 }), 3),
  ]);

  const monthly = Array.from({ length: 1200 }, (_, i) => ({
    date: `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
    amount: i === 0 ? "-1000000" : `${intBetween(rnd, 8_000, 12_000)}.25`,
  }));
  const amounts = monthly.map((f) => f.amount);
  const years = monthly.map((f) => (Date.parse(f.date) - Date.parse(monthly[0]!.date)) / 864e5 / 365);
  const floats = amounts.map(Number);
  const exact = xirr(monthly).value!;
  const rough = bareXirr(floats, years);
  report("Long schedules: 1,200 monthly flows (100 years)", [
    await time("bare float Newton XIRR from 0.1 (one root, binary64, no search)", () => bareXirr(floats, years)),
    await time("xirr: every root in −99.9999 %…10,000 %, 34 digits", () => xirr(monthly), 3),
    await time("irr of the same amounts", () => irr(amounts), 3),
    await time("xnpv at 10 %", () => xnpv("0.1", monthly)),
  ], `xirr ${exact.toFixed(12)}; the bare float Newton gives ${rough.toFixed(12)}. Before the finance audit 4 fixes ` +
    "(2026-12-06) the old code took 13.8 s for xirr, 1.4 s for irr and 0.23 s for xnpv on 1,200 monthly flows of the same " +
    "shape (test/prioritization/finance-long.test.ts's schedule), one run each.");
}

/** What a user might write without pmokit: Newton's method on XNPV in binary64 from 0.1. */
function bareXirr(amounts: readonly number[], years: readonly number[]): number {
  let r = 0.1;
  for (let k = 0; k < 100; k++) {
    let v = 0;
    let d = 0;
    for (let i = 0; i < amounts.length; i++) {
      const term = amounts[i]! / Math.pow(1 + r, years[i]!);
      v += term;
      d -= (term * years[i]!) / (1 + r);
    }
    const next = r - v / d;
    if (Math.abs(next - r) < 1e-12) return next;
    r = next;
  }
  return r;
}
