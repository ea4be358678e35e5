import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sampleOfficeRecords } from "../../src/office/index.js";
import { HEAVY, importIntoFreshDatabase, run, temp } from "./run.js";

// A requirement's parentId ("Parent requirement it refines or derives from"; a CSV "Parent" column) is no trace link:
// the analysis reads links only, so FR-101 with parentId SR-001 and no link was an orphan and SR-001 uncovered, with
// nothing saying the parent had been given (trace16 audit). The trace command and the report now name it.
describe("a parent given only in parentId is named", () => {
  it("trace prints a warning (not a finding), JSON lists it, the report names it", async () => {
    const office = sampleOfficeRecords();
    const pick = (id: string) => office.requirement.find((r) => r.id === id)!;
    // The sample backs each of its 35 parentIds with a refines link; here the links are left out.
    const requirement = [pick("SR-001"), pick("FR-101")];
    expect(requirement[1]!.parentId).toBe("SR-001");
    const cwd = temp();
    const { init, imported } = await importIntoFreshDatabase(cwd, { person: office.person, requirement });
    expect([init, imported.code]).toEqual([0, 0]);
    const text = await run(["trace", "--db", "p.sqlite", "--as-of", "2026-11-20"], cwd);
    // SR-001's own parentId is BR-001 (not imported, nor linked): both are named, in key order.
    expect(text.out.split("\n")).toContain("warning: 2 requirements name a parent in parentId that no derives or refines link joins, so the analysis does not see it (add the links): FR-101 → SR-001, SR-001 → BR-001");
    // (Before 2026-12-07 the text named them requirement:FR-101 → requirement:SR-001, the report FR-101 → SR-001.)
    const json = JSON.parse((await run(["trace", "--db", "p.sqlite", "--as-of", "2026-11-20", "--json"], cwd)).out) as { unlinkedParents: unknown };
    expect(json.unlinkedParents).toEqual([{ requirement: "FR-101", parent: "SR-001" }, { requirement: "SR-001", parent: "BR-001" }]);
    expect((await run(["report", "--db", "p.sqlite", "--as-of", "2026-11-20", "--format", "md", "--out", "r/report.md"], cwd)).code).toBe(0);
    expect(readFileSync(join(cwd, "r", "report.md"), "utf8")).toContain("warning: 2 requirements name a parent in parentId that no derives or refines link joins, so the analysis does not see it (add the links): FR-101 → SR-001, SR-001 → BR-001");
  }, HEAVY);

  it("the sample office, whose parentIds all have their links, prints no such line", async () => {
    const office = sampleOfficeRecords();
    const cwd = temp();
    const { imported } = await importIntoFreshDatabase(cwd, office as unknown as Record<string, unknown[]>);
    expect(imported.code).toBe(0);
    const text = await run(["trace", "--db", "p.sqlite", "--as-of", "2026-11-20"], cwd);
    expect(text.out).not.toContain("parentId");
  }, HEAVY);
});
