import { describe, expect, it } from "vitest";
import { csvProblems, importCsv } from "../../src/io/index.js";
import { readDecimalCell } from "../../src/io/csv/decimal-mark.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * Thousands grouped by a thin space (U+2009), as typeset reports, some Swiss/French tools and SI-style number
 * formats write them (`1 234,50`). A space, a no-break space (U+00A0) and a narrow no-break space (U+202F) were
 * accepted; the thin space was refused as "not a number". It is read under the same rules: one kind of separator
 * per number, groups of three.
 */
const HEAD = "id;projectId;date;amount.amount;amount.currency;category;expenditure";
const file = (...amounts: string[]) => [HEAD, ...amounts.map((a, i) => `c${i + 1};PRJ-CRM;2026-10-01;${a};EUR;labour;opex`)].join("\n");
const amounts = (text: string, decimalMark: "," | ".") =>
  importCsv("cost-entry", text, { importedAt: IMPORTED_AT, delimiter: ";", decimalMark }).records.map((r) => r.amount.amount.toFixed(2));

describe("CSV decimal cells: thousands grouped by a thin space (U+2009)", () => {
  it("reads 1\u2009234,50 and 1\u2009234\u2009567.891 exactly (before: refused)", () => {
    expect(readDecimalCell("1\u2009234,50", ",")).toBe("1234.50");
    expect(readDecimalCell("1\u2009234\u2009567.891", ".")).toBe("1234567.891");
    expect(readDecimalCell("(1\u2009234,50)", ",")).toBe("-1234.50");
    expect(amounts(file("1\u2009234,50", "\u221212\u2009345,67"), ",")).toEqual(["1234.50", "-12345.67"]);
  });

  it("the same rules: one kind of space per number, groups of three, not without a decimal mark", () => {
    // A thin space beside a no-break space or a plain space: two kinds of separator; 12 50: a group of two; 1 2345: a
    // group of four; no decimalMark: the wire form only (1234.56).
    expect(["1\u2009234\u00a0567,5", "1 234\u2009567,5", "12\u200950", "1\u20092345,0"].map((c) => readDecimalCell(c, ","))).toEqual([undefined, undefined, undefined, undefined]);
    expect(readDecimalCell("1\u2009234.50", undefined)).toBeUndefined();
    const [p] = csvProblems(validationErrorOf(() => importCsv("cost-entry", file("12\u200950"), { importedAt: IMPORTED_AT, delimiter: ";", decimalMark: "," })));
    expect([p!.row, p!.column]).toEqual([2, "amount.amount"]);
  });
});
