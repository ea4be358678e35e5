import { PmoDecimal, metric, missing, type Decimal, type Metric } from "../core/index.js";
import { logicalConstraints, resourceRows, type SelectionConstraint } from "./constraints.js";
import { findConflicts, pullIn, type SelectionConflict } from "./infeasibility.js";
import { derivedProblem, type SelectionProblem } from "./problem.js";
import { solveProblem, type SelectionStatus } from "./solve-core.js";
import type { SelectionSolver } from "./solver.js";

/** How much of a budget or capacity the plan uses, and whether it holds excluded candidates back. */
export interface ConstraintUsage {
  readonly constraint: SelectionConstraint;
  /** Used by the selected candidates (exact). */
  readonly used: Decimal;
  readonly limit: Decimal;
  readonly slack: Decimal;
  /** Plain words: "uses EUR 980,000.00 of EUR 1,000,000.00". */
  readonly description: string;
  /** True when the slack is zero or the row {@link ConstraintUsage.blocks | blocks} some excluded candidate. */
  readonly binding: boolean;
  /**
   * Excluded candidates worth more than 0 with what they require that this constraint keeps out (with what they
   * require they would exceed its slack). One whose prerequisites make it worth 0 or less, or that can never join (it
   * needs a forced-out candidate, or clashes in an exclusive group with what it requires or a forced-in candidate), is
   * kept out by that, by no row.
   */
  readonly blocks: readonly string[];
}

/** Why a candidate was left out. */
export interface WhyNot {
  readonly candidate: string;
  /**
   * `forced-out`: excluded by a constraint; `infeasible`: forcing it in breaks a constraint; `displaces`: re-solved
   * with it forced in; `not-re-solved`: the re-solve budget (`whyNotResolves`) or the time limit was used up, so
   * only the rows that keep it out are named.
   */
  readonly kind: "forced-out" | "infeasible" | "displaces" | "not-re-solved";
  /** Plain-words explanation. */
  readonly explanation: string;
  /**
   * Objective lost if it were forced in (base objective − objective with it forced in). Only a re-solve gives it;
   * otherwise the reason is the `kind` (`forced-out`, `infeasible`, `not-re-solved`). A re-solve that finds a plan
   * worth more than the plan it is asked against proves that plan not optimal: `selectPortfolio` then adopts the
   * better plan and asks again (see `PortfolioSelection.adopted`), so its answers never carry a negative loss.
   */
  readonly objectiveLost: Metric<Decimal>;
  /** Selected candidates that would leave the plan. */
  readonly displaces: readonly string[];
  /** Candidates that would join with it (its prerequisites, or better fits for the freed room). */
  readonly bringsIn: readonly string[];
  /** How the re-solve with it forced in ended (its loss is exact only when both solves are `optimal`). */
  readonly status: SelectionStatus | undefined;
  /** For `infeasible`: the conflict that forcing it in creates. */
  readonly conflict: SelectionConflict | undefined;
  /**
   * What keeps it out of the plan as it stands: the budget and capacity rows whose slack it exceeds with what it
   * requires, then the exclusive groups a selected candidate already takes. Empty when it is worth 0 or less with what
   * it requires (its worth keeps it out: no larger budget would bring it in) or when neither holds (the search was cut
   * short); a forced-out candidate names no row.
   */
  readonly blockedBy: readonly SelectionConstraint[];
}

/** @internal Budget and capacity usage of a plan, with the excluded candidates each row blocks. */
export function constraintUsage(problem: SelectionProblem, selected: ReadonlySet<string>): ConstraintUsage[] {
  const logical = logicalConstraints(problem);
  const forcedOut = new Set(problem.forcedOut.map((f) => f.candidate));
  const index = new Map(problem.candidates.map((c, i) => [c.id, i] as const));
  const needsOf = (id: string) => [...pullIn(logical, [id]).keys()].filter((m) => !selected.has(m));
  // Worth more than 0 with what it requires: X (5) requiring P (−10) is kept out by its worth (−5), not by a row, so
  // no row "blocks" it nor turns binding for it (a budget twice as large would not bring it in).
  const worth = (ids: readonly string[]) => ids.reduce<Decimal>((s, m) => s.plus(problem.candidates[index.get(m) as number]?.value ?? 0), new PmoDecimal(0));
  // Nor one that can never join, whatever the rows: it needs a forced-out candidate, or two members of one exclusive
  // group, or a member of a forced-in candidate's group (X requiring forced-out P made the budget "block" X).
  const forcedIn = new Set(problem.forcedIn.map((f) => f.candidate));
  const exclusive = logical.flatMap((c) => (c.kind === "exclusive" ? [c.candidates] : []));
  const possible = (ids: readonly string[]) =>
    !ids.some((m) => forcedOut.has(m)) &&
    exclusive.every((g) => g.filter((m) => ids.includes(m) || (forcedIn.has(m) && !ids.includes(m))).length <= 1 || !g.some((m) => ids.includes(m)));
  const excluded = problem.candidates
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !selected.has(c.id) && !forcedOut.has(c.id) && c.value.greaterThan(0) && worth(needsOf(c.id)).greaterThan(0) && possible([...pullIn(logical, [c.id]).keys()]));
  const needs = new Map(excluded.map(({ c }) => [c.id, needsOf(c.id)] as const));
  return resourceRows(problem).map((row) => {
    let used: Decimal = new PmoDecimal(0);
    for (const [i, u] of row.usage) if (selected.has(problem.candidates[i]?.id as string)) used = used.plus(u);
    const slack = row.limit.minus(used);
    const blocks = excluded
      .filter(({ c }) => {
        let extra: Decimal = new PmoDecimal(0);
        for (const m of needs.get(c.id) ?? []) extra = extra.plus(row.usage.get(index.get(m) as number) ?? 0);
        return extra.greaterThan(slack);
      })
      .map(({ c }) => c.id);
    return {
      constraint: row.constraint,
      used,
      limit: row.limit,
      slack,
      description: `uses ${row.format(used)} of ${row.format(row.limit)}`,
      binding: slack.isZero() || blocks.length > 0,
      blocks,
    };
  });
}

