import { describe, expect, it } from "vitest";
import { isoDate, ragStatus } from "../../src/index.js";
import { evaluateGate, readinessFigures, readinessProgress } from "../../src/rollout/index.js";
import { firstIssuePath } from "../support/errors.js";
import { doneItem, goNoGoGate } from "./helpers.js";

// Fifth audit pass of rollout readiness: hand-derived cases, each with its derivation.

const asOf = isoDate("2025-03-11");
const todo = (id: string, extra: Parameters<typeof doneItem>[1] = {}) => doneItem(id, { status: "todo", completedOn: undefined, ...extra });

describe("readinessFigures: an open blocking item with no due day is not 'on time'", () => {
  // Two blocking items, neither done, neither scheduled (instantiated but scheduleChecklist never run): no due day, so
  // whether they are late cannot be told. The overdue count read 0, and the readiness-overdue rule green ("every
  // blocking item on time") from nothing. Now the figure is missing with `no-planned-date`, naming the items.
  it("missing with no-planned-date when every open blocking item is unscheduled", () => {
    const f = readinessFigures({ items: [todo("a"), todo("b"), doneItem("d")], gates: [] }, { asOf });
    expect(f.overdueBlockingItems).toBe(0); // the deprecated count stays the count
    expect(f.rag.overdueBlockingItems).toEqual({
      reason: "no-planned-date",
      detail: "2 open blocking item(s) have no due day (A, B): whether they are on time cannot be told",
    });
    const s = ragStatus({ id: "P" }, { asOf, figures: f.rag });
    const rule = s.dimensions.find((d) => d.dimension === "readiness")!.rules.find((r) => r.ruleId === "readiness-overdue")!;
    expect([rule.colour, rule.missing?.reason]).toEqual([undefined, "no-planned-date"]);
  });

  it("a known late item still rates (amber), whatever the unscheduled ones; an advisory or closed unscheduled item does not matter", () => {
    // c is due 2025-03-05 and open on 03-11: 1 overdue → amber, even beside the unscheduled a.
    const f = readinessFigures({ items: [todo("a"), todo("c", { dueDate: isoDate("2025-03-05") })], gates: [] }, { asOf });
    expect(f.rag.overdueBlockingItems.value?.toFixed()).toBe("1");
    // An advisory item without a due day, and a done blocking one without it: every open blocking item is dated → 0.
    const g = readinessFigures({ items: [todo("x", { blocking: false }), doneItem("d"), todo("e", { dueDate: isoDate("2025-03-20") })], gates: [goNoGoGate()] }, { asOf });
    expect(g.rag.overdueBlockingItems.value?.toFixed()).toBe("0");
  });
});

describe("a not-applicable or skipped item without its reason, in memory form", () => {
  // The gate rule: a blocking item passes when done, waived, or not applicable WITH its reason (AWS WA Tool's
  // NOT_APPLICABLE needs a reason). The entity schema refuses N/A without a reason, but evaluateGate and readiness
  // check the memory form themselves (a done item without completedOn, a waived one without waiver) — not this one:
  // a blocking item set to N/A with no reason dropped out of the scope and the gate read GO (1 of 1 applicable done,
  // the sponsor approving). Now a ValidationError at ["items", i, "statusReason"].
  const naNoReason = doneItem("n", { status: "not-applicable", completedOn: undefined, notApplicableOn: isoDate("2025-03-05") });
  const data = { items: [doneItem("a"), naNoReason], gates: [goNoGoGate()] };

  it("evaluateGate refuses it at its path (was GO)", () => {
    expect(firstIssuePath(() => evaluateGate(data, "g", { asOf }))).toEqual(["items", 1, "statusReason"]);
    // With its reason the item is excluded and the gate is GO: 1 of 1 applicable items done, 1 of 1 approvals.
    const withReason = { ...data, items: [doneItem("a"), { ...naNoReason, statusReason: "No database" }] };
    expect(evaluateGate(withReason, "g", { asOf }).outcome).toBe("go");
  });

  it("readinessProgress refuses a skipped item with a blank reason", () => {
    const skipped = doneItem("s", { status: "skipped", completedOn: undefined, statusReason: "  ", skippedOn: isoDate("2025-03-05") });
    expect(firstIssuePath(() => readinessProgress([doneItem("a"), skipped], { asOf }))).toEqual(["items", 1, "statusReason"]);
  });
});

describe("readinessFigures: a go/no-go gate's day and type, in memory form", () => {
  // One blocking item open (due 2025-03-20), the go/no-go gate planned "2025-3-10" (not YYYY-MM-DD). As text,
  // "2025-3-10" > "2025-03-11" ('3' after '0'), so the gate never came: openBlockingAtGoNoGo read no-data ("no go/no-go
  // gate has come by 2025-03-11") instead of 1 — red by default. Now a ValidationError at ["gates", 0, "plannedDate"];
  // and a gate type that is none of the gate types ("go/no-go") would leave the gate out of the figure: refused at
  // ["gates", 0, "type"].
  const open = todo("x", { dueDate: isoDate("2025-03-20") });

  it("refuses a planned date that is not YYYY-MM-DD (was: the gate never came)", () => {
    const sloppy = goNoGoGate({ plannedDate: "2025-3-10" as never });
    expect(firstIssuePath(() => readinessFigures({ items: [open], gates: [sloppy] }, { asOf }))).toEqual(["gates", 0, "plannedDate"]);
    // Written 2025-03-10 the gate has come by 03-11 and its open blocking item counts: 1 (red by default).
    const f = readinessFigures({ items: [open], gates: [goNoGoGate({ plannedDate: isoDate("2025-03-10") })] }, { asOf });
    expect(f.rag.openBlockingAtGoNoGo.value?.toFixed()).toBe("1");
  });

  it("refuses an unknown gate type (was: left out of the go/no-go figure)", () => {
    const typo = goNoGoGate({ type: "go/no-go" as never, plannedDate: isoDate("2025-03-10") });
    expect(firstIssuePath(() => readinessFigures({ items: [open], gates: [typo] }, { asOf }))).toEqual(["gates", 0, "type"]);
  });
});

describe("readinessFigures: with the plan given, another plan's items are refused whether or not a gate has come", () => {
  // Plan rp-x; item y1 belongs to rp-y, blocking, due 2025-03-05, open on 03-11: overdue. evaluateGate refuses another
  // plan's item when `plan` is given, but readinessFigures called it only for gates that had come: with no gate come
  // yet, y1 was counted — overdueBlockingItems 1, the plan's readiness amber for another plan's late item. Now
  // refused at ["items", 0, "rolloutPlanId"] either way.
  const plan = { id: "rp-x" } as never;
  const foreign = todo("y1", { rolloutPlanId: "rp-y", dueDate: isoDate("2025-03-05") });

  it("is a ValidationError with no gate come yet (was 1 overdue)", () => {
    expect(firstIssuePath(() => readinessFigures({ plan, items: [foreign, doneItem("a")], gates: [] }, { asOf }))).toEqual(["items", 0, "rolloutPlanId"]);
    // Without the plan nothing says which plan is meant: the item is counted (1 overdue → amber).
    expect(readinessFigures({ items: [foreign, doneItem("a")], gates: [] }, { asOf }).rag.overdueBlockingItems.value?.toFixed()).toBe("1");
  });
});
