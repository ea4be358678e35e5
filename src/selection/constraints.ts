import { formatMoney, money, toDecimalString, type Decimal } from "../core/index.js";
import type { SelectionProblem } from "./problem.js";

/**
 * One constraint of a selection problem, named in plain words (`label`) so that explanations can be shown as they
 * are: "budget FY2027 (EUR 1,000,000.00)", "REQ-2 requires REQ-1", "REQ-7 forced in: regulatory".
 */
export type SelectionConstraint =
  | { readonly kind: "budget"; readonly period: string; readonly label: string }
  | { readonly kind: "capacity"; readonly period: string; readonly skill: string; readonly label: string }
  | { readonly kind: "requires"; readonly candidate: string; readonly requires: string; readonly label: string }
  | { readonly kind: "together"; readonly candidates: readonly string[]; readonly label: string }
  | { readonly kind: "exclusive"; readonly group: string; readonly candidates: readonly string[]; readonly label: string }
  | { readonly kind: "forced-in"; readonly candidate: string; readonly reason: string | undefined; readonly label: string }
  | { readonly kind: "forced-out"; readonly candidate: string; readonly reason: string | undefined; readonly label: string };

/** A budget or capacity row: the exact usage of each candidate and the limit. */
export interface ResourceRowExact {
  readonly constraint: SelectionConstraint & { readonly kind: "budget" | "capacity" };
  /** Candidate index → usage (only candidates with a non-zero usage). */
  readonly usage: ReadonlyMap<number, Decimal>;
  readonly limit: Decimal;
  /** Formats an amount of this row's unit for explanations. */
  readonly format: (amount: Decimal) => string;
}

// Problems are frozen values: rows and constraints are derived once per problem object.
const rowCache = new WeakMap<SelectionProblem, readonly ResourceRowExact[]>();
const logicalCache = new WeakMap<SelectionProblem, readonly SelectionConstraint[]>();

/** @internal Every budget and capacity row of a problem, periods in order, skills in first-seen order. */
export function resourceRows(problem: SelectionProblem): readonly ResourceRowExact[] {
  let rows = rowCache.get(problem);
  if (!rows) {
    rows = buildRows(problem);
    rowCache.set(problem, rows);
  }
  return rows;
}

function buildRows(problem: SelectionProblem): ResourceRowExact[] {
  const rows: ResourceRowExact[] = [];
  const currency = problem.currency;
  const fmtMoney = (d: Decimal) => (currency === undefined ? toDecimalString(d) : formatMoney(money(d, currency)));
  for (const period of problem.periods) {
    const budget = problem.budgets[period];
    if (budget !== undefined) {
      const usage = new Map<number, Decimal>();
      problem.candidates.forEach((c, i) => {
        const m = c.costs[period];
        if (m !== undefined && !m.amount.isZero()) usage.set(i, m.amount);
      });
      rows.push({
        constraint: { kind: "budget", period, label: `budget ${period} (${fmtMoney(budget.amount)})` },
        usage,
        limit: budget.amount,
        format: fmtMoney,
      });
    }
    for (const [skill, limit] of Object.entries(problem.capacity[period] ?? {})) {
      const usage = new Map<number, Decimal>();
      problem.candidates.forEach((c, i) => {
        const d = c.demand[period]?.[skill];
        if (d !== undefined && !d.isZero()) usage.set(i, d);
      });
      rows.push({
        constraint: { kind: "capacity", period, skill, label: `${skill} capacity ${period} (${toDecimalString(limit)})` },
        usage,
        limit,
        format: (d) => toDecimalString(d),
      });
    }
  }
  return rows;
}

/** @internal The logical constraints (everything but budget and capacity rows), in input order. */
export function logicalConstraints(problem: SelectionProblem): readonly SelectionConstraint[] {
  let out = logicalCache.get(problem);
  if (!out) {
    out = buildLogical(problem);
    logicalCache.set(problem, out);
  }
  return out;
}

function buildLogical(problem: SelectionProblem): SelectionConstraint[] {
  const out: SelectionConstraint[] = [];
  for (const r of problem.requires) out.push({ kind: "requires", ...r, label: `${r.candidate} requires ${r.requires}` });
  for (const g of problem.together) out.push({ kind: "together", candidates: g.candidates, label: `${g.candidates.join(", ")} all or none` });
  for (const g of problem.exclusive) {
    out.push({ kind: "exclusive", group: g.id, candidates: g.candidates, label: `at most one of ${g.candidates.join(", ")} (${g.id})` });
  }
  const because = (r: string | undefined) => (r === undefined ? "" : `: ${r}`);
  for (const f of problem.forcedIn) out.push({ kind: "forced-in", ...f, label: `${f.candidate} forced in${because(f.reason)}` });
  for (const f of problem.forcedOut) out.push({ kind: "forced-out", ...f, label: `${f.candidate} forced out${because(f.reason)}` });
  return out;
}
