import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { run, temp } from "./run.js";

const errorOf = (r: { out: string }) => JSON.parse(r.out).error as { code: string; message: string };
const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;

/**
 * A cost-entry workbook whose date cell has the built-in format 34 (ECMA-376 §18.8.30): `yyyy"年"m"月"` in a
 * Japanese Excel, `上午/下午h"时"mm"分"` (a time of day) in a Chinese one. 46296.75 = 2026-10-01 18:00.
 */
function book(): Uint8Array {
  const head = ["id", "projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"];
  const row = ["c1", "PRJ-CRM", undefined, "12.50", "EUR", "labour", "opex"];
  const cells1 = head.map((h, i) => text(`${"ABCDEFG"[i]}1`, h)).join("");
  const cells2 = row.map((v, i) => (v === undefined ? `<c r="${"ABCDEFG"[i]}2" s="1"><v>46296.75</v></c>` : text(`${"ABCDEFG"[i]}2`, v))).join("");
  return zipSync({
    "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/styles.xml": strToU8('<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="34" applyNumberFormat="1"/></cellXfs></styleSheet>'),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData><row r="1">${cells1}</row><row r="2">${cells2}</row></sheetData></worksheet>`),
  });
}

// Before: `readXlsx`/`importXlsx` took `formatLocale`, but the command had no flag (commander: "unknown option
// '--format-locale'", exit 2), so a workbook from a Chinese Excel was read as a Japanese one: its 34-formatted times
// imported as the day 2026-10-01.
describe("pmokit import/validate --format-locale", () => {
  it("reads the locale's built-in formats: zh-CN's 34 is a time, refused as a date; ja-JP's a date", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "costs.xlsx"), book());
    const ja = await run(["validate", "costs.xlsx", "--kind", "cost-entry", "--format-locale", "ja-JP", "--json"], cwd);
    expect([ja.code, JSON.parse(ja.out).counts]).toEqual([0, { "cost-entry": 1 }]);
    const zh = await run(["validate", "costs.xlsx", "--kind", "cost-entry", "--format-locale", "zh-CN", "--json"], cwd);
    expect(zh.code).toBe(2);
    // Read as 18:00:00 (下午6时00分), which the date field refuses at its cell.
    expect(errorOf(zh).message).toContain("[2].date: expected a real calendar date");
    // import passes it too: nothing is stored from the zh-CN reading.
    expect((await run(["init", "t.sqlite"], cwd)).code).toBe(0);
    const imp = await run(["import", "costs.xlsx", "--kind", "cost-entry", "--format-locale", "zh-CN", "--db", "t.sqlite", "--imported-at", "2026-11-20T12:00:00Z", "--json"], cwd);
    expect(imp.code).toBe(2);
    const ok = await run(["import", "costs.xlsx", "--kind", "cost-entry", "--format-locale", "ko-KR", "--db", "t.sqlite", "--imported-at", "2026-11-20T12:00:00Z", "--json"], cwd);
    expect([ok.code, JSON.parse(ok.out).written]).toEqual([0, { "cost-entry": 1 }]);
  });

  it("refuses another locale, and the flag on a file that is no workbook", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "costs.xlsx"), book());
    const bad = await run(["validate", "costs.xlsx", "--kind", "cost-entry", "--format-locale", "ja", "--json"], cwd);
    expect([bad.code, errorOf(bad).code]).toEqual([2, "usage"]);
    expect(errorOf(bad).message).toContain("ja-JP, ko-KR, zh-CN, zh-TW");
    writeFileSync(join(cwd, "costs.csv"), "id,projectId\n");
    const csv = await run(["validate", "costs.csv", "--kind", "cost-entry", "--format-locale", "zh-CN", "--json"], cwd);
    expect([csv.code, errorOf(csv).code, errorOf(csv).message]).toEqual([2, "usage", "--format-locale applies to XLSX (.xlsx) files of --kind only"]);
  });
});
