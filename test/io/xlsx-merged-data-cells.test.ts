import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { importXlsx, importXlsxWorkbook } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";
import { workbook } from "./merged-workbook.js";

function refusal(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("XLSX merged cells in data rows", () => {
  // Before: rows 3 and 4 were imported with no work package, without a word (EUR 500.00 of WP-1's 600.00 cost lost
  // from the package), because the merge's value is stored in its top-left cell only.
  it("a merged value over several data rows is refused by default, naming the merge", () => {
    const e = refusal(() => importXlsx("cost-entry", workbook(), { importedAt: IMPORTED_AT }));
    expect(e.issues.map((i) => i.path)).toEqual([[2, "workPackageId"]]);
    expect(e.issues[0]!.message).toContain("B2:B4");
    expect(e.issues[0]!.message).toContain("mergedCells");
  });

  it('mergedCells: "fill" repeats the value in every cell the merge covers, as the sheet shows it', () => {
    const { records } = importXlsx("cost-entry", workbook(), { importedAt: IMPORTED_AT, mergedCells: "fill" });
    expect(records.map((r) => [r.workPackageId, r.amount.amount.toFixed(2)])).toEqual([["WP-1", "100.00"], ["WP-1", "200.00"], ["WP-1", "300.00"]]);
    const book = importXlsxWorkbook(workbook(), { sheets: { Costs: { kind: "cost-entry", mergedCells: "fill" } }, importedAt: IMPORTED_AT });
    expect(book.records["cost-entry"]?.map((r) => r.workPackageId)).toEqual(["WP-1", "WP-1", "WP-1"]);
  });

  it('mergedCells: "top-left" takes the value as stored, on the first cell only', () => {
    const { records } = importXlsx("cost-entry", workbook(), { importedAt: IMPORTED_AT, mergedCells: "top-left" });
    expect(records.map((r) => r.workPackageId)).toEqual(["WP-1", undefined, undefined]);
  });

  it("a merge over empty cells, or one inside the header, changes nothing", () => {
    expect(importXlsx("cost-entry", workbook("H2:H4"), { importedAt: IMPORTED_AT }).records).toHaveLength(3);
  });

  it("an unknown mergedCells value is refused at its path", () => {
    const e = refusal(() => importXlsx("cost-entry", workbook(), { importedAt: IMPORTED_AT, mergedCells: "spread" as never }));
    expect(e.issues[0]!.path).toEqual(["mergedCells"]);
  });
});
