import { describe, expect, it } from "vitest";
import { createRepositories, isPmoError, type EntityKind, type StorageAdapter } from "../../src/index.js";
import { createPmo, type Pmo } from "../../src/services/index.js";
import { NOW, OFFICE_KINDS, seedOffice } from "./office.js";

/*
 * Reliability of the workflows on one adapter (the memory adapter and every SQL backend run the same tests):
 * no lost update under 100 concurrent writers, and all-or-nothing when a workflow fails halfway.
 */

class Injected extends Error {}

const WRITERS = 100;

async function snapshot(adapter: StorageAdapter, kinds: readonly EntityKind[]): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const kind of kinds) out[kind] = [...(await adapter.store(kind).list({ limit: 1000 })).items];
  return JSON.stringify(out);
}

/** `open` gives an adapter over an empty, migrated store; `close` releases it. */
export function workflowReliability(label: string, open: () => Promise<{ adapter: StorageAdapter; close: () => Promise<void> }>): void {
  describe(`${label}: workflow reliability`, () => {
    it(`${WRITERS} concurrent writers on one project: each lands with version + 1 or gets VersionConflictError`, async () => {
      const { adapter, close } = await open();
      try {
        await seedOffice(adapter, ["project"]);
        const pmo = createPmo(adapter, { clock: () => NOW });
        const start = (await adapter.store("project").get("PRJ-WMS"))!.version;
        // Each writer reads the version at some point (some before others wrote, some after) and writes with it.
        const results = await Promise.allSettled(
          Array.from({ length: WRITERS }, async (_, i) => {
            if (i % 3 === 1) await new Promise((r) => setTimeout(r, i % 7));
            const seen = (await adapter.store("project").get("PRJ-WMS"))!.version;
            const p = await pmo.updateProject("p-rui-almeida", "PRJ-WMS", seen, { description: `Writer ${i}` });
            return { seen, version: p.version };
          }),
        );
        const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
        const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
        expect(lost.every((e) => isPmoError(e, "version-conflict")), String(lost.find((e) => !isPmoError(e, "version-conflict")))).toBe(true);
        expect(won.length + lost.length).toBe(WRITERS);
        expect(won.length).toBeGreaterThan(0);
        for (const w of won) expect(w.version).toBe(w.seen + 1);
        // No two winners wrote the same version: every success is a distinct step, none lost.
        expect(new Set(won.map((w) => w.version)).size).toBe(won.length);
        const final = (await adapter.store("project").get("PRJ-WMS"))!;
        expect(final.version).toBe(start + won.length);
        // …and each success left exactly one audit event.
        expect((await pmo.history("project", "PRJ-WMS")).length).toBe(won.length);
      } finally {
        await close();
      }
    }, 60_000);

    it("a workflow failing after its second write leaves nothing behind", async () => {
      const { adapter, close } = await open();
      try {
        await seedOffice(adapter, ["request", "project"]);
        const kinds: EntityKind[] = ["request", "project", "audit-event"];
        const before = await snapshot(adapter, kinds);
        const pmo = createPmo(adapter, {
          clock: () => NOW,
          onWrite: (n: number) => {
            if (n === 2) throw new Injected("injected failure after the second write");
          },
        });
        const repos = createRepositories(adapter);
        const source = repos.project.encode(await repos.project.require("PRJ-CRM"));
        const { id: _i, version: _v, createdAt: _c, updatedAt: _u, requestId: _r, ...draft } = source as unknown as Record<string, unknown>;
        // Converting REQ-2027-002 (approved) writes the project, its audit event, the request, its audit event.
        await expect(
          pmo.convertRequest("p-sofia-marino", "REQ-2027-002", { ...draft, id: "PRJ-NEW", code: "PRJ-NEW", lifecycle: "initiating" } as never),
        ).rejects.toBeInstanceOf(Injected);
        expect(await snapshot(adapter, kinds)).toBe(before);
        expect(await adapter.store("project").get("PRJ-NEW")).toBeNull();
        expect((await repos.request.require("REQ-2027-002")).status).toBe("approved");
      } finally {
        await close();
      }
    }, 60_000);

    it("every multi-write workflow, failing at each of its writes or on invalid input halfway, leaves nothing behind", async () => {
      const { adapter, close } = await open();
      try {
        await seedOffice(adapter, [...OFFICE_KINDS, "risk"]);
        const kinds: EntityKind[] = [
          "request", "project", "baseline", "cost-entry", "work-package", "risk", "issue", "trace-link", "acknowledgement",
          "test-run", "rollout-plan", "checklist-item", "gate", "status-report", "audit-event",
        ];
        const repos = createRepositories(adapter);
        const crm = repos.project.encode(await repos.project.require("PRJ-CRM")) as unknown as Record<string, unknown>;
        const { id: _i, version: _v, createdAt: _c, updatedAt: _u, requestId: _r, activeBaseline: _b, ...projectDraft } = crm;
        const bl = repos.baseline.encode(await repos.baseline.require("bl-crm-1")) as unknown as Record<string, never>;
        const report = repos["status-report"].encode(await repos["status-report"].require("SR-CRM-2026-10")) as unknown as Record<string, unknown>;
        const { id: _ri, version: _rv, createdAt: _rc, updatedAt: _ru, publishedAt: _rp, publishedBy: _rb, ...reportDraft } = report;
        const risk = repos.risk.encode(await repos.risk.require("RSK-CRM-001")) as unknown as Record<string, unknown>;
        const { id: _ki, version: _kv, createdAt: _kc, updatedAt: _ku, status: _ks, ...riskDraft } = risk;
        const plan = repos["rollout-plan"].encode(await repos["rollout-plan"].require("rp-crm")) as unknown as Record<string, unknown>;
        const { id: _pi, version: _pv, createdAt: _pc, updatedAt: _pu, templateId: _pt, ...planDraft } = plan;
        const cost = (amount: string) => ({ projectId: "PRJ-EINV", date: "2026-11-19", amount: { amount, currency: "EUR" }, category: "software", expenditure: "opex" }) as const;
        const version = async (kind: EntityKind, id: string) => (await adapter.store(kind).get(id))!.version;
        // Each workflow as it is called for real; the failing runs must leave the store as it was, so the next one
        // (and the final, successful run) starts from the same records.
        const workflows: [string, (pmo: Pmo) => Promise<unknown>][] = [
          ["convertRequest", (pmo) => pmo.convertRequest("p-sofia-marino", "REQ-2027-002", { ...projectDraft, id: "PRJ-NEW", code: "PRJ-NEW", lifecycle: "initiating" } as never)],
          ["rebaseline", (pmo) => pmo.rebaseline("p-rui-almeida", "PRJ-CRM", { workPackages: bl["workPackages"]!, milestones: bl["milestones"]!, budgetAtCompletion: bl["budgetAtCompletion"]!, reason: "CR-CRM-002" })],
          ["recordActualCosts", (pmo) => pmo.recordActualCosts("p-sofia-marino", [cost("0.10"), cost("0.20"), cost("1200.00")])],
          ["instantiateRolloutPlan", (pmo) => pmo.instantiateRolloutPlan(
            "p-rui-almeida",
            { ...planDraft, projectId: "PRJ-WMS", name: "WMS go-live", status: "planning" } as never,
            {
              items: [
                { id: "ci-wms-trn-01", title: "Train key users", phase: "prepare", category: "training", tMinusDays: 20, blocking: true, status: "todo", gateIds: ["g-wms-gonogo"] },
                { id: "ci-wms-dep-01", title: "Install scanners", phase: "deploy", category: "distribution-installation", tMinusDays: 2, blocking: false, status: "todo", dependsOn: ["ci-wms-trn-01"] },
              ] as never,
              gates: [{ id: "g-wms-gonogo", name: "Go/No-Go", type: "go-no-go", scope: { phases: ["prepare", "deploy"] }, approvers: [{ personId: "p-ana-costa" }], minApprovals: 1 }] as never,
            },
          )],
          ["reviewRequest", (pmo) => pmo.reviewRequest("p-sofia-marino", "REQ-2027-003", { reason: "complete" })],
          ["updateProject", async (pmo) => pmo.updateProject("p-rui-almeida", "PRJ-WMS", await version("project", "PRJ-WMS"), { description: "Changed" })],
          ["recordProgress", (pmo) => pmo.recordProgress("p-rui-almeida", "wp-crm-1", { date: "2026-11-20", started: true, finished: true } as never)],
          ["raiseRisk", (pmo) => pmo.raiseRisk("p-rui-almeida", { ...riskDraft, id: "RSK-NEW", key: "RSK-NEW" } as never)],
          ["closeRisk", (pmo) => pmo.closeRisk("p-rui-almeida", "RSK-CRM-001", { closedOn: "2026-11-20", reason: "mitigated" })],
          ["resolveIssue", (pmo) => pmo.resolveIssue("p-rui-almeida", "ISS-DCX-001", { resolution: "Fixed", resolvedOn: "2026-11-20" })],
          ["linkRequirement", (pmo) => pmo.linkRequirement("p-david-mensah", { from: { kind: "test-case", id: "TC-001" }, to: { kind: "requirement", id: "BR-001" }, linkType: "verifies" })],
          ["acknowledgeRequirement", (pmo) => pmo.acknowledgeRequirement("p-marco-rossi", { requirementId: "BR-001", audienceRole: "developer", fingerprint: "0123456789abcdef" })],
          ["updateChecklistItem", async (pmo) => pmo.updateChecklistItem("p-rui-almeida", "ci-crm-acc-02", await version("checklist-item", "ci-crm-acc-02"), { status: "in-progress" })],
          ["decideGate", (pmo) => pmo.decideGate("p-rui-almeida", "g-crm-readiness", { votes: [{ personId: "p-rui-almeida", vote: "approve" }], decision: { outcome: "no-go", conditions: [] } })],
          ["publishStatusReport", (pmo) => pmo.publishStatusReport("p-rui-almeida", { ...reportDraft, asOf: "2026-11-20" } as never)],
        ];
        for (const [name, run] of workflows) {
          let succeeded = false;
          for (let failAt = 1; !succeeded; failAt++) {
            const before = await snapshot(adapter, kinds);
            const pmo = createPmo(adapter, {
              clock: () => NOW,
              onWrite: (n: number) => {
                if (n === failAt) throw new Injected(`${name}: injected failure at write ${n}`);
              },
            });
            const outcome = await run(pmo).then(() => "done", (e: unknown) => e);
            if (outcome === "done") {
              succeeded = true;
              // A workflow writes its records and one audit event each: at least two writes.
              expect(failAt, `${name} wrote ${failAt - 1} times`).toBeGreaterThan(2);
            } else {
              expect(outcome, name).toBeInstanceOf(Injected);
              expect(await snapshot(adapter, kinds), `${name} failing at write ${failAt}`).toBe(before);
            }
          }
        }
        // Invalid input found halfway: the third cost line is refused after two were written; the rollout plan's
        // gate is refused after the plan and its items were written.
        const pmo = createPmo(adapter, { clock: () => NOW });
        await pmo.approveRequest("p-katrin-vogel", "REQ-2027-003");
        const approved = await version("request", "REQ-2027-003");
        const before = await snapshot(adapter, kinds);
        const third = pmo.recordActualCosts("p-sofia-marino", [cost("1.00"), cost("2.00"), { ...cost("3.00"), amount: { amount: "3.00", currency: "EURO" } } as never]);
        expect(isPmoError(await third.catch((e: unknown) => e), "validation")).toBe(true);
        const gate = pmo.instantiateRolloutPlan("p-rui-almeida", { ...planDraft, projectId: "PRJ-DCX", name: "DCX go-live", status: "planning" } as never, {
          items: [{ id: "ci-dcx-1", title: "Train", phase: "prepare", category: "training", tMinusDays: 5, blocking: true, status: "todo" }] as never,
          gates: [{ id: "g-dcx-1", name: "Go/No-Go", type: "not-a-gate-type", scope: { phases: ["prepare"] }, approvers: [{ personId: "p-ana-costa" }], minApprovals: 1 }] as never,
        });
        expect(isPmoError(await gate.catch((e: unknown) => e), "validation")).toBe(true);
        // A stale version of the request is found after the project was written.
        const stale = pmo.convertRequest("p-sofia-marino", "REQ-2027-003", { ...projectDraft, id: "PRJ-NEW2", code: "PRJ-NEW2", lifecycle: "initiating" } as never, { expectedVersion: approved - 1 });
        expect(isPmoError(await stale.catch((e: unknown) => e), "version-conflict")).toBe(true);
        expect(await snapshot(adapter, kinds)).toBe(before);
      } finally {
        await close();
      }
    }, 180_000);
  });
}
