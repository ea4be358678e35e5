/**
 * office (`pmokit/office`): the whole office in a few calls — the sample office (Northwind Logistics' IT PMO, bundled
 * with the package, so examples need no file) and the builders the `pmokit` command runs on it: `analyzeOffice`
 * (intake scoring and selection, earned value, RAG, traceability, rollout gates and KPIs at a status date),
 * `analyzeOfficeSchedule` (CPM per project), `analyzeOfficeRisk` (seeded Monte Carlo) and `officeReport` (all of it
 * as one `Report` for the `pmokit/reports` renderers). Pure: no clock, no file system, no `node:` import — it runs
 * where the core runs.
 *
 * @example
 * ```ts
 * import { analyzeOffice, officeReport, sampleOfficeRecords, SAMPLE_STATUS_DATE } from "pmokit/office";
 * import { renderMarkdownReport } from "pmokit/reports";
 *
 * const office = await analyzeOffice(sampleOfficeRecords(), { statusDate: SAMPLE_STATUS_DATE });
 * const markdown = renderMarkdownReport(officeReport(office));
 * ```
 *
 * @module
 */
export { loadSampleOffice, sampleOfficeRecords, SAMPLE_KINDS, SAMPLE_STATUS_DATE, type SampleOfficeRecords, type SampleOfficeWire } from "./sample.js";
// The builders are the CLI's own (src/cli keeps them while the command is reworked); this entry is their public name.
export {
  analyzeOffice, intakeProblem, DEMO_ENVELOPE, INTAKE_MODEL,
  type AnalyzeOfficeOptions, type AvailabilityPeriod, type IntakeEnvelope, type IntakeScore, type IntakeSelection, type OfficeAnalysis, type OfficeKpiOptions, type ProjectAnalysis, type RolloutAnalysis,
} from "../cli/office.js";
export { analyzeOfficeSchedule, earnedScheduleFinishes, upstreamOf, type OfficeSchedule, type OfficeScheduleOptions, type ProjectSchedule } from "../cli/schedule.js";
export { analyzeOfficeRisk, type OfficeRiskOptions, type ProjectRisk } from "../cli/risk.js";
export { officeReport, OFFICE_KPI_TARGETS } from "../cli/office-report.js";
