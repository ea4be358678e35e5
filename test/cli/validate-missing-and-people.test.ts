import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import type { EntityKind } from "../../src/index.js";
import { dataset, run, temp } from "./run.js";

// Newcomer audit of `pmokit validate`: (1) a record missing a required field was reported as "Invalid input:
// expected string, received undefined"; (2) a risk whose ownerId names no person in the file was "valid", and the
// risk report then showed the raw id. Both are now problems listed one a line, with the record and the path.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const office = loadSampleOffice() as unknown as Record<EntityKind, any[]>;
const lines = (err: string) => err.trimEnd().split("\n");

describe("pmokit validate: a missing required field", () => {
  it("says the field is missing, at its path, for each record", async () => {
    const cwd = temp();
    const risk = structuredClone(office.risk[0]);
    delete risk.title;
    const issue = structuredClone(office.issue[0]);
    delete issue.ownerId;
    writeFileSync(join(cwd, "office.json"), dataset({ person: office.person, project: office.project, risk: [risk], issue: [issue] }));
    const v = await run(["validate", "office.json"], cwd);
    expect(v.code).toBe(2);
    expect(lines(v.err)).toEqual([
      `pmokit: ${join(cwd, "office.json")}: record risk[0] (${risk.id}) at title: required field is missing`,
      `pmokit: ${join(cwd, "office.json")}: record issue[0] (${issue.id}) at ownerId: required field is missing`,
      "pmokit: office.json: 2 problems",
    ]);
  });
});

describe("pmokit validate: every person reference names a person of the file", () => {
  it("a risk owner, an issue owner, an action owner, a checklist item owner and a gate approver that name no person", async () => {
    const cwd = temp();
    const risk = { ...office.risk[0], ownerId: "p-nobody" };
    const issue = { ...office.issue[0], ownerId: "p-ghost" };
    const action = { ...office.action[0], ownerId: "p-ghost" };
    const item = { ...office["checklist-item"].find((c) => c.ownerId !== undefined), ownerId: "p-ghost" };
    const gate = structuredClone(office.gate.find((g) => g.approvers.length > 0));
    const approver = gate.approvers[0].personId;
    gate.approvers[0].personId = "p-ghost";
    // The gate's own refinement: votes come from approvers; the approver's votes are renamed with them.
    const votes: number[] = [];
    gate.approvals.forEach((a: { personId: string }, i: number) => {
      if (a.personId === approver) (a.personId = "p-ghost"), votes.push(i);
    });
    const records = { ...office, risk: [risk], issue: [issue], action: [action], "checklist-item": [item], gate: [gate] };
    writeFileSync(join(cwd, "office.json"), dataset(records));
    const v = await run(["validate", "office.json"], cwd);
    expect(v.code).toBe(2);
    const ghost = (kind: string, id: string, path: string, who = "p-ghost") => `pmokit: ${join(cwd, "office.json")}: record ${kind}[0] (${id}) at ${path}: no person ${who} in the file`;
    const expected = [
      ghost("risk", risk.id, "ownerId", "p-nobody"),
      ghost("issue", issue.id, "ownerId"),
      ghost("action", action.id, "ownerId"),
      ghost("checklist-item", item.id, "ownerId"),
      ghost("gate", gate.id, "approvers[0].personId"),
      ...votes.map((i) => ghost("gate", gate.id, `approvals[${i}].personId`)),
    ];
    const got = lines(v.err);
    // The lists cut to one record leave other records' references to the rest dangling (a checklist item's
    // dependsOn and gateIds, status reports' RAID references): those are listed too, as record references.
    expect(got.filter((l) => l.includes(": no person ")).sort()).toEqual(expected.sort());
    expect(got.slice(0, -1).filter((l) => !l.includes(": no person ")).every((l) => /: no (checklist-item|gate|risk|issue|action) \S+ in the file$/.test(l))).toBe(true);
    expect(got.at(-1)).toBe(`pmokit: office.json: ${got.length - 1} problems`);
  });

  it("the sample office, whose every reference is a person of it, stays valid", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "office.json"), dataset(office));
    const v = await run(["validate", "office.json"], cwd);
    expect([v.code, v.err]).toEqual([0, ""]);
    expect(v.out).toMatch(/^office\.json: valid \(/);
  });

  it("a file without people (they are in the database already) is not checked against nothing", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "risks.json"), dataset({ risk: [{ ...office.risk[0], ownerId: "p-elsewhere" }] }));
    const v = await run(["validate", "risks.json"], cwd);
    expect([v.code, v.out]).toEqual([0, "risks.json: valid (1 risk)\n"]);
  });

  it("a folder of per-kind files names the file of the record", async () => {
    const cwd = temp();
    const dir = join(cwd, "data");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir);
    writeFileSync(join(dir, "person.json"), JSON.stringify(office.person));
    writeFileSync(join(dir, "project.json"), JSON.stringify(office.project));
    writeFileSync(join(dir, "risk.json"), JSON.stringify([{ ...office.risk[0], ownerId: "p-nobody" }]));
    const v = await run(["validate", "data"], cwd);
    expect(v.code).toBe(2);
    expect(lines(v.err)).toEqual([
      `pmokit: ${join(dir, "risk.json")}: record risk[0] (${office.risk[0].id}) at ownerId: no person p-nobody in the folder`,
    ]);
  });
});
