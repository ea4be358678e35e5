import { describe, expect, it } from "vitest";
import { createMemoryAdapter, createRepositories, isPmoError } from "../../src/index.js";
import { createPmo, runOperation } from "../../src/services/index.js";
import { NOW, seedOffice } from "./office.js";

/*
 * The storage and services audit (2026-12-06): links and coverage, the audit trail. The sample office is Northwind
 * Logistics (examples/data): requirement BR-001 of PRJ-CRM, test case TC-001.
 */

async function office() {
  const adapter = createMemoryAdapter();
  await seedOffice(adapter);
  let n = 0;
  const pmo = createPmo(adapter, { clock: () => NOW, ids: () => `id-${String(++n).padStart(4, "0")}` });
  return { adapter, pmo, repos: createRepositories(adapter) };
}

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
