import { describe, expect, it } from "vitest";
import { isoDate, ragStatus } from "../../src/index.js";
import { evaluateGate, readinessFigures } from "../../src/rollout/index.js";
import { doneItem, goNoGoGate } from "./helpers.js";

// A go/no-go gate that is NO-GO because nothing in its scope applies has no open blocking item, so readinessFigures
// counted 0 blocking items open at it and the readiness RAG read green — a rating from nothing. ragStatus's convention
// for no data is a figure missing with its reason (its rule does not rate). `readinessFigures(...).rag` now gives the
// two readiness figures as Metrics, ready for ragStatus: the go/no-go figure is missing with `no-applicable-items`
// naming the gate(s) when a gate that has come has nothing applicable, `no-data` when no go/no-go gate has come yet;
// the overdue figure is missing with `no-data` when there is no checklist item at all.
const asOf = isoDate("2025-03-11");
const na = (id: string) =>
  doneItem(id, { status: "not-applicable", completedOn: undefined, statusReason: "No database", notApplicableOn: isoDate("2025-03-05") });
const open = (id: string, phase: "prepare" | "deploy" = "prepare") =>
  doneItem(id, { status: "todo", completedOn: undefined, phase, dueDate: isoDate("2025-03-20") });
const gate = (id: string, phases: ("prepare" | "deploy")[], plannedDate = "2025-03-10") =>
  goNoGoGate({ id, scope: { phases }, plannedDate: isoDate(plannedDate) });

describe("the readiness RAG is never green from a gate with nothing applicable", () => {
  it("a go/no-go gate that has come, both blocking items N/A: NO-GO, and the go/no-go figure is missing (no-applicable-items), not 0", () => {
    const data = { items: [na("a"), na("b")], gates: [gate("g", ["prepare"])] };
    expect(evaluateGate(data, "g", { asOf }).readiness.percent).toEqual({ reason: "no-applicable-items" });
    const f = readinessFigures(data, { asOf });
    expect(f.openBlockingAtGoNoGo).toBe(0); // the count is still the count
    expect(f.goNoGoGatesUnrated).toEqual([
      { gateId: "g", reason: "no-applicable-items", note: "go/no-go gate g (planned 2025-03-10) has no applicable checklist item in its scope: nothing shows it is ready" },
    ]);
    expect(f.rag.openBlockingAtGoNoGo).toEqual({
      reason: "no-applicable-items",
      detail: "go/no-go gate g (planned 2025-03-10) has no applicable checklist item in its scope: nothing shows it is ready",
    });
    // Two N/A items, none overdue: the overdue count is a real 0.
    expect(f.rag.overdueBlockingItems.value?.toFixed()).toBe("0");
    const s = ragStatus({ id: "P" }, { asOf, figures: f.rag });
    const readiness = s.dimensions.find((d) => d.dimension === "readiness")!;
    const rule = readiness.rules.find((r) => r.ruleId === "readiness-go-no-go")!;
    expect([rule.colour, rule.missing?.reason]).toEqual([undefined, "no-applicable-items"]);
    expect(readiness.partial).toBe(true);
  });

  it("a gate with nothing applicable beside a gate with one open blocking item: the count rates (red), the unrated gate is listed", () => {
    // g: only N/A items (unrated); h: one open blocking item → 1. A known red is not hidden behind an unknown: the
    // figure is 1 (as ragStatus counts the baselined key milestones and leaves the others out), g listed as unrated.
    const data = { items: [na("a"), open("x", "deploy")], gates: [gate("g", ["prepare"]), gate("h", ["deploy"])] };
    const f = readinessFigures(data, { asOf });
    expect([f.openBlockingAtGoNoGo, f.rag.openBlockingAtGoNoGo.value?.toFixed(), f.goNoGoGatesUnrated.map((u) => u.gateId)]).toEqual([1, "1", ["g"]]);
    expect(ragStatus({ id: "P" }, { asOf, figures: f.rag }).dimensions.find((d) => d.dimension === "readiness")!.colour).toBe("red");
  });

  it("a gate whose only blocking item was skipped is held by it: counted (1), not unrated", () => {
    const skipped = doneItem("s", { status: "skipped", completedOn: undefined, statusReason: "Dropped", skippedOn: isoDate("2025-03-05") });
    const f = readinessFigures({ items: [skipped], gates: [gate("g", ["prepare"])] }, { asOf });
    expect([f.goNoGoGatesUnrated, f.rag.openBlockingAtGoNoGo.value?.toFixed()]).toEqual([[], "1"]);
  });

  it("every gate that has come judged: the figure is the count (1 → red by default, 0 → green)", () => {
    const f = readinessFigures({ items: [open("x"), doneItem("d")], gates: [gate("g", ["prepare"])] }, { asOf });
    expect([f.goNoGoGatesUnrated, f.rag.openBlockingAtGoNoGo.value?.toFixed()]).toEqual([[], "1"]);
    const s = ragStatus({ id: "P" }, { asOf, figures: f.rag });
    expect(s.dimensions.find((d) => d.dimension === "readiness")!.colour).toBe("red");
    const g = readinessFigures({ items: [doneItem("d")], gates: [gate("g", ["prepare"])] }, { asOf });
    expect(g.rag.openBlockingAtGoNoGo.value?.toFixed()).toBe("0");
  });

  it("no go/no-go gate has come yet, or no item at all: no-data, not 0", () => {
    const f = readinessFigures({ items: [doneItem("d")], gates: [gate("g", ["prepare"], "2025-03-20")] }, { asOf });
    expect(f.rag.openBlockingAtGoNoGo).toEqual({ reason: "no-data", detail: "no go/no-go gate has come by 2025-03-11" });
    const e = readinessFigures({ items: [], gates: [] }, { asOf });
    expect(e.rag.overdueBlockingItems).toEqual({ reason: "no-data", detail: "no checklist item recorded" });
  });
});
