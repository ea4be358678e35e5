import { describe, expect, it } from "vitest";
import { createMemoryAdapter, createRepositories, isPmoError } from "../../src/index.js";
import { createPmo, runOperation } from "../../src/services/index.js";
import { NOW, memoryOffice, seedOffice } from "./office.js";

/*
 * The storage and services audit (2026-12-06): links and coverage, the audit trail. The sample office is Northwind
 * Logistics (examples/data): requirement BR-001 of PRJ-CRM, test case TC-001.
 */

const office = memoryOffice;

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  return isPmoError(e) ? (e as { code: string }).code : e === undefined ? undefined : String(e);
}

describe("trace links and coverage", () => {
  it("a link to a test run that does not exist is refused, as for every other stored end kind", async () => {
    const { pmo, adapter } = await office();
    // Trace ends may be requirements, artifacts, test cases, test runs and defects — all stored kinds. test-run was
    // missing from the kinds checked, so this dangling link was stored.
    const link = { from: { kind: "test-run", id: "TR-404" }, to: { kind: "requirement", id: "BR-001" }, linkType: "verifies" } as const;
    expect(await codeOf(pmo.linkRequirement("p-david-mensah", link))).toBe("not-found");
    expect((await adapter.store("trace-link").list({ limit: 10 })).items).toEqual([]);
    expect((await adapter.store("audit-event").list({ limit: 10 })).items).toEqual([]);
  });

  it("coverage counts only links whose end is the requirement, not another kind's record with the same id", async () => {
    const { pmo, repos } = await office();
    // Ids are unique per kind: an artifact may be called BR-001 too. A test case verifying that artifact does not
    // verify requirement BR-001 (coverage counted it: incoming { verifies: 1 }, verified true).
    await repos.artifact.create({ id: "BR-001", projectId: "PRJ-CRM", artifactType: "design", name: "Design note BR-001" });
    await pmo.linkRequirement("p-david-mensah", { from: { kind: "test-case", id: "TC-001" }, to: { kind: "artifact", id: "BR-001" }, linkType: "verifies" });
    await pmo.linkRequirement("p-david-mensah", { from: { kind: "artifact", id: "BR-001" }, to: { kind: "test-case", id: "TC-001" }, linkType: "custom:documents" });
    const br = (await pmo.requirementsCoverage("PRJ-CRM")).find((c) => c.requirement.id === "BR-001")!;
    expect([br.incoming, br.outgoing, br.verified]).toEqual([{}, {}, false]);
    // A link that does reach the requirement still counts.
    await pmo.linkRequirement("p-david-mensah", { from: { kind: "test-case", id: "TC-001" }, to: { kind: "requirement", id: "BR-001" }, linkType: "verifies" });
    const after = (await pmo.requirementsCoverage("PRJ-CRM")).find((c) => c.requirement.id === "BR-001")!;
    expect([after.incoming, after.verified]).toEqual([{ verifies: 1 }, true]);
  });
});

