import { describe, expect, it } from "vitest";
import { PmoDecimal } from "../../src/core/index.js";
import { explainScore, scoreMatrix, scoreRequests, type ScoringModel } from "../../src/prioritization/index.js";
import { req } from "./helpers.js";
import { add, div, gcd, mul, q, type Q } from "./rationals.js";

/*
 * Oracle: weighted sums over ratings on a 1–5 scale, normalised min-max, rank (each tie rule) or absolute, computed
 * in exact rationals (BigInt fractions, no code shared with src/prioritization) and rounded half-even to the model's
 * decimals. Each score must be that rounding, each line within one unit of its exact value, the lines must sum to the
 * score exactly, and the board must not change when the batch is listed in reverse. Ratings go missing at random
 * (those requests are unscored). Until sel19 a score exactly halfway between two units was rounded by the float
 * noise of its sum (0.75 at one decimal read 0.7 or 0.8 by how the weights split it).
 */
function roundHE(x: Q, dec: number): bigint {
  const s = 10n ** BigInt(dec);
  const n = x[0] * s; const d = x[1];
  let f = n / d; if (n % d !== 0n && n < 0n) f -= 1n;
  const r = q(n - f * d, d); // in [0,1)
  const c = r[0] * 2n - r[1];
  if (c < 0n) return f; if (c > 0n) return f + 1n; return f % 2n === 0n ? f : f + 1n;
}
const N = Number(process.env.ORACLE_RUNS ?? 300);
describe("scoreRequests against exact rationals", () => {
  it("min-max / rank weighted sums vs exact rationals, permutation, breakdown sums", () => {
    const fails: string[] = [];
    let s = 12345;
    const rnd = () => { s = (s * 48271) % 2147483647; return s / 2147483647; };
    const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
    for (let t = 0; t < N; t++) {
      const m = int(1, 4); const n = int(1, 8); const decimals = int(0, 4);
      const method = (["min-max", "rank", "absolute"] as const)[int(0, 2)];
      const tieRule = (["average", "min", "max"] as const)[int(0, 2)];
      const crit = Array.from({ length: m }, (_, j) => ({ id: `c${j}`, weight: int(1, 9), cost: rnd() < 0.3 }));
      const rows = Array.from({ length: n }, (_, i) => ({ id: `R${i}`, r: crit.map(() => (rnd() < 0.1 ? undefined : int(1, 5))) }));
      const model: ScoringModel = {
        kind: "weighted-sum", decimals,
        criteria: crit.map((c) => ({ id: c.id, weight: c.weight, direction: c.cost ? "cost" : "benefit", scale: { kind: "numeric", min: 1, max: 5 }, normalization: method, ...(method === "rank" ? { tieRule } : {}) })),
      } as ScoringModel;
      const mk = (order: number[]) => order.map((i) => { const row = rows[i]!; return req(row.id, Object.fromEntries(crit.flatMap((c, j) => (row.r[j] === undefined ? [] : [[c.id, row.r[j]!]])))); });
      const board = scoreRequests(mk(rows.map((_, i) => i)), model, { asOf: "2026-01-01" });
      const rev = scoreRequests(mk(rows.map((_, i) => n - 1 - i)), model, { asOf: "2026-01-01" });
      const key = (b: typeof board) => b.entries.map((e) => `${e.rank}:${e.requestId}:${e.score.value?.toFixed() ?? e.score.reason}:${e.breakdown.map((c) => c.contribution.toFixed()).join(",")}`).join(" ");
      if (key(board) !== key(rev)) fails.push(`t${t}: permutation ${key(board)} vs ${key(rev)}`);
      const W = crit.reduce((a, c) => a + c.weight, 0);
      // exact normalised
      const norm = crit.map((c, j) => {
        const present = rows.map((r) => r.r[j]).filter((x): x is number => x !== undefined);
        return rows.map((r) => {
          const x = r.r[j];
          if (x === undefined) return undefined;
          let v: Q;
          if (method === "absolute") v = q(BigInt(x - 1), 4n);
          else if (method === "min-max") { const lo = Math.min(...present), hi = Math.max(...present); if (lo === hi) return q(1n); v = q(BigInt(x - lo), BigInt(hi - lo)); }
          else {
            const sorted = [...present].sort((a, b) => a - b); const p = sorted.indexOf(x); const qq = sorted.lastIndexOf(x);
            const rank = tieRule === "min" ? q(BigInt(p + 1)) : tieRule === "max" ? q(BigInt(qq + 1)) : q(BigInt(p + qq + 2), 2n);
            if (present.length <= 1) return q(1n);
            v = div(add(rank, q(-1n)), q(BigInt(present.length - 1)));
          }
          return c.cost ? add(q(1n), q(-v[0], v[1])) : v;
        });
      });
      for (const e of board.entries) {
        const i = Number(e.requestId.slice(1));
        const sum = e.breakdown.reduce((a, c) => a.plus(c.contribution), new PmoDecimal(0));
        if (e.score.value && !sum.eq(e.score.value)) fails.push(`t${t}: breakdown ${sum} != ${e.score.value}`);
        const ns = norm.map((col) => col[i]);
        if (ns.some((x) => x === undefined)) { if (e.score.value !== undefined) fails.push(`t${t}: missing scored`); continue; }
        let total: Q = q(0n);
        ns.forEach((v, j) => { total = add(total, mul(v!, q(BigInt(crit[j]!.weight), BigInt(W)))); });
        const want = roundHE(total, decimals);
        const got = e.score.value ? BigInt(e.score.value.toFixed(decimals).replace(".", "")) : undefined;
        if (got !== want) fails.push(`t${t} ${method} d${decimals} ${e.requestId}: want ${want} got ${got} exact ${total[0]}/${total[1]}`);
        // each line within one unit of its exact value
        e.breakdown.forEach((c, j) => {
          const exact = mul(ns[j]!, q(BigInt(crit[j]!.weight), BigInt(W)));
          const u = q(BigInt(c.contribution.toFixed(decimals).replace(".", "")), 10n ** BigInt(decimals));
          const diff = add(u, q(-exact[0], exact[1]));
          const ad = diff[0] < 0n ? -diff[0] : diff[0];
          if (ad * 10n ** BigInt(decimals) > diff[1]) fails.push(`t${t}: line ${j} off by > 1 unit`);
        });
      }
    }
    expect(fails.slice(0, 20)).toEqual([]);
  });
  it("every normalisation: the same board in any order of the batch, lines summing to the score, scoreMatrix = scoreRequests", () => {
    const fails: string[] = [];
    let s = 999;
    const rnd = () => { s = (s * 48271) % 2147483647; return s / 2147483647; };
    const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
    for (let t = 0; t < N; t++) {
      const m = int(1, 4); const n = int(1, 9); const decimals = int(0, 6);
      const methods = ["min-max", "rank", "z-score", "z-score-sample", "vector", "max-ratio", "none"] as const;
      const crit = Array.from({ length: m }, (_, j) => ({ id: `c${j}`, weight: int(1, 9) * (rnd() < 0.1 ? 0.5 : 1), cost: rnd() < 0.3, method: methods[int(0, methods.length - 1)]! }));
      const rows = Array.from({ length: n }, (_, i) => ({ id: `R${i}`, r: crit.map(() => (rnd() < 0.1 ? undefined : int(0, 10) / [1, 2, 4, 10][int(0, 3)]!)) }));
      const model = { kind: "weighted-sum", decimals, criteria: crit.map((c) => ({ id: c.id, weight: c.weight, direction: c.cost ? "cost" : "benefit", scale: { kind: "numeric", min: 0, max: 10 }, normalization: c.method })) } as ScoringModel;
      const mk = (order: number[]) => order.map((i) => { const row = rows[i]!; return req(row.id, Object.fromEntries(crit.flatMap((c, j) => (row.r[j] === undefined ? [] : [[c.id, row.r[j]!]])))); });
      const perm = rows.map((_, i) => i).sort(() => rnd() - 0.5);
      const key = (b: ReturnType<typeof scoreRequests>) => b.entries.map((e) => `${e.rank}:${e.requestId}:${e.score.value?.toFixed() ?? e.score.reason}:${e.breakdown.map((c) => c.contribution.toFixed()).join(",")}`).join(" ");
      const a = scoreRequests(mk(rows.map((_, i) => i)), model, { asOf: "2026-01-01" });
      const b = scoreRequests(mk(perm), model, { asOf: "2026-01-01" });
      if (key(a) !== key(b)) fails.push(`t${t} perm: ${key(a)} | ${key(b)}`);
      for (const e of a.entries) {
        const sum = e.breakdown.reduce((x, c) => x.plus(c.contribution), new PmoDecimal(0));
        if (e.score.value && !sum.eq(e.score.value)) fails.push(`t${t} sum`);
      }
      // matrix agrees
      const values = new Float64Array(n * m); const missing = new Uint8Array(n * m);
      rows.forEach((r, i) => r.r.forEach((v, j) => { if (v === undefined) missing[i * m + j] = 1; else values[i * m + j] = v; }));
      const tb = scoreMatrix({ requestIds: rows.map((r) => r.id), criterionIds: crit.map((c) => c.id), values, missing }, model);
      const k2 = Array.from(tb.order, (i, p) => { const e = explainScore(tb, rows[i]!.id); return `${p + 1}:${e.requestId}:${e.score.value?.toFixed() ?? e.score.reason}:${e.breakdown.map((c) => c.contribution.toFixed()).join(",")}`; }).join(" ");
      if (k2 !== key(a)) fails.push(`t${t} matrix: ${k2} | ${key(a)}`);
    }
    expect(fails.slice(0, 10)).toEqual([]);
  });
});
