import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, temp } from "./run.js";

const errorOf = (r: { out: string }) => JSON.parse(r.out).error as { code: string; message: string };
const GERMAN = "id;projectId;date;amount.amount;amount.currency;category;expenditure\nc1;PRJ-CRM;2026-10-01;1.234,56;EUR;labour;opex\n";

// Before: no flag; a `;` file from a German Excel with 1.234,56 was refused at every amount.
describe("pmokit validate --decimal-mark", () => {
  it("reads amounts with a decimal comma next to --delimiter", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "kosten.csv"), GERMAN);
    const r = await run(["validate", "kosten.csv", "--kind", "cost-entry", "--delimiter", ";", "--decimal-mark", ",", "--json"], cwd);
    expect([r.code, JSON.parse(r.out).counts]).toEqual([0, { "cost-entry": 1 }]);
    expect((await run(["validate", "kosten.csv", "--kind", "cost-entry", "--delimiter", ";", "--json"], cwd)).code).toBe(2);
  });

  it("refuses another mark, a comma mark with comma separators, and the flag on a file that is no CSV", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "kosten.csv"), GERMAN);
    const bad = await run(["validate", "kosten.csv", "--kind", "cost-entry", "--decimal-mark", "'", "--json"], cwd);
    expect([bad.code, errorOf(bad).code, errorOf(bad).message]).toEqual([2, "usage", `--decimal-mark must be "." or ",", got '`]);
    const both = await run(["validate", "kosten.csv", "--kind", "cost-entry", "--decimal-mark", ",", "--json"], cwd);
    expect([both.code, errorOf(both).code, errorOf(both).message]).toEqual([2, "usage", '--decimal-mark , needs --delimiter ";" or tab: in a ","-separated file 1,5 would be two cells']);
    writeFileSync(join(cwd, "office.json"), JSON.stringify({ format: "pmokit-dataset", formatVersion: 1, records: {} }));
    const json = await run(["validate", "office.json", "--decimal-mark", ".", "--json"], cwd);
    expect([json.code, errorOf(json).code, errorOf(json).message]).toEqual([2, "usage", "--decimal-mark applies to CSV (.csv) files of --kind only"]);
  });
});
