import { describe, expect, it } from "vitest";
import { decodeEntity, type EntityOf } from "../../src/entities/index.js";
import { exportCsv, exportXlsx, importCsv, importXlsxWorkbook } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { IMPORTED_AT } from "./fixtures.js";

// A table cell cannot tell the empty text "" from no value: export writes both as an empty cell. The convention (see
// docs/interop.md, "Empty cells"): an empty cell is the empty text for a text field the entity requires and that takes
// "" (a request's `purpose` and `need`, `z.string().max(20_000)` without a default), and no value for any other
// field — an optional text such as a cost entry's `description` ("" and absent both mean "none"; no rule of pmokit
// tells them apart).

const office = loadSampleOffice() as unknown as Record<string, Record<string, unknown>[]>;
const request = decodeEntity("request", { ...office["request"]![0]!, purpose: "", need: "" });
const cost = decodeEntity("cost-entry", { ...office["cost-entry"]![0]!, id: "ce-1", description: "" });

describe("empty text fields through CSV and XLSX", () => {
  it("a request whose purpose and need are \"\" reads back from CSV (before: refused, `[2].purpose: required field is missing`)", () => {
    const back = importCsv("request", exportCsv("request", [request]), { importedAt: IMPORTED_AT }).records[0]!;
    expect([back.purpose, back.need]).toEqual(["", ""]);
  });

  it("and from XLSX", async () => {
    const bytes = await exportXlsx({ request: [request] });
    const back = importXlsxWorkbook(bytes, { sheets: { request: { kind: "request" } }, importedAt: IMPORTED_AT }).records.request![0]! as EntityOf<"request">;
    expect([back.purpose, back.need]).toEqual(["", ""]);
  });

  it("a default for the column still fills an empty cell of a required text (the control)", () => {
    const csv = exportCsv("request", [request]);
    const back = importCsv("request", csv, { importedAt: IMPORTED_AT, defaults: { purpose: "Replace the CRM", need: "Support ends" } }).records[0]!;
    expect([back.purpose, back.need]).toEqual(["Replace the CRM", "Support ends"]);
  });

  it("an optional text written as \"\" reads back as absent, from CSV and XLSX (the convention pinned)", async () => {
    expect(cost.description).toBe("");
    const fromCsv = importCsv("cost-entry", exportCsv("cost-entry", [cost]), { importedAt: IMPORTED_AT }).records[0]!;
    expect(Object.hasOwn(fromCsv, "description")).toBe(false);
    const bytes = await exportXlsx({ "cost-entry": [cost] });
    const fromXlsx = importXlsxWorkbook(bytes, { sheets: { "cost-entry": { kind: "cost-entry" } }, importedAt: IMPORTED_AT }).records["cost-entry"]![0]!;
    expect(Object.hasOwn(fromXlsx, "description")).toBe(false);
  });

  it("an empty cell of another required field is still missing, not \"\" (a cost entry's date)", () => {
    const csv = exportCsv("cost-entry", [cost]).replace(/2026-\d\d-\d\d/, "");
    expect(() => importCsv("cost-entry", csv, { importedAt: IMPORTED_AT })).toThrow(/date: required field is missing/);
  });
});
