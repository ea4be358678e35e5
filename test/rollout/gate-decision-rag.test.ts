import { describe, expect, it } from "vitest";
import { isoDate, ragStatus } from "../../src/index.js";
import { evaluateGate, readinessFigures } from "../../src/rollout/index.js";
import { CREATED_AT, doneItem, goNoGoGate } from "./helpers.js";

// A go/no-go gate that has come with every blocking item closed but NO-GO because the approvals are missing or an
// approver with a veto voted reject counted 0 blocking items open, so `readinessFigures(...).rag` read 0 and the
// readiness RAG went green while the gate said NO-GO. The figures now tell both: `openBlockingAtGoNoGo` is still the
// items' count (0), `goNoGoGatesBlocked` names each gate held by its decision with the typed cause and the rule that
// produced it, and the RAG figure counts such a gate as one open blocking condition (red by default).
// `evaluateGate` gives the typed causes of a NO-GO in `noGoCauses`.
const asOf = isoDate("2025-03-11");
const planned = { plannedDate: isoDate("2025-03-10") };

describe("a go/no-go gate held only by its approvals never reads green", () => {
  it("missing approvals: items 100% ready, NO-GO, the RAG figure is 1 (red), the gate listed with its cause and rule", () => {
    // One done blocking item; the one approver has not voted: 0 of 1 approvals → NO-GO.
    const data = { items: [doneItem("a")], gates: [goNoGoGate({ ...planned, approvals: [] })] };
    const e = evaluateGate(data, "g", { asOf });
    expect([e.outcome, e.readiness.percent.value?.toFixed(), e.blockers.length, e.noGoCauses]).toEqual(["no-go", "100", 0, ["approvals-missing"]]);
    const f = readinessFigures(data, { asOf });
    expect(f.openBlockingAtGoNoGo).toBe(0); // the items: none open
    expect(f.goNoGoGatesBlocked).toEqual([
      {
        gateId: "g",
        causes: ["approvals-missing"],
        readiness: e.readiness,
        rule: "a gate is GO only with its minimum of approving votes by asOf",
        note: "go/no-go gate g (planned 2025-03-10) is NO-GO with every blocking item closed (100% ready): 0 of 1 required approvals given",
      },
    ]);
    expect(f.rag.openBlockingAtGoNoGo.value?.toFixed()).toBe("1");
    const readiness = ragStatus({ id: "P" }, { asOf, figures: f.rag }).dimensions.find((d) => d.dimension === "readiness")!;
    expect(readiness.colour).toBe("red");
  });

  it("a veto: NO-GO though the quorum is met; listed with cause vetoed, counted", () => {
    // p approves (1 of 1 met), sec has a veto and rejects → NO-GO.
    const gate = goNoGoGate({
      ...planned,
      approvers: [{ personId: "p" }, { personId: "sec", role: "security-officer", veto: true }],
      approvals: [{ personId: "p", vote: "approve", at: CREATED_AT }, { personId: "sec", vote: "reject", at: CREATED_AT }],
    } as never);
    const data = { items: [doneItem("a")], gates: [gate] };
    expect(evaluateGate(data, "g", { asOf }).noGoCauses).toEqual(["vetoed"]);
    const f = readinessFigures(data, { asOf });
    expect(f.goNoGoGatesBlocked.map((b) => [b.gateId, b.causes, b.rule])).toEqual([["g", ["vetoed"], "a reject from an approver with a veto makes the gate NO-GO"]]);
    expect(f.goNoGoGatesBlocked[0]!.note).toBe(
      "go/no-go gate g (planned 2025-03-10) is NO-GO with every blocking item closed (100% ready): vetoed by sec (security-officer): an approver with a veto voted reject",
    );
    expect([f.openBlockingAtGoNoGo, f.rag.openBlockingAtGoNoGo.value?.toFixed()]).toEqual([0, "1"]);
  });

  it("a gate with open blocking items and missing approvals counts its items (2), not the gate again; a GO gate adds nothing", () => {
    const open = (id: string) => doneItem(id, { status: "todo", completedOn: undefined, dueDate: isoDate("2025-03-20") });
    const f = readinessFigures({ items: [open("x"), open("y")], gates: [goNoGoGate({ ...planned, approvals: [] })] }, { asOf });
    expect([f.openBlockingAtGoNoGo, f.rag.openBlockingAtGoNoGo.value?.toFixed(), f.goNoGoGatesBlocked.map((b) => b.causes)]).toEqual([2, "2", [["blocking-items", "approvals-missing"]]]);
    const go = readinessFigures({ items: [doneItem("a")], gates: [goNoGoGate(planned)] }, { asOf });
    expect([go.goNoGoGatesBlocked, go.rag.openBlockingAtGoNoGo.value?.toFixed()]).toEqual([[], "0"]);
  });

  it("evaluateGate: noGoCauses lists every cause in order, and is empty for a go", () => {
    const e = evaluateGate({ items: [], gates: [goNoGoGate({ approvals: [] })] }, "g", { asOf });
    expect(e.noGoCauses).toEqual(["no-scope", "approvals-missing"]);
    expect(evaluateGate({ items: [doneItem("a")], gates: [goNoGoGate()] }, "g", { asOf }).noGoCauses).toEqual([]);
  });
});
