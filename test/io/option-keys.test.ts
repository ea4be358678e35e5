import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  JIRA_CSV_PROFILE, JIRA_JSON_PROFILE, exportCsv, exportDataset, importCsv, importXlsx, importXlsxWorkbook, mspdiToPmokit, pmokitToMspdi, readMspdi, readReqif, readTrackerCsv, readTrackerJson, readXlsx, reqifToPmokit, trackerToPmokit,
} from "../../src/io/index.js";
import { IMPORTED_AT, fixtureText } from "./fixtures.js";
import { issuesOf } from "../support/errors.js";

// Seventh audit pass: a misspelt option key is refused, not ignored while the default runs (`{ delimeter: ";" }` read
// a semicolon file as one column; `{ currancy: "GBP" }` read the costs in the file's own currency). The io functions
// report their option errors at the option's key (["delimiter"], ["maxDepth"]), so an unknown key's path is [key].

const ROW_KEYS = "mapping, defaults, importedAt, idFor, maxCellChars, neutralised, delimiter, decimalMark, booleans, dateFormat";
const LIMITS = "maxInflatedBytes, maxEntries, maxSharedStrings, maxSharedStringChars, maxRows, maxColumns";
const MSPDI = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const empty = (): Uint8Array =>
  zipSync({
    "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row></sheetData></worksheet>'),
  });

describe("io options: unknown keys", () => {
  it("importCsv and exportCsv", () => {
    expect(issuesOf(() => importCsv("cost-entry", "name\n", { importedAt: IMPORTED_AT, delimeter: ";" } as never))).toEqual([["delimeter", `unknown option (importCsv takes ${ROW_KEYS})`]]);
    expect(issuesOf(() => exportCsv("cost-entry", [], { delimeter: ";" } as never))).toEqual([
      ["delimeter", "unknown option (exportCsv takes columns, bom, delimiter, decimalMark, dateFormat, booleans, maxCellChars)"],
    ]);
    // Correct calls still work: no records → the header only, which imports as no records.
    const csv = exportCsv("cost-entry", [], { delimiter: ";" });
    expect(importCsv("cost-entry", csv, { importedAt: IMPORTED_AT, delimiter: ";" }).records).toEqual([]);
  });
  it("importXlsx", () => {
    expect(issuesOf(() => importXlsx("cost-entry", empty(), { importedAt: IMPORTED_AT, sheetName: "S" } as never))).toEqual([
      ["sheetName", `unknown option (importXlsx takes ${ROW_KEYS}, ${LIMITS}, sheet, headerRows, mergedCells, formatLocale)`],
    ]);
    expect(importXlsx("cost-entry", empty(), { importedAt: IMPORTED_AT, sheet: "S" }).records).toEqual([]);
    expect(issuesOf(() => readXlsx(empty(), { sheet: "S" } as never))).toEqual([["sheet", `unknown option (readXlsx takes ${LIMITS}, sheets, formatLocale)`]]);
    expect(issuesOf(() => importXlsxWorkbook(empty(), { sheets: { S: { kind: "cost-entry" } }, importedAt: IMPORTED_AT, sheet: "S" } as never))).toEqual([
      ["sheet", `unknown option (importXlsxWorkbook takes ${LIMITS}, sheets, importedAt, formatLocale)`],
    ]);
    expect(importXlsxWorkbook(empty(), { sheets: { S: { kind: "cost-entry" } }, importedAt: IMPORTED_AT, maxRows: 10 }).records["cost-entry"] ?? []).toEqual([]);
    // Sheet S: one row, the header cell "name".
    expect(readXlsx(empty(), { sheets: ["S"], maxRows: 10 }).sheets[0]?.rows[0]?.cells).toEqual(["name"]);
  });
  it("readMspdi, mspdiToPmokit and pmokitToMspdi", () => {
    const text = fixtureText("mspdi/mpxj_mspdiresource.xml");
    expect(issuesOf(() => readMspdi(text, { currancy: "GBP" } as never))).toEqual([["currancy", "unknown option (readMspdi takes currency, maxDepth)"]]);
    const doc = readMspdi(text, { currency: "GBP" }).document;
    expect(issuesOf(() => mspdiToPmokit(doc, { ...MSPDI, projectID: "x" } as never))).toEqual([
      ["projectID", "unknown option (mspdiToPmokit takes projectId, projectCode, projectManagerId, sponsorId, importedBy, importedAt, costCategory, expenditure, percentLagUnit)"],
    ]);
    const { records } = mspdiToPmokit(doc, MSPDI);
    expect(records.project?.[0]?.id).toBe("prj-x");
    expect(issuesOf(() => pmokitToMspdi({ project: records.project![0]! } as never, { leveling: true } as never))).toEqual([
      ["leveling", "unknown option (pmokitToMspdi takes percentLagUnit, levelling)"],
    ]);
  });
  it("readReqif, reqifToPmokit and exportDataset", () => {
    const text = fixtureText("reqif/eclipse-rmf_implementor-forum_TC1200-formatted-content.reqif");
    expect(issuesOf(() => readReqif(text, { depth: 5 } as never))).toEqual([["depth", "unknown option (readReqif takes maxDepth)"]]);
    const { document } = readReqif(text, { maxDepth: 200 });
    expect(issuesOf(() => reqifToPmokit(document, { projectId: "prj-b", importedAt: IMPORTED_AT, prefix: "R" } as never))).toEqual([
      ["prefix", "unknown option (reqifToPmokit takes projectId, importedAt, localTimeOffset, keyPrefix, type, priority, verificationMethod, status)"],
    ]);
    expect(reqifToPmokit(document, { projectId: "prj-b", importedAt: IMPORTED_AT }).records.requirement.length).toBeGreaterThan(0);
    expect(issuesOf(() => exportDataset({}, { exported: IMPORTED_AT } as never))).toEqual([["exported", "unknown option (exportDataset takes exportedAt, description)"]]);
    expect(JSON.parse(exportDataset({}, { exportedAt: IMPORTED_AT })).exportedAt).toBe(IMPORTED_AT);
  });
  it("readTrackerCsv, readTrackerJson and trackerToPmokit", () => {
    const profile = JIRA_CSV_PROFILE;
    const csv = "Issue key,Summary,Issue Type,Status\nA-1,Pay by card,Epic,Done\n";
    expect(issuesOf(() => readTrackerCsv(csv, profile, { timezone: "Europe/Berlin" } as never))).toEqual([
      ["timezone", "unknown option (readTrackerCsv takes maxChars, maxItems, timeZone, delimiter)"],
    ]);
    expect(issuesOf(() => readTrackerJson("[]", JIRA_JSON_PROFILE, { timezone: "Europe/Berlin" } as never))).toEqual([
      ["timezone", "unknown option (readTrackerJson takes maxChars, maxItems, timeZone, delimiter)"],
    ]);
    const exp = readTrackerCsv(csv, profile, { timeZone: "Europe/Berlin" });
    const map = { projectId: "PRJ-CRM", plannedStart: "2026-09-01", plannedFinish: "2027-03-31", asOf: "2026-11-20", importedAt: IMPORTED_AT };
    expect(issuesOf(() => trackerToPmokit(exp, { ...map, prefix: "J" } as never))).toEqual([
      ["prefix", "unknown option (trackerToPmokit takes projectId, plannedStart, plannedFinish, asOf, importedAt, codePrefix)"],
    ]);
    expect(exp.items.map((i) => i.key)).toEqual(["A-1"]);
    expect(() => trackerToPmokit(exp, map)).not.toThrow();
  });
});
