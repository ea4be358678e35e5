import { describe, expect, it } from "vitest";
import { decodeEntity, type EntityOf } from "../../src/entities/index.js";
import { exportCsv, importCsv, type CsvDelimiter } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

function entry(id: string, description: string): EntityOf<"cost-entry"> {
  const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
  return decodeEntity("cost-entry", { ...base, id, description });
}

// Before: `columns` went to the header row as given, so a column named `=HYPERLINK(…)` or `+cmd` was a formula a
// spreadsheet ran on open; then each header cell was neutralised like a data cell. Now such a column is no field of the
// kind and is refused outright (test/io/csv-export-columns.test.ts): no header formula can reach the file. Import
// still takes an added apostrophe off a header cell (a file neutralised by an earlier export or by hand).
const COLUMNS = ["id", '=HYPERLINK("http://evil.invalid/","x")', "+2+3", "-4+1", "@SUM(1)", "description;=5+5", "description,=6+6"];

describe("exportCsv header cells cannot be formulas", () => {
  it.each<[CsvDelimiter]>([[","], [";"], ["\t"]])("delimiter %j: every formula-like column is refused at its index", (delimiter) => {
    const e = validationErrorOf(() => exportCsv("cost-entry", [entry("ce-1", "plain")], { columns: COLUMNS, delimiter }));
    expect(e.issues.map((i) => i.path)).toEqual([1, 2, 3, 4, 5, 6].map((i) => ["columns", i]));
  });

  it("import reads a neutralised header back as the text written (a mapping keyed by it applies)", () => {
    const csv = exportCsv("cost-entry", [entry("ce-1", "kept")], { columns: ["id", "projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"] });
    // A header cell `'=Note` as an earlier export wrote it; mapped back to description it must be found under its own text.
    const withNote = csv.replace(/^(.*)\n(.*)\n$/, (_m, head: string, row: string) => `${head},'=Note\n${row},note text\n`);
    const back = importCsv("cost-entry", withNote, { importedAt: IMPORTED_AT, mapping: { "=Note": "description" } }).records;
    expect(back[0]!.description).toBe("note text");
  });
});
