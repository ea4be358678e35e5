import {
  compareMoney,
  hasValue,
  isMoney,
  minorUnits,
  PmoDecimal,
  toDecimalString,
  ValidationError,
  type Decimal,
  type Metric,
  type Money,
} from "../core/index.js";
import { requireObject } from "../core/guard.js";
import { ownEntry } from "../core/own.js";
import { WideDecimal } from "../core/decimal.js";
import type { RagFigures } from "./rag-figures.js";
import type { RagRule } from "./rag-rules.js";

/** A RAG colour. */
export type RagColour = "green" | "amber" | "red";

/** What one rule found: its colour (or why it could not rate), the figures it read and the reason in words. */
export interface RuleResult {
  /** The rule's id. */
  readonly ruleId: string;
  /** The rule's kind. */
  readonly kind: RagRule["kind"];
  /** The rule's thresholds in words ("SPI ≥ 0.95 green; ≥ 0.85 amber; below red"). */
  readonly rule: string;
  /** The colour, or `undefined` when a figure is missing. */
  readonly colour: RagColour | undefined;
  /** The figures read, as exact decimal strings ("0.92", "1234.50 EUR"). */
  readonly figures: Readonly<Record<string, string>>;
  /** Why there is no colour: the missing figure, its reason and, when the figure gave one, the reason in words. */
  readonly missing?: { readonly figure: string; readonly reason: string; readonly detail?: string };
  /** Plain words: "spi 0.92 ≥ 0.85 and < 0.95 → amber". */
  readonly explanation: string;
}

/**
 * The previous report's colour per rule id (for rules that look at persistence): the rule's own colour in the report's
 * `ruleColours`; in a report without them, its dimension's colour where the report names the rule among those that
 * decided it, or names no rule.
 */
export type PreviousColours = Readonly<Partial<Record<string, RagColour>>>;

const NOT_SUPPLIED = { reason: "not-supplied" } as const;

// A figure is { value } or { reason }. From plain JavaScript a number, NaN or a bare Decimal would otherwise reach
// Decimal comparisons as a TypeError, or (NaN compares false) a wrong colour; refuse it at its path instead.
function checked<T>(f: unknown, path: readonly (string | number)[], isValue: (v: unknown) => boolean, expected: string): Metric<T> {
  const ok = typeof f === "object" && f !== null && ((f as { reason?: unknown }).reason !== undefined
    ? typeof (f as { reason: unknown }).reason === "string"
    : isValue((f as { value?: unknown }).value));
  if (!ok) throw ValidationError.single(path, `expected a Metric: { value: ${expected} } or { reason }`, "RAG figures");
  return f as Metric<T>;
}
const finiteDecimal = (v: unknown) => PmoDecimal.isDecimal(v) && (v as Decimal).isFinite();
const money = (v: unknown) => isMoney(v) && v.amount.isFinite();

// Own entries only: a custom figure named "constructor" or "toString" is the user's figure, never Object.prototype's.
function figure(figures: RagFigures, name: string): Metric<Decimal> {
  const builtin = name !== "custom" && name !== "eac" && name !== "bac" ? ownEntry(figures as Readonly<Record<string, unknown>>, name) : undefined;
  if (builtin !== undefined) return checked(builtin, ["figures", name], finiteDecimal, "a finite Decimal");
  const custom = ownEntry(figures.custom, name);
  return custom === undefined ? NOT_SUPPLIED : checked(custom, ["figures", "custom", name], finiteDecimal, "a finite Decimal");
}

function moneyFigure(figures: RagFigures, name: "eac" | "bac"): Metric<Money> {
  const f = ownEntry(figures as Readonly<Record<string, unknown>>, name);
  return f === undefined ? NOT_SUPPLIED : checked(f, ["figures", name], money, "Money");
}

const d: (x: Decimal) => string = toDecimalString;
const m = (x: Money) => `${toDecimalString(x.amount, minorUnits(x.currency))} ${x.currency}`;

/**
 * Applies one rule to the figures.
 *
 * @throws {ValidationError} when a figure the rule reads is not a Metric of a finite Decimal (of Money for EAC and
 *   BAC), with its path (`["figures", "spi"]`, `["figures", "custom", "openChanges"]`).
 * @example
 * ```ts
 * evaluateRagRule(decodeRagRules(DEFAULT_RAG_RULES)[0]!, { spi: metric(decimal("0.95")) }, {}).colour; // "green"
 * ```
 */