describe("the audit trail", () => {
  it("audit events are written by operations only: an update of an event or a hand-made event is refused", async () => {
    const { pmo, adapter } = await office();
    await pmo.reviewRequest("p-sofia-marino", "REQ-2027-003");
    const [ev] = await pmo.history("request", "REQ-2027-003");
    // Events are "written once and never updated": pmo.update rewrote the actor of this one (to p-mallory's liking),
    // and Work.create stored an event naming another actor and time.
    expect(await codeOf(pmo.update("p-mallory", "audit-event", ev!.id, ev!.version, { actor: "p-someone-else" } as never))).toBe("validation");
    const forged = runOperation(adapter, { clock: () => NOW }, "p-mallory", (w) =>
      w.create("audit-event", { actor: "p-katrin-vogel", at: "2020-01-01T00:00:00.000Z", entityKind: "request", entityId: "REQ-2027-003", entityVersion: 1, action: "create", changes: [] } as never),
    );
    expect(await codeOf(forged)).toBe("validation");
    const events = (await adapter.store("audit-event").list({ limit: 100 })).items;
    expect(events.map((e) => [e["actor"], e["entityId"], e["version"]])).toEqual([["p-sofia-marino", "REQ-2027-003", 1]]);
  });

  it("Work.repos reads only: a write straight to a repository, which no audit event would record, is not offered", async () => {
    const { adapter } = await office();
    const before = (await adapter.store("request").list({ limit: 100 })).items.length;
    const events = (await adapter.store("audit-event").list({ limit: 100 })).items.length;
    const attempt = runOperation(adapter, { clock: () => NOW }, "p-mallory", async (w) => {
      // Reads work as before.
      expect((await w.repos.request.require("REQ-2027-003")).id).toBe("REQ-2027-003");
      const repo = w.repos.request as unknown as Record<string, unknown>;
      expect(["create", "update", "delete", "importRecord"].filter((m) => m in repo)).toEqual([]);
      expect(Object.isFrozen(repo)).toBe(true);
      // Before: w.repos.request.delete("REQ-2027-003") removed the request and left no audit event.
      return (repo["delete"] as ((id: string) => Promise<boolean>) | undefined)?.("REQ-2027-003");
    });
    expect(await attempt).toBeUndefined();
    expect((await adapter.store("request").list({ limit: 100 })).items.length).toBe(before);
    expect((await adapter.store("audit-event").list({ limit: 100 })).items.length).toBe(events);
  });

  it("an update cannot move createdAt, which the audit trail does not record", async () => {
    const { pmo, repos } = await office();
    const before = await repos.project.require("PRJ-CRM");
    // createdAt is storage-managed and left out of the recorded changes, so changing it with another field rewrote
    // the record's creation time (2026-02-16 → 1999-01-01) while the event showed only the description.
    const p = await pmo.update("p-rui-almeida", "project", "PRJ-CRM", before.version, { createdAt: "1999-01-01T00:00:00.000Z", description: "Dynamics 365" } as never);
    expect([p.createdAt, p.updatedAt, p.description]).toEqual([before.createdAt, NOW, "Dynamics 365"]);
    expect((await repos.project.require("PRJ-CRM")).createdAt).toBe(before.createdAt);
    const [ev] = await pmo.history("project", "PRJ-CRM");
    expect(ev?.changes.map((c) => c.path.join("."))).toEqual(["description"]);
  });

  it("history lists an entity's changes in version order even when the servers' clocks disagree", async () => {
    const adapter = createMemoryAdapter();
    await seedOffice(adapter, ["project"]);
    let n = 0;
    const ids = () => `ev-${String(++n).padStart(4, "0")}`;
    // Two application servers, the second one's clock 5 s behind: the later change carries the earlier instant.
    const serverA = createPmo(adapter, { clock: () => "2026-11-20T09:00:05.000Z", ids });
    const serverB = createPmo(adapter, { clock: () => "2026-11-20T09:00:00.000Z", ids });
    const v = (await adapter.store("project").get("PRJ-WMS"))!.version;
    await serverA.updateProject("p-rui-almeida", "PRJ-WMS", v, { description: "first" });
    await serverB.updateProject("p-sofia-marino", "PRJ-WMS", v + 1, { description: "second" });
    const trail = await serverA.history("project", "PRJ-WMS");
    // Ordered by `at`, the second change (version v + 2) came before the first.
    expect(trail.map((e) => [e.entityVersion, e.actor, e.changes[0]?.after])).toEqual([
      [v + 1, "p-rui-almeida", "first"],
      [v + 2, "p-sofia-marino", "second"],
    ]);
  });

  it("every time a workflow stamps is the service clock's, never the machine's", async () => {
    const { vi } = await import("vitest");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("1999-12-31T23:59:59.000Z"));
    try {
      const { pmo, adapter, repos } = await office();
      await pmo.reviewRequest("p-sofia-marino", "REQ-2027-003");
      await pmo.approveRequest("p-katrin-vogel", "REQ-2027-003");
      const crm = repos.project.encode(await repos.project.require("PRJ-CRM")) as unknown as Record<string, unknown>;
      const { id: _i, version: _v, createdAt: _c, updatedAt: _u, requestId: _r, activeBaseline: _b, ...draft } = crm;
      await pmo.convertRequest("p-sofia-marino", "REQ-2027-003", { ...draft, id: "PRJ-NEW", code: "PRJ-NEW", lifecycle: "initiating" } as never);
      const bl = repos.baseline.encode(await repos.baseline.require("bl-crm-1")) as unknown as Record<string, never>;
      await pmo.rebaseline("p-rui-almeida", "PRJ-CRM", { workPackages: bl["workPackages"]!, milestones: bl["milestones"]!, budgetAtCompletion: bl["budgetAtCompletion"]!, reason: "CR-CRM-002" });
      await pmo.recordActualCosts("p-rui-almeida", [{ projectId: "PRJ-NEW", date: "2026-11-19", amount: { amount: "10.00", currency: "EUR" }, category: "software", expenditure: "opex" }]);
      await pmo.acknowledgeRequirement("p-marco-rossi", { requirementId: "BR-001", audienceRole: "developer", fingerprint: "0123456789abcdef" });
      const stamped: string[] = [];
      for (const kind of ["request", "project", "baseline", "cost-entry", "acknowledgement", "audit-event"] as const) {
        for (const r of (await adapter.store(kind).list({ limit: 1000 })).items) {
          for (const f of ["createdAt", "updatedAt", "at", "capturedAt", "acknowledgedAt"]) if (typeof r[f] === "string") stamped.push(r[f] as string);
          for (const t of (r["transitions"] as { at: string }[] | undefined) ?? []) stamped.push(t.at);
        }
      }
      expect(stamped.filter((t) => t.startsWith("1999"))).toEqual([]);
      expect(stamped.filter((t) => t === NOW).length).toBeGreaterThan(10);
    } finally {
      vi.useRealTimers();
    }
  });
});
