import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

// The earned-value warnings named work packages by id only — `warning: PRJ-CRM: wp-crm-1 is level of effort: …` in
// `pmokit evm`, `loe-hides-schedule-variance: wp-crm-1 is level of effort: …` in the report — where every other
// list names a package by its name. Both now name it as people read it, name with id: `Project management (wp-crm-1)`
// (wp-crm-1 is the sample's WBS 1 "Project management", its schedule label `1 Project management`).
describe("earned-value warnings name work packages by name with id, in evm and the report", () => {
  const cwd = temp();
  let evm = { code: 0, out: "", err: "" };
  let report = "";
  beforeAll(async () => {
    expect((await run(["init", "o.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", join(process.cwd(), "examples", "data"), "--db", "o.sqlite"], cwd)).code).toBe(0);
    evm = await run(["evm", "--db", "o.sqlite"], cwd);
    expect((await run(["report", "--format", "md", "--out", "r/report.md", "--db", "o.sqlite"], cwd)).code).toBe(0);
    report = readFileSync(join(cwd, "r", "report.md"), "utf8");
  }, HEAVY);

  it("evm's text and the report say the same sentence", () => {
    const sentence = "Project management (wp-crm-1) is level of effort: EV equals PV, so it can never show a schedule variance";
    expect(evm.err).toContain(`warning: PRJ-CRM: ${sentence}\n`);
    expect(report).toContain(`- loe-hides-schedule-variance: ${sentence}\n`);
    // Before: `warning: PRJ-CRM: wp-crm-4.2 earns 0/100 but spans 2 periods (use it within one)`.
    expect(evm.err).toContain("warning: PRJ-CRM: User acceptance testing (wp-crm-4.2) earns 0/100 but spans 2 periods (use it within one)\n");
    expect(evm.err).not.toMatch(/: wp-[a-z]+-[\d.]+ /);
  });

  it("evm --json's warnings are the same sentences", async () => {
    const json = JSON.parse((await run(["evm", "--db", "o.sqlite", "--json"], cwd)).out) as { project: string; warnings: string[] }[];
    expect(json.find((p) => p.project === "PRJ-CRM")?.warnings).toContain("Project management (wp-crm-1) is level of effort: EV equals PV, so it can never show a schedule variance");
  });
});
