import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { decodeEntity, type EntityOf } from "../../src/entities/index.js";
import { exportCsv, importCsv, type CsvDelimiter } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { hasSoffice } from "../support/soffice.js";
import { IMPORTED_AT } from "./fixtures.js";

const soffice = hasSoffice();

function entry(id: string, description: string): EntityOf<"cost-entry"> {
  const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
  return decodeEntity("cost-entry", { ...base, id, description });
}

// Before: `columns` went to the header row as given, so a column named `=HYPERLINK(…)` or `+cmd` was a formula a
// spreadsheet ran on open. After: each header cell is neutralised by the same rule as a data cell (neutraliseCell with
// the file's delimiter), and import takes the added apostrophe away again (restoreCell), as for data cells.
const COLUMNS = ["id", '=HYPERLINK("http://evil.invalid/","x")', "+2+3", "-4+1", "@SUM(1)", "description;=5+5", "description,=6+6"];

describe("exportCsv header cells are neutralised like data cells", () => {
  it.each<[CsvDelimiter, string[]]>([
    [",", ["id", '\'=HYPERLINK("http://evil.invalid/","x")', "'+2+3", "'-4+1", "'@SUM(1)", "description;'=5+5", "description,=6+6"]],
    [";", ["id", '\'=HYPERLINK("http://evil.invalid/","x")', "'+2+3", "'-4+1", "'@SUM(1)", "description;=5+5", "description,'=6+6"]],
    ["\t", ["id", '\'=HYPERLINK("http://evil.invalid/","x")', "'+2+3", "'-4+1", "'@SUM(1)", "description;'=5+5", "description,'=6+6"]],
  ])("delimiter %j", (delimiter, header) => {
    const csv = exportCsv("cost-entry", [entry("ce-1", "plain")], { columns: COLUMNS, delimiter });
    expect((parse(csv, { delimiter }) as string[][])[0]).toEqual(header);
  });

  it("import reads a neutralised header back as the text written (a mapping keyed by it applies)", () => {
    const csv = exportCsv("cost-entry", [entry("ce-1", "kept")], { columns: ["id", "projectId", "date", "amount.amount", "amount.currency", "category", "expenditure", "=Note"] });
    expect(csv.split("\n")[0]).toContain(",'=Note");
    // The column holds "" (no field "=Note"); mapped back to description it must be found under its own text.
    const withNote = csv.replace(/\n(.*)\n$/, (_m, row: string) => `\n${row.replace(/,$/, ",note text")}\n`);
    const back = importCsv("cost-entry", withNote, { importedAt: IMPORTED_AT, mapping: { "=Note": "description" } }).records;
    expect(back[0]!.description).toBe("note text");
  });

  it.skipIf(!soffice)("Calc opening the export computes no header formula (the raw header would)", () => {
    const dir = mkdtempSync(join(tmpdir(), "pmokit-header-"));
    try {
      writeFileSync(join(dir, "costs.csv"), exportCsv("cost-entry", [entry("ce-1", "plain")], { columns: ["id", "=1+1", "+2+3", "description;=5+5"] }));
      writeFileSync(join(dir, "raw.csv"), "id,=1+1,+2+3\nce-1,,\n"); // control: the header as the old code wrote it
      // Separators `,` and `;` (what a `;` locale also splits at), formulas evaluated (token 13), written tab-separated.
      execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--infilter=CSV:44/59,34,76,1,,0,false,true,false,false,false,false,true", "--convert-to", "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,false,false,false", "--outdir", join(dir, "out"), join(dir, "costs.csv"), join(dir, "raw.csv")], { stdio: "ignore", timeout: 120_000 });
      const header = (name: string) => readFileSync(join(dir, "out", name), "utf8").split(/\r?\n/)[0]!.split("\t");
      expect(header("costs.csv")).toEqual(["id", "'=1+1", "'+2+3", "description", "'=5+5"]);
      expect(header("raw.csv")).toEqual(["id", "2", "+2+3"]); // the control (so this test can fail): Calc ran =1+1
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
