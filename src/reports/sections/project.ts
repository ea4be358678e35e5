import { checkArguments, checkOptionKeys, type IsoDate } from "../../core/index.js";
import type { Action, Decision, Issue, Risk } from "../../entities/index.js";
import { overdueActions, pendingDecisions } from "../../status/index.js";
// The status layer's own as-of rules, so the section counts what the RAG rules count.
import { issueOpenOn, riskAssessmentOn, riskPendingOn } from "../../status/as-of.js";
import type { EarnedValueSeries, MilestoneSlip } from "../../variance/index.js";
import { sCurveChart } from "../charts/s-curve.js";
import { earnedValueWarningText } from "./ev-warnings.js";
import type { DatedPoint } from "../charts/svg.js";
import { toneCell, type CellValue } from "../cells.js";
import type { ReportBlock, ReportSection } from "../report.js";
import { asCell, byCodePoint, cents, chartFile, fixed, gridWords, humanize, percent, personName, scheduleTimeUnit, type EarnedValueGridOptions, type PeopleNames } from "./shared.js";

/** What a project section shows. */
export interface ProjectSectionInput {
  /** Project code or id (also names the chart file). */
  readonly code: string;
  /** Project name. */
  readonly name: string;
  /** `earnedValueSeries` result. */
  readonly series: EarnedValueSeries;
  /**
   * The options `earnedValueSeries` ran with (its grid and `policy.timeUnit` are read): the section then names the
   * grid SPI(t) was read on ("SPI(t), monthly grid") and gives SV(t) in its unit — working days, or the grid's periods
   * under `timeUnit: "periods"`. Without them no grid is named and SV(t) reads in working days, earnedValue's default.
   */
  readonly earnedValueOptions?: EarnedValueGridOptions;
  /** `milestoneSlips` result. */
  readonly slips?: readonly MilestoneSlip[];
  /** The project's RAID records. */
  readonly raid?: { readonly risks?: readonly Risk[]; readonly issues?: readonly Issue[]; readonly actions?: readonly Action[]; readonly decisions?: readonly Decision[] };
  /** People's names by id: owners of risks, issues and actions are shown by name. */
  readonly people?: PeopleNames;
}

// Milestone states that need attention carry a tone; the state's words stay in the cell.
const SLIP_TONE: Partial<Record<MilestoneSlip["status"], "bad" | "warning">> = { overdue: "bad", "forecast-late": "warning" };
const slipStatus = (status: MilestoneSlip["status"]): CellValue => {
  const words = humanize(status).toLowerCase();
  const tone = SLIP_TONE[status];
  return tone === undefined ? words : toneCell(tone, words);
};
// The ledger reads in plan order: by baseline date (then original, forecast, actual), then name.
const planDate = (m: MilestoneSlip) => m.baselineDate ?? m.originalDate ?? m.forecastDate ?? m.actualDate ?? "9999-12-31";
const byPlanDate = (a: MilestoneSlip, b: MilestoneSlip) => byCodePoint(planDate(a), planDate(b)) || byCodePoint(a.name, b.name) || byCodePoint(a.id, b.id);
// A slip needs a date to measure from (the baseline or original) and one to measure to (actual, else forecast): a
// missing one reads `n/a (reason)` like every other missing figure, never an empty cell.
const slipCell = (slip: number | undefined, from: IsoDate | undefined, m: MilestoneSlip): CellValue =>
  slip !== undefined ? slip : from === undefined ? { reason: "no-baseline" } : m.actualDate ?? m.forecastDate ? null : { reason: "not-supplied", detail: "no forecast or actual date" };

