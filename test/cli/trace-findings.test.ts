import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { dataset, run, temp } from "./run.js";

// `pmokit trace` and the structural findings the library reports (`result.findings`: dangling links, duplicates,
// cycles, orphans…, each with the severity the rules give its check). Before, the command printed none of them and
// its JSON had no `findings`: a link whose test case was deleted (a dangling link, severity error) went unseen and
// the command exited 0 on it.

describe("trace prints the structural findings and exits 1 on an error", () => {
  const office = loadSampleOffice() as Record<string, Record<string, unknown>[]>;
  const base = { version: 1, createdAt: "2026-04-06T11:00:00.000Z", updatedAt: "2026-04-06T11:00:00.000Z" };
  const req = (key: string) => office.requirement!.find((r) => r["key"] === key)!;
  // BR-001 (business, a root), SR-001 derived from it, FR-101 refining SR-001: no orphan among them.
  const { audiences: _a1, ...br } = req("BR-001");
  const { audiences: _a2, ...sr } = req("SR-001");
  const { audiences: _a3, ...fr } = req("FR-101");
  const link = (id: string, from: [string, string], linkType: string, to: [string, string]) => ({ ...base, id, from: { kind: from[0], id: from[1] }, to: { kind: to[0], id: to[1] }, linkType });
  const structure = [link("tl-sr-br", ["requirement", "SR-001"], "derives", ["requirement", "BR-001"]), link("tl-fr-sr", ["requirement", "FR-101"], "refines", ["requirement", "SR-001"])];
  const trace = async (records: Record<string, unknown[]>, json: boolean) => {
    const cwd = temp();
    writeFileSync(join(cwd, "office.json"), dataset({ person: office.person!, portfolio: office.portfolio!, programme: office.programme!, request: office.request!, project: office.project!, ...records }));
    expect((await run(["init", "t.sqlite"], cwd)).code).toBe(0);
    const imported = await run(["import", "office.json", "--db", "t.sqlite"], cwd);
    // Import names the link to the missing test case as a warning (a reference to no record) and stores it.
    const ghost = (records["trace-link"] ?? []).some((l) => (l as { id: string }).id === "tl-ghost");
    expect([imported.code, imported.err]).toEqual([0, ghost ? `warning: office.json: record trace-link[2] (tl-ghost) at from.id: no test-case TC-999 in the file or t.sqlite\n` : ""]);
    return run(["trace", "--db", "t.sqlite", "--as-of", "2026-11-20", ...(json ? ["--json"] : [])], cwd);
  };
  // tl-ghost: test-case:TC-999 (deleted) verifies FR-101 — a dangling link, severity error by DEFAULT_SEVERITIES.
  const dangling = { requirement: [br, sr, fr], "trace-link": [...structure, link("tl-ghost", ["test-case", "TC-999"], "verifies", ["requirement", "FR-101"])] };

  it("text: one line per finding, `severity: message`, as the report's list writes it; exit 1 on an error", async () => {
    const r = await trace(dangling, false);
    expect(r.out.split("\n").filter((l) => /^(error|warning|info): /.test(l))).toEqual([
      "error: tl-ghost (verifies) refers to a missing source test-case:TC-999",
    ]);
    expect(r.code).toBe(1);
  });

  it("JSON: `findings`, every finding as the library reports it", async () => {
    const r = await trace(dangling, true);
    const j = JSON.parse(r.out) as { findings: unknown[] };
    expect(j.findings).toEqual([
      { check: "dangling-link", severity: "error", message: "tl-ghost (verifies) refers to a missing source test-case:TC-999", items: ["test-case:TC-999"], links: ["tl-ghost"], missingEnd: "from" },
    ]);
    expect(r.code).toBe(1);
  });

  it("a warning is printed but is no reason to exit 1", async () => {
    // One test case that verifies nothing: the test-case rule has no needs (the level is covered), no requirement is
    // uncovered, no link is suspect, no acknowledgement is pending — only the orphan finding, severity warning.
    const tc = { ...office["test-case"]![0]!, id: "TC-900", key: "TC-900" };
    const r = await trace({ "test-case": [tc] }, false);
    expect(r.out.split("\n").filter((l) => /^(error|warning|info): /.test(l))).toEqual([
      "warning: test-case:TC-900 (test-case) has no parent of type business|stakeholder|functional|non-functional|transition",
    ]);
    expect(r.code).toBe(0);
  });
});
