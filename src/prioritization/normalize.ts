import { ValidationError, checkArguments, checkOptionKeys } from "../core/index.js";

/**
 * How a criterion's raw values become comparable scores (see docs/prioritization.md for the formulas):
 *
 * | method | benefit | cost | degenerate case |
 * |---|---|---|---|
 * | `none` | x | −x | — |
 * | `min-max` | (x − min)/(max − min) | (max − x)/(max − min) | max = min → every value 1 |
 * | `max-ratio` | max(x, 0)/max | min⁺/x (x > 0), 1 for x ≤ 0 | max ≤ 0 → 0 (benefit); no positive x → 1 (cost) |
 * | `vector` | x/√Σx² | 1 − x/√Σx² | Σx² = 0 → 0 (benefit), 1 (cost) |
 * | `z-score` | (x − μ)/σ, population σ = √(Σ(x − μ)²/N) (Excel STDEV.P) | (μ − x)/σ | σ = 0 → 0 |
 * | `z-score-sample` | (x − μ)/s, sample s = √(Σ(x − μ)²/(N − 1)) (Excel STDEV.S, STANDARDIZE) | (μ − x)/s | N = 1 or s = 0 → 0 |
 * | `rank` | (r − 1)/(N − 1), r the ascending rank with the tie rule | 1 − that | N = 1 → 1 |
 * | `absolute` | position on the criterion's scale: (x − min)/(max − min), or the anchors' piecewise-linear value, clamped to 0–1 | 1 − that (not for anchors, which carry their direction) | — |
 *
 * All but `none` and `absolute` are relative to the batch: adding a request can move another's normalised value.
 * `absolute` is anchored to the scale, so it never does.
 */
export type NormalizationMethod = "none" | "min-max" | "max-ratio" | "vector" | "z-score" | "z-score-sample" | "rank" | "absolute";

/** How tied values share ranks in `rank` normalisation: average of the tied positions (default), lowest or highest. */
export type RankTieRule = "average" | "min" | "max";

/** Whether more is better (`benefit`) or worse (`cost`). */
export type CriterionDirection = "benefit" | "cost";

/** @internal What a column needs to be normalised. */
export interface ColumnRule {
  readonly method: NormalizationMethod;
  readonly direction: CriterionDirection;
  readonly tieRule: RankTieRule;
  /** For `absolute`: the scale's min and max, or anchors (value → score), ascending by value. */
  readonly range?: { readonly min: number; readonly max: number };
  readonly anchors?: readonly { readonly value: number; readonly score: number }[];
}

/** @internal Each method's code in the engine (its keys are the criterion schema's choices). */
export const METHOD_CODE: Record<NormalizationMethod, number> = { none: 0, "min-max": 1, "max-ratio": 2, vector: 3, "z-score": 4, "z-score-sample": 7, rank: 5, absolute: 6 };

/**
 * @internal Normalises the columns of a row-major n×m matrix into `out` (same layout), in row-major passes (one for
 * the statistics, one for σ when a z-score needs it, one to write) so large matrices stream through the cache. A
 * column whose rule is undefined is copied. Missing values are NaN and stay NaN; statistics use present values only.
 */
