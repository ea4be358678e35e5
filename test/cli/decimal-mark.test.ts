import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeEntity } from "../../src/entities/index.js";
import { exportCsv } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
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

// Before: the CLI always imported with the default cell limit, so a CSV exported with a raised maxCellChars (long
// acceptance criteria) could not be imported from the command line. After: --max-cell-chars <n> raises it.
describe("pmokit validate --max-cell-chars", () => {
  // 20 criteria of 2,000 characters, one per line: 40,019 characters in one cell, over the 32,767 default.
  const criteria = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, "0")}${"x".repeat(1998)}`);
  const base = loadSampleOffice().requirement[0] as Record<string, unknown>;
  const csv = exportCsv("requirement", [decodeEntity("requirement", { ...base, acceptanceCriteria: criteria })], { maxCellChars: 50_000 });

  it("raises the cell limit of a CSV import; a bad value is a usage error", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "reqs.csv"), csv);
    const refused = await run(["validate", "reqs.csv", "--kind", "requirement", "--json"], cwd);
    expect([refused.code, errorOf(refused).message]).toEqual([2, expect.stringContaining("40,019 characters; a CSV cell holds at most 32,767") as unknown as string]);
    const raised = await run(["validate", "reqs.csv", "--kind", "requirement", "--max-cell-chars", "50000", "--json"], cwd);
    expect([raised.code, JSON.parse(raised.out).counts]).toEqual([0, { requirement: 1 }]);
    const bad = await run(["validate", "reqs.csv", "--kind", "requirement", "--max-cell-chars", "0", "--json"], cwd);
    expect([bad.code, errorOf(bad).code, errorOf(bad).message]).toEqual([2, "usage", "--max-cell-chars must be a whole number above 0, got 0"]);
  });
});

// SAP and Excel write negatives as 12,50- and (12,50); French locales group thousands with a narrow no-break space.
// Before: each refused with `expected a decimal number like 1234.50 (no exponent, no spaces)`.
describe("pmokit validate: negative and space-grouped amounts", () => {
  it("reads (1 234,50), 12,50- and −0,05 with --decimal-mark ,; names line and column letter of a cell it refuses", async () => {
    const cwd = temp();
    const head = "id;projectId;date;amount.amount;amount.currency;category;expenditure\n";
    writeFileSync(join(cwd, "sap.csv"), `${head}c1;PRJ-CRM;2026-10-01;(1\u202f234,50);EUR;labour;opex\nc2;PRJ-CRM;2026-10-01;12,50-;EUR;labour;opex\nc3;PRJ-CRM;2026-10-01;\u22120,05;EUR;labour;opex\n`);
    const ok = await run(["validate", "sap.csv", "--kind", "cost-entry", "--delimiter", ";", "--decimal-mark", ",", "--json"], cwd);
    expect([ok.code, JSON.parse(ok.out).counts]).toEqual([0, { "cost-entry": 3 }]);
    writeFileSync(join(cwd, "bad.csv"), `${head}c1;PRJ-CRM;2026-10-01;(-12,50);EUR;labour;opex\n`);
    const bad = await run(["validate", "bad.csv", "--kind", "cost-entry", "--delimiter", ";", "--decimal-mark", ","], cwd);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('line 2, column D: "(-12,50)" is not a number written with the decimal mark ",": 1234,56, 1.234,56 or 1 234,56; a negative one -12,50, −12,50, (12,50) or 12,50-');
  });
});
