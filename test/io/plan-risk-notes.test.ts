import { describe, expect, it } from "vitest";
import { decodeEntity, type EntityOf } from "../../src/index.js";
import { scheduleInputFromPlan, scheduleRiskModelFromPlan } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";

const office = loadSampleOffice();
const all = <K extends "project" | "work-package" | "milestone" | "risk">(kind: K): EntityOf<K>[] => office[kind].map((r) => decodeEntity(kind, r));
const crm = all("project").filter((p) => p.id === "PRJ-CRM");
const wps = all("work-package").filter((w) => w.projectId === "PRJ-CRM");
const ms = all("milestone").filter((m) => m.projectId === "PRJ-CRM");

describe("scheduleRiskModelFromPlan: nothing left out silently", () => {
  const plan = scheduleInputFromPlan({ projects: crm, workPackages: wps, milestones: ms }, { statusDate: "2026-11-20" });
  const risk = all("risk").find((r) => r.id === "RSK-CRM-001")!;

  it("a risk whose named activities are none of the network's is noted, as documented", () => {
    // RSK-CRM-001 names wp-crm-3; renamed to a package of another plan it has no activity here. Before: left out
    // without a note (the TSDoc promised one). Expected: left out and noted; a partly unknown list is noted too.
    const elsewhere = { ...risk, scheduleImpactOn: ["wp-erp-9"] } as typeof risk;
    const partly = { ...risk, id: "RSK-X", scheduleImpactOn: ["wp-crm-3", "wp-erp-9"] } as typeof risk;
    const { model, notes } = scheduleRiskModelFromPlan(plan.input, { workPackages: wps, risks: [elsewhere, partly], currency: "EUR" });
    expect(model.riskEvents!.map((e) => [e.id, e.impacts.map((i) => i.activityId)])).toEqual([["RSK-X", ["wp-crm-3"]]]);
    expect(notes).toEqual([
      "RSK-CRM-001: none of its activities (wp-erp-9) is in the network; left out",
      "RSK-X: wp-erp-9 is not in the network; its impact there is left out",
    ]);
  });

  it("a package budget in another currency is noted, not silently costed at 0", () => {
    // wp-crm-4.2 (UAT, EUR 42,000) budgeted in USD. Before: no cost for it and no word. Expected: no cost, a note.
    const usd = wps.map((w) => (w.id !== "wp-crm-4.2" ? w : { ...w, timePhasedBudget: w.timePhasedBudget.map((s) => ({ ...s, amount: { ...s.amount, currency: "USD" } })) }));
    const { model, notes } = scheduleRiskModelFromPlan(plan.input, { workPackages: usd, currency: "EUR" });
    expect(model.costs!.find((c) => c.activityId === "wp-crm-4.2")).toBeUndefined();
    expect(notes).toEqual(["wp-crm-4.2: budget in USD, not EUR; its cost is left out"]);
  });
});
