import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workbook } from "../io/merged-workbook.js";
import { run, temp } from "./run.js";

// files14 made an XLSX cell merged over data rows a refusal by default (WP-1 merged over B2:B4 lost EUR 500.00 of its
// 600.00), with the library option `mergedCells` to read it otherwise — which the command line could not pass, so a
// CLI user had no way to import such a workbook but to edit it. `--merged-cells` passes it.
describe("import/validate --merged-cells", () => {
  it("refused by default with the flag named; fill reads WP-1 on the three rows; other files refuse the flag", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "costs.xlsx"), workbook());
    const refused = await run(["validate", "costs.xlsx", "--kind", "cost-entry"], cwd);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--merged-cells on the command line");
    const filled = await run(["validate", "costs.xlsx", "--kind", "cost-entry", "--merged-cells", "fill", "--json"], cwd);
    expect([filled.code, JSON.parse(filled.out).counts]).toEqual([0, { "cost-entry": 3 }]);
    const bad = await run(["validate", "costs.xlsx", "--kind", "cost-entry", "--merged-cells", "spread"], cwd);
    expect([bad.code, bad.err.includes("spread")]).toEqual([2, true]);
    writeFileSync(join(cwd, "costs.csv"), "id\n");
    const csv = await run(["validate", "costs.csv", "--kind", "cost-entry", "--merged-cells", "fill"], cwd);
    expect([csv.code, csv.err]).toEqual([2, "pmokit: --merged-cells applies to XLSX (.xlsx) files of --kind only\n"]);
  });
});
