import { describe, expect, it } from "vitest";
import { createMemoryAdapter, decodeEntity, isoDate, type Action, type ChangeRequest, type Decision, type Risk } from "../../src/index.js";
import { changeRequestImpact, contingencyReserve, overdueActions, pendingDecisions, ragStatus } from "../../src/status/index.js";
import { createPmo } from "../../src/services/index.js";
import { seedOffice } from "../services/office.js";

// A record reopened since an earlier closing was judged, on a day before that closing, by its current status: a change
// request withdrawn and put back to draft (or decided and put back to draft) was a draft on every earlier day, so it
// vanished from `pending` on the days it was awaiting a decision. On a day before a closing the record was open: a
// change request awaiting a decision (counted pending, as one withdrawn later is), a decision proposed, an action open
// — with no `statusUnknown` flag from the current status (its closing day, whatever it is, comes after that closing).

const NOW = "2026-11-20T09:00:00.000Z";
const d = (s: string) => isoDate(s);
async function office() {
  const adapter = createMemoryAdapter();
  await seedOffice(adapter, ["person", "project", "programme", "decision", "change-request"]);
  return createPmo(adapter, { clock: () => NOW });
}
const ids = (c: ChangeRequest, asOf: string) => {
  const x = changeRequestImpact([c], { currency: "EUR", asOf: d(asOf) });
  return { approved: x.approved.changeRequestIds, pending: x.pending.changeRequestIds, rejected: x.rejected.changeRequestIds, cost: x.pending.cost.amount.toFixed(2) };
};

describe("a change request judged on a day before a closing it was reopened from", () => {
  it("CR-WMS-001 (requested 10-27) withdrawn 11-01, back to draft 11-20: pending 262,000.00 EUR as of 10-28 (was: nothing), withdrawn as of 11-05, a draft as of 11-20", async () => {
    const pmo = await office();
    await pmo.update("p-tomasz-nowak", "change-request", "CR-WMS-001", 1, { status: "withdrawn", withdrawnOn: "2026-11-01" });
    const cr = (await pmo.update("p-tomasz-nowak", "change-request", "CR-WMS-001", 2, { status: "draft" })) as ChangeRequest;
    // The entry keeps the status it was withdrawn from (submitted), as pmo.update recorded it on withdrawal.
    expect(cr.closings).toEqual([{ status: "withdrawn", withdrawnFrom: "submitted", withdrawnOn: "2026-11-01", reopenedOn: "2026-11-20" }]);
    // 10-28: submitted on 10-27, withdrawn only on 11-01 — awaiting a decision.
    expect(ids(cr, "2026-10-28")).toEqual({ approved: [], pending: ["CR-WMS-001"], rejected: [], cost: "262000.00" });
    // The withdrawal day itself: withdrawn (a day is judged at its end); 11-05: withdrawn; 11-20: a draft again.
    expect(ids(cr, "2026-11-01").pending).toEqual([]);
    expect(ids(cr, "2026-11-05").pending).toEqual([]);
    expect(ids(cr, "2026-11-20").pending).toEqual([]);
    // Re-submitted (status submitted) instead: pending again from its reopening, and still pending as of 10-28.
    const again = (await pmo.update("p-tomasz-nowak", "change-request", "CR-WMS-001", 3, { status: "submitted" })) as ChangeRequest;
    expect([ids(again, "2026-10-28").pending, ids(again, "2026-11-05").pending, ids(again, "2026-11-20").pending]).toEqual([["CR-WMS-001"], [], ["CR-WMS-001"]]);
  });

  it("CR-CRM-001 (requested 08-20, implemented on a decision of 09-15) back to draft 11-20: pending as of 09-01 (was: nothing), approved as of 10-01, a draft as of 11-20", async () => {
    const pmo = await office();
    const cr = (await pmo.update("p-ana-costa", "change-request", "CR-CRM-001", 1, { status: "draft" })) as ChangeRequest;
    expect(ids(cr, "2026-09-01")).toEqual({ approved: [], pending: ["CR-CRM-001"], rejected: [], cost: "84000.00" });
    expect(ids(cr, "2026-10-01")).toEqual({ approved: ["CR-CRM-001"], pending: [], rejected: [], cost: "0.00" });
    expect(ids(cr, "2026-11-20")).toEqual({ approved: [], pending: [], rejected: [], cost: "0.00" });
  });

  it("between two closings (withdrawn 03-10, reopened 03-20, withdrawn 04-10, reopened 04-20, now draft): pending as of 04-01, withdrawn as of 03-15 and 04-15", () => {
    const cr = decodeEntity("change-request", {
      id: "C", version: 5, createdAt: "2026-03-01T09:00:00.000Z", updatedAt: "2026-04-20T09:00:00.000Z", projectId: "P", title: "t", requestedBy: "p-a",
      requestedOn: "2026-03-01", scopeImpact: "", costImpact: { amount: "1000.00", currency: "EUR" }, scheduleImpactDays: 5, status: "draft",
      closings: [{ status: "withdrawn", withdrawnOn: "2026-03-10", reopenedOn: "2026-03-20" }, { status: "withdrawn", withdrawnOn: "2026-04-10", reopenedOn: "2026-04-20" }],
    }) as ChangeRequest;
    expect([ids(cr, "2026-03-05").pending, ids(cr, "2026-03-15").pending, ids(cr, "2026-04-01").pending, ids(cr, "2026-04-15").pending, ids(cr, "2026-04-25").pending])
      .toEqual([["C"], [], ["C"], [], []]);
    // Made after asOf: still left out.
    expect(ids(cr, "2026-02-28").pending).toEqual([]);
  });
});

