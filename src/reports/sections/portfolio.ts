import { checkArguments, checkOptionKeys } from "../../core/index.js";
import { ownEntry } from "../../core/own.js";
import type { RagStatus } from "../../status/index.js";
import type { EacMethod, EarnedValueResult } from "../../variance/index.js";
import { ragCell, type CellValue, type RagCell } from "../cells.js";
import type { ReportSection } from "../report.js";
import { overallRule } from "./needs-decision.js";
import { asCell, cents, fixed, gridWords, humanize, readableRule, type EarnedValueGridOptions, type PeopleNames } from "./shared.js";

/** One project of the portfolio health table. */
export interface PortfolioProjectRow {
  /** Project code or id. */
  readonly code: string;
  /** Project name. */
  readonly name: string;
  /** `ragStatus` result. */
  readonly rag: RagStatus;
  /** `earnedValue` result at the same status date. */
  readonly evm: EarnedValueResult;
  /** The options `earnedValue` ran with (its grid is read): the section names the grid SPI(t) was read on. */
  readonly earnedValueOptions?: EarnedValueGridOptions;
}

/** A KPI line: a label, its figure and how it was reached. */
export interface KpiLine {
  /** The KPI's name. */
  readonly label: string;
  /** The figure (a Metric keeps its reason). */
  readonly value: CellValue;
  /** Definition, period and counts. */
  readonly note?: string;
}

/** What the portfolio section shows. */
export interface PortfolioSectionInput {
  /** The status date. */
  readonly asOf: string;
  /** The running projects. */
  readonly projects: readonly PortfolioProjectRow[];
  /** KPIs (availability, on-time, on-budget, health…). */
  readonly kpis?: readonly KpiLine[];
  /** People's names by id: who overrode an overall colour is shown by name. */
  readonly people?: PeopleNames;
}

const readable = readableRule;

/**
 * Each EAC method by its number and formula (docs/earned-value.md): a project selects the first method of its own
 * `policy.eacOrder` with a figure, so one column can hold EAC₁ for one row and EAC₂ (a fallback, or another order)
 * for the next.
 */
const EAC_METHOD_LABELS: Readonly<Record<EacMethod, string>> = {
  cpi: "EAC₁ (BAC / CPI)", "budget-rate": "EAC₂ (AC + BAC − EV)", "cpi-spi": "EAC₃ (CPI · SPI)", "bottom-up": "EAC₄ (bottom-up)", "earned-schedule": "EAC₅ (CPI · SPI(t))",
};

/** The method of a row's EAC, or the reason it has none (the EAC cell's). */
function eacMethodCell(selected: EarnedValueResult["figures"]["selectedEac"]): CellValue {
  // A hand-built result may name any string: only the five methods have a label (own keys: no "constructor").
  return ownEntry(EAC_METHOD_LABELS, selected.method ?? "") ?? { reason: selected.value.reason ?? "no-eac" };
}

function dimensionCell(rag: RagStatus, dimension: string): CellValue {
  const d = rag.dimensions.find((x) => x.dimension === dimension);
  // An unrated dimension's comment starts "not rated: ", which the reason already says (it read "not-rated: not rated: …").
  if (d === undefined || d.colour === undefined) return d === undefined ? "" : { reason: "not-rated", detail: readable(d.comment.replace(/^not rated: /, "")) };
  // The rule that fired is the comment of the rules that decided the colour.
  return ragCell(d.colour, readable(d.comment));
}

/**
 * The portfolio section: the project health table — RAG per dimension with the rule that fired, CPI, SPI, SPI(t),
 * the selected EAC with its method (`EAC₁ (BAC / CPI)` …: projects may select different ones) and the forecast finish (IEAC(t) with PF = SPI(t)) — and the office's KPIs.
 *
 * @example
 * ```ts
 * portfolioSection({ asOf: "2026-11-20", projects: [{ code: "WMS", name: "WMS upgrade", rag, evm }], kpis: [{ label: "ERP availability", value: erp.availabilityPercent }] });
 * ```
 */
