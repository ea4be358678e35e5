import { describe, expect, it } from "vitest";
import { decodeEntity, type EntityOf } from "../../src/entities/index.js";
import { exportXlsx, importXlsx, XLSX_MAX_CELL_CHARS } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { IMPORTED_AT } from "./fixtures.js";

function requirement(id: string, criteria: readonly string[]): EntityOf<"requirement"> {
  const base = loadSampleOffice().requirement[0] as Record<string, unknown>;
  return decodeEntity("requirement", { ...base, id, acceptanceCriteria: criteria });
}

async function rejection(p: Promise<unknown>): Promise<{ issues: readonly { path: readonly (string | number)[]; message: string }[] }> {
  try {
    await p;
  } catch (e) {
    return e as never;
  }
  throw new Error("expected a rejection");
}

// Excel holds at most 32,767 characters in a cell ("Excel specifications and limits"); a longer cell makes Excel
// repair the file on open and cut the text. Before: exportXlsx wrote such a cell. After: the export is refused with a
// ValidationError naming the record, the field and the sheet cell, and no workbook is returned.
describe("exportXlsx and Excel's cell limit", () => {
  it("is 32,767", () => {
    expect(XLSX_MAX_CELL_CHARS).toBe(32_767);
  });

  it("refuses a cell over the limit, naming kind, row, field and cell", async () => {
    // 20 criteria of 2,000 characters, one per line: 20 × 2,000 + 19 line breaks = 40,019 characters.
    const long = requirement("REQ-LONG", Array.from({ length: 20 }, (_, i) => String.fromCharCode(97 + i).repeat(2_000)));
    const ok = requirement("REQ-OK", ["short"]);
    const e = await rejection(exportXlsx({ requirement: [ok, long] }));
    expect(e.issues.map((i) => i.path)).toEqual([["requirement", 1, "acceptanceCriteria"]]);
    // Row 3 of the sheet (header, REQ-OK, REQ-LONG); the column of acceptanceCriteria in the profile.
    expect(e.issues[0]!.message).toMatch(/^requirement!([A-Z]+)3 \(REQ-LONG\): 40,019 characters; an Excel cell holds at most 32,767$/);
  });

  it("writes a cell of exactly 32,767 characters and reads it back whole", async () => {
    // 16 × 2,000 + 15 line breaks = 32,015; plus one criterion of 751 and its line break: 32,767.
    const criteria = [...Array.from({ length: 16 }, () => "x".repeat(2_000)), "y".repeat(751)];
    expect(criteria.join("\n").length).toBe(32_767);
    const bytes = await exportXlsx({ requirement: [requirement("REQ-EDGE", criteria)] });
    expect(importXlsx("requirement", bytes, { importedAt: IMPORTED_AT }).records[0]!.acceptanceCriteria).toEqual(criteria);
  });

  it("counts the text as Excel does (UTF-16 units of the decoded text), not its escaped form", async () => {
    // 15 × 2,000 + 1,995 + 15 line breaks = 32,010 characters; each literal "_x0041_" (7) is written "_x005F_x0041_"
    // (13) in the XML, so the escaped text is 32,010 + 285 × 6 = 33,720 — over the limit, the cell is not.
    const criteria = [...Array.from({ length: 15 }, () => "x".repeat(2_000)), "_x0041_".repeat(285)];
    const bytes = await exportXlsx({ requirement: [requirement("REQ-ESC", criteria)] });
    expect(importXlsx("requirement", bytes, { importedAt: IMPORTED_AT }).records[0]!.acceptanceCriteria).toEqual(criteria);
  });
});
