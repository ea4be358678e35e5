import { checkArguments, checkOptionKeys, formatMoney, metric, money, sumMoney, type Decimal } from "../../core/index.js";
import { ownEntry } from "../../core/own.js";
import type { ProjectRequest } from "../../entities/index.js";
import type { Scoreboard } from "../../prioritization/index.js";
import { defineSelectionProblem, type PortfolioSelection, type SelectionProblemInput } from "../../selection/index.js";
import { valueCostBubbleChart } from "../charts/bubble.js";
import { cellText, groupDigits, type CellValue } from "../cells.js";
import type { ReportBlock, ReportSection } from "../report.js";
import { fixed, humanize, percent } from "./shared.js";

/**
 * The selection an intake section shows: the problem, `selectPortfolio`'s answer and the unit of the capacity rows.
 *
 * @example
 * ```ts
 * const selection: IntakeSectionSelection = { problem, result: await selectPortfolio(problem), demandUnit: "hours" };
 * intakeSection({ scoreboard, requests, selection });
 * ```
 */
export interface IntakeSectionSelection {
  /** The selection problem. */
  readonly problem: SelectionProblemInput;
  /** `selectPortfolio`'s answer to it. */
  readonly result: PortfolioSelection;
  /** The unit of the capacity rows (`"hours"`), shown in the bubble chart's size legend. */
  readonly demandUnit?: string;
  /** Accepted and not read: `analyzeOffice`'s `office.selection` carries the envelope its problem was built from. */
  readonly envelope?: unknown;
}

/** What the intake section shows: the scoreboard, the requests it scored and, optionally, the selection made. */
export interface IntakeSectionInput {
  /** `scoreRequests` result. */
  readonly scoreboard: Scoreboard;
  /** The requests scored (titles and estimated costs). */
  readonly requests: readonly ProjectRequest[];
  /**
   * The selection problem and `selectPortfolio`'s answer to it; `demandUnit` names the unit of the capacity rows
   * (`"hours"`), shown in the bubble chart's size legend. Any other key is refused, but for `envelope`, so that
   * `analyzeOffice`'s `office.selection` passes as it is (the problem already holds the envelope's constraints).
   */
  readonly selection?: IntakeSectionSelection;
  /** Column headers of the criteria by criterion id; default: the id in words (`strategic-fit` → `Strategic fit`). */
  readonly criterionNames?: Readonly<Record<string, string>>;
  /** Decimal places of scores and contributions (default 3). */
  readonly places?: number;
}

// A request's estimated cost over all its lines; never a blank that hides why: no estimate is its reason, and costs in
// several currencies are summed per currency (pmokit does not convert).
function requestCost(r: ProjectRequest | undefined): CellValue {
  if (r === undefined) return "";
  if (r.estimatedCost.length === 0) return { reason: "no-cost-estimate" };
  const currencies = [...new Set(r.estimatedCost.map((c) => c.amount.currency))];
  const sum = (code: string) => sumMoney(r.estimatedCost.filter((c) => c.amount.currency === code).map((c) => c.amount));
  return currencies.length === 1 ? sum(currencies[0]!) : currencies.sort().map((code) => formatMoney(sum(code))).join(" + ");
}

