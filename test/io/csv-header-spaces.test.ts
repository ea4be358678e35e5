import { describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { importCsv, importXlsx } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";

// A hand-made header often carries a stray space ("Invoice ", " Booked") or, pasted from a CSV opened as text, a
// byte order mark. An unmapped header was already trimmed before it became a field path; a mapping key was compared
// to the raw header. Before: the CSV `Invoice ` with mapping { Invoice: "sourceRef" } was refused on every row
// ("Unrecognized key: \"Invoice\""), while the same table as a workbook (whose header cells are trimmed) imported —
// one table, two answers. After: a mapping key matches the header as written or trimmed, in both.
const HEAD = ["id", "projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"];
const ROW = ["c1", "PRJ-CRM", "2026-10-01", "12.50", "EUR", "labour", "opex"];
const mapping = { Invoice: "sourceRef", Booked: "description" };

function book(header: readonly string[], row: readonly string[]): Uint8Array {
  const cells = (r: number, values: readonly string[]) => values.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t xml:space="preserve">${v}</t></is></c>`).join("");
  return zipSync({
    "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData><row r="1">${cells(1, header)}</row><row r="2">${cells(2, row)}</row></sheetData></worksheet>`),
  });
}

describe("mapping keys match a header with edge spaces", () => {
  it.each([
    ["trailing space", "Invoice ", " Booked"],
    ["byte order mark", "\ufeffInvoice", "Booked\u00a0"],
  ])("%s: the CSV reads as the workbook does", (_name, invoice, booked) => {
    const header = [...HEAD, invoice, booked];
    const row = [...ROW, "INV-1", "week 40"];
    const csv = `${header.join(";")}\n${row.join(";")}\n`;
    const fromCsv = importCsv("cost-entry", csv, { importedAt: IMPORTED_AT, delimiter: ";", mapping }).records;
    expect(fromCsv.map((r) => [r.sourceRef, r.description])).toEqual([["INV-1", "week 40"]]);
    const fromXlsx = importXlsx("cost-entry", book(header, row), { importedAt: IMPORTED_AT, mapping }).records;
    expect(fromXlsx).toEqual(fromCsv);
  });

  it("a key written with the space still matches exactly, and wins over the trimmed one", () => {
    const csv = `${[...HEAD, "Invoice "].join(";")}\n${[...ROW, "INV-1"].join(";")}\n`;
    const records = importCsv("cost-entry", csv, { importedAt: IMPORTED_AT, delimiter: ";", mapping: { "Invoice ": "sourceRef", Invoice: "description" } }).records;
    expect(records.map((r) => [r.sourceRef, r.description])).toEqual([["INV-1", undefined]]);
  });
});
