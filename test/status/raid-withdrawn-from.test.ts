import { describe, expect, it } from "vitest";
import { createMemoryAdapter, decodeEntity, isoDate, isPmoError, type ChangeRequest } from "../../src/index.js";
import { changeRequestImpact } from "../../src/status/index.js";
import { createPmo } from "../../src/services/index.js";
import { seedOffice } from "../services/office.js";

// A withdrawn change request kept no record of the status it was withdrawn from, so an as-of view before the withdrawal
// guessed: decided by then → approved (flagged in statusUnknown), else pending (a draft pulled back counted as pending
// too). It now keeps `withdrawnFrom`, and the as-of views count it with that status (decided only from its decidedOn).

const cr = (id: string, amount: string, days: number, extra: Record<string, unknown>) =>
  decodeEntity("change-request", {
    id, version: 2, createdAt: "2025-03-01T09:00:00.000Z", updatedAt: "2025-03-12T09:00:00.000Z", projectId: "P", title: id,
    requestedBy: "p-a", requestedOn: "2025-03-01", scopeImpact: "", costImpact: { amount, currency: "EUR" },
    scheduleImpactDays: days, ...extra,
  }) as ChangeRequest;

// Each requested 03-01, withdrawn 03-12; A, R and I decided 03-05.
const a = cr("CR-A", "1000.00", 10, { status: "withdrawn", withdrawnFrom: "approved", decidedBy: "p-b", decidedOn: "2025-03-05", withdrawnOn: "2025-03-12" });
const r = cr("CR-R", "700.00", 7, { status: "withdrawn", withdrawnFrom: "rejected", decidedBy: "p-b", decidedOn: "2025-03-05", withdrawnOn: "2025-03-12" });
const i = cr("CR-I", "300.00", 2, { status: "withdrawn", withdrawnFrom: "implemented", decidedBy: "p-b", decidedOn: "2025-03-05", withdrawnOn: "2025-03-12" });
const s = cr("CR-S", "500.00", 3, { status: "withdrawn", withdrawnFrom: "submitted", withdrawnOn: "2025-03-12" });
const d = cr("CR-D", "200.00", 1, { status: "withdrawn", withdrawnFrom: "draft", withdrawnOn: "2025-03-12" });
const ids = (x: ReturnType<typeof changeRequestImpact>) => [x.approved.changeRequestIds, x.pending.changeRequestIds, x.rejected.changeRequestIds];
const on = (day: string, crs = [a, r, i, s, d]) => changeRequestImpact(crs, { currency: "EUR", asOf: isoDate(day) });

describe("a withdrawn change request counts, before its withdrawal, with the status it was withdrawn from", () => {
  it("between its decision and its withdrawal: approved and implemented in approved, rejected in rejected, all known", () => {
    // Before: approved [A, R, I] (R's rejection counted as approved: 2,000.00 EUR / 19 days), each flagged unknown;
    // pending [S, D] 700.00 EUR / 4 days. After: approved [A, I] 1,000.00 + 300.00 = 1,300.00 EUR, 10 + 2 = 12 days;
    // rejected [R] 700.00; pending [S] 500.00 / 3 days (D was a draft: in no group); nothing unknown.
    const x = on("2025-03-10");
    expect(ids(x)).toEqual([["CR-A", "CR-I"], ["CR-S"], ["CR-R"]]);
    expect([x.approved.cost.amount.toFixed(2), x.approved.scheduleDays, x.rejected.cost.amount.toFixed(2), x.pending.cost.amount.toFixed(2), x.pending.scheduleDays])
      .toEqual(["1300.00", 12, "700.00", "500.00", 3]);
    expect([x.approved.statusUnknown, x.pending.statusUnknown, x.rejected.statusUnknown]).toEqual([[], [], []]);
  });

  it("before its decision day a decided one was still pending; a draft never was", () => {
    // 03-04: A, R, I awaiting their 03-05 decision, S submitted: 1,000 + 700 + 300 + 500 = 2,500.00 EUR, 22 days.
    const x = on("2025-03-04");
    expect(ids(x)).toEqual([[], ["CR-A", "CR-R", "CR-I", "CR-S"], []]);
    expect([x.pending.cost.amount.toFixed(2), x.pending.scheduleDays]).toEqual(["2500.00", 22]);
  });

  it("from its withdrawal day: in no group", () => {
    expect(ids(on("2025-03-12"))).toEqual([[], [], []]);
  });

  it("without withdrawnOn: counted with the status it was withdrawn from before its updatedAt day, flagged as unknown", () => {
    const noDay = cr("CR-A", "1000.00", 10, { status: "withdrawn", withdrawnFrom: "approved", decidedBy: "p-b", decidedOn: "2025-03-05" });
    const x = on("2025-03-10", [noDay]);
    expect(ids(x)).toEqual([["CR-A"], [], []]);
    expect(x.approved.statusUnknown).toEqual([{ id: "CR-A", why: "withdrawn with no day recorded, known only from 2025-03-12: unknown on 2025-03-10, counted as approved" }]);
  });

  it("an earlier withdrawal (in closings) keeps the status it was withdrawn from", () => {
    // Approved 03-05, withdrawn 03-12, re-submitted 03-15 (submitted now). As of 03-13: withdrawn (no group); 03-10: approved.
    const back = cr("CR-A", "1000.00", 10, {
      status: "submitted",
      closings: [{ status: "withdrawn", withdrawnFrom: "approved", decidedBy: "p-b", decidedOn: "2025-03-05", withdrawnOn: "2025-03-12", reopenedOn: "2025-03-15" }],
    });
    expect(ids(on("2025-03-10", [back]))).toEqual([["CR-A"], [], []]);
    expect(on("2025-03-10", [back]).approved.statusUnknown).toEqual([]);
    expect(ids(on("2025-03-13", [back]))).toEqual([[], [], []]);
    expect(ids(on("2025-03-16", [back]))).toEqual([[], ["CR-A"], []]);
  });
});

