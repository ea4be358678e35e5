import { MAX_UNITS, roundHalfEven } from "./fixed-point.js";
import { compileFormula } from "./formula.js";
import { normalizeColumns, type ColumnRule } from "./normalize.js";
import type { ResolvedModel } from "./model.js";
import { rankOrder } from "./ranking.js";

/** Status of a request after gates and scoring, in ranking order of groups. */
export type ScoreStatus = "forced-in" | "scored" | "unscored" | "forced-out";
/** @internal status codes, in group order */
export const STATUS: readonly ScoreStatus[] = ["forced-in", "scored", "unscored", "forced-out"];

/** @internal Output of the typed-array engine. */
export interface EngineResult {
  readonly n: number;
  readonly m: number;
  readonly terms: number;
  /** Normalised values, n × m row-major (NaN = missing, internal only). */
  readonly normalized: Float64Array;
  /** Contribution units, n × terms. */
  readonly termUnits: Float64Array;
  /** Score units per request (0 when unscored). */
  readonly scoreUnits: Float64Array;
  /** Status code per request (index into STATUS). */
  readonly status: Uint8Array;
  /** Why a request is unscored. */
  readonly unscored: Map<number, { reason: string; detail: string }>;
  /** Request indices in rank order. */
  readonly order: Int32Array;
}

/**
 * @internal Scores a raw matrix (n × m, NaN = missing). `forced[i]` is 0 (no gate), 1 (forced in), 2 (forced out).
 * Values must have passed {@link cellIssues} first.
 */
export function runEngine(
  model: ResolvedModel,
  ids: readonly string[],
  raw: Float64Array,
  forced: Uint8Array,
): EngineResult {
  const n = ids.length;
  const m = model.columns.length;
  const N = new Float64Array(n * m);
  const rules = model.columns.map((c, col): ColumnRule | undefined =>
    col >= model.scoredCount
      ? undefined // attributes are used raw (gates, tie-breaks, risk adjustment)
      : {
          method: c.normalization, direction: c.direction, tieRule: c.tieRule,
          ...(c.range?.max !== undefined ? { range: { min: c.range.min.toNumber(), max: c.range.max.toNumber() } } : {}),
          ...(c.anchors ? { anchors: c.anchors } : {}),
        },
  );
  const scoredCols = model.terms.filter((t) => t.role !== "risk-adjustment" && t.col !== undefined).map((t) => t.col!);
  const needed = model.spec.kind === "formula" ? Array.from({ length: model.scoredCount }, (_, j) => j) : scoredCols;
  const neededCols = Int32Array.from(model.riskCol === undefined ? needed : [...needed, model.riskCol]);
  const missing = (i: number, col: number) => raw[i * m + col] !== raw[i * m + col];
  const anyMissing = (i: number) => neededCols.some((col) => missing(i, col));
  // normalizeOver "candidates": rows that cannot get a score are blanked out of the normalisation's statistics.
  const outside = (i: number) => model.spec.normalizeOver === "candidates" && (forced[i] === 2 || anyMissing(i));
  let values = raw;
  for (let i = 0; i < n; i++) if (outside(i)) (values = values === raw ? raw.slice() : values).fill(Number.NaN, i * m, i * m + model.scoredCount);
  normalizeColumns(values, n, m, rules, N);
  const T = model.terms.length;
  const TU = new Float64Array(n * T);
  const S = new Float64Array(n);
  const status = new Uint8Array(n);
  const unscored = new Map<number, { reason: string; detail: string }>();
  const scale = 10 ** model.decimals;
  // One detail for a score and a contribution out of range (the rounding works in units of 1e-decimals).
  const tooBig = { reason: "score-out-of-range", detail: `a score or line exceeds ${MAX_UNITS} units of 1e-${model.decimals}: lower the decimals` };
  const combine = combiner(model, scale, tooBig);
  for (let i = 0; i < n; i++) {
    status[i] = forced[i] === 1 ? 0 : forced[i] === 2 ? 3 : 1;
    if (anyMissing(i)) {
      unscored.set(i, { reason: "missing-rating", detail: `no value for ${Array.from(neededCols).filter((col) => missing(i, col)).map((col) => model.columns[col]!.id).join(", ")}` });
      if (status[i] === 1) status[i] = 2;
      continue;
    }
    if (outside(i)) {
      unscored.set(i, { reason: "forced-out", detail: 'forced out, so not normalised (normalizeOver "candidates")' });
      continue;
    }
    const problem = combine(i, N, raw, TU, m, T);
    if (problem !== undefined) {
      unscored.set(i, problem);
      for (let t = 0; t < T; t++) TU[i * T + t] = 0;
      if (status[i] === 1) status[i] = 2;
      continue;
    }
    let s = 0;
    for (let t = 0; t < T; t++) s += TU[i * T + t]!;
    if (Math.abs(s) > MAX_UNITS) {
      unscored.set(i, tooBig);
      for (let t = 0; t < T; t++) TU[i * T + t] = 0;
      if (status[i] === 1) status[i] = 2;
      continue;
    }
    S[i] = s;
  }
  return { n, m, terms: T, normalized: N, termUnits: TU, scoreUnits: S, status, unscored, order: rankOrder(model, ids, raw, S, status, unscored) };
}

type Combine = (i: number, N: Float64Array, raw: Float64Array, TU: Float64Array, m: number, T: number) => { reason: string; detail: string } | undefined;

