import { checkArguments, type IsoDate } from "../../core/index.js";
import type { Action, Decision, Issue, Risk } from "../../entities/index.js";
import { overdueActions, pendingDecisions } from "../../status/index.js";
import type { EarnedValueSeries, MilestoneSlip } from "../../variance/index.js";
import { sCurveChart } from "../charts/s-curve.js";
import type { DatedPoint } from "../charts/svg.js";
import type { ReportBlock, ReportSection } from "../report.js";
import { asCell, cents, fixed } from "./shared.js";

/** What a project section shows. */
export interface ProjectSectionInput {
  /** Project code or id (also names the chart file). */
  readonly code: string;
  /** Project name. */
  readonly name: string;
  /** `earnedValueSeries` result. */
  readonly series: EarnedValueSeries;
  /** `milestoneSlips` result. */
  readonly slips?: readonly MilestoneSlip[];
  /** The project's RAID records. */
  readonly raid?: { readonly risks?: readonly Risk[]; readonly issues?: readonly Issue[]; readonly actions?: readonly Action[]; readonly decisions?: readonly Decision[] };
}

const OPEN_RISK = new Set(["open", "monitoring"]);
const OPEN_ISSUE = new Set(["open", "in-progress"]);

function raidBlocks(raid: NonNullable<ProjectSectionInput["raid"]>, asOf: IsoDate): ReportBlock[] {
  const risks = (raid.risks ?? []).filter((r) => OPEN_RISK.has(r.status));
  // Exposure = probability × impact (1–5): the order a risk board reads them in.
  const scored = risks.map((r) => ({ r, exposure: r.probability.times(r.impact) })).sort((a, b) => b.exposure.comparedTo(a.exposure) || a.r.id.localeCompare(b.r.id));
  const issues = (raid.issues ?? []).filter((i) => OPEN_ISSUE.has(i.status));
  const overdue = overdueActions(raid.actions ?? [], { asOf });
  const pending = pendingDecisions(raid.decisions ?? []);
  const blocks: ReportBlock[] = [
    { kind: "paragraph", text: `Open risks ${risks.length}, open issues ${issues.length}, overdue actions ${overdue.length}, decisions pending ${pending.length}.` },
  ];
  if (scored.length > 0) {
    blocks.push({ kind: "table", table: { caption: "Open risks by exposure (probability × impact)", columns: ["Risk", "Title", "Probability", "Impact", "Exposure", "Response", "Owner"], rows: scored.map(({ r, exposure }) => [r.key ?? r.id, r.title, r.probability, r.impact, exposure, r.response, r.ownerId]) } });
  }
  if (issues.length > 0) {
    blocks.push({ kind: "table", table: { caption: "Open issues", columns: ["Issue", "Title", "Severity", "Raised", "Due", "Owner"], rows: issues.map((i) => [i.key ?? i.id, i.title, i.severity, i.raisedOn, i.dueDate ?? "", i.ownerId]) } });
  }
  if (overdue.length > 0) blocks.push({ kind: "list", items: overdue.map((a) => `action ${a.actionId} (${a.ownerId}) due ${a.dueDate}: ${a.daysOverdue} days overdue`) });
  if (pending.length > 0) blocks.push({ kind: "list", items: pending.map((d) => `decision pending: ${d.id} — ${d.title}`) });
  return blocks;
}

/**
 * A project section: the EVM figures at the status date (BAC, PV, EV, AC, SV, CV, CPI, SPI, earned schedule, EAC,
 * TCPI, forecast finish), the S-curve (PV, EV, AC and the forecast paths), the milestone slip ledger (original,
 * baseline, forecast and actual dates, slip in working days) and a RAID summary.
 *
 * @example
 * ```ts
 * const series = earnedValueSeries(input, { statusDate: "2026-11-20", grid: { kind: "monthly" } });
 * projectSection({ code: "PRJ-WMS", name: "WMS upgrade", series, slips: milestoneSlips(ms, baselines, { statusDate: "2026-11-20" }) });
 * ```
 */
export function projectSection(input: ProjectSectionInput): ReportSection {
  checkArguments("projectSection", { input: [input, "object"] });
  checkArguments("projectSection", { "input.series": [input.series, "object"] });
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
        { label: "BAC", value: cents(f.bac) },
        { label: "PV", value: cents(f.pv) },
        { label: "EV", value: cents(f.ev) },
        { label: "AC", value: cents(f.ac) },
        { label: "SV", value: cents(f.sv) },
        { label: "CV", value: cents(f.cv) },
        { label: "CPI", value: fixed(f.cpi, 2) },
        { label: "SPI", value: fixed(f.spi, 2) },
        { label: "SPI(t)", value: fixed(s.spiT, 2) },
        { label: "SV(t) working days", value: fixed(s.svT, 1) },
        { label: `EAC (${f.selectedEac.method ?? "none"})`, value: cents(f.selectedEac.value) },
        { label: "TCPI (BAC)", value: fixed(f.tcpiBac, 2) },
        { label: "Forecast finish", value: asCell(s.forecastFinish.spiT) },
        { label: "% complete", value: fixed(f.percentComplete, 1) },
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
      file: `charts/s-curve-${input.code}.svg`,
    });
  }
  if (r.warnings.length > 0) blocks.push({ kind: "list", items: r.warnings.map((w) => `${w.code}: ${w.message}`) });
  const sections: ReportSection[] = [];
  if (input.slips && input.slips.length > 0) {
    sections.push({
      heading: "Milestone slip ledger",
      blocks: [{
        kind: "table",
        table: {
          columns: ["Milestone", "Key", "Original", "Baseline", "Forecast", "Actual", "Slip (wd)", "Slip from original (wd)", "Status"],
          rows: input.slips.map((m) => [m.name, m.key, m.originalDate ?? "", m.baselineDate ?? "", m.forecastDate ?? "", m.actualDate ?? "", m.slip ?? "", m.slipFromOriginal ?? "", m.status]),
        },
      }],
    });
  }
  if (input.raid) sections.push({ heading: "RAID summary", blocks: raidBlocks(input.raid, r.statusDate) });
  return { heading: `${input.code} — ${input.name}`, blocks, ...(sections.length > 0 ? { sections } : {}) };
}