export function evaluateRagRule(rule: RagRule, figures: RagFigures, previous: PreviousColours): RuleResult {
  for (const [k, v] of [["rule", rule], ["figures", figures], ["previous", previous]] as const) requireObject(v, [k], "evaluateRagRule");
  const head = { ruleId: rule.id, kind: rule.kind };
  const lack = (rule: string, name: string, f: Metric<unknown>): RuleResult => {
    const reason = f.reason ?? "not-supplied";
    const detail = f.reason !== undefined ? f.detail : undefined;
    return {
      ...head,
      rule,
      colour: undefined,
      figures: {},
      missing: { figure: name, reason, ...(detail !== undefined ? { detail } : {}) },
      explanation: `${name} not available (${reason}${detail !== undefined ? `: ${detail}` : ""})`,
    };
  };
  switch (rule.kind) {
    case "index": {
      const text = `${rule.figure} ≥ ${d(rule.greenAtLeast)} green; ≥ ${d(rule.amberAtLeast)} amber; below red`;
      const f = figure(figures, rule.figure);
      if (!hasValue(f)) return lack(text, rule.figure, f);
      const v = f.value;
      const colour: RagColour = v.gte(rule.greenAtLeast) ? "green" : v.gte(rule.amberAtLeast) ? "amber" : "red";
      const why =
        colour === "green" ? `≥ ${d(rule.greenAtLeast)}` : colour === "amber" ? `≥ ${d(rule.amberAtLeast)} and < ${d(rule.greenAtLeast)}` : `< ${d(rule.amberAtLeast)}`;
      return { ...head, rule: text, colour, figures: { [rule.figure]: d(v) }, explanation: `${rule.figure} ${d(v)} ${why} → ${colour}` };
    }
    case "forecast-vs-budget": {
      const factor = rule.amberTolerance.plus(1);
      const text = `EAC ≤ BAC green; ≤ BAC × ${d(factor)} amber; above red`;
      const eac = moneyFigure(figures, "eac");
      const bac = moneyFigure(figures, "bac");
      if (!hasValue(eac)) return lack(text, "eac", eac);
      if (!hasValue(bac)) return lack(text, "bac", bac);
      // BAC × factor exactly (the wide clone does not round); only compared and shown, so no Money is made of it.
      const limit = { amount: new WideDecimal(bac.value.amount).times(factor), currency: bac.value.currency } as Money;
      const colour: RagColour = compareMoney(eac.value, bac.value) <= 0 ? "green" : eac.value.amount.lte(limit.amount) ? "amber" : "red";
      const why = colour === "green" ? "≤ BAC" : colour === "amber" ? `> BAC and ≤ ${m(limit)}` : `> ${m(limit)}`;
      return { ...head, rule: text, colour, figures: { eac: m(eac.value), bac: m(bac.value) }, explanation: `EAC ${m(eac.value)} ${why} → ${colour}` };
    }
    case "tolerance": {
      // The deviation read: the figure as given ("above", default), its negation ("below": under the target) or its
      // size ("both", either side of the target).
      const { figure: name, tolerance, sides } = rule;
      const amberFrom = tolerance.times(rule.amberShare);
      const size = sides === "both" ? `|${name}|` : sides === "below" ? `-${name}` : name;
      const text = `${size} > ${d(tolerance)} red; ≥ ${d(amberFrom)} amber; below green`;
      const f = figure(figures, name);
      if (!hasValue(f)) return lack(text, name, f);
      const v = sides === "both" ? f.value.abs() : sides === "below" ? f.value.neg() : f.value;
      const colour: RagColour = v.gt(tolerance) ? "red" : v.gte(amberFrom) ? "amber" : "green";
      const why = colour === "red" ? `> ${d(tolerance)}` : colour === "amber" ? `≥ ${d(amberFrom)} and ≤ ${d(tolerance)}` : `< ${d(amberFrom)}`;
      return { ...head, rule: text, colour, figures: { [name]: d(f.value) }, explanation: `${size} ${d(v)} ${why} → ${colour}` };
    }
    case "count": {
      const parts = [rule.redAtLeast ? `≥ ${d(rule.redAtLeast)} red` : "", rule.amberAtLeast ? `≥ ${d(rule.amberAtLeast)} amber` : ""].filter(Boolean);
      const text = `${rule.figure} ${parts.join("; ")}; otherwise green`;
      const f = figure(figures, rule.figure);
      if (!hasValue(f)) return lack(text, rule.figure, f);
      const v = f.value;
      const colour: RagColour =
        rule.redAtLeast && v.gte(rule.redAtLeast) ? "red" : rule.amberAtLeast && v.gte(rule.amberAtLeast) ? "amber" : "green";
      return { ...head, rule: text, colour, figures: { [rule.figure]: d(v) }, explanation: `${rule.figure} ${d(v)} → ${colour}` };
    }
    case "resources": {
      const text = "allocated ≥ planned and actual ≤ allocated green; otherwise amber; amber in the previous report too red";
      const planned = figure(figures, "plannedHours");
      const allocated = figure(figures, "allocatedHours");
      const actual = figure(figures, "actualHours");
      if (!hasValue(planned)) return lack(text, "plannedHours", planned);
      if (!hasValue(allocated)) return lack(text, "allocatedHours", allocated);
      if (!hasValue(actual)) return lack(text, "actualHours", actual);
      const short = allocated.value.lt(planned.value);
      const over = actual.value.gt(allocated.value);
      const prev = ownEntry(previous, rule.id);
      const persists = prev === "amber" || prev === "red";
      const colour: RagColour = !short && !over ? "green" : persists ? "red" : "amber";
      const what = [short ? "allocated < planned" : "", over ? "actual > allocated" : ""].filter(Boolean).join(" and ");
      return {
        ...head,
        rule: text,
        colour,
        figures: { plannedHours: d(planned.value), allocatedHours: d(allocated.value), actualHours: d(actual.value), ...(prev ? { previous: prev } : {}) },
        explanation: colour === "green" ? "allocated ≥ planned and actual ≤ allocated → green" : `${what}${persists ? `, and ${prev} in the previous report` : ""} → ${colour}`,
      };
    }
  }
}
