import { describe, expect, it } from "vitest";
import { createMemoryAdapter, createRepositories, decodeEntity, isoDate, isPmoError, type Action, type Issue, type Risk } from "../../src/index.js";
import { contingencyReserve, issueAgeing, overdueActions, ragStatus } from "../../src/status/index.js";
import { createPmo } from "../../src/services/index.js";
import { seedOffice } from "../services/office.js";

// A risk, issue or action closed and reopened lost its closing day: the schema keeps `closedOn` (`resolvedOn`,
// `completedOn`) only with the closing status, so every view as of a day when it was closed counted it open. The
// record now keeps its earlier closings (`closings: [{ closedOn, reopenedOn }]`), and every as-of view reads them:
// closed 2026-03-01, reopened 2026-04-01 — closed as of 03-15, open as of 04-15.

const at = { version: 3, createdAt: "2026-02-01T09:00:00.000Z", updatedAt: "2026-04-01T09:00:00.000Z" };
const risk = (extra: Record<string, unknown> = {}) =>
  decodeEntity("risk", {
    id: "R-1", ...at, projectId: "P", title: "Vendor slips", probability: "0.8", impact: 4, costImpact: { amount: "10000.00", currency: "EUR" },
    ownerId: "p-o", response: "mitigate", mitigation: "Second vendor", status: "open", raisedOn: "2026-02-01",
    closings: [{ closedOn: "2026-03-01", reopenedOn: "2026-04-01" }], ...extra,
  }) as Risk;
const issue = (extra: Record<string, unknown> = {}) =>
  decodeEntity("issue", {
    id: "I-1", ...at, projectId: "P", title: "Test rig down", severity: "critical", ownerId: "p-o", raisedOn: "2026-02-01", status: "open",
    closings: [{ resolvedOn: "2026-03-01", reopenedOn: "2026-04-01" }], ...extra,
  }) as Issue;
const action = decodeEntity("action", {
  id: "A-1", ...at, projectId: "P", title: "Book a slot", ownerId: "p-o", dueDate: "2026-02-20", status: "open",
  closings: [{ completedOn: "2026-03-01", reopenedOn: "2026-04-01" }],
}) as Action;
const d = (s: string) => isoDate(s);

describe("a risk closed 03-01 and reopened 04-01", () => {
  it("is out of the reserve as of 03-15 (closed) and in it as of 04-15: 0.8 × 10,000.00 = 8,000.00 EUR", () => {
    const mid = contingencyReserve([risk()], { currency: "EUR", asOf: d("2026-03-15") });
    expect([mid.total.amount.toFixed(2), mid.excluded]).toEqual(["0.00", [{ riskId: "R-1", reason: "closed" }]]);
    const later = contingencyReserve([risk()], { currency: "EUR", asOf: d("2026-04-15") });
    expect([later.total.amount.toFixed(2), later.excluded]).toEqual(["8000.00", []]);
    // Before its first closing it was pending too; on the reopening day itself it is open again (judged at its end).
    expect(contingencyReserve([risk()], { currency: "EUR", asOf: d("2026-02-15") }).total.amount.toFixed(2)).toBe("8000.00");
    expect(contingencyReserve([risk()], { currency: "EUR", asOf: d("2026-04-01") }).total.amount.toFixed(2)).toBe("8000.00");
    expect(contingencyReserve([risk()], { currency: "EUR", asOf: d("2026-03-01") }).total.amount.toFixed(2)).toBe("0.00");
  });

  it("one that occurred 03-01 and was reopened is excluded as occurred in that period", () => {
    const r = risk({ closings: [{ occurredOn: "2026-03-01", reopenedOn: "2026-04-01" }] });
    expect(contingencyReserve([r], { currency: "EUR", asOf: d("2026-03-15") }).excluded).toEqual([{ riskId: "R-1", reason: "occurred" }]);
  });

  it("is not a high pending risk in the RAG figures as of 03-15 (0), and is as of 04-15 (1)", () => {
    expect(ragStatus({ id: "P", risks: [risk()] }, { asOf: d("2026-03-15") }).derived["highRisksPending"]).toEqual({ value: "0", from: [] });
    expect(ragStatus({ id: "P", risks: [risk()] }, { asOf: d("2026-04-15") }).derived["highRisksPending"]).toEqual({ value: "1", from: ["R-1"] });
  });
});

