import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { csvProblems, importXlsx, readXlsx } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

/** A cost-entry sheet whose row 2 has `description` (G2) given as the raw cell XML `g2`. */
function workbook(g2: string): Uint8Array {
  const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const header = ["projectId", "date", "amount.amount", "amount.currency", "category", "expenditure", "description"].map((t, i) => text(`${"ABCDEFG"[i]}1`, t)).join("");
  const row = `<row r="2">${text("A2", "PRJ-CRM")}${text("B2", "2026-10-01")}<c r="C2"><v>12.5</v></c>${text("D2", "EUR")}${text("E2", "labour")}${text("F2", "opex")}${g2}</row>`;
  return zipSync({
    "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData><row r="1">${header}</row>${row}</sheetData></worksheet>`),
  });
}

describe("XLSX formula cells without a calculated value", () => {
  // openpyxl (and ExcelJS without `result`) write a formula with no <v>: the value exists only once a spreadsheet
  // recalculates, and pmokit never evaluates. Before: read as an empty cell, so an optional field (description,
  // sourceRef, workPackageId) was silently left out — the record imported without the value the sheet shows.
  // Expected: refused at its [row, column], saying the formula was never calculated, like a formula error.
  it.each([
    ["a number formula", '<c r="G2"><f>CONCATENATE("Invoice ",C2)</f></c>'],
    ["a string formula", '<c r="G2" t="str"><f>A2&amp;"-1"</f></c>'],
  ])("%s with no <v> is refused at its row and column", (_name, g2) => {
    const bytes = workbook(g2);
    expect(readXlsx(bytes).sheets[0]!.errors).toEqual([{ line: 2, column: 6, error: "" }]);
    expect(csvProblems(validationErrorOf(() => importXlsx("cost-entry", bytes, { importedAt: IMPORTED_AT })))).toEqual([
      { row: 2, column: "description", message: "the cell holds a formula that was never calculated (the workbook was saved without its values; open and save it in Excel or Calc): it has no value" },
    ]);
  });

  it("a formula with its cached value reads as that value, an empty cached text as empty", () => {
    expect(importXlsx("cost-entry", workbook('<c r="G2" t="str"><f>A2&amp;"-1"</f><v>PRJ-CRM-1</v></c>'), { importedAt: IMPORTED_AT }).records[0]!.description).toBe("PRJ-CRM-1");
    expect(importXlsx("cost-entry", workbook('<c r="G2" t="str"><f>""</f><v></v></c>'), { importedAt: IMPORTED_AT }).records[0]!.description).toBeUndefined();
  });
});
