import { describe, expect, it } from "vitest";
import { decodeEntity, type EntityOf } from "../../src/entities/index.js";
import { csvProblems, exportCsv, importCsv, importCsvBatches, XLSX_MAX_CELL_CHARS } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

function requirement(id: string, criteria: string[]): EntityOf<"requirement"> {
  const base = loadSampleOffice().requirement[0] as Record<string, unknown>;
  return decodeEntity("requirement", { ...base, id, acceptanceCriteria: criteria });
}

// 20 criteria of 2,000 characters, one per line: 20 × 2,000 + 19 line breaks = 40,019 characters in one cell, which the
// entity allows (200 × 2,000) but no spreadsheet cell holds (Excel: 32,767, cut on open).
const LONG = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, "0")}${"x".repeat(1998)}`);

// Before: a cell of any length passed through CSV import silently (and export wrote one that Excel cuts on open).
// After: the limit is XLSX_MAX_CELL_CHARS (32,767, as exportXlsx's) unless `maxCellChars` says otherwise; import refuses
// a longer cell at its [line, column] with the import's other problems, export at [index, field], nothing written.
describe("CSV cell length limit", () => {
  it("export refuses a cell over 32,767 characters, naming the record", () => {
    const e = validationErrorOf(() => exportCsv("requirement", [requirement("REQ-OK", ["short"]), requirement("REQ-LONG", LONG)]));
    expect(e.issues.map((i) => i.path)).toEqual([[1, "acceptanceCriteria"]]);
    expect(e.issues[0]!.message).toBe("record 2 (REQ-LONG): 40,019 characters; a CSV cell holds at most 32,767 (maxCellChars; Excel cuts a longer one)");
  });

  it("import refuses such a cell at its line and column, the stream too", async () => {
    const csv = exportCsv("requirement", [requirement("REQ-LONG", LONG)], { maxCellChars: 50_000 });
    const problems = csvProblems(validationErrorOf(() => importCsv("requirement", csv, { importedAt: IMPORTED_AT })));
    expect(problems.map((p) => [p.row, p.column, p.message])).toEqual([[2, "acceptanceCriteria", "40,019 characters; a CSV cell holds at most 32,767 (maxCellChars; Excel cuts a longer one)"]]);
    await expect(async () => {
      for await (const _ of importCsvBatches("requirement", [csv], { importedAt: IMPORTED_AT })) void _;
    }).rejects.toThrow(/40,019 characters/);
  });

  it("maxCellChars raised on both sides round-trips the long list; an unusable limit is refused", () => {
    const csv = exportCsv("requirement", [requirement("REQ-LONG", LONG)], { maxCellChars: 50_000 });
    const back = importCsv("requirement", csv, { importedAt: IMPORTED_AT, maxCellChars: 50_000 }).records;
    expect(back[0]!.acceptanceCriteria).toEqual(LONG);
    expect(validationErrorOf(() => importCsv("requirement", csv, { importedAt: IMPORTED_AT, maxCellChars: Number.NaN })).issues[0]!.path).toEqual(["maxCellChars"]);
    expect(XLSX_MAX_CELL_CHARS).toBe(32_767);
  });
});
