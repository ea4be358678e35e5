import { describe, it, expect } from "vitest";
import { paths } from "./helpers.js";
import { PmoDecimal } from "../../src/core/decimal.js";
import { rolloutPlanJsonSchema, rolloutPlanSchema, type RolloutPlanWire } from "../../src/entities/rollout-plan.js";
import { checklistItemJsonSchema, checklistItemSchema, type ChecklistItemWire } from "../../src/entities/checklist-item.js";
import { gateJsonSchema, gateSchema, type GateWire } from "../../src/entities/gate.js";

const stored = { version: 2, createdAt: "2026-09-01T08:00:00.000Z", updatedAt: "2026-09-02T08:00:00.000Z" };

const plan: RolloutPlanWire = {
  id: "rp-crm", ...stored, projectId: "prj-crm", name: "CRM go-live", goLive: "2026-11-02",
  cutoverStart: "2026-10-30", hypercareEnd: "2026-11-27",
  calendar: { name: "Head office", workingWeekdays: [1, 2, 3, 4, 5], holidays: [{ date: "2026-12-25", name: "Christmas Day" }],
    blackouts: [{ start: "2026-12-21", end: "2027-01-04", reason: "year-end freeze" }] },
  waves: [
    { id: "w1", name: "Pilot", start: "2026-10-05", finish: "2026-10-09", audience: "Sales EMEA key users",
      targetCount: 40, installedCount: 38, trainedCount: 35, failedCount: 3 },
    { id: "w2", name: "Wave 2", start: "2026-10-12", finish: "2026-10-12", audience: "Finance",
      targetCount: 0, installedCount: 0, trainedCount: 0, failedCount: 0 },
  ],
  status: "in-progress", templateId: "tpl-it-rollout",
};

const item: ChecklistItemWire = {
  id: "ci-trn-03", ...stored, rolloutPlanId: "rp-crm", code: "TRN-03", title: "Key-user training delivered",
  description: "Two sessions per region.", phase: "prepare", category: "training", ownerRole: "trainer", ownerId: "p-tom",
  raci: [{ personId: "p-tom", raci: "responsible" }, { personId: "p-ana", raci: "accountable" }, { personId: "p-eva", raci: "informed" }],
  anchor: "go-live", tMinusDays: 10, dependsOn: ["ci-trn-01", "ci-trn-02"], blocking: true, gateIds: ["g-gng"],
  status: "done", dueDate: "2026-10-19", completedOn: "2026-10-16", evidenceRequired: "Attendance list, ≥ 90 % of key users",
  evidence: [
    { type: "metric", reference: "training.keyUsers.completionPercent", value: "92.5", recordedBy: "p-tom", recordedAt: "2026-10-16T15:00:00.000Z" },
    { type: "link", reference: "https://lms.example.com/reports/42", recordedBy: "p-tom", recordedAt: "2026-10-16T15:05:00.000Z" },
  ],
  waiver: { approvedBy: "p-ana", reason: "Night shift trained after go-live", grantedAt: "2026-10-14T09:00:00.000Z", expiresOn: "2026-10-14" },
  evidenceRule: { all: [{ fact: "training.keyUsers.completionPercent", op: ">=", threshold: "90" }, { fact: "training.failures", op: "=", threshold: "0" }] },
};

const gate: GateWire = {
  id: "g-gng", ...stored, rolloutPlanId: "rp-crm", name: "Go/No-Go", type: "go-no-go", plannedDate: "2026-10-29",
  scope: { phases: ["prepare", "test"], categories: ["cutover"], itemIds: ["ci-trn-03"] },
  approvers: [{ personId: "p-ana", role: "sponsor" }, { personId: "p-bob", role: "operations" }, { personId: "p-eva" }],
  minApprovals: 2,
  approvals: [
    { personId: "p-ana", vote: "approve", at: "2026-10-29T15:00:00.000Z" },
    { personId: "p-bob", vote: "approve", at: "2026-10-29T15:01:00.000Z", comment: "Night shift first" },
    { personId: "p-eva", vote: "abstain", at: "2026-10-29T15:02:00.000Z" },
  ],
  decision: { outcome: "conditional-go", decidedAt: "2026-10-29T16:00:00.000Z", decidedBy: "p-ana",
    conditions: ["Help-desk night shift staffed by 2026-11-01"], notes: "Minutes in Confluence" },
};

