import { describe, expect, it } from "vitest";
import { createMemoryAdapter, type ChangeRequest, type Risk } from "../../src/index.js";
import { createPmo } from "../../src/services/index.js";
import { seedOffice } from "./office.js";

// At 2026-11-20T20:00Z it is 09:00 on 11-21 in Auckland, so a risk may be raised, or a change requested, on 11-21
// (the latest local day). Made occurred or withdrawn without its day right then, pmo.update stamped the UTC day, 11-20
// — before the raising or the request — and the schema refused the update for a day the caller never gave
// ("occurredOn 2026-11-20 cannot be before raisedOn 2026-11-21"). The stamped day now never precedes raisedOn or
// requestedOn, as it already never preceded decidedOn: 11-21.

const EVENING = "2026-11-20T20:00:00.000Z";
async function office() {
  const adapter = createMemoryAdapter();
  await seedOffice(adapter, ["person", "project", "programme", "risk", "change-request"]);
  let n = 0;
  return createPmo(adapter, { clock: () => EVENING, ids: () => `id-${++n}` });
}

describe("a closing day stamped by pmo.update never precedes the day the record was raised or requested", () => {
  it("a risk raised 11-21 made occurred at 11-20T20:00Z: occurredOn 11-21 (was: refused at occurredOn)", async () => {
    const pmo = await office();
    const r = await pmo.raiseRisk("p-david-mensah", {
      projectId: "PRJ-CRM", title: "Vendor insolvency", probability: "0.2", impact: 4, ownerId: "p-david-mensah", response: "mitigate", mitigation: "Escrow", raisedOn: "2026-11-21",
    } as never);
    const occurred = (await pmo.update("p-david-mensah", "risk", r.id, r.version, { status: "occurred" })) as Risk;
    expect(occurred.occurredOn).toBe("2026-11-21");
  });

  it("a change request requested 11-21 withdrawn at 11-20T20:00Z: withdrawnOn 11-21 (was: refused at withdrawnOn)", async () => {
    const pmo = await office();
    const draft = await pmo.update("p-tomasz-nowak", "change-request", "CR-WMS-001", 1, { requestedOn: "2026-11-21" });
    const cr = (await pmo.update("p-tomasz-nowak", "change-request", "CR-WMS-001", draft.version, { status: "withdrawn" })) as ChangeRequest;
    expect(cr.withdrawnOn).toBe("2026-11-21");
  });
});
