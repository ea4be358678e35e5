import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/index.js";
import { hasSoffice } from "../support/soffice.js";

// The XML parts of an OOXML package may be UTF-8 or UTF-16 (ECMA-376 Part 2, OPC: "XML content shall be encoded
// using either UTF-8 or UTF-16"; XML 1.0 §4.3.3: a UTF-16 entity starts with its byte order mark, FF FE
// little-endian or FE FF big-endian). Writers built on .NET's or
// Java's XML APIs can save UTF-16 parts. Before: every such part was decoded as UTF-8, so the workbook was refused as
// "malformed XML" (the BOM and the zero bytes are no UTF-8 XML). After: the BOM picks the decoding, as Excel and Calc
// read such a part.

/** UTF-16 bytes of `text` with its byte order mark. */
function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.set(bigEndian ? [c >> 8, c & 255] : [c & 255, c >> 8], 2 + 2 * i);
  }
  return out;
}

/** A workbook whose workbook, styles, sheet and relationship parts are UTF-16 (`encoding="UTF-16"`). */
function workbook(bigEndian: boolean): Uint8Array {
  const x = (body: string) => utf16(`<?xml version="1.0" encoding="UTF-16"?>${body}`, bigEndian);
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipSync({
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
    "_rels/.rels": x(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": x(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets><sheet name="Blätter" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": x(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`),
    "xl/styles.xml": x('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'),
    // "Zürich 東京 😀": a Latin-1 letter, two CJK characters and a surrogate pair (U+1F600), each in UTF-16.
    "xl/worksheets/sheet1.xml": x('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Zürich 東京 😀</t></is></c><c r="B1" s="1"><v>46296</v></c></row></sheetData></worksheet>'),
  });
}

describe("XLSX parts saved as UTF-16", () => {
  it.each([["little-endian (FF FE)", false], ["big-endian (FE FF)", true]])("%s: read as their text", (_name, bigEndian) => {
    // 46296 with built-in 14 (a date) = 2026-10-01.
    const { sheets } = readXlsx(workbook(bigEndian));
    expect(sheets.map((s) => [s.name, s.rows.map((r) => [...r.cells])])).toEqual([["Blätter", [["Zürich 東京 😀", "2026-10-01"]]]]);
  });

  it.skipIf(!hasSoffice())("LibreOffice Calc reads the same workbook to the same cells", () => {
    const dir = mkdtempSync(join(tmpdir(), "pmokit-utf16-"));
    writeFileSync(join(dir, "book.xlsx"), workbook(false));
    // Tokens: tab, double quote, UTF-8; token 9 true = cells as shown (the date with its format).
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,false", "--outdir", dir, join(dir, "book.xlsx")], { stdio: "ignore", timeout: 180_000, env: { ...process.env, LC_ALL: "en_US.UTF-8", LANG: "en_US.UTF-8" } });
    const [text, shown] = readFileSync(join(dir, "book.csv"), "utf8").trim().split("\t");
    // Calc shows the date as month/day/year (en-US): written YYYY-MM-DD to compare with pmokit's day.
    const [m, d, y] = shown!.split("/");
    expect([text, `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`]).toEqual(readXlsx(workbook(false)).sheets[0]!.rows[0]!.cells);
  }, 200_000);
});
