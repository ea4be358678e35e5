import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/index.js";

/** A one-sheet workbook whose sheetData is `rows` (no shared strings, no styles). */
function workbook(rows: string): Uint8Array {
  return zipSync({
    "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
  });
}

describe("XLSX inline strings: only the text runs count", () => {
  // An inline string (t="inlineStr") is the text of its <t> elements (ECMA-376 §18.3.1.53, §18.4.12): the
  // whitespace a pretty-printing writer puts between <r> runs, and a phonetic reading (<rPh>, Japanese furigana), are
  // no part of it — the shared-string reader already skipped both. Before: the sheet reader took every character
  // after the first <t>, so "ab" read as "a\n      b" and 漢字 with its reading as "漢字かんじ".
  it("leaves out whitespace between runs and phonetic runs", () => {
    const rows = `<row r="1">
      <c r="A1" t="inlineStr"><is>
        <r><t>a</t></r>
        <r><rPr><b/></rPr><t xml:space="preserve"> b </t></r>
      </is></c>
      <c r="B1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c>
      <c r="C1"><v>12.5</v>
      </c>
    </row>`;
    expect(readXlsx(workbook(rows)).sheets[0]!.rows[0]!.cells).toEqual(["a b ", "漢字", "12.5"]);
  });

  it("numbers a row without r after an empty row without r by its place in the sheet", () => {
    // Rows may leave out r (§18.3.1.73: then it is the next row). Before: the empty row 2 was not counted, so the
    // third row was reported as line 2 — problems then named the wrong row.
    const rows = '<row r="1"><c t="inlineStr"><is><t>x</t></is></c></row><row><c/></row><row><c t="inlineStr"><is><t>y</t></is></c></row>';
    expect(readXlsx(workbook(rows)).sheets[0]!.rows.map((r) => [r.line, r.cells[0]])).toEqual([[1, "x"], [3, "y"]]);
  });
});

describe("XLSX sheet names are ST_Xstring too", () => {
  // The name attribute is an ST_Xstring (ECMA-376 CT_Sheet): LibreOffice shows a sheet named "S_x0041_" as "SA"
  // (checked with soffice 24, see test/reports/xlsx-xstring.test.ts), and an escaping writer puts a literal "_x0041_"
  // as "_x005F_x0041_". Before:
  // readXlsx kept the escapes, so `sheet: "SA"` (the name a user sees) was "no sheet". After: decoded.
  it("decodes the _xHHHH_ escapes of a sheet's name", () => {
    const bytes = zipSync({
      "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S_x0041_" sheetId="1" r:id="rId1"/><sheet name="T_x005F_x0041_" sheetId="2" r:id="rId2"/></sheets></workbook>'),
      "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>'),
      "xl/worksheets/sheet1.xml": strToU8('<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>'),
      "xl/worksheets/sheet2.xml": strToU8('<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>b</t></is></c></row></sheetData></worksheet>'),
    });
    expect(readXlsx(bytes).sheets.map((s) => s.name)).toEqual(["SA", "T_x0041_"]);
    expect(readXlsx(bytes, { sheets: ["T_x0041_"] }).sheets.map((s) => s.rows[0]!.cells[0])).toEqual(["b"]);
  });
});
