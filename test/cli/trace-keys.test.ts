import { describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

// `pmokit trace` named every item by its id: after a ReqIF import that is `requirement:prj-x:_3Uqa8KddEeafNduaIhMwQg`
// (the project and the tool's UUID), which no reader can look up. It now names an item by its key (`requirement:REQ-11`)
// where the item has one and by its id otherwise; `--json` keeps the ids where they were and adds `keys` (id → key).
// The ProR traceability template (../shared/fixtures, STARIONGROUP/reqifsharp) has 21 spec objects without a
// ReqIF.ForeignID, so the import keys them REQ-1…REQ-21 in file order (checked in the file: _o7scQ6… is the first
// object, REQ-1, a heading; _3Uqa8… the eleventh, REQ-11).

const PROR = new URL("../../../shared/fixtures/reqif/pror_fmstudio_traceability-template-v1.0.reqif", import.meta.url).pathname;

async function traced(json: boolean) {
  const cwd = temp();
  expect((await run(["init", "t.sqlite"], cwd)).code).toBe(0);
  const imported = await run(["import", PROR, "--db", "t.sqlite", "--project", "prj-x"], cwd);
  // The one ProR S flag (test/io/reqif-pror-suspects) is the importer's only warning; the import's check of references
  // adds that project prj-x is neither in the file nor in the database.
  expect([imported.code, imported.err.split("\n")[0], imported.err.split("\n").slice(1).join("\n")]).toEqual([0, `warning: ${PROR}: SPEC-RELATION[_4y3o4KdeEeafNduaIhMwQg]: ProR flags its source as changed (S): pmokit's suspect links follow the target only, so the flag is not kept`, expect.stringMatching(/^warning: \S+: no project prj-x in the file or t\.sqlite \(21 places: record requirement\[0\] \([^)]*\) at projectId, .* and 18 more\)\n$/)]);
  return run(["trace", "--db", "t.sqlite", "--as-of", "2026-11-20", ...(json ? ["--json"] : [])], cwd);
}

describe("trace names items by key", () => {
  it("text: uncovered, inactive and structural findings name REQ-n, never the imported UUID ids", async () => {
    const r = await traced(false);
    const lines = r.out.split("\n");
    // The 16 non-heading objects, in key order with numbers by value (before: the result's order by id, _3Uqa8 REQ-11,
    // _67Dkw REQ-3, … _ubJck REQ-10 — the tool's UUIDs, a shuffle to the reader).
    const keyed = [2, 3, 5, 6, 8, 9, 10, 11, 12, 14, 15, 16, 18, 19, 20, 21];
    // By bare key, as the report names them (before 2026-12-07: requirement:REQ-2, …).
    expect(lines).toContain(`uncovered: 16 (${keyed.map((n) => `REQ-${n}`).join(", ")})`);
    const functional = keyed.map((n) => `requirement:REQ-${n}`).join(", ");
    // The 5 headings (ChapterName): REQ-1, 4, 7, 13 and 17 (by id: _B6Cw REQ-4, _IdD7 REQ-7, _Trhi REQ-13, _gpUO REQ-17, _o7scQ6 REQ-1).
    expect(lines).toContain("inactive, not traced: 5 (" + [1, 4, 7, 13, 17].map((n) => `REQ-${n} heading`).join(", ") + ")");
    // Each of the 16 has no parent: one line (before: 16 lines "warning: requirement:REQ-11 (functional) has no parent …").
    expect(lines).toContain(`warning: 16 requirements (functional) with no parent of type business|stakeholder: ${functional}`);
    // The 9 SPEC-RELATIONs of ProR's type "realizes" (not in the default rules): one info line naming their ends by key
    // (before: 9 lines naming each link by its UUID, "info: prj-x:_JMOc8… uses link type custom:realizes, …").
    expect(lines.filter((l) => l.startsWith("info: "))).toEqual([
      "info: 9 links use link type custom:realizes, which the rules do not declare: " +
        ["18 → 2", "18 → 6", "19 → 3", "19 → 8", "19 → 9", "20 → 5", "20 → 10", "20 → 11", "20 → 12"].map((e) => e.replace(/(\d+) → (\d+)/, "requirement:REQ-$1 → requirement:REQ-$2")).join(", "),
    ]);
    // The ProR S/T flags (test/io/reqif-pror-suspects): LNK-1, REQ-18 realizes REQ-2, has its target changed.
    expect(lines.filter((l) => l.startsWith("suspect "))).toEqual(["suspect prj-x:_4yHa8KdeEeafNduaIhMwQg (REQ-18 custom:realizes REQ-2)"]);
    expect(r.out).not.toMatch(/requirement:prj-x:/);
  }, HEAVY);

  it("JSON: the ids stay where they were; `keys` gives each named item's key", async () => {
    const r = await traced(true);
    const j = JSON.parse(r.out) as { uncovered: string[]; keys: Record<string, string> };
    expect(j.uncovered[0]).toBe("requirement:prj-x:_3Uqa8KddEeafNduaIhMwQg");
    expect(j.keys["requirement:prj-x:_3Uqa8KddEeafNduaIhMwQg"]).toBe("REQ-11");
    expect(j.keys["requirement:prj-x:_o7scQ6dbEeafNduaIhMwQg"]).toBe("REQ-1");
    expect(Object.keys(j.keys)).toHaveLength(21);
  }, HEAVY);
});
