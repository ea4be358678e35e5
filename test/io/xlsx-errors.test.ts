import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { csvProblems, importXlsx, importXlsxWorkbook, readXlsx } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

/** A minimal workbook: one sheet "Costs" whose rows are given as inline-string / number / error cells. */
function workbook(rows: readonly (readonly (string | number | { error: string })[])[]): Uint8Array {
  const cell = (v: string | number | { error: string }, ref: string) =>
    typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>`
    : typeof v === "string" ? `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`
    : `<c r="${ref}" t="e"><f>VLOOKUP(A2,Projects!A:B,2,FALSE)</f><v>${v.error}</v></c>`;
  const sheet = `<worksheet><sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(v, `${String.fromCharCode(65 + c)}${i + 1}`)).join("")}</row>`).join("")}</sheetData></worksheet>`;
  return zipSync({
    "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
  }, { level: 1 });
}

const HEADER = ["projectId", "date", "amount.amount", "amount.currency", "category", "expenditure", "description"];

describe("XLSX error cells", () => {
  // A formula that failed (`t="e"`: #N/A from a VLOOKUP that found nothing, #REF!, #DIV/0!) has no value: its cached
  // text is Excel's error code. Before: "#N/A" was imported as the project id, or "#DIV/0!" as the description — a
  // record that looks valid. Expected: the row is refused at [row, column], naming the error.
  it("refuses a row whose cell holds a formula error, at its row and column", () => {
    const bytes = workbook([
      HEADER,
      [{ error: "#N/A" }, "2026-10-01", "12.50", "EUR", "labour", "opex", "ok"],
      ["PRJ-CRM", "2026-10-02", "1.00", "EUR", "labour", "opex", { error: "#DIV/0!" }],
      ["PRJ-CRM", "2026-10-03", 3, "EUR", "labour", "opex", "fine"],
    ]);
    const e = validationErrorOf(() => importXlsx("cost-entry", bytes, { importedAt: IMPORTED_AT }));
    expect(csvProblems(e)).toEqual([
      { row: 2, column: "projectId", message: "the cell shows the formula error #N/A: it has no value" },
      { row: 3, column: "description", message: "the cell shows the formula error #DIV/0!: it has no value" },
    ]);
    const all = validationErrorOf(() => importXlsxWorkbook(bytes, { sheets: { Costs: { kind: "cost-entry" } }, importedAt: IMPORTED_AT }));
    expect(all.issues.map((i) => i.path)).toEqual([["Costs", 2, "projectId"], ["Costs", 3, "description"]]);
  });

  it("readXlsx lists the error cells beside the text cells; a sheet without errors imports as before", () => {
    const bytes = workbook([HEADER, ["PRJ-CRM", "2026-10-01", 12.5, "EUR", "labour", "opex", { error: "#REF!" }]]);
    expect(readXlsx(bytes).sheets[0]!.errors).toEqual([{ line: 2, column: 6, error: "#REF!" }]);
    const clean = workbook([HEADER, ["PRJ-CRM", "2026-10-01", 12.5, "EUR", "labour", "opex", "ok"]]);
    expect(readXlsx(clean).sheets[0]!.errors).toEqual([]);
    expect(importXlsx("cost-entry", clean, { importedAt: IMPORTED_AT }).records.map((r) => [r.projectId, r.amount.amount.toFixed(2)])).toEqual([["PRJ-CRM", "12.50"]]);
  });
});
