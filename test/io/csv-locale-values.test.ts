import { describe, expect, it } from "vitest";
import { decodeEntity } from "../../src/entities/index.js";
import { csvProblems, exportCsv, importCsv, importCsvBatches, importXlsx } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";
import { strToU8, zipSync } from "fflate";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/** A `;` checklist-item CSV of the sample's first item, one row per entry of `rows`, cells replaced by column. */
function checklistCsv(rows: readonly Readonly<Record<string, string>>[]): string {
  const item = decodeEntity("checklist-item", loadSampleOffice()["checklist-item"][0]);
  const [header, cells] = parse(exportCsv("checklist-item", [item], { delimiter: ";" }), { delimiter: ";" }) as [string[], string[]];
  return stringify([header, ...rows.map((r, i) => header.map((h, c) => (h === "id" ? `ci-${i + 1}` : Object.hasOwn(r, h) ? r[h]! : cells[c]!)))], { delimiter: ";" });
}

const COST_HEAD = "id;projectId;date;amount.amount;amount.currency;category;expenditure";
const cost = (id: string, date: string) => `${id};PRJ-CRM;${date};12.50;EUR;labour;opex`;

describe("CSV booleans written in the user's language", () => {
  // German Excel writes TRUE/FALSE as WAHR/FALSCH in a CSV, French VRAI/FAUX; people type Ja/Nein, x. Before and by
  // default: refused ("expected boolean"), since "Ja" could mean anything. With `booleans`, the given words count
  // too, compared without case and edge spaces; true/yes/1 and false/no/0 still do.
  const booleans = { true: ["Ja", "WAHR"], false: ["Nein", "FALSCH"] };

  it("is refused by default, at its line and column", () => {
    const text = checklistCsv([{ blocking: "Ja" }]);
    expect(csvProblems(validationErrorOf(() => importCsv("checklist-item", text, { importedAt: IMPORTED_AT, delimiter: ";" }))).map((p) => [p.row, p.column])).toEqual([[2, "blocking"]]);
  });

  it("reads the given words, the defaults still read", async () => {
    const text = checklistCsv([{ blocking: "Ja", freezeExempt: "nein" }, { blocking: " falsch ", freezeExempt: "WAHR" }, { blocking: "true", freezeExempt: "0" }]);
    const options = { importedAt: IMPORTED_AT, delimiter: ";", booleans } as const;
    const got = importCsv("checklist-item", text, options).records.map((r) => [r.blocking, r.freezeExempt]);
    expect(got).toEqual([[true, false], [false, true], [true, false]]);
    const streamed = [];
    for await (const b of importCsvBatches("checklist-item", [text], options)) streamed.push(...b.map((r) => [r.blocking, r.freezeExempt]));
    expect(streamed).toEqual(got);
  });

  it("still refuses a word in neither list", () => {
    const text = checklistCsv([{ blocking: "vielleicht" }]);
    const problems = csvProblems(validationErrorOf(() => importCsv("checklist-item", text, { importedAt: IMPORTED_AT, delimiter: ";", booleans })));
    expect(problems.map((p) => [p.row, p.column])).toEqual([[2, "blocking"]]);
  });

  it.each([
    [{ true: ["ja"], false: ["JA"] }, ["booleans", "false", 0]],
    [{ true: ["0"], false: [] }, ["booleans", "true", 0]],
    [{ true: [""], false: [] }, ["booleans", "true", 0]],
    [{ true: [1], false: [] }, ["booleans", "true", 0]],
    [{ true: "ja", false: [] }, ["booleans", "true"]],
    [["ja"], ["booleans"]],
  ])("refuses an ambiguous or malformed word list %j at its path", (given, path) => {
    const e = validationErrorOf(() => importCsv("checklist-item", checklistCsv([{}]), { importedAt: IMPORTED_AT, delimiter: ";", booleans: given as never }));
    expect(e.issues.map((i) => i.path)).toEqual([path]);
  });
});

