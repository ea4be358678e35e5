import { describe, expect, it } from "vitest";
import { createMemoryAdapter, createRepositories, isPmoError } from "../../src/index.js";
import { createPmo } from "../../src/services/index.js";
import { NOW, seedOffice } from "../services/office.js";

// instantiateRolloutPlan wrote items whose dependencies named no item of the plan, or formed a cycle, and gates whose
// scope named items that do not exist: the plan was stored, and every later schedule or gate on it failed. The
// contents are now checked before anything is written.
async function office() {
  const adapter = createMemoryAdapter();
  await seedOffice(adapter, ["person", "portfolio", "programme", "request", "project", "rollout-plan"]);
  let n = 0;
  const pmo = createPmo(adapter, { clock: () => NOW, ids: () => `id-${String(++n).padStart(4, "0")}` });
  const repos = createRepositories(adapter);
  const plan = repos["rollout-plan"].encode(await repos["rollout-plan"].require("rp-crm")) as unknown as Record<string, unknown>;
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, templateId: _t, ...planDraft } = plan;
  return { pmo, repos, planDraft: { ...planDraft, projectId: "PRJ-WMS", name: "WMS go-live", status: "planning" } as never };
}
const it1 = (id: string, dependsOn: string[] = []) => ({ id, title: id, phase: "prepare", category: "training", tMinusDays: 5, blocking: true, status: "todo", dependsOn });
const gate = (itemIds: string[]) => ({ id: "g-1", name: "Go/No-Go", type: "go-no-go", scope: { itemIds }, approvers: [{ personId: "p-ana-costa" }], minApprovals: 1 });

async function refusal(p: Promise<unknown>): Promise<{ code: boolean; path: unknown; message: string }> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  return { code: isPmoError(e, "validation"), path: (e as { issues?: { path: unknown }[] })?.issues?.[0]?.path, message: String(e) };
}

describe("instantiateRolloutPlan checks dependencies and gate scopes before writing", () => {
  it("sound contents are written", async () => {
    const { pmo, planDraft } = await office();
    const r = await pmo.instantiateRolloutPlan("p-rui-almeida", planDraft, { items: [it1("ci-a"), it1("ci-b", ["ci-a"])] as never, gates: [gate(["ci-a", "ci-b"])] as never });
    expect([r.items.length, r.gates.length]).toEqual([2, 1]);
  });

  it("a dependency on an item that is not in the plan is refused, and nothing is written", async () => {
    const { pmo, repos, planDraft } = await office();
    const before = (await repos["rollout-plan"].list({ limit: 100 })).items.length;
    const r = await refusal(pmo.instantiateRolloutPlan("p-rui-almeida", planDraft, { items: [it1("ci-a", ["ci-zz"])] as never }));
    expect([r.code, r.path]).toEqual([true, ["items", 0, "dependsOn", 0]]);
    expect((await repos["rollout-plan"].list({ limit: 100 })).items.length).toBe(before);
  });

  it("a dependency cycle is refused and named", async () => {
    const { pmo, planDraft } = await office();
    const r = await refusal(pmo.instantiateRolloutPlan("p-rui-almeida", planDraft, { items: [it1("ci-a", ["ci-b"]), it1("ci-b", ["ci-a"])] as never }));
    expect(r.code).toBe(true);
    expect(r.message).toMatch(/dependency cycle: ci-a → ci-b → ci-a/);
  });

  it("a gate scope naming an item that is not in the plan is refused", async () => {
    const { pmo, planDraft } = await office();
    const r = await refusal(pmo.instantiateRolloutPlan("p-rui-almeida", planDraft, { items: [it1("ci-a")] as never, gates: [gate(["ci-a", "ci-nope"])] as never }));
    expect([r.code, r.path]).toEqual([true, ["gates", 0, "scope", "itemIds", 1]]);
  });
});

describe("updateChecklistItem applies the item-life rules of changeItemStatus", () => {
  // NOW is 2026-11-20T09:00Z. changeItemStatus refuses a change that records the future; the service accepted it: an
  // item "done on 2026-11-25" recorded on 2026-11-20 counted as done from 11-25 with nobody having confirmed it.
  it("done on a later day than now is refused; done today is fine", async () => {
    const { pmo, planDraft } = await office();
    await pmo.instantiateRolloutPlan("p-rui-almeida", planDraft, { items: [it1("ci-a"), it1("ci-b")] as never });
    const r = await refusal(pmo.updateChecklistItem("p-rui-almeida", "ci-a", 1, { status: "done", completedOn: "2026-11-25" }));
    expect([r.code, r.path]).toEqual([true, ["completedOn"]]);
    expect((await pmo.updateChecklistItem("p-rui-almeida", "ci-b", 1, { status: "done", completedOn: "2026-11-20" })).completedOn).toBe("2026-11-20");
  });

  it("a waiver granted after now is refused", async () => {
    const { pmo, planDraft } = await office();
    await pmo.instantiateRolloutPlan("p-rui-almeida", planDraft, { items: [it1("ci-a")] as never });
    const waiver = { approvedBy: "p-ana-costa", reason: "re-test in hypercare", grantedAt: "2026-11-21T08:00:00Z", expiresOn: "2026-12-31" };
    const r = await refusal(pmo.updateChecklistItem("p-rui-almeida", "ci-a", 1, { status: "waived", waiver }));
    expect([r.code, r.path]).toEqual([true, ["waiver", "grantedAt"]]);
  });
});

describe("instantiateRolloutPlan checks the gates items name", () => {
  it("an item naming a gate that is not given (a typo) is refused: it would silently be outside that gate's scope", async () => {
    const { pmo, planDraft } = await office();
    const item = { ...it1("ci-a"), phase: "deploy", gateIds: ["g-2"] };
    const r = await refusal(pmo.instantiateRolloutPlan("p-rui-almeida", planDraft, { items: [item] as never, gates: [gate(["ci-a"])] as never }));
    expect([r.code, r.path]).toEqual([true, ["items", 0, "gateIds", 0]]);
  });
});
