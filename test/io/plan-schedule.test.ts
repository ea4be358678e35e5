import { describe, expect, it } from "vitest";
import { decodeEntity, scheduleNetwork, type EntityOf } from "../../src/index.js";
import { scheduleInputFromPlan, scheduleRiskModelFromPlan } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";

const office = loadSampleOffice();
const all = <K extends "project" | "work-package" | "milestone" | "risk" | "resource" | "assignment">(kind: K): EntityOf<K>[] => office[kind].map((r) => decodeEntity(kind, r));
const crm = all("project").filter((p) => p.id === "PRJ-CRM");
const wps = all("work-package").filter((w) => w.projectId === "PRJ-CRM");
const ms = all("milestone").filter((m) => m.projectId === "PRJ-CRM");

describe("scheduleInputFromPlan", () => {
  const plan = scheduleInputFromPlan({ projects: crm, workPackages: wps, milestones: ms, resources: all("resource"), assignments: all("assignment") }, { statusDate: "2026-11-20" });
  const act = (id: string) => plan.input.activities.find((a) => a.id === id);

  it("leaves the summaries 2 and 4 out and schedules the 10 leaf packages and 8 milestones", () => {
    expect(plan.summaries).toEqual(["wp-crm-2", "wp-crm-4"]);
    expect(plan.input.activities.length).toBe(10 + 8);
    expect(act("wp-crm-2")).toBeUndefined();
  });

  it("derives percent complete from what the earning rule measures", () => {
    // Data migration: units, 78 of 120 migration objects = 65 %. Integrations: weighted milestones 0.35 + 0.25 + 0.2 = 80 %.
    expect(act("wp-crm-3")!.progress).toEqual({ actualStart: "2026-06-01", percentComplete: "65" });
    expect(act("wp-crm-2.3")!.progress).toEqual({ actualStart: "2026-06-01", percentComplete: "80" });
    // Project management is level of effort (no measure): the plan's remaining working days stand, 2026-11-23 … 2027-04-30.
    expect(act("wp-crm-1")!.progress).toMatchObject({ actualStart: "2026-03-02" });
    expect(act("wp-crm-1")!.progress?.remainingDuration).toBeDefined();
    // Solution design finished 2026-06-05.
    expect(act("wp-crm-2.1")!.progress).toEqual({ actualStart: "2026-03-02", actualFinish: "2026-06-05" });
  });

  it("counts both planned days of a package, and leaves the status date's own work done", () => {
    // workingDaysBetween counts start < d ≤ end, so a package planned Mon 2027-01-11 … Fri 2027-01-15 is 5 working
    // days (it was 4 before: the first day went missing). Level of effort keeps the plan's remaining days: at status
    // Mon 2027-04-26 the rest of wp-crm-1 is Tue 27 … Fri 30 April = 4 days (Monday's work counts as done).
    const week = (office["work-package"] as Record<string, unknown>[]).filter((r) => r.projectId === "PRJ-CRM").map((r) => {
      if (r.id !== "wp-crm-2.1") return decodeEntity("work-package", r);
      const { durationDays: _d, actualStart: _s, actualFinish: _f, ...rest } = r;
      return decodeEntity("work-package", { ...rest, plannedStart: "2027-01-11", plannedFinish: "2027-01-15", progress: [],
        timePhasedBudget: [{ start: "2027-01-11", finish: "2027-01-15", amount: { amount: "5000.00", currency: "EUR" } }] });
    });
    const p = scheduleInputFromPlan({ projects: crm, workPackages: week, milestones: ms }, { statusDate: "2027-04-26" });
    expect(p.input.activities.find((a) => a.id === "wp-crm-2.1")!.duration).toBe("5");
    expect(p.input.activities.find((a) => a.id === "wp-crm-1")!.progress).toEqual({ actualStart: "2026-03-02", remainingDuration: "4" });
  });

  it("keeps links with their lags, and anchors only unlinked, unstarted work at its planned start", () => {
    expect(plan.input.links!.filter((l) => l.to === "wp-crm-4.2")).toEqual([
      { from: "ms-crm-build", to: "wp-crm-4.2", type: "FS", lag: { days: "-15" } }, { from: "wp-crm-4.1", to: "wp-crm-4.2", type: "FF", lag: { days: "15" } },
    ]);
    expect(act("wp-crm-4.2")!.constraint).toBeUndefined();
    expect(act("wp-crm-2.4")!.constraint).toEqual({ kind: "snet", date: "2026-10-01" });
    expect(act("ms-crm-go-live")!.deadline).toBe("2027-03-01");
  });

  it("spreads a link to a summary over its leaves (packages and the milestones under it), and keeps assignments on leaves only", () => {
    // wp-crm-4 holds wp-crm-4.1, wp-crm-4.2 and the milestone UAT exit (on wp-crm-4.2): its finish is the latest of
    // the three, so an FS link from it leaves from all three (it left from the two packages only).
    const summaryLinked = wps.map((w) => (w.id === "wp-crm-6" ? { ...w, predecessors: [{ predecessorId: "wp-crm-4", type: "FS" as const }] } : w));
    const p = scheduleInputFromPlan({ projects: crm, workPackages: summaryLinked, milestones: ms });
    expect(p.input.links!.filter((l) => l.to === "wp-crm-6").map((l) => l.from)).toEqual(["wp-crm-4.1", "wp-crm-4.2", "ms-crm-uat"]);
    expect(p.notes).toContain("wp-crm-4 → wp-crm-6 (FS) joins a summary: applied to its 3 leaf pairs");
    expect(plan.assignments.filter((a) => a.resourceId === "res-olga-petrova").map((a) => [a.activityId, a.units])).toEqual([["wp-crm-2.3", "0.5"], ["wp-crm-3", "1"]]);
    expect(plan.resources.map((r) => r.id)).not.toContain("res-wms-consultants");
  });

  it("schedules: the go-live misses its deadline", () => {
    const r = scheduleNetwork(plan.input);
    expect(r.violations.some((v) => v.kind === "deadline-missed" && v.activityId === "ms-crm-go-live")).toBe(true);
  });
});

describe("scheduleRiskModelFromPlan", () => {
  it("takes the packages' estimates, open risks that name activities, and budgets as costs", () => {
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: wps, milestones: ms }, { statusDate: "2026-11-20" });
    const { model } = scheduleRiskModelFromPlan(plan.input, { workPackages: wps, risks: all("risk"), currency: "EUR" });
    // UAT 2027-01-11 … 2027-02-19 is 30 weekdays: triangular 27, 30, 45.
    expect(model.durations!.find((d) => d.activityId === "wp-crm-4.2")!.distribution).toEqual({ kind: "triangular", min: "27", mostLikely: "30", max: "45" });
    // RSK-CRM-001 (open, 0.5, 15 days, EUR 45,000) on data migration; RSK-CRM-002 (monitoring, 0.4, 10 days) on UAT;
    // RSK-CRM-003 is closed.
    expect(model.riskEvents).toEqual([
      { id: "RSK-CRM-001", probability: "0.5", impacts: [{ activityId: "wp-crm-3", days: "15", cost: "45000" }] },
      { id: "RSK-CRM-002", probability: "0.4", impacts: [{ activityId: "wp-crm-4.2", days: "10" }] },
    ]);
    expect(model.costs!.find((c) => c.activityId === "wp-crm-4.2")).toEqual({ activityId: "wp-crm-4.2", fixed: "42000" });
  });
});
