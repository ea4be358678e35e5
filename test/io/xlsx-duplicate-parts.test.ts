import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";

// ECMA-376 Part 2 (Open Packaging Conventions) §9.1.1.1: part names compare as case-insensitive ASCII strings, and
// "[M1.12] Packages shall not contain equivalent part names and package implementers shall neither create nor
// recognize packages with equivalent part names." A zip holding one part twice is no package: which copy a reader
// takes is its own choice (a streaming reader the last, a central-directory reader maybe the first), so the sheet a
// user checked in Excel need not be the sheet imported.

const sheet = (v: string) => strToU8(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${v}</t></is></c></row></sheetData></worksheet>`);
const base = {
  "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
  "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
};

/** An archive whose entry `xl/worksheets/sheet1.xml` is there twice, byte for byte the same name (fflate's zipSync takes
 * object keys, so the second is written as `sheetX.xml` and renamed in its local header and central directory — the
 * name is not covered by the CRC). */
function exactDuplicate(): Uint8Array {
  const bytes = Buffer.from(zipSync({ ...base, "xl/worksheets/sheet1.xml": sheet("first"), "xl/worksheets/sheetX.xml": sheet("second") }));
  let renamed = 0;
  for (let at = bytes.indexOf("xl/worksheets/sheetX.xml"); at >= 0; at = bytes.indexOf("xl/worksheets/sheetX.xml", at + 1)) {
    bytes.write("xl/worksheets/sheet1.xml", at);
    renamed++;
  }
  expect(renamed).toBe(2); // local file header and central directory
  return new Uint8Array(bytes);
}

describe("a workbook archive holding a part twice is refused", () => {
  it("the same entry name twice (before: the last copy, 'second', was read without a word)", () => {
    const e = validationErrorOf(() => readXlsx(exactDuplicate()));
    expect(e.issues.map((i) => i.message)).toEqual(["the archive holds xl/worksheets/sheet1.xml twice: a package's part names are unique, ignoring case (ECMA-376 Part 2, §9.1.1.1)"]);
  });

  it("two names equal but for case (before: XL/WORKSHEETS/SHEET1.XML, 'other', replaced the sheet)", () => {
    const bytes = zipSync({ ...base, "xl/worksheets/sheet1.xml": sheet("shown"), "XL/WORKSHEETS/SHEET1.XML": sheet("other") });
    const e = validationErrorOf(() => readXlsx(bytes));
    expect(e.issues.map((i) => i.message)).toEqual(["the archive holds xl/worksheets/sheet1.xml and XL/WORKSHEETS/SHEET1.XML: a package's part names are unique, ignoring case (ECMA-376 Part 2, §9.1.1.1)"]);
  });

  it("distinct names still read (the control)", () => {
    const bytes = zipSync({ ...base, "xl/worksheets/sheet1.xml": sheet("shown"), "xl/worksheets/sheet2.xml": sheet("other") });
    expect(readXlsx(bytes).sheets[0]!.rows).toEqual([{ line: 1, cells: ["shown"] }]);
  });
});
