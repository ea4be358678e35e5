import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { DuplicateIdError } from "../../src/core/index.js";
import { decodeEntity } from "../../src/entities/index.js";
import {
  AZURE_DEVOPS_CSV_PROFILE, csvProblems, exportXlsx, importXlsx, JIRA_CSV_PROFILE, JIRA_JSON_PROFILE, readAllRecords, readTrackerCsv, readTrackerJson,
  trackerToPmokit, writeImportedRecords,
} from "../../src/io/index.js";
import { createMemoryAdapter } from "../../src/storage/index.js";
import { validationErrorOf } from "../support/errors.js";

/*
 * Spreadsheet and work-tracker imports with a malformed row in the middle of a batch: one ValidationError naming the
 * row and the column, and nothing written to storage (the memory adapter stays as it was).
 */
const IMPORTED_AT = "2026-11-25T12:00:00.000Z";
const MAP = { projectId: "PRJ-CRM", plannedStart: "2026-09-01", plannedFinish: "2027-03-31", asOf: "2026-11-20", importedAt: "2026-11-20T17:00:00.000Z" };
const csvLine = (cells: readonly string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
const office = loadSampleOffice();

/** Runs a whole import (read, map, store) into a fresh memory adapter; the error it throws and what was stored. */
async function importInto(run: (adapter: ReturnType<typeof createMemoryAdapter>) => Promise<unknown>) {
  const adapter = createMemoryAdapter();
  const error = await run(adapter).then(() => undefined, (e: unknown) => e);
  const stored = await readAllRecords(adapter);
  return { error, stored: Object.values(stored).reduce((n, list) => n + (list?.length ?? 0), 0) };
}

describe("a malformed row in the middle of a work-tracker export", () => {
  // Jira CSV: epic CRM-1, stories CRM-2 (fine, line 3), CRM-3 (points "x" and 31 February, line 4), CRM-4 (fine, line 5).
  const header = ["Issue key", "Summary", "Issue Type", "Status", "Resolved", "Custom field (Story point estimate)", "Parent"];
  const rows = [
    ["CRM-1", "Lead capture", "Epic", "In Progress", "", "", ""],
    ["CRM-2", "Web form", "Story", "Done", "03/Nov/26 4:10 PM", "5", "CRM-1"],
    ["CRM-3", "Routing", "Story", "Done", "31/Feb/26 4:10 PM", "x", "CRM-1"],
    ["CRM-4", "Dedup", "Story", "To Do", "", "3", "CRM-1"],
  ];
  const csv = [header, ...rows].map(csvLine).join("\n");

  it("Jira CSV: the error names the item and field (path), the file line and the column header (message); nothing is stored", async () => {
    const { error, stored } = await importInto(async (adapter) => writeImportedRecords(adapter, trackerToPmokit(readTrackerCsv(csv, JIRA_CSV_PROFILE), MAP).records));
    expect(stored).toBe(0);
    const e = validationErrorOf(() => { throw error; });
    // Before: "CRM-3.points: \"x\" is not a number of points …" — the line and the column header were not said.
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([
      [["CRM-3", "points"], 'line 4, column "Custom field (Story point estimate)": "x" is not a number of points (digits with at most one decimal point or comma, no thousands separator)'],
      [["CRM-3", "resolved"], 'line 4, column "Resolved": "31/Feb/26 4:10 PM" is not a jira date'],
    ]);
  });

  it("Azure DevOps CSV: a row without its key names its line", () => {
    const ado = [["ID", "Work Item Type", "Title", "State", "Story Points", "Parent"], ["1", "Feature", "F", "Active", "", ""], ["", "User Story", "S", "New", "2", "1"]];
    const e = validationErrorOf(() => readTrackerCsv(ado.map(csvLine).join("\n"), AZURE_DEVOPS_CSV_PROFILE));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[["item 2", "key"], 'line 3, column "ID": the item has no key']]);
  });

  it("Jira JSON: the error names the item's place in the list and the property path", async () => {
    const issue = (key: string, points: unknown) => ({ key, fields: { summary: key, issuetype: { name: "Story" }, status: { name: "Done", statusCategory: { key: "done" } }, customfield_10016: points } });
    const json = JSON.stringify({ issues: [issue("CRM-2", 5), issue("CRM-3", "x"), issue("CRM-4", 3)] });
    const { error, stored } = await importInto(async (adapter) => writeImportedRecords(adapter, trackerToPmokit(readTrackerJson(json, JIRA_JSON_PROFILE), MAP).records));
    expect(stored).toBe(0);
    const e = validationErrorOf(() => { throw error; });
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([
      [["CRM-3", "points"], 'item 2, field fields.customfield_10016: "x" is not a number of points (digits with at most one decimal point or comma, no thousands separator)'],
    ]);
  });
});

describe("a malformed row in the middle of a spreadsheet import", () => {
  it("XLSX: ValidationError at [row, column]; nothing is stored", async () => {
    // Five cost entries; the third gets the currency "EURO" (sheet row 4: the header is row 1).
    const base = office["cost-entry"].slice(0, 5).map((w) => decodeEntity("cost-entry", w));
    const bytes = await exportXlsx({ "cost-entry": base });
    const { sheets } = await import("../../src/io/index.js").then((io) => io.readXlsx(bytes));
    const rows = sheets[0]!.rows.map((r) => [...r.cells]);
    const currency = rows[0]!.indexOf("amount.currency");
    rows[3]![currency] = "EURO";
    // Rewrite the workbook from the edited cells through the CSV path: importXlsx reads the same texts.
    const edited = await exportXlsxFromRows(rows);
    const { error, stored } = await importInto(async (adapter) => writeImportedRecords(adapter, { "cost-entry": importXlsx("cost-entry", edited, { importedAt: IMPORTED_AT }).records }));
    expect(stored).toBe(0);
    expect(csvProblems(validationErrorOf(() => { throw error; })).map((p) => [p.row, p.column])).toEqual([[4, "amount.currency"]]);
  });

  it("storing: a duplicate id half-way through the records rolls back the ones before it", async () => {
    // The store holds entry #2 already; the import brings #1, #2, #3: #1 would be written before #2 fails.
    const [a, b, c] = office["cost-entry"].slice(0, 3).map((w) => decodeEntity("cost-entry", w));
    const adapter = createMemoryAdapter();
    await writeImportedRecords(adapter, { "cost-entry": [b!] });
    await expect(writeImportedRecords(adapter, { "cost-entry": [a!, b!, c!] })).rejects.toBeInstanceOf(DuplicateIdError);
    expect((await readAllRecords(adapter))["cost-entry"]!.map((r) => r.id)).toEqual([b!.id]);
  });
});

/** A one-sheet workbook of inline-string cells. */
async function exportXlsxFromRows(rows: readonly (readonly string[])[]): Promise<Uint8Array> {
  const { strToU8, zipSync } = await import("fflate");
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const col = (i: number) => String.fromCharCode(65 + i);
  const sheet = rows.map((r, y) => `<row r="${y + 1}">${r.map((v, x) => `<c r="${col(x)}${y + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join("")}</row>`).join("");
  return zipSync({
    "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`),
  });
}
