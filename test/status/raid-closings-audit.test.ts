import { describe, expect, it } from "vitest";
import { createMemoryAdapter, decodeEntity, isoDate, isPmoError, money, type ChangeRequest, type Decision, type Risk } from "../../src/index.js";
import { changeRequestImpact, contingencyReserve, pendingDecisions, ragStatus } from "../../src/status/index.js";
import { createPmo } from "../../src/services/index.js";
import { seedOffice } from "../services/office.js";

// RAID audit (2026-12-07): closings ("reopening history") were incomplete.
// 1. A risk moved closed → occurred lost its closedOn: the schema keeps closedOn only with status closed, so the
//    change had to drop it, and views as of a day it was closed counted it pending.
// 2. Change requests and decisions had no closings: one reopened (re-submitted, re-proposed) lost its decision day.
// 3. A closings entry with no closing day was accepted (and counted for no day).
// 4. ragStatus refused a risk whose updatedAt is not an instant at ["updatedAt"], not at the risk's own path.

const NOW = "2026-11-20T09:00:00.000Z";
const d = (s: string) => isoDate(s);
async function office() {
  const adapter = createMemoryAdapter();
  await seedOffice(adapter, ["person", "project", "programme", "risk", "decision", "change-request"]);
  return createPmo(adapter, { clock: () => NOW });
}
function paths(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(isPmoError(e, "validation"), String(e)).toBe(true);
    return (e as { issues: { path: unknown[] }[] }).issues.map((i) => i.path.join("."));
  }
  throw new Error("accepted");
}

describe("1. a risk closed and then occurred keeps its closedOn in closings", () => {
  it("RSK-CRM-003 closed 2026-10-02, made occurred at 2026-11-20: closings [{ closedOn 10-02, reopenedOn 11-20 }], occurredOn 11-20", async () => {
    const pmo = await office();
    // Before: a ValidationError ("closedOn is set exactly when the risk is closed"), or with closedOn: undefined the day was lost.
    const r = await pmo.update("p-katrin-vogel", "risk", "RSK-CRM-003", 1, { status: "occurred" } as never);
    expect([r.status, r.closedOn, r.occurredOn, r.closings]).toEqual(["occurred", undefined, "2026-11-20", [{ closedOn: "2026-10-02", reopenedOn: "2026-11-20" }]]);
    // As of 10-15 it was closed (out of the reserve as closed), as of 11-20 occurred.
    expect(contingencyReserve([r], { currency: "EUR", asOf: d("2026-10-15") }).excluded).toEqual([{ riskId: "RSK-CRM-003", reason: "closed" }]);
    expect(contingencyReserve([r], { currency: "EUR", asOf: d("2026-11-20") }).excluded).toEqual([{ riskId: "RSK-CRM-003", reason: "occurred" }]);
  });

  it("with occurredOn 2026-11-18 given, the closing ends on the day it occurred: reopenedOn 11-18", async () => {
    const pmo = await office();
    const r = await pmo.update("p-katrin-vogel", "risk", "RSK-CRM-003", 1, { status: "occurred", occurredOn: "2026-11-18" } as never);
    expect([r.occurredOn, r.closings]).toEqual(["2026-11-18", [{ closedOn: "2026-10-02", reopenedOn: "2026-11-18" }]]);
  });

  it("an occurredOn before the closing (2026-09-01 < 10-02) is refused at [occurredOn], nothing written", async () => {
    const pmo = await office();
    const e = await pmo.update("p-katrin-vogel", "risk", "RSK-CRM-003", 1, { status: "occurred", occurredOn: "2026-09-01" } as never).then(() => undefined, (x: unknown) => x);
    expect(isPmoError(e, "validation"), String(e)).toBe(true);
    expect((e as { issues: { path: unknown }[] }).issues.map((i) => i.path)).toEqual([["occurredOn"]]);
    expect(await pmo.history("risk", "RSK-CRM-003")).toEqual([]);
  });
});

describe("1b. an action moved between done and cancelled keeps the day it leaves", () => {
  async function actions() {
    const adapter = createMemoryAdapter();
    await seedOffice(adapter, ["person", "project", "programme", "action"]);
    return createPmo(adapter, { clock: () => NOW });
  }
  it("done 11-19, then cancelled at 11-20: closings [{ completedOn 11-19, reopenedOn 11-20 }], cancelledOn 11-20", async () => {
    const pmo = await actions();
    await pmo.update("p-katrin-vogel", "action", "ACT-CRM-002", 1, { status: "done", completedOn: "2026-11-19" } as never);
    // Before: refused ("completedOn is set exactly when the action is done") unless completedOn was dropped.
    const a = await pmo.update("p-katrin-vogel", "action", "ACT-CRM-002", 2, { status: "cancelled" } as never);
    expect([a.status, a.completedOn, a.cancelledOn, a.closings]).toEqual(["cancelled", undefined, "2026-11-20", [{ completedOn: "2026-11-19", reopenedOn: "2026-11-20" }]]);
  });
  it("cancelled 11-18, then done on 11-19: closings [{ cancelledOn 11-18, reopenedOn 11-19 }] (cancelledOn used to be dropped silently)", async () => {
    const pmo = await actions();
    await pmo.update("p-katrin-vogel", "action", "ACT-CRM-002", 1, { status: "cancelled", cancelledOn: "2026-11-18" } as never);
    const a = await pmo.update("p-katrin-vogel", "action", "ACT-CRM-002", 2, { status: "done", completedOn: "2026-11-19" } as never);
    expect([a.status, a.completedOn, a.cancelledOn, a.closings]).toEqual(["done", "2026-11-19", undefined, [{ cancelledOn: "2026-11-18", reopenedOn: "2026-11-19" }]]);
  });
});

