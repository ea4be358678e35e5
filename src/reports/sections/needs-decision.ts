import { checkArguments, checkOptionKeys, isoDate } from "../../core/index.js";
import { GATE_OUTCOME_TEXT } from "./gate-outcome.js";
import type { Decision } from "../../entities/index.js";
import type { GateEvaluation } from "../../rollout/index.js";
import type { PortfolioSelection } from "../../selection/index.js";
import { pendingDecisions, type RagStatus } from "../../status/index.js";
import type { RagColour } from "../cells.js";
import { humanize, personName, readableRule, type PeopleNames } from "./shared.js";

/** A running project as the executive summary judges it. */
export interface SummaryProject {
  /** Project code or id. */
  readonly code: string;
  /** Project name. */
  readonly name: string;
  /** `ragStatus` result at the status date. */
  readonly rag: RagStatus;
  /** The project's RAID decisions; those still proposed at the status date need a decision. */
  readonly decisions?: readonly Decision[];
}

/** A gate as the executive summary judges it. */
export interface SummaryGate {
  /** The rollout (or release) the gate belongs to. */
  readonly rollout: string;
  /** Its planned go-live, if any. */
  readonly goLive?: string;
  /** `evaluateGate` result at the status date. */
  readonly evaluation: GateEvaluation;
}

/** A portfolio selection as the executive summary judges it. */
export interface SummarySelection {
  /** What was selected (`Intake FY2027 under EUR 1,000,000`). */
  readonly label: string;
  /** `selectPortfolio` result. */
  readonly result: PortfolioSelection;
}

/** What {@link decisionsNeeded} looks at. */
export interface DecisionsNeededInput {
  /** The status date (`YYYY-MM-DD`): a RAID decision proposed by then and not decided by then is pending. */
  readonly asOf: string;
  /** The running projects. */
  readonly projects: readonly SummaryProject[];
  /** The gates to decide. */
  readonly gates?: readonly SummaryGate[];
  /** The portfolio selection. */
  readonly selection?: SummarySelection;
  /** People's names by id: who overrode a colour is shown by name, as the portfolio table shows it. */
  readonly people?: PeopleNames;
}

/** Why an item needs a decision, most pressing first. */
export type DecisionNeedKind =
  | "project-red"
  | "project-overridden"
  | "gate-no-go"
  | "selection-infeasible"
  | "project-amber"
  | "gate-conditional-go"
  | "gate-contradicted"
  | "decision-pending";

/** One item that needs a decision, with the rule that says so and the decision it asks for. */
export interface DecisionNeed {
  /** Why it is listed. */
  readonly kind: DecisionNeedKind;
  /** The project, gate, selection or RAID decision (`PRJ-WMS — Warehouse management system upgrade`). */
  readonly item: string;
  /** The RAG colour, for a project (always shown with {@link DecisionNeed.rule}). */
  readonly colour?: RagColour;
  /** The rule or fact that put it on the list, with its figures. */
  readonly rule: string;
  /** The decision it asks for. */
  readonly ask: string;
}

const ORDER: readonly DecisionNeedKind[] = ["project-red", "project-overridden", "gate-no-go", "selection-infeasible", "project-amber", "gate-conditional-go", "gate-contradicted", "decision-pending"];

/**
 * The rule behind a project's overall RAG colour, as people read it: the override with its comment, or each worst
 * dimension's deciding rules (`Schedule: SPI 0.654 < 0.85 → red · Cost: …`); an override from a published status report
 * (`statusReportInForce`) also names the report's date, staleness and the colour
 * computed on the status date when it differs (`override by Ana Costa as of 2026-10-30 (stale: 51 days old on
 * 2026-11-20, more than 31): recovery plan approved (computed red on 2026-11-20)`), and when the rules give the
 * published colour themselves, they are the reason, the report named after them (`Cost: EAC … → amber (published
 * amber by Frank Meyer as of 2026-10-30)`); for a project without an overall colour,
 * why it has none (`not rated: 1 of 7 dimensions rated, at least 2 needed; …`). Give `people` to name who overrode it.
 *
 * @throws {ValidationError} when `rag` is not a `ragStatus` result.
 * @example
 * ```ts
 * const rag = ragStatus({ id: "P" }, { asOf: isoDate("2026-11-20"), figures: { spi: metric(decimal("0.8")), cpi: metric(decimal("0.97")) } });
 * overallRule(rag); // "Schedule: SPI 0.8 < 0.85 → red"
 * ```
 */
