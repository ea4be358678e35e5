import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { importXlsx, importXlsxWorkbook, readXlsx, type ReadXlsxOptions } from "../../src/io/index.js";
import { hasSoffice } from "../support/soffice.js";

// ECMA-376 Part 1 §18.8.30 (numFmt) lists the built-in ids 27–36 and 50–58 per East Asian locale and 59–81 for th-th.
// Most mean the same kind everywhere; six do not:
//   id   zh-tw                  zh-cn                  ja-jp              ko-kr
//   34   上午/下午hh"時"mm"分"   上午/下午h"时"mm"分"    yyyy"年"m"月"       yyyy-mm-dd
//   35   …hh"時"mm"分"ss"秒"     …h"时"mm"分"ss"秒"      m"月"d"日"          yyyy-mm-dd
//   52   上午/下午hh"時"mm"分"   yyyy"年"m"月"           yyyy"年"m"月"       yyyy-mm-dd
//   53   …hh"時"mm"分"ss"秒"     m"月"d"日"              m"月"d"日"          yyyy-mm-dd
//   55   上午/下午hh"時"mm"分"   上午/下午h"时"mm"分"    yyyy"年"m"月"       yyyy-mm-dd
//   56   …hh"時"mm"分"ss"秒"     …h"时"mm"分"ss"秒"      m"月"d"日"          yyyy-mm-dd
// Thai: 59–62, 67–70 numbers (t0, t#,##0.00 …: Thai digits), 71 ว/ด/ปปปป, 72 ว-ดดด-ปป, 73 ว-ดดด, 74 ดดด-ปป dates,
// 75 ช:นน, 76 ช:นน:ทท times of day (h:mm, h:mm:ss), 77 ว/ด/ปปปป ช:นน a date-time, 78 นน:ทท and 80 นน:ทท.0 times
// (mm:ss), 79 [ช]:นน:ทท elapsed ([h]:mm:ss), 81 d/m/bb a date (Buddhist-era year).