describe("2. decisions and change requests keep their earlier closings", () => {
  it("DEC-CRM-002 approved 2026-09-15, re-proposed at 11-20: closings [{ decidedOn 09-15, reopenedOn 11-20 }]; not pending as of 10-01, pending as of 11-20", async () => {
    const pmo = await office();
    // Before: `closings` was not a decision field (refused as unknown key), and decidedOn had to be dropped.
    const dec = (await pmo.update("p-katrin-vogel", "decision", "DEC-CRM-002", 1, { status: "proposed" } as never)) as Decision;
    expect([dec.status, dec.decidedOn, dec.closings]).toEqual(["proposed", undefined, [{ decidedOn: "2026-09-15", decidedBy: "p-ana-costa", outcome: "Move to 2027-03-01", rationale: "UAT in the freeze weeks is not possible; a second dry run is needed after the duplicate findings; consent management fits in.", reopenedOn: "2026-11-20" }]]);
    // Who decided, the outcome and the rationale belong to that decision: they leave the re-proposed record (they stayed,
    // so a later approval without decidedBy was attributed to p-ana-costa); the closing entry keeps who, the outcome and why.
    expect([dec.decidedBy, dec.outcome, dec.rationale]).toEqual([undefined, undefined, undefined]);
    expect(pendingDecisions([dec], { asOf: d("2026-10-01") }).map((x) => x.id)).toEqual([]);
    expect(pendingDecisions([dec], { asOf: d("2026-11-20") }).map((x) => x.id)).toEqual(["DEC-CRM-002"]);
    // Before its decision it was pending too.
    expect(pendingDecisions([dec], { asOf: d("2026-09-10") }).map((x) => x.id)).toEqual(["DEC-CRM-002"]);
  });

  it("CR-CRM-001 implemented (decided 2026-09-15), re-submitted at 11-20: closings keep its outcome and day; approved as of 10-01, pending as of 11-20", async () => {
    const pmo = await office();
    const cr = (await pmo.update("p-katrin-vogel", "change-request", "CR-CRM-001", 1, { status: "submitted" } as never)) as ChangeRequest;
    expect([cr.status, cr.decidedOn, cr.closings]).toEqual(["submitted", undefined, [{ status: "implemented", decidedOn: "2026-09-15", decidedBy: "p-ana-costa", decisionReason: "Approved by the steering committee: consent is a legal precondition for marketing use; baseline 1 captured on 2026-09-18.", reopenedOn: "2026-11-20" }]]);
    expect([cr.decidedBy, cr.decisionReason]).toEqual([undefined, undefined]);
    // Approved again without naming who decided: refused at decidedBy (it used to inherit p-ana-costa).
    const e = await pmo.update("p-katrin-vogel", "change-request", "CR-CRM-001", 2, { status: "approved", decidedOn: "2026-11-20" } as never).then(() => undefined, (x: unknown) => x);
    expect((e as { issues: { path: unknown }[] }).issues.map((i) => i.path)).toEqual([["decidedBy"]]);
    const cost = cr.costImpact.amount.toFixed(2);
    const then = changeRequestImpact([cr], { currency: "EUR", asOf: d("2026-10-01") });
    expect([then.approved.changeRequestIds, then.approved.cost.amount.toFixed(2), then.pending.changeRequestIds]).toEqual([["CR-CRM-001"], cost, []]);
    const now = changeRequestImpact([cr], { currency: "EUR", asOf: d("2026-11-20") });
    expect([now.approved.changeRequestIds, now.pending.changeRequestIds]).toEqual([[], ["CR-CRM-001"]]);
  });

  it("CR-CRM-001 implemented (decided 09-15), then rejected on 11-20: closings keep the first outcome; approved as of 10-01, rejected as of 11-20", async () => {
    const pmo = await office();
    // Before: decidedOn was overwritten and decidedBy inherited, so as of 10-01 it counted as rejected.
    const cr = (await pmo.update("p-katrin-vogel", "change-request", "CR-CRM-001", 1, { status: "rejected", decidedBy: "p-katrin-vogel", decidedOn: "2026-11-20" } as never)) as ChangeRequest;
    expect([cr.status, cr.decidedOn, cr.decidedBy, cr.decisionReason, cr.closings]).toEqual(["rejected", "2026-11-20", "p-katrin-vogel", undefined, [{ status: "implemented", decidedOn: "2026-09-15", decidedBy: "p-ana-costa", decisionReason: "Approved by the steering committee: consent is a legal precondition for marketing use; baseline 1 captured on 2026-09-18.", reopenedOn: "2026-11-20" }]]);
    expect(changeRequestImpact([cr], { currency: "EUR", asOf: d("2026-10-01") }).approved.changeRequestIds).toEqual(["CR-CRM-001"]);
    expect(changeRequestImpact([cr], { currency: "EUR", asOf: d("2026-11-20") }).rejected.changeRequestIds).toEqual(["CR-CRM-001"]);
    // Decided anew without its own day: refused at decidedOn (the earlier day is kept in closings, not reused).
    const e = await pmo.update("p-katrin-vogel", "change-request", "CR-CRM-001", 2, { status: "approved", decidedBy: "p-ana-costa" } as never).then(() => undefined, (x: unknown) => x);
    expect((e as { issues: { path: unknown }[] }).issues.map((i) => i.path)).toEqual([["decidedOn"]]);
  });

  it("their closings are day-ordered like the others': a reopening before the decision is refused at [closings, 0, reopenedOn]", () => {
    const at = { version: 2, createdAt: "2026-03-01T09:00:00.000Z", updatedAt: "2026-04-01T09:00:00.000Z", projectId: "P" };
    expect(paths(() => decodeEntity("decision", { id: "D", ...at, title: "t", status: "proposed", closings: [{ decidedOn: "2026-03-10", reopenedOn: "2026-03-05" }] }))).toEqual(["closings.0.reopenedOn"]);
    const cr = { id: "C", ...at, title: "t", requestedBy: "p", requestedOn: "2026-03-01", scopeImpact: "", costImpact: money("1.00", "EUR"), scheduleImpactDays: 0, status: "submitted" };
    const wire = { ...cr, costImpact: { amount: "1.00", currency: "EUR" } };
    expect(paths(() => decodeEntity("change-request", { ...wire, closings: [{ status: "approved", decidedOn: "2026-03-10", reopenedOn: "2026-03-05" }] }))).toEqual(["closings.0.reopenedOn"]);
    // A closing holds its status's days: an approved one its decidedOn, only a withdrawn one withdrawnOn.
    expect(paths(() => decodeEntity("change-request", { ...wire, closings: [{ status: "approved", withdrawnOn: "2026-03-10", reopenedOn: "2026-03-15" }] }))).toEqual(["closings.0.decidedOn", "closings.0.withdrawnOn"]);
    expect(decodeEntity("change-request", { ...wire, closings: [{ status: "withdrawn", decidedOn: "2026-03-10", withdrawnOn: "2026-03-12", reopenedOn: "2026-03-15" }] })).toBeDefined();
    // The current decision day comes after the last reopening.
    expect(paths(() => decodeEntity("change-request", { ...wire, status: "approved", decidedBy: "p", decidedOn: "2026-03-20", closings: [{ status: "rejected", decidedOn: "2026-03-10", reopenedOn: "2026-03-25" }] }))).toEqual(["decidedOn"]);
  });
});

