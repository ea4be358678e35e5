import { describe, expect, it } from "vitest";
import { money } from "../../src/core/index.js";
import { csvCell, ragCell, tableToCsv, toCsv, type CsvDelimiter } from "../../src/reports/index.js";
import { validationErrorOf } from "../support/errors.js";

// Before: the report CSV was `,`-separated only, while exportCsv took `delimiter`. After: csvCell, toCsv and
// tableToCsv take `{ delimiter: "," | ";" | "\t" }` as exportCsv does; a cell holding the delimiter is quoted, and
// the apostrophe against formulas goes after the *other* separators a spreadsheet in another locale splits at.
describe("report CSV delimiter", () => {
  const table = { columns: ["Project", "EAC", "Note"], rows: [["CRM", money("1200.5", "EUR"), "a;b,=1+1"], ["ERP", money("-3", "EUR"), ragCell("red", "x;=2")]] };

  it("`,` stays the default (unchanged output)", () => {
    expect(tableToCsv(table)).toBe("Project,EAC (EUR),Note\r\nCRM,1200.50,\"a;b,=1+1\"\r\nERP,-3.00,red — x;'=2\r\n");
    expect(tableToCsv(table, { delimiter: "," })).toBe(tableToCsv(table));
  });

  it.each<[CsvDelimiter, string]>([
    [";", "Project;EAC (EUR);Note\r\nCRM;1200.50;\"a;b,'=1+1\"\r\nERP;-3.00;\"red — x;=2\"\r\n"],
    ["\t", "Project\tEAC (EUR)\tNote\r\nCRM\t1200.50\ta;b,'=1+1\r\nERP\t-3.00\tred — x;'=2\r\n"],
  ])("delimiter %j", (delimiter, text) => {
    expect(tableToCsv(table, { delimiter })).toBe(text);
  });

  it("csvCell and toCsv take the same option", () => {
    expect(csvCell("x,=1", { delimiter: ";" })).toBe("x,'=1");
    expect(csvCell("=1", { delimiter: "\t" })).toBe("'=1");
    expect(csvCell("a\tb", { delimiter: "\t" })).toBe('"a\tb"');
    expect(toCsv([["a", "b"]], { delimiter: ";" })).toBe("a;b\r\n");
  });

  it("refuses any other delimiter at its path, as exportCsv does", () => {
    for (const bad of ["|", "", ",,"]) {
      const e = validationErrorOf(() => tableToCsv(table, { delimiter: bad as CsvDelimiter }));
      expect([e.issues[0]!.path, e.issues[0]!.message]).toEqual([["delimiter"], `expected "," ";" or a tab ("\\t"), got ${JSON.stringify(bad)}`]);
    }
  });
});
