import { describe, expect, it } from "vitest";
import { instant, isoDate, type ChecklistItem, type Gate, type RolloutPlan } from "../../src/index.js";
import { evaluateGate, itemsInGateScope, readinessFigures } from "../../src/rollout/index.js";
import { doneItem, goNoGoGate } from "./helpers.js";
import { firstIssuePath } from "../support/errors.js";

// Reference rule (rollout-status-kpi.md §1, "Gate rule"): GO when every blocking item in the phase is closed AND
// minApprovals is met. Neither half may be met "from nothing": a gate with nothing in scope has no evidence, and a
// gate whose approval rule cannot be read has no approvals.
const at = instant("2025-03-01T08:00:00Z");
const asOf = isoDate("2025-03-10");
const item = doneItem;
const gate = (extra: Partial<Gate> = {}): Gate => goNoGoGate({ approvers: [{ personId: "p" }, { personId: "q" }], ...extra });

describe("a gate with nothing in its scope does not pass", () => {
  it("scope phase 'deploy' with no deploy item: was GO on the sponsor's vote alone, now NO-GO with the reason", () => {
    const r = evaluateGate({ items: [item("a")], gates: [gate({ scope: { phases: ["deploy"] } })] }, "g", { asOf });
    expect(r.scope).toEqual([]);
    expect(r.outcome).toBe("no-go");
    expect(r.reasons).toEqual(["no checklist item in the gate's scope: nothing shows the gate is ready"]);
  });

  it("the same gate over one done deploy item is GO", () => {
    const r = evaluateGate({ items: [item("a", { phase: "deploy" })], gates: [gate({ scope: { phases: ["deploy"] } })] }, "g", { asOf });
    expect(r.outcome).toBe("go");
  });

  it("readinessFigures still counts nothing open at an empty go/no-go gate (no blocking item is open)", () => {
    const g = gate({ scope: { phases: ["deploy"] }, plannedDate: isoDate("2025-03-10") } as Partial<Gate>);
    expect(readinessFigures({ items: [item("a")], gates: [g] }, { asOf }).openBlockingAtGoNoGo).toBe(0);
  });
});

describe("a gate judges the items of its own plan", () => {
  const other = item("b", { rolloutPlanId: "rp-other" }); // done, in phase prepare, but another plan's item

  it("another plan's done item was in scope and made an empty gate GO", () => {
    expect(itemsInGateScope(gate(), [other])).toEqual([]);
    expect(evaluateGate({ items: [other], gates: [gate()] }, "g", { asOf }).outcome).toBe("no-go");
  });

  it("another plan's open blocking item held the gate (NO-GO) although this plan's items are all done", () => {
    const open = item("c", { rolloutPlanId: "rp-other", status: "todo", completedOn: undefined });
    const r = evaluateGate({ items: [item("a"), open], gates: [gate()] }, "g", { asOf });
    expect(r.scope.map((s) => s.id)).toEqual(["a"]);
    expect(r.outcome).toBe("go");
  });

  it("a scope naming another plan's item by id is refused", () => {
    expect(() => itemsInGateScope(gate({ scope: { itemIds: ["b"] } }), [other])).toThrow(/checklist item b belongs to rp-other, not rp-x/);
  });

  it("with the plan given, an item of another plan is a ValidationError (as a gate of another plan already was)", () => {
    const plan = { id: "rp-x" } as RolloutPlan;
    expect(firstIssuePath(() => evaluateGate({ plan, items: [item("a"), other], gates: [gate()] }, "g", { asOf }))).toEqual(["items", 1, "rolloutPlanId"]);
  });
});

describe("the approval rule is read, never assumed met", () => {
  const judge = (g: Partial<Gate>) => () => evaluateGate({ items: [item("a")], gates: [gate(g)] }, "g", { asOf });

  it("one approver's vote listed twice counted as two approvals (GO with minApprovals 2)", () => {
    const twice = { minApprovals: 2, approvals: [{ personId: "p", vote: "approve" as const, at }, { personId: "p", vote: "approve" as const, at }] };
    expect(firstIssuePath(judge(twice))).toEqual(["gates", 0, "approvals", 1, "personId"]);
  });

  it("minApprovals missing or NaN compared as false: GO with no vote at all", () => {
    // `0 < undefined` and `0 < NaN` are false, so "0 of undefined required approvals" passed.
    expect(firstIssuePath(judge({ approvals: [], minApprovals: undefined as never }))).toEqual(["gates", 0, "minApprovals"]);
    expect(firstIssuePath(judge({ approvals: [], minApprovals: Number.NaN }))).toEqual(["gates", 0, "minApprovals"]);
    expect(firstIssuePath(judge({ approvals: [], minApprovals: 0 }))).toEqual(["gates", 0, "minApprovals"]);
    expect(firstIssuePath(judge({ approvals: [], minApprovals: 3 }))).toEqual(["gates", 0, "minApprovals"]); // only 2 approvers
  });

  it("an approver listed twice is refused", () => {
    expect(firstIssuePath(judge({ approvers: [{ personId: "p" }, { personId: "p" }] }))).toEqual(["gates", 0, "approvers", 1, "personId"]);
  });
});