export function overallRule(rag: RagStatus, people?: PeopleNames): string {
  checkArguments("overallRule", { rag: [rag, "object"], people: [people, "object?"] });
  checkArguments("overallRule", { "rag.overall": [rag.overall, "object"], "rag.dimensions": [rag.dimensions, "object[]"] });
  const o = rag.overall;
  if (o.colour === undefined) return `not rated: ${o.insufficientData?.explanation ?? "no dimension could be rated"}`;
  const v = o.override;
  // An override published in a status report gives its date and, when the report is stale, why; the colour the rules
  // give on the status date when it differs. The report's own computed colour (`computedThen`) stays in the data: the
  // executive summary must fit the first screen.
  const rules = () => o.worstDimensions
    .map((d) => rag.dimensions.find((x) => x.dimension === d))
    .flatMap((d) => (d === undefined ? [] : [`${humanize(d.dimension)}: ${readableRule(d.comment)}`]))
    .join(" · ");
  // A published status that agrees with the rules on the status date changes nothing: the rules explain the colour,
  // and the report is named after them (its comment, written for its own date, stays in the data).
  if (v?.asOf && o.computed === v.colour) return `${rules()} (published ${v.colour} by ${personName(people, v.by)} as of ${v.asOf}${v.stale ? `, stale: ${v.stale}` : ""})`;
  if (v?.asOf) return `override by ${personName(people, v.by)} as of ${v.asOf}${v.stale ? ` (stale: ${v.stale})` : ""}: ${v.comment} (${o.computed ? `computed ${o.computed}` : "not rated"} on ${rag.asOf})`;
  if (v) return `override by ${personName(people, v.by)}: ${v.comment}${o.computed && o.computed !== v.colour ? ` (computed ${o.computed})` : ""}`;
  return rules();
}

const RANK: Record<RagColour, number> = { green: 0, amber: 1, red: 2 };
/**
 * @internal The computed colour a human override improved on (red → amber or green, amber → green), else undefined.
 *
 * @example
 * ```ts
 * improvedFrom(ragStatus({ id: "P" }, { asOf, figures, override: { colour: "green", comment: "accepted", by: "p-ana" } })); // "red"
 * ```
 */
export const improvedFrom = (rag: RagStatus): RagColour | undefined => {
  const o = rag.overall;
  return o.override && o.computed !== undefined && RANK[o.override.colour] < RANK[o.computed] ? o.computed : undefined;
};

function gateNeeds(g: SummaryGate): DecisionNeed[] {
  const e = g.evaluation;
  const item = `${g.rollout}: ${e.gateName}${g.goLive ? ` (go-live ${g.goLive})` : ""}`;
  const votes = `approvals ${e.approvals.approving} of ${e.approvals.required}${e.approvals.rejecting > 0 ? `, ${e.approvals.rejecting} rejecting` : ""}`;
  const needs: DecisionNeed[] = [];
  if (e.outcome === "no-go") {
    needs.push({ kind: "gate-no-go", item, rule: `NO-GO at ${e.asOf}: ${e.blockers.length} blocking item(s) open; ${votes}`, ask: "Move the go-live, or clear or waive the blocking items" });
  } else if (e.outcome === "conditional-go") {
    needs.push({ kind: "gate-conditional-go", item, rule: `CONDITIONAL GO at ${e.asOf}: ${e.openAdvisory.length} advisory item(s) open; ${votes}`, ask: "Accept the open advisory items as conditions of the go" });
  }
  if (e.recorded?.contradicts) {
    needs.push({ kind: "gate-contradicted", item, rule: `recorded ${GATE_OUTCOME_TEXT[e.recorded.outcome]}, evidence says ${GATE_OUTCOME_TEXT[e.outcome]} at ${e.asOf}`, ask: `Confirm or revise the recorded ${GATE_OUTCOME_TEXT[e.recorded.outcome]}` });
  }
  return needs;
}

