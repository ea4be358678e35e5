import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/index.js";
import { numberFormatKind } from "../../src/io/xlsx/number-format.js";
import { hasSoffice } from "../support/soffice.js";

/** Row i holds 46296.75 (2026-10-01 18:00) in column A with the custom number format `codes[i]`. */
function workbook(codes: readonly string[], value = "46296.75"): Uint8Array {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const fmts = codes.map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(c)}"/>`).join("");
  const rows = codes.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${i + 1}"><v>${value}</v></c></row>`).join("");
  return zipSync({
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
    "_rels/.rels": strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
    "xl/styles.xml": strToU8(`<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${codes.length}">${fmts}</numFmts><cellXfs count="${codes.length + 1}"><xf numFmtId="0"/>${codes.map((_, i) => `<xf numFmtId="${164 + i}" applyNumberFormat="1"/>`).join("")}</cellXfs></styleSheet>`),
    "xl/worksheets/sheet1.xml": strToU8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`),
  });
}

const cells = (bytes: Uint8Array) => readXlsx(bytes).sheets[0]!.rows.map((r) => r.cells[0]);

// Excel's date codes besides y/m/d (SheetJS ssf 0.11.2 `SSF.is_date` is true for each; `SSF.format(code, 46296.75)`
// in the comment): `b`/`bb`/`bbbb` the Buddhist-era year, the Gregorian year + 543 ("bbbb" → "2569", "bb" → "69");
// `e`/`ee` the year of the era ("e" → "2026"), `g`/`gg`/`ggg` the era's name; `B1` and `B2` calendar prefixes
// (Gregorian, Hijri: "B2dd/mm/yyyy" → "01/10/1445", ssf's Hijri year 2026 − 581). The `[$-…]` locale prefix's
// high bytes name the calendar ([$-1070000], [$-D07041E]: 07, the Thai Buddhist calendar) and digits (D0: Thai).
// Whatever the calendar shows, the serial is the same day: pmokit reads it as the Gregorian ISO date, never the era's
// year (2569-10-01 would be 543 years off).
describe("Thai and era date formats read as dates", () => {
  // Before: each stayed its number, "46296.75". After: the day the serial is, 2026-10-01.
  it.each([
    ["bbbb"],
    ["bb"],
    ["[$-1070000]bbbb"],
    ["[$-th-TH]bbbb"],
    ["e"],
    ["[$-th-TH]ee"],
    ["ggge"],
    ["B2"],
    ["[$-D07041E]ว/ด/ปปปป"],
    ["ว/ด/ปปปป"],
    ["[$-th-TH]ว/ด/ปปปป ช:นน"],
  ])("%s", (code) => {
    expect(cells(workbook([code]))).toEqual(["2026-10-01"]);
  });

  // These were dates already; kept so (the day, not the Buddhist-era year the format shows).
  it.each([["[$-1070000]d/m/yyyy;@"], ["[$-D07041E]d/mm/yyyy"], ["[$-107041E]dd mmm yyyy"], ["B2dd/mm/yyyy"], ["B1dd/mm/yyyy"], ["d/m/bb"], ["tdd/mm/yyyy"]])("%s", (code) => {
    expect(cells(workbook([code]))).toEqual(["2026-10-01"]);
  });

  it("Thai time codes: ช hours, น minutes, ท seconds; in brackets an elapsed count (ECMA-376 §18.8.30 ids 75–80)", () => {
    // Before: "46296.75" each. 46296.75 d × 24 = 1,111,122 h.
    expect(cells(workbook(["ช:นน", "นน:ทท", "[ช]:นน:ทท", "[$-D07041E]ช:นน:ทท"]))).toEqual(["18:00:00", "18:00:00", "1111122:00:00", "18:00:00"]);
  });

  it("numbers stay numbers: General, an exponent, Thai digits (t), a calendar-less locale", () => {
    for (const code of ["General", "0.00E+00", "##0.0e-0", "t0", "t#,##0.00", "[$-D000000]t0", "[$-th-TH]#,##0.00", "0%", "General;[Red]-General"]) {
      expect([code, numberFormatKind(code)]).toEqual([code, "number"]);
    }
  });
});

describe.skipIf(!hasSoffice())("against LibreOffice Calc", () => {
  // Calc shows a Thai-calendar format's year in the Buddhist era (and Thai digits for D0): the day pmokit reads is
  // that day, its year 543 less. Calc does not know b/e/B1/B2 or Thai-letter codes (it shows them as literal text),
  // so only the [$-…07…] formats are compared.
  it("the Buddhist-era year Calc shows is pmokit's year + 543, the same day and month", () => {
    const codes = ["[$-1070000]d/m/yyyy;@", "[$-D07041E]d/mm/yyyy", "[$-1070000]dd/mm/yyyy"];
    const bytes = workbook(codes);
    const dir = mkdtempSync(join(tmpdir(), "pmokit-thai-"));
    writeFileSync(join(dir, "book.xlsx"), bytes);
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,true", "--outdir", dir, join(dir, "book.xlsx")], { stdio: "ignore", timeout: 180_000 });
    const shown = readFileSync(join(dir, "book.csv"), "utf8").replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).trim().split(/\r?\n/);
    expect(shown).toEqual(["1/10/2569", "1/10/2569", "01/10/2569"]);
    const asGregorian = shown.map((s) => s.split("/").map(Number)).map(([d, m, y]) => `${y! - 543}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    expect(cells(bytes)).toEqual(asGregorian);
  }, 200_000);
});

describe("a B1/B2 calendar prefix before a time", () => {
  it("is a time of day, not a date", () => {
    expect([numberFormatKind("B1h:mm"), numberFormatKind("B2[h]:mm"), numberFormatKind("B2")]).toEqual(["time", "elapsed", "date"]);
  });
});
