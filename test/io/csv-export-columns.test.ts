import { describe, expect, it } from "vitest";
import { decodeEntity, type EntityOf } from "../../src/entities/index.js";
import { exportCsv, importCsv } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

function entry(id: string): EntityOf<"cost-entry"> {
  const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
  return decodeEntity("cost-entry", { ...base, id });
}

// Before: a column that is no field of the kind (a typo such as `amount.value`, `descripton`) was written as an empty
// column under its header, so the export silently lost the data the caller asked for. After: refused before anything
// is written, one issue per unknown column at ["columns", index], naming it.
describe("exportCsv columns must be fields of the kind", () => {
  it("refuses unknown columns, naming each with its path", () => {
    const e = validationErrorOf(() => exportCsv("cost-entry", [entry("ce-1")], { columns: ["id", "amount.value", "description", "descripton", "toString"] }));
    expect(e.issues.map((i) => i.path)).toEqual([["columns", 1], ["columns", 3], ["columns", 4]]);
    expect(e.issues[0]!.message).toContain('"amount.value" is not a field of a cost-entry');
    expect(e.issues[1]!.message).toContain('"descripton"');
  });

  it("accepts nested field paths and JSON fields, and reads them back", () => {
    const csv = exportCsv("cost-entry", [entry("ce-1")], { columns: ["id", "projectId", "date", "amount.amount", "amount.currency", "category", "expenditure", "fxRate"] });
    const back = importCsv("cost-entry", csv, { importedAt: IMPORTED_AT }).records;
    expect(back[0]!.amount.amount.toFixed(2)).toBe(entry("ce-1").amount.amount.toFixed(2));
  });

  it("refuses a path below a field that has no properties (a list cell is written whole)", () => {
    const e = validationErrorOf(() => exportCsv("requirement", [], { columns: ["id", "tags.0"] }));
    expect(e.issues.map((i) => i.path)).toEqual([["columns", 1]]);
  });

  it("refuses a column given twice (its own import refuses the repeated header)", () => {
    // Before: written twice, so importCsv refused the file ("repeats column 2").
    const e = validationErrorOf(() => exportCsv("cost-entry", [entry("ce-1")], { columns: ["id", "description", "amount.amount", "description"] }));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[["columns", 3], '"description" repeats column 2']]);
  });
});
