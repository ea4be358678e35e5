import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { importXlsxWorkbook } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";

/** Two cost sheets "Q1" and "Q2", one row each: cost `id` with `amount`. */
function workbook(q1: [string, string], q2: [string, string]): Uint8Array {
  const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const sheet = ([id, amount]: [string, string]) => {
    const header = ["id", "projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"].map((t, i) => text(`${"ABCDEFG"[i]}1`, t)).join("");
    const row = [id, "PRJ-CRM", "2026-10-01", amount, "EUR", "labour", "opex"].map((t, i) => text(`${"ABCDEFG"[i]}2`, t)).join("");
    return strToU8(`<worksheet><sheetData><row r="1">${header}</row><row r="2">${row}</row></sheetData></worksheet>`);
  };
  return zipSync({
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Q1" sheetId="1" r:id="rId1"/><sheet name="Q2" sheetId="2" r:id="rId2"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": sheet(q1),
    "xl/worksheets/sheet2.xml": sheet(q2),
  });
}

const sheets = { Q1: { kind: "cost-entry" as const }, Q2: { kind: "cost-entry" as const } };

describe("XLSX workbook: one id on two sheets of one kind", () => {
  // Before: both CE-1 records were returned (100.00 and 999.00); stored by id, one silently replaced the other. The
  // same id twice on one sheet was already refused ("already used on line 2"); across sheets it now is too.
  it("is refused at the second sheet's row, naming the first", () => {
    let error: unknown;
    try {
      importXlsxWorkbook(workbook(["CE-1", "100.00"], ["CE-1", "999.00"]), { sheets, importedAt: IMPORTED_AT });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((i) => i.path)).toEqual([["Q2", 2, "id"]]);
    expect(issues[0]!.message).toBe('id CE-1 is already used on sheet "Q1" line 2');
  });

  it("different ids, and generated ids, still read", () => {
    const ok = importXlsxWorkbook(workbook(["CE-1", "100.00"], ["CE-2", "999.00"]), { sheets, importedAt: IMPORTED_AT });
    expect(ok.records["cost-entry"]?.map((c) => [c.id, c.amount.amount.toFixed(2)])).toEqual([["CE-1", "100.00"], ["CE-2", "999.00"]]);
  });
});