describe("an issue resolved 03-01 and reopened 04-01", () => {
  it("is resolved as of 03-15 (age 28 days, 02-01 → 03-01) and open as of 04-15 (age 73 days)", () => {
    expect(issueAgeing([issue()], { asOf: d("2026-03-15") }).issues).toMatchObject([{ issueId: "I-1", open: false, ageDays: 28 }]);
    expect(issueAgeing([issue()], { asOf: d("2026-04-15") }).issues).toMatchObject([{ issueId: "I-1", open: true, ageDays: 73 }]);
  });

  it("is not an open critical issue in the RAG figures as of 03-15, and is as of 04-15", () => {
    expect(ragStatus({ id: "P", issues: [issue()] }, { asOf: d("2026-03-15") }).derived["openCriticalIssues"]).toEqual({ value: "0", from: [] });
    expect(ragStatus({ id: "P", issues: [issue()] }, { asOf: d("2026-04-15") }).derived["openCriticalIssues"]).toEqual({ value: "1", from: ["I-1"] });
  });
});

describe("an action done 03-01 and reopened 04-01, due 02-20", () => {
  it("is not overdue as of 03-15 (done then) and is as of 04-15: 54 days (02-20 → 04-15)", () => {
    expect(overdueActions([action], { asOf: d("2026-03-15") })).toEqual([]);
    expect(overdueActions([action], { asOf: d("2026-04-15") })).toMatchObject([{ actionId: "A-1", daysOverdue: 54, why: "open" }]);
  });
});

describe("closings are checked against the record", () => {
  const paths = (extra: Record<string, unknown>) => {
    try {
      risk(extra);
    } catch (e) {
      expect(isPmoError(e, "validation")).toBe(true);
      return (e as { issues: { path: unknown[] }[] }).issues.map((i) => i.path.join("."));
    }
    throw new Error("decoded");
  };
  it("refuses a reopening before the closing, a closing before raising or the previous reopening, and closing again before the last reopening", () => {
    expect(paths({ closings: [{ closedOn: "2026-03-01", reopenedOn: "2026-02-20" }] })).toEqual(["closings.0.reopenedOn"]);
    expect(paths({ closings: [{ closedOn: "2026-01-20", reopenedOn: "2026-02-20" }] })).toEqual(["closings.0.closedOn"]);
    expect(paths({ closings: [{ closedOn: "2026-03-01", reopenedOn: "2026-04-01" }, { closedOn: "2026-03-20", reopenedOn: "2026-05-01" }] })).toEqual(["closings.1.closedOn"]);
    expect(paths({ closings: [{ occurredOn: "2026-03-10", closedOn: "2026-03-01", reopenedOn: "2026-04-01" }] })).toEqual(["closings.0.closedOn"]);
    expect(paths({ status: "closed", closedOn: "2026-03-20" })).toEqual(["closedOn"]);
    expect(risk({ status: "closed", closedOn: "2026-04-01" }).closings).toHaveLength(1);
  });

  it("a closing without a closing day is refused at closings.0 (it was accepted and counted for no day)", () => {
    expect(paths({ closings: [{ reopenedOn: "2026-04-01" }] })).toEqual(["closings.0"]);
  });
});

