import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEntity, type EntityOf } from "../../src/entities/index.js";
import { exportCsv, importCsv, importCsvBatches, neutraliseCell, restoreCell, type CsvDelimiter } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { hasSoffice } from "../support/soffice.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

const soffice = hasSoffice();

function entry(id: string, description: string): EntityOf<"cost-entry"> {
  const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
  return decodeEntity("cost-entry", { ...base, id, description });
}

// Before: exportCsv and importCsv knew only `,`; a `;` file (what Excel writes in German, French … locales) or a tab
// file could not be written or read. After: `delimiter: "," | ";" | "\t"` on both, like `bom`. The formula rule
// follows the delimiter: a cell holding the delimiter is quoted, so only the *other* separators a spreadsheet in
// another locale may split at start a cell of their own — `;` in a `,` file (as before), `,` in a `;` file, both in
// a tab file — and an apostrophe goes after those.
describe("CSV delimiter option", () => {
  it.each<[CsvDelimiter, string]>([[",", ","], [";", ";"], ["\t", "\t"]])("writes and reads %j", (delimiter, sep) => {
    const entries = [entry("ce-1", "a,b;c\td \"q\"\nline 2"), entry("ce-2", "=1+1"), entry("ce-3", "plain")];
    const csv = exportCsv("cost-entry", entries, { delimiter });
    expect(csv.split("\n")[0]).toBe(exportCsv("cost-entry", []).split("\n")[0]!.split(",").join(sep));
    const back = importCsv("cost-entry", csv, { importedAt: IMPORTED_AT, delimiter }).records;
    expect(back.map((r) => r.description)).toEqual(entries.map((e) => e.description));
    expect(back.map((r) => r.amount.amount.toFixed())).toEqual(entries.map((e) => e.amount.amount.toFixed()));
  });

  it("neutralises after the separators another locale splits at, by delimiter", () => {
    expect(neutraliseCell("x;=1,=2")).toBe("x;'=1,=2"); // `,` file: after `;` only (the `,` cell is quoted)
    expect(neutraliseCell("x;=1,=2", ";")).toBe("x;=1,'=2"); // `;` file: after `,` only
    expect(neutraliseCell("x;=1,=2", "\t")).toBe("x;'=1,'=2"); // tab file: after both
    expect(restoreCell("x;=1,'=2", ";")).toBe("x;=1,=2");
    expect(restoreCell("x;'=1,'=2", "\t")).toBe("x;=1,=2");
    // A `;'` the `;` file never added stays the user's text.
    expect(restoreCell("x;'=1", ";")).toBe("x;'=1");
  });

  it("restoreCell(neutraliseCell(s, d), d) is s for every delimiter (property)", () => {
    const piece = fc.constantFrom(";", ",", "\t", "=", "+", "-", "@", "'", "\r", "a", "1", " ", "12.5");
    for (const d of [",", ";", "\t"] as const) {
      fc.assert(fc.property(fc.array(piece, { maxLength: 14 }).map((p) => p.join("")), (s) => restoreCell(neutraliseCell(s, d), d) === s), { seed: 5, numRuns: 500 });
    }
  });

  it("a `;` file with a `,=` description round-trips, the `,` cell neutralised", () => {
    const csv = exportCsv("cost-entry", [entry("ce-c", "Fee,=1+1")], { delimiter: ";" });
    expect(csv).toContain("Fee,'=1+1");
    expect(importCsv("cost-entry", csv, { importedAt: IMPORTED_AT, delimiter: ";" }).records[0]!.description).toBe("Fee,=1+1");
  });

  it("streams batches with the delimiter too", async () => {
    const csv = exportCsv("cost-entry", [entry("ce-s", "x,=y")], { delimiter: ";" });
    const got: string[] = [];
    for await (const batch of importCsvBatches("cost-entry", [csv], { importedAt: IMPORTED_AT, delimiter: ";" })) got.push(...batch.map((r) => r.description ?? ""));
    expect(got).toEqual(["x,=y"]);
  });

  it("refuses any other delimiter at its path", () => {
    for (const bad of ["|", ",,", "", "\n", "\""]) {
      expect(validationErrorOf(() => exportCsv("cost-entry", [], { delimiter: bad as CsvDelimiter })).issues[0]!.path).toEqual(["delimiter"]);
      expect(validationErrorOf(() => importCsv("cost-entry", "id\n", { importedAt: IMPORTED_AT, delimiter: bad as CsvDelimiter })).issues[0]!.path).toEqual(["delimiter"]);
    }
  });

  it.skipIf(!soffice)("Calc opening the `;` export with `,` as separator (a US locale) computes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "pmokit-delim-"));
    try {
      writeFileSync(join(dir, "costs.csv"), exportCsv("cost-entry", [entry("ce-c", "Fee,=1+1")], { delimiter: ";" }));
      // Read with separator 44 (`,`), formulas evaluated (last token), written out tab-separated.
      execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--infilter=CSV:44,34,76,1,,0,false,true,false,false,false,false,true", "--convert-to", "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,false,false,false", "--outdir", join(dir, "out"), join(dir, "costs.csv")], { stdio: "ignore", timeout: 120_000 });
      const cells = readFileSync(join(dir, "out", "costs.csv"), "utf8").split(/\r?\n/)[1]!.split("\t");
      // The cell after the `,` starts with the apostrophe: text, not the formula =1+1 (2).
      expect(cells.some((c) => c.startsWith("'=1+1"))).toBe(true);
      expect(cells).not.toContain("2");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
