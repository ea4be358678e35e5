// opts20: the nested `booleans` bag of the CSV and XLSX importers (and exportCsv) ignored a key it does not know:
// `{ True: ["Ja"] }` (a capital T) left "Ja" unread, so every "Ja" cell was refused as "expected boolean" — or, on
// export, TRUE was written as "true" for a German Excel. The bag now refuses an unknown key at ["booleans", key],
// naming the public function; importXlsxWorkbook's per-sheet mappings refuse unknown keys at ["sheets", name, key].
import { describe, expect, it } from "vitest";
import { decodeEntity } from "../../src/entities/index.js";
import { exportCsv, importCsv, importCsvBatches, importXlsx, importXlsxWorkbook } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { issuesOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

const bad = { True: ["Ja"], false: ["Nein"] } as never;
const refused = (fn: string) => [["booleans.True", `unknown option (${fn} takes true, false)`]];

describe("booleans: unknown keys", () => {
  const item = decodeEntity("checklist-item", loadSampleOffice()["checklist-item"][0]);
  it("importCsv, importCsvBatches, importXlsx, exportCsv name themselves", async () => {
    const text = exportCsv("checklist-item", [item]);
    expect(issuesOf(() => importCsv("checklist-item", text, { importedAt: IMPORTED_AT, booleans: bad }))).toEqual(refused("importCsv"));
    let caught: unknown;
    try {
      for await (const _ of importCsvBatches("checklist-item", [text], { importedAt: IMPORTED_AT, booleans: bad })) void _;
    } catch (e) {
      caught = e;
    }
    expect(issuesOf(() => { throw caught; })).toEqual(refused("importCsvBatches"));
    // Checked before the bytes are read: an empty workbook is not reached.
    expect(issuesOf(() => importXlsx("checklist-item", new Uint8Array(), { importedAt: IMPORTED_AT, booleans: bad }))).toEqual(refused("importXlsx"));
    expect(issuesOf(() => exportCsv("checklist-item", [item], { booleans: bad }))).toEqual(refused("exportCsv"));
    // The right keys: the sample item's blocking flag is written with the first given word.
    const blocking = item.blocking ? "Ja" : "Nein";
    expect(exportCsv("checklist-item", [item], { booleans: { true: ["Ja"], false: ["Nein"] } }).split(/\r?\n/)[1]!.split(",")).toContain(blocking);
  });
  it("importXlsxWorkbook's sheet mappings", () => {
    expect(issuesOf(() => importXlsxWorkbook(new Uint8Array(), { importedAt: IMPORTED_AT, sheets: { Items: { kind: "checklist-item", booleans: bad } } }))).toEqual([
      ["sheets.Items.booleans.True", "unknown option (importXlsxWorkbook takes true, false)"],
    ]);
    expect(issuesOf(() => importXlsxWorkbook(new Uint8Array(), { importedAt: IMPORTED_AT, sheets: { Items: { kind: "checklist-item", mappings: {} } as never } }))[0]![0]).toBe(
      "sheets.Items.mappings",
    );
  });
});
