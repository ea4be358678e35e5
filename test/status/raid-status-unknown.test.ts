import { describe, expect, it } from "vitest";
import { decodeEntity, instant, isoDate, type Action, type ChangeRequest, type Decision } from "../../src/index.js";
import { loadSampleOffice, sampleOfficeRecords } from "../../examples/office.js";
import { changeRequestImpact, overdueActions, pendingDecisions } from "../../src/status/index.js";

// A cancelled action, a withdrawn change request and a decision superseded while still proposed were treated as closed
// on every day, so judged as of a day before the change they went missing although they were open then. With the day
// of the change (cancelledOn, withdrawnOn, supersededOn) they are open before it; without it they count from the day of
// their updatedAt, and before that day they are counted as open and flagged as unknown (the rule checklist items
// follow for skippedOn / notApplicableOn).
const o = loadSampleOffice();
const first = <K extends keyof typeof o>(kind: K) => decodeEntity(kind as never, o[kind][0]) as never;
const d = isoDate;
const at = (day: string) => instant(`${day}T10:00:00Z`);
const asOf = d("2025-03-10");
const after = d("2025-03-12");

describe("sample ACT-CRM-003: cancelled, due 2026-06-30, no cancelledOn, updatedAt 2026-11-20", () => {
  const actions = sampleOfficeRecords().action;

  it("is overdue and flagged as unknown on 2026-11-19 (it was missing before)", () => {
    const row = overdueActions(actions, { asOf: d("2026-11-19") }).find((a) => a.actionId === "ACT-CRM-003");
    // 06-30 → 11-19: 31 (to 07-31) + 31 (08-31) + 30 (09-30) + 31 (10-31) + 19 = 142 days.
    expect(row).toEqual({
      actionId: "ACT-CRM-003",
      ownerId: "p-marco-rossi",
      dueDate: "2026-06-30",
      daysOverdue: 142,
      statusUnknown: true,
      why: "cancelled with no day recorded, known only from 2026-11-20: unknown on 2026-11-19, counted as open",
    });
  });

  it("is cancelled from the day of its updatedAt on", () => {
    expect(overdueActions(actions, { asOf: d("2026-11-20") }).map((a) => a.actionId)).not.toContain("ACT-CRM-003");
  });
});

describe("a cancelled action, as of a day before it was cancelled", () => {
  const base = first("action") as Action;
  // Recorded 02-01, due 03-05: on 03-10 it is 5 days overdue if still open.
  const cancelled: Action = { ...base, id: "a1", createdAt: at("2025-02-01"), updatedAt: at("2025-03-12"), dueDate: d("2025-03-05"), status: "cancelled", completedOn: undefined } as Action;

  it("with cancelledOn: open and overdue before it, gone from that day", () => {
    const a = { ...cancelled, cancelledOn: after };
    expect(overdueActions([a], { asOf })).toEqual([
      { actionId: "a1", ownerId: base.ownerId, dueDate: "2025-03-05", daysOverdue: 5, statusUnknown: false, why: "cancelled only on 2025-03-12, after 2025-03-10" },
    ]);
    expect(overdueActions([a], { asOf: after })).toEqual([]);
    // The day decides, not updatedAt: cancelled on 03-08, edited again on 03-12 → not open on 03-10.
    expect(overdueActions([{ ...cancelled, cancelledOn: d("2025-03-08") }], { asOf })).toEqual([]);
  });

  it("without cancelledOn: counted as open and flagged before its updatedAt day, cancelled from it", () => {
    expect(overdueActions([cancelled], { asOf })).toEqual([
      {
        actionId: "a1", ownerId: base.ownerId, dueDate: "2025-03-05", daysOverdue: 5, statusUnknown: true,
        why: "cancelled with no day recorded, known only from 2025-03-12: unknown on 2025-03-10, counted as open",
      },
    ]);
    expect(overdueActions([cancelled], { asOf: after })).toEqual([]);
  });

  it("an open action's row says it is open and is not flagged", () => {
    const open: Action = { ...cancelled, id: "a2", status: "open" };
    expect(overdueActions([open], { asOf })).toEqual([{ actionId: "a2", ownerId: base.ownerId, dueDate: "2025-03-05", daysOverdue: 5, statusUnknown: false, why: "open" }]);
  });
});

