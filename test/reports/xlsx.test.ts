import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { decimal, money } from "../../src/core/index.js";
import { excelSerialDay, exactNumber, planXlsxReport, ragCell, renderXlsxReport, xlsxCell, type Report } from "../../src/reports/index.js";
import { hasSoffice } from "../support/soffice.js";

const eur = (a: string) => money(a, "EUR");

/** A small report with every kind of cell: money, a decimal, a date, RAG, a missing metric and formula-like text. */
function sampleReport(): Report {
  return {
    title: "Northwind — PMO report",
    asOf: "2026-11-20",
    sections: [
      {
        heading: "Portfolio",
        blocks: [
          {
            kind: "table",
            table: {
              columns: ["Project", "Overall", "CPI", "EAC", "Forecast finish"],
              rows: [
                ["PRJ-CRM", ragCell("amber", "CPI 0.93 < 0.95"), decimal("0.97"), eur("1201841.04"), "2027-05-05"],
                ["=HYPERLINK(\"http://x\")", ragCell("red", "SPI 0.65 < 0.80"), { value: undefined, reason: "ac-is-zero" }, eur("12345678901234567.89"), "+1"],
                ["@SUM(A1)", ragCell("green"), decimal("-0.5"), eur("-1250.5"), "-2"],
              ],
            },
          },
          { kind: "figures", items: [{ label: "BAC", value: eur("1167000") }] },
          { kind: "list", items: ["WMS: SPI below 0.80"] },
        ],
        sections: [{ heading: "Milestones", blocks: [{ kind: "table", table: { columns: ["Milestone", "Slip days"], rows: [["Go-live", 5]] } }] }],
      },
    ],
  };
}

describe("xlsx cells", () => {
  it("writes money from its decimal: exact below 16 significant digits, text with a remark above", () => {
    expect(xlsxCell(eur("1234.5"))).toEqual({ kind: "number", value: 1234.5, format: '#,##0.00" EUR"' });
    // 12345678901234567.89 has 19 significant digits: a double would change it (to 12345678901234568).
    expect(xlsxCell(eur("12345678901234567.89"))).toMatchObject({ kind: "text", value: "12345678901234567.89 EUR" });
    expect(exactNumber(decimal("999999999999999"))).toBe(999999999999999); // 15 digits: exact
    expect(exactNumber(decimal("9999999999999999"))).toBeUndefined(); // 16 digits
    expect(exactNumber(decimal("0.1"))).toBe(0.1);
  });

  it("writes dates as serial days in UTC and keeps formula-like text as text", () => {
    // 2026-11-20 is 46346 days after Excel's day 0 (1899-12-30).
    expect(excelSerialDay("2026-11-20")).toBe(46346);
    expect(excelSerialDay("2026-02-30")).toBeUndefined();
    expect(xlsxCell("=1+1")).toEqual({ kind: "text", value: "=1+1" });
    expect(xlsxCell(ragCell("amber", "CPI 0.93 < 0.95"))).toEqual({ kind: "rag", value: "A Amber", colour: "amber", rule: "CPI 0.93 < 0.95" });
    expect(xlsxCell({ value: undefined, reason: "ac-is-zero" })).toEqual({ kind: "text", value: "n/a (ac-is-zero)" });
  });
});

