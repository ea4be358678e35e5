import { describe, expect, it } from "vitest";
import { createMemoryAdapter, decodeEntity, isoDate, isPmoError, type ChangeRequest, type Decision } from "../../src/index.js";
import { pendingDecisions } from "../../src/status/index.js";
import { createPmo } from "../../src/services/index.js";
import { seedOffice } from "../services/office.js";

// A decision re-proposed (or decided anew) and a change request re-submitted (or decided anew) kept the earlier
// decision's day in `closings`, but who took it and its outcome left the record for the audit trail only. The closing
// entry pmo.update writes now keeps them: `decidedBy` (both kinds) and `outcome` (a decision's; a change request's
// outcome is the entry's `status`). Both are optional (older entries lack them) and validated: an id, a text, and only
// on an entry with its `decidedOn`.

const NOW = "2026-11-20T09:00:00.000Z";
const d = (s: string) => isoDate(s);
async function office() {
  const adapter = createMemoryAdapter();
  await seedOffice(adapter, ["person", "project", "programme", "decision", "change-request"]);
  return createPmo(adapter, { clock: () => NOW });
}
const at = { version: 3, createdAt: "2026-02-01T09:00:00.000Z", updatedAt: "2026-04-01T09:00:00.000Z" };
function paths(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(isPmoError(e, "validation"), String(e)).toBe(true);
    return (e as { issues: { path: unknown[] }[] }).issues.map((i) => i.path.join("."));
  }
  throw new Error("accepted");
}

describe("closings keep who decided and the outcome", () => {
  it("DEC-CRM-002 (approved 2026-09-15 by p-ana-costa: 'Move to 2027-03-01') re-proposed at 11-20: the entry names both", async () => {
    const pmo = await office();
    const dec = (await pmo.update("p-katrin-vogel", "decision", "DEC-CRM-002", 1, { status: "proposed" })) as Decision;
    expect(dec.closings).toEqual([{ decidedOn: "2026-09-15", decidedBy: "p-ana-costa", outcome: "Move to 2027-03-01", rationale: "UAT in the freeze weeks is not possible; a second dry run is needed after the duplicate findings; consent management fits in.", reopenedOn: "2026-11-20" }]);
    // The record itself awaits a new decision: no decider, no outcome.
    expect([dec.decidedBy, dec.outcome]).toEqual([undefined, undefined]);
    // Decided anew (rejected on 11-20 by p-katrin-vogel), then re-proposed: both decisions are kept, oldest first.
    const rej = (await pmo.update("p-katrin-vogel", "decision", "DEC-CRM-002", 2, { status: "rejected", decidedBy: "p-katrin-vogel", decidedOn: "2026-11-20", outcome: "Keep 2027-02-01" })) as Decision;
    const again = (await pmo.update("p-katrin-vogel", "decision", "DEC-CRM-002", 3, { status: "proposed" })) as Decision;
    expect(again.closings).toEqual([
      ...rej.closings!,
      { decidedOn: "2026-11-20", decidedBy: "p-katrin-vogel", outcome: "Keep 2027-02-01", reopenedOn: "2026-11-20" },
    ]);
  });

  it("CR-CRM-001 (implemented, decided 2026-09-15 by p-ana-costa) rejected at 11-20: the entry names p-ana-costa", async () => {
    const pmo = await office();
    const cr = (await pmo.update("p-katrin-vogel", "change-request", "CR-CRM-001", 1, { status: "rejected", decidedBy: "p-katrin-vogel", decidedOn: "2026-11-20" })) as ChangeRequest;
    expect([cr.decidedBy, cr.closings]).toEqual(["p-katrin-vogel", [{ status: "implemented", decidedOn: "2026-09-15", decidedBy: "p-ana-costa", decisionReason: "Approved by the steering committee: consent is a legal precondition for marketing use; baseline 1 captured on 2026-09-18.", reopenedOn: "2026-11-20" }]]);
  });

  it("validated: decidedBy must be an id, and both need the entry's decidedOn", () => {
    const dec = (closing: Record<string, unknown>) => () =>
      decodeEntity("decision", { id: "D", ...at, projectId: "P", title: "t", status: "proposed", closings: [{ reopenedOn: "2026-04-01", ...closing }] });
    // An empty id breaks the id rules (each reported at the same path).
    expect([...new Set(paths(dec({ decidedOn: "2026-03-10", decidedBy: "" })))]).toEqual(["closings.0.decidedBy"]);
    expect(paths(dec({ supersededOn: "2026-03-10", decidedBy: "p-a", outcome: "SaaS" }))).toEqual(["closings.0.decidedBy", "closings.0.outcome"]);
    expect((dec({ decidedOn: "2026-03-10", decidedBy: "p-a", outcome: "SaaS" })() as Decision).closings).toEqual([{ decidedOn: "2026-03-10", decidedBy: "p-a", outcome: "SaaS", reopenedOn: "2026-04-01" }]);
    const cr = (closing: Record<string, unknown>) => () =>
      decodeEntity("change-request", {
        id: "C", ...at, projectId: "P", title: "t", description: "", requestedBy: "p-a", requestedOn: "2026-02-01", status: "submitted", scopeImpact: "",
        costImpact: { amount: "0.00", currency: "EUR" }, scheduleImpactDays: 0, closings: [{ reopenedOn: "2026-04-01", ...closing }],
      });
    expect(paths(cr({ status: "withdrawn", withdrawnOn: "2026-03-10", decidedBy: "p-a" }))).toEqual(["closings.0.decidedBy"]);
    // A change request's outcome is the entry's status: no outcome field.
    expect(paths(cr({ status: "approved", decidedOn: "2026-03-10", outcome: "yes" }))).toEqual(["closings.0"]);
  });

  it("an outcome is not a day: '1 site first' (before '2026-…' as text) does not make the closing count as of 03-01", () => {
    // Decided 03-10, re-proposed 04-01: pending as of 03-01 (before the decision), not as of 03-15.
    const dec = decodeEntity("decision", {
      id: "D", ...at, projectId: "P", title: "t", status: "proposed",
      closings: [{ decidedOn: "2026-03-10", decidedBy: "p-a", outcome: "1 site first", reopenedOn: "2026-04-01" }],
    }) as Decision;
    expect(pendingDecisions([dec], { asOf: d("2026-03-01") }).map((x) => x.id)).toEqual(["D"]);
    expect(pendingDecisions([dec], { asOf: d("2026-03-15") }).map((x) => x.id)).toEqual([]);
  });
});