/**
 * The items that need a decision at the status date — what the executive summary lists first. An item is listed
 * when the evidence says the current plan will not hold without someone deciding:
 *
 * - a running project whose overall RAG is **red** or **amber** (computed as its worst rated dimension, or a manual
 *   override), with the rule of each worst dimension (`Schedule: SPI 0.654 < 0.85 → red`) or the override comment;
 * - a project whose manual override **improves** on the computed colour (red → amber or green, amber → green), as
 *   `project-overridden` with who overrode it, why, and the computed colour; its shown colour stays the override's;
 * - a gate that is not a plain **GO**: NO-GO (blocking items open or approvals missing), CONDITIONAL GO (advisory items
 *   open), or a recorded decision the evidence contradicts;
 * - a portfolio selection that is **infeasible** (no plan meets the constraints), with its conflicting constraints;
 * - a RAID decision still **proposed** at the status date.
 *
 * A project with no overall colour (too few rated dimensions) is not listed: there is nothing to decide on yet.
 * Sorted by kind (red, improving override, NO-GO, infeasible, amber, conditional go, contradicted, pending), then input order.
 *
 * @throws {ValidationError} when `asOf` is not a `YYYY-MM-DD` date or a list is not an array of objects.
 * @example
 * ```ts
 * decisionsNeeded({ asOf: "2026-11-20", projects: [{ code: "PRJ-WMS", name: "WMS upgrade", rag }] });
 * // [{ kind: "project-red", item: "PRJ-WMS — WMS upgrade", colour: "red", rule: "Schedule: SPI 0.654 < 0.85 → red", ask: "…" }]
 * ```
 */
export function decisionsNeeded(input: DecisionsNeededInput): DecisionNeed[] {
  checkArguments("decisionsNeeded", { input: [input, "object"] });
  checkOptionKeys("decisionsNeeded", input, { asOf: 1, projects: 1, gates: 1, selection: 1, people: 1 } satisfies Record<keyof DecisionsNeededInput, 1>, ["input"]);
  checkArguments("decisionsNeeded", { "input.asOf": [input.asOf, "date"], "input.projects": [input.projects, "object[]"], "input.gates": [input.gates, "object[]?"], "input.selection": [input.selection, "object?"], "input.people": [input.people, "object?"] });
  const needs: DecisionNeed[] = [];
  for (const p of input.projects) {
    const colour = p.rag.overall.colour;
    const item = `${p.code} — ${p.name}`;
    const from = improvedFrom(p.rag);
    // The shown colour is the PM's call; that a human improved on the rules' colour is for the PMO to confirm.
    if (from && colour) needs.push({ kind: "project-overridden", item, colour, rule: overallRule(p.rag, input.people), ask: `Confirm the override of the computed ${from}, or restore ${from}` });
    else if (colour === "red") needs.push({ kind: "project-red", item, colour, rule: overallRule(p.rag, input.people), ask: "Approve a recovery plan, re-baseline or stop" });
    else if (colour === "amber") needs.push({ kind: "project-amber", item, colour, rule: overallRule(p.rag, input.people), ask: "Accept the variance or approve a corrective action" });
    const pending = pendingDecisions(p.decisions ?? [], { asOf: isoDate(input.asOf) });
    // A decision counted only because the day it was superseded is not recorded says so. Proposed on the UTC day of
    // its createdAt, the day pendingDecisions judged it recorded on (an in-memory instant may carry an offset).
    for (const d of pending) {
      const options = d.options.length > 0 ? `; options: ${d.options.join(" / ")}` : "";
      needs.push({ kind: "decision-pending", item: `${d.id} — ${d.title} (${p.code})`, rule: `proposed ${new Date(d.createdAt).toISOString().slice(0, 10)}, not decided by ${input.asOf}${d.statusUnknown ? `; ${d.why}` : ""}${options}`, ask: `Decide: ${d.title}` });
    }
  }
  for (const g of input.gates ?? []) needs.push(...gateNeeds(g));
  const sel = input.selection;
  if (sel && sel.result.status === "infeasible") {
    const why = sel.result.conflicts.map((c) => c.explanation).join(" · ") || "no plan meets every constraint";
    needs.push({ kind: "selection-infeasible", item: sel.label, rule: `infeasible: ${why}`, ask: "Raise a budget or capacity limit, or drop a forced-in request" });
  }
  return needs.map((n, i) => ({ n, i })).sort((a, b) => ORDER.indexOf(a.n.kind) - ORDER.indexOf(b.n.kind) || a.i - b.i).map(({ n }) => n);
}
