import { strToU8, zipSync } from "fflate";
import { readXlsx } from "./src/io/index.js";
const sheet = (v: string) => strToU8(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${v}</t></is></c></row></sheetData></worksheet>`);
const base = {
  "xl/workbook.xml": strToU8(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
  "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
};
const a = zipSync({ ...base, "xl/worksheets/sheet1.xml": sheet("shown"), "XL/WORKSHEETS/SHEET1.XML": sheet("other") });
try { console.log("case variants:", JSON.stringify(readXlsx(a).sheets[0]!.rows)); } catch (e: any) { console.log("case variants refused", e.message); }
const b = zipSync({ ...base, "xl/worksheets/sheet1.xml": sheet("first"), "xl/worksheets/sheetX.xml": sheet("second") });
const s = Buffer.from(b);
let at = 0; let n = 0;
while ((at = s.indexOf("xl/worksheets/sheetX.xml", at)) >= 0) { s.write("xl/worksheets/sheet1.xml", at); n++; at++; }
console.log("patched", n);
try { console.log("exact duplicates:", JSON.stringify(readXlsx(new Uint8Array(s)).sheets[0]!.rows)); } catch (e: any) { console.log("dup refused", e.message); }
