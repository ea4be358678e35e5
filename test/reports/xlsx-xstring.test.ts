import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/index.js";
import { planXlsxReport, ragCell, renderXlsxReport, type Report } from "../../src/reports/index.js";
import { hasSoffice } from "../support/soffice.js";

const soffice = hasSoffice();

// ECMA-376 §22.9.2.19 (ST_Xstring): a reader turns `_xHHHH_` in a cell text into the character U+HHHH, so a user's
// literal "_x0041_" must be written "_x005F_x0041_" or Excel and Calc show "A"; a CR must be written "_x000D_" or XML
// reads it as LF. Before: the report workbook wrote user text raw ("_x0041_" read back "A", "a\r\nb" as "a\nb").
function report(): Report {
  return {
    title: "Escapes _x0045_",
    asOf: "2026-11-20",
    sections: [
      {
        heading: "Texts",
        blocks: [
          {
            kind: "table",
            table: {
              columns: ["Item _x0042_", "Status"],
              rows: [
                ["_x0041_", ragCell("amber", "rule _x0043_")],
                ["tab\tand _x005F_ and _x005f_x0041_", ragCell("green")],
                ["cr a\r\nb", ragCell("red")],
              ],
            },
          },
          { kind: "paragraph", text: "para _x0044_" },
        ],
      },
    ],
  };
}

describe("report workbook: user text survives the _xHHHH_ escape", () => {
  it("reads back with pmokit's reader exactly as written (headers, text cells, RAG rules, cover)", async () => {
    const { sheets } = readXlsx(await renderXlsxReport(report()));
    const texts = sheets.find((s) => s.name === "Texts")!.rows.map((r) => r.cells);
    expect(texts).toEqual([
      ["Item _x0042_", "Status"],
      ["_x0041_", "A Amber"],
      ["tab\tand _x005F_ and _x005f_x0041_", "G Green"],
      ["cr a\r\nb", "R Red"],
    ]);
    const cover = sheets.find((s) => s.name === "Cover")!.rows.map((r) => r.cells);
    expect(cover).toContainEqual(["Report", "Escapes _x0045_"]);
    expect(cover).toContainEqual(["Colour", "A Amber at Texts!B2 (_x0041_ — Status): rule _x0043_"]);
    expect(cover).toContainEqual(["Note", "Texts: para _x0044_"]);
  });

  it("writes a control character XML cannot hold as its escape instead of dropping it", async () => {
    // U+0007 (a bell pasted from a terminal) is no XML 1.0 character. Before: exceljs dropped it ("bell here").
    // Escaped, it is _x0007_ and reads back as U+0007.
    const bytes = await renderXlsxReport({ title: "t", sections: [{ heading: "S", blocks: [{ kind: "table", table: { columns: ["a"], rows: [["bell\u0007 here"]] } }] }] });
    expect(readXlsx(bytes).sheets.find((s) => s.name === "S")!.rows[1]!.cells).toEqual(["bell\u0007 here"]);
  });

  it.skipIf(!soffice)("LibreOffice Calc reads the same texts (converted to CSV)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pmokit-xstring-"));
    try {
      writeFileSync(join(dir, "report.xlsx"), await renderXlsxReport(report()));
      // comma, double quote, UTF-8, first line 1, raw values, every sheet to its own file (-1).
      execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, join(dir, "report.xlsx")], { stdio: "ignore", timeout: 120_000 });
      const csv = readFileSync(join(dir, "report-Texts.csv"), "utf8");
      expect(csv.startsWith("Item _x0042_,Status\n_x0041_,A Amber\n")).toBe(true);
      expect(csv).toContain("tab\tand _x005F_ and _x005f_x0041_");
      // Calc holds a line break as LF: the CR it read from _x000D_ is kept beside it or folded, never "_x000D_" text.
      expect(csv).toMatch(/"cr a\r?\nb"/);
      expect(readFileSync(join(dir, "report-Cover.csv"), "utf8")).toContain("rule _x0043_");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe("report workbook: sheet names", () => {
  // A sheet's name is an ST_Xstring too: LibreOffice shows a sheet named "S_x0041_" as "SA" (checked with soffice
  // 24: the CSV of that sheet came out as report-SA.csv). Escaping the name could pass the 31-character limit, so the
  // namer treats the `_` that starts a look-alike like the other characters a sheet name cannot hold: a space.
  it("never names a sheet with an _xHHHH_ look-alike", () => {
    const t = { kind: "table" as const, table: { columns: ["a"], rows: [["x"]] } };
    const plan = planXlsxReport({ title: "t", sections: [{ heading: "S_x0041_", blocks: [t] }, { heading: "a_x005f_x0042_b", blocks: [t] }] });
    expect(plan.sheets.map((s) => s.name)).toEqual(["S x0041_", "a x005f x0042_b"]);
  });

  it.skipIf(!soffice)("LibreOffice shows the sheet name as planned", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pmokit-xstring-"));
    try {
      const t = { kind: "table" as const, table: { columns: ["a"], rows: [["x"]] } };
      writeFileSync(join(dir, "r.xlsx"), await renderXlsxReport({ title: "t", sections: [{ heading: "S_x0041_", blocks: [t] }] }));
      execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, join(dir, "r.xlsx")], { stdio: "ignore", timeout: 120_000 });
      expect(readFileSync(join(dir, "r-S x0041_.csv"), "utf8")).toBe("a\nx\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
