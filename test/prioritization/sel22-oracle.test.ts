import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rankingRobustness, scoreRows, weightIntervals, type RatingRow, type ScoringModel } from "../../src/prioritization/index.js";
import { req } from "./helpers.js";
import { add, div, gcd, mul, q, type Q } from "./rationals.js";

/*
 * sel22: oracles written from docs/prioritization.md's definitions (no code shared with src/prioritization) for what
 * test/prioritization/exact-rational-oracle.test.ts does not check:
 *  - the VALUES of max-ratio, vector, z-score, z-score-sample and none normalisations inside a weighted sum, on
 *    columns with negative values, zeros, ties and constant columns (that oracle checks only their permutation
 *    invariance);
 *  - WSJF, RICE (both confidence units) and ICE (product and mean) scores, in exact rationals, rounded half-even;
 *  - the RANK ORDER: gates (mandatory, then MoSCoW), forced groups, unscored, score descending, tie-break keys asc/desc
 *    with missing values last, then the id in code-unit order — under random ids (renaming) and shuffled input.
 */
const cmpQ = (a: Q, b: Q) => { const d = a[0] * b[1] - b[0] * a[1]; return d < 0n ? -1 : d > 0n ? 1 : 0; };
/** x (a decimal string or integer) as a rational */
const qd = (x: string | number): Q => { const s = String(x); const [i, f = ""] = s.split("."); return q(BigInt(i! + f), 10n ** BigInt(f.length)); };
function roundHE(x: Q, dec: number): bigint {
  const s = 10n ** BigInt(dec);
  const n = x[0] * s; const d = x[1];
  let f = n / d; if (n % d !== 0n && n < 0n) f -= 1n;
  const r = q(n - f * d, d);
  const c = r[0] * 2n - r[1];
  if (c < 0n) return f; if (c > 0n) return f + 1n; return f % 2n === 0n ? f : f + 1n;
}
const units = (v: { toFixed(d: number): string } | undefined, dec: number) => (v === undefined ? undefined : BigInt(v.toFixed(dec).replace(".", "")));

