import { checkArguments, sumMoney, type Money } from "../../core/index.js";
import type { ProjectRequest } from "../../entities/index.js";
import type { Scoreboard } from "../../prioritization/index.js";
import { defineSelectionProblem, type PortfolioSelection, type SelectionProblemInput } from "../../selection/index.js";
import { valueCostBubbleChart } from "../charts/bubble.js";
import type { CellValue } from "../cells.js";
import type { ReportBlock, ReportSection } from "../report.js";
import { fixed } from "./shared.js";

/** What the intake section shows: the scoreboard, the requests it scored and, optionally, the selection made. */
export interface IntakeSectionInput {
  /** `scoreRequests` result. */
  readonly scoreboard: Scoreboard;
  /** The requests scored (titles and estimated costs). */
  readonly requests: readonly ProjectRequest[];
  /** The selection problem and `selectPortfolio`'s answer to it. */
  readonly selection?: { readonly problem: SelectionProblemInput; readonly result: PortfolioSelection };
  /** Decimal places of scores and contributions (default 3). */
  readonly places?: number;
}

function requestCost(r: ProjectRequest | undefined): Money | undefined {
  if (r === undefined || r.estimatedCost.length === 0) return undefined;
  const currencies = new Set(r.estimatedCost.map((c) => c.amount.currency));
  return currencies.size === 1 ? sumMoney(r.estimatedCost.map((c) => c.amount)) : undefined;
}

function selectionBlocks(input: SelectionProblemInput, result: PortfolioSelection, byId: ReadonlyMap<string, ProjectRequest>, places: number): ReportBlock[] {
  // The validated problem: every cost is Money and every value a Decimal, whichever input form was used.
  const problem = defineSelectionProblem(input);
  const title = (id: string) => byId.get(id)?.title ?? id;
  const gap = result.gap.value === undefined ? `gap n/a (${result.gap.reason})` : `proven gap ${result.gap.value.times(100).toFixed(2)}%`;
  const total = result.objective.value === undefined ? `no plan (${result.objective.reason})` : result.objective.value.toDecimalPlaces(places, 6).toFixed();
  const bubbles = problem.candidates.flatMap((c) => {
    const cost = Object.values(c.costs);
    if (cost.length === 0) return [];
    return [{ label: c.id, cost: sumMoney(cost), value: c.value, selected: result.selected.includes(c.id) }];
  });
  const blocks: ReportBlock[] = [
    { kind: "paragraph", text: `Selected ${result.selected.length} of ${problem.candidates.length} candidates (${result.status}, ${gap}, solver ${result.solver}); total value ${total}.` },
    {
      kind: "table",
      table: {
        caption: "Selected portfolio",
        columns: ["Request", "Title", "Value", { header: "Cost", align: "right" }],
        rows: result.selected.map((id) => {
          const c = problem.candidates.find((x) => x.id === id);
          const cost = Object.values(c?.costs ?? {});
          return [id, title(id), c === undefined ? "" : c.value.toDecimalPlaces(places, 6), cost.length > 0 ? sumMoney(cost) : ""];
        }),
      },
    },
    {
      kind: "table",
      table: {
        caption: "Constraints used (budget and capacity per period)",
        columns: ["Constraint", "Used", "Limit", "Slack", "Binding", "Keeps out"],
        rows: result.usage.map((u) => [u.constraint.label, u.used, u.limit, u.slack, u.binding, u.blocks.join(", ")]),
      },
    },
  ];
  if (result.whyNot.length > 0) blocks.push({ kind: "list", items: result.whyNot.map((w) => `${w.candidate} (${title(w.candidate)}): ${w.explanation}`) });
  if (result.notes.length > 0) blocks.push({ kind: "list", items: result.notes });
  if (bubbles.length > 0) {
    blocks.push({
      kind: "chart",
      svg: valueCostBubbleChart({ title: "Value vs cost of the candidates", xTitle: "Estimated cost", yTitle: "Value (score units)", bubbles }),
      caption: "Value against estimated cost; filled: selected, dashed: not selected.",
      file: "charts/value-cost.svg",
    });
  }
  return blocks;
}

/**
 * The intake section: requests ranked with each score's breakdown (raw rating, normalised value, weight,
 * contribution), and — given a selection — the portfolio chosen, the budget and capacity rows it used, a "why not"
 * line per excluded candidate and a value-vs-cost bubble chart.
 *
 * @example
 * ```ts
 * const board = scoreRequests(requests, model, { asOf: "2026-11-20" });
 * const result = await selectPortfolio(problem);
 * renderHtmlReport({ title: "Intake", sections: [intakeSection({ scoreboard: board, requests, selection: { problem, result } })] });
 * ```
 */
export function intakeSection(input: IntakeSectionInput): ReportSection {
  checkArguments("intakeSection", { input: [input, "object"] });
  checkArguments("intakeSection", { "input.requests": [input.requests, "object[]"], "input.scoreboard": [input.scoreboard, "object"] });
  const places = input.places ?? 3;
  const byId = new Map(input.requests.map((r) => [r.id, r] as const));
  const terms = [...new Set(input.scoreboard.entries.flatMap((e) => e.breakdown.map((b) => b.term)))];
  const ranked: (readonly CellValue[])[] = input.scoreboard.entries.map((e) => {
    const r = byId.get(e.requestId);
    const gates = e.gates.filter((g) => g.applied).map((g) => `${g.effect}: ${g.reason}`).join("; ");
    const contribution = (term: string) => {
      const b = e.breakdown.find((x) => x.term === term);
      return b === undefined ? "" : `${b.raw?.toFixed() ?? "–"} → ${b.contribution.toDecimalPlaces(places, 6).toFixed(places)}`;
    };
    return [e.rank, e.requestId, r?.title ?? "", e.status, fixed(e.score, places), ...terms.map(contribution), requestCost(r) ?? "", gates];
  });
  const blocks: ReportBlock[] = [
    { kind: "paragraph", text: `Model "${input.scoreboard.model}" as of ${input.scoreboard.asOf}: ${input.scoreboard.entries.length} requests ranked. Each criterion cell shows the rating and its contribution to the score.` },
    {
      kind: "table",
      table: {
        caption: "Ranked requests with score breakdown",
        columns: ["Rank", "Request", "Title", "Status", "Score", ...terms, { header: "Estimated cost", align: "right" }, "Gates"],
        rows: ranked,
      },
    },
  ];
  return {
    heading: "Intake",
    blocks,
    ...(input.selection ? { sections: [{ heading: "Selected portfolio", blocks: selectionBlocks(input.selection.problem, input.selection.result, byId, places) }] } : {}),
  };
}
