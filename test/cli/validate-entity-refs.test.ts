import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import type { EntityKind } from "../../src/index.js";
import { dataset, run, temp } from "./run.js";

// `pmokit validate` checked that person references name a person of the file, but a work package whose projectId
// named no project, a risk of a missing project, a requirement whose parent was not in the file, a gate of a missing
// rollout plan or a test run of a missing test case were all "valid". Each is now one problem, listed as the person
// references are: the record, the path and the missing target, exit 2.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const office = loadSampleOffice() as unknown as Record<EntityKind, any[]>;
const lines = (err: string) => err.trimEnd().split("\n");

describe("pmokit validate: every reference to another record names one of the file", () => {
  it("a work package, a risk, an issue, a requirement, a gate and a test run naming records the file does not hold", async () => {
    const cwd = temp();
    const wp = { ...office["work-package"][0], projectId: "PRJ-NONE" };
    const risk = { ...office.risk.find((r) => r.projectId !== undefined), projectId: "PRJ-GONE" };
    const issue = { ...office.issue[0], projectId: "PRJ-GONE" };
    const requirement = { ...office.requirement.find((r) => r.parentId !== undefined), parentId: "req-none" };
    const gate = { ...office.gate[0], rolloutPlanId: "rp-none" };
    const testRun = { ...office["test-run"][0], testCaseId: "tc-none" };
    const records = {
      ...office,
      "work-package": [wp, ...office["work-package"].slice(1)],
      risk: [risk],
      issue: [issue],
      requirement: [requirement, ...office.requirement.filter((r) => r.id !== requirement.id)],
      gate: [gate, ...office.gate.slice(1)],
      "test-run": [testRun, ...office["test-run"].slice(1)],
    };
    writeFileSync(join(cwd, "office.json"), dataset(records));
    const v = await run(["validate", "office.json"], cwd);
    expect(v.code).toBe(2);
    const at = (kind: string, id: string, path: string, what: string) => `pmokit: ${join(cwd, "office.json")}: record ${kind}[0] (${id}) at ${path}: no ${what} in the file`;
    const expected = [
      at("work-package", wp.id, "projectId", "project PRJ-NONE"),
      at("risk", risk.id, "projectId", "project PRJ-GONE"),
      at("issue", issue.id, "projectId", "project PRJ-GONE"),
      at("requirement", requirement.id, "parentId", "requirement req-none"),
      at("gate", gate.id, "rolloutPlanId", "rollout-plan rp-none"),
      at("test-run", testRun.id, "testCaseId", "test-case tc-none"),
    ];
    const got = lines(v.err);
    // Records of the other kinds that named the removed risk or issue (an action's source, a status report's RAID
    // references) are dangling too: each is listed; the six above must be among them, and nothing else is reported.
    expect(got.filter((l) => !/record (action|status-report)\[/.test(l)).slice(0, -1).sort()).toEqual(expected.sort());
    expect(got.filter((l) => /record (action|status-report)\[/.test(l)).every((l) => /at (source|raidRefs\[\d+\])\.id: no (risk|issue) \S+ in the file$/.test(l))).toBe(true);
    expect(got.at(-1)).toBe(`pmokit: office.json: ${got.length - 1} problems`);
  });

  it("a predecessor may be a work package or a milestone; naming neither says so", async () => {
    const cwd = temp();
    const wp = structuredClone(office["work-package"].find((w) => (w.predecessors?.length ?? 0) > 0));
    wp.predecessors[0].predecessorId = "wp-none";
    const records = { ...office, "work-package": office["work-package"].map((w) => (w.id === wp.id ? wp : w)) };
    writeFileSync(join(cwd, "office.json"), dataset(records));
    const v = await run(["validate", "office.json"], cwd);
    const index = records["work-package"].indexOf(wp);
    expect([v.code, ...lines(v.err)]).toEqual([2, `pmokit: ${join(cwd, "office.json")}: record work-package[${index}] (${wp.id}) at predecessors[0].predecessorId: no work-package or milestone wp-none in the file`]);
  });

  it("a file holding no records of the kind named is not checked against nothing (they may be stored already)", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "risks.json"), dataset({ person: office.person, risk: [{ ...office.risk[0], projectId: "PRJ-ELSEWHERE" }] }));
    const v = await run(["validate", "risks.json"], cwd);
    expect([v.code, v.err, v.out]).toEqual([0, "", "risks.json: valid (28 people, 1 risk)\n"]);
  });

  it("a folder names the per-kind file of the record", async () => {
    const cwd = temp();
    const dir = join(cwd, "data");
    mkdirSync(dir);
    writeFileSync(join(dir, "project.json"), JSON.stringify(office.project));
    writeFileSync(join(dir, "milestone.json"), JSON.stringify([{ ...office.milestone[0], projectId: "PRJ-NONE", predecessors: [] }]));
    const v = await run(["validate", "data"], cwd);
    expect([v.code, ...lines(v.err)]).toEqual([2, `pmokit: ${join(dir, "milestone.json")}: record milestone[0] (${office.milestone[0].id}) at projectId: no project PRJ-NONE in the folder`]);
  });

  it("a requirement's source stakeholder is a person reference too", async () => {
    const cwd = temp();
    const requirement = { ...office.requirement.find((r) => r.sourceStakeholderId !== undefined), sourceStakeholderId: "p-nobody" };
    const records = { ...office, requirement: office.requirement.map((r) => (r.id === requirement.id ? requirement : r)) };
    writeFileSync(join(cwd, "office.json"), dataset(records));
    const v = await run(["validate", "office.json"], cwd);
    const index = records.requirement.indexOf(requirement);
    expect([v.code, ...lines(v.err)]).toEqual([2, `pmokit: ${join(cwd, "office.json")}: record requirement[${index}] (${requirement.id}) at sourceStakeholderId: no person p-nobody in the file`]);
  });
});

describe("the table of record references", () => {
  it("every record field the sample office fills is read at its path (a misspelt path would check nothing)", async () => {
    const { RECORD_FIELDS, unknownReferences } = await import("../../src/cli/entity-refs.js");
    // Every record's id changed (a "~" added): each reference the sample makes now names no record of the file.
    const renamed = Object.fromEntries(Object.entries(office).map(([k, list]) => [k, list.map((r) => ({ ...r, id: `${r.id}~` }))]));
    const issues = unknownReferences(renamed as never).filter((i) => i.code === "unknown-reference");
    const fields = new Set(issues.map((i) => `${String(i.path[1])}:${i.path.slice(3).map((p) => (typeof p === "number" ? "*" : p)).join(".")}`));
    const table = Object.entries(RECORD_FIELDS).flatMap(([kind, paths]) => paths.map(([p, to]) => `${kind}:${p}${to === "@" ? ".id" : ""}`));
    // Fields the sample leaves empty: no superseded decision reopened, no gate scoped by item ids.
    const unfilled = ["decision:closings.*.supersededBy", "gate:scope.itemIds.*"];
    expect([...fields].sort()).toEqual(table.filter((f) => !unfilled.includes(f)).sort());
    // The sample itself resolves every reference.
    expect(unknownReferences(office as never)).toEqual([]);
  });
});