function raidBlocks(raid: NonNullable<ProjectSectionInput["raid"]>, asOf: IsoDate, people: PeopleNames | undefined): ReportBlock[] {
  const who = (id: string) => personName(people, id);
  // Everything as of the status date, as the RAG rules and the executive summary count it: a record raised later did
  // not exist yet, one closed, resolved or decided later was still open then.
  const risks = (raid.risks ?? []).flatMap((r, i) => (riskPendingOn(r, asOf, ["raid", "risks", i], "project report") ? [{ r, then: riskAssessmentOn(r, asOf, ["raid", "risks", i], "project report") }] : []));
  // Exposure = probability × impact (1–5), by the assessment in force on asOf: the order a risk board reads them in.
  const scored = risks.map(({ r, then }) => ({ r, then, exposure: then.probability.times(then.impact) })).sort((a, b) => b.exposure.comparedTo(a.exposure) || byCodePoint(a.r.id, b.r.id));
  const issues = (raid.issues ?? []).filter((i) => issueOpenOn(i, asOf));
  const overdue = overdueActions(raid.actions ?? [], { asOf });
  const pending = pendingDecisions(raid.decisions ?? [], { asOf });
  const blocks: ReportBlock[] = [
    { kind: "paragraph", text: `Open risks ${risks.length}, open issues ${issues.length}, overdue actions ${overdue.length}, decisions pending ${pending.length}.` },
  ];
  if (scored.length > 0) {
    blocks.push({ kind: "table", table: { caption: "Open risks by exposure (probability × impact)", columns: ["Risk", "Title", "Probability", "Impact", "Exposure", "Response", "Owner"], rows: scored.map(({ r, then, exposure }) => [r.key ?? r.id, r.title, then.probability, then.impact, exposure, r.response, who(r.ownerId)]) } });
    // A risk without assessment history changed since asOf is shown with its current values, and says so.
    const assumed = scored.flatMap(({ r, then }) => (then.why ? [`risk ${r.key ?? r.id}: ${then.why}`] : []));
    if (assumed.length > 0) blocks.push({ kind: "list", items: assumed });
  }
  if (issues.length > 0) {
    // A Due column only when some issue has a due date: an all-empty column says nothing.
    const due = issues.some((i) => i.dueDate !== undefined);
    blocks.push({
      kind: "table",
      table: {
        caption: "Open issues",
        columns: ["Issue", "Title", "Severity", "Raised", ...(due ? ["Due"] : []), "Owner"],
        rows: issues.map((i) => [i.key ?? i.id, i.title, i.severity, i.raisedOn, ...(due ? [i.dueDate ?? ""] : []), who(i.ownerId)]),
      },
    });
  }
  // A record counted only because the day it was closed is not recorded says so, in the words of the status layer.
  const because = (why: string | undefined) => (why === undefined ? "" : ` (${why})`);
  if (overdue.length > 0) blocks.push({ kind: "list", items: overdue.map((a) => `action ${a.actionId} (${who(a.ownerId)}) due ${a.dueDate}: ${a.daysOverdue} days overdue${because(a.statusUnknown ? a.why : undefined)}`) });
  if (pending.length > 0) blocks.push({ kind: "list", items: pending.map((d) => `decision pending: ${d.id} — ${d.title}${because(d.statusUnknown ? d.why : undefined)}`) });
  return blocks;
}

/**
 * A project section: the EVM figures at the status date (BAC, PV, EV, AC, SV, CV, CPI, SPI, earned schedule, EAC,
 * TCPI, forecast finish), the S-curve (PV, EV, AC and the forecast paths), the milestone slip ledger (original,
 * baseline, forecast and actual dates, slip in working days) and a RAID summary. Pass `earnedValueOptions` (the
 * options the series was computed with) to have the grid of SPI(t) named and SV(t) labelled in its unit.
 *
 * @example
 * ```ts
 * const series = earnedValueSeries(input, { statusDate: "2026-11-20", grid: { kind: "monthly" } });
 * projectSection({ code: "PRJ-WMS", name: "WMS upgrade", series, slips: milestoneSlips(ms, baselines, { statusDate: "2026-11-20" }), earnedValueOptions: { grid: { kind: "monthly" } } });
 * ```
 */
