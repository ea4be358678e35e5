import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, temp } from "./run.js";

const errorOf = (r: { out: string }) => JSON.parse(r.out).error as { code: string; message: string };
const GERMAN = "id;projectId;date;amount.amount;amount.currency;category;expenditure\nc1;PRJ-CRM;01.10.2026;12.50;EUR;labour;opex\n";

// Before: no flag; a German Excel's 01.10.2026 was refused at every date cell ("expected a real calendar date").
describe("pmokit validate --date-format", () => {
  it("reads dates in the given order; without the flag they are refused", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "kosten.csv"), GERMAN);
    const r = await run(["validate", "kosten.csv", "--kind", "cost-entry", "--delimiter", ";", "--date-format", "DD.MM.YYYY", "--json"], cwd);
    expect([r.code, JSON.parse(r.out).counts]).toEqual([0, { "cost-entry": 1 }]);
    expect((await run(["validate", "kosten.csv", "--kind", "cost-entry", "--delimiter", ";", "--json"], cwd)).code).toBe(2);
  });

  it("refuses another order, and the flag on a file that is no CSV or workbook", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "kosten.csv"), GERMAN);
    const bad = await run(["validate", "kosten.csv", "--kind", "cost-entry", "--date-format", "YY.MM.DD", "--json"], cwd);
    expect([bad.code, errorOf(bad).code]).toEqual([2, "usage"]);
    writeFileSync(join(cwd, "office.json"), JSON.stringify({ format: "pmokit-dataset", formatVersion: 1, records: {} }));
    const json = await run(["validate", "office.json", "--date-format", "DD.MM.YYYY", "--json"], cwd);
    expect([json.code, errorOf(json).code, errorOf(json).message]).toEqual([2, "usage", "--date-format applies to CSV (.csv) and XLSX (.xlsx) files of --kind only"]);
  });
});
