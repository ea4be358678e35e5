import { PmoDecimal, money } from "../../core/index.js";
import type { EntityOf } from "../../entities/index.js";
import type { ReportBuilder } from "../report.js";
import type { MspdiElement } from "./element.js";
import { MSPDI_CONTOURS } from "./resources.js";
import type { MspdiValue } from "./values.js";

const DAY_TYPES = [1, 2, 3, 4, 5, 6, 7] as const; // MSPDI: 1 = Sunday … 7 = Saturday
const el = (fields: Record<string, MspdiValue | undefined>, lists: Record<string, MspdiElement[]> = {}): MspdiElement => {
  const f: Record<string, MspdiValue> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) f[k] = v;
  return { fields: f, lists };
};

/**
 * A pmokit working-calendar spec as an MSPDI base calendar: working weekdays 08:00–12:00 and 13:00–17:00, holidays
 * as one-day non-working exceptions.
 *
 * @example
 * ```ts
 * mspdiCalendarOut("1", { name: "Standard", workingWeekdays: [1, 2, 3, 4, 5], holidays: [] });
 * ```
 */
export function mspdiCalendarOut(uid: string, cal: { name?: string | undefined; workingWeekdays?: readonly number[] | undefined; holidays?: readonly { date: string; name: string }[] | undefined } | undefined): MspdiElement {
  const working = new Set(cal?.workingWeekdays ?? [1, 2, 3, 4, 5]);
  const hours = [el({ FromTime: "08:00:00", ToTime: "12:00:00" }), el({ FromTime: "13:00:00", ToTime: "17:00:00" })];
  return el({ UID: uid, Name: cal?.name ?? "Standard", IsBaseCalendar: "1", BaseCalendarUID: "-1" }, {
    weekDays: DAY_TYPES.map((t) => {
      const iso = t === 1 ? 7 : t - 1;
      return working.has(iso) ? el({ DayType: String(t), DayWorking: "1" }, { workingTimes: hours }) : el({ DayType: String(t), DayWorking: "0" });
    }),
    exceptions: (cal?.holidays ?? []).map((h) =>
      el({ EnteredByOccurrences: "0", Occurrences: "1", Name: h.name, Type: "1", DayWorking: "0" }, {
        timePeriod: [el({ FromDate: `${h.date}T00:00:00`, ToDate: `${h.date}T23:59:00` })],
      }),
    ),
  });
}

/** UIDs by record id: kept from an MSPDI import (`<projectId>-<letter><UID>`), else numbered after the largest. */
function uidsOf(ids: readonly string[], prefix: string, letter: string): Map<string, number> {
  const out = new Map<string, number>();
  let next = 1;
  for (const id of ids) {
    const m = id.startsWith(prefix) ? new RegExp(`^${letter}(\\d+)$`).exec(id.slice(prefix.length)) : null;
    if (m) out.set(id, Number(m[1]));
    next = Math.max(next, (m ? Number(m[1]) : 0) + 1);
  }
  for (const id of ids) if (!out.has(id)) out.set(id, next++);
  return out;
}

/**
 * MSPDI resources, their calendars and assignments from pmokit records: a person is a work resource, a role or skill
 * pool a generic one (`IsGeneric`); max units; cost rate table A by date; one base calendar per resource calendar.
 * Skills, person ids and assignments to packages outside the export are reported, not written.
 *
 * @example
 * ```ts
 * const { resources, assignments, calendars } = mspdiResourcesOut(project.id, plan.resources, plan.assignments, (id) => uids.get(id), cur, 2, report);
 * ```
 */
export function mspdiResourcesOut(
  projectId: string,
  resources: readonly EntityOf<"resource">[],
  assignments: readonly EntityOf<"assignment">[],
  taskUidOf: (id: string) => number | undefined,
  currency: string,
  firstCalendarUid: number,
  report: ReportBuilder,
): { resources: MspdiElement[]; assignments: MspdiElement[]; calendars: MspdiElement[] } {
  const resUids = uidsOf(resources.map((r) => r.id), `${projectId}-`, "r");
  const calendars: MspdiElement[] = [];
  const out = resources.map((r) => {
    if (r.skills.length > 0) report.unmapped(`Resource[${r.id}]`, "skills", "MSPDI resources have no skills");
    if (r.type === "skill") report.unmapped(`Resource[${r.id}]`, "type", "a skill pool is written as a generic resource (read back as a role)");
    let calendarUid: string | undefined;
    if (r.calendar) {
      calendarUid = String(firstCalendarUid + calendars.length);
      calendars.push(mspdiCalendarOut(calendarUid, r.calendar));
    }
    const rates = r.costRates.map((c, i) =>
      el({
        RatesFrom: `${c.effectiveFrom}T00:00:00`, RatesTo: r.costRates[i + 1] ? `${r.costRates[i + 1]!.effectiveFrom}T00:00:00` : "2049-12-31T23:59:00",
        RateTable: "0", StandardRate: { kind: "rate", perHour: c.perHour.amount }, StandardRateFormat: "2",
        OvertimeRate: { kind: "rate", perHour: (c.overtimePerHour ?? c.perHour).amount }, OvertimeRateFormat: "2",
        CostPerUse: c.perUse ?? money(0, currency),
      }),
    );
    const first = r.costRates[0];
    return el({
      UID: String(resUids.get(r.id)), ID: String(resUids.get(r.id)), Name: r.name, Type: "1", MaxUnits: r.maxUnits.toFixed(),
      ...(first ? { StandardRate: { kind: "rate", perHour: first.perHour.amount }, StandardRateFormat: "2" } : {}),
      ...(calendarUid ? { CalendarUID: calendarUid } : {}),
      IsGeneric: r.type === "person" ? "0" : "1", IsInactive: r.active ? "0" : "1", IsCostResource: "0",
    }, { rates });
  });
  const asgUids = uidsOf(assignments.map((a) => a.id), `${projectId}-`, "a");
  const asg = assignments.flatMap((a) => {
    const task = taskUidOf(a.workPackageId);
    const res = resUids.get(a.resourceId);
    if (task === undefined || res === undefined) {
      report.unmapped(`Assignment[${a.id}]`, "workPackageId", "its package or resource is not in the export; left out");
      return [];
    }
    const hours = (h: { toFixed(): string } | undefined) => (h ? { kind: "duration" as const, seconds: new PmoDecimal(h.toFixed()).times(3600) } : undefined);
    return [el({
      UID: String(asgUids.get(a.id)), TaskUID: String(task), ResourceUID: String(res), ActualWork: hours(a.actualWork),
      Units: a.units.toFixed(), Work: hours(a.work), WorkContour: String(MSPDI_CONTOURS.indexOf(a.contour)),
    })];
  });
  return { resources: out, assignments: asg, calendars };
}
