import { loadSampleOffice } from "../../examples/office.js";
import { decodeEntity, instant, isoDate, type ChecklistItem, type Gate, type RolloutPlan } from "../../src/index.js";

/** The sample office's CRM rollout plan, checklist and gates, decoded. */
export function sampleRollout(): { plan: RolloutPlan; items: ChecklistItem[]; gates: Gate[] } {
  const o = loadSampleOffice();
  return {
    plan: decodeEntity("rollout-plan", o["rollout-plan"][0]),
    items: o["checklist-item"].map((x) => decodeEntity("checklist-item", x)),
    gates: o.gate.map((x) => decodeEntity("gate", x)),
  };
}

/** When the hand-built records below were created (2025-03-01 08:00 UTC). */
export const CREATED_AT = instant("2025-03-01T08:00:00Z");

/** A blocking "prepare" checklist item of plan rp-x, done on 2025-03-05 (T-5 before go-live); `extra` overrides. */
export function doneItem(id: string, extra: Partial<ChecklistItem> = {}): ChecklistItem {
  return {
    id, version: 1, createdAt: CREATED_AT, updatedAt: CREATED_AT, rolloutPlanId: "rp-x", code: id.toUpperCase(), title: id, phase: "prepare",
    category: "help-desk", raci: [], anchor: "go-live", tMinusDays: 5, dependsOn: [], blocking: true, gateIds: [],
    status: "done", completedOn: isoDate("2025-03-05"), evidence: [], ...extra,
  } as ChecklistItem;
}

/** The go/no-go gate "g" of plan rp-x over the prepare phase: one approval needed, given by p; `extra` overrides. */
export function goNoGoGate(extra: Partial<Gate> = {}): Gate {
  return {
    id: "g", version: 1, createdAt: CREATED_AT, updatedAt: CREATED_AT, rolloutPlanId: "rp-x", name: "Go/No-Go", type: "go-no-go",
    scope: { phases: ["prepare"] }, approvers: [{ personId: "p" }], minApprovals: 1,
    approvals: [{ personId: "p", vote: "approve", at: CREATED_AT }], ...extra,
  } as Gate;
}
