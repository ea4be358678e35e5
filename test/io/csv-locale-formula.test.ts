import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEntity } from "../../src/entities/index.js";
import { exportCsv, importCsv, neutraliseCell, restoreCell } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { hasSoffice } from "../support/soffice.js";
import { IMPORTED_AT } from "./fixtures.js";

const soffice = hasSoffice();

// pmokit writes CSV with `,`. A spreadsheet whose locale's list separator is `;` (German, French, Dutch … Excel;
// Calc when told so) splits the same line at every `;`, so a cell "x;=1+1" opens as two cells, "…x" and "=1+1",
// and the second runs as a formula. Checked with LibreOffice Calc 24 (CSV import, separator `;`, formulas
// evaluated): before, the exported cell gave a cell showing 2. After, export puts `'` after a `;` that is followed by
// `=`, `+`, `-`, `@`, tab, CR or `'` (so the split-off cell starts with `'` and is text), and import takes exactly
// that `'` away again.

describe("CSV: no formula where a `;` locale splits a cell", () => {
  it("neutralises after `;` and restores exactly", () => {
    expect(neutraliseCell("x;=1+1")).toBe("x;'=1+1");
    expect(neutraliseCell("a;-5;+1;@x;'q")).toBe("a;'-5;'+1;'@x;''q");
    expect(neutraliseCell("a; =1, b;c")).toBe("a; =1, b;c");
    expect(restoreCell("x;'=1+1")).toBe("x;=1+1");
    expect(restoreCell("a;'b")).toBe("a;'b");
  });

  it("restoreCell(neutraliseCell(s)) is s (property)", () => {
    const piece = fc.constantFrom(";", "=", "+", "-", "@", "'", "\t", "\r", "a", "1", " ", ",", "12.5");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }).map((p) => p.join("")), (s) => restoreCell(neutraliseCell(s)) === s),
      { seed: 3, numRuns: 1000 },
    );
  });

  it("a description with `;=` round-trips through exportCsv / importCsv", () => {
    const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
    const entry = decodeEntity("cost-entry", { ...base, id: "ce-semi", description: "Fee;=1+1;-2" });
    const csv = exportCsv("cost-entry", [entry]);
    expect(csv).toContain("Fee;'=1+1;'-2");
    expect(importCsv("cost-entry", csv, { importedAt: IMPORTED_AT }).records[0]!.description).toBe("Fee;=1+1;-2");
  });

  it.skipIf(!soffice)("Calc opening the export with `;` as separator computes nothing", () => {
    const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
    const entry = decodeEntity("cost-entry", { ...base, id: "ce-semi", description: "Fee;=1+1" });
    const dir = mkdtempSync(join(tmpdir(), "pmokit-semi-"));
    writeFileSync(join(dir, "costs.csv"), exportCsv("cost-entry", [entry]));
    execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--infilter=CSV:59,34,76,1,,0,false,true,false,false,false,false,true", "--convert-to", "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,false,false,false", "--outdir", join(dir, "out"), join(dir, "costs.csv")], { stdio: "ignore", timeout: 120_000 });
    const cells = readFileSync(join(dir, "out", "costs.csv"), "utf8").split(/\r?\n/)[1]!.split("\t");
    // Before: the cell after the `;` ("=1+1,TS-…", the rest of the line) ran as a formula and showed Err:509 (with a
    // cell of its own, 2). After: it is the text, apostrophe and all.
    expect(cells[1]).not.toMatch(/^Err:/);
    expect(cells[1]).toContain("'=1+1");
  });
});

// Excel opens a `.csv` without a byte order mark in the system's ANSI code page: UTF-8 "Zürich" shows as "ZÃ¼rich".
// `bom: true` starts the export with U+FEFF, which Excel and Calc take as "UTF-8"; import skips it either way.
describe("CSV export: optional byte order mark", () => {
  it("bom: true writes U+FEFF first and reads back to the same records; default none", () => {
    const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
    const entry = decodeEntity("cost-entry", { ...base, id: "ce-bom", description: "Zürich – Straße" });
    const plain = exportCsv("cost-entry", [entry]);
    const marked = exportCsv("cost-entry", [entry], { bom: true });
    expect(plain.charCodeAt(0)).not.toBe(0xfeff);
    expect(marked).toBe(`\ufeff${plain}`);
    expect(importCsv("cost-entry", marked, { importedAt: IMPORTED_AT }).records[0]!.description).toBe("Zürich – Straße");
  });
});
