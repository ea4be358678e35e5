import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { exportXlsx, importXlsx, readXlsx } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/book/main.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/data/first.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/book/texts.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';

/**
 * A valid workbook as OPC defines it (ECMA-376 Part 2), but laid out as another tool may: the workbook part at
 * /book/main.xml (found only through /_rels/.rels), the relationships namespace bound to the prefix `rel:` (any
 * prefix is the same namespace), the sheet at ../data/first.xml relative to the workbook, shared strings at
 * /book/texts.xml. Two sheets, listed in the order opposite to their part names, so a guess by position would swap them.
 */
function workbook(): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(CT),
    "_rels/.rels": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="R1" Type="${REL}/officeDocument" Target="/book/main.xml"/></Relationships>`),
    "book/main.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets><x:sheet name="Second" sheetId="2" rel:id="s2"/><x:sheet name="First" sheetId="1" rel:id="s1"/></x:sheets></x:workbook>`),
    "book/_rels/main.xml.rels": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="s1" Type="${REL}/worksheet" Target="../data/first.xml"/><Relationship Id="s2" Type="${REL}/worksheet" Target="/data/second.xml"/><Relationship Id="t" Type="${REL}/sharedStrings" Target="texts.xml"/></Relationships>`),
    "book/texts.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}"><si><t>from shared strings</t></si></sst>`),
    "data/first.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row></sheetData></worksheet>`),
    "data/second.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>second</t></is></c></row></sheetData></worksheet>`),
  });
}

// Before: readXlsx opened xl/workbook.xml by that fixed path ("not an xlsx workbook: xl/workbook.xml is missing"
// here) and found a sheet's part only through an attribute spelled `r:id`, else guessed xl/worksheets/sheetN.xml by
// position. After: the package relationships are followed (/_rels/.rels → the workbook part → its relationships,
// targets resolved against the source part's folder) and `id` is found by its namespace, whatever the prefix.
describe("readXlsx follows the OPC relationships", () => {
  it("reads a workbook part elsewhere, another prefix, relative and absolute targets", () => {
    const { sheets } = readXlsx(workbook());
    expect(sheets.map((s) => [s.name, s.rows.map((r) => r.cells)])).toEqual([
      ["Second", [["second"]]],
      ["First", [["from shared strings", "1"]]],
    ]);
  });

  it("refuses a sheet whose relationship is missing, naming it (no guess by position)", () => {
    const parts = Object.fromEntries(Object.entries({
      "xl/workbook.xml": `<workbook xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="rId9"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      "xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
    }).map(([k, v]) => [k, strToU8(v)]));
    expect(validationErrorOf(() => readXlsx(zipSync(parts))).issues[0]!.message).toBe('sheet "A": relationship rId9 is not in xl/_rels/workbook.xml.rels');
  });

  it("an attribute `r:id` in another namespace is not the relationship id", () => {
    const parts = Object.fromEntries(Object.entries({
      "xl/workbook.xml": `<workbook xmlns:r="urn:other" xmlns:rel="${REL}"><sheets><sheet name="A" sheetId="1" r:id="rId2" rel:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/a.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/b.xml"/></Relationships>`,
      "xl/worksheets/a.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>`,
      "xl/worksheets/b.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>b</t></is></c></row></sheetData></worksheet>`,
    }).map(([k, v]) => [k, strToU8(v)]));
    expect(readXlsx(zipSync(parts)).sheets[0]!.rows[0]!.cells).toEqual(["a"]);
  });

  it("an exceljs workbook still reads (regression)", async () => {
    const bytes = await exportXlsx({ requirement: [] });
    expect(readXlsx(bytes).sheets.map((s) => s.name)).toEqual(["requirement"]);
    expect(importXlsx("requirement", bytes, { importedAt: "2026-11-25T12:00:00.000Z" }).records).toEqual([]);
  });
});
