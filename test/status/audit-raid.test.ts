import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, money, type Action, type ChangeRequest, type Decision, type Issue } from "../../src/index.js";
import { changeRequestImpact, issueAgeing, overdueActions, pendingDecisions } from "../../src/status/index.js";
import { firstIssuePath } from "../support/errors.js";

// Audit of the RAID log calculations: a record listed twice must not be summed, averaged or listed twice.

const at = "2026-03-01T09:00:00.000Z";
const asOf = isoDate("2026-03-31");

const pathOf = firstIssuePath;

const cr = (id: string, amount: string, extra: Record<string, unknown> = {}) =>
  decodeEntity("change-request", {
    id, version: 1, createdAt: at, updatedAt: at, projectId: "P", title: id, description: "", requestedBy: "p-a",
    requestedOn: "2026-03-01", scopeImpact: "", costImpact: { amount, currency: "EUR" }, scheduleImpactDays: 10,
    status: "approved", decidedBy: "p-b", decidedOn: "2026-03-10", ...extra,
  }) as ChangeRequest;
const issue = (id: string, raisedOn: string) =>
  decodeEntity("issue", { id, version: 1, createdAt: at, updatedAt: at, projectId: "P", title: id, severity: "high", ownerId: "p-o", raisedOn, status: "open" }) as Issue;
const action = (id: string) =>
  decodeEntity("action", { id, version: 1, createdAt: at, updatedAt: at, projectId: "P", title: id, ownerId: "p-o", dueDate: "2026-03-20", status: "open" }) as Action;
const decision = (id: string) =>
  decodeEntity("decision", { id, version: 1, createdAt: at, updatedAt: at, projectId: "P", title: id, status: "proposed" }) as Decision;

describe("change request impact counts each request once", () => {
  it("a request listed twice is refused, not summed twice", () => {
    // Before: [CR-1, CR-1] approved cost 2 × 1,000.00 = 2,000.00 and 20 days.
    expect(pathOf(() => changeRequestImpact([cr("CR-1", "1000.00"), cr("CR-1", "1000.00")], { currency: "EUR" }))).toEqual(["changeRequests", 1, "id"]);
    expect(changeRequestImpact([cr("CR-1", "1000.00")], { currency: "EUR" }).approved).toEqual({ changeRequestIds: ["CR-1"], cost: money("1000.00", "EUR"), scheduleDays: 10, statusUnknown: [] });
  });

  it("decided on asOf itself is decided then; decided the day after is still pending", () => {
    // CR-1 decided 03-10: approved as of 03-10, pending as of 03-09.
    expect(changeRequestImpact([cr("CR-1", "1000.00")], { currency: "EUR", asOf: isoDate("2026-03-10") }).approved.changeRequestIds).toEqual(["CR-1"]);
    expect(changeRequestImpact([cr("CR-1", "1000.00")], { currency: "EUR", asOf: isoDate("2026-03-09") }).pending.changeRequestIds).toEqual(["CR-1"]);
  });
});

describe("issue ageing, overdue actions, pending decisions: each record once", () => {
  it("an issue listed twice is refused (it weighed twice in the average age)", () => {
    // Before: I-1 (30 days: 03-01 → 03-31) twice and I-2 (10 days) averaged (30 + 30 + 10) ÷ 3 = 23.33…, not 20.
    expect(pathOf(() => issueAgeing([issue("I-1", "2026-03-01"), issue("I-2", "2026-03-21"), issue("I-1", "2026-03-01")], { asOf }))).toEqual(["issues", 2, "id"]);
    expect(issueAgeing([issue("I-1", "2026-03-01"), issue("I-2", "2026-03-21")], { asOf }).averageOpenAgeDays.value!.toFixed()).toBe("20");
  });

  it("an action or a decision listed twice is refused (it was listed twice)", () => {
    expect(pathOf(() => overdueActions([action("A-1"), action("A-1")], { asOf }))).toEqual(["actions", 1, "id"]);
    expect(pathOf(() => pendingDecisions([decision("D-1"), decision("D-1")]))).toEqual(["decisions", 1, "id"]);
  });
});

describe("pendingDecisions: the order does not depend on the input order", () => {
  it("decisions recorded at the same instant come in id order", () => {
    // D-1 and D-2 share createdAt; before, [D-2, D-1] came back as [D-2, D-1].
    expect(pendingDecisions([decision("D-2"), decision("D-1")]).map((d) => d.id)).toEqual(["D-1", "D-2"]);
    expect(pendingDecisions([decision("D-1"), decision("D-2")]).map((d) => d.id)).toEqual(["D-1", "D-2"]);
  });
});

describe("ties are ordered by code point, whatever the machine's locale", () => {
  it("overdue actions due the same day: B-2 before b-1 (66 < 98), not by the locale's case folding", () => {
    // localeCompare (en) folds case first: "b-1" < "B-2" (1 < 2); another locale may order them otherwise. Code point
    // order is the same on every machine and is the order every storage adapter sorts ids in.
    expect(overdueActions([action("b-1"), action("B-2")], { asOf }).map((a) => a.actionId)).toEqual(["B-2", "b-1"]);
    expect(overdueActions([action("B-2"), action("b-1")], { asOf }).map((a) => a.actionId)).toEqual(["B-2", "b-1"]);
  });
});
