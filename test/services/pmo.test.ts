import { describe, expect, it } from "vitest";
import {
  createMemoryAdapter, createRepositories, isPmoError, moneyToString, type StorageAdapter,
} from "../../src/index.js";
import { createPmo, fieldChanges } from "../../src/services/index.js";
import { NOW, memoryOffice, seedOffice } from "./office.js";

/*
 * The workflows on the sample office (Northwind Logistics, examples/data; status date 2026-11-20). Expected values
 * come from the data files: REQ-2027-003 is submitted, REQ-2027-002 approved, REQ-2027-005 rejected; PRJ-CRM has
 * baselines 0 and 1 (active 1); the portfolio weights are 0.3 / 0.3 / 0.25 / 0.15.
 */

const office = memoryOffice;

async function expectCode(p: Promise<unknown>, code: string, path?: (string | number)[]) {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(isPmoError(e, code as never), String(e)).toBe(true);
  if (path) expect((e as { issues: { path: unknown }[] }).issues[0]?.path).toEqual(path);
}

describe("request lifecycle", () => {
  it("submitted → in review → approved → converted, each step a transition and an audit event by its actor", async () => {
    const { pmo, repos } = await office();
    await pmo.reviewRequest("p-sofia-marino", "REQ-2027-003");
    await pmo.approveRequest("p-katrin-vogel", "REQ-2027-003", { reason: "Portfolio board 2026-11-20" });
    const crm = repos.project.encode(await repos.project.require("PRJ-CRM")) as unknown as Record<string, unknown>;
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, requestId: _r, activeBaseline: _b, ...draft } = crm;
    const { request, project } = await pmo.convertRequest("p-sofia-marino", "REQ-2027-003", {
      ...draft, id: "PRJ-NEW", code: "PRJ-NEW", name: "New project", lifecycle: "initiating",
    } as never);
    expect(request.status).toBe("converted");
    expect(request.convertedProjectId).toBe("PRJ-NEW");
    expect(project.requestId).toBe("REQ-2027-003");
    expect(request.transitions.slice(-3).map((t) => [t.from, t.to, t.by])).toEqual([
      ["submitted", "in-review", "p-sofia-marino"],
      ["in-review", "approved", "p-katrin-vogel"],
      ["approved", "converted", "p-sofia-marino"],
    ]);
    const trail = await pmo.history("request", "REQ-2027-003");
    expect(trail.map((e) => [e.actor, e.action, e.entityVersion, e.at])).toEqual([
      ["p-sofia-marino", "update", 2, NOW],
      ["p-katrin-vogel", "update", 3, NOW],
      ["p-sofia-marino", "update", 4, NOW],
    ]);
    expect(trail[1]?.reason).toBe("Portfolio board 2026-11-20");
    expect(trail[1]?.changes.find((c) => c.path.join() === "status")).toEqual({ path: ["status"], before: "in-review", after: "approved" });
    // The project's creation is audited under the same correlation id as the request's conversion.
    const created = await pmo.history("project", "PRJ-NEW");
    expect(created.map((e) => e.action)).toEqual(["create"]);
    expect(created[0]?.correlationId).toBe(trail[2]?.correlationId);
  });

  it("refuses moves REQUEST_TRANSITIONS does not allow, naming the allowed ones, and writes nothing", async () => {
    const { pmo, adapter } = await office();
    await expectCode(pmo.approveRequest("p-katrin-vogel", "REQ-2027-003"), "validation", ["status"]); // submitted → approved
    await expectCode(pmo.submitRequest("p-ana-costa", "REQ-2027-005"), "validation", ["status"]); // rejected is final
    await expectCode(pmo.convertRequest("p-ana-costa", "REQ-2027-001", {} as never), "validation", ["status"]); // in review
    await expectCode(pmo.reviewRequest("p-ana-costa", "REQ-2099-999"), "not-found");
    expect((await adapter.store("audit-event").list({ limit: 10 })).items).toEqual([]);
  });

  it("a deferred request can be submitted again; a draft is created as draft", async () => {
    const { pmo } = await office();
    expect((await pmo.submitRequest("p-ana-costa", "REQ-2027-004", { reason: "budget freed" })).status).toBe("submitted");
    await expectCode(pmo.createRequest("not an id!", {} as never), "validation", ["actor"]);
  });
});

