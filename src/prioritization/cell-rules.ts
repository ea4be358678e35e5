import type { ValidationIssue } from "../core/index.js";
import type { ResolvedCriterion } from "./criteria.js";
import { COMPONENT_KEYS, type ResolvedModel } from "./model.js";

/*
 * The one set of value rules every scoring path applies (scoreRequests, scoreMatrix, sensitivity): a value inside its
 * criterion's scale, and the components a model divides or multiplies by within their domain. Both paths collect
 * every problem before failing, so one ValidationError lists them all.
 */

interface Rule {
  readonly col: number;
  readonly test: (x: number) => boolean;
  readonly message: (x: number) => string;
}

/** @internal "value 7 is outside fit's scale 1–5" (or "… scale minimum 0" for an open-ended scale), for ratings and values alike. */
export function outsideScale(what: string, c: ResolvedCriterion): string {
  const r = c.range!;
  return `${what} is outside ${c.id}'s scale ${r.max === undefined ? `minimum ${r.min.toFixed()}` : `${r.min.toFixed()}–${r.max.toFixed()}`}`;
}

function rulesOf(model: ResolvedModel): Rule[] {
  const rules: Rule[] = [];
  model.columns.forEach((c, col) => {
    const r = c.range;
    if (r === undefined) return;
    const min = r.min.toNumber();
    const max = r.max?.toNumber();
    rules.push({
      col,
      test: (x) => x >= min && (max === undefined || x <= max),
      message: (x) => outsideScale(`value ${x}`, c),
    });
  });
  model.columns.forEach((c, col) => {
    if (c.normalization !== "max-ratio" || c.nonPositive !== "refuse") return;
    rules.push({ col, test: (x) => x > 0, message: (x) => `${c.id}: ${x} is not positive (nonPositive "refuse")` });
  });
  const col = (id: string) => model.columnOf.get(id)!;
  const spec = model.spec;
  const label = spec.kind.toUpperCase();
  // A model's components are named as the model names them (`WSJF businessValue`), so the message points at the key.
  const over = (key: string, min: number, top = Infinity) =>
    rules.push({ col: col((spec as unknown as Record<string, string>)[key]!), test: (x) => (min > 0 ? x > 0 : x >= 0) && x <= top,
      message: (x) => min > 0 ? `${label} ${key} must be greater than 0 (got ${x})` : top < Infinity ? `${label} ${key} is a ${(spec as { confidenceUnit: string }).confidenceUnit} from 0 to ${top} (got ${x})` : `${label} ${key} must not be negative (got ${x})` });
  // Components ≥ 0; the divisor (WSJF job size, RICE effort) > 0; RICE confidence within its unit.
  (COMPONENT_KEYS[spec.kind] ?? []).forEach((key, i) =>
    over(key, +(i === 3), spec.kind === "rice" && i === 2 ? (spec.confidenceUnit === "percent" ? 100 : 1) : Infinity));
  if (model.riskCol !== undefined) {
    rules.push({ col: model.riskCol, test: (x) => x >= 0 && x <= 1, message: () => "a risk confidence is between 0 and 1" });
  }
  return rules;
}

/**
 * @internal Every value that breaks a rule, with its input path. Missing values (NaN) are not checked here: they
 * leave a request unscored with `missing-rating`, as documented.
 */
export function cellIssues(
  model: ResolvedModel,
  raw: Float64Array,
  n: number,
  pathOf: (row: number, col: number) => (string | number)[],
): ValidationIssue[] {
  const m = model.columns.length;
  const issues: ValidationIssue[] = [];
  const rules = rulesOf(model);
  for (let i = 0; i < n; i++) {
    for (const rule of rules) {
      const x = raw[i * m + rule.col]!;
      if (x !== x || rule.test(x)) continue;
      issues.push({ path: pathOf(i, rule.col), message: rule.message(x), code: "custom" });
    }
  }
  return issues;
}
