import { PmoDecimal, ValidationError, checkArguments, combineMetrics, formatMoney, toDecimalString, type Decimal, type Metric } from "../core/index.js";
import { logicalConstraints, resourceRows } from "./constraints.js";
import { defineSelectionProblem, type SelectionCandidate, type SelectionProblem, type SelectionProblemInput } from "./problem.js";
import type { PortfolioSelection } from "./select.js";

/** One scenario: its problem (weights show up as candidate values and breakdowns) and its selection. */
export interface Scenario {
  readonly name: string;
  readonly problem: SelectionProblemInput | SelectionProblem;
  readonly selection: PortfolioSelection;
}

/** How one part of a candidate's value changed between scenarios. */
export interface ContributionChange {
  readonly key: string;
  readonly before: Decimal;
  readonly after: Decimal;
  readonly delta: Decimal;
}

/** A candidate that moved into or out of the portfolio, and what changed for it. */
export interface ScenarioMove {
  readonly candidate: string;
  readonly valueBefore: Decimal | undefined;
  readonly valueAfter: Decimal | undefined;
  /** Changes in the value's breakdown, largest first (what moved the score). */
  readonly contributions: readonly ContributionChange[];
  /** Plain-words reasons: its own changes first, then changes around it. */
  readonly reasons: readonly string[];
}

/** The difference between two scenarios. */
export interface ScenarioComparison {
  readonly base: string;
  readonly other: string;
  readonly movedIn: readonly ScenarioMove[];
  readonly movedOut: readonly ScenarioMove[];
  readonly stayedIn: readonly string[];
  /** Objective of each scenario and the difference (other − base); reason `infeasible` where a scenario has no plan. */
  readonly objective: { readonly base: Metric<Decimal>; readonly other: Metric<Decimal>; readonly delta: Metric<Decimal> };
  /** Constraint changes in plain words (budgets, capacity, dependencies, groups, forced candidates). */
  readonly constraintChanges: readonly string[];
}

const forcedBecause = (p: SelectionProblem, id: string) => {
  const r = p.forcedIn.find((f) => f.candidate === id)?.reason;
  return r === undefined ? "" : `: ${r}`;
};
const fmt = (p: SelectionProblem, d: Decimal) => (p.currency ? formatMoney({ amount: d, currency: p.currency }) : toDecimalString(d));

function ownChanges(a: SelectionProblem, b: SelectionProblem, ca: SelectionCandidate | undefined, cb: SelectionCandidate | undefined) {
  const reasons: string[] = [];
  const contributions: ContributionChange[] = [];
  if (!ca || !cb) return { reasons: [ca ? `not a candidate in the other scenario` : `new candidate in the other scenario`], contributions };
  const zero = new PmoDecimal(0);
  for (const key of new Set([...Object.keys(ca.breakdown), ...Object.keys(cb.breakdown)])) {
    const before = ca.breakdown[key] ?? zero;
    const after = cb.breakdown[key] ?? zero;
    if (!before.eq(after)) contributions.push({ key, before, after, delta: after.minus(before) });
  }
  contributions.sort((x, y) => y.delta.abs().cmp(x.delta.abs()) || (x.key < y.key ? -1 : 1));
  if (!ca.value.eq(cb.value)) {
    const parts = contributions.map((c) => `${c.key} ${c.delta.isNegative() ? "" : "+"}${c.delta.toFixed()}`);
    reasons.push(`value ${cb.value.greaterThan(ca.value) ? "rose" : "fell"} from ${ca.value.toFixed()} to ${cb.value.toFixed()}${parts.length ? ` (${parts.join(", ")})` : ""}`);
  }
  for (const period of new Set([...a.periods, ...b.periods])) {
    const before = ca.costs[period]?.amount ?? zero;
    const after = cb.costs[period]?.amount ?? zero;
    if (!before.eq(after)) reasons.push(`cost in ${period} changed from ${fmt(a, before)} to ${fmt(b, after)}`);
    // Its demand per skill too: a demand that outgrew a capacity moved it, not the candidates around it.
    const da = ca.demand[period] ?? {};
    const db = cb.demand[period] ?? {};
    for (const skill of [...new Set([...Object.keys(da), ...Object.keys(db)])].sort()) {
      const x = Object.hasOwn(da, skill) ? da[skill]! : zero;
      const y = Object.hasOwn(db, skill) ? db[skill]! : zero;
      if (!x.eq(y)) reasons.push(`${skill} demand in ${period} changed from ${x.toFixed()} to ${y.toFixed()}`);
    }
  }
  const forced = (p: SelectionProblem, id: string) =>
    p.forcedIn.some((f) => f.candidate === id) ? "in" : p.forcedOut.some((f) => f.candidate === id) ? "out" : "free";
  const fa = forced(a, ca.id);
  const fb = forced(b, cb.id);
  if (fa !== fb) reasons.push(fb === "free" ? `no longer forced ${fa}` : `now forced ${fb}${fb === "in" ? forcedBecause(b, cb.id) : ""}`);
  return { reasons, contributions };
}