describe("execution", () => {
  it("re-baselining PRJ-CRM captures baseline 2 superseding 1, with its reason, and activates it", async () => {
    const { pmo, repos } = await office();
    const b1 = repos.baseline.encode((await repos.baseline.list({ where: [{ field: "id", op: "eq", value: "bl-crm-1" }] })).items[0]!);
    const { workPackages, milestones, budgetAtCompletion } = b1 as unknown as { workPackages: never; milestones: never; budgetAtCompletion: never };
    await expectCode(pmo.captureBaseline("p-rui-almeida", "PRJ-CRM", { workPackages, milestones, budgetAtCompletion, reason: "x" }), "validation", ["projectId"]);
    const b2 = await pmo.rebaseline("p-rui-almeida", "PRJ-CRM", { workPackages, milestones, budgetAtCompletion, reason: "CR-CRM-002 approved" });
    expect([b2.number, b2.supersedes, b2.capturedBy, b2.capturedAt]).toEqual([2, 1, "p-rui-almeida", NOW]);
    expect((await repos.project.require("PRJ-CRM")).activeBaseline).toBe(2);
    const trail = await pmo.history("project", "PRJ-CRM");
    expect(trail.map((e) => [e.reason, e.changes])).toEqual([["CR-CRM-002 approved", [{ path: ["activeBaseline"], before: 1, after: 2 }]]]);
  });

  it("actual costs are booked as cost entries and summed exactly per currency in activeProjects", async () => {
    const { pmo } = await office();
    const line = (amount: string) => ({ projectId: "PRJ-EINV", date: "2026-11-19", amount: { amount, currency: "EUR" }, category: "software", expenditure: "opex" }) as const;
    await pmo.recordActualCosts("p-sofia-marino", [line("0.10"), line("0.20"), line("1200.00")]);
    const einv = (await pmo.activeProjects()).find((f) => f.project.id === "PRJ-EINV")!;
    // 0.10 + 0.20 + 1200.00 = 1200.30 exactly (as floats 0.1 + 0.2 would not be 0.3).
    expect(einv.actualCosts.map((m) => moneyToString(m))).toEqual(["1200.30 EUR"]);
    expect(einv.baseline?.number).toBe(0);
    expect(einv.latestStatusReport?.asOf).toBe("2026-10-30");
    await expectCode(pmo.recordActualCosts("p-sofia-marino", [{ ...line("1.00"), projectId: "PRJ-NONE" }]), "not-found");
  });

  it("changing portfolio weights is audited field by field (who changed which weight when)", async () => {
    const { pmo, repos } = await office();
    const pf = repos.portfolio.encode(await repos.portfolio.require("pf-northwind-it")) as unknown as { strategicObjectives: { weight: string }[] };
    const objectives = pf.strategicObjectives.map((o, i) => (i === 0 ? { ...o, weight: "0.35" } : i === 3 ? { ...o, weight: "0.1" } : o));
    await pmo.update("p-katrin-vogel", "portfolio", "pf-northwind-it", 1, { strategicObjectives: objectives } as never, "Board reweighting");
    const [ev] = await pmo.history("portfolio", "pf-northwind-it");
    expect([ev?.actor, ev?.at, ev?.entityVersion, ev?.reason]).toEqual(["p-katrin-vogel", NOW, 2, "Board reweighting"]);
    expect(ev?.changes).toEqual([
      { path: ["strategicObjectives", 0, "weight"], before: "0.3", after: "0.35" },
      { path: ["strategicObjectives", 3, "weight"], before: "0.15", after: "0.1" },
    ]);
    await expectCode(pmo.update("p-katrin-vogel", "portfolio", "pf-northwind-it", 1, { name: "Stale" }), "version-conflict");
  });
});

