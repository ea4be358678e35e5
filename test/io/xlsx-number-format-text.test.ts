import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importXlsx, importXlsxWorkbook, readXlsx } from "../../src/io/index.js";

const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;

/**
 * A cost-entry sheet: sourceRef (a text field) and amount.amount (a decimal) in B and C, both number cells with the
 * style `style` — custom format 164 `code` — or 0 (General).
 */
function book(code: string, ref: string, amount: string, styleRef = 1, styleAmount = 1): Uint8Array {
  const head = `<row r="1">${text("A1", "id")}${text("B1", "sourceRef")}${text("C1", "amount.amount")}</row>`;
  const body = `<row r="2">${text("A2", "c1")}<c r="B2" s="${styleRef}"><v>${ref}</v></c><c r="C2" s="${styleAmount}"><v>${amount}</v></c></row>`;
  return zipSync({
    "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/styles.xml": strToU8(`<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="${code.replace(/"/g, "&quot;")}"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="1" applyNumberFormat="1"/></cellXfs></styleSheet>`),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${head}${body}</sheetData></worksheet>`),
  });
}

const options = { importedAt: "2026-11-25T12:00:00.000Z", defaults: { projectId: "PRJ-1", date: "2026-10-01", "amount.currency": "EUR", category: "labour", expenditure: "opex" } };

// Excel shows a number through its format: 42 with `"INV-"0000` is the invoice INV-0042, 123 with `000000` the
// code 000123. A text field takes the stored number (42, 123), which is another value than the one the sheet shows.
// Before: read as "42" with no word. After: still the stored number (pmokit does not render Excel formats), with a
// warning naming the cell and the format, so the wrong reference is not stored unseen.
describe("number cells in a text field, shown through a number format", () => {
  it.each([
    ['"INV-"0000', "42"],
    ["000000", "123"],
    ["0.00", "7"],
    ["0%", "0.25"],
  ])("a %s-formatted %s is read with a warning", (code, value) => {
    const { records, report } = importXlsx("cost-entry", book(code, value, "10"), options);
    expect(records[0]?.sourceRef).toBe(value);
    expect(report.warnings).toEqual([
      { path: "[2].sourceRef", code: "number-format-not-applied", message: `the number ${value} is shown with the format ${code} in the workbook, but a text field takes the stored number ${value} (format the column as Text to keep what the sheet shows)` },
    ]);
  });

  it("no warning for a decimal field, General, 0, or a number cell that is no text field", () => {
    // C: amount.amount, a decimal field: the format shows, the number is the value (10 with 0.00 = 10.00).
    expect(importXlsx("cost-entry", book("0.00", "42", "10", 0, 1), options).report.warnings).toEqual([]);
    expect(importXlsx("cost-entry", book("0.00", "42", "10", 2, 1), options).report.warnings).toEqual([]);
  });

  it("importXlsxWorkbook warns too, naming the sheet", () => {
    const { defaults } = options;
    const { report } = importXlsxWorkbook(book("000000", "123", "10"), { sheets: { S: { kind: "cost-entry", defaults } }, importedAt: options.importedAt });
    expect(report.warnings.map((w) => [w.path, w.code])).toEqual([["S: [2].sourceRef", "number-format-not-applied"]]);
  });

  it("readXlsx lists the cells whose format is more than the plain number", () => {
    const sheet = readXlsx(book('"INV-"0000', "42", "10")).sheets[0]!;
    expect(sheet.formatted).toEqual([
      { line: 2, column: 1, format: '"INV-"0000' },
      { line: 2, column: 2, format: '"INV-"0000' },
    ]);
  });
});