describe("xlsx report plan", () => {
  it("gives each table and figures block a sheet and lists every colour rule and remark on the cover", () => {
    const plan = planXlsxReport(sampleReport());
    expect(plan.sheets.map((s) => s.name)).toEqual(["Portfolio", "Portfolio — figures", "Portfolio — notes", "Portfolio Milestones"]);
    const cover = plan.cover.rows.map((r) => r.map((c) => ("value" in c ? String(c.value) : c.kind === "date" ? c.text : "")));
    expect(cover).toContainEqual(["Status date", "2026-11-20"]);
    expect(cover).toContainEqual(["Colour", "A Amber at Portfolio!B2 (PRJ-CRM — Overall): CPI 0.93 < 0.95"]);
    expect(cover).toContainEqual(["Colour", "G Green at Portfolio!B4 (@SUM(A1) — Overall): no rule given"]);
    expect(cover.some(([k, v]) => k === "Note" && v!.startsWith("Portfolio!D3") && v!.includes("written as text"))).toBe(true);
    expect(plan.sheets[2]!.rows).toEqual([[{ kind: "text", value: "WMS: SPI below 0.80" }]]);
  });

  it("makes sheet names legal and unique", () => {
    const t = { kind: "table" as const, table: { columns: ["A"], rows: [] } };
    const plan = planXlsxReport({ title: "t", sections: [{ heading: "a/b:c?*[d] and a name longer than thirty-one", blocks: [t] }, { heading: "a/b:c?*[d] and a name longer than thirty-one", blocks: [t] }, { heading: "Cover", blocks: [t] }] });
    expect(plan.sheets.map((s) => s.name)).toEqual(["a b c d and a name longer than", "a b c d and a name longer t (2)", "Cover (2)"]);
    for (const s of plan.sheets) expect(s.name.length).toBeLessThanOrEqual(31);
  });

  it("names a sheet as the workbook will: no half of a surrogate pair at the 31-unit cut, no control character", async () => {
    const t = { kind: "table" as const, table: { columns: ["A"], rows: [["x"]] } };
    // 30 letters and an emoji (2 UTF-16 units): the cut at 31 used to keep the emoji's high half, which the workbook
    // writes as U+FFFD ("AAA…A\ufffd"), so the cover named a sheet the workbook does not have.
    const report = { title: "t", sections: [{ heading: `${"A".repeat(30)}😀 tail`, blocks: [t] }, { heading: "Risks\u0007 and\u0085 issues\u007f", blocks: [t] }] };
    const names = planXlsxReport(report).sheets.map((s) => s.name);
    expect(names).toEqual(["A".repeat(30), "Risks and issues"]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await renderXlsxReport(report)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Cover", ...names]);
  });
});

describe("xlsx report workbook", () => {
  it("has native formats, frozen filtered headers, filled RAG cells and no formulas", async () => {
    const bytes = await renderXlsxReport(sampleReport());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Cover", "Portfolio", "Portfolio — figures", "Portfolio — notes", "Portfolio Milestones"]);
    const ws = book.getWorksheet("Portfolio")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeDefined();
    expect(ws.getCell("D2").value).toBe(1201841.04);
    expect(ws.getCell("D2").numFmt).toBe('#,##0.00" EUR"');
    expect(ws.getCell("D3").value).toBe("12345678901234567.89 EUR");
    // Serial 46512 (2027-05-05 = 46346 + 10 + 31 + 31 + 28 + 31 + 30 + 5) with a date format reads back as that date.
    expect(ws.getCell("E2").value).toEqual(new Date(Date.UTC(2027, 4, 5)));
    expect(ws.getCell("E2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("B2").value).toBe("A Amber");
    expect(ws.getCell("B2").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFFEB9C" } });
    expect(ws.getCell("A3").value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    const xml = Object.entries(unzipSync(bytes)).filter(([n]) => n.endsWith(".xml")).map(([, d]) => strFromU8(d)).join("");
    expect(xml).not.toMatch(/<f[ >]/);
    // Column widths fit the longest value shown, plus 2.
    const sheet = strFromU8(unzipSync(bytes)["xl/worksheets/sheet2.xml"]!);
    expect(sheet).toMatch(/<col min="1" max="1" width="24"/); // '=HYPERLINK("http://x")' is 22 characters + 2
    expect(sheet).toMatch(/<col min="4" max="4" width="26"/); // "12345678901234567.89 EUR" is 24 characters + 2
  });

  it("gives the same bytes for the same report", async () => {
    expect(Buffer.from(await renderXlsxReport(sampleReport())).equals(Buffer.from(await renderXlsxReport(sampleReport())))).toBe(true);
  });
});

if (hasSoffice()) {
  describe("xlsx report in LibreOffice", () => {
    it("opens headlessly and converts every sheet to the same values", async () => {
      const dir = mkdtempSync(join(tmpdir(), "pmokit-xlsx-"));
      try {
        writeFileSync(join(dir, "report.xlsx"), await renderXlsxReport(sampleReport()));
        // Filter options: comma, double quote, UTF-8, raw values (not as shown), every sheet to its own file (-1).
        execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, join(dir, "report.xlsx")], { stdio: "ignore", timeout: 120_000 });
        const sheet = (name: string) => readFileSync(join(dir, `report-${name}.csv`), "utf8").trim().split("\n");
        expect(readdirSync(dir).filter((f) => f.endsWith(".csv")).sort()).toEqual(["report-Cover.csv", "report-Portfolio Milestones.csv", "report-Portfolio — figures.csv", "report-Portfolio — notes.csv", "report-Portfolio.csv"]);
        expect(sheet("Portfolio")).toEqual([
          "Project,Overall,CPI,EAC,Forecast finish",
          "PRJ-CRM,A Amber,0.97,1201841.04,2027-05-05",
          '"=HYPERLINK(""http://x"")",R Red,n/a (ac-is-zero),12345678901234567.89 EUR,+1',
          "@SUM(A1),G Green,-0.5,-1250.5,-2",
        ]);
        expect(sheet("Portfolio — figures")).toEqual(["Figure,Value,As shown", 'BAC,1167000,"EUR 1,167,000.00"']);
        expect(sheet("Cover")).toContain("Status date,2026-11-20");
        expect(sheet("Portfolio — notes")).toEqual(["Note", "WMS: SPI below 0.80"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 180_000);
  });
} else {
  describe("xlsx report in LibreOffice (skipped: soffice not installed)", () => {
    it("has no soffice on the PATH", () => {
      expect(hasSoffice()).toBe(false);
    });
  });
}