describe("weighted sums with max-ratio, vector, z-score, z-score-sample and none: values from the definitions", () => {
  const methods = ["max-ratio", "vector", "z-score", "z-score-sample", "none", "min-max"] as const;
  /** docs/prioritization.md's table, in floats (the library's figures are binary64 too, rounded once per line) */
  function normalise(method: (typeof methods)[number], cost: boolean, xs: number[]): number[] {
    const n = xs.length;
    const max = Math.max(...xs); const min = Math.min(...xs);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const ss = xs.reduce((a, b) => a + (b - mean) ** 2, 0);
    return xs.map((x) => {
      switch (method) {
        case "none": return cost ? -x : x;
        case "min-max": return max === min ? 1 : cost ? (max - x) / (max - min) : (x - min) / (max - min);
        case "max-ratio": {
          if (!cost) return max <= 0 ? 0 : Math.max(x, 0) / max;
          const pos = xs.filter((v) => v > 0);
          return pos.length === 0 || x <= 0 ? 1 : Math.min(...pos) / x;
        }
        case "vector": { const norm = Math.sqrt(xs.reduce((a, b) => a + b * b, 0)); return norm === 0 ? (cost ? 1 : 0) : cost ? 1 - x / norm : x / norm; }
        case "z-score": case "z-score-sample": {
          const sd = Math.sqrt(ss / (method === "z-score" ? n : n - 1));
          if (max === min || (method === "z-score-sample" && n === 1)) return 0;
          return cost ? (mean - x) / sd : (x - mean) / sd;
        }
      }
    });
  }
  it("property: each score is within half a unit (plus float noise) of Σ (w/Σw)·n(x), negatives, zeros and constant columns included", () => {
    const value = fc.oneof(fc.integer({ min: -6, max: 6 }), fc.constantFrom(0, 2.5, -0.5));
    fc.assert(
      fc.property(
        fc.array(fc.record({ method: fc.constantFrom(...methods), cost: fc.boolean(), weight: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 7 }), fc.integer({ min: 2, max: 6 }), fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 7, maxLength: 7 }), fc.boolean(),
        (crit, n, decimals, grid, constantFirst) => {
          const rows = Array.from({ length: n }, (_, i) => crit.map((_, j) => (constantFirst && j === 0 ? 3 : grid[i]![j]!)));
          const model = { kind: "weighted-sum", decimals, criteria: crit.map((c, j) => ({ id: `c${j}`, weight: c.weight, direction: c.cost ? "cost" : "benefit", normalization: c.method })) } as ScoringModel;
          const board = scoreRows(rows.map((r, i) => ({ id: `R${i}`, ratings: Object.fromEntries(r.map((v, j) => [`c${j}`, v])) })), model, { asOf: "2026-01-01" });
          const W = crit.reduce((a, c) => a + c.weight, 0);
          const cols = crit.map((c, j) => normalise(c.method, c.cost, rows.map((r) => r[j]!)));
          for (const e of board.entries) {
            const i = Number(e.requestId.slice(1));
            const want = crit.reduce((a, c, j) => a + (c.weight / W) * cols[j]![i]!, 0);
            const got = Number(e.score.value!.toFixed());
            expect(Math.abs(got - want), `${e.requestId} ${JSON.stringify(crit)} ${JSON.stringify(rows)}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
          }
        },
      ),
      { numRuns: Number(process.env.ORACLE_RUNS ?? 400), seed: Number(process.env.ORACLE_SEED ?? 22) },
    );
  });
});

describe("WSJF, RICE and ICE against exact rationals", () => {
  const dec = fc.integer({ min: 0, max: 400 }).map((k) => (k / 4).toString()); // quarters, exact in decimal
  const pos = fc.integer({ min: 1, max: 400 }).map((k) => (k / 4).toString());
  it("property: WSJF = (BV + TC + RR|OE) / job size, rounded half-even", () => {
    fc.assert(fc.property(fc.array(fc.tuple(dec, dec, dec, pos), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 6 }), (rs, decimals) => {
      const model: ScoringModel = { kind: "wsjf", decimals, criteria: ["bv", "tc", "rr", "js"].map((id) => ({ id })), businessValue: "bv", timeCriticality: "tc", riskReduction: "rr", jobSize: "js" };
      const board = scoreRows(rs.map(([bv, tc, rr, js], i) => ({ id: `R${i}`, ratings: { bv, tc, rr, js } })), model, { asOf: "2026-01-01" });
      for (const e of board.entries) {
        const [bv, tc, rr, js] = rs[Number(e.requestId.slice(1))]!;
        const exact = div(add(add(qd(bv), qd(tc)), qd(rr)), qd(js));
        expect(units(e.score.value, decimals), `${e.requestId} ${bv} ${tc} ${rr} ${js} d${decimals}`).toBe(roundHE(exact, decimals));
      }
    }), { numRuns: Number(process.env.ORACLE_RUNS ?? 300), seed: Number(process.env.ORACLE_SEED ?? 22) });
  });
  it("property: RICE = reach × impact × confidence ÷ effort (percent ÷ 100), rounded half-even", () => {
    fc.assert(fc.property(fc.array(fc.tuple(dec, fc.constantFrom("3", "2", "1", "0.5", "0.25"), fc.constantFrom("100", "80", "50", "0", "33"), pos), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 6 }), fc.boolean(), (rs, decimals, percent) => {
      const model: ScoringModel = { kind: "rice", decimals, criteria: ["r", "i", "c", "e"].map((id) => ({ id })), reach: "r", impact: "i", confidence: "c", effort: "e", confidenceUnit: percent ? "percent" : "fraction" };
      const conf = (c: string) => (percent ? c : (Number(c) / 100).toString());
      const board = scoreRows(rs.map(([r, i, c, e], k) => ({ id: `R${k}`, ratings: { r, i, c: conf(c), e } })), model, { asOf: "2026-01-01" });
      for (const e of board.entries) {
        const [r, i, c, eff] = rs[Number(e.requestId.slice(1))]!;
        const exact = div(mul(mul(qd(r), qd(i)), q(BigInt(c), 100n)), qd(eff));
        expect(units(e.score.value, decimals), `${e.requestId} ${r} ${i} ${c} ${eff} d${decimals}`).toBe(roundHE(exact, decimals));
      }
    }), { numRuns: Number(process.env.ORACLE_RUNS ?? 300), seed: Number(process.env.ORACLE_SEED ?? 22) });
  });
  it("property: ICE = I × C × E (product) or (I + C + E)/3 (mean), rounded half-even", () => {
    const ten = fc.integer({ min: 1, max: 20 }).map((k) => (k / 2).toString());
    fc.assert(fc.property(fc.array(fc.tuple(ten, ten, ten), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 6 }), fc.boolean(), (rs, decimals, product) => {
      const model: ScoringModel = { kind: "ice", decimals, criteria: ["i", "c", "e"].map((id) => ({ id })), impact: "i", confidence: "c", ease: "e", convention: product ? "product" : "mean" };
      const board = scoreRows(rs.map(([i, c, e], k) => ({ id: `R${k}`, ratings: { i, c, e } })), model, { asOf: "2026-01-01" });
      for (const e of board.entries) {
        const [i, c, ee] = rs[Number(e.requestId.slice(1))]!;
        const exact = product ? mul(mul(qd(i), qd(c)), qd(ee)) : div(add(add(qd(i), qd(c)), qd(ee)), q(3n));
        expect(units(e.score.value, decimals), `${e.requestId} ${i} ${c} ${ee} d${decimals} ${product}`).toBe(roundHE(exact, decimals));
      }
    }), { numRuns: Number(process.env.ORACLE_RUNS ?? 300), seed: Number(process.env.ORACLE_SEED ?? 22) });
  });
});

describe("rank order from the documented rule, under any ids and any input order", () => {
  // ids with tricky code-unit order: upper before lower case, digits as text, non-ASCII, surrogate pairs
  const idArb = fc.constantFrom("a", "B", "b", "REQ-10", "REQ-9", "é", "e", "Z", "10", "9", "_", "ü", "𝒳", "ﬀ", "A-1", "A1");
  const MOSCOW = { must: 4, should: 3, could: 2, wont: 1 } as const;
  it("property: forced-in, scored, unscored, forced-out; score desc; tie-break keys with missing last; id in code-unit order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(idArb, { minLength: 1, maxLength: 10 }),
        fc.array(fc.record({
          a: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 6 }), b: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 6 }),
          t1: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 3 }), t2: fc.option(fc.integer({ min: 1, max: 2 }), { freq: 3 }),
          moscow: fc.option(fc.constantFrom("must", "should", "could", "wont", "WONT", "Must"), { freq: 3 }), mandatory: fc.boolean(),
        }), { minLength: 10, maxLength: 10 }),
        fc.constantFrom<("asc" | "desc" | undefined)[]>([undefined], ["asc"], ["desc", "asc"], ["asc", "desc"], []),
        fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 1000 }),
        (ids, data, orders, wa, wb, gateFirstMandatory, candidates, shuffleSeed) => {
          const rows = ids.map((id, i) => ({ id, ...data[i]! }));
          const scale = { kind: "numeric", min: 1, max: 3 } as const;
          const model: ScoringModel = {
            kind: "weighted-sum", normalizeOver: candidates ? "candidates" : "batch",
            criteria: [{ id: "a", weight: wa, scale, normalization: "absolute" }, { id: "b", weight: wb, scale, normalization: "absolute", direction: "cost" }],
            attributes: [{ id: "t1", scale }, { id: "t2", scale }, { id: "moscow", scale: { kind: "ordinal", labels: MOSCOW } }],
            gates: gateFirstMandatory ? [{ kind: "mandatory" }, { kind: "moscow", criterionId: "moscow" }] : [{ kind: "moscow", criterionId: "moscow" }, { kind: "mandatory" }],
            tieBreak: orders.map((order, k) => ({ criterionId: k === 0 ? "t1" : "t2", ...(order ? { order } : {}) })),
          };
          const input: RatingRow[] = rows.map((r) => ({
            id: r.id, ...(r.mandatory ? { mandatory: true } : {}),
            ratings: Object.fromEntries([["a", r.a], ["b", r.b], ["t1", r.t1], ["t2", r.t2], ["moscow", r.moscow === null ? null : { label: r.moscow }]].filter(([, v]) => v !== null)),
          }));
          let s = shuffleSeed + 1;
          const shuffled = [...input].sort(() => { s = (s * 48271) % 2147483647; return s / 2147483647 - 0.5; });
          const board = scoreRows(shuffled, model, { asOf: "2026-01-01" });
          // oracle
          const cls = (label: string | null) => { const l = label?.trim().toLowerCase(); return l === "must" ? "in" : l === "wont" || l === "won't" ? "out" : undefined; };
          const exp = rows.map((r) => {
            const byGate = [r.mandatory ? "in" : undefined, cls(r.moscow)];
            const fired = (gateFirstMandatory ? byGate : [byGate[1], byGate[0]]).find((g) => g !== undefined);
            const hasScore = r.a !== null && r.b !== null && !(candidates && fired === "out");
            // absolute: (x − 1)/2, b is a cost: 1 − (x − 1)/2
            const score = hasScore ? div(add(mul(q(BigInt(wa)), q(BigInt(r.a! - 1), 2n)), mul(q(BigInt(wb)), q(BigInt(3 - r.b!), 2n))), q(BigInt(wa + wb))) : undefined;
            const status = (fired === "in" ? "forced-in" : fired === "out" ? "forced-out" : hasScore ? "scored" : "unscored") as "forced-in" | "forced-out" | "scored" | "unscored";
            return { ...r, score, status };
          });
          const group = { "forced-in": 0, scored: 1, unscored: 2, "forced-out": 3 } as const;
          exp.sort((x, y) => {
            if (x.status !== y.status) return group[x.status] - group[y.status];
            if ((x.score === undefined) !== (y.score === undefined)) return x.score === undefined ? 1 : -1;
            if (x.score && y.score && cmpQ(x.score, y.score) !== 0) return -cmpQ(x.score, y.score);
            for (const [k, order] of orders.entries()) {
              const key = k === 0 ? "t1" : "t2";
              const u = x[key]; const v = y[key];
              if ((u === null) !== (v === null)) return u === null ? 1 : -1;
              if (u !== null && v !== null && u !== v) return order === "asc" ? u - v : v - u;
            }
            return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
          });
          const got = board.entries.map((e) => `${e.rank}:${e.requestId}:${e.status}`);
          expect(got, JSON.stringify({ model, rows })).toEqual(exp.map((e, p) => `${p + 1}:${e.id}:${e.status}`));
          for (const e of board.entries) {
            const x = exp.find((r) => r.id === e.requestId)!;
            expect(units(e.score.value, 9)).toBe(x.score === undefined ? undefined : roundHE(x.score, 9));
          }
        },
      ),
      { numRuns: Number(process.env.ORACLE_RUNS ?? 500), seed: Number(process.env.ORACLE_SEED ?? 22) },
    );
  });
});

describe("weightIntervals against re-scoring at the reported thresholds", () => {
  /*
   * From the definition: with every other weight held, the top-k set (forced-in first, then scored, by the ranking
   * rule) is the same at every weight strictly inside (lower, upper), differs just below a lower bound above 0 and just
   * above a finite upper bound (with `enters` in it and `leaves` out of it), is the same at weight 0 when lower is 0
   * without a swap, and at any weight however large when upper is undefined. Checked by re-scoring with scoreRows.
   */
  it("twins at the threshold: weight 0 lets R3 in and R1, not its twin R0, out (was: leaves R0)", () => {
    // c0 weight 2, c1 weight 1 on 1–5 (absolute, (x − 1)/4); tie-break t (desc). R0 and R1 are both (2, 3, t 0), R2
    // (1, 1), R3 (1, 3, t 1). Top 2 = {R0, R1} (0.1667 + 0.1667 = 0.3333 each, R0 before R1 by id). With c0 at
    // weight 0, R0, R1 and R3 all score 0.5 and the tie-break ranks R3 (t 1), R0, R1: the top 2 is {R3, R0}.
    const rows = [["R0", 2, 3, 0], ["R1", 2, 3, 0], ["R2", 1, 1, 0], ["R3", 1, 3, 1]] as const;
    const model: ScoringModel = {
      kind: "weighted-sum", tieBreak: [{ criterionId: "t" }], attributes: [{ id: "t" }],
      criteria: [2, 1].map((weight, j) => ({ id: `c${j}`, weight, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" })),
    };
    const [c0] = weightIntervals(rows.map(([id, c0, c1, t]) => req(id, { c0, c1, t })), model, { asOf: "2026-01-01", k: 2 });
    // At 9 decimals (the default) the three read the same once c0's weight is within about a unit's worth (~1e-9) of 0.
    expect(c0).toMatchObject({ criterionId: "c0", weight: 2, upper: undefined, atLower: { leaves: "R1", enters: "R3" }, atUpper: undefined });
    expect(c0!.lower).toBeLessThan(1e-8);
  });
  it("property: inside holds, beyond changes, the named swap happens", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.tuple(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }), fc.boolean(), fc.integer({ min: 0, max: 9 })), { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }), fc.boolean(),
        (m, weights, data, k, withCost) => {
          const rows: RatingRow[] = data.map(([r, , t], i) => ({ id: `R${i}`, ratings: { ...Object.fromEntries(r.slice(0, m).map((v, j) => [`c${j}`, v])), t }, ...(i === 0 && data[0]![1] ? { mandatory: true } : {}) }));
          const mk = (w: readonly number[]): ScoringModel => ({
            kind: "weighted-sum", gates: [{ kind: "mandatory" }], tieBreak: [{ criterionId: "t" }], attributes: [{ id: "t" }],
            criteria: w.slice(0, m).map((x, j) => ({ id: `c${j}`, weight: x, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute", ...(withCost && j === 1 ? { direction: "cost" as const } : {}) })),
          });
          const top = (w: readonly number[]) => scoreRows(rows, mk(w), { asOf: "2026-01-01" }).entries.filter((e) => e.status === "forced-in" || e.status === "scored").slice(0, k).map((e) => e.requestId).sort();
          const base = top(weights);
          const at = (j: number, x: number, exact = false) => top(weights.map((w, i) => (i === j ? (exact ? x : Number(x.toPrecision(12))) : w)));
          const intervals = weightIntervals(rows.map((r) => req(r.id, r.ratings as Record<string, number>, r.mandatory ? { mandatory: { reason: "law" } } as never : {})), mk(weights), { asOf: "2026-01-01", k });
          intervals.forEach((iv, j) => {
            const label = `${iv.criterionId} [${iv.lower}, ${iv.upper}] w=${weights[j]} k=${k} ${JSON.stringify(rows)} cost=${withCost}`;
            expect(iv.lower, label).toBeLessThanOrEqual(weights[j]!);
            if (iv.upper !== undefined) expect(iv.upper, label).toBeGreaterThanOrEqual(weights[j]!);
            const hi = iv.upper ?? iv.lower + 1000;
            if (hi > iv.lower) for (const f of [0.001, 0.5, 0.999]) expect(at(j, iv.lower + f * (hi - iv.lower), true), `inside ${f} ${label}`).toEqual(base);
            if (iv.upper !== undefined) {
              // sel23: bounds are binary64 weights of the rounded ranking; the swap is at the adjacent weight
              const beyond = at(j, iv.atUpper!.weight, true);
              expect(beyond, `beyond upper ${label}`).toContain(iv.atUpper!.enters);
              expect(beyond, `beyond upper ${label}`).not.toContain(iv.atUpper!.leaves);
            }
            if (iv.lower > 0) {
              const below = at(j, iv.atLower!.weight, true);
              expect(below, `below lower ${label}`).toContain(iv.atLower!.enters);
              expect(below, `below lower ${label}`).not.toContain(iv.atLower!.leaves);
            } else if (weights.some((w, i) => i !== j && i < m && w > 0)) {
              const zero = at(j, 0);
              if (iv.atLower === undefined) expect(zero, `at 0 ${label}`).toEqual(base);
              else { expect(zero, `at 0 ${label}`).toContain(iv.atLower.enters); expect(zero, `at 0 ${label}`).not.toContain(iv.atLower.leaves); }
            }
          });
        },
      ),
      { numRuns: Number(process.env.ORACLE_RUNS ?? 300), seed: Number(process.env.ORACLE_SEED ?? 22) },
    );
  });
});

describe("risk adjustment against exact rationals", () => {
  it("property: score = round(round(S)·p) half-even, S the weighted sum; ranked by it (then id)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.constantFrom("0", "0.25", "0.5", "0.33", "0.7", "1", "0.125")), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }),
        (rs, wa, wb, decimals) => {
          const scale = { kind: "numeric", min: 1, max: 5 } as const;
          const model: ScoringModel = {
            kind: "weighted-sum", decimals, riskAdjustment: { criterionId: "p" }, attributes: [{ id: "p", scale: { kind: "numeric", min: 0, max: 1 } }],
            criteria: [{ id: "a", weight: wa, scale, normalization: "absolute" }, { id: "b", weight: wb, scale, normalization: "absolute" }],
          };
          const board = scoreRows(rs.map(([a, b, p], i) => ({ id: `R${i}`, ratings: { a, b, p } })), model, { asOf: "2026-01-01" });
          const want = rs.map(([a, b, p], i) => {
            // absolute on 1–5: (x − 1)/4
            const S = div(add(mul(q(BigInt(wa)), q(BigInt(a - 1), 4n)), mul(q(BigInt(wb)), q(BigInt(b - 1), 4n))), q(BigInt(wa + wb)));
            const units0 = roundHE(S, decimals);
            return { id: `R${i}`, units: roundHE(mul(q(units0), qd(p)), 0) };
          });
          want.sort((x, y) => (x.units === y.units ? (x.id < y.id ? -1 : 1) : x.units > y.units ? -1 : 1));
          expect(board.entries.map((e) => `${e.requestId} ${units(e.score.value, decimals)}`)).toEqual(want.map((w) => `${w.id} ${w.units}`));
        },
      ),
      { numRuns: Number(process.env.ORACLE_RUNS ?? 400), seed: Number(process.env.ORACLE_SEED ?? 22) },
    );
  });
});

describe("rankingRobustness without perturbation is today's ranking", () => {
  const scale = { kind: "numeric", min: 0, max: 10 } as const;
  it("X1 (3, 0) and Y1 (1, 2) both score 0.15, X1 first by id: X1 is robust-in at spread 0 (was: probability 0, robust-out)", () => {
    // absolute on 0–10, equal weights: X1 = (0.3 + 0)/2, Y1 = (0.1 + 0.2)/2 — equal exactly; in floats 0.1 + 0.2 is
    // 0.30000000000000004, which put Y1 ahead in every sample.
    const model: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "a", scale, normalization: "absolute" }, { id: "b", scale, normalization: "absolute" }] };
    const r = rankingRobustness([req("X1", { a: 3, b: 0 }), req("Y1", { a: 1, b: 2 })], model, { asOf: "2026-01-01", k: 1, perturbation: { kind: "uniform", spread: 0 }, samples: 10 });
    expect(r).toEqual([
      { requestId: "X1", probability: 1, label: "robust-in", inBase: true },
      { requestId: "Y1", probability: 0, label: "robust-out", inBase: false },
    ]);
  });
  it("property: at spread 0 the top k of scoreRows is in with probability 1 and every other request 0, at any decimals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 5 }),
        (rs, w, decimals, k) => {
          const model: ScoringModel = {
            kind: "weighted-sum", decimals, tieBreak: [{ criterionId: "t" }], attributes: [{ id: "t" }],
            criteria: ["a", "b", "c"].map((id, j) => ({ id, weight: w[j]! / 10, scale, normalization: "absolute" as const })),
          };
          const requests = rs.map(([a, b, c, t], i) => req(`R${i}`, { a, b, c, t }));
          const top = new Set(scoreRows(rs.map(([a, b, c, t], i) => ({ id: `R${i}`, ratings: { a, b, c, t } })), model, { asOf: "2026-01-01" }).entries.slice(0, k).map((e) => e.requestId));
          const r = rankingRobustness(requests, model, { asOf: "2026-01-01", k, perturbation: { kind: "uniform", spread: 0 }, samples: 3 });
          expect(r.map((x) => `${x.requestId} ${x.probability} ${x.inBase}`)).toEqual(r.map((x) => `${x.requestId} ${top.has(x.requestId) ? 1 : 0} ${top.has(x.requestId)}`));
        },
      ),
      { numRuns: Number(process.env.ORACLE_RUNS ?? 400), seed: Number(process.env.ORACLE_SEED ?? 22) },
    );
  });
});
