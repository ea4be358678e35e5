import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { naturalKeyOrder } from "../../src/reports/index.js";
import { HEAVY, run, temp } from "./run.js";

// The report's requirements section named every item by its id: after a ReqIF import that is the tool's UUID
// (`prj-x:_3Uqa8KddEeafNduaIhMwQg`), in UUID order, and each orphan was a line of its own. `pmokit trace` already named
// items by key (test/cli/trace-keys); the report now does too, in key order, and shares trace's grouped finding lines.
// ProR's traceability template (../shared/fixtures): 21 spec objects keyed REQ-1…REQ-21 in file order, 5 of them
// headings (REQ-1, 4, 7, 13, 17), 9 SPEC-RELATIONs of type "realizes".
const PROR = new URL("../../../shared/fixtures/reqif/pror_fmstudio_traceability-template-v1.0.reqif", import.meta.url).pathname;

describe("the report names requirements by key", () => {
  it("matrix rows REQ-1 … REQ-21 in order, gaps by key, one line per group of findings", async () => {
    const cwd = temp();
    expect((await run(["init", "t.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", PROR, "--db", "t.sqlite", "--project", "prj-x"], cwd)).code).toBe(0);
    expect((await run(["report", "--db", "t.sqlite", "--as-of", "2026-11-20", "--format", "md", "--out", "r/report.md"], cwd)).code).toBe(0);
    const md = readFileSync(join(cwd, "r", "report.md"), "utf8");
    const rows = md.split("\n").filter((l) => /^\| REQ-\d+ \| functional \|/.test(l)).map((l) => l.split(" | ")[0]!.slice(2));
    expect(rows).toEqual(Array.from({ length: 21 }, (_, i) => `REQ-${i + 1}`));
    expect(md).not.toContain("_3Uqa8KddEeafNduaIhMwQg");
    const functional = [2, 3, 5, 6, 8, 9, 10, 11, 12, 14, 15, 16, 18, 19, 20, 21];
    expect(md).toContain(`| functional | 16 | 0 | 0.0% | 0 | 0.0% | ${functional.map((n) => `REQ-${n}`).join(", ")} |`);
    expect(md).toContain("Inactive, not traced (their status or tag retires them): REQ-1 (heading), REQ-4 (heading), REQ-7 (heading), REQ-13 (heading), REQ-17 (heading).");
    const findings = md.split("\n").filter((l) => /^- (warning|info): /.test(l));
    expect(findings.map((l) => l.slice(0, l.indexOf(": requirement") + 1))).toEqual([
      "- warning: 16 requirements (functional) with no parent of type business\\|stakeholder:",
      "- info: 9 links use link type custom\\:realizes, which the rules do not declare:",
    ]);
  }, HEAVY);

  it("naturalKeyOrder: digits by value, the rest by code point, the same everywhere", () => {
    const keys = ["REQ-10", "REQ-2", "REQ-1", "req-3", "REQ-02", "TC-7", "TC-007", "REQ-", "REQ-2a", "Ä-1", "A-1"];
    // By hand: upper-case before lower-case and "Ä" (code points 0x41 < 0x52 < 0x54 < 0x72 < 0xC4); REQ- before any
    // REQ-n (a prefix); 2 = 02, and the tie is broken on the whole text by code point ("REQ-02" < "REQ-2": 0x30 < 0x32).
    expect([...keys].sort(naturalKeyOrder)).toEqual(["A-1", "REQ-", "REQ-1", "REQ-02", "REQ-2", "REQ-2a", "REQ-10", "TC-007", "TC-7", "req-3", "Ä-1"]);
  });
});
