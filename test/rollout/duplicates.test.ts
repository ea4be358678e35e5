import { describe, expect, it } from "vitest";
import { instant, isoDate, type ChecklistItem, type Gate } from "../../src/index.js";
import { evaluateGate, orderByDependencies, overdueItems, readinessFigures, readinessProgress, scheduleChecklist, waveProgress } from "../../src/rollout/index.js";
import { firstIssuePath } from "../support/errors.js";
import { sampleRollout, doneItem, goNoGoGate } from "./helpers.js";

// A record listed twice is the same work counted twice. Each case below was accepted and gave a figure computed over
// the doubled list.
const at = instant("2025-03-01T08:00:00Z");
const asOf = isoDate("2025-03-10");
const item = doneItem;
const todo = (id: string, extra: Partial<ChecklistItem> = {}) => item(id, { status: "todo", completedOn: undefined, ...extra });
const gate = goNoGoGate;

describe("checklist items listed twice are refused, not counted twice", () => {
  it("readinessProgress: a done item listed twice read 66.67 % for one of two items done (50 %)", () => {
    // a done, b todo: 1 ÷ 2 = 50 %. With a listed twice: 2 ÷ 3 = 66.67 %.
    expect(readinessProgress([item("a"), todo("b")], { asOf }).overall.percent.value!.toFixed()).toBe("50");
    expect(firstIssuePath(() => readinessProgress([item("a"), item("a"), todo("b")], { asOf }))).toEqual(["items", 1, "id"]);
  });

  it("overdueItems: an overdue item listed twice was listed twice", () => {
    const late = todo("l", { dueDate: isoDate("2025-03-03") });
    expect(overdueItems([late], { asOf }).items).toHaveLength(1);
    expect(firstIssuePath(() => overdueItems([late, late], { asOf }))).toEqual(["items", 1, "id"]);
  });

  it("evaluateGate and readinessFigures: the same id once done and once open gave whatever came first", () => {
    expect(firstIssuePath(() => evaluateGate({ items: [item("a"), todo("a")], gates: [gate()] }, "g", { asOf }))).toEqual(["items", 1, "id"]);
    expect(firstIssuePath(() => readinessFigures({ items: [todo("a", { dueDate: isoDate("2025-03-03") }), todo("a", { dueDate: isoDate("2025-03-03") })], gates: [] }, { asOf })))
      .toEqual(["items", 1, "id"]);
  });

  it("evaluateGate: two gates with one id were judged by the first one only (GO from the one with the vote)", () => {
    // The second "g" has no vote: which one is the gate? The answer depended on input order.
    expect(evaluateGate({ items: [item("a")], gates: [gate()] }, "g", { asOf }).outcome).toBe("go");
    expect(firstIssuePath(() => evaluateGate({ items: [item("a")], gates: [gate(), gate({ approvals: [] })] }, "g", { asOf }))).toEqual(["gates", 1, "id"]);
    expect(firstIssuePath(() => readinessFigures({ items: [item("a")], gates: [gate(), gate()] }, { asOf }))).toEqual(["gates", 1, "id"]);
  });

  it("orderByDependencies and scheduleChecklist: an id listed twice came back twice", () => {
    // [a, a (after b), b] was ordered [a, b, a]: which "a" does b wait for?
    expect(firstIssuePath(() => orderByDependencies([{ id: "a", dependsOn: [] }, { id: "a", dependsOn: ["b"] }, { id: "b", dependsOn: [] }]))).toEqual([1, "id"]);
    const { plan } = sampleRollout();
    const mine = (id: string, tMinusDays: number) => todo(id, { rolloutPlanId: plan.id, tMinusDays });
    expect(scheduleChecklist(plan, [mine("a", 5), mine("b", 3)]).items).toHaveLength(2);
    expect(firstIssuePath(() => scheduleChecklist(plan, [mine("a", 5), mine("a", 3)]))).toEqual([1, "id"]);
  });
});

describe("waves listed twice are refused, not added up twice", () => {
  it("waveProgress: the pilot (40 targeted) listed twice read 80 targeted", () => {
    const { plan } = sampleRollout();
    const pilot = plan.waves[0]!;
    expect(waveProgress({ waves: [pilot] }, { asOf: isoDate("2026-11-20") }).total.targeted).toBe(40);
    expect(firstIssuePath(() => waveProgress({ waves: [pilot, pilot] }, { asOf: isoDate("2026-11-20") }))).toEqual(["plan", "waves", 1, "id"]);
  });
});
