import { describe, expect, it } from "vitest";
import { createMemoryAdapter, isPmoError } from "../../src/index.js";
import { changeRequestSchema, type ChangeRequestWire } from "../../src/entities/change-request.js";
import { createPmo } from "../../src/services/index.js";
import { seedOffice } from "../services/office.js";
import { paths } from "./helpers.js";

// A change request decided on 02-05 and withdrawn on 02-03 was accepted: changeRequestImpact then counted it pending
// before 02-03 and withdrawn from 02-03, never approved, although it was decided on 02-05 — a day order no record can
// have. Withdrawn before its decision is refused at ["withdrawnOn"]; on the decision day or after it is taken.

const at = "2027-02-01T09:00:00.000Z";
const withdrawn: ChangeRequestWire = {
  id: "cr-1", version: 3, createdAt: at, updatedAt: "2027-02-10T09:00:00.000Z", projectId: "prj-crm", title: "Drop reporting",
  requestedBy: "p-ana", requestedOn: "2027-02-01", scopeImpact: "Reporting out", costImpact: { amount: "-1000.00", currency: "EUR" },
  scheduleImpactDays: -2, status: "withdrawn", decidedBy: "p-board", decidedOn: "2027-02-05", withdrawnOn: "2027-02-03",
};

describe("change request: withdrawn before it was decided", () => {
  it("is refused at withdrawnOn (02-03 < decidedOn 02-05)", () => {
    expect(paths(changeRequestSchema, withdrawn)).toEqual(["withdrawnOn"]);
  });

  it("withdrawn on the decision day or later is taken", () => {
    for (const day of ["2027-02-05", "2027-02-09"]) expect(changeRequestSchema.safeDecode({ ...withdrawn, withdrawnOn: day }).success).toBe(true);
  });

  it("pmo.update refuses it with a ValidationError at [withdrawnOn], nothing written", async () => {
    const adapter = createMemoryAdapter();
    await seedOffice(adapter, ["person", "project", "change-request"]);
    const pmo = createPmo(adapter, { clock: () => "2026-11-20T09:00:00.000Z" });
    // CR-WMS-001: submitted 2026-10-27.
    const approved = await pmo.update("p-katrin-vogel", "change-request", "CR-WMS-001", 1, { status: "approved", decidedBy: "p-katrin-vogel", decidedOn: "2026-11-10" } as never);
    const e = await pmo.update("p-katrin-vogel", "change-request", "CR-WMS-001", 2, { status: "withdrawn", withdrawnOn: "2026-11-05" } as never).then(() => undefined, (x: unknown) => x);
    expect(isPmoError(e, "validation"), String(e)).toBe(true);
    expect((e as { issues: { path: unknown }[] }).issues.map((i) => i.path)).toEqual([["withdrawnOn"]]);
    expect((await pmo.history("change-request", "CR-WMS-001")).length).toBe(1);
    expect(approved.version).toBe(2);
  });
});

describe("pmo.update: the day it records for a status is never before the decision it follows", () => {
  // At 20:00Z (09:00 the next day in Auckland) a decision may be dated the next day, 11-21. Withdrawn (or superseded)
  // without its day, the record took the UTC day, 11-20 — before its decision — and the update was refused for a day
  // the caller never gave. It takes the decision day: 11-21.
  it("a change request decided 11-21 and withdrawn without a day at 2026-11-20T20:00Z is withdrawn on 11-21", async () => {
    const adapter = createMemoryAdapter();
    await seedOffice(adapter, ["person", "project", "decision", "change-request"]);
    const pmo = createPmo(adapter, { clock: () => "2026-11-20T20:00:00.000Z" });
    await pmo.update("p-katrin-vogel", "change-request", "CR-WMS-001", 1, { status: "approved", decidedBy: "p-katrin-vogel", decidedOn: "2026-11-21" } as never);
    const w = await pmo.update("p-katrin-vogel", "change-request", "CR-WMS-001", 2, { status: "withdrawn" } as never);
    expect([w.status, w.withdrawnOn]).toEqual(["withdrawn", "2026-11-21"]);
  });

  it("a decision taken 11-21 and superseded without a day at 2026-11-20T20:00Z is superseded on 11-21", async () => {
    const adapter = createMemoryAdapter();
    await seedOffice(adapter, ["person", "project", "decision"]);
    const pmo = createPmo(adapter, { clock: () => "2026-11-20T20:00:00.000Z" });
    await pmo.update("p-katrin-vogel", "decision", "DEC-DCX-001", 1, { status: "approved", decidedBy: "p-katrin-vogel", decidedOn: "2026-11-21", outcome: "Go" } as never);
    const d = await pmo.update("p-katrin-vogel", "decision", "DEC-DCX-001", 2, { status: "superseded", supersededBy: "DEC-WMS-002" } as never);
    expect([d.status, d.supersededOn]).toEqual(["superseded", "2026-11-21"]);
  });
});
