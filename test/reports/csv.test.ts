import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, money, ValidationError } from "../../src/core/index.js";
import { csvCell, ragCell, tableToCsv, toCsv } from "../../src/reports/index.js";

describe("csvCell — RFC 4180", () => {
  it("leaves plain fields alone", () => {
    expect(csvCell("CRM replacement")).toBe("CRM replacement");
    expect(csvCell("")).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes fields with comma, quote, CR or LF and doubles inner quotes (RFC 4180 §2.6, §2.7)", () => {
    expect(csvCell("Hamburg, Rotterdam")).toBe('"Hamburg, Rotterdam"');
    expect(csvCell('the "big" one')).toBe('"the ""big"" one"');
    expect(csvCell("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvCell("line 1\r\nline 2")).toBe('"line 1\r\nline 2"');
    expect(csvCell('"')).toBe('""""');
  });

  it("writes money as its plain amount with minor units, decimals and numbers exactly", () => {
    expect(csvCell(money("1234567.5", "EUR"))).toBe("1234567.50");
    expect(csvCell(money("1500", "JPY"))).toBe("1500");
    expect(csvCell(decimal("0.1").plus(decimal("0.2")))).toBe("0.3");
    expect(csvCell(1e21)).toBe("1000000000000000000000");
    expect(csvCell(true)).toBe("true");
    // A colour is never written without the rule that set it (the colour first, so a filter on "amber" finds it).
    expect(csvCell(ragCell("amber", "CPI < 0.95"))).toBe("amber — CPI < 0.95");
    expect(csvCell(ragCell("green"))).toBe("green");
    expect(csvCell({ reason: "ac-is-zero" })).toBe("n/a (ac-is-zero)");
    expect(csvCell({ value: decimal("0.91") })).toBe("0.91");
  });

  it("rejects NaN and Infinity instead of writing them", () => {
    expect(() => csvCell(Number.NaN)).toThrow(ValidationError);
    expect(() => csvCell(Number.POSITIVE_INFINITY)).toThrow(ValidationError);
  });
});

describe("csvCell — formula injection", () => {
  it("prefixes a single quote to fields starting with = + - @ tab or CR", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell("+49 40 1234")).toBe("'+49 40 1234");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
  });

  it("keeps genuinely numeric negatives readable (a plain decimal cannot be a formula)", () => {
    expect(csvCell(money("-1250.5", "EUR"))).toBe("-1250.50");
    expect(csvCell(decimal("-0.07"))).toBe("-0.07");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("-1250.50")).toBe("-1250.50");
    expect(csvCell("-1250.50 EUR")).toBe("'-1250.50 EUR");
    expect(csvCell("-1e3")).toBe("'-1e3");
  });

  it("never writes a field a spreadsheet would run (property, with a CSV parser reading it back)", () => {
    // Found by this property at 10× with a fresh seed once the quote rule came in: `;"=` is written `;'"=`, quoted.
    expect(toCsv([[';"=', "="]])).toBe(`";'""=",'=\r\n`);
    const cell = fc.oneof(fc.string(), fc.constantFrom("=", "+", "-", "@", "\t", "\r", '"', ",", "\n").chain((c) => fc.string().map((s) => c + s)));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]?.length ?? 1;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
        const back = parse(toCsv(table), { relax_column_count: false, record_delimiter: "\r\n" }) as string[][];
        expect(back.length).toBe(table.length);
        back.forEach((r, i) =>
          r.forEach((v, j) => {
            const orig = table[i]?.[j] ?? "";
            // The model: `'` in front of a formula-like field, and after a `;` followed by a formula character, or by one
            // quote and a formula character (`;"=` is written `;'"=`: a lenient reader takes the piece `""=` as `=`).
            const lead = /^[=+\-@\t\r]/.test(orig) && !/^-?\d+(\.\d+)?$/.test(orig) ? `'${orig}` : orig;
            expect(v).toBe(lead.replace(/;(?="?[=+\-@\t\r])/g, ";'"));
            expect(/^[=+@\t\r]/.test(v) || (/^-/.test(v) && !/^-?\d+(\.\d+)?$/.test(v))).toBe(false);
          }),
        );
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("toCsv / tableToCsv", () => {
  it("separates and ends records with CRLF", () => {
    expect(toCsv([["a", "b"], ["c, d", "e"]])).toBe('a,b\r\n"c, d",e\r\n');
    expect(toCsv([])).toBe("");
  });

  it("writes the header then the rows of a report table", () => {
    const csv = tableToCsv({ columns: ["Project", { header: "EAC (EUR)", align: "right" }, "Cost RAG"], rows: [["CRM", money("486000", "EUR"), ragCell("red")]] });
    expect(csv).toBe("Project,EAC (EUR),Cost RAG\r\nCRM,486000.00,red\r\n");
  });

  it("never writes an amount without its currency: in the header of a one-currency column, beside each amount otherwise", () => {
    // A bare "EAC" header over 486000.00 said nothing of the currency; a column mixing EUR and USD lost it entirely.
    expect(tableToCsv({ columns: ["Project", "EAC", "Cost"], rows: [["CRM", money("486000", "EUR"), { value: money("-1250.5", "EUR") }], ["WMS", { reason: "ac-is-zero" }, money("-3", "EUR")]] }))
      .toBe("Project,EAC (EUR),Cost (EUR)\r\nCRM,486000.00,-1250.50\r\nWMS,n/a (ac-is-zero),-3.00\r\n");
    expect(tableToCsv({ columns: ["Project", "EAC"], rows: [["CRM", money("486000", "EUR")], ["US roll-out", money("-2.5", "USD")], ["New", null]] }))
      .toBe("Project,EAC\r\nCRM,EUR 486000.00\r\nUS roll-out,USD -2.50\r\nNew,\r\n");
  });

  it("names the row whose width is wrong", () => {
    try {
      tableToCsv({ columns: ["a", "b"], rows: [["1", "2"], ["3"]] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]?.path).toEqual(["rows", 1]);
    }
  });
});

// A spreadsheet whose list separator is `;` (German, French … locales) splits the `,` line at every `;`, so the text
// after one opens as its own cell: "x;=1+1" ran `=1+1` (checked with LibreOffice Calc, `;` separator; see
// test/io/csv-locale-formula.test.ts). Before: written as is. After: a `'` after such a `;`.
describe("csvCell: no formula where a `;` locale splits a cell", () => {
  it("puts `'` after a `;` followed by = + - @, tab or CR", () => {
    expect(csvCell("x;=1+1")).toBe("x;'=1+1");
    expect(csvCell("a;-5;@b; =c")).toBe("a;'-5;'@b; =c");
    expect(csvCell("=a;+b")).toBe("'=a;'+b");
    expect(csvCell("a;b")).toBe("a;b");
  });
});
