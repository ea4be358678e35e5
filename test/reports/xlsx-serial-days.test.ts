import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/index.js";
import { excelSerialDay, renderXlsxReport, xlsxCell } from "../../src/reports/index.js";

// Excel's 1900 date system counts a fictitious 1900-02-29 (serial 60, Lotus 1-2-3's leap-year bug). The serials
// below are Excel's documented values (Microsoft: "1900 date system": 1900-01-01 is serial 1; the 1900-02-29 bug;
// 9999-12-31 is 2958465), not computed here. From 1900-03-01 on LibreOffice Calc agrees with Excel:
// `=DATEVALUE("2026-12-06")` is 46362, `=DATEVALUE("1900-03-01")` 61 and `=DATEVALUE("9999-12-31")` 2958465 in
// `soffice --headless --convert-to csv` of a .fods (LibreOffice 1900-01-01 is 2 and 1900-02-28 is 60: it does not
// repeat the bug, so it is no oracle before March 1900).
const EXCEL = [["1900-01-01", 1], ["1900-01-31", 31], ["1900-02-28", 59], ["1900-03-01", 61], ["2026-11-20", 46346], ["2026-12-06", 46362], ["9999-12-31", 2958465]] as const;

describe("Excel serial days (1900 date system)", () => {
  it("count Excel's fictitious 1900-02-29: January and February 1900 were one day off", () => {
    // Before: 1900-01-01 was written as 2 and 1900-02-28 as 60, which Excel shows as 1900-01-02 and 1900-02-29.
    for (const [iso, serial] of EXCEL) expect([iso, excelSerialDay(iso)]).toEqual([iso, serial]);
  });

  it("have no serial before 1900-01-01: such a date is written as text", () => {
    expect(excelSerialDay("1899-12-31")).toBeUndefined();
    expect(xlsxCell("1899-12-31")).toEqual({ kind: "text", value: "1899-12-31" });
    expect(xlsxCell("1900-01-01")).toEqual({ kind: "date", serial: 1, format: "yyyy-mm-dd", text: "1900-01-01" });
  });

  it("a report workbook stores those serials, and pmokit reads the same days back", async () => {
    const dates = ["1899-12-31", ...EXCEL.map(([iso]) => iso)];
    const bytes = await renderXlsxReport({ title: "Dates", sections: [{ heading: "Dates", blocks: [{ kind: "table", table: { columns: ["Date"], rows: dates.map((d) => [d]) } }] }] });
    const sheet = strFromU8(unzipSync(bytes)["xl/worksheets/sheet2.xml"]!);
    const values = [...sheet.matchAll(/<c r="A(\d+)"[^>]*?(?: t="(\w+)")?>(?:<v>([^<]*)<\/v>)?/g)].slice(1).map((m) => (m[2] === "s" ? "text" : Number(m[3])));
    expect(values).toEqual(["text", ...EXCEL.map(([, serial]) => serial)]);
    expect(readXlsx(bytes).sheets[1]!.rows.slice(1).map((r) => r.cells[0])).toEqual(dates);
  });
});

describe("reading Excel serial days (1900 date system)", () => {
  it("reads serials before 1900-03-01 on Excel's day; serial 60 as Excel shows it; serial 0 has no day", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Dates");
    ws.addRow(["serial"]);
    for (const serial of [0, 1, 59, 60, 61, 46362]) {
      const cell = ws.addRow([serial]).getCell(1);
      cell.numFmt = "yyyy-mm-dd";
    }
    const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    // Before: serial 1 read as 1899-12-31, 59 as 1900-02-27 and 60 as 1900-02-28; 0 as 1899-12-30.
    expect(readXlsx(bytes).sheets[0]!.rows.slice(1).map((r) => r.cells[0])).toEqual(["0", "1900-01-01", "1900-02-28", "1900-02-29", "1900-03-01", "2026-12-06"]);
  });
});
