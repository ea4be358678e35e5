import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";

/*
 * A workbook's XML parts are UTF-8 or UTF-16 (ECMA-376 Part 2, OPC), and a byte sequence that is not well-formed in
 * its encoding is a fatal error for an XML reader (XML 1.0 §4.3.3). A tool that wrote a Latin-1 "é" (the single byte
 * E9) into a UTF-8 part made a broken workbook; pmokit read it with the byte replaced by U+FFFD, so "Café" became
 * "Caf\uFFFD" without a word — as it refuses such text in CSV and ReqIF files, it now refuses the part, naming it and
 * the byte offset.
 */
const cat = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...strToU8(p)] : p)));
function workbook(strings: Uint8Array, sheet = strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>')): Uint8Array {
  return zipSync({
    "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/sharedStrings.xml": strings,
    "xl/worksheets/sheet1.xml": sheet,
  });
}

describe("XLSX parts that are not well-formed in their encoding", () => {
  it("a Latin-1 byte in a UTF-8 shared-strings part is refused with its offset (before: read as Caf\\uFFFD)", () => {
    // "<sst><si><t>Caf" is 5 + 4 + 3 + 3 = 15 bytes, so the E9 byte is at offset 15.
    const e = validationErrorOf(() => readXlsx(workbook(cat("<sst><si><t>Caf", [0xe9], "</t></si></sst>"))));
    expect(e.issues.map((i) => i.message)).toEqual(["shared strings: not valid UTF-8 at byte offset 15"]);
  });

  it("a sheet part too, named as the sheet", () => {
    const sheet = cat('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>', [0xc3, 0x28], "</t></is></c></row></sheetData></worksheet>");
    const prefix = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'.length; // 0xC3 0x28: a lead byte without its continuation
    expect(validationErrorOf(() => readXlsx(workbook(strToU8("<sst/>"), sheet))).issues.map((i) => i.message)).toEqual([`sheet "S": not valid UTF-8 at byte offset ${prefix}`]);
  });

  it("well-formed UTF-8 still reads (the control), and so does UTF-16 with its byte order mark", () => {
    expect(readXlsx(workbook(strToU8("<sst><si><t>Café</t></si></sst>"))).sheets[0]!.rows[0]!.cells).toEqual(["Café"]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[..."<sst><si><t>Café</t></si></sst>"].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(readXlsx(workbook(utf16)).sheets[0]!.rows[0]!.cells).toEqual(["Café"]);
  });
});
