import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { decodeEntity } from "../../src/entities/index.js";
import { exportXlsx, importXlsxWorkbook, readXlsx } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { hasSoffice } from "../support/soffice.js";
import { IMPORTED_AT } from "./fixtures.js";

const soffice = hasSoffice();

/** A one-sheet workbook: `cells` is the row 1 XML, `strings` the shared-string items; style 1 is yyyy-mm-dd. */
function workbook(cells: string, strings: readonly string[] = []): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
    "_rels/.rels": strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": strToU8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
    "xl/styles.xml": strToU8('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>'),
    "xl/sharedStrings.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si>${s}</si>`).join("")}</sst>`),
    "xl/worksheets/sheet1.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`),
  });
}

/** Row 1 as LibreOffice Calc reads it (`soffice --convert-to csv`, UTF-8, every cell quoted). */
function calcRow(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "pmokit-xlsx-"));
  writeFileSync(join(dir, "book.xlsx"), bytes);
  execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false", "--outdir", dir, join(dir, "book.xlsx")], { stdio: "ignore", timeout: 120_000 });
  return readFileSync(join(dir, "book.csv"), "utf8");
}

describe("XLSX date serials: float noise before midnight", () => {
  // A date-time computed in floating point can be stored a hair below midnight: 45292.99999999999 is 2024-01-02
  // 00:00 less 0.86 µs. Excel keeps times to the millisecond, and Calc and SheetJS show it as 2024-01-02. Before:
  // floored to 2024-01-01, a day early. After: the serial is rounded to the millisecond first. A real 23:59:59.991
  // (45292.9999999, 8.64 ms before midnight) stays 2024-01-01.
  const noisy = workbook('<c r="A1" s="1"><v>45292.99999999999</v></c><c r="B1" s="1"><v>45293.000000000007</v></c><c r="C1" s="1"><v>45292.9999999</v></c>');

  it("reads the day the serial rounds to at millisecond precision", () => {
    expect(readXlsx(noisy).sheets[0]!.rows[0]!.cells).toEqual(["2024-01-02", "2024-01-02", "2024-01-01"]);
  });

  it.skipIf(!soffice)("Calc shows the same day for the noisy midnights", () => {
    // Calc writes the raw values (not as shown): each noisy serial is 2024-01-02 00:00:00. (Calc rounds to the
    // second, so it shows 23:59:59.991 as the next day as well; Excel and SheetJS keep it on 2024-01-01.)
    const [a, b] = calcRow(noisy).split(",");
    expect([a, b]).toEqual(["2024-01-02 00:00:00", "2024-01-02 00:00:00"]);
  });
});

describe("XLSX strings: the _xHHHH_ escape of ECMA-376 (ST_Xstring)", () => {
  // Excel writes a character XML cannot carry, or would change, as _xHHHH_ (a carriage return is _x000D_: XML turns a
  // raw CR into LF) and a literal "_x" that would read as one as _x005F_x. Before: the reader kept the escapes as
  // text ("a_x000D_b"); after: decoded as Excel and Calc read them.
  const book = workbook('<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>x_x0009_y</t></is></c><c r="D1" t="s"><v>2</v></c>', ["<t>a_x000D_b</t>", "<t>_x005F_x0041_</t>", "<r><t>ri</t></r><r><rPr><b/></rPr><t>ch_x0009_</t></r>"]);

  it("decodes _x000D_, _x0009_ and _x005F_ in shared and inline strings, rich-text runs too", () => {
    expect(readXlsx(book).sheets[0]!.rows[0]!.cells).toEqual(["a\rb", "_x0041_", "x\ty", "rich\t"]);
  });

  it.skipIf(!soffice)("Calc reads the same texts", () => {
    expect(calcRow(book).replace(/\n$/, "")).toBe('"a\rb","_x0041_","x\ty","rich\t"');
  });

  it("exportXlsx writes text with a CR or an _xHHHH_ look-alike so it reads back as written (Calc and pmokit)", async () => {
    // Before: exceljs wrote "Fix\r\nlogin" raw, XML read it back as "Fix\nlogin"; "_x0041_" came back "A" in Excel.
    const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
    const entry = decodeEntity("cost-entry", { ...base, id: "ce-x", description: "Fix\r\nlogin _x0041_ _x005F_" });
    const bytes = await exportXlsx({ "cost-entry": [entry] });
    const back = importXlsxWorkbook(bytes, { sheets: { "cost-entry": { kind: "cost-entry" } }, importedAt: IMPORTED_AT }).records["cost-entry"]![0]!;
    expect(back.description).toBe("Fix\r\nlogin _x0041_ _x005F_");
    // Calc keeps the escaped look-alikes as written too (its cells hold line breaks as LF, so it shows CRLF as LF).
    if (soffice) expect(calcRow(bytes)).toContain("Fix\nlogin _x0041_ _x005F_");
  });
});