function combiner(model: ResolvedModel, scale: number, tooBig: { reason: string; detail: string }): Combine {
  const terms = model.terms;
  const riskT = model.riskCol === undefined ? -1 : terms.length - 1;
  const baseT = riskT >= 0 ? terms.length - 1 : terms.length;
  const cols = terms.map((t) => t.col ?? -1);
  const zeroDivisor = { reason: "divisor-is-zero", detail: "a divisor is zero" };
  // Additive lines are rounded cumulatively: line t = round(Σ_{s≤t} x_s) − round(Σ_{s<t} x_s). The lines add up
  // exactly to the correctly rounded total, and each is within one unit of its own exact value.
  const additive = (i: number, xs: readonly number[], TU: Float64Array, T: number): boolean => {
    let p = 0;
    let prev = 0;
    for (let t = 0; t < xs.length; t++) {
      p += xs[t]! * scale;
      const u = roundHalfEven(p);
      if (!(Math.abs(u) <= MAX_UNITS)) return false;
      TU[i * T + t] = u - prev === 0 ? 0 : u - prev;
      prev = u;
    }
    return true;
  };
  // Values outside their domain (job size or effort ≤ 0, a confidence outside 0–1) never reach the engine: both
  // callers refuse them first (cellIssues in cell-rules.ts).
  const risk = (i: number, raw: Float64Array, TU: Float64Array, m: number, T: number): { reason: string; detail: string } | undefined => {
    if (riskT < 0) return undefined;
    const p = raw[i * m + model.riskCol!]!;
    let s = 0;
    for (let t = 0; t < baseT; t++) s += TU[i * T + t]!;
    // S × p raises a negative S as p falls (−0.7 × 0.5 = −0.35 beat an equal request's −0.7 at p = 1): no figure
    if (s < 0) return { reason: "negative-score", detail: `score ${(s / scale).toFixed(model.decimals)} < 0 would rise as confidence falls` };
    // adjusted score = round(S × p); the line shows the difference, so the breakdown still sums exactly
    const adjusted = roundHalfEven(s * p);
    TU[i * T + riskT] = adjusted - s === 0 ? 0 : adjusted - s;
    return undefined;
  };
  const sequential = (i: number, factors: readonly number[], TU: Float64Array, T: number): boolean => {
    // contribution of factor k = round(P_k) − round(P_{k−1}): telescopes to round(product)
    let p = 1;
    let prevUnits = 0;
    for (let k = 0; k < factors.length; k++) {
      p = k === 0 ? factors[0]! : p * factors[k]!;
      const u = roundHalfEven(p * scale);
      if (!(Math.abs(u) <= MAX_UNITS)) return false;
      TU[i * T + k] = u - prevUnits === 0 ? 0 : u - prevUnits;
      prevUnits = u;
    }
    return true;
  };
  switch (model.spec.kind) {
    case "weighted-sum": {
      const total = model.columns.slice(0, model.scoredCount).reduce((s, c) => s + c.weight.toNumber(), 0);
      const factor = Float64Array.from(terms.slice(0, baseT), (t) => (model.columns[t.col!]!.weight.toNumber() / total) * scale);
      return (i, N, raw, TU, m, T) => {
        const rowN = i * m;
        const rowT = i * T;
        let p = 0;
        let prev = 0;
        for (let t = 0; t < baseT; t++) {
          p += N[rowN + cols[t]!]! * factor[t]!;
          const u = roundHalfEven(p);
          if (!(Math.abs(u) <= MAX_UNITS)) return tooBig;
          TU[rowT + t] = u - prev === 0 ? 0 : u - prev;
          prev = u;
        }
        return risk(i, raw, TU, m, T);
      };
    }
    case "wsjf":
      return (i, N, raw, TU, m, T) => {
        const js = N[i * m + cols[3]!]!; // normalised job size, if the model normalises it
        if (js === 0) return zeroDivisor;
        if (!additive(i, [N[i * m + cols[0]!]! / js, N[i * m + cols[1]!]! / js, N[i * m + cols[2]!]! / js, 0], TU, T)) return tooBig;
        return risk(i, raw, TU, m, T);
      };
    case "rice": {
      const unit = model.spec.confidenceUnit === "percent" ? 100 : 1;
      return (i, N, raw, TU, m, T) => {
        const e = N[i * m + cols[3]!]!;
        if (e === 0) return zeroDivisor;
        const f = [N[i * m + cols[0]!]!, N[i * m + cols[1]!]!, N[i * m + cols[2]!]! / unit, 1 / e];
        return sequential(i, f, TU, T) ? risk(i, raw, TU, m, T) : tooBig;
      };
    }
    case "ice": {
      const product = model.spec.convention === "product";
      return (i, N, raw, TU, m, T) => {
        const f = [0, 1, 2].map((t) => N[i * m + cols[t]!]!);
        if (product) return sequential(i, f, TU, T) ? risk(i, raw, TU, m, T) : tooBig;
        return additive(i, f.map((x) => x / 3), TU, T) ? risk(i, raw, TU, m, T) : tooBig;
      };
    }
    case "formula": {
      const f = model.spec.formula;
      const parts = "op" in f && (f.op === "add" || f.op === "subtract") ? f.args : [f];
      const sign = parts.map((_, k) => ("op" in f && f.op === "subtract" && k > 0 ? -1 : 1));
      const compiled = parts.map((p) => compileFormula(p, model.columnOf));
      return (i, N, raw, TU, m, T) => {
        const row = (col: number) => N[i * m + col]!;
        const xs = compiled.map((c, t) => sign[t]! * c(row));
        if (xs.some((v) => !Number.isFinite(v))) return zeroDivisor;
        return additive(i, xs, TU, T) ? risk(i, raw, TU, m, T) : tooBig;
      };
    }
  }
}
