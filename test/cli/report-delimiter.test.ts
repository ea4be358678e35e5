import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

// Before: `pmokit report --format csv` wrote `,` only, while import/validate took --delimiter. After: the same
// --delimiter (",", ";" or "tab") on report, for --format csv.
describe("pmokit report --format csv --delimiter", () => {
  it("writes the health table `;`-separated", async () => {
    const cwd = temp();
    expect((await run(["init", "office.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", join(process.cwd(), "examples", "data"), "--db", "office.sqlite", "--json"], cwd)).code).toBe(0);
    const r = await run(["report", "--format", "csv", "--delimiter", ";", "--out", "health.csv", "--db", "office.sqlite", "--as-of", "2026-11-20"], cwd);
    expect([r.code, r.err]).toEqual([0, ""]);
    const lines = readFileSync(join(cwd, "health.csv"), "utf8").split("\r\n");
    expect(lines[0]).toMatch(/^Project;Name;Overall;.*;EAC \(EUR\);EAC method;Forecast finish$/);
    expect(lines[1]).toContain(";1201841.04;EAC₁ (BAC / CPI);2027-05-04"); // the same figures cli.test.ts reads from the `,` file
    expect(lines[0]).not.toContain(",");
  }, HEAVY);

  it("refuses --delimiter with another format, and another separator (exit 2)", async () => {
    const cwd = temp();
    const html = await run(["report", "--format", "html", "--delimiter", ";", "--out", "r.html", "--json"], cwd);
    expect([html.code, JSON.parse(html.out).error.message]).toEqual([2, "--delimiter applies to --format csv only, not html"]);
    const pipe = await run(["report", "--format", "csv", "--delimiter", "|", "--out", "r.csv", "--json"], cwd);
    expect([pipe.code, JSON.parse(pipe.out).error.message]).toEqual([2, '--delimiter must be "," ";" or "tab", got |']);
  });
});
