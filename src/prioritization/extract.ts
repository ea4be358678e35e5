import { PmoDecimal, ValidationError, type Decimal, type IsoDate, type ValidationIssue } from "../core/index.js";
import type { ProjectRequest } from "../entities/index.js";
import { outsideScale } from "./cell-rules.js";
import { deriveFigure } from "./derived.js";
import { foldLabel, type ResolvedModel } from "./model.js";

/** @internal Raw values of every request on every model column. */
export interface Extracted {
  readonly ids: string[];
  /** n × m, NaN = missing (internal only). */
  readonly values: Float64Array;
  /** The exact raw values (undefined = missing). */
  readonly raw: (Decimal | undefined)[];
  /** Ordinal label given per cell, lower-cased (for MoSCoW gates). */
  readonly labels: Map<number, string>;
  /** Where each rating cell came from: index of the rating in the request. */
  readonly ratingIndex: Int32Array;
  /** Every problem found, with its path (the caller decides whether to throw or refuse the rows). */
  readonly issues: readonly ValidationIssue[];
}

/**
 * @internal Reads every request's raw value for every column: ratings (value or ordinal label, checked against the
 * scale) and derived figures. Every bad rating is listed in `issues` with its path (its cell stays missing).
 */
export function extractValues(requests: readonly ProjectRequest[], model: ResolvedModel, asOf: IsoDate): Extracted {
  if (!Array.isArray(requests)) throw ValidationError.single(["requests"], "expected an array of requests", "scoring input");
  const n = requests.length;
  const m = model.columns.length;
  const values = new Float64Array(n * m).fill(Number.NaN);
  const raw = new Array<Decimal | undefined>(n * m);
  const labels = new Map<number, string>();
  const ratingIndex = new Int32Array(n * m).fill(-1);
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const ratingCols = model.columns.map((c, col) => ({ c, col, key: c.source.kind === "rating" ? (c.source.criterionId ?? c.id) : undefined }));
  const byKey = new Map<string, typeof ratingCols>();
  for (const rc of ratingCols) if (rc.key !== undefined) byKey.set(rc.key, [...(byKey.get(rc.key) ?? []), rc]);
  const moneyCols = model.columns.some((c) => c.source.kind === "derived" && MONEY_FIGURES.has(c.source.figure));
  let batchCurrency: { code: string; row: number } | undefined;
  const currencyIssues: ValidationIssue[] = [];
  for (let i = 0; i < n; i++) {
    const r = requests[i];
    if (typeof r !== "object" || r === null || typeof r.id !== "string" || !Array.isArray(r.ratings)) {
      issues.push({ path: ["requests", i], message: "expected a decoded project request", code: "custom" });
      continue;
    }
    if (seen.has(r.id)) issues.push({ path: ["requests", i, "id"], message: `duplicate request id ${JSON.stringify(r.id)}`, code: "custom" });
    seen.add(r.id);
    const ratings = r.ratings;
    const ratedAt = new Map<string, number>();
    for (let k = 0; k < ratings.length; k++) {
      const rating = ratings[k]!;
      const targets = byKey.get(rating.criterionId);
      if (targets === undefined) continue;
      const first = ratedAt.get(rating.criterionId);
      if (first !== undefined) {
        issues.push({ path: ["requests", i, "ratings", k, "criterionId"], message: `criterion ${JSON.stringify(rating.criterionId)} is rated twice (also ratings[${first}])`, code: "custom" });
        continue;
      }
      ratedAt.set(rating.criterionId, k);
      for (const { c, col } of targets) {
        const cell = i * m + col;
        const path = ["requests", i, "ratings", k];
        let v: Decimal | undefined;
        if ("label" in rating) {
          const label = foldLabel(rating.label);
          v = c.labels?.get(label);
          if (v === undefined) {
            issues.push({ path: [...path, "label"], message: c.labels ? `unknown label ${JSON.stringify(rating.label)} for ${c.id} (expected ${[...c.labels.keys()].join(", ")})` : `${c.id} takes numeric ratings, not labels`, code: "custom" });
            continue;
          }
          labels.set(cell, label);
        } else {
          v = rating.value;
          if (!PmoDecimal.isDecimal(v) || !v.isFinite()) {
            issues.push({ path: [...path, "value"], message: "rating must be a finite decimal", code: "custom" });
            continue;
          }
          if (c.range && (v.lt(c.range.min) || (c.range.max !== undefined && v.gt(c.range.max)))) {
            issues.push({ path: [...path, "value"], message: outsideScale(`rating ${v.toFixed()}`, c), code: "custom" });
            continue;
          }
          if (c.labels) for (const [l, lv] of c.labels) if (lv.eq(v)) { labels.set(cell, l); break; }
        }
        raw[cell] = v;
        values[cell] = v.toNumber();
        ratingIndex[cell] = k;
      }
    }
    if (moneyCols) {
      const found = currencyOf(r);
      if (found !== undefined) {
        batchCurrency ??= { code: found.code, row: i };
        if (found.code !== batchCurrency.code) {
          currencyIssues.push({
            path: ["requests", i, ...found.path],
            message: `currency ${found.code} differs from ${batchCurrency.code} (requests[${batchCurrency.row}]): a batch has one currency`,
            code: "custom",
          });
        }
      }
    }
    model.columns.forEach((c, col) => {
      const source = c.source;
      if (source.kind !== "derived") return;
      // The model checked the rate (a decimal above −1) when it was resolved.
      const f = deriveFigure(r, source.figure, asOf, () => new PmoDecimal(source.rate ?? 0), source);
      // A Metric from deriveFigure is always an object: read its reason directly, not through hasValue's guard.
      if (f.reason === undefined) {
        raw[i * m + col] = f.value;
        values[i * m + col] = f.value.toNumber();
      }
    });
  }
  // A batch-level problem (which currency is right cannot be told row by row), so it throws even with "refuse".
  if (currencyIssues.length) throw new ValidationError(currencyIssues, "scoring input");
  return { ids: requests.map((r) => (typeof r?.id === "string" ? r.id : "")), values, raw, labels, ratingIndex, issues };
}

/** Derived figures that are amounts of money (ROI is a ratio and effort is hours: they compare across currencies). */
const MONEY_FIGURES: ReadonlySet<string> = new Set(["total-cost", "total-benefit", "expected-benefit", "net-benefit", "npv"]);

/** The currency of a request's money (its first cost, else its first benefit amount), with that field's path. */
function currencyOf(r: ProjectRequest): { code: string; path: (string | number)[] } | undefined {
  const costs = Array.isArray(r.estimatedCost) ? r.estimatedCost : [];
  const k = costs.findIndex((c) => typeof c?.amount?.currency === "string");
  if (k >= 0) return { code: costs[k]!.amount.currency, path: ["estimatedCost", k, "amount", "currency"] };
  const benefits = Array.isArray(r.benefits) ? r.benefits : [];
  for (let b = 0; b < benefits.length; b++) {
    const amounts = Array.isArray(benefits[b]?.amounts) ? benefits[b]!.amounts : [];
    const j = amounts.findIndex((a) => typeof a?.amount?.currency === "string");
    if (j >= 0) return { code: amounts[j]!.amount.currency, path: ["benefits", b, "amounts", j, "amount", "currency"] };
  }
  return undefined;
}
