import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { decodeEntity, encodeEntity } from "../../src/entities/index.js";
import { exportCsv, importCsv, importXlsx, readXlsx } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
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

/** A CSV converted to `.xlsx` by LibreOffice Calc (it types numbers and ISO dates as number and date cells). */
function calcXlsx(csv: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "pmokit-csv-"));
  writeFileSync(join(dir, "costs.csv"), csv);
  execFileSync("soffice", ["--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", dir, join(dir, "costs.csv")], { stdio: "ignore", timeout: 120_000 });
  return new Uint8Array(readFileSync(join(dir, "costs.xlsx")));
}

describe("XLSX date cells", () => {
  it.skipIf(!soffice)("a workbook Calc made from a pmokit CSV imports to the same records as the CSV", () => {
    // Calc types the cells (12990.65 a number, 2024-02-29 a date); pmokit must read the same amounts and days,
    // including a leap day, a day before 1970, a negative amount and text with commas, quotes and non-ASCII.
    const office = loadSampleOffice();
    const base = office["cost-entry"][0] as Record<string, unknown>;
    const entries = [
      ...office["cost-entry"].slice(0, 5).map((w) => decodeEntity("cost-entry", w)),
      decodeEntity("cost-entry", { ...base, id: "ce-leap", date: "2024-02-29", amount: { amount: "-0.10", currency: "EUR" }, description: 'Credit, "rounding"' }),
      decodeEntity("cost-entry", { ...base, id: "ce-1969", date: "1969-12-31", amount: { amount: "1234567890.12", currency: "EUR" }, description: "Zürich – Straße 😀" }),
    ];
    const csv = exportCsv("cost-entry", entries);
    const key = (r: unknown) => {
      const { version: _v, createdAt: _c, updatedAt: _u, ...rest } = encodeEntity("cost-entry", r as never) as Record<string, unknown>;
      return rest;
    };
    const fromCsv = importCsv("cost-entry", csv, { importedAt: IMPORTED_AT }).records.map(key);
    const fromCalc = importXlsx("cost-entry", calcXlsx(csv), { importedAt: IMPORTED_AT }).records.map(key);
    expect(fromCalc).toEqual(fromCsv);
    expect(fromCalc.map((r) => [r["date"], (r["amount"] as { amount: string }).amount])).toContainEqual(["2024-02-29", "-0.10"]);
  });

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
