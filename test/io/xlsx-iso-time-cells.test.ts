import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/index.js";

/** A cost-entry sheet whose row 2 has `date` as an ISO 8601 date cell (`t="d"`, ECMA-376 §18.18.11), style 1 = yyyy-mm-dd. */
function workbook(dates: readonly string[]): Uint8Array {
  const header = ["projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"].map((t, i) => `<c r="${"ABCDEF"[i]}1" t="inlineStr"><is><t>${t}</t></is></c>`).join("");
  const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const rows = dates.map((d, i) => `<row r="${i + 2}">${text(`A${i + 2}`, "PRJ-CRM")}<c r="B${i + 2}" s="1" t="d"><v>${d}</v></c>${text(`C${i + 2}`, "1.00")}${text(`D${i + 2}`, "EUR")}${text(`E${i + 2}`, "labour")}${text(`F${i + 2}`, "opex")}</row>`).join("");
  return zipSync({
    "[Content_Types].xml": strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
    "_rels/.rels": strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": strToU8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
    "xl/styles.xml": strToU8('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>'),
    "xl/worksheets/sheet1.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${header}</row>${rows}</sheetData></worksheet>`),
  });
}

const cellsOf = (bytes: Uint8Array) => readXlsx(bytes).sheets[0]!.rows.slice(1).map((r) => r.cells[1]);

// A t="d" cell may hold a time of day only (ISO 8601 allows it; openpyxl writes a datetime.time so, with or without the
// leading T). Before: kept as the raw text ("T09:30:00"), unlike every other date cell. After: read as the ISO time of
// day `HH:MM:SS` (milliseconds when there are some), the way a date cell is read as its ISO day: the time rounded to
// the millisecond as Excel keeps it, an offset dropped as a date cell's is (a workbook has no time zone).
describe("XLSX ISO 8601 time-only cells (t=\"d\")", () => {
  it("reads a time of day as HH:MM:SS", () => {
    const got = cellsOf(workbook(["T09:30:00", "09:30:00", "T09:30", "07:05:03.25", "23:59:59.9994", "18:00:00Z", "T08:15:00+02:00"]));
    // 07:05:03.25 keeps its 250 ms; 23:59:59.9994 rounds to 23:59:59.999 (the millisecond, not the next second)
    expect(got).toEqual(["09:30:00", "09:30:00", "09:30:00", "07:05:03.250", "23:59:59.999", "18:00:00", "08:15:00"]);
  });

  it("keeps a value that is no time of day as its text", () => {
    expect(cellsOf(workbook(["25:00:00", "09:60:00", "T9:30", "soon"]))).toEqual(["25:00:00", "09:60:00", "T9:30", "soon"]);
  });
});
