import type { OfficeSchedule } from "./schedule.js";

/**
 * The terminal and JSON forms of an office schedule: per project its forecast finish, critical path and violations;
 * per activity (JSON) the early and late dates, floats and what drove the early start.
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
    text.push(`${p.code.padEnd(9)} finish ${r.finish}  critical ${r.criticalPaths.map((c) => c.join(" → ")).join("; ") || "none"}`);
    for (const v of r.violations) text.push(`          ${v.kind}: ${v.message}`);
  }
  const json = schedule.projects.map((p) => ({
    project: p.code, finish: p.result.finish, statusDate: p.result.statusDate ?? null,
    conventions: { milestoneDating: p.result.conventions.milestoneDating, startLinkFloat: p.result.conventions.startLinkFloat, startNoLaterThan: p.result.conventions.startNoLaterThan }, criticalPaths: p.result.criticalPaths,
    activities: p.result.activities.map((a) => ({
      id: a.id, name: a.name, earlyStart: a.earlyStart, earlyFinish: a.earlyFinish, lateStart: a.lateStart, lateFinish: a.lateFinish,
      totalFloat: a.totalFloat.toFixed(), freeFloat: a.freeFloat.toFixed(), critical: a.critical, driver: a.earlyStartDriver.kind === "link" ? `${a.earlyStartDriver.from} ${a.earlyStartDriver.type}` : a.earlyStartDriver.kind,
    })),
    violations: p.result.violations.map((v) => ({ activity: v.activityId, kind: v.kind, days: v.days?.toFixed() ?? null, message: v.message })),
  }));
  // No project: one line that says so, not an empty line.
  if (schedule.projects.length === 0) text.push("no projects to schedule: the database has none");
  return { text, json };
}
