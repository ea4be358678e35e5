import { strToU8, zipSync } from "fflate";
import { readXlsx } from "./src/io/index.js";
function book(sheet: string, opts: { strings?: string; styles?: string; pr?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "xl/workbook.xml": strToU8(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${opts.pr ?? ""}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`),
  };
  if (opts.strings) files["xl/sharedStrings.xml"] = strToU8(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.strings}</sst>`);
  if (opts.styles) files["xl/styles.xml"] = strToU8(`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.styles}</styleSheet>`);
  return zipSync(files);
}
const show = (label: string, f: () => unknown) => { try { console.log(label, JSON.stringify(f())); } catch (e: any) { console.log(label, "THROWS", e.message.split("\n").slice(0, 3).join(" | ")); } };
const cells = (b: Uint8Array, o = {}) => readXlsx(b, o).sheets[0]!.rows.map((r) => r.cells);
const dateStyles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
const serials = ["0", "1", "59", "60", "61", "0.5", "60.5", "-1", "2958465", "2958466", "45292.99999999999", "1e5", " 61 "];
if (0) show("1900", () => cells(book(`<row r="1">${serials.map((s, i) => `<c r="${String.fromCharCode(65 + i)}1" s="1"><v>${s}</v></c>`).join("")}</row>`, { styles: dateStyles })));
show("1904", () => cells(book(`<row r="1">${serials.map((s, i) => `<c r="${String.fromCharCode(65 + i)}1" s="1"><v>${s}</v></c>`).join("")}</row>`, { styles: dateStyles, pr: '<workbookPr date1904="1"/>' })));
show("1904 true", () => cells(book(`<row r="1"><c r="A1" s="1"><v>0</v></c></row>`, { styles: dateStyles, pr: '<workbookPr date1904="true"/>' })));
show("1904 false", () => cells(book(`<row r="1"><c r="A1" s="1"><v>0</v></c></row>`, { styles: dateStyles, pr: '<workbookPr date1904="false"/>' })));
show("1904 prefixed", () => cells(book(`<row r="1"><c r="A1" s="1"><v>0</v></c></row>`, { styles: dateStyles, pr: '<x:workbookPr xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" date1904="1"/>' })));
show("sst rich+rPh", () => cells(book(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`, { strings: '<si><r><t>ab</t></r><r><rPr><b/></rPr><t xml:space="preserve"> cd</t></r><rPh sb="0" eb="1"><t>PH</t></rPh><phoneticPr fontId="1"/></si><si><t>  lead</t></si><si><t>x_x000D_y</t></si>' })));
show("inline rich", () => cells(book(`<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r>\n  <r><t> b</t></r><rPh><t>ZZ</t></rPh></is></c></row>`)));
show("no r", () => cells(book(`<row><c><v>1</v></c><c t="inlineStr"><is><t>x</t></is></c></row><row><c r="C2"><v>2</v></c><c><v>3</v></c></row>`)));
show("str formula", () => cells(book(`<row r="1"><c r="A1" t="str"><f>A2&amp;"x"</f><v>hix</v></c><c r="B1"><f>1+1</f><v>2</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c></row>`)));
const fmts = ["[Red]0.00", "yyyy-mm-dd;@", "[$-409]h:mm:ss AM/PM;@", "d-mmm", "mmm-yy", "[h]:mm:ss", "#,##0 \"mm\"", "m", "[ss]", "h \"hours\"", "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", "mm:ss.0", "0.00E+00", "# ?/?", "[$-F800]dddd, mmmm dd, yyyy", "_(\"$\"* #,##0.00_)", "[<=9999999]###-####;(###) ###-####", "0.00\\h", "[mm]:ss", "General", "@", "dd/mm/yyyy\\ hh:mm", "[Blue]General", "0.0\"m\"", "[$-x-sysdate]dddd, mmmm dd, yyyy", "[$-x-systime]h:mm:ss AM/PM", "yyyy\\-mm\\-dd"];
const styles = `<numFmts>${fmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${f.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")}"/>`).join("")}</numFmts><cellXfs><xf numFmtId="0"/>${fmts.map((_, i) => `<xf numFmtId="${164 + i}"/>`).join("")}</cellXfs>`;
console.log(styles.slice(940, 1000));
const out = cells(book(fmts.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${i + 1}"><v>46296.75</v></c></row>`).join(""), { styles }));
fmts.forEach((f, i) => console.log(f.padEnd(40), out[i]));
show("merge", () => readXlsx(book(`<row r="1"><c r="A1"><v>1</v></c></row>`.replace("</sheetData>", ""))).sheets[0]!.merges);