/** Row i holds `values` in columns A…, each cell with the built-in number format `ids[i]` (no formatCode in the file). */
function workbook(ids: readonly number[], values: readonly string[]): Uint8Array {
  const rows = ids.map((_, i) => `<row r="${i + 1}">${values.map((v, j) => `<c r="${"ABCDEF"[j]}${i + 1}" s="${i + 1}"><v>${v}</v></c>`).join("")}</row>`).join("");
  return zipSync({
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
    "_rels/.rels": strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
    "xl/styles.xml": strToU8(`<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="${ids.length + 1}"><xf numFmtId="0"/>${ids.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join("")}</cellXfs></styleSheet>`),
    "xl/worksheets/sheet1.xml": strToU8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`),
  });
}

const read = (bytes: Uint8Array, options?: ReadXlsxOptions) => readXlsx(bytes, options).sheets[0]!.rows.map((r) => [...r.cells]);

// 46296.75 = 2026-10-01 18:00 (46296 days after 1899-12-30, plus 0.75 d = 18 h); 0.3958333333333333 = 9.5 / 24 = 09:30;
// 1.1458333333333333 = 27.5 / 24 = 27:30 elapsed, 03:30 of its day.
const VALUES = ["46296.75", "0.3958333333333333", "1.1458333333333333"];
// A number cell keeps 15 significant digits, as Excel shows it; a serial below 1 has no day, so its number stays;
// serial 1 is 1900-01-01 in Excel's 1900 system (days 1–59 count from 1899-12-31).
const AS_NUMBER = ["46296.75", "0.395833333333333", "1.14583333333333"];
const AS_DATE = ["2026-10-01", "0.395833333333333", "1900-01-01"];
const AS_TIME = ["18:00:00", "09:30:00", "03:30:00"];

describe("locale-dependent East Asian built-in formats 34, 35, 52, 53, 55, 56", () => {
  // Before: 34 and 35 stayed numbers ("46296.75"), whatever the locale; 52, 53, 55, 56 were dates even for a workbook
  // saved by a Chinese Excel, where they show a time of day. After: the Japanese/Korean reading (a date) by default,
  // the saving Excel's reading with formatLocale.
  it("read as dates by default (the ja-JP and ko-KR reading)", () => {
    expect(read(workbook([34, 35, 52, 53, 55, 56], VALUES))).toEqual(Array(6).fill(AS_DATE));
  });

  it.each([
    ["ja-JP", [AS_DATE, AS_DATE, AS_DATE, AS_DATE, AS_DATE, AS_DATE]],
    ["ko-KR", [AS_DATE, AS_DATE, AS_DATE, AS_DATE, AS_DATE, AS_DATE]],
    ["zh-CN", [AS_TIME, AS_TIME, AS_DATE, AS_DATE, AS_TIME, AS_TIME]],
    ["zh-TW", [AS_TIME, AS_TIME, AS_TIME, AS_TIME, AS_TIME, AS_TIME]],
  ] as const)("formatLocale %s reads them as that Excel shows them", (formatLocale, expected) => {
    expect(read(workbook([34, 35, 52, 53, 55, 56], VALUES), { formatLocale })).toEqual(expected);
  });

  it("the locale changes no format the standard fixes for every locale", () => {
    // 14 (m/d/yyyy), 31 (a date in all four), 32 (a time in all four), 20 (h:mm), 46 ([h]:mm:ss), 3 (#,##0).
    const ids = [14, 31, 32, 20, 46, 3];
    const expected = [AS_DATE, AS_DATE, AS_TIME, AS_TIME, ["1111122:00:00", "09:30:00", "27:30:00"], AS_NUMBER];
    for (const formatLocale of [undefined, "ja-JP", "ko-KR", "zh-CN", "zh-TW"] as const) {
      expect(read(workbook(ids, VALUES), formatLocale === undefined ? {} : { formatLocale })).toEqual(expected);
    }
  });

  it("an unknown formatLocale is refused at its path, never ignored", () => {
    const bytes = workbook([34], VALUES);
    const err = (() => {
      try {
        readXlsx(bytes, { formatLocale: "ja" as never });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues[0]?.path).toEqual(["formatLocale"]);
    expect((err as ValidationError).issues[0]?.message).toContain("ja-JP, ko-KR, zh-CN, zh-TW");
  });

  it("importXlsx passes the option on: a zh-CN time column is no date", () => {
    // A cost entry's date from a 34-formatted cell: 2026-10-01 with the default reading; with zh-CN it shows
    // 下午6时00分 in Excel, a time, which the date field refuses at its cell instead of taking the day.
    const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c></row>';
    const body = '<row r="2"><c r="A2" t="inlineStr"><is><t>c1</t></is></c><c r="B2" s="1"><v>46296.75</v></c></row>';
    const book = zipSync({
      "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      "xl/styles.xml": strToU8('<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="34" applyNumberFormat="1"/></cellXfs></styleSheet>'),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${header}${body}</sheetData></worksheet>`),
    });
    const options = { importedAt: "2026-11-25T12:00:00.000Z", defaults: { projectId: "PRJ-1", "amount.amount": "1", "amount.currency": "EUR", category: "labour", expenditure: "opex" } };
    expect(importXlsx("cost-entry", book, options).records[0]?.date).toBe("2026-10-01");
    try {
      importXlsx("cost-entry", book, { ...options, formatLocale: "zh-CN" });
      expect.unreachable("a time of day is no date");
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([[2, "date"]]);
    }
    // importXlsxWorkbook alike, the option given once for the workbook.
    const sheets = { S: { kind: "cost-entry" as const, defaults: options.defaults } };
    expect(importXlsxWorkbook(book, { sheets, importedAt: options.importedAt }).records["cost-entry"]?.[0]?.date).toBe("2026-10-01");
    expect(() => importXlsxWorkbook(book, { sheets, importedAt: options.importedAt, formatLocale: "zh-CN" })).toThrow(ValidationError);
  });
});

