import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, type ChangeRequest } from "../../src/index.js";
import { changeRequestImpact } from "../../src/status/index.js";

// A change request decided on one day and withdrawn on a later one was counted as pending between the two: as of a day
// in between it had been decided, so it is not awaiting a decision. The record keeps the decision day but not its
// outcome once withdrawn; a rejected request is final (there is nothing left to pull back), so the only decided state
// a request is withdrawn from is approved-not-yet-implemented: it counts as approved, flagged in `statusUnknown`.

const cr = (id: string, amount: string, days: number, extra: Record<string, unknown>) =>
  decodeEntity("change-request", {
    id, version: 2, createdAt: "2025-03-01T09:00:00.000Z", updatedAt: "2025-03-12T09:00:00.000Z", projectId: "P", title: id,
    requestedBy: "p-a", requestedOn: "2025-03-01", scopeImpact: "", costImpact: { amount, currency: "EUR" },
    scheduleImpactDays: days, ...extra,
  }) as ChangeRequest;

// A: requested 03-01, decided 03-05, withdrawn 03-12, 1,000.00 EUR, 10 days. B: submitted 03-01, 500.00 EUR, 3 days.
const a = cr("CR-A", "1000.00", 10, { status: "withdrawn", decidedBy: "p-b", decidedOn: "2025-03-05", withdrawnOn: "2025-03-12" });
const b = cr("CR-B", "500.00", 3, { status: "submitted" });
const ids = (r: ReturnType<typeof changeRequestImpact>) => [r.approved.changeRequestIds, r.pending.changeRequestIds, r.rejected.changeRequestIds];
const why = "withdrawn only on 2025-03-12, after 2025-03-10; decided on 2025-03-05, its outcome not recorded once withdrawn: counted as approved";

describe("a change request withdrawn after it was decided, as of a day in between", () => {
  it("is pending before its decision day: A + B = 1,500.00 EUR, 13 days pending", () => {
    const r = changeRequestImpact([a, b], { currency: "EUR", asOf: isoDate("2025-03-04") });
    expect(ids(r)).toEqual([[], ["CR-A", "CR-B"], []]);
    expect(r.pending.cost.amount.toFixed(2)).toBe("1500.00");
    expect(r.pending.scheduleDays).toBe(13);
  });

  it("is decided (approved), not pending, from its decision day to the day before its withdrawal", () => {
    // Before: pending [CR-A, CR-B] 1,500.00 EUR / 13 days, approved []. After: approved [CR-A] 1,000.00 EUR / 10 days,
    // pending [CR-B] 500.00 EUR / 3 days. The decision day itself counts as decided (a day judged is judged at its end).
    for (const day of ["2025-03-05", "2025-03-10", "2025-03-11"]) {
      const r = changeRequestImpact([a, b], { currency: "EUR", asOf: isoDate(day) });
      expect(ids(r)).toEqual([["CR-A"], ["CR-B"], []]);
      expect([r.approved.cost.amount.toFixed(2), r.approved.scheduleDays, r.pending.cost.amount.toFixed(2), r.pending.scheduleDays]).toEqual(["1000.00", 10, "500.00", 3]);
      expect(r.pending.statusUnknown).toEqual([]);
    }
    const r = changeRequestImpact([a, b], { currency: "EUR", asOf: isoDate("2025-03-10") });
    expect(r.approved.statusUnknown).toEqual([{ id: "CR-A", why }]);
  });

  it("is in no group from its withdrawal day", () => {
    const r = changeRequestImpact([a, b], { currency: "EUR", asOf: isoDate("2025-03-12") });
    expect(ids(r)).toEqual([[], ["CR-B"], []]);
  });

  it("without withdrawnOn: decided from its decision day, flagged as unknown until its updatedAt day", () => {
    const noDay = cr("CR-A", "1000.00", 10, { status: "withdrawn", decidedBy: "p-b", decidedOn: "2025-03-05" });
    expect(ids(changeRequestImpact([noDay], { currency: "EUR", asOf: isoDate("2025-03-04") }))).toEqual([[], ["CR-A"], []]);
    const r = changeRequestImpact([noDay], { currency: "EUR", asOf: isoDate("2025-03-10") });
    expect(ids(r)).toEqual([["CR-A"], [], []]);
    expect(r.approved.statusUnknown).toEqual([
      { id: "CR-A", why: "withdrawn with no day recorded, known only from 2025-03-12; decided on 2025-03-05, its outcome not recorded once withdrawn: counted as approved" },
    ]);
    expect(ids(changeRequestImpact([noDay], { currency: "EUR", asOf: isoDate("2025-03-12") }))).toEqual([[], [], []]);
  });
});