/** What keeps an excluded candidate out of the plan as it stands (see {@link WhyNot.blockedBy}). */
interface HeldOut {
  /** Rows whose slack it exceeds with what it requires. */
  readonly rows: readonly ConstraintUsage[];
  /** Exclusive groups a selected candidate already takes, with those holders. */
  readonly groups: readonly { readonly constraint: SelectionConstraint; readonly holders: readonly string[] }[];
  /** It and the unselected candidates it pulls in. */
  readonly adds: readonly string[];
  /** Exact value those would add. */
  readonly worth: Decimal;
}

/** @internal The constraints that keep `id` out of `selected`, and what selecting it (with what it requires) is worth. */
export function heldOut(problem: SelectionProblem, selected: ReadonlySet<string>, id: string, usage: readonly ConstraintUsage[]): HeldOut & { blockedBy: SelectionConstraint[] } {
  const logical = logicalConstraints(problem);
  const adds = [...pullIn(logical, [id]).keys()].filter((m) => !selected.has(m));
  const value = new Map(problem.candidates.map((c) => [c.id, c.value] as const));
  let worth: Decimal = new PmoDecimal(0);
  for (const m of adds) worth = worth.plus(value.get(m) ?? 0);
  // Its own check, not the rows' `blocks` (those list only candidates worth more than 0 alone): one worth 0 whose
  // prerequisite does not fit (and is worth something) is kept out too. `usage` is in the order of the problem's rows.
  const index = new Map(problem.candidates.map((c, i) => [c.id, i] as const));
  const all = resourceRows(problem);
  // A forced-out candidate is kept out by that alone, and one worth 0 or less with what it requires by its worth:
  // no row or group does (a larger budget would not bring it in; it listed the budget, which blocks nobody).
  const noRow = problem.forcedOut.some((f) => f.candidate === id) || !worth.greaterThan(0);
  const rows = usage.filter((u, r) => {
    if (noRow) return false;
    let extra: Decimal = new PmoDecimal(0);
    for (const m of adds) extra = extra.plus(all[r]?.usage.get(index.get(m) as number) ?? 0);
    return extra.greaterThan(u.slack);
  });
  const groups = logical.flatMap((c) => {
    if (c.kind !== "exclusive" || !worth.greaterThan(0) || !c.candidates.some((m) => adds.includes(m))) return [];
    const holders = c.candidates.filter((m) => selected.has(m));
    return holders.length > 0 ? [{ constraint: c, holders }] : [];
  });
  return { rows, groups, adds, worth, blockedBy: [...rows.map((u) => u.constraint), ...groups.map((g) => g.constraint)] };
}

/** Plain words for {@link heldOut}: each constraint that keeps it out, and its worth when that is nothing. */
function heldOutWords(id: string, h: HeldOut): string {
  const parts: string[] = [];
  if (h.rows.length > 0) parts.push(`with what it requires it does not fit ${h.rows.map((u) => `${u.constraint.label}, which ${u.description}`).join("; ")}`);
  for (const g of h.groups) parts.push(`${g.constraint.label}, which ${g.holders.join(", ")} already ${g.holders.length > 1 ? "take" : "takes"}`);
  const others = h.adds.filter((m) => m !== id);
  if (!h.worth.greaterThan(0)) {
    parts.push(`${others.length > 0 ? `with what it requires (${others.join(", ")}) ` : ""}it is worth ${h.worth.toFixed()}, so selecting it gains nothing`);
  } else if (parts.length === 0) {
    // selectPortfolio adds every such candidate (free-room.ts), so none is left out of the plan it returns.
    parts.push(`it fits the free room with what it requires and would add ${h.worth.toFixed()}`);
  }
  return parts.join("; ");
}

