import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importXlsx, readXlsx } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";

/** Two cost sheets: "Old" (with `state`, e.g. hidden) first in the workbook, then "Costs"; each with one row. */
function workbook(state: string | undefined): Uint8Array {
  const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const sheet = (amount: string) => {
    const header = ["projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"].map((t, i) => text(`${"ABCDEF"[i]}1`, t)).join("");
    const row = ["PRJ-CRM", "2026-10-01", amount, "EUR", "labour", "opex"].map((t, i) => text(`${"ABCDEF"[i]}2`, t)).join("");
    return strToU8(`<worksheet><sheetData><row r="1">${header}</row><row r="2">${row}</row></sheetData></worksheet>`);
  };
  return zipSync({
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Old" sheetId="1"${state === undefined ? "" : ` state="${state}"`} r:id="rId1"/><sheet name="Costs" sheetId="2" r:id="rId2"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": sheet("999.00"),
    "xl/worksheets/sheet2.xml": sheet("12.50"),
  });
}

describe("XLSX hidden sheets", () => {
  // Excel opens on the first *visible* tab; a hidden (or very hidden) sheet before it is what the user never sees —
  // often an old copy of the same table. Before: importXlsx's default "first sheet" took the hidden one, so its stale
  // 999.00 was imported without a word. Expected: the first visible sheet's 12.50; readXlsx says which are hidden.
  it.each(["hidden", "veryHidden"])("the default sheet is the first visible one, not a %s one", (state) => {
    const bytes = workbook(state);
    expect(importXlsx("cost-entry", bytes, { importedAt: IMPORTED_AT }).records.map((r) => r.amount.amount.toFixed(2))).toEqual(["12.50"]);
    expect(readXlsx(bytes).sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([["Old", true], ["Costs", false]]);
    // Named, a hidden sheet is still read.
    expect(importXlsx("cost-entry", bytes, { importedAt: IMPORTED_AT, sheet: "Old" }).records.map((r) => r.amount.amount.toFixed(2))).toEqual(["999.00"]);
  });

  it("a visible first sheet is still the default", () => {
    expect(importXlsx("cost-entry", workbook(undefined), { importedAt: IMPORTED_AT }).records.map((r) => r.amount.amount.toFixed(2))).toEqual(["999.00"]);
    expect(importXlsx("cost-entry", workbook("visible"), { importedAt: IMPORTED_AT }).records.map((r) => r.amount.amount.toFixed(2))).toEqual(["999.00"]);
  });
});
