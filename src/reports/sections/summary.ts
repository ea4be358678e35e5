import { checkArguments, checkOptionKeys } from "../../core/index.js";
import { GATE_OUTCOME_TEXT } from "./gate-outcome.js";
import { ragCell, type CellValue, type RagColour } from "../cells.js";
import type { FiguresBlock, ReportBlock, ReportSection } from "../report.js";
import { judgeKpis, type KpiTarget } from "./kpi-targets.js";
import { decisionsNeeded, type SummaryGate, type SummaryProject, type SummarySelection } from "./needs-decision.js";
import type { PeopleNames } from "./shared.js";

/** What the executive summary is built from. */
export interface ExecutiveSummaryInput {
  /** The status date (`YYYY-MM-DD`). */
  readonly asOf: string;
  /** The running projects with their RAG status (and RAID decisions). */
  readonly projects: readonly SummaryProject[];
  /** The gates to decide: every gate of each rollout (the office report passes them all, in planned-date order). */
  readonly gates?: readonly SummaryGate[];
  /** The portfolio selection. */
  readonly selection?: SummarySelection;
  /** KPIs with their targets. */
  readonly kpis?: readonly KpiTarget[];
  /** People's names by id: who overrode a colour is shown by name. */
  readonly people?: PeopleNames;
}

const COLOURS: readonly RagColour[] = ["red", "amber", "green"];
const LIST_SHOWN = 5;

// A reason that lists many items ("17 blocking item(s) not closed: ACC-01, ACC-02, …") keeps its first few here; the
// detail section lists them all.
function shortReason(reason: string): string {
  const colon = reason.indexOf(": ");
  if (colon < 0) return reason;
  const items = reason.slice(colon + 2).split(", ");
  return items.length <= LIST_SHOWN + 1 ? reason : `${reason.slice(0, colon + 2)}${items.slice(0, LIST_SHOWN).join(", ")} and ${items.length - LIST_SHOWN} more`;
}
const WORD: Record<RagColour, string> = { red: "Red", amber: "Amber", green: "Green" };

/**
 * The executive summary: one screen for the head of the PMO, built only from the results passed in. It shows
 *
 * - the portfolio's RAG counts (red, amber, green, not rated — each count names its projects and which of them are
 *   overrides of the computed colour), with the rule that an overall colour is the worst rated dimension (or a
 *   commented override);
 * - the items that **need a decision** ({@link decisionsNeeded}: red and amber projects with the rule that set the
 *   colour, overrides that improve on the computed colour, gates that are not a plain GO, an infeasible selection, RAID decisions still proposed) and the decision
 *   each asks for;
 * - every gate's outcome (GO, CONDITIONAL GO, NO-GO) with the reasons that decided it;
 * - the KPIs out of target with the figure, the target and the rule ({@link judgeKpis}); KPIs without a figure are
 *   named as not measured.
 *
 * Every colour it shows carries its rule. Its layout is `summary`: the HTML report always shows it, before the table
 * of contents; Markdown, XLSX, CSV and JSON show it like any other section.
 *
 * @throws {ValidationError} for a malformed input (see {@link decisionsNeeded} and {@link judgeKpis}).
 * @example
 * ```ts
 * const summary = executiveSummarySection({
 *   asOf: "2026-11-20",
 *   projects: office.projects.map((p) => ({ code: p.code, name: p.name, rag: p.rag, decisions: p.raid.decisions })),
 *   gates: [{ rollout: "CRM go-live", goLive: "2027-03-01", evaluation: gate }],
 *   selection: { label: "Intake FY2027", result },
 *   kpis: [{ label: "Availability CRM", actual: crm.availabilityPercent, target: { atLeast: "99.95" }, unit: "%" }],
 * });
 * renderHtmlReport({ title: "PMO report", asOf: "2026-11-20", sections: [summary, ...detail] });
 * ```
 */