describe("3. a closing with no closing day is refused at its path", () => {
  const at = { version: 3, createdAt: "2026-02-01T09:00:00.000Z", updatedAt: "2026-04-01T09:00:00.000Z", projectId: "P" };
  it("risk closings [{ reopenedOn }] → ValidationError at closings.0 (it was accepted and counted for no day)", () => {
    const risk = { id: "R-1", ...at, title: "t", probability: "0.8", impact: 4, ownerId: "p", response: "mitigate", mitigation: "m", status: "open", raisedOn: "2026-02-01" };
    expect(paths(() => decodeEntity("risk", { ...risk, closings: [{ closedOn: "2026-03-01", reopenedOn: "2026-03-02" }, { reopenedOn: "2026-04-01" }] }))).toEqual(["closings.1"]);
  });
  it("action and decision alike", () => {
    expect(paths(() => decodeEntity("action", { id: "A-1", ...at, title: "t", ownerId: "p", dueDate: "2026-03-01", status: "open", closings: [{ reopenedOn: "2026-04-01" }] }))).toEqual(["closings.0"]);
    expect(paths(() => decodeEntity("decision", { id: "D-1", ...at, title: "t", status: "proposed", closings: [{ reopenedOn: "2026-04-01" }] }))).toEqual(["closings.0"]);
  });
});

describe("4. ragStatus names the full path of a risk's updatedAt it cannot read", () => {
  it("the second risk (occurred, no occurredOn, updatedAt '20 Nov 2026') is refused at project.risks.1.updatedAt (it was 'updatedAt')", () => {
    const ok = decodeEntity("risk", {
      id: "R-1", version: 1, createdAt: "2026-02-06T09:00:00.000Z", updatedAt: "2026-02-06T09:00:00.000Z", projectId: "P", title: "t",
      probability: "0.8", impact: 4, ownerId: "p", response: "mitigate", mitigation: "m", status: "open", raisedOn: "2026-02-06",
    }) as Risk;
    const bad = { ...ok, id: "R-2", status: "occurred", updatedAt: "20 Nov 2026" } as Risk;
    expect(paths(() => ragStatus({ id: "P", risks: [ok, bad] }, { asOf: d("2026-06-30") }))).toEqual(["project.risks.1.updatedAt"]);
  });
});
