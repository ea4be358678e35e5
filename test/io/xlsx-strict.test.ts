import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const STYLES = '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>';

/** A one-sheet workbook (xl/workbook.xml, no /_rels/.rels): `rels` are the workbook's extra relationships, `parts` extra or replaced parts. */
function book(sheetData: string, opts: { rels?: string; parts?: Record<string, string | undefined> } = {}): Uint8Array {
  const parts: Record<string, string | undefined> = {
    "xl/workbook.xml": `<workbook xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${opts.rels ?? ""}</Relationships>`,
    "xl/worksheets/sheet1.xml": `<worksheet><sheetData>${sheetData}</sheetData></worksheet>`,
    ...opts.parts,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined).map(([k, v]) => [k, strToU8(v!)])));
}
const message = (bytes: Uint8Array) => validationErrorOf(() => readXlsx(bytes)).issues[0]!.message;
const cells = (bytes: Uint8Array) => readXlsx(bytes).sheets[0]!.rows.map((r) => r.cells);

// Before, readXlsx fell back where a fallback hides data: a styles part the workbook names but the archive lacks was read
// as "no styles" (every date cell became its serial number: 46296 for 2026-10-01), a cell reference it could not read
// (`a1`, `1A`) put the value at column -1 where nothing saw it, a second cell at the same place replaced the first, an
// empty shared-string cell (`<c t="s"/>`) read as shared string 0, a boolean other than 0/1 read as false, and an unknown
// cell type was taken as text. After: each is refused with what is wrong, or (the empty cell) read as empty.
describe("readXlsx refuses malformed workbooks instead of falling back", () => {
  const date = '<row r="1"><c r="A1" s="1"><v>46296</v></c></row>';
  const stylesRel = `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>`;

  it("reads the date cell with its styles (the control)", () => {
    expect(cells(book(date, { rels: stylesRel, parts: { "xl/styles.xml": STYLES } }))).toEqual([["2026-10-01"]]);
  });

  it("refuses a styles or shared-strings part the workbook names but the archive lacks", () => {
    expect(message(book(date, { rels: stylesRel }))).toBe("xl/styles.xml (styles, named in xl/_rels/workbook.xml.rels) is missing from the archive");
    const strings = `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
    expect(message(book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { rels: strings }))).toBe("xl/sharedStrings.xml (shared strings, named in xl/_rels/workbook.xml.rels) is missing from the archive");
  });

  it("refuses a workbook without its relationship part, naming it", () => {
    expect(message(book(date, { parts: { "xl/_rels/workbook.xml.rels": undefined } }))).toBe("xl/_rels/workbook.xml.rels (the workbook's relationships) is missing from the archive");
  });

  it("refuses a cell whose style is not in the styles (its number format is unknown: a date would read as a number)", () => {
    expect(message(book(date))).toBe('sheet "S" cell A1: style 1 is not in the workbook\'s cell formats (0 of them)');
    expect(message(book('<row r="1"><c r="A1" s="2"><v>46296</v></c></row>', { rels: stylesRel, parts: { "xl/styles.xml": STYLES } }))).toBe('sheet "S" cell A1: style 2 is not in the workbook\'s cell formats (2 of them)');
    expect(cells(book('<row r="1"><c r="A1" s="0"><v>7</v></c></row>'))).toEqual([["7"]]); // style 0, the default, needs no styles part
  });

  it("refuses a cell reference it cannot read, and a cell given twice", () => {
    expect(message(book('<row r="1"><c r="a1"><v>1</v></c></row>'))).toBe('sheet "S" row 1: cell reference "a1" is not a cell of that row');
    expect(message(book('<row r="2"><c r="A3"><v>1</v></c></row>'))).toBe('sheet "S" row 2: cell reference "A3" is not a cell of that row');
    expect(message(book('<row r="1"><c r="B1"><v>1</v></c><c r="B1"><v>2</v></c></row>'))).toBe('sheet "S" row 1: cell B1 is given twice');
    expect(message(book('<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>'))).toBe('sheet "S" row 1: cell A1 comes after B1 (cells go left to right)');
    expect(message(book('<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row>'))).toBe('sheet "S": row 1 comes after row 2 (rows go top to bottom)');
    expect(message(book('<row r="x"><c><v>1</v></c></row>'))).toBe('sheet "S": row number "x" is not a row number');
  });

  it("reads an empty shared-string cell as empty; refuses a boolean other than 0/1 and an unknown cell type", () => {
    const strings = `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
    const sst = { "xl/sharedStrings.xml": "<sst><si><t>first</t></si></sst>" };
    expect(cells(book('<row r="1"><c r="A1" t="s"/><c r="B1" t="s"><v>0</v></c></row>', { rels: strings, parts: sst }))).toEqual([["", "first"]]);
    // White space around an index or a 0/1 (a pretty-printing writer) is still read (the strict check must not refuse it).
    expect(cells(book('<row r="1"><c r="A1" t="s"><v> 0\n</v></c><c r="B1" t="b"><v> 1 </v></c></row>', { rels: strings, parts: sst }))).toEqual([["first", "true"]]);
    expect(message(book('<row r="1"><c r="A1" t="b"><v>yes</v></c></row>'))).toBe('sheet "S" cell A1: a boolean cell holds 0 or 1, not "yes"');
    expect(message(book('<row r="1"><c r="A1" t="x"><v>1</v></c></row>'))).toBe('sheet "S" cell A1: cell type "x" is not one of b, d, e, inlineStr, n, s, str');
  });
});
