import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

// Before: `pmokit report --format csv --delimiter ";"` still wrote `1201841.04`, while import/validate took
// --decimal-mark. After: `--decimal-mark ","` writes the health table's figures (CPI, SPI, SPI(t), EAC) with a decimal
// comma; the RAG rules (text, `EUR 1,201,841.04`) are unchanged.
describe("pmokit report --format csv --decimal-mark", () => {
  it('writes the health table\'s figures with "," in a ";" file', async () => {
    const cwd = temp();
    expect((await run(["init", "office.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", join(process.cwd(), "examples", "data"), "--db", "office.sqlite", "--json"], cwd)).code).toBe(0);
    const r = await run(["report", "--format", "csv", "--delimiter", ";", "--decimal-mark", ",", "--out", "health.csv", "--db", "office.sqlite", "--as-of", "2026-11-20"], cwd);
    expect([r.code, r.err]).toEqual([0, ""]);
    // The `;` file of report-delimiter.test.ts (CPI 0.97, SPI 0.99, SPI(t) 1.00, EAC 1201841.04 …) with `,` marks.
    expect(readFileSync(join(cwd, "health.csv"), "utf8").split("\r\n")).toEqual([
      "Project;Name;Overall;Schedule;Cost;Risks and issues;CPI;SPI;SPI(t);EAC (EUR);EAC method;Forecast finish",
      'PRJ-CRM;CRM replacement;amber — worst: cost;"green — SPI 0.994 ≥ 0.95 → green; missed key milestones 0 → green; finish slip days 4 < 16 → green";amber — EAC EUR 1,201,841.04 > BAC and ≤ EUR 1,225,350.00 → amber;"green — high risks pending 0 → green; open critical issues 0 → green";0,97;0,99;1,00;1201841,04;EAC₁ (BAC / CPI);2027-05-04',
      'PRJ-DCX;Data centre exit to the cloud;amber — Cost: EAC EUR 1,989,016.82 > BAC and ≤ EUR 2,048,550.00 → amber (published amber by Frank Meyer as of 2026-10-30);"green — SPI 0.986 ≥ 0.95 → green; missed key milestones 0 → green; finish slip days 6 < 16 → green";amber — EAC EUR 1,989,016.82 > BAC and ≤ EUR 2,048,550.00 → amber;"green — high risks pending 0 → green; open critical issues 0 → green";0,98;0,99;0,99;1989016,82;EAC₁ (BAC / CPI);2027-12-23',
      'PRJ-EINV;E-invoicing for the 2027 obligation;green — worst: schedule, cost, risks and issues;"green — SPI 1.043 ≥ 0.95 → green; missed key milestones 0 → green; finish slip days -7 < 16 → green";"green — CPI 1.033 ≥ 0.95 → green; EAC EUR 549,971.99 ≤ BAC → green";"green — high risks pending 0 → green; open critical issues 0 → green";1,03;1,04;1,03;549971,99;EAC₁ (BAC / CPI);2026-12-11',
      'PRJ-WMS;Warehouse management system upgrade;red — worst: schedule, cost, risks and issues;"red — SPI 0.654 < 0.85 → red; finish slip days 176 > 20 → red";red — EAC EUR 2,027,349.95 > EUR 1,876,770.00 → red;red — open critical issues 1 → red;0,88;0,65;0,75;2027349,95;EAC₁ (BAC / CPI);2027-12-23',
      "",
    ]);
  }, HEAVY);

  it('refuses "," without another delimiter, --decimal-mark with another format, and another mark (exit 2)', async () => {
    const cwd = temp();
    const comma = await run(["report", "--format", "csv", "--decimal-mark", ",", "--out", "r.csv", "--json"], cwd);
    expect([comma.code, JSON.parse(comma.out).error.message]).toEqual([2, '--decimal-mark , needs --delimiter ";" or tab: in a ","-separated file 1,5 would be two cells']);
    const html = await run(["report", "--format", "html", "--decimal-mark", ".", "--out", "r.html", "--json"], cwd);
    expect([html.code, JSON.parse(html.out).error.message]).toEqual([2, "--decimal-mark applies to --format csv only, not html"]);
    const other = await run(["report", "--format", "csv", "--delimiter", ";", "--decimal-mark", "·", "--out", "r.csv", "--json"], cwd);
    expect([other.code, JSON.parse(other.out).error.message]).toEqual([2, '--decimal-mark must be "." or ",", got ·']);
  });
});
