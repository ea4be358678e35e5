import { describe, expect, it } from "vitest";
import { createMemoryAdapter, isPmoError } from "../../src/index.js";
import { createPmo } from "../../src/services/index.js";
import { seedOffice } from "./office.js";

// pmo.update (and closeRisk / resolveIssue) recorded a RAID closing day after the operation's own instant — an action
// cancelled "tomorrow", an issue resolved next week — so as-of views counted it open until a day that had not come.
// The service's clock (the injected `clock`) bounds it, with the rule checklist items follow: a day is a calendar day
// without a zone, so the bound is the latest local day at the operation's instant, its UTC day 14 hours later (UTC+14).
// At 2026-11-20T09:00Z that is 2026-11-20 (09:00 + 14 h = 23:00 the same UTC day): 2026-11-21 is refused.

const NOW = "2026-11-20T09:00:00.000Z";
const KINDS = ["person", "project", "programme", "action", "change-request", "decision", "risk", "issue"] as const;

async function office(clock = NOW) {
  const adapter = createMemoryAdapter();
  await seedOffice(adapter, KINDS);
  return createPmo(adapter, { clock: () => clock, ids: (() => { let n = 0; return () => `id-${++n}`; })() });
}

async function refusedAt(p: Promise<unknown>): Promise<unknown> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(isPmoError(e, "validation"), String(e)).toBe(true);
  return (e as { issues: { path: unknown }[] }).issues.map((i) => i.path);
}

const tomorrow = "2026-11-21";
const CASES = [
  ["action", "ACT-CRM-002", { status: "cancelled", cancelledOn: tomorrow }, "cancelledOn"],
  ["action", "ACT-CRM-002", { status: "done", completedOn: tomorrow }, "completedOn"],
  ["change-request", "CR-WMS-001", { status: "withdrawn", withdrawnOn: tomorrow }, "withdrawnOn"],
  ["change-request", "CR-WMS-001", { status: "approved", decidedBy: "p-katrin-vogel", decidedOn: tomorrow }, "decidedOn"],
  ["decision", "DEC-DCX-001", { status: "approved", decidedBy: "p-katrin-vogel", decidedOn: tomorrow, outcome: "Go" }, "decidedOn"],
  ["decision", "DEC-DCX-001", { status: "superseded", supersededBy: "DEC-WMS-002", supersededOn: tomorrow }, "supersededOn"],
  ["risk", "RSK-CRM-001", { status: "closed", closedOn: tomorrow }, "closedOn"],
  ["risk", "RSK-CRM-001", { status: "occurred", occurredOn: tomorrow }, "occurredOn"],
  ["issue", "ISS-DCX-001", { status: "resolved", resolvedOn: tomorrow, resolution: "fixed" }, "resolvedOn"],
] as const;

describe("pmo.update refuses a RAID closing day after the day of its clock", () => {
  for (const [kind, id, changes, field] of CASES) {
    it(`${kind} ${id}: ${field} ${tomorrow} is refused at [${field}], nothing written; ${NOW.slice(0, 10)} is taken`, async () => {
      const pmo = await office();
      expect(await refusedAt(pmo.update("p-katrin-vogel", kind, id, 1, changes as never))).toEqual([[field]]);
      expect(await pmo.history(kind, id)).toEqual([]);
      const today = await pmo.update("p-katrin-vogel", kind, id, 1, { ...changes, [field]: "2026-11-20" } as never);
      expect([today.version, (today as unknown as Record<string, unknown>)[field]]).toEqual([2, "2026-11-20"]);
    });
  }

  it("closeRisk and resolveIssue refuse a future day the same way", async () => {
    const pmo = await office();
    expect(await refusedAt(pmo.closeRisk("p-katrin-vogel", "RSK-CRM-001", { closedOn: tomorrow, reason: "mitigated" }))).toEqual([["closedOn"]]);
    expect(await refusedAt(pmo.resolveIssue("p-katrin-vogel", "ISS-DCX-001", { resolution: "fixed", resolvedOn: tomorrow }))).toEqual([["resolvedOn"]]);
    expect((await pmo.closeRisk("p-katrin-vogel", "RSK-CRM-001", { closedOn: "2026-11-20", reason: "mitigated" })).closedOn).toBe("2026-11-20");
  });

  it("at 20:00Z (09:00 the next day in Auckland, UTC+13) that next day is taken: 20:00 + 14 h = 10:00 on 11-21", async () => {
    const pmo = await office("2026-11-20T20:00:00.000Z");
    expect((await pmo.update("p-katrin-vogel", "action", "ACT-CRM-002", 1, { status: "cancelled", cancelledOn: tomorrow } as never)).cancelledOn).toBe(tomorrow);
    expect(await refusedAt(pmo.update("p-katrin-vogel", "action", "ACT-CRM-002", 2, { status: "open", dueDate: "2026-11-30" } as never).then(() =>
      pmo.update("p-katrin-vogel", "action", "ACT-CRM-002", 3, { status: "cancelled", cancelledOn: "2026-11-22" } as never)))).toEqual([["cancelledOn"]]);
  });

  it("a day already stored is not re-judged by an unrelated change", async () => {
    const pmo = await office();
    // RSK-CRM-003 is closed on a past day; renaming it touches no closing day.
    expect((await pmo.update("p-katrin-vogel", "risk", "RSK-CRM-003", 1, { title: "Renamed" } as never)).title).toBe("Renamed");
  });
});

describe("pmo.update records the day a risk occurs", () => {
  it("a risk made occurred without occurredOn takes today's, keeps it when closed, drops it when reopened", async () => {
    // Before: no occurredOn was kept, so the as-of views could only date the occurrence by updatedAt (or not at all).
    const pmo = await office();
    const occurred = await pmo.update("p-katrin-vogel", "risk", "RSK-CRM-001", 1, { status: "occurred" } as never);
    expect([occurred.status, occurred.occurredOn]).toEqual(["occurred", "2026-11-20"]); // NOW's UTC day
    const closed = await pmo.update("p-katrin-vogel", "risk", "RSK-CRM-001", 2, { status: "closed", closedOn: "2026-11-20" } as never);
    expect([closed.status, closed.occurredOn, closed.closedOn]).toEqual(["closed", "2026-11-20", "2026-11-20"]);
    const given = await pmo.update("p-katrin-vogel", "risk", "RSK-CRM-002", 1, { status: "occurred", occurredOn: "2026-11-18" } as never);
    expect(given.occurredOn).toBe("2026-11-18");
    const reopened = await pmo.update("p-katrin-vogel", "risk", "RSK-CRM-002", 2, { status: "open" } as never);
    expect([reopened.status, reopened.occurredOn]).toEqual(["open", undefined]);
  });
});
