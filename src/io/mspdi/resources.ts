import { money, roundMoney, type Decimal, type IsoDate } from "../../core/index.js";
import type { WireOf } from "../../entities/index.js";
import type { ReportBuilder } from "../report.js";
import { reportUnexpandedExceptions, resolveMspdiCalendar } from "./calendar.js";
import type { MspdiElement } from "./element.js";
import { durationHours } from "./values.js";

/*
 * MSPDI resources and assignments ↔ pmokit `resource` and `assignment` records.
 */

/** MSPDI `WorkContour` 0–8 → pmokit contour. */
export const MSPDI_CONTOURS: readonly WireOf<"assignment">["contour"][] = [
  "flat", "back-loaded", "front-loaded", "double-peak", "early-peak", "late-peak", "bell", "turtle", "contoured",
];

const text = (el: MspdiElement, f: string): string | undefined => {
  const v = el.fields[f];
  return typeof v === "string" && v !== "" ? v : undefined;
};
const hours = (el: MspdiElement, f: string): string | undefined => {
  const v = el.fields[f];
  return typeof v === "object" && "kind" in v && v.kind === "duration" ? durationHours(v).toFixed() : undefined;
};
const perHour = (el: MspdiElement, f: string): Decimal | undefined => {
  const v = el.fields[f];
  return typeof v === "object" && "kind" in v && v.kind === "rate" ? v.perHour : undefined;
};

/** What {@link mspdiResources} needs from the mapping. */
export interface MspdiResourceContext {
  /** Id prefix (the project id). */
  readonly projectId: string;
  /** Currency of the file. */
  readonly currency: string;
  /** Project start: the first rate's date when a resource has no rate table. */
  readonly projectStart: IsoDate;
  /** Stored-entity stamp. */
  readonly stamp: { readonly version: number; readonly createdAt: string; readonly updatedAt: string };
  /** Task UID → work package id (summary and leaf packages; milestones are not assignable). */
  readonly packageOf: (taskUid: string) => string | undefined;
}

/**
 * Maps MSPDI work resources to `resource` records (`<projectId>-r<UID>`): generic resources (`IsGeneric`) become
 * roles, the others named people without a person record; max units (1 = 100 %), the resource calendar (resolved
 * through its base calendar), and cost rate table A by date (standard and overtime rates per hour, cost per use,
 * rounded half-up to the currency's minor unit). Assignments of those resources to non-milestone tasks become
 * `assignment` records (`<projectId>-a<UID>`) with units, work and actual work in hours, and the contour. Material and
 * cost resources, rate tables B–E, unassigned rows and assignments of milestones are reported, not mapped.
 *
 * @example
 * ```ts
 * const { resources, assignments } = mspdiResources(document.project, ctx, report);
 * ```
 */
export function mspdiResources(project: MspdiElement, ctx: MspdiResourceContext, report: ReportBuilder): { resources: WireOf<"resource">[]; assignments: WireOf<"assignment">[] } {
  const { resources, ids } = mspdiResourceList(project.lists["resources"] ?? [], project.lists["calendars"] ?? [], ctx, report);
  const assignments = (project.lists["assignments"] ?? []).flatMap((a) => mspdiAssignment(a, ids, ctx, report) ?? []);
  return { resources, assignments };
}

/**
 * The `resource` records of an MSPDI resource list (see {@link mspdiResources}) and the resource id of each UID.
 *
 * @example
 * ```ts
 * const { resources, ids } = mspdiResourceList(document.project.lists.resources, document.project.lists.calendars, ctx, report);
 * ```
 */
