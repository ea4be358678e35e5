import { finishedActivitiesLine, scheduleViolationText } from "../reports/index.js";
import type { OfficeSchedule } from "./schedule.js";

/**
 * The terminal and JSON forms of an office schedule: per project its forecast finish, critical path and violations,
 * each activity named by WBS code and name (a milestone by name), and how many activities are finished; per activity
 * (JSON) its label, status, the early and late dates, floats (`null` when finished: done work has no float) and what
 * drove the early start.
 *
 * @example
 * ```ts
 * scheduleSummary(analyzeOfficeSchedule(records, "2026-11-20")).text.join("\n");
 * ```
 */
export function scheduleSummary(schedule: OfficeSchedule): { text: string[]; json: unknown } {
  const text: string[] = [];
  for (const p of schedule.projects) {
    const r = p.result;
    // Activities by WBS code and name, as `score` names requests by key and title (the id only where none is known).
    const label = (id: string) => (Object.hasOwn(p.labels, id) ? p.labels[id]! : id);
    text.push(`${p.code.padEnd(9)} finish ${r.finish}  critical ${r.criticalPaths.map((c) => c.map(label).join(" → ")).join("; ") || "none"}`);
    // The calculator's words name ids: the activity (first) and, out of sequence, its predecessor; in the report's words.
    for (const v of r.violations) text.push(`          ${v.kind}: ${scheduleViolationText(v, p.labels)}`);
    const finished = finishedActivitiesLine(r);
    if (finished) text.push(`          ${finished}`);
  }
  const json = schedule.projects.map((p) => ({
    project: p.code, finish: p.result.finish, statusDate: p.result.statusDate ?? null,
    conventions: { milestoneDating: p.result.conventions.milestoneDating, startLinkFloat: p.result.conventions.startLinkFloat, startNoLaterThan: p.result.conventions.startNoLaterThan }, criticalPaths: p.result.criticalPaths,
    activities: p.result.activities.map((a) => ({
      id: a.id, label: Object.hasOwn(p.labels, a.id) ? p.labels[a.id] : a.name, name: a.name, status: a.status,
      earlyStart: a.earlyStart, earlyFinish: a.earlyFinish, lateStart: a.lateStart, lateFinish: a.lateFinish,
      // A finished activity's dates are actuals: it has no float (null), and is never critical.
      totalFloat: a.status === "complete" ? null : a.totalFloat.toFixed(), freeFloat: a.status === "complete" ? null : a.freeFloat.toFixed(), critical: a.critical, driver: a.earlyStartDriver.kind === "link" ? `${a.earlyStartDriver.from} ${a.earlyStartDriver.type}` : a.earlyStartDriver.kind,
    })),
    violations: p.result.violations.map((v) => ({ activity: v.activityId, kind: v.kind, days: v.days?.toFixed() ?? null, message: v.message })),
  }));
  // No project: one line that says so, not an empty line.
  if (schedule.projects.length === 0) text.push("no projects to schedule: the database has none");
  return { text, json };
}