/** @internal The "why not" that needs no re-solve (forced out, or forcing it in is infeasible); undefined otherwise. */
export function whyNotWithoutSolve(problem: SelectionProblem, selected: ReadonlySet<string>, id: string, usage: readonly ConstraintUsage[]): WhyNot | undefined {
  const { blockedBy } = heldOut(problem, selected, id, usage);
  const none = { displaces: [], bringsIn: [], status: undefined, conflict: undefined, blockedBy };
  const out = problem.forcedOut.find((f) => f.candidate === id);
  if (out) return { candidate: id, kind: "forced-out", explanation: `${id} is forced out${out.reason === undefined ? "" : `: ${out.reason}`}`, objectiveLost: missing("forced-out"), ...none };
  const conflict = findConflicts(problem, [id])[0];
  if (conflict) return { ...none, candidate: id, kind: "infeasible", explanation: `forcing ${id} in is infeasible: ${conflict.explanation}`, objectiveLost: missing("infeasible"), conflict };
  return undefined;
}

/**
 * @internal The cheap "why not" when no re-solve is left: the rows whose slack it (with what it requires) exceeds,
 * the exclusive groups a selected candidate already takes, or what it is worth when that is nothing.
 */
export function whyNotFromUsage(problem: SelectionProblem, selected: ReadonlySet<string>, id: string, usage: readonly ConstraintUsage[], reason: string): WhyNot {
  const h = heldOut(problem, selected, id, usage);
  return {
    candidate: id, kind: "not-re-solved", explanation: `not re-solved (${reason}); ${heldOutWords(id, h)}`, objectiveLost: missing("not-re-solved"),
    displaces: [], bringsIn: [], status: undefined, conflict: undefined, blockedBy: h.blockedBy,
  };
}

/**
 * A positive loss, as exact as the two solves make it. The true loss is OPT − OPT(with it). A re-solve not proven
 * optimal may have missed a better plan with it: the loss is at most this. A selection not proven optimal may be worth
 * less than OPT: the loss is at least this. Neither proven: only an estimate.
 */
function lossWords(id: string, lost: Decimal, base: SelectionStatus, resolve: SelectionStatus): string {
  const head = `forcing ${id} in lowers the objective by`;
  if (base === "optimal") {
    return resolve === "optimal" ? `${head} ${lost.toFixed()}` : `${head} at most ${lost.toFixed()} (its re-solve ended ${resolve}: a better plan with it may exist)`;
  }
  return resolve === "optimal"
    ? `${head} at least ${lost.toFixed()} (the selection's solve ended ${base}: a plan worth more than the selection may exist)`
    : `${head} about ${lost.toFixed()} (neither solve was proven optimal: the selection's ended ${base}, its re-solve ${resolve})`;
}

/** @internal "Why not" for one excluded candidate: force it in, re-solve, and compare. */
export async function whyNotCandidate(
  problem: SelectionProblem,
  base: { readonly selected: ReadonlySet<string>; readonly objective: Decimal; /** How the plan asked against was found (default `optimal`). */ readonly status?: SelectionStatus },
  id: string,
  solver: SelectionSolver,
  options: { readonly gap: number; readonly timeLimitMs: number; readonly usage: readonly ConstraintUsage[] },
): Promise<WhyNot> {
  const cheap = whyNotWithoutSolve(problem, base.selected, id, options.usage);
  if (cheap) return cheap;
  const { blockedBy } = heldOut(problem, base.selected, id, options.usage);
  const forced = derivedProblem({ ...problem, forcedIn: [...problem.forcedIn, { candidate: id, reason: undefined }] });
  const warm = new Set([...base.selected, id]);
  const r = await solveProblem(forced, solver, { ...options, warmStart: warm });
  const displaces = [...base.selected].filter((s) => !r.selected.has(s));
  const bringsIn = [...r.selected].filter((s) => s !== id && !base.selected.has(s));
  const lost = base.objective.minus(r.objective);
  // A negative loss is a gain: the re-solve found a plan worth more than the selection, which was not optimal.
  const parts = [
    lost.isZero()
      ? `forcing ${id} in leaves the objective unchanged (an equally good plan includes it)`
      : lost.isNegative()
        ? `forcing ${id} in raises the objective by ${lost.negated().toFixed()}: the re-solve with it forced in found a plan worth more than the selection, which is therefore not optimal`
        : lossWords(id, lost, base.status ?? "optimal", r.status),
  ];
  if (displaces.length > 0) parts.push(`it displaces ${displaces.join(", ")}`);
  if (bringsIn.length > 0) parts.push(`brings in ${bringsIn.join(", ")}`);
  return { candidate: id, kind: "displaces", explanation: parts.join("; "), objectiveLost: metric(lost), displaces, bringsIn, status: r.status, conflict: undefined, blockedBy };
}
