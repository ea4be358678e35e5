import { checkArguments } from "../core/index.js";
import type { Report } from "../reports/index.js";
import { intakeSection, portfolioSection, projectSection, requirementsSection, rolloutSection, scheduleSection, fixed, type KpiLine } from "../reports/index.js";
import type { OfficeAnalysis } from "./office.js";
import type { OfficeSchedule } from "./schedule.js";
import type { ProjectRisk } from "./risk.js";

/**
 * The whole office as one report: intake, portfolio health and KPIs, one section per running project,
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
  const ratio = (label: string, k: OfficeAnalysis["kpis"]["onTime"], how: string): KpiLine => ({
    label,
    value: fixed(k.percent, 1),
    note: `${how}: ${k.numerator} of ${k.denominator}${k.notMet.length > 0 ? ` (not: ${k.notMet.join(", ")})` : ""}`,
  });
  const kpis: KpiLine[] = [
    ...office.availability.map((a) => ({
      label: `Availability ${a.service} (year to date)`,
      value: fixed(a.availabilityPercent, 4),
      note: `${a.downtimeMinutes.toFixed()} of ${a.agreedMinutes.toFixed()} agreed minutes down, ${a.failures} unplanned failures`,
    })),
    ratio("On-time delivery %", office.kpis.onTime, "closed projects finished by the baseline finish"),
    ratio("On-budget %", office.kpis.onBudget, "closed projects within budget"),
    ratio("Portfolio health %", office.kpis.health, "active projects not red, not overdue, no open critical issue"),
  ];
  return {
    title: `${office.organisation} — PMO report`,
    subtitle: "Intake, portfolio, projects, requirements and rollout",
    asOf: office.statusDate,
    sections: [
      intakeSection({ scoreboard: office.scoreboard, requests: office.requests, selection: office.selection }),
      portfolioSection({ asOf: office.statusDate, projects: office.projects.map((p) => ({ code: p.code, name: p.name, rag: p.rag, evm: p.series.atStatusDate })), kpis }),
      ...office.projects.map((p) => projectSection({ code: p.code, name: p.name, series: p.series, slips: p.slips, raid: p.raid })),
      ...(schedule?.projects ?? []).map((p) => {
        const risk = risks.find((r) => r.code === p.code);
        return scheduleSection({
          code: p.code, name: p.name, schedule: p.result, links: p.links, baseline: p.baseline, load: p.load, resourceNames: p.resourceNames,
          ...(p.forecast ? { forecast: p.forecast } : {}), ...(p.levelling ? { levelling: p.levelling } : {}),
          ...(risk ? { risk: risk.result, ...(risk.target ? { target: { label: `Planned finish ${risk.target}`, date: risk.target } } : {}) } : {}),
        });
      }),
      requirementsSection(office.trace),
      ...office.rollouts.map((r) => rolloutSection({ name: r.name, asOf: office.statusDate, goLive: r.goLive, progress: r.progress, ...(r.gate ? { gate: r.gate } : {}), waves: r.waves, burnDown: r.burnDown })),
    ],
  };
}
