import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

// `pmokit trace` named requirements `requirement:FR-107` in its text while the report's matrix, coverage table and
// suspect list name the same requirement `FR-107`. The text now names items as the report does — by key (the id when
// an item has none) — and the JSON keeps its stable `kind:id` references (`uncovered: ["requirement:FR-107", …]`)
// with `keys` for their keys. Structural findings keep their `kind:key` message in both (the library's message form).
describe("pmokit trace names items as the report does", () => {
  const cwd = temp();
  let text = "";
  let report = "";
  beforeAll(async () => {
    expect((await run(["init", "o.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", join(process.cwd(), "examples", "data"), "--db", "o.sqlite"], cwd)).code).toBe(0);
    text = (await run(["trace", "--db", "o.sqlite"], cwd)).out;
    expect((await run(["report", "--format", "md", "--out", "r/report.md", "--db", "o.sqlite"], cwd)).code).toBe(0);
    report = readFileSync(join(cwd, "r", "report.md"), "utf8");
  }, HEAVY);

  it("uncovered requirements by key, the functional ones as the report's coverage table lists its gaps", () => {
    const uncovered = text.split("\n").find((l) => l.startsWith("uncovered: "));
    expect(uncovered).toBe("uncovered: 11 (FR-107, FR-109, FR-301, FR-302, NFR-003, NFR-005, TR-002, TR-003, TR-004, TR-005, TR-006)");
    // The report's coverage row: | functional | 16 | 12 | 75.0% | 12 | 75.0% | FR-107, FR-109, FR-301, FR-302 |
    expect(report).toContain("| functional | 16 | 12 | 75.0% | 12 | 75.0% | FR-107, FR-109, FR-301, FR-302 |");
  });

  it("a suspect link's ends by key, as the report's suspect line names them", () => {
    expect(text).toContain("\nsuspect tl-TC-014-verifies-TR-001 (TC-014 verifies TR-001)\n");
    expect(report).toContain("- suspect tl-TC-014-verifies-TR-001: TC-014 verifies TR-001 (direct, changed TR-001)");
  });

  it("the JSON keeps kind:id references", async () => {
    const json = JSON.parse((await run(["trace", "--db", "o.sqlite", "--json"], cwd)).out) as { uncovered: string[]; keys: Record<string, string> };
    expect(json.uncovered[0]).toBe("requirement:FR-107");
    expect(json.keys["requirement:FR-107"]).toBe("FR-107");
  });
});
