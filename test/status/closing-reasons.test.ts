import { describe, expect, it } from "vitest";
import { createMemoryAdapter, decodeEntity, isoDate, isPmoError, type ChangeRequest, type Decision } from "../../src/index.js";
import { pendingDecisions } from "../../src/status/index.js";
import { createPmo } from "../../src/services/index.js";
import { seedOffice } from "../services/office.js";

// 1. A decision superseded and then reinstated (approved, rejected or re-proposed) kept `supersededBy`, which the
//    schema allows only with status superseded: the update was refused at ["supersededBy"] unless the caller cleared
//    it by hand. pmo.update now drops it when the status leaves superseded (as it drops `supersededOn`), and the
//    closing entry keeps it (`supersededBy`), so the history names the decision that replaced it. Given with a
//    non-superseded status, it is still refused at ["supersededBy"].
// 2. A closing entry kept who decided and a decision's outcome, but not why: the decision's `rationale` and the change
//    request's `decisionReason` left the record for the audit trail only. The entry now keeps them (optional, only on
//    an entry with its `decidedOn`, refused at ["closings", i, field] otherwise).

const NOW = "2026-11-20T09:00:00.000Z";
const d = (s: string) => isoDate(s);
async function office() {
  const adapter = createMemoryAdapter();
  await seedOffice(adapter, ["person", "project", "programme", "decision", "change-request"]);
  return createPmo(adapter, { clock: () => NOW });
}
function refused(p: Promise<unknown>): Promise<string[]> {
  return p.then(
    () => { throw new Error("accepted"); },
    (e: unknown) => {
      expect(isPmoError(e, "validation"), String(e)).toBe(true);
      return (e as { issues: { path: unknown[] }[] }).issues.map((i) => i.path.join("."));
    },
  );
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
const at = { version: 3, createdAt: "2026-02-01T09:00:00.000Z", updatedAt: "2026-04-01T09:00:00.000Z" };

describe("a reinstated decision's supersededBy", () => {
  it("DEC-DCX-001 superseded by DEC-WMS-002 on 11-10, approved on 11-20 without clearing supersededBy: accepted (was: refused at supersededBy), the entry names DEC-WMS-002", async () => {
    const pmo = await office();
    await pmo.update("p-stefan-krause", "decision", "DEC-DCX-001", 1, { status: "superseded", supersededBy: "DEC-WMS-002", supersededOn: "2026-11-10" });
    const dec = (await pmo.update("p-stefan-krause", "decision", "DEC-DCX-001", 2, {
      status: "approved", decidedBy: "p-stefan-krause", decidedOn: "2026-11-20", outcome: "One provider, two regions",
    })) as Decision;
    expect([dec.status, dec.supersededBy, dec.supersededOn, dec.closings]).toEqual([
      "approved", undefined, undefined, [{ supersededOn: "2026-11-10", supersededBy: "DEC-WMS-002", reopenedOn: "2026-11-20" }],
    ]);
    // As of 11-15 it was superseded (not pending); as of 11-08 proposed (pending).
    expect(pendingDecisions([dec], { asOf: d("2026-11-15") }).map((x) => x.id)).toEqual([]);
    expect(pendingDecisions([dec], { asOf: d("2026-11-08") }).map((x) => x.id)).toEqual(["DEC-DCX-001"]);
  });

  it("re-proposed alike; a supersededBy given with a status other than superseded is still refused at [supersededBy], nothing written", async () => {
    const pmo = await office();
    await pmo.update("p-stefan-krause", "decision", "DEC-DCX-001", 1, { status: "superseded", supersededBy: "DEC-WMS-002", supersededOn: "2026-11-10" });
    expect(await refused(pmo.update("p-stefan-krause", "decision", "DEC-DCX-001", 2, { status: "proposed", supersededBy: "DEC-WMS-002" }))).toEqual(["supersededBy"]);
    const dec = (await pmo.update("p-stefan-krause", "decision", "DEC-DCX-001", 2, { status: "proposed" })) as Decision;
    expect([dec.version, dec.supersededBy, dec.closings]).toEqual([3, undefined, [{ supersededOn: "2026-11-10", supersededBy: "DEC-WMS-002", reopenedOn: "2026-11-20" }]]);
  });

  it("DEC-WMS-001 (approved 02-10, superseded by DEC-WMS-002 with no day) reinstated at 11-20: the entry keeps its decision, who superseded it, and the day its last change (10-20) proved it superseded", async () => {
    const pmo = await office();
    const dec = (await pmo.update("p-henrik-larsen", "decision", "DEC-WMS-001", 1, { status: "approved", decidedBy: "p-henrik-larsen", decidedOn: "2026-11-20" })) as Decision;
    expect([dec.supersededBy, dec.closings]).toEqual([undefined, [{ decidedOn: "2026-02-10", decidedBy: "p-henrik-larsen", outcome: "Pilot 2026-11-02", supersededOn: "2026-10-20", supersededBy: "DEC-WMS-002", reopenedOn: "2026-11-20" }]]);
  });

  it("an entry's supersededBy must be an id and not the decision itself", () => {
    const dec = (closing: Record<string, unknown>) => () =>
      decodeEntity("decision", { id: "D", ...at, projectId: "P", title: "t", status: "proposed", closings: [{ supersededOn: "2026-03-10", reopenedOn: "2026-04-01", ...closing }] });
    expect(paths(dec({ supersededBy: "D" }))).toEqual(["closings.0.supersededBy"]);
    expect([...new Set(paths(dec({ supersededBy: "" })))]).toEqual(["closings.0.supersededBy"]);
    expect((dec({ supersededBy: "D2" })() as Decision).closings).toEqual([{ supersededOn: "2026-03-10", supersededBy: "D2", reopenedOn: "2026-04-01" }]);
  });
});

describe("closing entries keep the reasons of the decision they end", () => {
  it("DEC-CRM-002 (approved 09-15 by p-ana-costa) re-proposed at 11-20: the entry keeps its rationale", async () => {
    const pmo = await office();
    const dec = (await pmo.update("p-katrin-vogel", "decision", "DEC-CRM-002", 1, { status: "proposed" })) as Decision;
    expect(dec.closings).toEqual([{
      decidedOn: "2026-09-15", decidedBy: "p-ana-costa", outcome: "Move to 2027-03-01",
      rationale: "UAT in the freeze weeks is not possible; a second dry run is needed after the duplicate findings; consent management fits in.",
      reopenedOn: "2026-11-20",
    }]);
    expect(dec.rationale).toBeUndefined();
  });

  it("CR-CRM-001 (implemented, decided 09-15 by p-ana-costa) rejected at 11-20: the entry keeps its decisionReason", async () => {
    const pmo = await office();
    const cr = (await pmo.update("p-katrin-vogel", "change-request", "CR-CRM-001", 1, { status: "rejected", decidedBy: "p-katrin-vogel", decidedOn: "2026-11-20", decisionReason: "Consent moves to phase 2." })) as ChangeRequest;
    expect([cr.decisionReason, cr.closings]).toEqual(["Consent moves to phase 2.", [{
      status: "implemented", decidedOn: "2026-09-15", decidedBy: "p-ana-costa",
      decisionReason: "Approved by the steering committee: consent is a legal precondition for marketing use; baseline 1 captured on 2026-09-18.",
      reopenedOn: "2026-11-20",
    }]]);
  });

  it("validated: only on an entry with its decidedOn; a change request's entry has no rationale, a decision's no decisionReason", () => {
    const dec = (closing: Record<string, unknown>) => () =>
      decodeEntity("decision", { id: "D", ...at, projectId: "P", title: "t", status: "proposed", closings: [{ reopenedOn: "2026-04-01", ...closing }] });
    expect(paths(dec({ supersededOn: "2026-03-10", rationale: "why" }))).toEqual(["closings.0.rationale"]);
    expect(paths(dec({ decidedOn: "2026-03-10", decisionReason: "why" }))).toEqual(["closings.0"]);
    const cr = (closing: Record<string, unknown>) => () =>
      decodeEntity("change-request", {
        id: "C", ...at, projectId: "P", title: "t", description: "", requestedBy: "p-a", requestedOn: "2026-02-01", status: "submitted", scopeImpact: "",
        costImpact: { amount: "0.00", currency: "EUR" }, scheduleImpactDays: 0, closings: [{ reopenedOn: "2026-04-01", ...closing }],
      });
    expect(paths(cr({ status: "withdrawn", withdrawnOn: "2026-03-10", decisionReason: "why" }))).toEqual(["closings.0.decisionReason"]);
    expect(paths(cr({ status: "approved", decidedOn: "2026-03-10", rationale: "why" }))).toEqual(["closings.0"]);
    expect((cr({ status: "approved", decidedOn: "2026-03-10", decisionReason: "why" })() as ChangeRequest).closings).toEqual([{ status: "approved", decidedOn: "2026-03-10", decisionReason: "why", reopenedOn: "2026-04-01" }]);
  });
});