export function normalizeColumns(values: Float64Array, n: number, m: number, rules: readonly (ColumnRule | undefined)[], out: Float64Array): void {
  // Methods are checked before: by the model's schema, or by normalizeValues (an own key of METHOD_CODE).
  const code = Int8Array.from(rules, (r) => (r === undefined ? -1 : METHOD_CODE[r.method]));
  const cost = Uint8Array.from(rules, (r) => (r?.direction === "cost" ? 1 : 0));
  const count = new Float64Array(m);
  const min = new Float64Array(m).fill(Infinity);
  const max = new Float64Array(m).fill(-Infinity);
  const minPos = new Float64Array(m).fill(Infinity);
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = 0; j < m; j++, k++) {
      const x = values[k]!;
      if (x !== x) continue;
      count[j]! += 1;
      if (x < min[j]!) min[j] = x;
      if (x > max[j]!) max[j] = x;
      if (x > 0 && x < minPos[j]!) minPos[j] = x;
    }
  }
  const mean = new Float64Array(m);
  const sigma = new Float64Array(m);
  const norm = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const c = code[j]!;
    if (![3, 4, 7].includes(c)) continue;
    // Sums run over the column in ascending order: a float sum depends on the order of its terms, and the batch's
    // order must not move a score (a z-score of −0.5000000000000001 for one order and −0.5 for another rounded a
    // score of −0.125 to −0.13 or −0.12).
    const col = new Float64Array(count[j]!);
    for (let k = j, q = 0; k < n * m; k += m) if (values[k] === values[k]) col[q++] = values[k]!;
    col.sort();
    let sum = 0;
    let sumSq = 0;
    for (const x of col) {
      sum += x;
      sumSq += x * x;
    }
    norm[j] = Math.sqrt(sumSq);
    mean[j] = sum / col.length; // NaN without values, then never read
    let ss = 0;
    for (const x of col) ss += (x - mean[j]!) * (x - mean[j]!);
    // population σ (N) for z-score, sample s (N − 1) for z-score-sample; one value, or all equal, → σ = 0 → 0 (equal
    // values checked as such: their float mean can miss them, 0.1 × 3 → σ 1.4e-17, which made every z −1)
    sigma[j] = max[j] === min[j] ? 0 : Math.sqrt(ss / (col.length - +(c > 6)));
  }
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = 0; j < m; j++, k++) {
      const x = values[k]!;
      const c = code[j]!;
      if (x !== x || c === 5) {
        out[k] = x !== x ? Number.NaN : 0; // rank columns are filled below
        continue;
      }
      const isCost = cost[j] === 1;
      let v: number;
      switch (c) {
        case -1: v = x; break;
        case 0: v = isCost ? -x : x; break;
        case 1: v = max[j] === min[j] ? 1 : isCost ? (max[j]! - x) / (max[j]! - min[j]!) : (x - min[j]!) / (max[j]! - min[j]!); break;
        case 2:
          if (isCost) v = x <= 0 || minPos[j] === Infinity ? 1 : minPos[j]! / x;
          else v = max[j]! <= 0 ? 0 : Math.max(x, 0) / max[j]!;
          break;
        case 3: v = norm[j] === 0 ? (isCost ? 1 : 0) : isCost ? 1 - x / norm[j]! : x / norm[j]!; break;
        case 4: case 7: v = sigma[j] === 0 ? 0 : isCost ? (mean[j]! - x) / sigma[j]! : (x - mean[j]!) / sigma[j]!; break;
        default: v = absolute(x, rules[j]!); break;
      }
      out[k] = v === 0 ? 0 : v; // no -0
    }
  }
  for (let j = 0; j < m; j++) if (code[j] === 5) rankColumn(values, n, m, j, rules[j]!, count[j]!, out);
}

function absolute(x: number, rule: ColumnRule): number {
  const a = rule.anchors;
  if (a) { // anchored scales have at least two anchors (the model schema and normalizeValues check it)
    if (x <= a[0]!.value) return a[0]!.score;
    for (let i = 1; i < a.length; i++) {
      const p = a[i - 1]!;
      const q = a[i]!;
      if (x <= q.value) return p.score + ((q.score - p.score) * (x - p.value)) / (q.value - p.value);
    }
    return a[a.length - 1]!.score;
  }
  const r = rule.range!;
  const t = r.max === r.min ? 1 : Math.min(1, Math.max(0, (x - r.min) / (r.max - r.min)));
  return rule.direction === "cost" ? 1 - t : t;
}

function rankColumn(values: Float64Array, n: number, m: number, col: number, rule: ColumnRule, count: number, out: Float64Array): void {
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (values[i * m + col] === values[i * m + col]) idx.push(i);
  idx.sort((a, b) => values[a * m + col]! - values[b * m + col]!);
  for (let i = 0; i < n; i++) if (values[i * m + col] !== values[i * m + col]) out[i * m + col] = Number.NaN;
  let p = 0;
  while (p < idx.length) {
    let q = p;
    const x = values[idx[p]! * m + col]!;
    while (q + 1 < idx.length && values[idx[q + 1]! * m + col] === x) q++;
    // ascending 1-based positions p+1 … q+1 share one rank
    const r = rule.tieRule === "min" ? p + 1 : rule.tieRule === "max" ? q + 1 : (p + q + 2) / 2;
    const t = (r - 1) / (count - 1); // unread when count ≤ 1
    const v = count <= 1 ? 1 : rule.direction === "cost" ? 1 - t : t;
    for (let k = p; k <= q; k++) out[idx[k]! * m + col] = v;
    p = q + 1;
  }
}

const oneOf = (key: string, value: unknown, allowed: readonly string[]) => {
  if (value !== undefined && !allowed.includes(value as string)) {
    throw ValidationError.single([key], `${key} must be ${allowed.map((a) => JSON.stringify(a)).join(" or ")} (got ${JSON.stringify(value)})`, "normalisation");
  }
};

/** A misspelt option must not fall back to its default, nor a range or anchors that define no scale give NaN. */
const NORMALIZE_OPTION_KEYS = { method: 1, direction: 1, tieRule: 1, range: 1, anchors: 1, nonPositive: 1 } satisfies Record<keyof Parameters<typeof normalizeValues>[1], 1>;

