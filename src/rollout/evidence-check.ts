import { decimal, ValidationError, type Decimal, type DecimalInput, type IsoDate, type ValidationIssue, checkArguments, checkOptionKeys } from "../core/index.js";
import type { ChecklistItem } from "../entities/index.js";
import { afterAsOf, utcInstant } from "./as-of.js";

/** Facts an automatic evidence check reads: dotted names to exact numbers (`training.keyUsers.completionPercent`). */
export type RolloutFacts = Readonly<Record<string, DecimalInput>>;

/** The verdict on one condition of an evidence rule. */
export interface ConditionResult {
  /** The fact read. */
  readonly fact: string;
  /** The comparison. */
  readonly op: ">=" | ">" | "<=" | "<" | "=";
  /** The threshold. */
  readonly threshold: Decimal;
  /** The fact's value, when one was found. */
  readonly value?: Decimal;
  /** Where the value came from: the supplied facts or a metric recorded as evidence on the item. */
  readonly source?: "facts" | "evidence";
  /** True when the value satisfies the condition; false when it does not or there is no value. */
  readonly satisfied: boolean;
}

/** The verdict on an item's automatic evidence rule. */
export interface EvidenceCheck {
  /** True when every condition holds. */
  readonly satisfied: boolean;
  /** Each condition, in rule order. */
  readonly conditions: readonly ConditionResult[];
  /** Plain words: which conditions failed and with what values. */
  readonly explanation: string;
}

/**
 * Validates a facts object: every value must be a finite decimal (a Decimal, a number or a decimal string; a whole
 * number beyond 2^53 must be a string, as a number it is no longer the one written).
 *
 * @throws {ValidationError} with the path of each bad fact.
 * @example
 * ```ts
 * const facts = decodeFacts({ "training.keyUsers.completionPercent": "92.5" });
 * ```
 */
export function decodeFacts(facts: RolloutFacts | undefined): ReadonlyMap<string, Decimal> {
  const out = new Map<string, Decimal>();
  const issues: ValidationIssue[] = [];
  for (const [k, v] of Object.entries(facts ?? {})) {
    // Above 2^53 a number is no longer the one written (9007199254740993 arrives as …992): ask for the digits.
    if (typeof v === "number" && Number.isInteger(v) && !Number.isSafeInteger(v)) {
      issues.push({ path: ["facts", k], message: `fact ${k} is too large for a JavaScript number; give it as a decimal string`, code: "custom" });
      continue;
    }
    try {
      out.set(k, decimal(v));
    } catch {
      issues.push({ path: ["facts", k], message: `fact ${k} is not a finite decimal`, code: "custom" });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, "rollout facts");
  return out;
}

/**
 * Checks an item's automatic evidence rule over the supplied facts. A fact missing from `facts` falls back to the
 * latest `metric` evidence recorded on the item under that name — with `asOf`, only evidence recorded by that day
 * (its UTC day ≤ `asOf`); metrics recorded at the same latest instant with different values count by the least
 * favourable one (whatever their order in the list); a fact found nowhere fails its condition. Returns `undefined` when the item has no rule.
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`), or the rule has no
 *   condition (path `["evidenceRule", "all"]`: "all of none hold" would prove the item from nothing).
 * @example
 * ```ts
 * checkEvidenceRule(item, decodeFacts({ "training.keyUsers.completionPercent": 92 }))?.satisfied; // true for ≥ 90
 * ```
 */
export function checkEvidenceRule(
  item: ChecklistItem,
  facts: ReadonlyMap<string, Decimal>,
  options: { readonly asOf?: IsoDate } = {},
): EvidenceCheck | undefined {
  checkArguments("checkEvidenceRule", { item: [item, "object"], facts: [facts, "object"], options: [options, "object?"] });
  checkOptionKeys("checkEvidenceRule", options, { asOf: 1 } satisfies Record<keyof typeof options, 1>);
  checkArguments("checkEvidenceRule", { asOf: [options.asOf, "date?"] });
  if (!item.evidenceRule) return undefined;
  // "All of no conditions hold" would prove the item from nothing (the schemas ask for at least one condition).
  if (!Array.isArray(item.evidenceRule.all) || item.evidenceRule.all.length === 0) {
    throw ValidationError.single(["evidenceRule", "all"], "an evidence rule needs at least one condition", "evidence rule");
  }
  const conditions = item.evidenceRule.all.map((c): ConditionResult => {
    const supplied = facts.get(c.fact);
    const recorded = supplied === undefined ? latestMetric(item, c, options.asOf) : undefined;
    const value = supplied ?? recorded;
    if (value === undefined) return { fact: c.fact, op: c.op, threshold: c.threshold, satisfied: false };
    return {
      fact: c.fact,
      op: c.op,
      threshold: c.threshold,
      value,
      source: supplied !== undefined ? "facts" : "evidence",
      satisfied: compare(value, c.op, c.threshold),
    };
  });
  const failed = conditions.filter((c) => !c.satisfied);
  const explanation =
    failed.length === 0
      ? `all ${conditions.length} condition(s) hold`
      : failed
          .map((c) => (c.value === undefined ? `${c.fact} not supplied (needs ${c.op} ${c.threshold.toFixed()})` : `${c.fact} = ${c.value.toFixed()} fails ${c.op} ${c.threshold.toFixed()}`))
          .join("; ");
  return { satisfied: failed.length === 0, conditions, explanation };
}

/**
 * The latest metric recorded under the condition's fact (by `asOf`, when given). Several metrics recorded at that
 * same instant are one conflicting reading: the least favourable value for the condition is taken, so the verdict
 * does not depend on the order of the evidence list and a conflict never proves an item.
 */
function latestMetric(item: ChecklistItem, c: { readonly fact: string; readonly op: ConditionResult["op"]; readonly threshold: Decimal }, asOf: IsoDate | undefined): Decimal | undefined {
  let at: string | undefined;
  let tied: Decimal[] = [];
  for (const e of item.evidence) {
    if (asOf !== undefined && afterAsOf(e.recordedAt, asOf)) continue;
    if (e.type !== "metric" || e.reference !== c.fact || e.value === undefined) continue;
    const when = utcInstant(e.recordedAt);
    if (at === undefined || when > at) [at, tied] = [when, [e.value]];
    else if (when === at) tied.push(e.value);
  }
  if (tied.length === 0) return undefined;
  const sorted = [...tied].sort((x, y) => x.comparedTo(y));
  if (c.op === "<=" || c.op === "<") return sorted.at(-1);
  if (c.op === "=") return sorted.find((v) => !v.eq(c.threshold)) ?? sorted[0];
  return sorted[0];
}

function compare(value: Decimal, op: ConditionResult["op"], threshold: Decimal): boolean {
  const c = value.comparedTo(threshold);
  switch (op) {
    case ">=":
      return c >= 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    case "<":
      return c < 0;
    case "=":
      return c === 0;
  }
}
