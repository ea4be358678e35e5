import { describe, expect, it } from "vitest";
import { decodeEntity, money, type EntityOf } from "../../src/index.js";
import { scheduleInputFromPlan, scheduleRiskModelFromPlan } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";

/*
 * scheduleRiskModelFromPlan made risk events whose impacts changed nothing (no days, no factor, no cost) out of RAID
 * risks that name activities but carry no schedule or cost impact; the simulation then drew them and did nothing.
 */
const office = loadSampleOffice();
const all = <K extends "project" | "work-package" | "milestone" | "risk">(kind: K): EntityOf<K>[] => office[kind].map((r) => decodeEntity(kind, r));
const crm = all("project").filter((p) => p.id === "PRJ-CRM");
const wps = all("work-package").filter((w) => w.projectId === "PRJ-CRM");
const ms = all("milestone").filter((m) => m.projectId === "PRJ-CRM");
const plan = scheduleInputFromPlan({ projects: crm, workPackages: wps, milestones: ms }, { statusDate: "2026-11-20" });
// RSK-CRM-001: open, 0.5, 15 days, EUR 45,000 on wp-crm-3; RSK-CRM-002: monitoring, 0.4, 10 days on wp-crm-4.2.
const r1 = all("risk").find((r) => r.id === "RSK-CRM-001")!;
const r2 = all("risk").find((r) => r.id === "RSK-CRM-002")!;
const without = <T extends object>(o: T, key: keyof T): T => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)) as T;

describe("scheduleRiskModelFromPlan: no empty impacts", () => {
  it("a risk naming activities with neither scheduleImpactDays nor costImpact is left out and listed with its reason", () => {
    // Before: { id: "RSK-CRM-002", probability: "0.4", impacts: [{ activityId: "wp-crm-4.2" }] } — drawn, changing nothing.
    const bare = without(r2, "scheduleImpactDays");
    const { model, notes, leftOut } = scheduleRiskModelFromPlan(plan.input, { workPackages: wps, risks: [r1, bare], currency: "EUR" });
    expect(model.riskEvents!.map((e) => e.id)).toEqual(["RSK-CRM-001"]);
    expect(leftOut).toEqual([{ riskId: "RSK-CRM-002", reason: "no-impact" }]);
    expect(notes).toEqual(["RSK-CRM-002: no scheduleImpactDays and no costImpact to simulate; left out"]);
  });

  it("scheduleImpactDays 0 counts as no delay: with a cost, only the priced first activity gets an impact", () => {
    // Before: [{ wp-crm-3, cost 45000 }, { wp-crm-4.2 }] — the second impact empty.
    const costOnly = { ...r1, scheduleImpactDays: 0, scheduleImpactOn: ["wp-crm-3", "wp-crm-4.2"] } as typeof r1;
    const { model, leftOut } = scheduleRiskModelFromPlan(plan.input, { workPackages: wps, risks: [costOnly], currency: "EUR" });
    expect(model.riskEvents).toEqual([{ id: "RSK-CRM-001", probability: "0.5", impacts: [{ activityId: "wp-crm-3", cost: "45000" }] }]);
    expect(leftOut).toEqual([]);
  });

  it("a cost impact in another currency and no days: left out (no-impact), both reasons noted", () => {
    const usd = { ...without(r1, "scheduleImpactDays"), costImpact: money("45000", "USD") } as typeof r1;
    const { model, notes, leftOut } = scheduleRiskModelFromPlan(plan.input, { workPackages: wps, risks: [usd], currency: "EUR" });
    expect(model.riskEvents).toEqual([]);
    expect(leftOut).toEqual([{ riskId: "RSK-CRM-001", reason: "no-impact" }]);
    expect(notes).toEqual([
      "RSK-CRM-001: cost impact in USD, not EUR; left out",
      "RSK-CRM-001: no scheduleImpactDays and no costImpact to simulate; left out",
    ]);
  });

  it("an opportunity's saving (negative costImpact) is not a risk-event cost: noted, its days kept", () => {
    // Before: the −45,000 was dropped without a word. Risk-event costs are ≥ 0 (threats), as analyseScheduleRisk reads them.
    const saving = { ...r1, costImpact: money("-45000", "EUR") } as typeof r1;
    const { model, notes, leftOut } = scheduleRiskModelFromPlan(plan.input, { workPackages: wps, risks: [saving], currency: "EUR" });
    expect(model.riskEvents).toEqual([{ id: "RSK-CRM-001", probability: "0.5", impacts: [{ activityId: "wp-crm-3", days: "15" }] }]);
    expect(notes).toEqual(["RSK-CRM-001: cost impact -45000 EUR is a saving; risk events add costs only; left out"]);
    expect(leftOut).toEqual([]);
  });

  it("a risk naming no activity of the network is listed too (no-activity-in-network)", () => {
    const elsewhere = { ...r1, scheduleImpactOn: ["wp-erp-9"] } as typeof r1;
    expect(scheduleRiskModelFromPlan(plan.input, { workPackages: wps, risks: [elsewhere], currency: "EUR" }).leftOut).toEqual([{ riskId: "RSK-CRM-001", reason: "no-activity-in-network" }]);
  });
});
