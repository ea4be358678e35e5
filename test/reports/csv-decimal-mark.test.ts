import { describe, expect, it } from "vitest";
import { decimal, money } from "../../src/core/index.js";
import { csvCell, percentCell, ragCell, tableToCsv, toCsv, type CsvDecimalMark, type ReportTable } from "../../src/reports/index.js";
import { validationErrorOf } from "../support/errors.js";

// Before: the report CSV always wrote `1234.56`, even `;`-separated for a spreadsheet whose decimal mark is a comma,
// while exportCsv took `decimalMark`. After: csvCell, toCsv and tableToCsv take `decimalMark: "." | ","` as exportCsv
// does: the figures (money, decimals, numbers, percentages, a metric's figure) are written with that mark and no
// thousands separators; text (ids, dates, RAG rules, a missing metric's reason) is left as it is.
describe("report CSV decimal mark", () => {
  const table: ReportTable = {
    columns: ["Project", "EAC", "Mixed", "CPI", "Index", "Share", "Count", "Note", "Finish", "Reserve"],
    rows: [
      ["PRJ-1.2", money("1234.56", "EUR"), money("-2.5", "USD"), { value: decimal("0.9"), places: 2 }, decimal("-0.125"), percentCell("99.97"), 2.5, "-1.5", "2027-05-05", { reason: "ac-is-zero" }],
      ["CRM", money("-1234.5", "EUR"), money("1201841.04", "EUR"), { value: decimal("1") }, decimal("3"), percentCell("-0.5"), -7, ragCell("red", "SPI 0.654 < 0.85"), "2027-05-06", { value: money("10", "EUR") }],
    ],
  };

  it('`"."` is the default: the same text as without the option', () => {
    // The figures as cellPlain writes them: minor units for money (1234.56, -2.50), places for CPI (0.90), Decimal text.
    const dot = "Project,EAC (EUR),Mixed,CPI,Index,Share (%),Count,Note,Finish,Reserve (EUR)\r\n"
      + "PRJ-1.2,1234.56,USD -2.50,0.90,-0.125,99.97,2.5,-1.5,2027-05-05,n/a (ac-is-zero)\r\n"
      + "CRM,-1234.50,EUR 1201841.04,1,3,-0.5,-7,red — SPI 0.654 < 0.85,2027-05-06,10.00\r\n";
    expect(tableToCsv(table)).toBe(dot);
    expect(tableToCsv(table, { decimalMark: "." })).toBe(dot);
    expect(tableToCsv(table, { delimiter: ";", decimalMark: "." })).toBe(dot.replace(/,/g, ";"));
  });

  it.each<[";" | "\t", string]>([
    // Each figure's `.` becomes `,` (1234.56 → 1234,56; the mixed column's amounts after their code: USD -2,50);
    // the id PRJ-1.2, the text -1.5, the dates, the RAG rule's 0.654 and the missing reason stay as they are.
    // Negative figures (-1234,50, -0,125, -0,5, -7) get no apostrophe: a figure is a number, never a formula.
    [";", "Project;EAC (EUR);Mixed;CPI;Index;Share (%);Count;Note;Finish;Reserve (EUR)\r\n"
      + "PRJ-1.2;1234,56;USD -2,50;0,90;-0,125;99,97;2,5;-1.5;2027-05-05;n/a (ac-is-zero)\r\n"
      + "CRM;-1234,50;EUR 1201841,04;1;3;-0,5;-7;red — SPI 0.654 < 0.85;2027-05-06;10,00\r\n"],
    ["\t", "Project\tEAC (EUR)\tMixed\tCPI\tIndex\tShare (%)\tCount\tNote\tFinish\tReserve (EUR)\r\n"
      + "PRJ-1.2\t1234,56\tUSD -2,50\t0,90\t-0,125\t99,97\t2,5\t-1.5\t2027-05-05\tn/a (ac-is-zero)\r\n"
      + "CRM\t-1234,50\tEUR 1201841,04\t1\t3\t-0,5\t-7\tred — SPI 0.654 < 0.85\t2027-05-06\t10,00\r\n"],
  ])('decimalMark "," with delimiter %j', (delimiter, text) => {
    expect(tableToCsv(table, { delimiter, decimalMark: "," })).toBe(text);
  });

  it("csvCell and toCsv take the same option; text keeps its formula apostrophe", () => {
    expect(csvCell(money("-1234.5", "EUR"), { delimiter: ";", decimalMark: "," })).toBe("-1234,50");
    expect(csvCell(-0.25, { delimiter: "\t", decimalMark: "," })).toBe("-0,25");
    expect(csvCell({ value: decimal("-2"), places: 1 }, { delimiter: ";", decimalMark: "," })).toBe("-2,0");
    // A text is not a figure: unchanged, and a formula is still neutralised.
    expect(csvCell("=1.5+1", { delimiter: ";", decimalMark: "," })).toBe("'=1.5+1");
    expect(toCsv([[decimal("0.5"), "0.5", { reason: "no-baseline" }]], { delimiter: "\t", decimalMark: "," })).toBe("0,5\t0.5\tn/a (no-baseline)\r\n");
  });

  it('refuses another mark, and "," in a ","-separated file, at ["decimalMark"] as exportCsv does', () => {
    const wrong = validationErrorOf(() => tableToCsv(table, { delimiter: ";", decimalMark: "·" as CsvDecimalMark }));
    expect([wrong.issues[0]!.path, wrong.issues[0]!.message]).toEqual([["decimalMark"], 'expected "." or ",", got "·"']);
    for (const f of [() => tableToCsv(table, { decimalMark: "," }), () => toCsv([["a"]], { delimiter: ",", decimalMark: "," }), () => csvCell(1, { decimalMark: "," })]) {
      const e = validationErrorOf(f);
      expect([e.issues[0]!.path, e.issues[0]!.message]).toEqual([["decimalMark"], 'a "," decimal mark needs another delimiter (";" or a tab): in a ","-separated file 1,5 would be two cells']);
    }
  });
});
