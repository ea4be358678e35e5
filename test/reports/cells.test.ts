import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, metric, missing, money, ValidationError } from "../../src/core/index.js";
import {
  htmlTable, markdownTable, percent, percentCell, planXlsxReport, renderJsonReport, renderXlsxReport, runsCell, tableToCsv, toneCell, validateReport, xlsxCell,
  type ReportTable,
} from "../../src/reports/index.js";
import { cellPlain, cellText, groupDigits } from "../../src/reports/cells.js";

// One table with every new cell kind: a toned word, runs with one toned word, a percentage and a large number.
const table: ReportTable = {
  columns: ["Requirement", "Evidence", "Tests", "Ready", "Minutes"],
  rows: [["FR-102", toneCell("bad", "NOK"), runsCell(["TC-003 [", toneCell("bad", "NOK"), "], TC-004 [OK]"]), percentCell("8.3"), 466200]],
};

describe("number formatting", () => {
  it("groups thousands in numbers and decimals for people, the same way formatMoney does; CSV keeps them plain", () => {
    expect(cellText(466200)).toBe("466,200");
    expect(cellText(decimal("-1234567.5"))).toBe("-1,234,567.5");
    expect(cellText(decimal("999.125"))).toBe("999.125");
    expect(cellText(money("1201841.04", "EUR"))).toBe("EUR 1,201,841.04");
    expect(cellPlain(466200)).toBe("466200");
    expect(cellPlain(decimal("-1234567.5"))).toBe("-1234567.5");
  });

  it("groupDigits only inserts separators: removing them gives the decimal back (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.nat({ max: 9999 }), (whole, frac) => {
        const text = `${whole}${frac > 0 ? `.${frac}` : ""}`;
        const grouped = groupDigits(text);
        expect(grouped.replace(/,/g, "")).toBe(text);
        // Every group after the first has exactly three digits.
        const int = grouped.replace(/^-/, "").split(".")[0]!;
        expect(int.split(",").slice(1).every((g) => g.length === 3)).toBe(true);
        expect(int.split(",")[0]!.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 200, seed: 17 },
    );
  });
});

describe("percent cells", () => {
  it("print with a % sign, are numeric (right-aligned), and keep a missing figure's reason", () => {
    // 466,056 of 466,200 agreed minutes up = 99.96911…%; four places half-even → 99.9691.
    const erp = decimal(466056).div(466200).times(100);
    expect(cellText(percent(metric(erp), 4))).toBe("99.9691%");
    expect(cellText(percent(missing("no-data"), 1))).toBe("n/a (no-data)");
    expect(cellText(percentCell(decimal("1234.5")))).toBe("1,234.5%");
    expect(cellPlain(percentCell("75"))).toBe("75");
    expect(markdownTable({ columns: ["Ready"], rows: [[percentCell("8.3")]] })).toBe("| Ready |\n| --: |\n| 8.3% |\n");
    expect(() => percentCell("abc")).toThrow(ValidationError);
    expect(() => percentCell(Number.NaN)).toThrow(ValidationError);
  });

  it("are numbers in a workbook, with the sign as a literal in the format (not Excel's ×100 percent)", () => {
    expect(xlsxCell(percentCell("99.9691"))).toEqual({ kind: "number", value: 99.9691, format: '#,##0.0000"%"' });
    expect(xlsxCell(percentCell("75"))).toEqual({ kind: "number", value: 75, format: '#,##0"%"' });
  });
});

