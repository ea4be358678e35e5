import type { EntityOf } from "../../entities/index.js";
import type { IsoDate } from "../../core/index.js";
import type { ReportBuilder } from "../report.js";
import { reportUnexpandedExceptions, resolveMspdiCalendar } from "./calendar.js";
import type { MspdiDecode, MspdiMapContext } from "./context.js";
import type { MspdiElement } from "./element.js";
import { fieldDay, fieldNum, fieldStr } from "./fields.js";

/**
 * The project record of an MSPDI project element (its fields and calendars; tasks only through `span`): dates over
 * the project's and every task's, the status date, the active baseline, and the project calendar with its
 * non-working exceptions (working exceptions are reported).
 * @internal
 * @example
 * ```ts
 * const { project, start } = mapMspdiProject(document.project, ctx, span.result(ctx.statusDate), report, decode);
 * ```
 */
export function mapMspdiProject(
  p: MspdiElement,
  ctx: MspdiMapContext,
  span: { start: IsoDate | undefined; finish: IsoDate | undefined },
  report: ReportBuilder,
  decode: MspdiDecode,
): { project: EntityOf<"project"> | undefined; start: IsoDate | undefined } {
  const { options } = ctx;
  const calUid = fieldStr(p, "CalendarUID");
  const cal = calUid ? resolveMspdiCalendar(p.lists["calendars"] ?? [], calUid) : undefined;
  for (const w of cal?.workingExceptions ?? []) {
    report.warn(`Project/Calendars/Calendar[UID=${calUid}]`, `working exception on ${w.date} (${w.name}) cannot be held by a pmokit calendar`, "working-exception");
  }
  reportUnexpandedExceptions(report, `Project/Calendars/Calendar[UID=${calUid}]`, cal);
  report.count("calendar-exception-days", cal?.holidays.length ?? 0);
  const { start, finish } = span;
  const declared = fieldDay(p, "FinishDate");
  if (declared !== undefined && start !== undefined && declared < start) {
    report.warn("Project/FinishDate", `FinishDate ${declared} is before the start ${start}; the latest task finish is used`, "finish-before-start");
  }
  const project = decode("project", {
    id: options.projectId, ...ctx.stamp, code: options.projectCode, name: fieldStr(p, "Title") ?? fieldStr(p, "Name") ?? options.projectCode,
    projectManagerId: options.projectManagerId, sponsorId: options.sponsorId, scope: {}, budget: { currency: ctx.currency, lines: [] },
    plannedStart: start, plannedFinish: finish, lifecycle: "executing",
    // No StatusDate ("NA") is MS Project's current date (the project's CurrentDate), as Project Server reads it.
    ...(ctx.statusDate ? { statusDate: ctx.statusDate } : {}),
    activeBaseline: fieldNum(p, "BaselineForEarnedValue") ?? 0,
    ...(cal ? { calendar: { name: cal.name, workingWeekdays: cal.workingWeekdays, holidays: cal.holidays } } : {}),
  }, "Project");
  return { project, start };
}
