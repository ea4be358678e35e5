import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, type Action, type ChangeRequest, type Decision, type Issue, type Risk } from "../../src/index.js";
import { changeRequestImpact, contingencyReserve, issueAgeing, overdueActions, pendingDecisions } from "../../src/status/index.js";

// The stated convention (docs/status-and-kpis.md, "The day judged"): a day is judged at its end. Raised/recorded on
// asOf → exists; closed/decided on asOf → closed/decided; due on asOf → not yet overdue (overdue from the next day).
const D = "2025-03-10";
const asOf = isoDate(D);
const next = isoDate("2025-03-11");
const at = `${D}T10:00:00.000Z`;
const base = { version: 1, createdAt: at, updatedAt: at, projectId: "P" };

describe("RAID as-of views: days equal to asOf", () => {
  it("an action recorded on asOf and due on asOf is not overdue on asOf, 1 day overdue the next day", () => {
    const a = decodeEntity("action", { ...base, id: "A", title: "a", ownerId: "o", dueDate: D, status: "open" }) as Action;
    expect(overdueActions([a], { asOf })).toEqual([]);
    expect(overdueActions([a], { asOf: next }).map((r) => [r.actionId, r.daysOverdue])).toEqual([["A", 1]]);
    const done = decodeEntity("action", { ...base, id: "B", title: "b", ownerId: "o", dueDate: "2025-03-01", status: "done", completedOn: D }) as Action;
    expect(overdueActions([done], { asOf })).toEqual([]); // done on asOf: done on it
  });

  it("an issue raised on asOf exists (age 0); due on asOf is not overdue; resolved on asOf is not open", () => {
    const i = decodeEntity("issue", { ...base, id: "I", title: "i", severity: "high", ownerId: "o", raisedOn: D, dueDate: D, status: "open" }) as Issue;
    const r = issueAgeing([i], { asOf });
    expect([r.issues.map((x) => [x.issueId, x.ageDays, x.open, x.overdue]), r.notYetRaised]).toEqual([[["I", 0, true, false]], []]);
    const res = decodeEntity("issue", { ...base, id: "J", title: "j", severity: "high", ownerId: "o", raisedOn: "2025-03-01", status: "resolved", resolution: "ok", resolvedOn: D }) as Issue;
    expect(issueAgeing([res], { asOf }).issues.map((x) => [x.open, x.ageDays])).toEqual([[false, 9]]);
  });

  it("a risk raised on asOf is in the reserve; one closed on asOf is not (0.5 × 1,000.00 = 500.00)", () => {
    const risk = (id: string, extra: Record<string, unknown>) => decodeEntity("risk", { ...base, id, title: id, probability: "0.5", impact: 3, costImpact: { amount: "1000.00", currency: "EUR" }, ownerId: "o", response: "mitigate", mitigation: "m", raisedOn: D, status: "open", ...extra }) as Risk;
    const r = contingencyReserve([risk("R1", {}), risk("R2", { raisedOn: "2025-03-01", status: "closed", closedOn: D })], { currency: "EUR", asOf });
    expect([r.total.amount.toFixed(2), r.excluded]).toEqual(["500.00", [{ riskId: "R2", reason: "closed" }]]);
  });

  it("a decision or change request decided on asOf is decided, not pending", () => {
    const dec = decodeEntity("decision", { ...base, id: "D", title: "d", status: "approved", decidedBy: "o", decidedOn: D }) as Decision;
    expect(pendingDecisions([dec], { asOf }).map((x) => x.id)).toEqual([]);
    const cr = decodeEntity("change-request", { ...base, id: "C", title: "c", requestedBy: "o", requestedOn: D, scopeImpact: "", costImpact: { amount: "1.00", currency: "EUR" }, scheduleImpactDays: 0, status: "approved", decidedBy: "o", decidedOn: D }) as ChangeRequest;
    const r = changeRequestImpact([cr], { currency: "EUR", asOf });
    expect([r.approved.changeRequestIds, r.pending.changeRequestIds]).toEqual([["C"], []]);
  });
});
