import { describe, expect, it } from "vitest";
import { createMemoryAdapter, isoDate, type Action, type Decision, type Risk } from "../../src/index.js";
import { contingencyReserve, overdueActions, pendingDecisions, ragStatus } from "../../src/status/index.js";
import { createPmo } from "../../src/services/index.js";
import { seedOffice } from "../services/office.js";

// A risk that occurred, was closed and occurs again keeps its first occurrence in `closings`, so views as of a day
// between that occurrence and its closing still see it occurred (regression tests: pmo.update already moved it).
// Records made before their closing day existed — RSK-WMS-001 occurred, ACT-CRM-003 cancelled, both without the day,
// last changed 2026-11-20T17:30Z — count as closed from the UTC day of that change (11-20). Any later change moved
// `updatedAt`, and with it that day: closing RSK-WMS-001 on 12-01 left a closed risk with no `occurredOn` (it never
// occurred, as recorded), and editing ACT-CRM-003's description on 12-01 made it open (overdue, flagged) as of 11-25.
// pmo.update and closeRisk now write the day the record proved (the UTC day of its last change) before changing it.

const d = (s: string) => isoDate(s);
async function office(now: string) {
  const adapter = createMemoryAdapter();
  await seedOffice(adapter, ["person", "project", "programme", "risk", "action", "decision"]);
  return createPmo(adapter, { clock: () => now });
}
const reserve = (r: Risk, asOf: string) => {
  const x = contingencyReserve([r], { currency: "EUR", asOf: d(asOf) });
  return [x.total.amount.toFixed(2), x.excluded.map((e) => e.reason), x.statusUnknown.map((e) => e.id)];
};

describe("a risk occurred, closed and occurred again", () => {
  it("RSK-CRM-001 (raised 04-10, p 0.5, 45,000.00 EUR) occurred 06-01, closed 07-01, occurred 09-01: occurred as of 06-15, in the reserve as of 05-15 (0.5 × 45,000.00 = 22,500.00)", async () => {
    const pmo = await office("2026-11-20T09:00:00.000Z");
    await pmo.update("p-david-mensah", "risk", "RSK-CRM-001", 1, { status: "occurred", occurredOn: "2026-06-01" });
    await pmo.closeRisk("p-david-mensah", "RSK-CRM-001", { closedOn: "2026-07-01", reason: "cleansing done" });
    const r = (await pmo.update("p-david-mensah", "risk", "RSK-CRM-001", 3, { status: "occurred", occurredOn: "2026-09-01" })) as Risk;
    expect([r.occurredOn, r.closedOn, r.closings]).toEqual(["2026-09-01", undefined, [{ occurredOn: "2026-06-01", closedOn: "2026-07-01", reopenedOn: "2026-09-01" }]]);
    expect(reserve(r, "2026-05-15")).toEqual(["22500.00", [], []]);
    // Between the first occurrence and its closing (and on the occurrence day itself): occurred.
    expect(reserve(r, "2026-06-01")).toEqual(["0.00", ["occurred"], []]);
    expect(reserve(r, "2026-06-15")).toEqual(["0.00", ["occurred"], []]);
    // Closed after occurring (excluded as occurred, the reserve's rule for a closed risk that had occurred); occurred again from 09-01.
    expect(reserve(r, "2026-08-01")).toEqual(["0.00", ["occurred"], []]);
    expect(reserve(r, "2026-10-01")).toEqual(["0.00", ["occurred"], []]);
    // Not a high pending risk in the RAG count while occurred (06-15); pending on 05-15 (0.5 ≥ a threshold of 0.5).
    const count = (asOf: string) => ragStatus({ id: "PRJ-CRM", risks: [r] }, { asOf: d(asOf), highRiskProbability: "0.5" }).derived["highRisksPending"]?.from;
    expect([count("2026-05-15"), count("2026-06-15")]).toEqual([["RSK-CRM-001"], []]);
  });

  it("occurred again without its day at 11-20: occurredOn 11-20, the first occurrence in closings", async () => {
    const pmo = await office("2026-11-20T09:00:00.000Z");
    await pmo.update("p-david-mensah", "risk", "RSK-CRM-001", 1, { status: "occurred", occurredOn: "2026-06-01" });
    await pmo.closeRisk("p-david-mensah", "RSK-CRM-001", { closedOn: "2026-07-01", reason: "cleansing done" });
    const r = (await pmo.update("p-david-mensah", "risk", "RSK-CRM-001", 3, { status: "occurred" })) as Risk;
    expect([r.occurredOn, r.closings]).toEqual(["2026-11-20", [{ occurredOn: "2026-06-01", closedOn: "2026-07-01", reopenedOn: "2026-11-20" }]]);
    expect(reserve(r, "2026-06-15")).toEqual(["0.00", ["occurred"], []]);
  });
});

