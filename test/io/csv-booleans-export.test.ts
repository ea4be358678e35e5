import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { decodeEntity } from "../../src/entities/index.js";
import { exportCsv, importCsv } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

/** The sample's first checklist item, as three items with blocking/freezeExempt true/false, false/true, true/true. */
function items() {
  const wire = loadSampleOffice()["checklist-item"][0] as Record<string, unknown>;
  return ([[true, false], [false, true], [true, true]] as const).map(([blocking, freezeExempt], i) => decodeEntity("checklist-item", { ...wire, id: `ci-${i + 1}`, blocking, freezeExempt }));
}

/** The blocking and freezeExempt cells of an exported `;` file, row by row. */
function booleanCells(text: string): string[][] {
  const [header, ...rows] = parse(text, { delimiter: ";", bom: true }) as string[][];
  const at = ["blocking", "freezeExempt"].map((h) => header!.indexOf(h));
  return rows.map((r) => at.map((c) => r[c]!));
}

describe("exportCsv booleans: the words the import's booleans option reads", () => {
  // Before: exportCsv had no booleans option, so a German file exported from pmokit said true/false however the
  // import was told to read Ja/Nein — a round trip of booleans was not symmetric. After: the first word of each list
  // is written, so the same option on both sides gives the same records back.
  const booleans = { true: ["Ja", "WAHR"], false: ["Nein", "FALSCH"] };

  it("writes the first word of each list, and the import with the same option reads the records back", () => {
    const text = exportCsv("checklist-item", items(), { delimiter: ";", booleans });
    expect(booleanCells(text)).toEqual([["Ja", "Nein"], ["Nein", "Ja"], ["Ja", "Ja"]]);
    const back = importCsv("checklist-item", text, { importedAt: IMPORTED_AT, delimiter: ";", booleans }).records;
    expect(back.map((r) => [r.blocking, r.freezeExempt])).toEqual([[true, false], [false, true], [true, true]]);
  });

  it("writes true/false by default and for a side not given", () => {
    expect(booleanCells(exportCsv("checklist-item", items(), { delimiter: ";" }))).toEqual([["true", "false"], ["false", "true"], ["true", "true"]]);
    expect(booleanCells(exportCsv("checklist-item", items(), { delimiter: ";", booleans: { true: ["x"] } }))).toEqual([["x", "false"], ["false", "x"], ["x", "x"]]);
  });

  it("writes a word as given, without the edge spaces the import ignores", () => {
    expect(booleanCells(exportCsv("checklist-item", items(), { delimiter: ";", booleans: { true: [" VRAI "], false: ["FAUX"] } }))[0]).toEqual(["VRAI", "FAUX"]);
  });

  it("neutralises a word a spreadsheet would run, like any cell, and still reads it back", () => {
    // "+" and "-" start a formula in Excel: written '+ and '-, read back as + and -.
    const signs = { true: ["+"], false: ["-"] };
    const text = exportCsv("checklist-item", items(), { delimiter: ";", booleans: signs });
    expect(booleanCells(text)[0]).toEqual(["'+", "'-"]);
    expect(importCsv("checklist-item", text, { importedAt: IMPORTED_AT, delimiter: ";", booleans: signs }).records.map((r) => r.blocking)).toEqual([true, false, true]);
  });

  it.each([
    [{ true: ["ja"], false: ["JA"] }, ["booleans", "false", 0]],
    [{ true: ["0"], false: [] }, ["booleans", "true", 0]],
    [{ true: [""], false: [] }, ["booleans", "true", 0]],
    [{ true: "ja", false: [] }, ["booleans", "true"]],
    [["ja"], ["booleans"]],
  ])("refuses an ambiguous or malformed word list %j at the import's path", (given, path) => {
    const e = validationErrorOf(() => exportCsv("checklist-item", items(), { delimiter: ";", booleans: given as never }));
    expect(e.issues.map((i) => i.path)).toEqual([path]);
  });
});