/** @internal Plain-words differences between the constraints of two problems. */
export function constraintChanges(a: SelectionProblem, b: SelectionProblem): string[] {
  const out: string[] = [];
  const rows = (p: SelectionProblem) => new Map(resourceRows(p).map((r) => [`${r.constraint.kind}|${r.constraint.period}|${r.constraint.kind === "capacity" ? r.constraint.skill : ""}`, r] as const));
  const ra = rows(a);
  const rb = rows(b);
  for (const [key, r] of ra) {
    const o = rb.get(key);
    if (!o) out.push(`${r.constraint.label} removed`);
    // The row's name from its parts: cutting the label at its first " (" cut a period "FY27 (H1)" down to "FY27".
    else if (!o.limit.eq(r.limit)) {
      const c = r.constraint;
      const name = c.kind === "capacity" ? `${c.skill} capacity ${c.period}` : `budget ${c.period}`;
      out.push(`${name} ${o.limit.greaterThan(r.limit) ? "rose" : "fell"} from ${r.format(r.limit)} to ${o.format(o.limit)}`);
    }
  }
  for (const [key, r] of rb) if (!ra.has(key)) out.push(`${r.constraint.label} added`);
  const la = new Set(logicalConstraints(a).filter((c) => c.kind !== "forced-in" && c.kind !== "forced-out").map((c) => c.label));
  const lb = new Set(logicalConstraints(b).filter((c) => c.kind !== "forced-in" && c.kind !== "forced-out").map((c) => c.label));
  for (const l of la) if (!lb.has(l)) out.push(`${l}: removed`);
  for (const l of lb) if (!la.has(l)) out.push(`${l}: added`);
  return out;
}

/**
 * Compares two scenarios (different weights, constraints or overrides, each solved with `selectPortfolio`): which
 * candidates moved in or out, the contributions that moved them (from each candidate's `breakdown`), their own cost,
 * demand and forcing changes, and the constraint changes around them. A candidate with no change of its own moved because
 * of the others: the reasons then name the candidates that took or freed its room.
 *
 * @throws {ValidationError} for an invalid problem, or a selection naming a candidate its problem does not have.
 * @example
 * ```ts
 * const diff = compareScenarios({ name: "balanced", problem: p1, selection: s1 }, { name: "risk-averse", problem: p2, selection: s2 });
 * diff.movedOut[0]; // { candidate: "REQ-4", reasons: ["value fell from 71 to 64 (risk -7)"], … }
 * ```
 */
export function compareScenarios(base: Scenario, other: Scenario): ScenarioComparison {
  checkArguments("compareScenarios", { base: [base, "object"], other: [other, "object"] });
  checkArguments("compareScenarios", { "base.selection": [base.selection, "object"], "other.selection": [other.selection, "object"] });
  checkArguments("compareScenarios", { "base.selection.selected": [base.selection.selected, "iterable"], "other.selection.selected": [other.selection.selected, "iterable"] });
  const a = defineSelectionProblem(base.problem);
  const b = defineSelectionProblem(other.problem);
  // A selection must belong to its problem: an id the problem lacks would silently drop out of the comparison.
  for (const [side, p, sel] of [["base", a, base.selection], ["other", b, other.selection]] as const) {
    const known = new Set(p.candidates.map((c) => c.id));
    [...sel.selected].forEach((id, k) => {
      if (!known.has(id)) throw ValidationError.single([side, "selection", "selected", k], `${JSON.stringify(id)} is not a candidate of the ${side} problem`, "scenarios");
    });
  }
  const inA = new Set(base.selection.selected);
  const inB = new Set(other.selection.selected);
  const byId = (p: SelectionProblem) => new Map(p.candidates.map((c) => [c.id, c] as const));
  const ca = byId(a);
  const cb = byId(b);
  const ids = [...new Set([...ca.keys(), ...cb.keys()])];
  const movedInIds = ids.filter((id) => inB.has(id) && !inA.has(id));
  const movedOutIds = ids.filter((id) => inA.has(id) && !inB.has(id));
  const around = constraintChanges(a, b);
  const move = (id: string, direction: "in" | "out"): ScenarioMove => {
    const own = ownChanges(a, b, ca.get(id), cb.get(id));
    const reasons = [...own.reasons];
    if (reasons.length === 0) {
      const counterpart = direction === "in" ? movedOutIds : movedInIds;
      if (counterpart.length > 0) reasons.push(direction === "in" ? `room freed by ${counterpart.join(", ")} moving out` : `displaced by ${counterpart.join(", ")} moving in`);
      if (around.length > 0) reasons.push(`constraints changed: ${around.join("; ")}`);
    }
    return { candidate: id, valueBefore: ca.get(id)?.value, valueAfter: cb.get(id)?.value, contributions: own.contributions, reasons };
  };
  return {
    base: base.name,
    other: other.name,
    movedIn: movedInIds.map((id) => move(id, "in")),
    movedOut: movedOutIds.map((id) => move(id, "out")),
    stayedIn: ids.filter((id) => inA.has(id) && inB.has(id)),
    objective: {
      base: base.selection.objective,
      other: other.selection.objective,
      delta: combineMetrics([other.selection.objective, base.selection.objective] as const, (o, b) => o.minus(b)),
    },
    constraintChanges: around,
  };
}
