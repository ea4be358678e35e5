import { checkArguments, type Decimal, type Metric } from "../core/index.js";
import type { Report, ReportSection, KpiTarget } from "../reports/index.js";
import { executiveSummarySection, intakeSection, portfolioSection, projectSection, requirementsSection, rolloutSection, scheduleSection, fixed, percent, type KpiLine } from "../reports/index.js";
import { groupDigits } from "../reports/cells.js";
import { AVAILABILITY_PLACES, type OfficeAnalysis } from "./office.js";
import type { OfficeSchedule } from "./schedule.js";
import { startedImpactText, type ProjectRisk } from "./risk.js";

/**
 * The KPI targets the office report judges against. The sample data carries no service levels or delivery targets,
 * so these are the run's assumptions (like the intake envelope): every service available at least 99.95% of its
 * agreed time, and at least 80% of closed projects on time and on budget, 80% of active projects healthy.
 *
 * @example
 * ```ts
 * import { OFFICE_KPI_TARGETS } from "pmokit/office";
 *
 * OFFICE_KPI_TARGETS.availabilityPercent; // "99.95"
 * ```
 */
export const OFFICE_KPI_TARGETS = { availabilityPercent: "99.95", onTimePercent: "80", onBudgetPercent: "80", healthPercent: "80" } as const;

/**
 * @internal The KPI name of a service's availability, with the days it covers: "Availability erp (2026-01-01 –
 * 2026-11-20, to status date)" while the year runs, "(2026-01-01 – 2026-12-31, calendar year)" once it is whole.
 */
export function availabilityLabel(service: string, p: OfficeAnalysis["availabilityPeriod"]): string {
  return `Availability ${service} (${p.period.from} – ${p.period.to}, ${p.partial ? "to status date" : "calendar year"}${p.timeZone ? `, ${p.timeZone} days` : ""})`;
}


function summarySection(office: OfficeAnalysis): ReportSection {
  const t = OFFICE_KPI_TARGETS;
  const kpis: KpiTarget[] = [
    ...office.availability.map((a): KpiTarget => ({ label: availabilityLabel(a.service, office.availabilityPeriod), actual: a.availabilityPercent, target: { atLeast: t.availabilityPercent }, unit: "%", places: AVAILABILITY_PLACES })),
    { label: "On-time delivery", actual: office.kpis.onTime.percent, target: { atLeast: t.onTimePercent }, unit: "%", places: 1 },
    { label: "On-budget delivery", actual: office.kpis.onBudget.percent, target: { atLeast: t.onBudgetPercent }, unit: "%", places: 1 },
    { label: "Portfolio health", actual: office.kpis.health.percent, target: { atLeast: t.healthPercent }, unit: "%", places: 1 },
  ];
  const e = office.selection.envelope;
  return executiveSummarySection({
    asOf: office.statusDate,
    projects: office.projects.map((p) => ({ code: p.code, name: p.name, rag: p.rag, decisions: p.raid.decisions })),
    // Every gate of each plan, in planned-date order (the go/no-go last), as `pmokit rollout` judges them: an earlier
    // gate that is NO-GO (a readiness exit) is a decision too, and "Gates NO-GO" counts every gate.
    gates: office.rollouts.flatMap((r) => r.gates.map((evaluation) => ({ rollout: r.name, goLive: r.goLive, evaluation }))),
    selection: { label: `Intake selection ${e.period}`, result: office.selection.result },
    kpis,
    people: office.people,
  });
}

/**
 * The whole office as one report: the executive summary first (RAG counts, what needs a decision, every gate's outcome, KPIs
 * out of {@link OFFICE_KPI_TARGETS}), then — folded in the HTML report — intake, portfolio health and KPIs, one section per running project,
 * the schedule of each project (Gantt, critical path, floats; with `schedule`), requirements and rollout. Dated by the
 * status date only, so the same data gives the same report.
 *
 * @example
 * ```ts
 * writeFileSync("index.html", renderHtmlReport(officeReport(await analyzeOffice(records, { statusDate: "2026-11-20" }))));
 * ```
 */
