import { beforeAll, describe, expect, it } from "vitest";
import { createHighsSolver, type HighsSelectionSolver } from "../../src/highs/index.js";
import { efficientFrontier, findConflicts, defineSelectionProblem, selectPortfolio, type SelectionProblemInput } from "../../src/selection/index.js";

/*
 * An oracle written apart from src/selection (and from test/selection/oracle.ts): seeded problems of 1–11 candidates
 * (12–14 with ORACLE_MIN_N / ORACLE_MAX_N), 1–3 periods, 0–2 skills, values in thousandths (negative, zero and tied
 * included), costs in cents, demands in tenths, a budget or a capacity left out at random, dependencies (cycles
 * included), together and exclusive groups (a group of one included), forced in and out; every subset enumerated in
 * BigInt. Checked: selectPortfolio with the built-in solver and with HiGHS (optimal, the enumerated optimum, a
 * feasible plan; infeasible with a conflict when no plan is), every efficientFrontier level (optimal at its budget,
 * monotone), findConflicts (with and without a what-if: a conflict exactly when enumeration finds no plan; each
 * conflict infeasible on its own and irreducible; the amount an explanation quotes is what the forced candidates and
 * what they require use), and every "why not" loss (optimum − optimum with the candidate forced in).
 * ORACLE_RUNS / ORACLE_START widen the search (sel19 ran 1,000 problems of up to 11 and 150 of 12–14: no disagreement).
 */
