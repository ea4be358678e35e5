import { strToU8, zipSync } from "fflate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/index.js";

/*
 * Date serials as ECMA-376 Part 1 §18.17.4 defines them, checked against an oracle written from the definition with
 * integer calendar arithmetic (H. Hinnant's days_from_civil), not with pmokit's code nor JavaScript's Date:
 * - 1900 system (§18.17.4.1): serial 1 is 1900-01-01, and the system counts 1900 as a leap year, so serial 60 is the
 *   fictitious 1900-02-29 and every day from 1900-03-01 on is one more than its count of days since 1899-12-31;
 * - 1904 system (`<workbookPr date1904="1"/>`): serial 0 is 1904-01-01.
 * A time of day is the fraction; Excel keeps times to the millisecond, so the day is that of the serial rounded to it.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468; // days since 1970-01-01
}
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const daysIn = (y: number, m: number) => [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/** The serial of a day by the definitions above. */
function serialOf(y: number, m: number, d: number, system: 1900 | 1904): number {
  if (system === 1904) return daysFromCivil(y, m, d) - daysFromCivil(1904, 1, 1);
  const since = daysFromCivil(y, m, d) - daysFromCivil(1899, 12, 31);
  return since >= 60 ? since + 1 : since; // from 1900-03-01 on, the fictitious 29 February counts
}

function workbook(serials: readonly string[], system: 1900 | 1904): Uint8Array {
  const cells = serials.map((s, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="1"><v>${s}</v></c></row>`).join("");
  return zipSync({
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${system === 1904 ? '<workbookPr date1904="1"/>' : ""}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
    "xl/styles.xml": strToU8('<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${cells}</sheetData></worksheet>`),
  });
}
const read = (serials: readonly string[], system: 1900 | 1904) => readXlsx(workbook(serials, system)).sheets[0]!.rows.map((r) => r.cells[0]);

const day = fc.record({ y: fc.integer({ min: 1900, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysIn(y, m)) }));
// A time of day in whole milliseconds, kept below the last millisecond so rounding cannot carry it into the next day.
const millis = fc.integer({ min: 0, max: 86_400_000 - 2 });

describe("XLSX date serials read as ECMA-376 §18.17.4 defines them (property, oracle from the definition)", () => {
  it("the hand-counted edges of the 1900 system: 1, 59, 60 (the fictitious leap day), 61", () => {
    expect(read(["1", "59", "60", "61"], 1900)).toEqual(["1900-01-01", "1900-02-28", "1900-02-29", "1900-03-01"]);
    expect(serialOf(1900, 3, 1, 1900)).toBe(61);
    expect(serialOf(2024, 1, 1, 1900)).toBe(45292); // Excel: =DATE(2024,1,1) is 45292
    expect(serialOf(2024, 1, 1, 1904)).toBe(43830); // 1,462 days less in the 1904 system
  });

  for (const system of [1900, 1904] as const) {
    it(`${system} system: a day's serial, with any time of day, reads as that day`, () => {
      const seed = Date.now();
      const cases = fc.sample(fc.tuple(day, millis), { seed, numRuns: 300 }).filter(([{ y, m }]) => system === 1900 ? y > 1900 || m > 2 : y >= 1904);
      const serials = cases.map(([{ y, m, d }, ms]) => String(serialOf(y, m, d, system) + ms / 86_400_000));
      expect(read(serials, system), `seed ${seed}`).toEqual(cases.map(([{ y, m, d }]) => iso(y, m, d)));
    });
  }
});
