import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { csvProblems, importXlsx, readXlsx } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

/** Cost-entry rows whose `date` cells (B) hold `values` with the built-in date format 14; `date1904` for the Mac system. */
function workbook(values: readonly string[], date1904 = false): Uint8Array {
  const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const header = ["projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"].map((t, i) => text(`${"ABCDEF"[i]}1`, t)).join("");
  const rows = values.map((v, i) => `<row r="${i + 2}">${text(`A${i + 2}`, "PRJ-CRM")}<c r="B${i + 2}" s="1"><v>${v}</v></c>${text(`C${i + 2}`, "1.00")}${text(`D${i + 2}`, "EUR")}${text(`E${i + 2}`, "labour")}${text(`F${i + 2}`, "opex")}</row>`).join("");
  return zipSync({
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/styles.xml": strToU8('<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData><row r="1">${header}</row>${rows}</sheetData></worksheet>`),
  });
}

describe("XLSX date serials outside Excel's calendar", () => {
  // Excel's last day is 9999-12-31: serial 2958465 in the 1900 system (2958465 − 1462 = 2957003 in 1904); a larger
  // serial, or one in the 1904 system before its day 0, shows as ####. Before: 2958466 read as "+010000-01" (a cut
  // extended-year ISO string), and 1e12 or a non-number with a date format made the whole workbook fail with
  // "sheet "S": Invalid time value". After: such a cell keeps its number text, and the import refuses that one cell.
  it("keeps the number of a serial past 9999-12-31 or before the 1904 day 0", () => {
    expect(readXlsx(workbook(["2958465", "2958466", "1e12", "abc"])).sheets[0]!.rows.slice(1).map((r) => r.cells[1])).toEqual(["9999-12-31", "2958466", "1000000000000", "abc"]);
    expect(readXlsx(workbook(["2957003", "2957004", "-1"], true)).sheets[0]!.rows.slice(1).map((r) => r.cells[1])).toEqual(["9999-12-31", "2957004", "-1"]);
  });

  it("refuses such a cell at its row and column, the other rows read", () => {
    const e = validationErrorOf(() => importXlsx("cost-entry", workbook(["46296", "1e12"]), { importedAt: IMPORTED_AT }));
    expect(csvProblems(e).map((p) => [p.row, p.column])).toEqual([[3, "date"]]);
  });
});

describe("XLSX date serials before 1900-03-01 (Excel's leap-year bug)", () => {
  // Excel's 1900 system counts a 1900-02-29 that never was (Microsoft KB 214326, kept from Lotus 1-2-3): serial 1 is
  // 1900-01-01, 59 is 1900-02-28, 60 is the fictitious 1900-02-29, 61 is 1900-03-01; 0 shows as 1900-01-00 (no day).
  // Calc counts from 1899-12-30 without the bug, so below 61 it disagrees with Excel by a day: Excel's reading is kept.
  it("reads the days as Excel shows them, and serial 60 as the no-day 1900-02-29 which a date field refuses", () => {
    expect(readXlsx(workbook(["1", "59", "59.999", "60", "61", "0"])).sheets[0]!.rows.slice(1).map((r) => r.cells[1])).toEqual(["1900-01-01", "1900-02-28", "1900-02-28", "1900-02-29", "1900-03-01", "0"]);
    const e = validationErrorOf(() => importXlsx("cost-entry", workbook(["59", "60", "61"]), { importedAt: IMPORTED_AT }));
    expect(csvProblems(e).map((p) => [p.row, p.column])).toEqual([[3, "date"]]);
  });

  it("has no such day in the 1904 system: serial 0 is 1904-01-01", () => {
    expect(readXlsx(workbook(["0", "59", "60"], true)).sheets[0]!.rows.slice(1).map((r) => r.cells[1])).toEqual(["1904-01-01", "1904-02-29", "1904-03-01"]);
  });
});