type R = {
  n: number; P: number; S: number;
  val: bigint[]; // thousandths
  cost: bigint[][]; // cents [i][p]
  dem: bigint[][][]; // tenths [i][p][s]
  budget: (bigint | null)[]; // cents
  cap: (bigint | null)[][]; // tenths
  req: [number, number][]; tog: number[][]; exc: number[][]; fin: number[]; fout: number[];
};
function gen(seed: number): R {
  let s = seed * 7919 + 17;
  const rnd = () => { s = (s * 48271) % 2147483647; return s / 2147483647; };
  const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const pick = <T,>(xs: T[]) => xs[int(0, xs.length - 1)] as T;
  const n = int(Number(process.env.ORACLE_MIN_N ?? 1), Number(process.env.ORACLE_MAX_N ?? 11)); const P = int(1, 3); const S = int(0, 2);
  const val = Array.from({ length: n }, () => BigInt(pick([int(-2000, 60000), int(0, 5) * 1000, 7000, 7000, int(1, 100000)])));
  const cost = Array.from({ length: n }, () => Array.from({ length: P }, () => BigInt(pick([0, int(1, 500), int(100, 90000), 10, 20, 30]))));
  const dem = Array.from({ length: n }, () => Array.from({ length: P }, () => Array.from({ length: S }, () => BigInt(pick([0, int(1, 30), 5, 10])))));
  const budget = Array.from({ length: P }, (_, p) => {
    if (rnd() < 0.15) return null;
    let t = 0n; for (let i = 0; i < n; i++) if (rnd() < 0.5) t += cost[i]![p]!;
    return t + BigInt(pick([0, 0, 1, int(0, 5000)]));
  });
  const cap = Array.from({ length: P }, (_, p) => Array.from({ length: S }, (_, k) => {
    if (rnd() < 0.2) return null;
    let t = 0n; for (let i = 0; i < n; i++) if (rnd() < 0.5) t += dem[i]![p]![k]!;
    return t + BigInt(pick([0, 0, 3]));
  }));
  const idx = () => int(0, n - 1);
  const group = (min: number) => { const g = new Set<number>(); const k = int(min, Math.min(4, n)); while (g.size < k) g.add(idx()); return [...g]; };
  const req: [number, number][] = [];
  if (n > 1) for (let k = int(0, n); k > 0; k--) { const a = idx(), b = idx(); if (a !== b) req.push([a, b]); }
  const tog = n > 1 ? Array.from({ length: int(0, 2) }, () => group(2)) : [];
  const exc = Array.from({ length: int(0, 3) }, () => group(1));
  const fin = [...new Set(Array.from({ length: int(0, 2) }, idx))];
  const fout = [...new Set(Array.from({ length: int(0, 2) }, idx))].filter((i) => !fin.includes(i));
  return { n, P, S, val, cost, dem, budget, cap, req, tog, exc, fin, fout };
}
const id = (i: number) => `X${String(i).padStart(2, "0")}`;
const dec = (x: bigint, places: number) => {
  const neg = x < 0n; const a = (neg ? -x : x).toString().padStart(places + 1, "0");
  return `${neg ? "-" : ""}${a.slice(0, a.length - places)}${places ? "." + a.slice(a.length - places) : ""}`;
};
function toInput(r: R): SelectionProblemInput {
  const per = Array.from({ length: r.P }, (_, p) => `P${p}`);
  const sk = Array.from({ length: r.S }, (_, k) => `s${k}`);
  return {
    periods: per,
    candidates: r.val.map((v, i) => ({
      id: id(i), value: dec(v, 3),
      costs: Object.fromEntries(per.map((q, p) => [q, { amount: dec(r.cost[i]![p]!, 2), currency: "EUR" }])),
      demand: Object.fromEntries(per.map((q, p) => [q, Object.fromEntries(sk.filter((_, k) => r.cap.some((c) => c[k] !== null)).map((x) => [x, dec(r.dem[i]![p]![Number(x.slice(1))]!, 1)]))])),
    })),
    budgets: Object.fromEntries(per.flatMap((q, p) => (r.budget[p] === null ? [] : [[q, { amount: dec(r.budget[p]!, 2), currency: "EUR" }]]))),
    capacity: Object.fromEntries(per.map((q, p) => [q, Object.fromEntries(sk.flatMap((x, k) => (r.cap[p]![k] === null ? [] : [[x, dec(r.cap[p]![k]!, 1)]])))])),
    constraints: [
      ...r.req.map(([a, b]) => ({ kind: "requires" as const, candidate: id(a), requires: id(b) })),
      ...r.tog.map((g) => ({ kind: "together" as const, candidates: g.map(id) })),
      ...r.exc.map((g) => ({ kind: "exclusive" as const, candidates: g.map(id) })),
      ...r.fin.map((i) => ({ kind: "forced-in" as const, candidate: id(i), reason: "law" })),
      ...r.fout.map((i) => ({ kind: "forced-out" as const, candidate: id(i) })),
    ],
  };
}
// level as tenths: budget' = budget * lvl / 10 (exact rational: compare 10*cost <= budget*lvl)
function ok(r: R, m: number, lvl = 10n, extraIn: number[] = []): boolean {
  const x = (i: number) => (m >> i) & 1;
  for (let p = 0; p < r.P; p++) {
    if (r.budget[p] !== null) { let c = 0n; for (let i = 0; i < r.n; i++) if (x(i)) c += r.cost[i]![p]!; if (c * 10n > r.budget[p]! * lvl) return false; }
    for (let k = 0; k < r.S; k++) { if (r.cap[p]![k] === null) continue; let d = 0n; for (let i = 0; i < r.n; i++) if (x(i)) d += r.dem[i]![p]![k]!; if (d > r.cap[p]![k]!) return false; }
  }
  if (r.req.some(([a, b]) => x(a) && !x(b))) return false;
  if (r.tog.some((g) => new Set(g.map(x)).size > 1)) return false;
  if (r.exc.some((g) => g.filter((i) => x(i)).length > 1)) return false;
  if ([...r.fin, ...extraIn].some((i) => !x(i)) || r.fout.some((i) => x(i))) return false;
  return true;
}
function brute(r: R, lvl = 10n, extraIn: number[] = []): bigint | undefined {
  let best: bigint | undefined;
  for (let m = 0; m < 1 << r.n; m++) {
    if (!ok(r, m, lvl, extraIn)) continue;
    let v = 0n; for (let i = 0; i < r.n; i++) if ((m >> i) & 1) v += r.val[i]!;
    if (best === undefined || v > best) best = v;
  }
  return best;
}
const maskOf = (sel: readonly string[]) => sel.reduce((m, s) => m | (1 << Number(s.slice(1))), 0);
const thousandths = (d: { toFixed(n: number): string } | undefined) => (d === undefined ? undefined : BigInt(d.toFixed(3).replace(".", "")));