describe("a decision superseded while still proposed, as of a day before it was superseded", () => {
  const base = first("decision") as Decision;
  const superseded = { ...base, id: "dec-old", createdAt: at("2025-02-01"), updatedAt: at("2025-03-12"), status: "superseded", supersededBy: "dec-new", decidedOn: undefined, decidedBy: undefined } as Decision;

  it("with supersededOn: pending before it, not from that day, never flagged", () => {
    const dec = { ...superseded, supersededOn: after };
    const then = pendingDecisions([dec], { asOf });
    expect(then.map((x) => x.id)).toEqual(["dec-old"]);
    expect(then.statusUnknown).toEqual([]);
    expect(pendingDecisions([dec], { asOf: after }).map((x) => x.id)).toEqual([]);
  });

  it("without supersededOn: pending and flagged before its updatedAt day, superseded from it", () => {
    const then = pendingDecisions([superseded], { asOf });
    expect(then.map((x) => x.id)).toEqual(["dec-old"]);
    expect(then.statusUnknown).toEqual([{ id: "dec-old", why: "superseded with no day recorded, known only from 2025-03-12: unknown on 2025-03-10, counted as pending" }]);
    expect(pendingDecisions([superseded], { asOf: after }).map((x) => x.id)).toEqual([]);
    expect(pendingDecisions([superseded]).statusUnknown).toEqual([]); // without asOf: as recorded
  });

  it("a decision taken and later superseded is pending only before its decidedOn, whatever its supersededOn", () => {
    const taken = { ...superseded, decidedBy: "p-ana", decidedOn: d("2025-02-10") } as Decision;
    expect(pendingDecisions([taken], { asOf }).map((x) => x.id)).toEqual([]);
    expect(pendingDecisions([taken], { asOf: d("2025-02-09") }).map((x) => x.id)).toEqual(["dec-old"]);
    expect(pendingDecisions([taken], { asOf: d("2025-02-09") }).statusUnknown).toEqual([]);
  });
});

describe("a withdrawn change request, as of a day before it was withdrawn", () => {
  const base = first("change-request") as ChangeRequest; // CR-CRM-001: 84,000.00 EUR
  const withdrawn = { ...base, id: "cr-w", requestedOn: d("2025-02-01"), updatedAt: at("2025-03-12"), status: "withdrawn", decidedBy: undefined, decidedOn: undefined, decisionReason: undefined } as ChangeRequest;
  const currency = base.costImpact.currency;

  it("with withdrawnOn: pending before it (its cost counted), out of every group from that day", () => {
    const cr = { ...withdrawn, withdrawnOn: after };
    const then = changeRequestImpact([cr], { currency, asOf });
    expect(then.pending.changeRequestIds).toEqual(["cr-w"]);
    expect(then.pending.cost.amount.toFixed(2)).toBe("84000.00");
    expect(then.pending.statusUnknown).toEqual([]);
    const later = changeRequestImpact([cr], { currency, asOf: after });
    expect([later.approved, later.pending, later.rejected].flatMap((g) => g.changeRequestIds)).toEqual([]);
  });

  it("without withdrawnOn: pending and flagged before its updatedAt day, withdrawn from it", () => {
    const then = changeRequestImpact([withdrawn], { currency, asOf });
    expect(then.pending.changeRequestIds).toEqual(["cr-w"]);
    expect(then.pending.statusUnknown).toEqual([{ id: "cr-w", why: "withdrawn with no day recorded, known only from 2025-03-12: unknown on 2025-03-10, counted as pending" }]);
    expect(then.approved.statusUnknown).toEqual([]);
    expect(changeRequestImpact([withdrawn], { currency, asOf: after }).pending.changeRequestIds).toEqual([]);
    expect(changeRequestImpact([withdrawn], { currency }).pending.statusUnknown).toEqual([]); // without asOf: as recorded
  });
});

describe("a record whose updatedAt is not a decoded instant", () => {
  it("is refused at its path when its closing day is needed, not judged on a guess", () => {
    const base = first("action") as Action;
    const bad = { ...base, id: "a1", createdAt: at("2025-02-01"), updatedAt: "12 March 2025", dueDate: d("2025-03-05"), status: "cancelled", completedOn: undefined } as unknown as Action;
    let path: unknown;
    try {
      overdueActions([bad], { asOf });
    } catch (e) {
      path = (e as { issues: { path: unknown }[] }).issues[0]?.path;
    }
    expect(path).toEqual(["actions", 0, "updatedAt"]);
  });
});
