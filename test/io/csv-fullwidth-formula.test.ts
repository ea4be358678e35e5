import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseCell, restoreCell, type CsvDelimiter } from "../../src/io/index.js";
import { csvCell, toCsv } from "../../src/reports/index.js";

// The formula-injection rule covers the full-width forms of the formula starts too: U+FF1D ＝, U+FF0B ＋, U+FF0D －
// and U+FF20 ＠. A spreadsheet with an East Asian input method (Excel in Japanese/Chinese locales) reads a cell typed
// or imported as "＝1+1" as the formula =1+1 (it normalises full-width operators), so "＝HYPERLINK(…)" is as live as
// "=HYPERLINK(…)". Before: export wrote "＝HYPERLINK(\"http://x\")" unchanged (no apostrophe), in exportCsv's
// neutraliseCell and in the report CSV (csvCell/toCsv) alike.

const FULL = ["\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]; // ＝ ＋ － ＠

describe("CSV formula neutralising: full-width formula starts", () => {
  it("neutraliseCell puts the apostrophe before a full-width =, +, - or @ (before: unchanged)", () => {
    for (const c of FULL) expect(neutraliseCell(`${c}1+1`)).toBe(`'${c}1+1`);
    expect(neutraliseCell('\uFF1DHYPERLINK("http://x")')).toBe('\'\uFF1DHYPERLINK("http://x")');
    // …and after the other separator a spreadsheet in another locale splits at.
    expect(neutraliseCell("x;\uFF1D1")).toBe("x;'\uFF1D1");
    expect(neutraliseCell("x,\uFF20A1", ";")).toBe("x,'\uFF20A1");
  });

  it("restoreCell takes exactly that apostrophe away", () => {
    expect(restoreCell("'\uFF1D1+1")).toBe("\uFF1D1+1");
    expect(restoreCell("x;'\uFF0B1")).toBe("x;\uFF0B1");
    expect(restoreCell("'\uFF21")).toBe("'\uFF21"); // full-width A: no formula start, the apostrophe is the user's
  });

  it("restoreCell(neutraliseCell(s, d), d) is s with full-width characters (property)", () => {
    const piece = fc.constantFrom(";", ",", "\t", "=", "'", "a", "1", " ", ...FULL, "\uFF07");
    for (const d of [",", ";", "\t"] as CsvDelimiter[]) {
      fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join("")), (s) => restoreCell(neutraliseCell(s, d), d) === s), { seed: 7, numRuns: 500 });
    }
  });

  it("report CSV cells neutralise them too (before: '＝1+1' written as is)", () => {
    for (const c of FULL) expect(csvCell(`${c}1+1`)).toBe(`'${c}1+1`);
    expect(toCsv([["a;\uFF0B1"]])).toBe("a;'\uFF0B1\r\n");
  });
});
