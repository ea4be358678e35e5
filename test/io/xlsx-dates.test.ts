import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importXlsx, readXlsx } from "../../src/io/index.js";
import { hasSoffice } from "../support/soffice.js";
import { IMPORTED_AT } from "./fixtures.js";

const soffice = hasSoffice();

async function bookBytes(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The sheet as LibreOffice Calc shows it, through `soffice --convert-to csv` (the independent reader). */
function calcCsv(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "pmokit-xlsx-"));
  writeFileSync(join(dir, "book.xlsx"), bytes);
  execFileSync("soffice", ["--headless", "--convert-to", "csv", "--outdir", dir, join(dir, "book.xlsx")], { stdio: "ignore", timeout: 120_000 });
  return readFileSync(join(dir, "book.csv"), "utf8");
}

describe("XLSX date cells", () => {
  // A workbook in the 1904 date system (Excel for Mac's, `<workbookPr date1904="1"/>`) counts serials from
  // 1904-01-01: 2026-10-01 is serial 44834 there (it is 46296 in the 1900 system: 46296 − 1462 = 44834).
  // Before: read as 1899-12-30 + 44834 days = 2022-09-30, four years and a day early.
  const build1904 = (book: ExcelJS.Workbook) => {
    book.properties.date1904 = true;
    const ws = book.addWorksheet("Costs");
    ws.addRow(["projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"]);
    ws.addRow(["PRJ-CRM", new Date(Date.UTC(2026, 9, 1)), "12.50", "EUR", "labour", "opex"]);
    ws.addRow(["PRJ-CRM", new Date(Date.UTC(1904, 0, 1)), "1", "EUR", "labour", "opex"]);
  };

  it("reads a 1904-date-system workbook's dates on the right day", async () => {
    const bytes = await bookBytes(build1904);
    expect(readXlsx(bytes).sheets[0]!.rows.map((r) => r.cells[1])).toEqual(["date", "2026-10-01", "1904-01-01"]);
    expect(importXlsx("cost-entry", bytes, { importedAt: IMPORTED_AT }).records.map((r) => r.date)).toEqual(["2026-10-01", "1904-01-01"]);
  });

  it.skipIf(!soffice)("LibreOffice Calc shows the same days as pmokit reads (1904 system)", async () => {
    const bytes = await bookBytes(build1904);
    const shown = calcCsv(bytes).trim().split(/\r?\n/).slice(1).map((l) => l.split(",")[1]!);
    // Calc writes the date in the cell's US format (numFmt 14: MM/DD/YYYY).
    const iso = shown.map((s) => s.replace(/^(\d\d)\/(\d\d)\/(\d{4})$/, "$3-$1-$2"));
    expect(readXlsx(bytes).sheets[0]!.rows.slice(1).map((r) => r.cells[1])).toEqual(iso);
  });
});