function checkOptions(o: Parameters<typeof normalizeValues>[1]): void {
  oneOf("direction", o.direction, ["benefit", "cost"]);
  oneOf("tieRule", o.tieRule, ["average", "min", "max"]);
  oneOf("nonPositive", o.nonPositive, ["fallback", "refuse"]);
  const fail = (path: (string | number)[], message: string) => {
    throw ValidationError.single(path, message, "normalisation");
  };
  if (o.range !== undefined) {
    if (typeof o.range !== "object" || o.range === null) fail(["range"], "range must be { min, max }");
    if (!Number.isFinite(o.range.min)) fail(["range", "min"], "range min must be a finite number");
    if (!Number.isFinite(o.range.max)) fail(["range", "max"], "range max must be a finite number");
    if (!(o.range.min < o.range.max)) fail(["range", "max"], "range max must be greater than min");
  }
  if (o.anchors !== undefined) {
    if (!Array.isArray(o.anchors) || o.anchors.length < 2) fail(["anchors"], "give at least two anchors");
    const seen = new Set<number>();
    o.anchors.forEach((a, i) => {
      if (!Number.isFinite(a?.value)) fail(["anchors", i, "value"], "anchor values must be finite numbers");
      if (!Number.isFinite(a?.score)) fail(["anchors", i, "score"], "anchor scores must be finite numbers");
      if (seen.has(a.value)) fail(["anchors", i, "value"], "anchor values must be distinct");
      seen.add(a.value);
    });
  }
}

/**
 * Normalises one criterion's values across a batch (see {@link NormalizationMethod} for each rule and its
 * degenerate cases). `undefined` marks a missing value; it stays `undefined`. Results are binary64 numbers.
 *
 * @throws {ValidationError} for a non-finite value, `absolute` without a range or anchors, a `direction`, `tieRule` or
 * `nonPositive` that is not one of its values, a range with max ≤ min, or anchors that are fewer than two, not
 * finite or not distinct, or an unknown option key (at the key).
 * @example
 * ```ts
 * normalizeValues([1, 3, 5], { method: "min-max" });                     // [0, 0.5, 1]
 * normalizeValues([1, 3, 5], { method: "min-max", direction: "cost" });  // [1, 0.5, 0]
 * normalizeValues([2, 2, 2], { method: "min-max" });                     // [1, 1, 1] (max = min)
 * normalizeValues([1, 2, 2, 4], { method: "rank" });                     // [0, 0.5, 0.5, 1] (average rule)
 * normalizeValues([0, 2, 4], { method: "max-ratio", nonPositive: "refuse" }); // throws ValidationError at values[0]
 * ```
 */
export function normalizeValues(
  values: readonly (number | undefined)[],
  options: {
    readonly method: NormalizationMethod;
    readonly direction?: CriterionDirection;
    readonly tieRule?: RankTieRule;
    readonly range?: { readonly min: number; readonly max: number };
    readonly anchors?: readonly { readonly value: number; readonly score: number }[];
    /** `max-ratio` only: `"fallback"` (default, the table's rules for x ≤ 0) or `"refuse"` (x ≤ 0 is an error). */
    readonly nonPositive?: "fallback" | "refuse";
  },
): (number | undefined)[] {
  checkArguments("normalizeValues", { values: [values, "array"], options: [options, "object"] });
  checkOptionKeys("normalizeValues", options, NORMALIZE_OPTION_KEYS);
  if (!Object.hasOwn(METHOD_CODE, options.method)) throw ValidationError.single(["method"], `unknown normalisation ${JSON.stringify(options.method)}`, "normalisation");
  checkOptions(options);
  const col = new Float64Array(values.length);
  values.forEach((v, i) => {
    if (v !== undefined && !Number.isFinite(v)) throw ValidationError.single(["values", i], "values must be finite numbers", "normalisation");
    if (v !== undefined && v <= 0 && options.method === "max-ratio" && options.nonPositive === "refuse") {
      throw ValidationError.single(["values", i], `max-ratio normalisation needs positive values (got ${v})`, "normalisation");
    }
    col[i] = v === undefined ? Number.NaN : v;
  });
  if (options.method === "absolute" && options.range === undefined && (options.anchors === undefined || options.anchors.length === 0)) {
    throw ValidationError.single(["range"], "absolute normalisation needs a range or anchors", "normalisation");
  }
  const out = new Float64Array(values.length);
  const rule: ColumnRule = {
    method: options.method, direction: options.direction ?? "benefit", tieRule: options.tieRule ?? "average",
    ...(options.range ? { range: options.range } : {}),
    ...(options.anchors ? { anchors: [...options.anchors].sort((a, b) => a.value - b.value) } : {}),
  };
  normalizeColumns(col, values.length, 1, [rule], out);
  return Array.from(out, (x) => (x !== x ? undefined : x));
}
