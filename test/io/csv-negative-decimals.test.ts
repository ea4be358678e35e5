import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvProblems, importCsv } from "../../src/io/index.js";
import { CsvRowDecoder } from "../../src/io/csv/rows.js";
import { readDecimalCell } from "../../src/io/csv/decimal-mark.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * Negative amounts and space-grouped thousands as spreadsheets and ERPs write them: Excel's accounting format
 * `(12,50)`, the Unicode minus sign U+2212 (`−12.50`, what LibreOffice and typeset reports copy), SAP's trailing
 * minus `12.50-`, and thousands grouped by a space, a no-break space (U+00A0) or a narrow no-break space (U+202F,
 * what French locales of Windows/ICU write: `1 234,50`). Each names one number; before, every one was refused.
 */
const HEAD = "id;projectId;date;amount.amount;amount.currency;category;expenditure";
const file = (...amounts: string[]) => [HEAD, ...amounts.map((a, i) => `c${i + 1};PRJ-CRM;2026-10-01;${a};EUR;labour;opex`)].join("\n");
const amounts = (text: string, decimalMark?: "," | ".") =>
  importCsv("cost-entry", text, { importedAt: IMPORTED_AT, delimiter: ";", ...(decimalMark ? { decimalMark } : {}) }).records.map((r) => r.amount.amount.toFixed(2));
const problems = (text: string, decimalMark?: "," | ".") =>
  csvProblems(validationErrorOf(() => importCsv("cost-entry", text, { importedAt: IMPORTED_AT, delimiter: ";", ...(decimalMark ? { decimalMark } : {}) })));

describe("CSV decimal cells: negative forms and space-grouped thousands", () => {
  it("decimal comma: (12,50), −12,50, 12,50- and 1 234,50 with any of three spaces read exactly", () => {
    // (12,50) = −12.50 (accounting); −12,50 = −12.50; 12,50- = −12.50; 1␠234,50 = 1␠\u00a0234,50 = 1\u202f234,50 = 1234.50;
    // (1.234,50) = −1234.50; (0,00) = 0.00 (no negative zero).
    expect(amounts(file("(12,50)", "\u221212,50", "12,50-", "1 234,50", "1\u00a0234,50", "1\u202f234,50", "(1.234,50)", "(0,00)"), ","))
      .toEqual(["-12.50", "-12.50", "-12.50", "1234.50", "1234.50", "1234.50", "-1234.50", "0.00"]);
  });

  it("decimal point: the same forms; without the option the wire form, its negatives included", () => {
    expect(amounts(file("(12.50)", "\u221212.50", "12.50-", "1\u202f234\u202f567.891"), ".")).toEqual(["-12.50", "-12.50", "-12.50", "1234567.89"]);
    expect(readDecimalCell("1\u202f234\u202f567.891", ".")).toBe("1234567.891");
    // No decimalMark: 1234.56 as on the wire; a sign form is just as unambiguous.
    expect(amounts(file("(12.50)", "\u221212.50", "12.50-", "-12.50"))).toEqual(["-12.50", "-12.50", "-12.50", "-12.50"]);
  });

  it("refuses what could be read two ways, naming line and column letter and the accepted forms", () => {
    // (12.50) with the mark ",": 12.50 is no number with a comma mark; (-12,50) and -12,50-: two signs; 1 234.567,50:
    // two group separators; 1 234\u00a0567,5: two kinds of space; 12 50: not a group of three; (12,50: unbalanced;
    // - 12,50: a sign apart from its number.
    const cells = ["(12.50)", "(-12,50)", "-12,50-", "1 234.567,50", "1 234\u00a0567,5", "12 50", "(12,50", "- 12,50"];
    const got = problems(file(...cells), ",");
    expect(got.map((p) => [p.row, p.column])).toEqual(cells.map((_, i) => [i + 2, "amount.amount"]));
    expect(got[0]!.message).toBe(
      'line 2, column D: "(12.50)" is not a number written with the decimal mark ",": 1234,56, 1.234,56 or 1 234,56; a negative one -12,50, −12,50, (12,50) or 12,50-',
    );
  });

  it("without the option, a comma number is refused with the option that reads it", () => {
    const [p] = problems(file("1 234,50"));
    expect(p!.message).toBe(
      'line 2, column D: "1 234,50" is not a number written 1234.56 (for 1.234,56, 1,234.56 or 1 234,56 name the file\'s decimal mark: decimalMark, --decimal-mark); a negative one -12.50, −12.50, (12.50) or 12.50-',
    );
  });

  it("a workbook's text cell is named as a cell (D2)", () => {
    const rows = new CsvRowDecoder("cost-entry", HEAD.split(";"), { importedAt: IMPORTED_AT, neutralised: false });
    expect(rows.decode(["c1", "PRJ-CRM", "2026-10-01", "12.50-", "EUR", "labour", "opex"], 2)?.amount.amount.toFixed(2)).toBe("-12.50");
    rows.decode(["c2", "PRJ-CRM", "2026-10-01", "12,50-", "EUR", "labour", "opex"], 3);
    // No decimal mark applies to a workbook (its numbers are typed cells), so the message names none.
    expect(rows.issues[0]!.message).toBe('cell D3: "12,50-" is not a number (a number cell, or text written 1234.56); a negative one -12.50, −12.50, (12.50) or 12.50-');
  });

  it("property: every accepted form of a number reads back to that number, never another (seeded)", () => {
    const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+$)/g, sep);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(",", "."), fc.constantFrom("", ".", ",", " ", "\u00a0", "\u2009", "\u202f"), fc.integer({ min: 0, max: 4 }),
        (int, cents, mark, sep, sign) => {
          const other = mark === "," ? "." : ",";
          if (sep === mark) sep = other; // the mark never groups
          const body = `${group(int.toString(), sep)}${mark}${String(cents).padStart(2, "0")}`;
          const cell = [body, `-${body}`, `\u2212${body}`, `(${body})`, `${body}-`][sign]!;
          const wire = `${int}.${String(cents).padStart(2, "0")}`;
          const zero = int === 0n && cents === 0;
          expect(readDecimalCell(cell, mark as "," | ".")).toBe(sign === 0 || zero ? wire : `-${wire}`);
          // With the other mark the same text would be misread (12,50 as a group of two): refused, never read.
          expect(readDecimalCell(cell, other as "," | ".")).toBeUndefined();
        }),
      { seed: 15, numRuns: 500 },
    );
  });
});