function selectionBlocks(input: SelectionProblemInput, result: PortfolioSelection, byId: ReadonlyMap<string, ProjectRequest>, places: number, demandUnit: string | undefined): ReportBlock[] {
  // The validated problem: every cost is Money and every value a Decimal, whichever input form was used.
  const problem = defineSelectionProblem(input);
  const title = (id: string) => byId.get(id)?.title ?? id;
  // People call a request by its key (`pmokit score` and `select` do): the id is a tool's, read by machines.
  const key = (id: string) => byId.get(id)?.key ?? id;
  // A gap above 0 never reads 0 % (a plan not proven optimal would read as if it were).
  const gap = result.gap.value === undefined ? `gap n/a (${result.gap.reason})` : `proven gap ${cellText(percent(metric(result.gap.value.times(100)), 2))}`;
  const total = result.objective.value === undefined ? `no plan (${result.objective.reason})` : groupDigits(result.objective.value.toDecimalPlaces(places, 6).toFixed(places)); // as the Value column reads
  // Bubble area: each candidate's demand on the capacity rows, summed over periods and skills.
  const skills = [...new Set(problem.candidates.flatMap((c) => Object.values(c.demand).flatMap((d) => Object.keys(d))))];
  const demandOf = (c: (typeof problem.candidates)[number]) => Object.values(c.demand).flatMap((d) => Object.values(d)).reduce((a: Decimal, b) => a.plus(b), c.value.times(0));
  const bubbles = problem.candidates.flatMap((c) => {
    const cost = Object.values(c.costs);
    if (cost.length === 0) return [];
    return [{ label: key(c.id), cost: sumMoney(cost), value: c.value, selected: result.selected.includes(c.id), ...(skills.length > 0 ? { size: demandOf(c) } : {}) }];
  });
  // A candidate's cost here is its cost lines of the selection's periods (the ranked table's "Estimated cost" is every
  // line): named by them, so one request's two figures never stand under one name (REQ-2027-003: 835,000 and 330,000).
  const cost = problem.periods.length > 0 ? `Cost ${problem.periods.join(", ")}` : "Cost";
  // Budget rows are money in the problem's currency; capacity rows are amounts of their skill's unit.
  const amount = (u: PortfolioSelection["usage"][number], d: Decimal) => (u.constraint.kind === "budget" && problem.currency !== undefined ? money(d, problem.currency) : d);
  const blocks: ReportBlock[] = [
    { kind: "paragraph", text: `Selected ${result.selected.length} of ${problem.candidates.length} candidates (${result.status}, ${gap}, solver ${result.solver}); total value ${total}.` },
    {
      kind: "table",
      table: {
        caption: "Selected portfolio",
        columns: ["Request", "Title", "Value", { header: cost, align: "right" }],
        rows: result.selected.map((id) => {
          const c = problem.candidates.find((x) => x.id === id);
          const cost = Object.values(c?.costs ?? {});
          // One number of places down the column: a value of 0 reads 0.000 beside 68.182.
          return [key(id), title(id), c === undefined ? "" : { value: c.value.toDecimalPlaces(places, 6), places }, cost.length > 0 ? sumMoney(cost) : ""];
        }),
      },
    },
    {
      kind: "table",
      table: {
        caption: "Constraints used (budget and capacity per period)",
        columns: ["Constraint", { header: "Used", align: "right" }, { header: "Limit", align: "right" }, { header: "Slack", align: "right" }, "Binding", "Keeps out"],
        rows: result.usage.map((u) => [u.constraint.label, amount(u, u.used), amount(u, u.limit), amount(u, u.slack), u.binding, u.blocks.map(key).join(", ")]),
      },
    },
  ];
  // No plan: the constraints that clash are the reason, not an empty portfolio.
  if (result.conflicts.length > 0) blocks.push({ kind: "list", items: result.conflicts.map((c) => `infeasible: ${c.explanation}`) });
  // The solver's explanation names ids: a key that is not the id is followed by it, so the reader can follow it.
  const whyNot = (id: string) => `${key(id)} (${title(id)}${key(id) === id ? "" : `; id ${id}`})`;
  if (result.whyNot.length > 0) blocks.push({ kind: "list", items: result.whyNot.map((w) => `${whyNot(w.candidate)}: ${w.explanation}`) });
  if (result.notes.length > 0) blocks.push({ kind: "list", items: result.notes });
  if (bubbles.length > 0) {
    blocks.push({
      kind: "chart",
      svg: valueCostBubbleChart({
        title: "Value vs cost of the candidates", xTitle: cost, yTitle: "Value (score units)", bubbles,
        ...(skills.length > 0 ? { sizeTitle: `${skills.join(", ")} demand${demandUnit ? ` (${demandUnit})` : ""}` } : {}),
      }),
      caption: `Value against ${cost === "Cost" ? "cost" : `cost in ${problem.periods.join(", ")}`}${problem.currency ? ` (${problem.currency})` : ""}; filled: selected, dashed: not selected${skills.length > 0 ? `; bubble area: ${skills.join(", ")} demand${demandUnit ? ` in ${demandUnit}` : ""}` : ""}.`,
      file: "charts/value-cost.svg",
    });
  }
  return blocks;
}