describe("withdrawnFrom on the record", () => {
  const refused = (extra: Record<string, unknown>, path: (string | number)[]) => {
    const e = (() => {
      try {
        cr("CR-X", "1.00", 0, extra);
      } catch (x) {
        return x;
      }
    })();
    expect(isPmoError(e, "validation")).toBe(true);
    expect((e as { issues: { path: unknown }[] }).issues.map((x) => x.path)).toContainEqual(path);
  };
  it("only on a withdrawn request, and a decided status it names has its decision day", () => {
    refused({ status: "submitted", withdrawnFrom: "approved" }, ["withdrawnFrom"]);
    refused({ status: "withdrawn", withdrawnFrom: "approved", withdrawnOn: "2025-03-12" }, ["decidedOn"]);
    refused({ status: "submitted", closings: [{ status: "rejected", withdrawnFrom: "approved", decidedOn: "2025-03-05", reopenedOn: "2025-03-06" }] }, ["closings", 0, "withdrawnFrom"]);
    refused({ status: "submitted", closings: [{ status: "withdrawn", withdrawnFrom: "approved", withdrawnOn: "2025-03-05", reopenedOn: "2025-03-06" }] }, ["closings", 0, "decidedOn"]);
  });
});

describe("pmo.update keeps the status a change request is withdrawn from", () => {
  it("withdrawn after approval: withdrawnFrom approved; re-submitted: kept in its closing entry, off the record", async () => {
    const adapter = createMemoryAdapter();
    await seedOffice(adapter, ["person", "project", "programme", "change-request"]);
    const pmo = createPmo(adapter, { clock: () => "2026-11-20T09:00:00.000Z" });
    const approved = await pmo.update("p-ana-costa", "change-request", "CR-WMS-001", 1, { status: "approved", decidedBy: "p-ana-costa", decidedOn: "2026-11-18" });
    const w = (await pmo.update("p-tomasz-nowak", "change-request", "CR-WMS-001", approved.version, { status: "withdrawn", withdrawnOn: "2026-11-19" })) as ChangeRequest;
    expect([w.status, w.withdrawnFrom]).toEqual(["withdrawn", "approved"]);
    const again = (await pmo.update("p-tomasz-nowak", "change-request", "CR-WMS-001", w.version, { status: "submitted" })) as ChangeRequest;
    expect(again.withdrawnFrom).toBeUndefined();
    expect(again.closings?.at(-1)).toMatchObject({ status: "withdrawn", withdrawnFrom: "approved", decidedOn: "2026-11-18", withdrawnOn: "2026-11-19", reopenedOn: "2026-11-20" });
    // As of 11-18, between the decision and the withdrawal: approved, 262,000.00 EUR, nothing unknown.
    const x = changeRequestImpact([again], { currency: "EUR", asOf: isoDate("2026-11-18") });
    expect([x.approved.changeRequestIds, x.approved.cost.amount.toFixed(2), x.approved.statusUnknown]).toEqual([["CR-WMS-001"], "262000.00", []]);
  });

  it("a draft withdrawn: withdrawnFrom draft, counted in no group before its withdrawal", async () => {
    const adapter = createMemoryAdapter();
    await seedOffice(adapter, ["person", "project", "programme", "change-request"]);
    const pmo = createPmo(adapter, { clock: () => "2026-11-20T09:00:00.000Z" });
    const draft = await pmo.update("p-tomasz-nowak", "change-request", "CR-WMS-001", 1, { status: "draft" });
    const w = (await pmo.update("p-tomasz-nowak", "change-request", "CR-WMS-001", draft.version, { status: "withdrawn" })) as ChangeRequest;
    expect(w.withdrawnFrom).toBe("draft");
    // Before: pending as of 11-19 ("counted as pending rather than hidden"). After: in no group.
    const x = changeRequestImpact([w], { currency: "EUR", asOf: isoDate("2026-11-19") });
    expect([x.approved.changeRequestIds, x.pending.changeRequestIds, x.rejected.changeRequestIds]).toEqual([[], [], []]);
  });
});