describe("Thai built-in formats 59–81", () => {
  // Before: every one was a plain number ("46296.75"; [ช]:นน:ทท too). After: the kinds §18.8.30 gives them.
  it.each([59, 60, 61, 62, 67, 68, 69, 70])("built-in %i (a Thai-digit number format) keeps its number", (id) => {
    expect(read(workbook([id], VALUES))).toEqual([AS_NUMBER]);
  });

  it.each([71, 72, 73, 74, 77, 81])("built-in %i is a date", (id) => {
    expect(read(workbook([id], VALUES))).toEqual([AS_DATE]);
  });

  it.each([75, 76, 78, 80])("built-in %i is a time of day", (id) => {
    expect(read(workbook([id], VALUES))).toEqual([AS_TIME]);
  });

  it("built-in 79 ([ช]:นน:ทท = [h]:mm:ss) is an elapsed time", () => {
    // 46296.75 d × 24 = 1,111,122 h.
    expect(read(workbook([79], VALUES))).toEqual([["1111122:00:00", "09:30:00", "27:30:00"]]);
  });
});

/**
 * What Calc, run in `locale`, shows for each cell (tab-separated "as shown"), as a kind: a day (d/m/y or d-m-y, 年月日
 * or a Thai month name; a date-time too, which pmokit reads as its day), a time (with : or 时/時), else a number
 * (46296, 46,296.00, 4629600%). Thai digits (U+0E50–U+0E59) count as digits.
 */
function calcKinds(bytes: Uint8Array, locale: string): string[][] {
  const dir = mkdtempSync(join(tmpdir(), "pmokit-locale-"));
  writeFileSync(join(dir, "book.xlsx"), bytes);
  const env = { ...process.env, LC_ALL: `${locale}.UTF-8`, LANG: `${locale}.UTF-8` };
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,true", "--outdir", dir, join(dir, "book.xlsx")], { stdio: "ignore", timeout: 180_000, env });
  const text = readFileSync(join(dir, "book.csv"), "utf8").replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  return text.trim().split(/\r?\n/).map((l) => l.split("\t").map((c) => (/[年月日\u0e01-\u0e4f]|\d+[/-]\d+[/-]\d+/.test(c) ? "date" : /[:时時]/.test(c) ? "time" : "number")));
}

const ourKinds = (rows: string[][]) => rows.map((r) => r.map((c) => (/^\d+:\d\d:\d\d$/.test(c) ? "time" : /^\d{4}-\d\d-\d\d$/.test(c) ? "date" : "number")));

describe.skipIf(!hasSoffice())("against LibreOffice Calc run in each locale", () => {
  // Calc reads a built-in id by the locale it runs in (its own tables of §18.8.30): an independent reading of the
  // standard's per-locale lists. Only 46296.75 is compared (a serial with a day, which both kinds show).
  it.each([
    ["ja_JP", "ja-JP"],
    ["ko_KR", "ko-KR"],
    ["zh_CN", "zh-CN"],
    ["zh_TW", "zh-TW"],
  ] as const)("%s shows 34, 35, 52, 53, 55, 56 as pmokit reads them with formatLocale %s", (calcLocale, formatLocale) => {
    const bytes = workbook([34, 35, 52, 53, 55, 56], ["46296.75"]);
    expect(ourKinds(read(bytes, { formatLocale }))).toEqual(calcKinds(bytes, calcLocale));
  }, 200_000);

  it("th_TH shows 59–81 as pmokit reads them", () => {
    const ids = [59, 60, 61, 62, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81];
    const bytes = workbook(ids, ["46296"]);
    // An integer serial, so a Thai fraction format (t# ?/?) shows no fraction that could pass for a date.
    expect(ourKinds(read(bytes))).toEqual(calcKinds(bytes, "th_TH"));
  }, 200_000);
});
