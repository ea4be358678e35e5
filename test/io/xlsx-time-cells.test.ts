import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { csvProblems, importXlsx, readXlsx } from "../../src/io/index.js";
import { isDateFormat } from "../../src/io/xlsx/read.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

/** A workbook whose cell B2 holds `value` with cell style 1 = number format `numFmtId` (custom `code` when given). */
function workbook(value: string, numFmtId: number, code?: string): Uint8Array {
  const header = ["projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"].map((t, i) => `<c r="${"ABCDEF"[i]}1" t="inlineStr"><is><t>${t}</t></is></c>`).join("");
  const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const row = `<row r="2">${text("A2", "PRJ-CRM")}<c r="B2" s="1"><v>${value}</v></c>${text("C2", "1.00")}${text("D2", "EUR")}${text("E2", "labour")}${text("F2", "opex")}</row>`;
  const numFmts = code === undefined ? "" : `<numFmts count="1"><numFmt numFmtId="${numFmtId}" formatCode="${code}"/></numFmts>`;
  return zipSync({
    "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/styles.xml": strToU8(`<styleSheet>${numFmts}<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${numFmtId}" applyNumberFormat="1"/></cellXfs></styleSheet>`),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData><row r="1">${header}</row>${row}</sheetData></worksheet>`),
  });
}

describe("XLSX time-of-day and duration cells", () => {
  it.each([
    ["built-in 20 (h:mm)", 20, undefined],
    ["built-in 46 ([h]:mm:ss)", 46, undefined],
    ["custom hh:mm", 164, "hh:mm"],
    ["custom [h]:mm", 165, "[h]:mm"],
  ])("a %s cell is a time, not a date: 0.5 is not read as 1899-12-30", (_name, id, code) => {
    // 0.5 shown as 12:00 is half a day of time, with no calendar day. Before: read as 1899-12-30 (serial 0) and
    // imported as a valid cost date. Expected: the time it shows, "12:00:00" (see xlsx-time-formats.test.ts), which a
    // date field refuses.
    const bytes = workbook("0.5", id, code);
    expect(readXlsx(bytes).sheets[0]!.rows[1]!.cells[1]).toBe("12:00:00");
    expect(csvProblems(validationErrorOf(() => importXlsx("cost-entry", bytes, { importedAt: IMPORTED_AT }))).map((p) => [p.row, p.column])).toEqual([[2, "date"]]);
  });

  it("date and date-time formats still give the day (14, 22, yyyy-mm-dd hh:mm, mmm-yy, d/m)", () => {
    // 46296 = 2026-10-01; 46296.75 = 2026-10-01 18:00.
    expect(readXlsx(workbook("46296", 14)).sheets[0]!.rows[1]!.cells[1]).toBe("2026-10-01");
    expect(readXlsx(workbook("46296.75", 22)).sheets[0]!.rows[1]!.cells[1]).toBe("2026-10-01");
    expect(readXlsx(workbook("46296.75", 164, "yyyy-mm-dd hh:mm")).sheets[0]!.rows[1]!.cells[1]).toBe("2026-10-01");
    expect([isDateFormat("mmm-yy"), isDateFormat("d/m"), isDateFormat("mm:ss"), isDateFormat("h:mm AM/PM"), isDateFormat("0.00%"), isDateFormat('#,##0 "m"')]).toEqual([true, true, false, false, false, false]);
  });
});