export function projectSection(input: ProjectSectionInput): ReportSection {
  checkArguments("projectSection", { input: [input, "object"] });
  checkOptionKeys("projectSection", input, { code: 1, name: 1, series: 1, earnedValueOptions: 1, slips: 1, raid: 1, people: 1 } satisfies Record<keyof ProjectSectionInput, 1>, ["input"]);
  checkOptionKeys("projectSection", input.earnedValueOptions, { statusDate: 1, baseline: 1, calendar: 1, grid: 1, policy: 1, fxRates: 1 } satisfies Record<keyof EarnedValueGridOptions, 1>, ["input", "earnedValueOptions"]);
  checkOptionKeys("projectSection", input.raid, { risks: 1, issues: 1, actions: 1, decisions: 1 } satisfies Record<keyof NonNullable<ProjectSectionInput["raid"]>, 1>, ["input", "raid"]);
  checkArguments("projectSection", { "input.series": [input.series, "object"], "input.people": [input.people, "object?"], "input.earnedValueOptions": [input.earnedValueOptions, "object?"] });
  const evOptions = input.earnedValueOptions;
  const r = input.series.atStatusDate;
  const f = r.figures;
  const s = r.schedule;
  const points = input.series.points;
  const line = (pick: (p: (typeof points)[number]) => DatedPoint["value"] | undefined): DatedPoint[] =>
    points.flatMap((p) => {
      const v = pick(p);
      return v === undefined ? [] : [{ date: p.date, value: v }];
    });
  const blocks: ReportBlock[] = [
    {
      kind: "figures",
      items: [
        { label: "Budget at completion (BAC)", value: cents(f.bac) },
        { label: "Planned value (PV)", value: cents(f.pv) },
        { label: "Earned value (EV)", value: cents(f.ev) },
        { label: "Actual cost (AC)", value: cents(f.ac) },
        { label: "Schedule variance (SV)", value: cents(f.sv) },
        { label: "Cost variance (CV)", value: cents(f.cv) },
        { label: "Cost performance index (CPI)", value: fixed(f.cpi, 2) },
        { label: "Schedule performance index (SPI)", value: fixed(f.spi, 2) },
        { label: `Time-based schedule performance index SPI(t)${evOptions ? `, ${gridWords(evOptions)}` : ""}`, value: fixed(s.spiT, 2) },
        { label: `Time-based schedule variance SV(t), ${scheduleTimeUnit(evOptions)}`, value: fixed(s.svT, 1) },
        { label: `Estimate at completion (EAC, ${f.selectedEac.method === undefined ? "none computable" : `method ${f.selectedEac.method}`})`, value: cents(f.selectedEac.value) },
        { label: "To-complete performance index (TCPI, to BAC)", value: fixed(f.tcpiBac, 2) },
        { label: "Forecast finish", value: asCell(s.forecastFinish.spiT) },
        { label: "Complete", value: percent(f.percentComplete, 1) },
      ],
    },
  ];
  if (points.length > 0) {
    const eacPath = line((p) => p.eacPath);
    const ieacPath = line((p) => p.ieacPath);
    blocks.push({
      kind: "chart",
      svg: sCurveChart({
        title: `${input.code} S-curve`,
        description: `Cumulative planned value, earned value and actual cost of ${input.name} to ${r.statusDate}, with forecast paths to the EAC and the forecast finish.`,
        pv: line((p) => p.pv),
        ev: line((p) => p.ev),
        ac: line((p) => p.ac),
        forecast: { ...(eacPath.length > 0 ? { ac: eacPath } : {}), ...(ieacPath.length > 0 ? { ev: ieacPath } : {}) },
        statusDate: r.statusDate,
      }),
      caption: `${input.code}: PV, EV and AC to ${r.statusDate}; dashed lines forecast cost to EAC and value to BAC.`,
      file: chartFile("s-curve", input.code),
    });
  }
  // Packages by name with id, as `pmokit evm` names them (the calculator's message names the id only).
  if (r.warnings.length > 0) blocks.push({ kind: "list", items: r.warnings.map((w) => `${w.code}: ${earnedValueWarningText(w, r.packages)}`) });
  const sections: ReportSection[] = [];
  if (input.slips && input.slips.length > 0) {
    sections.push({
      heading: "Milestone slip ledger",
      blocks: [{
        kind: "table",
        table: {
          caption: "Milestones in baseline order (slips in working days; positive = later; a forecast passed without an actual slips at least to the status date)",
          columns: ["Milestone", "Key milestone", "Original", "Baseline", "Forecast", "Actual", "Slip", "Slip from original", "Status"],
          // A forecast day already passed, not reached: the slip beside it runs to the status date, so the cell says why.
          rows: [...input.slips].sort(byPlanDate).map((m) => [m.name, m.key, m.originalDate ?? "", m.baselineDate ?? "", m.forecastPassed ? toneCell("warning", `${m.forecastDate} (passed, not reached)`) : m.forecastDate ?? "", m.actualDate ?? "", slipCell(m.slip, m.baselineDate, m), slipCell(m.slipFromOriginal, m.originalDate, m), slipStatus(m.status)]),
        },
      }],
    });
  }
  if (input.raid) sections.push({ heading: "RAID summary", blocks: raidBlocks(input.raid, r.statusDate, input.people) });
  return { heading: `${input.code} — ${input.name}`, blocks, ...(sections.length > 0 ? { sections } : {}) };
}
