import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/index.js";
import { evaluateGate, readinessProgress } from "../../src/rollout/index.js";
import { doneItem, goNoGoGate } from "./helpers.js";

// A gate must not pass from nothing. A scope whose items are all not applicable (or skipped) has nothing applicable:
// readiness says `no-applicable-items` for it, while evaluateGate read GO on the sponsor's vote alone. The gate now
// reads NO-GO with the same typed reason, in `readiness` — the scope's readiness count, as readinessProgress gives it.
const asOf = isoDate("2025-03-10");
const na = (id: string, blocking = true) =>
  doneItem(id, { status: "not-applicable", completedOn: undefined, statusReason: "No database", notApplicableOn: isoDate("2025-03-05"), blocking });
const skipped = (id: string) =>
  doneItem(id, { status: "skipped", completedOn: undefined, statusReason: "Covered elsewhere", skippedOn: isoDate("2025-03-05"), blocking: false });

describe("a gate whose scope holds nothing applicable is not GO", () => {
  it("two blocking N/A items, the one approval given: was GO, now NO-GO with no-applicable-items, as readiness says", () => {
    const items = [na("a"), na("b")];
    const r = evaluateGate({ items, gates: [goNoGoGate()] }, "g", { asOf });
    expect(readinessProgress(items, { asOf }).overall.percent).toEqual({ reason: "no-applicable-items" });
    expect(r.outcome).toBe("no-go");
    expect(r.readiness.percent).toEqual({ reason: "no-applicable-items" });
    expect(r.readiness).toMatchObject({ total: 2, notApplicable: 2, skipped: 0, applicable: 0, done: 0 });
    expect(r.reasons).toEqual(["no applicable checklist item in the gate's scope (2 not applicable, 0 skipped): nothing shows the gate is ready"]);
    expect(r.blockers).toEqual([]);
  });

  it("an advisory skipped item and a blocking N/A one: NO-GO (was GO)", () => {
    const r = evaluateGate({ items: [na("a"), skipped("c")], gates: [goNoGoGate()] }, "g", { asOf });
    expect([r.outcome, r.readiness.percent.reason]).toEqual(["no-go", "no-applicable-items"]);
    expect(r.reasons[0]).toBe("no applicable checklist item in the gate's scope (1 not applicable, 1 skipped): nothing shows the gate is ready");
  });

  it("an empty scope gives the same typed reason; one done item beside the N/A ones is GO at 100 %", () => {
    const empty = evaluateGate({ items: [na("a")], gates: [goNoGoGate({ scope: { phases: ["deploy"] } })] }, "g", { asOf });
    expect([empty.outcome, empty.readiness.percent.reason, empty.readiness.total]).toEqual(["no-go", "no-applicable-items", 0]);
    const r = evaluateGate({ items: [na("a"), doneItem("d")], gates: [goNoGoGate()] }, "g", { asOf });
    expect(r.outcome).toBe("go");
    // 1 done ÷ (2 − 1 not applicable) = 100 %
    expect(r.readiness.percent.value?.toFixed()).toBe("100");
  });

  it("before the N/A day the item still applied and was open: NO-GO for the blocker, readiness 0 of 1", () => {
    const r = evaluateGate({ items: [na("a")], gates: [goNoGoGate()] }, "g", { asOf: isoDate("2025-03-04") });
    expect(r.outcome).toBe("no-go");
    expect(r.blockers.map((b) => b.id)).toEqual(["a"]);
    expect(r.readiness.percent.value?.toFixed()).toBe("0");
  });
});
