import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { csvProblems, importXlsx, readXlsx } from "../../src/io/index.js";
import { hasSoffice } from "../support/soffice.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

const soffice = hasSoffice();

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

describe("XLSX ISO 8601 date cells (t=\"d\")", () => {
  // openpyxl (iso_dates=True), SheetJS (cellDates) and others write a date as t="d" with ISO 8601 text instead of a
  // serial. Before: returned as the raw text ("2026-10-01T18:00:00"), which a date field refuses. After: read like a
  // date-formatted serial cell — the calendar day, a date-time giving its day, the time rounded to the millisecond
  // first (23:59:59.9999 is the next day's midnight, as 45292.99999999999 is), the day as written whatever the offset.
  const dates = ["2026-10-01", "2026-10-01T18:00:00", "2026-10-01T18:00:00.000Z", "2023-12-31T23:59:59.9999", "2023-12-31T23:59:59.999", "2026-10-01T01:00:00+02:00", "1850-06-01", "2024-02-29T00:00"];

  it("reads each as the calendar day (date-only, date-time, near midnight)", () => {
    expect(cellsOf(workbook(dates))).toEqual(["2026-10-01", "2026-10-01", "2026-10-01", "2024-01-01", "2023-12-31", "2026-10-01", "1850-06-01", "2024-02-29"]);
  });

  it("imports a t=\"d\" date into a cost entry's date", () => {
    const got = importXlsx("cost-entry", workbook(["2026-10-01T00:00:00"]), { importedAt: IMPORTED_AT });
    expect(got.records.map((r) => r.date)).toEqual(["2026-10-01"]);
  });

  it("keeps a value that is no calendar day as its text, so a date field refuses it with its cell", () => {
    // 2026-02-30 is no day (Date.UTC would roll it to 2026-03-02); 12:00:00 is a time of day without one.
    const bytes = workbook(["2026-02-30", "12:00:00", "soon"]);
    expect(cellsOf(bytes)).toEqual(["2026-02-30", "12:00:00", "soon"]);
    expect(csvProblems(validationErrorOf(() => importXlsx("cost-entry", bytes, { importedAt: IMPORTED_AT }))).map((p) => [p.row, p.column])).toEqual([[2, "date"], [3, "date"], [4, "date"]]);
  });

  it.skipIf(!soffice)("LibreOffice Calc shows the same days", () => {
    const dir = mkdtempSync(join(tmpdir(), "pmokit-tdate-"));
    try {
      writeFileSync(join(dir, "book.xlsx"), workbook(dates.slice(0, 2)));
      execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false", "--outdir", dir, join(dir, "book.xlsx")], { stdio: "ignore", timeout: 120_000 });
      const shown = readFileSync(join(dir, "book.csv"), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",")[1]);
      expect(shown).toEqual(["2026-10-01", "2026-10-01"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