describe("tone cells", () => {
  it("colour the word in HTML and never drop it; only the toned run of a runs cell is coloured", () => {
    const html = htmlTable(table);
    expect(html).toContain('<td><span class="tone tone-bad">NOK</span></td>');
    expect(html).toContain('<td>TC-003 [<span class="tone tone-bad">NOK</span>], TC-004 [OK]</td>');
    expect(html).toContain('<td class="num">8.3%</td>');
    expect(html).toContain('<td class="num">466,200</td>');
  });

  it("are the word in bold in Markdown, the plain word in CSV", () => {
    expect(markdownTable(table).split("\n")[2]).toBe("| FR-102 | **NOK** | TC-003 \\[**NOK**\\], TC-004 \\[OK\\] | 8.3% | 466,200 |");
    expect(markdownTable({ columns: ["a"], rows: [[toneCell("good", "OK")]] }).split("\n")[2]).toBe("| OK |");
    expect(tableToCsv(table)).toBe("Requirement,Evidence,Tests,Ready (%),Minutes\r\nFR-102,NOK,\"TC-003 [NOK], TC-004 [OK]\",8.3,466200\r\n");
  });

  it("are filled text in a workbook: a runs cell takes its strongest tone", async () => {
    expect(xlsxCell(toneCell("warning", "NOT RUN"))).toEqual({ kind: "text", value: "NOT RUN", tone: "warning" });
    expect(xlsxCell(runsCell(["TC-1 [", toneCell("warning", "NOT RUN"), "], TC-2 [", toneCell("bad", "NOK"), "]"]))).toEqual({ kind: "text", value: "TC-1 [NOT RUN], TC-2 [NOK]", tone: "bad" });
    expect(xlsxCell(runsCell(["plain"]))).toEqual({ kind: "text", value: "plain" });
    const bytes = await renderXlsxReport({ title: "t", sections: [{ heading: "Trace", blocks: [{ kind: "table", table }] }] });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = book.getWorksheet(planXlsxReport({ title: "t", sections: [{ heading: "Trace", blocks: [{ kind: "table", table }] }] }).sheets[0]!.name)!;
    // The bad tone's fill is the red RAG fill (FFFFC7CE); the word stays the cell's value.
    expect(ws.getCell("B2").value).toBe("NOK");
    expect((ws.getCell("B2").fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe("FFFFC7CE");
    expect(ws.getCell("D2").value).toBe(8.3);
    expect(ws.getCell("D2").numFmt).toBe('#,##0.0"%"');
    expect((ws.getCell("A2").fill as { pattern?: string } | undefined)?.pattern ?? "none").toBe("none");
  });

  it("refuse an unknown tone, a bad run and malformed cells in a report", () => {
    expect(() => toneCell("red" as never, "NOK")).toThrow(/not a tone/);
    expect(() => runsCell(["a", { kind: "rag", colour: "red" } as never])).toThrow(ValidationError);
    const report = (cell: unknown) => ({ title: "t", sections: [{ heading: "h", blocks: [{ kind: "table", table: { columns: ["a"], rows: [[cell]] } }] }] });
    expect(() => validateReport(report({ kind: "tone", tone: "loud", text: "x" }))).toThrow(/tone cell/);
    expect(() => validateReport(report({ kind: "runs", runs: ["a", 1] }))).toThrow(/runs cell/);
    expect(() => validateReport(report({ kind: "percent", value: 5 }))).toThrow(/percent cell/);
    expect(validateReport(report(toneCell("bad", "NOK")))).toBeTruthy();
  });
});

describe("new cells in JSON", () => {
  it("keep their kind: a tone with its text, runs in order, a percentage as a decimal string", () => {
    const doc = JSON.parse(renderJsonReport({ title: "t", sections: [{ heading: "h", blocks: [{ kind: "table", table }] }] })) as { sections: { blocks: { rows: unknown[][] }[] }[] };
    expect(doc.sections[0]!.blocks[0]!.rows[0]).toEqual([
      "FR-102", { tone: "bad", text: "NOK" }, { runs: ["TC-003 [", { tone: "bad", text: "NOK" }, "], TC-004 [OK]"] }, { percent: "8.3" }, "466200",
    ]);
  });
});

describe("malformed new cells from JavaScript", () => {
  it("are a ValidationError in every single-table renderer, never markup or a TypeError", () => {
    const hostile = { kind: "tone", tone: '"><script>x</script>', text: "NOK" } as never;
    expect(() => htmlTable({ columns: ["a"], rows: [[hostile]] })).toThrow(ValidationError);
    expect(() => htmlTable({ columns: ["a"], rows: [[{ kind: "runs", runs: "x" } as never]] })).toThrow(ValidationError);
    expect(() => markdownTable({ columns: ["a"], rows: [[{ kind: "percent", value: 5 } as never]] })).toThrow(ValidationError);
    expect(() => tableToCsv({ columns: ["a"], rows: [[{ kind: "runs", runs: [1] } as never]] })).toThrow(ValidationError);
    expect(() => xlsxCell(hostile)).toThrow(ValidationError);
    expect(() => xlsxCell({ kind: "percent", value: "5" } as never)).toThrow(ValidationError);
  });
});
