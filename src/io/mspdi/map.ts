import { ValidationError, checkArguments, checkOptionKeys, type IsoDate } from "../../core/index.js";
import type { EntityOf } from "../../entities/index.js";
import { createReportBuilder, type ImportReport, type ReportBuilder } from "../report.js";
import type { ImportedRecords } from "../records.js";
import { createMspdiDecoder, createMspdiIdCheck, mspdiMapContext, mspdiTaskFinishDay, type MspdiMapContext, type MspdiMappingOptions } from "./context.js";
import { isInactiveMspdiTask, isMappedMspdiTask, warnInactiveMspdiTask } from "./fields.js";
import { addMspdiBaselineEntry, createMspdiChildCosts, MSPDI_BASELINE_NUMBERS, mspdiBaselineRecord, newMspdiBaselineDraft } from "./map-baseline.js";
import { mapMspdiProject } from "./map-project.js";
import { mapMspdiTask } from "./map-task.js";
import { createMspdiOutline, createMspdiSpan } from "./outline.js";
import type { MspdiDocument } from "./read.js";
import { mspdiResources, type MspdiResourceContext } from "./resources.js";

export type { MspdiMappingOptions } from "./context.js";

/** @internal The keys of {@link MspdiMappingOptions}. */
export const MSPDI_MAPPING_KEYS = {
  projectId: 1, projectCode: 1, projectManagerId: 1, sponsorId: 1, importedBy: 1, importedAt: 1, costCategory: 1, expenditure: 1, percentLagUnit: 1,
} satisfies Record<keyof MspdiMappingOptions, 1>;

/**
 * Maps a read MSPDI document to pmokit entities: the project (dates, status date, calendar with exceptions), one
 * work package per task (summary tasks become parents; WBS code from the outline number; budget = task cost over
 * its dates; earning rule from the EV method; progress from % complete and physical % complete at the status
 * date; actual start and finish; duration in working days at the file's minutes per day), the schedule logic of
 * packages and milestones (predecessor links with their type and lag, constraints, deadlines), milestones (baseline,
 * forecast and actual dates), one baseline per baseline number 0–10 used, one cost entry per task with actual cost,
 * and the work resources and their assignments (see `mspdiResources`). Money is rounded half-up to the currency's
 * minor unit (each rounding reported); a summary task's own fixed cost is budgeted on its package. Every record is
 * validated; what has no place in pmokit (material and cost resources, rate tables B–E, time-phased rows, task work
 * hours, working exceptions, MS Project's computed early/late dates and slack) is listed in the report.
 *
 * @throws {ValidationError} when a mapped record is invalid (nothing is returned half-mapped).
 * @example
 * ```ts
 * const { document } = readMspdi(xml);
 * const { records, report } = mspdiToPmokit(document, { projectId: "prj-erp", projectCode: "PRJ-ERP",
 *   projectManagerId: "p-rui", sponsorId: "p-ana", importedBy: "p-ana", importedAt: "2026-11-25T12:00:00.000Z" });
 * await writeImportedRecords(adapter, records);
 * ```
 */