describe("CSV dates written in the user's order", () => {
  // 01.10.2026 (German, dd.mm.yyyy), 1/10/2026 (British, d/m/yyyy), 10/1/2026 (US, m/d/yyyy) are all 2026-10-01.
  // Before and by default: refused ("expected a real calendar date YYYY-MM-DD"): 01/10/2026 is 1 October or 10 January.
  it("is refused by default", () => {
    const text = [COST_HEAD, cost("c1", "01.10.2026")].join("\n");
    expect(csvProblems(validationErrorOf(() => importCsv("cost-entry", text, { importedAt: IMPORTED_AT, delimiter: ";" }))).map((p) => [p.row, p.column])).toEqual([[2, "date"]]);
  });

  it.each([
    ["DD.MM.YYYY", ["01.10.2026", "1.10.2026", "29.02.2024", "2026-10-01"]],
    ["DD/MM/YYYY", ["01/10/2026", "1/10/2026", "29/2/2024", "2026-10-01"]],
    ["MM/DD/YYYY", ["10/01/2026", "10/1/2026", "2/29/2024", "2026-10-01"]],
    ["DD-MM-YYYY", ["01-10-2026", "1-10-2026", "29-02-2024", "2026-10-01"]],
  ] as const)("%s reads the day, and the wire form YYYY-MM-DD still reads", async (dateFormat, dates) => {
    const text = [COST_HEAD, ...dates.map((d, i) => cost(`c${i}`, d))].join("\n");
    const options = { importedAt: IMPORTED_AT, delimiter: ";", dateFormat } as const;
    expect(importCsv("cost-entry", text, options).records.map((r) => r.date)).toEqual(["2026-10-01", "2026-10-01", "2024-02-29", "2026-10-01"]);
    const streamed = [];
    for await (const b of importCsvBatches("cost-entry", [text], options)) streamed.push(...b.map((r) => r.date));
    expect(streamed).toEqual(["2026-10-01", "2026-10-01", "2024-02-29", "2026-10-01"]);
  });

  it("refuses a day that is not in the declared order or not a real day, at its line and column", () => {
    // 13/25/2026: no 25th month; 29.02.2026: 2026 is no leap year; 01.10.26: a two-digit year has no century;
    // 01/10/2026 with DD.MM.YYYY: the wrong separator.
    const text = [COST_HEAD, cost("c1", "13.25.2026"), cost("c2", "29.02.2026"), cost("c3", "01.10.26"), cost("c4", "01/10/2026"), cost("c5", "01.10.2026")].join("\n");
    const problems = csvProblems(validationErrorOf(() => importCsv("cost-entry", text, { importedAt: IMPORTED_AT, delimiter: ";", dateFormat: "DD.MM.YYYY" })));
    expect(problems.map((p) => [p.row, p.column])).toEqual([[2, "date"], [3, "date"], [4, "date"], [5, "date"]]);
    expect(problems[0]!.message).toContain("DD.MM.YYYY");
  });

  it("applies to every date field of the kind (checklist-item dueDate, completedOn) and not to text fields", () => {
    const text = checklistCsv([{ dueDate: "30.11.2026", title: "Review 01.10.2026" }]);
    const [got] = importCsv("checklist-item", text, { importedAt: IMPORTED_AT, delimiter: ";", dateFormat: "DD.MM.YYYY" }).records;
    expect([got!.dueDate, got!.title]).toEqual(["2026-11-30", "Review 01.10.2026"]);
  });

  it("refuses an unknown format at [\"dateFormat\"]", () => {
    const e = validationErrorOf(() => importCsv("cost-entry", COST_HEAD, { importedAt: IMPORTED_AT, delimiter: ";", dateFormat: "YY.MM.DD" as never }));
    expect(e.issues.map((i) => i.path)).toEqual([["dateFormat"]]);
  });

  it("applies to a workbook's text cells too (a typed date cell is already YYYY-MM-DD)", () => {
    const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    const header = COST_HEAD.split(";").map((t, i) => text(`${"ABCDEFG"[i]}1`, t)).join("");
    const values = ["c1", "PRJ-CRM", "01.10.2026", "12.50", "EUR", "labour", "opex"];
    const row = `<row r="2">${values.map((v, i) => text(`${"ABCDEFG"[i]}2`, v)).join("")}</row>`;
    const bytes = zipSync({
      "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData><row r="1">${header}</row>${row}</sheetData></worksheet>`),
    });
    expect(importXlsx("cost-entry", bytes, { importedAt: IMPORTED_AT, dateFormat: "DD.MM.YYYY" }).records.map((r) => r.date)).toEqual(["2026-10-01"]);
  });
});

describe("CSV export in the user's date order", () => {
  // Before: no option; dates were always written 2026-10-01. With dateFormat, the same orders as the import, day and
  // month on two digits (2024-02-29 → 29.02.2024 / 02/29/2024), so the file reads back with the same option.
  it.each([
    ["DD.MM.YYYY", ["01.10.2026", "29.02.2024"]],
    ["DD/MM/YYYY", ["01/10/2026", "29/02/2024"]],
    ["MM/DD/YYYY", ["10/01/2026", "02/29/2024"]],
    ["DD-MM-YYYY", ["01-10-2026", "29-02-2024"]],
  ] as const)("%s writes %j and reads back", (dateFormat, written) => {
    const text = [COST_HEAD, cost("c1", "2026-10-01"), cost("c2", "2024-02-29")].join("\n");
    const records = importCsv("cost-entry", text, { importedAt: IMPORTED_AT, delimiter: ";" }).records;
    const out = exportCsv("cost-entry", records, { delimiter: ";", dateFormat, columns: ["id", "date"] });
    expect(out.trimEnd().split("\n").slice(1)).toEqual([`c1;${written[0]}`, `c2;${written[1]}`]);
    const full = exportCsv("cost-entry", records, { delimiter: ";", dateFormat });
    expect(importCsv("cost-entry", full, { importedAt: IMPORTED_AT, delimiter: ";", dateFormat }).records.map((r) => r.date)).toEqual(["2026-10-01", "2024-02-29"]);
  });

  it("refuses an unknown format at [\"dateFormat\"]", () => {
    const e = validationErrorOf(() => exportCsv("cost-entry", [], { dateFormat: "YYYY/MM/DD" as never }));
    expect(e.issues.map((i) => i.path)).toEqual([["dateFormat"]]);
  });
});
