import { describe, expect, it } from "vitest";
import { createWorkingCalendar, instant, isoDate, type ChecklistItem, type Gate } from "../../src/index.js";
import { DEFAULT_IT_ROLLOUT_TEMPLATE, evaluateGate, overdueItems, readinessProgress, scheduleRollout } from "../../src/rollout/index.js";
import { firstIssuePath } from "../support/errors.js";

// The memory forms the calculators take are typed, but plain JavaScript (or `as`) can hand them anything. The fields a
// result depends on are checked, so a typo is a ValidationError with its path, never a silently different answer.

describe("scheduleRollout re-checks an edited template in memory form", () => {
  const e0 = DEFAULT_IT_ROLLOUT_TEMPLATE.entries[0]!;
  const run = (entry: object) => () =>
    scheduleRollout({ ...DEFAULT_IT_ROLLOUT_TEMPLATE, entries: [entry as never] }, { goLive: isoDate("2027-03-01"), calendar: createWorkingCalendar({}) });

  it("an entry without dependsOn threw a TypeError ('reading forEach'); now a ValidationError at entries[0].dependsOn", () => {
    const { dependsOn: _omitted, ...noDeps } = e0;
    expect(firstIssuePath(run(noDeps))).toEqual(["entries", 0, "dependsOn"]);
  });

  it("a bad offset or anchor is reported at its entry, not as an argument of dueDateFor", () => {
    expect(firstIssuePath(run({ ...e0, dependsOn: [], tMinusDays: Number.NaN }))).toEqual(["entries", 0, "tMinusDays"]);
    expect(firstIssuePath(run({ ...e0, dependsOn: [], tMinusDays: "5" }))).toEqual(["entries", 0, "tMinusDays"]);
    expect(firstIssuePath(run({ ...e0, dependsOn: [], anchor: "__proto__" }))).toEqual(["entries", 0, "anchor"]);
  });

  it("blocking given as the text 'false' came back as a blocking item ('false' is truthy downstream)", () => {
    expect(firstIssuePath(run({ ...e0, dependsOn: [], blocking: "false" }))).toEqual(["entries", 0, "blocking"]);
  });

  it("the default template and its edited copies still schedule", () => {
    expect(run({ ...e0, dependsOn: [], tMinusDays: 12 })().items[0]!.tMinusDays).toBe(12);
  });
});

const at = instant("2025-03-01T08:00:00Z");
const asOf = isoDate("2025-03-10");
function item(extra: Record<string, unknown>): ChecklistItem {
  return {
    id: "a", version: 1, createdAt: at, updatedAt: at, rolloutPlanId: "rp-x", code: "A", title: "a", phase: "prepare", category: "help-desk",
    raci: [], anchor: "go-live", tMinusDays: 5, dependsOn: [], blocking: true, gateIds: [], status: "todo", evidence: [], ...extra,
  } as unknown as ChecklistItem;
}
const gate = {
  id: "g", version: 1, createdAt: at, updatedAt: at, rolloutPlanId: "rp-x", name: "Go/No-Go", type: "go-no-go",
  scope: { phases: ["prepare"] }, approvers: [{ personId: "p" }], minApprovals: 1, approvals: [{ personId: "p", vote: "approve", at }],
} as unknown as Gate;
const done = item({ id: "d", code: "D", status: "done", completedOn: isoDate("2025-03-05") });

describe("gates and readiness check the item fields they read", () => {
  it("an open blocking item with phase 'Prepare' fell out of the gate's scope: GO", () => {
    expect(evaluateGate({ items: [done, item({ phase: "prepare" })], gates: [gate] }, "g", { asOf }).outcome).toBe("no-go");
    expect(firstIssuePath(() => evaluateGate({ items: [done, item({ phase: "Prepare" })], gates: [gate] }, "g", { asOf }))).toEqual(["items", 1, "phase"]);
  });

  it("an open item whose blocking flag is missing was advisory: CONDITIONAL GO instead of NO-GO", () => {
    expect(firstIssuePath(() => evaluateGate({ items: [done, item({ blocking: undefined })], gates: [gate] }, "g", { asOf }))).toEqual(["items", 1, "blocking"]);
  });

  it("a status typo ('complete') read as 'in progress'; a category typo made its own readiness group", () => {
    expect(firstIssuePath(() => readinessProgress([done, item({ status: "complete" })], { asOf }))).toEqual(["items", 1, "status"]);
    expect(firstIssuePath(() => readinessProgress([done, item({ category: "helpdesk" })], { asOf }))).toEqual(["items", 1, "category"]);
    expect(firstIssuePath(() => overdueItems([item({ dueDate: "2025-3-1" })], { asOf }))).toEqual(["items", 0, "dueDate"]);
  });
});
