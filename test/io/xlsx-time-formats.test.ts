import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/index.js";
import { numberFormatKind } from "../../src/io/xlsx/number-format.js";
import { hasSoffice } from "../support/soffice.js";

/** Column A of rows 1… holds `values`, each with cell style 1 = number format `numFmtId` (custom `code` when given). */
function workbook(values: readonly string[], numFmtId: number, code?: string, date1904 = false): Uint8Array {
  const rows = values.map((v, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="1"><v>${v}</v></c></row>`).join("");
  const numFmts = code === undefined ? "" : `<numFmts count="1"><numFmt numFmtId="${numFmtId}" formatCode="${code.replace(/"/g, "&quot;")}"/></numFmts>`;
  return zipSync({
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/styles.xml": strToU8(`<styleSheet>${numFmts}<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${numFmtId}" applyNumberFormat="1"/></cellXfs></styleSheet>`),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
  });
}

const cells = (bytes: Uint8Array) => readXlsx(bytes).sheets[0]!.rows.map((r) => r.cells[0]);

describe("XLSX cells with a time-of-day format read as HH:MM:SS", () => {
  // A serial's time of day is its fraction of a day: 0.5 = 12:00, 0.75 = 18:00, 9.5 / 24 = 0.3958333333333333 = 09:30,
  // 1 / 86400 = 0.000011574074074074073 = 1 s, 1 / 1440 = 0.0006944444444444445 = 1 min, 0.5 / 86400 = 0.5 s.
  // Before: every one of them stayed its serial fraction ("0.5"). After: the ISO time of day, as a `t="d"` cell
  // holding a time only reads (`T12:00:00` → `12:00:00`), milliseconds only when there are any.
  it.each([
    ["built-in 18 (h:mm AM/PM)", 18, undefined],
    ["built-in 19 (h:mm:ss AM/PM)", 19, undefined],
    ["built-in 20 (h:mm)", 20, undefined],
    ["built-in 21 (h:mm:ss)", 21, undefined],
    ["built-in 45 (mm:ss)", 45, undefined],
    ["built-in 47 (mm:ss.0)", 47, undefined],
    ["custom hh:mm", 164, "hh:mm"],
    ["custom hh:mm:ss", 164, "hh:mm:ss"],
    ["custom h:mm AM/PM with a locale tag", 164, "[$-409]h:mm:ss AM/PM;@"],
    ["custom mm:ss", 164, "mm:ss"],
  ])("%s", (_name, id, code) => {
    const got = cells(workbook(["0.5", "0.75", "0.3958333333333333", "0.000011574074074074073", "0.0006944444444444445", "0.000005787037037037037", "0"], id, code));
    expect(got).toEqual(["12:00:00", "18:00:00", "09:30:00", "00:00:01", "00:01:00", "00:00:00.500", "00:00:00"]);
  });

  it("a date-time serial shown with a time format gives its time of day, as Excel shows it; the 1904 system alike", () => {
    // 46296.75 = 2026-10-01 18:00, shown as 18:00 by h:mm. The time of day does not depend on the date system.
    expect(cells(workbook(["46296.75"], 20))).toEqual(["18:00:00"]);
    expect(cells(workbook(["44834.75", "0.25"], 20, undefined, true))).toEqual(["18:00:00", "06:00:00"]);
  });

  it("a serial a float's hair below midnight is the next midnight (rounded to the millisecond, as Excel keeps times)", () => {
    // 0.99999999999 d = 86399.99999914 s → 86400.000 s → 00:00:00 of the next day, shown 0:00 by Excel.
    expect(cells(workbook(["0.99999999999", "0.49999999999"], 21))).toEqual(["00:00:00", "12:00:00"]);
  });

  it("a negative or out-of-calendar serial keeps its number (Excel shows ####), and text stays text", () => {
    expect(cells(workbook(["-0.5", "2958466.5", "abc"], 20))).toEqual(["-0.5", "2958466.5", "abc"]);
  });
});

describe("XLSX cells with an elapsed-time format read as a duration H:MM:SS", () => {
  // [h]:mm counts hours past 24: 27.5 h = 27.5 / 24 = 1.1458333333333333 shows 27:30; 2.5 d = 60 h; 1.5 h = 0.0625 d
  // shows 90:00 with [mm]:ss — pmokit always gives total hours, minutes, seconds: one form for every elapsed format.
  // Before: the serial ("1.1458333333333333"). After: "27:30:00", never a time of day (which would be 03:30).
  it.each([
    ["built-in 46 ([h]:mm:ss)", 46, undefined],
    ["custom [h]:mm", 164, "[h]:mm"],
    ["custom [hh]:mm:ss", 164, "[hh]:mm:ss"],
    ["custom [mm]:ss", 164, "[mm]:ss"],
    ["custom [ss]", 164, "[ss]"],
  ])("%s", (_name, id, code) => {
    expect(cells(workbook(["1.1458333333333333", "2.5", "0.0625", "0.5", "0", "4.1666666666666664E-2", "100"], id, code))).toEqual(["27:30:00", "60:00:00", "01:30:00", "12:00:00", "00:00:00", "01:00:00", "2400:00:00"]);
  });

  it("a negative duration keeps its number (the 1900 system shows ####)", () => {
    expect(cells(workbook(["-1.5"], 46))).toEqual(["-1.5"]);
  });
});

describe("number format kinds", () => {
  it.each([
    ["m/d/yyyy", "date"], ["yyyy-mm-dd hh:mm", "date"], ["dd/mm/yyyy h:mm AM/PM", "date"], ["mmm-yy", "date"], ["[$-F800]dddd, mmmm dd, yyyy", "date"],
    ["h:mm", "time"], ["hh:mm:ss", "time"], ["mm:ss", "time"], ["h:mm AM/PM", "time"], ["[$-409]h:mm:ss AM/PM;@", "time"], ["mm:ss.0", "time"],
    ["[h]:mm", "elapsed"], ["[h]:mm:ss", "elapsed"], ["[mm]:ss", "elapsed"], ["[Red][h]:mm", "elapsed"],
    ["General", "number"], ["0.00%", "number"], ['#,##0 "m"', "number"], ["[Red]#,##0", "number"], ["@", "number"], ["0.00E+00", "number"],
  ])("%s is a %s format", (code, kind) => {
    expect(numberFormatKind(code)).toBe(kind);
  });
});

describe.skipIf(!hasSoffice())("against LibreOffice Calc", () => {
  it("Calc shows hh:mm:ss and [hh]:mm:ss cells as pmokit reads them", async () => {
    const values = [0.5, 0.3958333333333333, 1.1458333333333333, 46296.75, 2.5];
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("S");
    values.forEach((v, i) => {
      sheet.getCell(`A${i + 1}`).value = v;
      sheet.getCell(`A${i + 1}`).numFmt = "hh:mm:ss";
      sheet.getCell(`B${i + 1}`).value = v;
      sheet.getCell(`B${i + 1}`).numFmt = "[hh]:mm:ss";
    });
    const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const dir = mkdtempSync(join(tmpdir(), "pmokit-time-"));
    writeFileSync(join(dir, "book.xlsx"), bytes);
    // Token 9 "true": cell contents as shown (the formatted text), token 1–3: comma, double quote, UTF-8.
    execFileSync("soffice", ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "--outdir", dir, join(dir, "book.xlsx")], { stdio: "ignore", timeout: 120_000 });
    const calc = readFileSync(join(dir, "book.csv"), "utf8").trim().split(/\r?\n/).map((l) => l.split(","));
    const ours = readXlsx(bytes).sheets[0]!.rows.map((r) => [...r.cells]);
    expect(ours).toEqual(calc);
    // 1.1458333333333333 is 27:30 elapsed but 03:30 of its day; 46296.75 d × 24 = 1,111,122 h.
    expect(ours).toEqual([["12:00:00", "12:00:00"], ["09:30:00", "09:30:00"], ["03:30:00", "27:30:00"], ["18:00:00", "1111122:00:00"], ["12:00:00", "60:00:00"]]);
  }, 180_000);
});

describe("East Asian built-in number formats", () => {
  // Excel in Japanese, Chinese or Korean saves its default date formats as built-in ids with no formatCode in the
  // file (ECMA-376 §18.8.30 lists them per locale): 27–31, 36, 50, 51, 54, 57, 58 show a date in every one of those
  // locales (ja-JP 31 = yyyy"年"m"月"d"日", 55 = yyyy"年"m"月"; ExcelDataReader #541 met 55 in a Japanese save), 32 and
  // 33 a time (ja-JP h"時"mm"分", zh-CN h"时"mm"分"ss"秒"). Before: no format known, so 46296 stayed "46296" and a date
  // field refused it. 34, 35, 52, 53, 55, 56 are a date in Japanese and Korean but a time (上午/下午h"时"mm"分") in
  // Chinese (zh-CN 34, 35, 55, 56; zh-TW all six): dates by default, times with formatLocale (xlsx-locale-formats).
  it.each([27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58])("built-in %i is a date (52, 53, 55, 56 by default only)", (id) => {
    expect(cells(workbook(["46296"], id))).toEqual(["2026-10-01"]);
  });

  it.each([32, 33])("built-in %i is a time of day", (id) => {
    expect(cells(workbook(["0.3958333333333333"], id))).toEqual(["09:30:00"]);
  });

  it.each([34, 35])("built-in %i (a date or a time by locale) is a date by default (xlsx-locale-formats.test.ts)", (id) => {
    // Before: "46296", the number. After: the Japanese/Korean reading; formatLocale "zh-CN" gives the time.
    expect(cells(workbook(["46296"], id))).toEqual(["2026-10-01"]);
  });
});

describe("ISO date cells (t=\"d\") with a time-of-day format", () => {
  /** Column A holds ISO date cells `values` with style 1 = number format `numFmtId`. */
  const isoBook = (values: readonly string[], numFmtId: number) => {
    const rows = values.map((v, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="1" t="d"><v>${v}</v></c></row>`).join("");
    return zipSync({
      "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      "xl/styles.xml": strToU8(`<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${numFmtId}" applyNumberFormat="1"/></cellXfs></styleSheet>`),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
    });
  };

  // openpyxl (iso_dates) writes a datetime shown as h:mm as `t="d"` 2026-10-01T18:00:00. Excel shows 18:00, and the
  // same value as a serial (46296.75) with h:mm reads 18:00:00. Before: "2026-10-01", the day Excel does not show.
  // After: the time of day, as for the serial; a date format still gives the day, and a time-only cell its time.
  it("gives the time of day, as the same serial cell does", () => {
    expect(cells(isoBook(["2026-10-01T18:00:00", "2026-10-01T07:05:03.25", "2023-12-31T23:59:59.9999", "T09:30:00", "2026-10-01", "2026-02-30T18:00:00"], 20))).toEqual(["18:00:00", "07:05:03.250", "00:00:00", "09:30:00", "00:00:00", "2026-02-30T18:00:00"]);
    expect(cells(isoBook(["2026-10-01T18:00:00"], 14))).toEqual(["2026-10-01"]);
  });
});