describe("RolloutPlan", () => {
  it("round-trips the canonical wire", () => {
    const m = rolloutPlanSchema.decode(plan);
    expect(m.waves[0]!.installedCount).toBe(38);
    expect(m.goLive).toBe("2026-11-02");
    expect(rolloutPlanSchema.encode(m)).toEqual(plan);
    expect(JSON.stringify(rolloutPlanSchema.encode(m))).toBe(JSON.stringify(plan));
  });

  it("defaults waves to none and describes itself", () => {
    const { waves: _w, ...rest } = plan;
    expect(rolloutPlanSchema.decode(rest).waves).toEqual([]);
    expect(rolloutPlanJsonSchema().title).toBe("RolloutPlan");
  });

  it("rejects bad input with exact paths", () => {
    expect(paths(rolloutPlanSchema, { ...plan, status: "live" })).toContain("status");
    expect(paths(rolloutPlanSchema, { ...plan, goLive: "2026-02-30" })).toContain("goLive");
    expect(paths(rolloutPlanSchema, { ...plan, version: -1 })).toContain("version");
    expect(paths(rolloutPlanSchema, { ...plan, cutoverStart: "2026-11-03" })).toEqual(["cutoverStart"]);
    expect(paths(rolloutPlanSchema, { ...plan, hypercareEnd: "2026-11-01" })).toEqual(["hypercareEnd"]);
    const wave = plan.waves![0]!;
    expect(paths(rolloutPlanSchema, { ...plan, waves: [wave, { ...wave, name: "Again" }] })).toEqual(["waves.1.id"]);
    expect(paths(rolloutPlanSchema, { ...plan, waves: [{ ...wave, finish: "2026-10-04" }] })).toEqual(["waves.0.finish"]);
    expect(paths(rolloutPlanSchema, { ...plan, waves: [{ ...wave, installedCount: 41 }] })).toEqual(["waves.0.installedCount"]);
    expect(paths(rolloutPlanSchema, { ...plan, waves: [{ ...wave, trainedCount: 41 }] })).toEqual(["waves.0.trainedCount"]);
    expect(paths(rolloutPlanSchema, { ...plan, waves: [{ ...wave, failedCount: -1 }] })).toContain("waves.0.failedCount");
    expect(paths(rolloutPlanSchema, { ...plan, waves: [{ ...wave, targetCount: 2.5 }] })).toContain("waves.0.targetCount");
  });

  it("rejects an unknown __proto__ key with its key listed", () => {
    const r = rolloutPlanSchema.safeDecode(JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(plan).slice(1)}`));
    expect(r.success).toBe(false);
    expect(r.error!.issues).toHaveLength(1);
    expect(r.error!.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["__proto__"], path: [] });
  });
});

describe("ChecklistItem", () => {
  it("round-trips the canonical wire with exact decimals", () => {
    const m = checklistItemSchema.decode(item);
    expect(PmoDecimal.isDecimal(m.evidence[0]!.value)).toBe(true);
    expect(m.evidence[0]!.value!.equals(new PmoDecimal("92.5"))).toBe(true);
    expect(m.evidenceRule!.all[0]!.threshold.toFixed()).toBe("90");
    expect(checklistItemSchema.encode(m)).toEqual(item);
    expect(JSON.stringify(checklistItemSchema.encode(m))).toBe(JSON.stringify(item));
  });

  it("applies defaults for a minimal item", () => {
    const m = checklistItemSchema.decode({ id: "ci-1", ...stored, rolloutPlanId: "rp-crm", title: "CAB approval", phase: "deploy",
      category: "governance", tMinusDays: -3, blocking: false, status: "todo" });
    expect(m).toMatchObject({ anchor: "go-live", raci: [], dependsOn: [], gateIds: [], evidence: [], tMinusDays: -3 });
    expect(checklistItemJsonSchema().title).toBe("ChecklistItem");
  });

  it("rejects bad input with exact paths", () => {
    const open = { ...item, status: "todo", completedOn: undefined };
    expect(paths(checklistItemSchema, { ...item, category: "marketing" })).toContain("category");
    expect(paths(checklistItemSchema, { ...item, phase: "build" })).toContain("phase");
    expect(paths(checklistItemSchema, { ...item, dueDate: "2026-02-30" })).toContain("dueDate");
    expect(paths(checklistItemSchema, { ...item, tMinusDays: 1.5 })).toContain("tMinusDays");
    expect(paths(checklistItemSchema, { ...item, code: "trn 3" })).toContain("code");
    expect(paths(checklistItemSchema, { ...open, status: "waived", waiver: undefined })).toEqual(["waiver"]);
    expect(paths(checklistItemSchema, { ...item, waiver: { ...item.waiver, expiresOn: "2026-10-13" } })).toEqual(["waiver.expiresOn"]);
    expect(paths(checklistItemSchema, { ...item, waiver: { ...item.waiver, reason: "  " } })).toContain("waiver.reason");
    expect(paths(checklistItemSchema, { ...open, status: "skipped" })).toEqual(["statusReason"]);
    expect(paths(checklistItemSchema, { ...open, status: "not-applicable", statusReason: "   " })).toEqual(["statusReason"]);
    expect(paths(checklistItemSchema, { ...open, status: "blocked" })).toEqual(["statusReason"]);
    expect(paths(checklistItemSchema, { ...item, completedOn: undefined })).toEqual(["completedOn"]);
    expect(paths(checklistItemSchema, { ...open, completedOn: "2026-10-16" })).toEqual(["completedOn"]);
    const twoAccountable = [...item.raci!, { personId: "p-tom", raci: "accountable" as const }];
    expect(paths(checklistItemSchema, { ...item, raci: twoAccountable })).toEqual(["raci.3.raci"]);
    expect(paths(checklistItemSchema, { ...item, dependsOn: ["ci-trn-01", "ci-trn-03"] })).toEqual(["dependsOn.1"]);
    expect(paths(checklistItemSchema, { ...item, dependsOn: ["ci-trn-01", "ci-trn-01"] })).toEqual(["dependsOn.1"]);
    expect(paths(checklistItemSchema, { ...item, gateIds: ["g-1", "g-1"] })).toEqual(["gateIds.1"]);
    const [metric, link] = item.evidence!;
    expect(paths(checklistItemSchema, { ...item, evidence: [{ ...metric, value: undefined }] })).toEqual(["evidence.0.value"]);
    expect(paths(checklistItemSchema, { ...item, evidence: [{ ...link, value: "1" }] })).toEqual(["evidence.0.value"]);
    expect(paths(checklistItemSchema, { ...item, evidence: [{ ...metric, value: "1e3" }] })).toContain("evidence.0.value");
    expect(paths(checklistItemSchema, { ...item, evidenceRule: { all: [] } })).toEqual(["evidenceRule.all"]);
    const cond = item.evidenceRule!.all[0]!;
    expect(paths(checklistItemSchema, { ...item, evidenceRule: { all: [{ ...cond, fact: "Training.x" }] } })).toEqual(["evidenceRule.all.0.fact"]);
    expect(paths(checklistItemSchema, { ...item, evidenceRule: { all: [{ ...cond, fact: "training..x" }] } })).toEqual(["evidenceRule.all.0.fact"]);
    expect(paths(checklistItemSchema, { ...item, evidenceRule: { all: [{ ...cond, op: "!=" }] } })).toEqual(["evidenceRule.all.0.op"]);
  });

  it("accepts a waived item whose waiver expires the day it was granted", () => {
    const m = checklistItemSchema.decode({ ...item, status: "waived", completedOn: undefined });
    expect(m.waiver!.expiresOn).toBe("2026-10-14");
  });

  it("checks refinements when encoding too", () => {
    const m = checklistItemSchema.decode(item);
    const encodePaths = (v: typeof m) => checklistItemSchema.safeEncode(v).error?.issues.map((i) => i.path.join("."));
    expect(encodePaths({ ...m, dependsOn: ["ci-trn-03"] })).toEqual(["dependsOn.0"]);
    expect(encodePaths({ ...m, waiver: { ...m.waiver!, expiresOn: "2026-10-13" as never } })).toEqual(["waiver.expiresOn"]);
    expect(encodePaths({ ...m, evidence: [{ ...m.evidence[1]!, value: new PmoDecimal(1) }] })).toEqual(["evidence.0.value"]);
    const g = gateSchema.decode(gate);
    const gatePaths = gateSchema.safeEncode({ ...g, decision: { ...g.decision!, conditions: [] } }).error?.issues.map((i) => i.path.join("."));
    expect(gatePaths).toEqual(["decision.conditions"]);
  });
});

describe("Gate", () => {
  it("round-trips the canonical wire", () => {
    const m = gateSchema.decode(gate);
    expect(m.decision!.conditions).toEqual(["Help-desk night shift staffed by 2026-11-01"]);
    expect(gateSchema.encode(m)).toEqual(gate);
    expect(JSON.stringify(gateSchema.encode(m))).toBe(JSON.stringify(gate));
    expect(gateJsonSchema().title).toBe("Gate");
  });

  it("rejects bad input with exact paths", () => {
    const decision = gate.decision!;
    expect(paths(gateSchema, { ...gate, type: "exit-gate" })).toContain("type");
    expect(paths(gateSchema, { ...gate, scope: { phases: ["golive"] } })).toContain("scope.phases.0");
    expect(paths(gateSchema, { ...gate, scope: { phases: [], itemIds: [] } })).toEqual(["scope"]);
    expect(paths(gateSchema, { ...gate, approvers: [...gate.approvers, { personId: "p-ana" }] })).toEqual(["approvers.3.personId"]);
    expect(paths(gateSchema, { ...gate, minApprovals: 4 })).toContain("minApprovals");
    expect(paths(gateSchema, { ...gate, minApprovals: 0 })).toContain("minApprovals");
    const stranger = { personId: "p-zoe", vote: "approve", at: "2026-10-29T15:03:00.000Z" };
    expect(paths(gateSchema, { ...gate, approvals: [...gate.approvals!, stranger] })).toEqual(["approvals.3.personId"]);
    const again = { personId: "p-eva", vote: "reject", at: "2026-10-29T15:04:00.000Z" };
    expect(paths(gateSchema, { ...gate, approvals: [...gate.approvals!, again] })).toEqual(["approvals.3.personId"]);
    expect(paths(gateSchema, { ...gate, decision: { ...decision, conditions: [] } })).toEqual(["decision.conditions"]);
    expect(paths(gateSchema, { ...gate, decision: { ...decision, outcome: "go" } })).toEqual(["decision.conditions"]);
    const oneApproval = gate.approvals!.slice(1);
    expect(paths(gateSchema, { ...gate, approvals: oneApproval })).toEqual(["decision.outcome"]);
    expect(gateSchema.decode({ ...gate, approvals: oneApproval, decision: { ...decision, outcome: "no-go", conditions: [] } }).decision!.outcome).toBe("no-go");
  });
});