export function mspdiResourceList(
  list: readonly MspdiElement[],
  calendars: readonly MspdiElement[],
  ctx: MspdiResourceContext,
  report: ReportBuilder,
): { resources: WireOf<"resource">[]; ids: ReadonlyMap<string, string> } {
  const resources: WireOf<"resource">[] = [];
  const ids = new Map<string, string>();
  for (const r of list) {
    const uid = text(r, "UID") ?? "?";
    const where = `Resource[UID=${uid}]`;
    const name = text(r, "Name");
    if (name === undefined) continue; // MS Project's nameless resource 0
    if (text(r, "Type") === "0" || text(r, "Type") === "2" || text(r, "IsCostResource") === "1" || text(r, "IsBudget") === "1") {
      report.unmapped("Project/Resources/Resource", "Type", "material, cost and budget resources have no units to schedule; left out");
      continue;
    }
    const units = text(r, "MaxUnits") ?? "1";
    if (!/^\d+(\.\d+)?$/.test(units) || Number(units) <= 0) {
      report.warn(`${where}/MaxUnits`, `max units ${units} is not above zero; resource left out`, "zero-capacity");
      continue;
    }
    const rate = (m: Decimal | undefined) => (m ? { amount: roundMoney(money(m, ctx.currency), { rounding: "half-up" }).amount.toFixed(), currency: ctx.currency } : undefined);
    const tableA = (r.lists["rates"] ?? []).filter((x) => (text(x, "RateTable") ?? "0") === "0");
    if ((r.lists["rates"] ?? []).length > tableA.length) report.unmapped("Project/Resources/Resource/Rates/Rate", "RateTable", "cost rate tables B–E are not mapped (table A is)");
    const rows = tableA.length > 0 ? tableA : [r];
    const costRates = rows.flatMap((x, i) => {
      const from = tableA.length > 0 ? text(x, "RatesFrom")?.slice(0, 10) : ctx.projectStart;
      const std = rate(perHour(x, "StandardRate")) ?? { amount: "0", currency: ctx.currency };
      const ot = rate(perHour(x, "OvertimeRate"));
      const use = x.fields["CostPerUse"];
      const perUse = typeof use === "object" && "currency" in use && !use.amount.isZero() ? rate(use.amount) : undefined;
      if (!from || (i > 0 && from <= (text(rows[i - 1]!, "RatesFrom") ?? "").slice(0, 10))) return [];
      return [{ effectiveFrom: from, perHour: std, ...(ot && ot.amount !== std.amount && Number(ot.amount) > 0 ? { overtimePerHour: ot } : {}), ...(perUse ? { perUse } : {}) }];
    });
    const calUid = text(r, "CalendarUID");
    const cal = calUid && calUid !== "-1" ? resolveMspdiCalendar(calendars, calUid) : undefined;
    reportUnexpandedExceptions(report, `Resource[UID=${uid}]/CalendarUID`, cal);
    const id = `${ctx.projectId}-r${uid}`;
    ids.set(uid, id);
    resources.push({
      id, ...ctx.stamp, name, type: text(r, "IsGeneric") === "1" ? "role" : "person", skills: [], maxUnits: units,
      ...(cal ? { calendar: { name: cal.name, workingWeekdays: [...cal.workingWeekdays], holidays: cal.holidays.map((h) => ({ ...h })) } } : {}),
      costRates, active: text(r, "IsInactive") !== "1",
    });
    report.count("resources-mapped");
  }
  return { resources, ids };
}

/** An MSPDI `WorkContour` (0–8); another code is passed on as written, so the entity codec refuses it at its path. */
const contourOf = (raw: string | undefined): WireOf<"assignment">["contour"] =>
  raw === undefined || raw === "" ? "flat" : /^[0-8]$/.test(raw) ? MSPDI_CONTOURS[Number(raw)]! : (`MSPDI WorkContour ${raw}` as WireOf<"assignment">["contour"]);

/**
 * The `assignment` record of one MSPDI assignment (see {@link mspdiResources}), or undefined when it is not mapped
 * (reported).
 *
 * @example
 * ```ts
 * const wire = mspdiAssignment(assignment, ids, ctx, report);
 * ```
 */
export function mspdiAssignment(a: MspdiElement, ids: ReadonlyMap<string, string>, ctx: MspdiResourceContext, report: ReportBuilder): WireOf<"assignment"> | undefined {
  const uid = text(a, "UID") ?? "?";
  const res = ids.get(text(a, "ResourceUID") ?? "");
  const wp = ctx.packageOf(text(a, "TaskUID") ?? "");
  if (res === undefined || wp === undefined) {
    report.unmapped("Project/Assignments/Assignment", "ResourceUID", "rows without a mapped resource (unassigned, material or cost) or on a milestone are not mapped");
    return undefined;
  }
  const units = text(a, "Units") ?? "1";
  if (!/^\d+(\.\d+)?$/.test(units) || Number(units) <= 0) {
    report.warn(`Assignment[UID=${uid}]/Units`, `units ${units} not above zero; assignment left out`, "zero-units");
    return undefined;
  }
  const work = hours(a, "Work");
  const actual = hours(a, "ActualWork");
  report.count("assignments-mapped");
  return {
    id: `${ctx.projectId}-a${uid}`, ...ctx.stamp, projectId: ctx.projectId, workPackageId: wp, resourceId: res, units,
    ...(work !== undefined ? { work } : {}), ...(actual !== undefined && actual !== "0" ? { actualWork: actual } : {}),
    contour: contourOf(text(a, "WorkContour")),
  };
}