export function mspdiToPmokit(document: MspdiDocument, options: MspdiMappingOptions): { records: ImportedRecords; report: ImportReport } {
  checkArguments("mspdiToPmokit", { options: [options, "object"] });
  checkOptionKeys("mspdiToPmokit", options, MSPDI_MAPPING_KEYS);
  const report = createReportBuilder("mspdi");
  const p = document.project;
  const tasks = (p.lists["tasks"] ?? []).filter(isMappedMspdiTask);
  const issues: ValidationError[] = [];
  const decode = createMspdiDecoder(issues);
  const outline = createMspdiOutline(options.projectId);
  for (const t of tasks) outline.add(t);
  const repeated = outline.problems();
  if (repeated) issues.push(repeated);
  const ctx = mspdiMapContext(p, document.currency, options, outline);
  // The project ends where its last task's work ends (a Finish at Monday 08:00 is Friday's work).
  const span = createMspdiSpan(p, (t) => mspdiTaskFinishDay(t, ctx));
  for (const t of tasks) span.add(t);
  const { project, start } = mapMspdiProject(p, ctx, span.result(ctx.statusDate), report, decode);

  const packages: EntityOf<"work-package">[] = [];
  const milestones: EntityOf<"milestone">[] = [];
  const costs: EntityOf<"cost-entry">[] = [];
  for (const t of p.lists["tasks"] ?? []) {
    if (isInactiveMspdiTask(t)) warnInactiveMspdiTask(t, report);
    if (!isMappedMspdiTask(t)) continue;
    const r = mapMspdiTask(t, ctx, report, decode);
    if (r.milestone) milestones.push(r.milestone);
    if (r.workPackage) packages.push(r.workPackage);
    if (r.costEntry) costs.push(r.costEntry);
  }

  const children = createMspdiChildCosts(ctx.currency);
  for (const t of tasks) children.addTask(t, ctx.parentOf(t));
  const baselines: EntityOf<"baseline">[] = [];
  for (const n of MSPDI_BASELINE_NUMBERS) {
    const draft = newMspdiBaselineDraft();
    for (const t of tasks) addMspdiBaselineEntry(draft, t, n, ctx, report, children);
    const b = mspdiBaselineRecord(n, draft, ctx, report, decode);
    if (b) baselines.push(b);
  }

  const packageIds = new Set(packages.map((w) => w.id));
  const staffing = mspdiResources(p, mspdiResourceContext(ctx, start, (id) => packageIds.has(id)), report);
  const onceResource = createMspdiIdCheck("resource", issues);
  const onceAssignment = createMspdiIdCheck("assignment", issues);
  const uidOf = (id: string, prefix: string) => id.slice(`${options.projectId}-${prefix}`.length);
  const resources = staffing.resources.flatMap((r) => (onceResource(r.id, uidOf(r.id, "r")) ? decode("resource", r, `Resource[${r.id}]`) ?? [] : []));
  const assignments = staffing.assignments.flatMap((a) => (onceAssignment(a.id, uidOf(a.id, "a")) ? decode("assignment", a, `Assignment[${a.id}]`) ?? [] : []));
  const timephased = tasks.reduce((s, t) => s + (t.lists["timephased"]?.length ?? 0), 0) +
    (p.lists["assignments"] ?? []).reduce((s, a) => s + (a.lists["timephased"]?.length ?? 0), 0);
  reportMspdiUnmappedTail(report, timephased);

  if (issues.length > 0) throw new ValidationError(issues.flatMap((e) => e.issues), "MSPDI import");
  return {
    records: { project: project ? [project] : [], resource: resources, "work-package": packages, milestone: milestones, assignment: assignments, baseline: baselines, "cost-entry": costs },
    report: report.finish(),
  };
}

/**
 * The context of the resource mapping: assignments go to tasks mapped as packages (`isPackage` of the task's id).
 * @internal
 * @example
 * ```ts
 * mspdiResources(project, mspdiResourceContext(ctx, start, (id) => packageIds.has(id)), report);
 * ```
 */
export function mspdiResourceContext(ctx: MspdiMapContext, start: IsoDate | undefined, isPackage: (id: string) => boolean): MspdiResourceContext {
  return {
    projectId: ctx.options.projectId, currency: ctx.currency, projectStart: (start ?? "1984-01-01") as IsoDate, stamp: ctx.stamp,
    packageOf: (uid) => { const id = ctx.idOf(uid); return id && isPackage(id) ? id : undefined; },
  };
}

/**
 * The report lines every MSPDI import ends with: time-phased rows read but not mapped, task work, and MS Project's
 * computed dates and slack.
 * @internal
 * @example
 * ```ts
 * reportMspdiUnmappedTail(report, 2358);
 * ```
 */
export function reportMspdiUnmappedTail(report: ReportBuilder, timephasedRows: number): void {
  if (timephasedRows > 0) report.unmapped("Project/*/TimephasedData", "TimephasedData", `${timephasedRows} time-phased rows read, not mapped (budgets are one slice per task)`);
  report.unmapped("Project/Tasks/Task", "Work", "work hours have no pmokit field (budgets are money)");
  report.unmapped("Project/Tasks/Task", "EarlyStart, EarlyFinish, LateStart, LateFinish, TotalSlack, FreeSlack, Critical", "computed by MS Project; pmokit computes its own (scheduleNetwork)");
}