export function officeReport(office: OfficeAnalysis, schedule?: OfficeSchedule, risks: readonly ProjectRisk[] = []): Report {
  checkArguments("officeReport", { office: [office, "object"], schedule: [schedule, "object?"], risks: [risks, "object[]"] });
  const people = office.people;
  // An active project the RAG rules could not rate is not red, so health counts it among the healthy: named here.
  const ratio = (label: string, k: OfficeAnalysis["kpis"]["onTime"], how: string, unrated: readonly string[] = []): KpiLine => ({
    label,
    value: percent(k.percent, 1),
    note: `${how}: ${k.numerator} of ${k.denominator}${k.notMet.length > 0 ? ` (not: ${k.notMet.join(", ")})` : ""}${unrated.length > 0 ? `; not rated, counted as not red: ${unrated.join(", ")}` : ""}`,
  });
  const kpis: KpiLine[] = [
    ...office.availability.map((a) => ({
      label: availabilityLabel(a.service, office.availabilityPeriod),
      value: percent(a.availabilityPercent, AVAILABILITY_PLACES),
      note: `${groupDigits(a.downtimeMinutes.toFixed())} of ${groupDigits(a.agreedMinutes.toFixed())} agreed minutes down, ${a.failures} unplanned failures${a.conventions.outageSplitting === "count-each-part" ? " (each part of a split outage counted)" : ""}`,
    })),
    ratio("On-time delivery", office.kpis.onTime, "closed projects finished by the baseline finish"),
    ratio("On-budget delivery", office.kpis.onBudget, "closed projects within budget"),
    ratio("Portfolio health", office.kpis.health, "active projects not red, not overdue, no open critical issue", office.kpis.health.unrated),
  ];
  const detail: Report = {
    // Without a portfolio the organisation reads "PMO": "PMO report", not "PMO — PMO report".
    title: office.organisation === "PMO" ? "PMO report" : `${office.organisation} — PMO report`,
    subtitle: "Intake, portfolio, projects, requirements and rollout",
    asOf: office.statusDate,
    sections: [
      // The envelope's capacity is hours per skill (IntakeEnvelope), so that is the unit of the demand rows.
      intakeSection({ scoreboard: office.scoreboard, requests: office.requests, selection: { ...office.selection, demandUnit: "hours" } }),
      portfolioSection({ asOf: office.statusDate, projects: office.projects.map((p) => ({ code: p.code, name: p.name, rag: p.rag, evm: p.series.atStatusDate, earnedValueOptions: p.earnedValueOptions })), kpis, people }),
      ...office.projects.map((p) => projectSection({ code: p.code, name: p.name, series: p.series, earnedValueOptions: p.earnedValueOptions, slips: p.slips, raid: p.raid, people })),
      ...(schedule?.projects ?? []).map((p) => {
        const risk = risks.find((r) => r.code === p.code);
        const section = scheduleSection({
          code: p.code, name: p.name, schedule: p.result, labels: p.labels, links: p.links, baseline: p.baseline, load: p.load, resourceNames: p.resourceNames,
          ...(p.forecast ? { forecast: p.forecast } : {}), ...(p.levelling ? { levelling: p.levelling } : {}),
          ...(risk ? { risk: risk.result, ...(risk.target ? { target: { label: `Planned finish ${risk.target}`, date: risk.target } } : {}) } : {}),
        });
        // A risk's days on started work are not simulated: said under the Monte Carlo figures, as `pmokit risk` says it.
        const notes = (risk?.startedImpacts ?? []).map((i) => `Not simulated: ${startedImpactText(i, risk!.labels)}`);
        return notes.length === 0 || section.sections === undefined ? section : { ...section, sections: section.sections.map((s) => (s.heading === "Schedule risk" ? { ...s, blocks: [...s.blocks, { kind: "list" as const, items: notes }] } : s)) };
      }),
      requirementsSection({ ...office.trace, people }),
      ...office.rollouts.map((r) => rolloutSection({ name: r.name, asOf: office.statusDate, goLive: r.goLive, progress: r.progress, ...(r.gate ? { gate: r.gate } : {}), gates: r.gates, waves: r.waves, burnDown: r.burnDown, items: r.items, people })),
    ],
  };
  // The summary is what the head of the PMO reads; the detail starts folded in the HTML report (print unfolds it).
  return { ...detail, sections: [summarySection(office), ...uniqueChartFiles(detail.sections).map((s): ReportSection => ({ ...s, layout: "collapsed" }))] };
}

// Two rollout plans (or resources) whose names read alike would link one chart file from the Markdown report: the
// later charts get `-2`, `-3`, so each section shows its own.
function uniqueChartFiles(sections: readonly ReportSection[]): ReportSection[] {
  const used = new Set<string>();
  const unique = (s: ReportSection): ReportSection => ({
    ...s,
    blocks: s.blocks.map((b) => {
      if (b.kind !== "chart" || b.file === undefined) return b;
      let file = b.file;
      for (let n = 2; used.has(file); n++) file = b.file.replace(/\.svg$/, `-${n}.svg`);
      used.add(file);
      return file === b.file ? b : { ...b, file };
    }),
    ...(s.sections ? { sections: s.sections.map(unique) } : {}),
  });
  return sections.map(unique);
}