describe("RAID, requirements, rollout, status", () => {
  it("raises and resolves an issue", async () => {
    const { pmo } = await office();
    const issue = await pmo.raiseIssue("p-rui-almeida", { projectId: "PRJ-CRM", title: "Licence keys late", severity: "high", ownerId: "p-rui-almeida", raisedOn: "2026-11-20" } as never);
    expect(issue.status).toBe("open");
    const resolved = await pmo.resolveIssue("p-rui-almeida", issue.id, { resolution: "Vendor sent keys", resolvedOn: "2026-11-20" });
    expect([resolved.status, resolved.version]).toEqual(["resolved", 2]);
    await expectCode(pmo.resolveIssue("p-rui-almeida", issue.id, { resolution: "again", resolvedOn: "2026-11-20" }), "validation", ["status"]);
    expect((await pmo.history("issue", issue.id)).map((e) => e.action)).toEqual(["create", "update"]);
  });

  it("update records the day an action is cancelled, a change withdrawn, a decision superseded: the one given, else today's", async () => {
    const { pmo, adapter } = await office();
    await seedOffice(adapter, ["action", "change-request", "decision"]);
    // Before: no day was kept, so judged as of an earlier day these records counted as closed on every day.
    const given = await pmo.update("p-marco-rossi", "action", "ACT-CRM-002", 1, { status: "cancelled", cancelledOn: "2026-11-18" });
    expect([given.status, given.cancelledOn]).toEqual(["cancelled", "2026-11-18"]);
    const reopened = await pmo.update("p-marco-rossi", "action", "ACT-CRM-002", 2, { status: "open" });
    expect([reopened.status, reopened.cancelledOn]).toEqual(["open", undefined]); // the day leaves with the status
    const today = await pmo.update("p-marco-rossi", "action", "ACT-CRM-002", 3, { status: "cancelled" });
    expect(today.cancelledOn).toBe("2026-11-20"); // NOW's UTC day
    const cr = await pmo.update("p-henrik-larsen", "change-request", "CR-WMS-001", 1, { status: "withdrawn" });
    expect([cr.status, cr.withdrawnOn]).toEqual(["withdrawn", "2026-11-20"]);
    const dec = await pmo.update("p-stefan-krause", "decision", "DEC-DCX-001", 1, { status: "superseded", supersededBy: "DEC-WMS-002", supersededOn: "2026-11-19" });
    expect([dec.status, dec.supersededOn]).toEqual(["superseded", "2026-11-19"]);
    await expectCode(pmo.update("p-marco-rossi", "action", "ACT-CRM-001", 1, { cancelledOn: "2026-11-19" }), "validation", ["cancelledOn"]); // not cancelled
  });

  it("links, acknowledgements and test runs need their targets; coverage counts the links", async () => {
    const { pmo } = await office();
    await expectCode(pmo.linkRequirement("p-david-mensah", { from: { kind: "test-case", id: "TC-404" }, to: { kind: "requirement", id: "BR-001" }, linkType: "verifies" } as never), "not-found");
    await pmo.linkRequirement("p-david-mensah", { from: { kind: "test-case", id: "TC-001" }, to: { kind: "requirement", id: "BR-001" }, linkType: "verifies" } as never);
    const br = (await pmo.requirementsCoverage("PRJ-CRM")).find((c) => c.requirement.id === "BR-001")!;
    expect([br.incoming["verifies"], br.verified]).toEqual([1, true]);
    const ack = await pmo.acknowledgeRequirement("p-marco-rossi", { requirementId: "BR-001", audienceRole: "developer", fingerprint: "0123456789abcdef" });
    expect([ack.personId, ack.acknowledgedAt]).toEqual(["p-marco-rossi", NOW]);
    const run = await pmo.recordTestRun("p-aylin-yilmaz", { testCaseId: "TC-001", result: "passed", environment: "uat", softwareVersion: "2026.11.1", executedAt: NOW, defectIds: [] } as never);
    expect(run.result).toBe("passed");
  });

  it("instantiates a rollout plan from a template, updates an item with CAS, and decides a gate", async () => {
    const { pmo, repos } = await office();
    const plan = repos["rollout-plan"].encode(await repos["rollout-plan"].require("rp-crm")) as unknown as Record<string, unknown>;
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, templateId: _t, ...planDraft } = plan;
    const { plan: created, items, gates } = await pmo.instantiateRolloutPlan(
      "p-rui-almeida",
      { ...planDraft, projectId: "PRJ-WMS", name: "WMS go-live", status: "planning" } as never,
      {
        id: "tpl-standard",
        items: [
          { id: "ci-wms-trn-01", title: "Train key users", phase: "prepare", category: "training", tMinusDays: 20, blocking: true, status: "todo" },
          { id: "ci-wms-dep-01", title: "Install scanners", phase: "deploy", category: "distribution-installation", tMinusDays: 2, blocking: false, status: "todo" },
        ] as never,
        gates: [{ id: "g-wms-gonogo", name: "Go/No-Go", type: "go-no-go", scope: { phases: ["prepare", "deploy"] }, approvers: [{ personId: "p-ana-costa" }, { personId: "p-rui-almeida" }], minApprovals: 2 }] as never,
      },
    );
    expect([created.templateId, items.length, gates.length]).toEqual(["tpl-standard", 2, 1]);
    const done = await pmo.updateChecklistItem("p-rui-almeida", "ci-wms-trn-01", 1, { status: "done", completedOn: "2026-11-20" });
    expect(done.version).toBe(2);
    await expectCode(pmo.updateChecklistItem("p-rui-almeida", "ci-wms-trn-01", 1, { status: "blocked" }), "version-conflict");
    const overview = (await pmo.rollouts()).find((o) => o.plan.id === created.id)!;
    expect([overview.itemsByStatus, overview.openBlockingItems.length]).toEqual([{ done: 1, todo: 1 }, 0]);
    const gate = await pmo.decideGate("p-ana-costa", "g-wms-gonogo", {
      votes: [{ personId: "p-ana-costa", vote: "approve" }, { personId: "p-rui-almeida", vote: "approve" }],
      decision: { outcome: "go", conditions: [] },
    });
    expect([gate.decision?.outcome, gate.decision?.decidedBy, gate.approvals.length]).toEqual(["go", "p-ana-costa", 2]);
    await expectCode(pmo.decideGate("p-ana-costa", "g-wms-gonogo", { votes: [], decision: { outcome: "no-go", conditions: [] } }), "validation", ["decision"]);
  });

  it("publishes a status report stamped with the actor and now", async () => {
    const { pmo, repos } = await office();
    const sr = repos["status-report"].encode(await repos["status-report"].require("SR-CRM-2026-10")) as unknown as Record<string, unknown>;
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, publishedAt: _p, publishedBy: _b, ...draft } = sr;
    const report = await pmo.publishStatusReport("p-rui-almeida", { ...draft, asOf: "2026-11-20" } as never);
    expect([report.publishedBy, report.publishedAt]).toEqual(["p-rui-almeida", NOW]);
    expect((await pmo.activeProjects()).find((f) => f.project.id === "PRJ-CRM")?.latestStatusReport?.id).toBe(report.id);
  });
});

