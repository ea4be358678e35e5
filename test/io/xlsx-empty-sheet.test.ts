import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importXlsx, importXlsxWorkbook } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
const COSTS = `<row r="1">${["id", "projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"].map((t, i) => text(`${"ABCDEFG"[i]}1`, t)).join("")}</row>`
  + `<row r="2">${["c1", "P", "2026-10-01", "1.00", "EUR", "labour", "opex"].map((t, i) => text(`${"ABCDEFG"[i]}2`, t)).join("")}</row>`;

/** A workbook whose first tab ("Chart", a chart sheet: no cells) comes before the data tab ("Costs"). */
function book(): Uint8Array {
  return zipSync({
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="${REL}"><sheets><sheet name="Chart" sheetId="2" r:id="rId2"/><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${COSTS}</sheetData></worksheet>`),
    "xl/chartsheets/sheet1.xml": strToU8("<chartsheet><sheetPr/><drawing/></chartsheet>"),
  });
}

// Before: importXlsx read the first tab by default; a chart sheet (or an empty cover sheet) there has no header row,
// so the import returned 0 records without a word, and `pmokit import book.xlsx --kind cost-entry` stored nothing.
// After: a sheet without a header row is refused, naming it, so the right sheet can be named.
describe("XLSX import of a sheet without a header row", () => {
  it("is refused, naming the sheet", () => {
    const e = validationErrorOf(() => importXlsx("cost-entry", book(), { importedAt: IMPORTED_AT }));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[[], 'sheet "Chart" has no header row: it is empty (choose the sheet that holds the table with the sheet option)']]);
    expect(importXlsx("cost-entry", book(), { importedAt: IMPORTED_AT, sheet: "Costs" }).records.map((r) => r.id)).toEqual(["c1"]);
    const w = validationErrorOf(() => importXlsxWorkbook(book(), { importedAt: IMPORTED_AT, sheets: { Chart: { kind: "cost-entry" } } }));
    expect(w.issues.map((i) => i.path)).toEqual([["Chart"]]);
  });
});