let highs: HighsSelectionSolver;
beforeAll(async () => { highs = await createHighsSolver(); });
const N = Number(process.env.ORACLE_RUNS ?? 8);
const START = Number(process.env.ORACLE_START ?? 0);
describe("selection against an independent BigInt enumeration", () => {
  it("select: built-in and highs vs brute force", async () => {
    const fails: string[] = [];
    for (let seed = START; seed < START + N; seed++) {
      const r = gen(seed);
      const input = toInput(r);
      const best = brute(r);
      for (const solver of [undefined, highs]) {
        const res = await selectPortfolio(input, { gap: 0, solver, timeLimitMs: 20000 });
        const name = solver ? "highs" : "builtin";
        if (best === undefined) {
          if (res.status !== "infeasible" || res.conflicts.length === 0) fails.push(`${seed} ${name}: expected infeasible got ${res.status}`);
        } else {
          const got = thousandths(res.objective.value);
          if (res.status !== "optimal" || got !== best || !ok(r, maskOf(res.selected))) fails.push(`${seed} ${name}: best ${best} got ${got} ${res.status} feasible ${ok(r, maskOf(res.selected))}`);
        }
      }
    }
    expect(fails).toEqual([]);
  }, 600_000);
  it("frontier: each level optimal, monotone", async () => {
    const fails: string[] = [];
    for (let seed = START; seed < START + Math.ceil(N / 2); seed++) {
      const r = gen(seed);
      const input = toInput(r);
      for (const solver of [undefined, highs]) {
        const pts = await efficientFrontier(input, { gap: 0, solver, timeLimitMs: 60000 });
        let prev: bigint | undefined;
        for (const pt of pts) {
          const lvl = BigInt(Math.round(pt.level * 10));
          const best = brute(r, lvl);
          const got = thousandths(pt.optimal.objective.value);
          if (best === undefined) { if (pt.optimal.status !== "infeasible" || pt.optimal.conflicts.length === 0) fails.push(`${seed} ${solver ? "h" : "b"} L${lvl}: expected infeasible, got ${pt.optimal.status}`); continue; }
          if (got !== best || pt.optimal.status !== "optimal" || !ok(r, maskOf(pt.optimal.selected), lvl)) fails.push(`${seed} ${solver ? "h" : "b"} L${lvl}: best ${best} got ${got} ${pt.optimal.status}`);
          if (prev !== undefined && got !== undefined && got < prev) fails.push(`${seed} non-monotone`);
          if (got !== undefined) prev = got;
          if (pt.ranking && pt.leftBehind.value && pt.leftBehind.value.isNegative()) fails.push(`${seed} L${lvl} negative leftBehind`);
        }
      }
    }
    expect(fails).toEqual([]);
  }, 600_000);
  it("conflicts: each infeasible and irreducible; whatIf", async () => {
    const fails: string[] = [];
    for (let seed = START; seed < START + N; seed++) {
      const r = gen(seed);
      const problem = defineSelectionProblem(toInput(r));
      for (const whatIf of [[] as number[], [seed % r.n]]) {
        const cs = findConflicts(problem, whatIf.map(id));
        const best = brute(r, 10n, whatIf);
        if ((best === undefined) !== (cs.length > 0)) fails.push(`${seed} w${whatIf}: brute ${best} conflicts ${cs.length}`);
        for (const c of cs) {
          // sub-problem of only these constraints
          const sub = (keep: typeof c.constraints): R => {
            const has = (f: (k: (typeof keep)[number]) => boolean) => keep.some(f);
            return {
              ...r,
              budget: r.budget.map((b, p) => (has((k) => k.kind === "budget" && k.period === `P${p}`) ? b : null)),
              cap: r.cap.map((row, p) => row.map((v, k) => (has((x) => x.kind === "capacity" && x.period === `P${p}` && x.skill === `s${k}`) ? v : null))),
              req: r.req.filter(([a, b]) => has((k) => k.kind === "requires" && k.candidate === id(a) && k.requires === id(b))),
              tog: r.tog.filter((g) => has((k) => k.kind === "together" && k.candidates.join() === g.map(id).join())),
              exc: r.exc.filter((g) => has((k) => k.kind === "exclusive" && k.candidates.join() === g.map(id).join())),
              fin: [...r.fin, ...whatIf].filter((i) => has((k) => k.kind === "forced-in" && k.candidate === id(i))),
              fout: r.fout.filter((i) => has((k) => k.kind === "forced-out" && k.candidate === id(i))),
            };
          };
          const m = /uses? EUR ([\d,.]+) against budget P(\d)/.exec(c.explanation);
          if (m && whatIf.length === 0) {
            const starts = c.constraints.flatMap((k) => (k.kind === "forced-in" ? [Number(k.candidate.slice(1))] : []));
            const inn = new Set(starts);
            for (let grew = true; grew; ) {
              grew = false;
              for (const [a, b] of r.req) if (inn.has(a) && !inn.has(b)) { inn.add(b); grew = true; }
              for (const g of r.tog) if (g.some((x) => inn.has(x))) for (const x of g) if (!inn.has(x)) { inn.add(x); grew = true; }
            }
            let used = 0n; for (const x of inn) used += r.cost[x]![Number(m[2])]!;
            if (m[1]!.replace(/,/g, "") !== dec(used, 2)) fails.push(`${seed}: explanation says ${m[1]} want ${dec(used, 2)}: ${c.explanation}`);
          }
          if (brute(sub(c.constraints)) !== undefined) fails.push(`${seed} w${whatIf}: conflict feasible: ${c.explanation}`);
          for (const drop of c.constraints) if (brute(sub(c.constraints.filter((k) => k !== drop))) === undefined) fails.push(`${seed} w${whatIf}: reducible by ${drop.label}: ${c.explanation}`);
        }
      }
    }
    expect(fails).toEqual([]);
  }, 600_000);
});
describe("why not against the same enumeration", () => {
  it("whyNot losses against brute force", async () => {
    const fails: string[] = [];
    for (let seed = START; seed < START + N; seed++) {
      const r = gen(seed);
      const best = brute(r);
      if (best === undefined) continue;
      for (const solver of [undefined, highs]) {
        const res = await selectPortfolio(toInput(r), { gap: 0, solver, timeLimitMs: 60000, whyNotResolves: 100 });
        for (const w of res.whyNot) {
          const i = Number(w.candidate.slice(1));
          const alt = brute(r, 10n, [i]);
          if (w.kind === "displaces") {
            if (alt === undefined) fails.push(`${seed}: ${w.candidate} displaces but infeasible`);
            else if (w.status === "optimal" && thousandths(w.objectiveLost.value) !== best - alt) fails.push(`${seed}: ${w.candidate} lost ${w.objectiveLost.value} want ${best - alt}`);
            if (w.status !== "optimal") fails.push(`${seed}: ${w.candidate} status ${w.status}`);
          } else if (w.kind === "infeasible" || w.kind === "forced-out") {
            if (alt !== undefined) fails.push(`${seed}: ${w.candidate} ${w.kind} but feasible ${alt}`);
          } else fails.push(`${seed}: ${w.candidate} ${w.kind}`);
        }
      }
    }
    expect(fails).toEqual([]);
  }, 600_000);
});
