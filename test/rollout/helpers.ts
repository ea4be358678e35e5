import { loadSampleOffice } from "../../examples/office.js";
import { decodeEntity, type ChecklistItem, type Gate, type RolloutPlan } from "../../src/index.js";

/** The sample office's CRM rollout plan, checklist and gates, decoded. */
export function sampleRollout(): { plan: RolloutPlan; items: ChecklistItem[]; gates: Gate[] } {
  const o = loadSampleOffice();
  return {
    plan: decodeEntity("rollout-plan", o["rollout-plan"][0]),
    items: o["checklist-item"].map((x) => decodeEntity("checklist-item", x)),
    gates: o.gate.map((x) => decodeEntity("gate", x)),
  };
}