describe("all or nothing", () => {
  it("on an adapter without interactive transactions every operation refuses before writing", async () => {
    const inner = createMemoryAdapter();
    await seedOffice(inner, ["request"]);
    const { transaction: _t, ...rest } = inner;
    const noTx: StorageAdapter = { ...rest, capabilities: { ...inner.capabilities, transactions: "none" } };
    const pmo = createPmo(noTx, { clock: () => NOW });
    await expectCode(pmo.reviewRequest("p-sofia-marino", "REQ-2027-003"), "unsupported-capability");
    expect((await createRepositories(inner).request.require("REQ-2027-003")).status).toBe("submitted");
  });

  it("open requests are the submitted, in-review, approved and deferred ones", async () => {
    const { pmo } = await office();
    expect((await pmo.openRequests()).map((r) => r.id)).toEqual([
      "REQ-2027-001", "REQ-2027-002", "REQ-2027-003", "REQ-2027-004", "REQ-2027-007", "REQ-2027-009",
    ]);
  });
});

describe("fieldChanges", () => {
  it("reports leaves that changed, whole arrays whose length changed, and nothing for storage fields", () => {
    expect(fieldChanges({ version: 1, a: { b: 1, c: [1, 2] }, d: [1] }, { version: 2, a: { b: 2, c: [1, 3] }, d: [1, 2], e: "x" })).toEqual([
      { path: ["a", "b"], before: 1, after: 2 },
      { path: ["a", "c", 1], before: 2, after: 3 },
      { path: ["d"], before: [1], after: [1, 2] },
      { path: ["e"], after: "x" },
    ]);
  });
});