describe("pmo.update keeps the earlier closing when it reopens a record", () => {
  const NOW = "2026-11-20T09:00:00.000Z";
  async function office() {
    const adapter = createMemoryAdapter();
    await seedOffice(adapter, ["person", "project", "programme", "risk", "issue", "action"]);
    return { pmo: createPmo(adapter, { clock: () => NOW }), repos: createRepositories(adapter) };
  }

  it("a risk closed 2026-10-02 reopened at 2026-11-20: closings [{ closedOn 10-02, reopenedOn 11-20 }], closed as of 10-15", async () => {
    const { pmo, repos } = await office();
    const r = await pmo.update("p-katrin-vogel", "risk", "RSK-CRM-003", 1, { status: "open" } as never);
    expect([r.status, r.closedOn, r.closings]).toEqual(["open", undefined, [{ closedOn: "2026-10-02", reopenedOn: "2026-11-20" }]]);
    const stored = (await repos.risk.get("RSK-CRM-003"))!;
    expect(stored.closings).toEqual(r.closings);
    expect(contingencyReserve([stored], { currency: "EUR", asOf: d("2026-10-15") }).excluded).toEqual([{ riskId: "RSK-CRM-003", reason: "closed" }]);
    // Closed again: a day before the reopening is refused at [closedOn], nothing written; the reopening day is taken.
    const e = await pmo.closeRisk("p-katrin-vogel", "RSK-CRM-003", { closedOn: "2026-11-19", reason: "again" }).then(() => undefined, (x: unknown) => x);
    expect((e as { issues: { path: unknown }[] }).issues.map((i) => i.path)).toEqual([["closedOn"]]);
    const again = await pmo.closeRisk("p-katrin-vogel", "RSK-CRM-003", { closedOn: "2026-11-20", reason: "again" });
    expect([again.version, again.closedOn, again.closings?.length]).toEqual([3, "2026-11-20", 1]);
  });

  it("an occurred risk reopened keeps its occurredOn in closings", async () => {
    const { pmo } = await office();
    await pmo.update("p-katrin-vogel", "risk", "RSK-CRM-002", 1, { status: "occurred", occurredOn: "2026-11-18" } as never);
    const r = await pmo.update("p-katrin-vogel", "risk", "RSK-CRM-002", 2, { status: "monitoring" } as never);
    expect([r.occurredOn, r.closings]).toEqual([undefined, [{ occurredOn: "2026-11-18", reopenedOn: "2026-11-20" }]]);
  });

  it("an issue resolved 2026-10-23 reopened: closings [{ resolvedOn 10-23, reopenedOn 11-20 }]", async () => {
    const { pmo } = await office();
    const i = await pmo.update("p-katrin-vogel", "issue", "ISS-EINV-001", 1, { status: "open" } as never);
    expect([i.status, i.resolvedOn, i.closings]).toEqual(["open", undefined, [{ resolvedOn: "2026-10-23", reopenedOn: "2026-11-20" }]]);
    expect(issueAgeing([i], { asOf: d("2026-11-01") }).issues[0]?.open).toBe(false);
  });

  it("an action done and reopened keeps its completedOn", async () => {
    const { pmo } = await office();
    await pmo.update("p-katrin-vogel", "action", "ACT-CRM-002", 1, { status: "done", completedOn: "2026-11-19" } as never);
    const a = await pmo.update("p-katrin-vogel", "action", "ACT-CRM-002", 2, { status: "open" } as never);
    expect([a.status, a.completedOn, a.closings]).toEqual(["open", undefined, [{ completedOn: "2026-11-19", reopenedOn: "2026-11-20" }]]);
  });
});

describe("pmo.update refuses a closings day no time zone has reached", () => {
  it("a reopenedOn of 2026-11-21 given in closings at 2026-11-20T09:00Z is refused at [closings, 0, reopenedOn], nothing written", async () => {
    const adapter = createMemoryAdapter();
    await seedOffice(adapter, ["person", "project", "programme", "risk"]);
    const pmo = createPmo(adapter, { clock: () => "2026-11-20T09:00:00.000Z" });
    const changes = { status: "open", closedOn: undefined, closings: [{ closedOn: "2026-10-02", reopenedOn: "2026-11-21" }] };
    const e = await pmo.update("p-katrin-vogel", "risk", "RSK-CRM-003", 1, changes as never).then(() => undefined, (x: unknown) => x);
    expect(isPmoError(e, "validation"), String(e)).toBe(true);
    expect((e as { issues: { path: unknown }[] }).issues.map((i) => i.path)).toEqual([["closings", 0, "reopenedOn"]]);
    expect(await pmo.history("risk", "RSK-CRM-003")).toEqual([]);
    const ok = await pmo.update("p-katrin-vogel", "risk", "RSK-CRM-003", 1, { ...changes, closings: [{ closedOn: "2026-10-02", reopenedOn: "2026-11-20" }] } as never);
    expect(ok.closings).toEqual([{ closedOn: "2026-10-02", reopenedOn: "2026-11-20" }]);
  });
});