export function executiveSummarySection(input: ExecutiveSummaryInput): ReportSection {
  checkArguments("executiveSummarySection", { input: [input, "object"] });
  checkOptionKeys("executiveSummarySection", input, { asOf: 1, projects: 1, gates: 1, selection: 1, kpis: 1, people: 1 } satisfies Record<keyof ExecutiveSummaryInput, 1>, ["input"]);
  checkArguments("executiveSummarySection", { "input.kpis": [input.kpis, "object[]?"] });
  // decisionsNeeded takes the summary's input without its kpis (it refuses a key it does not know).
  const { kpis: _kpis, ...needsInput } = input;
  const needs = decisionsNeeded(needsInput);
  const gates = input.gates ?? [];
  const kpis = judgeKpis(input.kpis ?? []);
  const missed = kpis.filter((k) => k.status === "missed");
  const unmeasured = kpis.filter((k) => k.status === "not-measured");
  const byColour = (c: RagColour) => input.projects.filter((p) => p.rag.overall.colour === c).map((p) => p.code);
  const unrated = input.projects.filter((p) => p.rag.overall.colour === undefined).map((p) => p.code);
  const noGo = gates.filter((g) => g.evaluation.outcome === "no-go").length;

  const tile = (c: RagColour): FiguresBlock["items"][number] => {
    const codes = byColour(c);
    // An override that departs from the rules is counted as such: "4: P1, P2 (1 overridden: P1 from red)".
    const over = input.projects.flatMap((p) => {
      const o = p.rag.overall;
      return o.colour === c && o.override && o.computed !== c ? [`${p.code} from ${o.computed ?? "not rated"}`] : [];
    });
    const note = over.length > 0 ? ` (${over.length} overridden: ${over.join(", ")})` : "";
    return { label: `${WORD[c]} projects`, value: ragCell(c, `${codes.length}${codes.length > 0 ? `: ${codes.join(", ")}` : ""}${note}`) };
  };
  const figures: FiguresBlock = {
    kind: "figures",
    items: [
      ...COLOURS.map(tile),
      ...(unrated.length > 0 ? [{ label: "Not rated", value: `${unrated.length}: ${unrated.join(", ")}` }] : []),
      { label: "Need a decision", value: needs.length },
      ...(gates.length > 0 ? [{ label: "Gates NO-GO", value: `${noGo} of ${gates.length}` }] : []),
      // "0 of 3" would read as three KPIs on target when none could be measured: the unmeasured ones are named as such.
      ...(kpis.length > 0 ? [{ label: "KPIs out of target", value: `${missed.length} of ${kpis.length}${unmeasured.length > 0 ? `; ${unmeasured.length} not measured` : ""}` }] : []),
    ],
  };
  const blocks: ReportBlock[] = [figures];
  if (needs.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        caption: "Needs a decision",
        columns: ["Item", "Why — the rule that put it here", "Decision asked"],
        rows: needs.map((n): CellValue[] => [n.item, n.colour ? ragCell(n.colour, n.rule) : n.rule, n.ask]),
      },
    });
  }
  if (gates.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        caption: "Gate outcomes",
        columns: ["Gate", "Outcome", "Deciding rule", "Approvals"],
        rows: gates.map((g) => [
          `${g.rollout}: ${g.evaluation.gateName}${g.goLive ? ` (go-live ${g.goLive})` : ""}`,
          GATE_OUTCOME_TEXT[g.evaluation.outcome],
          g.evaluation.reasons.map(shortReason).join("; "),
          `${g.evaluation.approvals.approving} of ${g.evaluation.approvals.required}`,
        ]),
      },
    });
  }
  if (missed.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        caption: "KPIs out of target",
        columns: ["KPI", { header: "Actual", align: "right" }, { header: "Target", align: "right" }, "Rule"],
        rows: missed.map((k) => [k.label, k.actual, k.target, ragCell("red", k.rule)]),
      },
    });
  }
  if (unmeasured.length > 0) blocks.push({ kind: "list", items: unmeasured.map((k) => `${k.label} (target ${k.target}): ${k.rule}`) });
  blocks.push({
    kind: "paragraph",
    text: `A project's overall colour is its worst rated dimension under the RAG rules, or a manual override with its comment. Needs a decision: a red or amber project, an override that improves on the computed colour, a gate that is not a plain GO, a recorded gate decision the evidence contradicts, an infeasible selection, a RAID decision still proposed.${needs.length === 0 ? " Nothing needs a decision." : ""}`,
  });
  return { heading: "Executive summary", layout: "summary", blocks };
}