export function portfolioSection(input: PortfolioSectionInput): ReportSection {
  checkArguments("portfolioSection", { input: [input, "object"] });
  checkOptionKeys("portfolioSection", input, { asOf: 1, projects: 1, kpis: 1, people: 1 } satisfies Record<keyof PortfolioSectionInput, 1>, ["input"]);
  checkArguments("portfolioSection", { "input.projects": [input.projects, "object[]"], "input.people": [input.people, "object?"] });
  // A dimension no project could be rated on (its figures were not supplied) is listed once, not as a column.
  const all = [...new Set(input.projects.flatMap((p) => p.rag.dimensions.map((d) => d.dimension)))];
  const rated = (dim: string) => input.projects.some((p) => p.rag.dimensions.some((d) => d.dimension === dim && d.colour !== undefined));
  const dimensions = all.filter(rated);
  const unrated = all.filter((d) => !rated(d));
  // Grouped by why, in the rules' words: "figures not supplied", or the reason a derived figure is missing (`no-data`:
  // an empty register is not a figure someone forgot to pass).
  const whyUnrated = new Map<string, string[]>();
  for (const dim of unrated) {
    const reasons = new Set(input.projects.flatMap((p) => p.rag.dimensions.filter((d) => d.dimension === dim).flatMap((d) => d.rules.flatMap((r) => (r.missing ? [r.missing.reason === "not-supplied" ? "figures not supplied" : r.missing.reason] : [])))));
    const key = [...reasons].sort().join(", ");
    whyUnrated.set(key, [...(whyUnrated.get(key) ?? []), humanize(dim).toLowerCase()]);
  }
  const overall = (rag: RagStatus): CellValue => {
    const o = rag.overall;
    // No colour is a finding with a reason (too few dimensions rated), never a bare "n/a".
    if (o.colour === undefined) return { reason: o.insufficientData?.reason ?? "not-rated", ...(o.insufficientData ? { detail: o.insufficientData.explanation } : {}) };
    const cell: RagCell = ragCell(o.colour, o.worstDimensions.length > 0 ? `worst: ${o.worstDimensions.map((d) => humanize(d).toLowerCase()).join(", ")}` : "");
    // The summary's words for it (overallRule), so the detail also names the colour the rules computed.
    return o.override ? ragCell(o.colour, overallRule(rag, input.people)) : cell;
  };
  // The grid SPI(t) was read on: once when every project that says it shares it, else per project.
  const grids = new Map<string, string[]>();
  for (const p of input.projects) if (p.earnedValueOptions) grids.set(gridWords(p.earnedValueOptions), [...(grids.get(gridWords(p.earnedValueOptions)) ?? []), p.code]);
  const gridText = grids.size === 0 ? "" : grids.size === 1 ? ` SPI(t) is read on the ${[...grids.keys()][0]}.` : ` SPI(t) is read on ${[...grids].map(([g, codes]) => `the ${g} (${codes.join(", ")})`).join(", ")}.`;
  const rows = input.projects.map((p) => [
    p.code,
    p.name,
    overall(p.rag),
    ...dimensions.map((d) => dimensionCell(p.rag, d)),
    fixed(p.evm.figures.cpi, 2),
    fixed(p.evm.figures.spi, 2),
    fixed(p.evm.schedule.spiT, 2),
    cents(p.evm.figures.selectedEac.value),
    eacMethodCell(p.evm.figures.selectedEac),
    asCell(p.evm.schedule.forecastFinish.spiT),
  ]);
  const sections: ReportSection[] = [];
  if (input.kpis && input.kpis.length > 0) {
    sections.push({
      heading: "KPIs",
      blocks: [{ kind: "table", table: { caption: `KPIs as of ${input.asOf}`, columns: ["KPI", "Figure", "How"], rows: input.kpis.map((k) => [k.label, k.value, k.note ?? ""]) } }],
    });
  }
  return {
    heading: "Portfolio",
    blocks: [
      { kind: "paragraph", text: `${input.projects.length} running project${input.projects.length === 1 ? "" : "s"} at ${input.asOf}. Each RAG cell names the rule that set its colour; EAC is the first computable method of each project's policy, named per row (EAC₁ BAC / CPI, EAC₂ AC + BAC − EV, EAC₃ CPI · SPI, EAC₄ bottom-up, EAC₅ CPI · SPI(t)), the forecast finish is IEAC(t) with PF = SPI(t).${gridText}${[...whyUnrated].map(([why, dims]) => ` Not rated (${why}): ${dims.join(", ")}.`).join("")}` },
      {
        kind: "table",
        table: {
          caption: "Project health",
          columns: ["Project", "Name", "Overall", ...dimensions.map(humanize), "CPI", "SPI", "SPI(t)", { header: "EAC", align: "right" }, "EAC method", "Forecast finish"],
          rows,
        },
      },
    ],
    ...(sections.length > 0 ? { sections } : {}),
  };
}