describe("a record closed without its day keeps the day it proved when changed", () => {
  const LATER = "2026-12-01T09:00:00.000Z";
  it("RSK-WMS-001 (occurred, no day, last changed 11-20; 0.6 × 60,000.00 = 36,000.00 EUR) closed on 12-01: occurredOn 11-20, occurred as of 11-25 (was: pending 36,000.00)", async () => {
    const pmo = await office(LATER);
    const r = await pmo.closeRisk("p-tomasz-nowak", "RSK-WMS-001", { closedOn: "2026-12-01", reason: "scanners delivered" });
    expect([r.status, r.occurredOn, r.closedOn]).toEqual(["closed", "2026-11-20", "2026-12-01"]);
    expect(reserve(r, "2026-11-25")).toEqual(["0.00", ["occurred"], []]);
    // Before 11-20 it is pending as it was (no longer flagged: the day is now recorded).
    expect(reserve(r, "2026-11-19")).toEqual(["36000.00", [], []]);
  });

  it("RSK-WMS-001 closed through pmo.update, or reopened, keeps its occurrence alike", async () => {
    const pmo = await office(LATER);
    const closed = (await pmo.update("p-tomasz-nowak", "risk", "RSK-WMS-001", 1, { status: "closed", closedOn: "2026-12-01" })) as Risk;
    expect([closed.occurredOn, closed.closedOn]).toEqual(["2026-11-20", "2026-12-01"]);
    const pmo2 = await office(LATER);
    const open = (await pmo2.update("p-tomasz-nowak", "risk", "RSK-WMS-001", 1, { status: "open" })) as Risk;
    expect([open.occurredOn, open.closings]).toEqual([undefined, [{ occurredOn: "2026-11-20", reopenedOn: "2026-12-01" }]]);
    expect(reserve(open, "2026-11-25")).toEqual(["0.00", ["occurred"], []]);
  });

  it("an unrelated edit at 12-01 keeps the day: RSK-WMS-001 occurred as of 11-25, ACT-CRM-003 (due 06-30) not overdue as of 11-25 (was: overdue 148 days, flagged)", async () => {
    const pmo = await office(LATER);
    const r = (await pmo.update("p-tomasz-nowak", "risk", "RSK-WMS-001", 1, { description: "Scanner delivery slipped." })) as Risk;
    expect([r.status, r.occurredOn]).toEqual(["occurred", "2026-11-20"]);
    expect(reserve(r, "2026-11-25")).toEqual(["0.00", ["occurred"], []]);
    const a = (await pmo.update("p-david-mensah", "action", "ACT-CRM-003", 1, { description: "Superseded by the cleansing sprint." })) as Action;
    expect([a.status, a.cancelledOn]).toEqual(["cancelled", "2026-11-20"]);
    // 06-30 → 11-25 is 148 days: that was the overdue row; now cancelled on 11-20, so none.
    expect(overdueActions([a], { asOf: d("2026-11-25") })).toEqual([]);
    expect(overdueActions([a], { asOf: d("2026-11-19") }).map((x) => [x.daysOverdue, x.statusUnknown])).toEqual([[142, false]]);
  });

  it("DEC-WMS-001 (approved 02-10, superseded with no day, last changed 10-20) edited: supersededOn 10-20, still not pending as of 06-01", async () => {
    const pmo = await office(LATER);
    const dec = (await pmo.update("p-henrik-larsen", "decision", "DEC-WMS-001", 1, { description: "Pilot in Hamburg." })) as Decision;
    expect([dec.status, dec.supersededBy, dec.supersededOn]).toEqual(["superseded", "DEC-WMS-002", "2026-10-20"]);
    expect(pendingDecisions([dec], { asOf: d("2026-06-01") }).map((x) => x.id)).toEqual([]);
  });
});
