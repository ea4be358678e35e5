import { describe, expect, it } from "vitest";
import { decodeEntity, type EntityOf } from "../../src/entities/index.js";
import { exportCsv, exportXlsx, importCsv, importXlsxWorkbook } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { IMPORTED_AT } from "./fixtures.js";

function requirement(acceptanceCriteria: readonly string[]): EntityOf<"requirement"> {
  const base = loadSampleOffice().requirement[0] as Record<string, unknown>;
  return decodeEntity("requirement", { ...base, id: "r-list", acceptanceCriteria });
}

// A list cell holds one item per line, and import splits the cell at line breaks, trims and drops empty lines. So an
// item that itself holds a line break (a Given/When/Then criterion written on three lines) came back changed: before, ["Given a user\nWhen they log in\nThen it works"] was imported as three
// criteria. After: such a list is written as a JSON array of strings (`["Given a user\nWhen …"]`), which import reads
// as that array; a list of plain one-line items is still one item per line.
describe("CSV and XLSX list cells keep every item as written", () => {
  const tricky = ["Given a user\nWhen they log in\nThen it works", "[UI] shows the badge", "plain"];

  it("round-trips items with line breaks or edge spaces through CSV", () => {
    const csv = exportCsv("requirement", [requirement(tricky)]);
    expect(csv).toContain('"[""Given a user\\nWhen they log in\\nThen it works"",""[UI] shows the badge"",""plain""]"');
    expect(importCsv("requirement", csv, { importedAt: IMPORTED_AT }).records[0]!.acceptanceCriteria).toEqual(tricky);
  });

  it("round-trips them through XLSX", async () => {
    const bytes = await exportXlsx({ requirement: [requirement(tricky)] });
    const back = importXlsxWorkbook(bytes, { sheets: { requirement: { kind: "requirement" } }, importedAt: IMPORTED_AT }).records.requirement![0]!;
    expect(back.acceptanceCriteria).toEqual(tricky);
  });

  it("still writes plain items one per line, and reads a hand-written `[` line as text", () => {
    const plain = exportCsv("requirement", [requirement(["Logs in", "Logs out"])]);
    expect(plain).toContain('"Logs in\nLogs out"');
    // A first item starting with `[` is written as JSON, so a cell that is a JSON array is never a hand-written list …
    const csv = exportCsv("requirement", [requirement(["[UI] badge", "Logs in"])]);
    expect(csv).toContain('"[""[UI] badge"",""Logs in""]"');
    expect(importCsv("requirement", csv, { importedAt: IMPORTED_AT }).records[0]!.acceptanceCriteria).toEqual(["[UI] badge", "Logs in"]);
    // … and a cell that is no JSON array of strings is read one item per line, as before.
    const hand = plain.replace('"Logs in\nLogs out"', '"[UI] badge\nLogs in"');
    expect(importCsv("requirement", hand, { importedAt: IMPORTED_AT }).records[0]!.acceptanceCriteria).toEqual(["[UI] badge", "Logs in"]);
  });
});