/**
 * The intake section: requests ranked with each score's breakdown (raw rating, normalised value, weight,
 * contribution), and — given a selection — the portfolio chosen, the budget and capacity rows it used, a "why not"
 * line per excluded candidate and a value-vs-cost bubble chart. Requests are named by key (the id when a request has
 * none) with the title beside it; a "why not" line whose key is not the id adds the id its explanation names. With no request scored, one line says so (no model,
 * envelope or selection is shown as if applied).
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
  checkOptionKeys("intakeSection", input, { scoreboard: 1, requests: 1, selection: 1, criterionNames: 1, places: 1 } satisfies Record<keyof IntakeSectionInput, 1>, ["input"]);
  checkArguments("intakeSection", { "input.requests": [input.requests, "object[]"], "input.scoreboard": [input.scoreboard, "object"], "input.criterionNames": [input.criterionNames, "object?"], "input.selection": [input.selection, "object?"] });
  if (input.selection !== undefined) {
    checkOptionKeys("intakeSection", input.selection, { problem: 1, result: 1, demandUnit: 1, envelope: 1 } satisfies Record<keyof IntakeSectionSelection, 1>, ["input", "selection"]);
    checkArguments("intakeSection", { "input.selection.problem": [input.selection.problem, "object"], "input.selection.result": [input.selection.result, "object"], "input.selection.demandUnit": [input.selection.demandUnit, "string?"] });
  }
  // No request: nothing was scored or selected, so neither the model nor the envelope is shown as if it were applied
  // (a database without requests showed the built-in model and the sample's budget as the run's).
  if (input.scoreboard.entries.length === 0) return { heading: "Intake", blocks: [{ kind: "paragraph", text: "No requests in the intake: nothing was scored or selected." }] };
  const places = input.places ?? 3;
  const byId = new Map(input.requests.map((r) => [r.id, r] as const));
  const terms = [...new Set(input.scoreboard.entries.flatMap((e) => e.breakdown.map((b) => b.term)))];
  const ranked: (readonly CellValue[])[] = input.scoreboard.entries.map((e) => {
    const r = byId.get(e.requestId);
    const gates = e.gates.filter((g) => g.applied).map((g) => `${g.effect}: ${g.reason}`).join("; ");
    // An unscored request has no breakdown: each criterion cell says why (`n/a (missing-rating)`), never a blank; the
    // score cell carries the detail (which ratings are missing).
    const why: CellValue = e.score.value === undefined ? { reason: e.score.reason } : "";
    const contribution = (term: string): CellValue => {
      const b = e.breakdown.find((x) => x.term === term);
      return b === undefined ? why : `${b.raw?.toFixed() ?? "–"} → ${b.contribution.toDecimalPlaces(places, 6).toFixed(places)}`;
    };
    return [e.rank, r?.key ?? e.requestId, r?.title ?? "", e.status, fixed(e.score, places), ...terms.map(contribution), requestCost(r), gates];
  });
  const blocks: ReportBlock[] = [
    { kind: "paragraph", text: `Model "${input.scoreboard.model}" as of ${input.scoreboard.asOf}: ${input.scoreboard.entries.length} requests ranked. Each criterion cell shows the rating and its contribution to the score; an unscored request's cells say why there is none.` },
    {
      kind: "table",
      table: {
        caption: "Ranked requests with score breakdown",
        columns: ["Rank", "Request", "Title", "Status", "Score", ...terms.map((t) => ownEntry(input.criterionNames, t) ?? humanize(t)), { header: "Estimated cost", align: "right" }, "Gates"],
        rows: ranked,
      },
    },
  ];
  return {
    heading: "Intake",
    blocks,
    ...(input.selection ? { sections: [{ heading: "Selected portfolio", blocks: selectionBlocks(input.selection.problem, input.selection.result, byId, places, input.selection.demandUnit) }] } : {}),
  };
}
