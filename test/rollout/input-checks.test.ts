import { describe, expect, it } from "vitest";
import { instant, isoDate, type ChecklistItem, type Gate } from "../../src/index.js";
import { evaluateGate, overdueItems, scheduleChecklist } from "../../src/rollout/index.js";
import { firstIssuePath, validationErrorOf } from "../support/errors.js";
import { sampleRollout } from "./helpers.js";

const { plan, items } = sampleRollout();

describe("scheduleChecklist checks planStart like scheduleRollout does", () => {
  it("'2026-9-01' was compared as text: every item 'due before the plan starts'; an empty string let everything pass", () => {
    // The sample plan's earliest item, GOV-01, is due 2026-09-24, after a plan start of 2026-09-01.
    expect(scheduleChecklist(plan, items, { planStart: isoDate("2026-09-01") }).items).toHaveLength(29);
    for (const bad of ["2026-9-01", "", "2026-02-30", "next week"]) {
      expect(firstIssuePath(() => scheduleChecklist(plan, items, { planStart: bad as never }))).toEqual(["planStart"]);
    }
  });
});

// Instants are compared by their UTC day. A record built in memory with an offset ("+02:00") was judged by the day
// written in its text, not by its UTC day.
const at = instant("2025-03-01T08:00:00Z");
const done = { id: "a", version: 1, createdAt: at, updatedAt: at, rolloutPlanId: "rp-x", code: "A", title: "a", phase: "prepare", category: "help-desk",
  raci: [], anchor: "go-live", tMinusDays: 5, dependsOn: [], blocking: true, gateIds: [], status: "done", completedOn: isoDate("2025-03-05"), evidence: [] } as unknown as ChecklistItem;
const gateVotingAt = (when: string): Gate => ({
  id: "g", version: 1, createdAt: at, updatedAt: at, rolloutPlanId: "rp-x", name: "Go/No-Go", type: "go-no-go",
  scope: { phases: ["prepare"] }, approvers: [{ personId: "p" }], minApprovals: 1, approvals: [{ personId: "p", vote: "approve", at: when }],
}) as unknown as Gate;

describe("as-of days of instants with an offset", () => {
  const outcome = (when: string) => evaluateGate({ items: [done], gates: [gateVotingAt(when)] }, "g", { asOf: isoDate("2025-03-10") }).outcome;
  it("a vote at 2025-03-11T01:00+02:00 (= 03-10T23:00Z) counts on 03-10 (was not counted: NO-GO)", () => {
    expect(outcome("2025-03-11T01:00:00+02:00")).toBe("go");
  });
  it("a vote at 2025-03-10T23:30-05:00 (= 03-11T04:30Z) does not count on 03-10 (was counted: GO)", () => {
    expect(outcome("2025-03-10T23:30:00-05:00")).toBe("no-go");
  });
  it("a vote stamped with text that is not an instant is a ValidationError, not a vote 'after every day'", () => {
    expect(validationErrorOf(() => outcome("last Tuesday")).message).toMatch(/not an instant/);
  });
});

describe("overdue list order does not depend on input order", () => {
  it("two items with the same code and the same days overdue come back in id order", () => {
    const late = (id: string) => ({ ...done, id, code: "X-1", status: "todo", completedOn: undefined, dueDate: isoDate("2025-03-03") }) as unknown as ChecklistItem;
    const asOf = isoDate("2025-03-10");
    expect(overdueItems([late("b"), late("a")], { asOf }).items.map((i) => i.id)).toEqual(["a", "b"]);
    expect(overdueItems([late("a"), late("b")], { asOf }).items.map((i) => i.id)).toEqual(["a", "b"]);
  });
});

describe("facts too large for a JavaScript number", () => {
  it("9007199254740993 given as a number arrived as …992 and failed '= 9007199254740993'; it must be given as text", async () => {
    const { decodeFacts } = await import("../../src/rollout/index.js");
    expect(firstIssuePath(() => decodeFacts({ "bytes.copied": 9007199254740993 }))).toEqual(["facts", "bytes.copied"]);
    expect(decodeFacts({ "bytes.copied": "9007199254740993" }).get("bytes.copied")!.toFixed()).toBe("9007199254740993");
    expect(decodeFacts({ "training.percent": 92.5, big: Number.MAX_SAFE_INTEGER }).get("training.percent")!.toFixed()).toBe("92.5");
  });
});