describe("a decision or action judged on a day before a closing it was reopened from", () => {
  const at = { version: 4, createdAt: "2026-02-01T09:00:00.000Z", updatedAt: "2026-06-01T09:00:00.000Z" };
  it("a decision decided 03-10, re-proposed 04-01, superseded with no day (updatedAt 06-01): pending as of 03-05 without statusUnknown (was: flagged)", () => {
    const dec = decodeEntity("decision", {
      id: "D", ...at, projectId: "P", title: "t", status: "superseded", supersededBy: "D2",
      closings: [{ decidedOn: "2026-03-10", reopenedOn: "2026-04-01" }],
    }) as Decision;
    // 03-05 is before its decision of 03-10: it was proposed, known for certain.
    const rows = pendingDecisions([dec], { asOf: d("2026-03-05") });
    expect(rows.map((r) => [r.id, r.statusUnknown, r.why])).toEqual([["D", false, "decided only on 2026-03-10, after 2026-03-05"]]);
    expect(rows.statusUnknown).toEqual([]);
    // 05-01 (after the reopening, before the updatedAt day): unknown, as before.
    expect(pendingDecisions([dec], { asOf: d("2026-05-01") }).map((r) => r.statusUnknown)).toEqual([true]);
  });

  it("an action done 05-01, reopened 06-01, cancelled with no day (updatedAt 07-01), due 03-01: overdue 31 days as of 04-01 (03-01 → 04-01) without statusUnknown", () => {
    const act = decodeEntity("action", {
      id: "A", ...at, updatedAt: "2026-07-01T09:00:00.000Z", projectId: "P", title: "t", ownerId: "p-o", dueDate: "2026-03-01", status: "cancelled",
      closings: [{ completedOn: "2026-05-01", reopenedOn: "2026-06-01" }],
    }) as Action;
    expect(overdueActions([act], { asOf: d("2026-04-01") }).map((a) => [a.actionId, a.daysOverdue, a.statusUnknown, a.why]))
      .toEqual([["A", 31, false, "done only on 2026-05-01, after 2026-04-01"]]);
    expect(overdueActions([act], { asOf: d("2026-06-15") }).map((a) => a.statusUnknown)).toEqual([true]);
  });

  it("a risk closed 05-01, reopened 06-01, occurred with no day (updatedAt 07-01): pending as of 04-01 without statusUnknown, in the reserve 0.8 × 10,000.00 = 8,000.00 EUR", () => {
    const r = decodeEntity("risk", {
      id: "R", ...at, updatedAt: "2026-07-01T09:00:00.000Z", projectId: "P", title: "t", probability: "0.8", impact: 4, costImpact: { amount: "10000.00", currency: "EUR" },
      ownerId: "p-o", response: "mitigate", mitigation: "m", status: "occurred", raisedOn: "2026-02-01", closings: [{ closedOn: "2026-05-01", reopenedOn: "2026-06-01" }], assessments: [],
    }) as Risk;
    const early = contingencyReserve([r], { currency: "EUR", asOf: d("2026-04-01") });
    expect([early.total.amount.toFixed(2), early.statusUnknown]).toEqual(["8000.00", []]);
    expect(ragStatus({ id: "P", risks: [r] }, { asOf: d("2026-04-01") }).derived["highRisksPending"]).toEqual({ value: "1", from: ["R"] });
    // 06-15 (reopened, before the updatedAt day): unknown, flagged as before.
    expect(contingencyReserve([r], { currency: "EUR", asOf: d("2026-06-15") }).statusUnknown.map((x) => x.id)).toEqual(["R"]);
    expect(ragStatus({ id: "P", risks: [r] }, { asOf: d("2026-06-15") }).derived["highRisksPending"]?.statusUnknown?.map((x) => x.id)).toEqual(["R"]);
  });
});
