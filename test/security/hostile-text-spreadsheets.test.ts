import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { decodeEntity, encodeEntity } from "../../src/entities/index.js";
import { CSV_PROFILES, exportCsv, exportDataset, exportXlsx, importCsv, importDataset, importXlsxWorkbook, type CsvKind } from "../../src/io/index.js";
import { FORMULA_START, HOSTILE_TEXTS } from "./hostile-text.js";

/*
 * Every hostile text through every free-text field of the four spreadsheet kinds: CSV (each delimiter), XLSX and the
 * dataset JSON. A text the entity codec accepts must come out neutralised (CSV: no cell, nor the text after another
 * locale's separator, starts a formula) and read back exactly; one it refuses never reaches a writer.
 */
const IMPORTED_AT = "2026-11-25T12:00:00.000Z";
const office = loadSampleOffice();
const KINDS = ["request", "requirement", "cost-entry", "checklist-item"] as const;


/** The records the codec accepts: one per hostile text in the field (the id varied unless the field is the id). */
function hostileRecords(kind: CsvKind, field: string) {
  const base = office[kind][0] as Record<string, unknown>;
  return HOSTILE_TEXTS.flatMap((h, i) => {
    try {
      return [decodeEntity(kind, { ...base, ...(field === "id" ? {} : { id: `hostile-${i}` }), [field]: h })];
    } catch {
      return []; // refused by the codec (NUL, lone surrogates, an over-long text, a malformed id …)
    }
  });
}

/**
 * Top-level text fields of a kind's sample record that accept at least one hostile text (ids and references
 * included: they are user text too; enums, dates and patterned keys accept none and are left out).
 */
const textFields = (kind: CsvKind) => {
  const base = office[kind][0] as Record<string, unknown>;
  return Object.keys(base).filter((k) => typeof base[k] === "string" && !/At$/.test(k) && CSV_PROFILES[kind].columns.includes(k) && hostileRecords(kind, k).length > 0);
};

const wire = (kind: CsvKind, r: unknown, field: string) => (encodeEntity(kind, r as never) as Record<string, unknown>)[field];

describe("hostile text in the spreadsheet exports", () => {
  it("the free-text fields driven: names, descriptions, notes, owners and ids of every kind", () => {
    expect(Object.fromEntries(KINDS.map((k) => [k, textFields(k)]))).toEqual({
      request: ["id", "portfolioId", "title", "sponsorId", "requesterId", "purpose", "need", "convertedProjectId"],
      requirement: ["id", "projectId", "title", "statement", "rationale", "sourceStakeholderId", "ownerId"],
      "cost-entry": ["id", "projectId", "workPackageId", "description", "sourceRef"],
      "checklist-item": ["id", "rolloutPlanId", "title", "ownerId", "evidenceRequired"],
    });
  });

  it.each(KINDS.flatMap((k) => textFields(k).map((f) => [k, f] as const)))("%s.%s: CSV cells are neutralised and read back exactly", (kind, field) => {
    const records = hostileRecords(kind, field);
    for (const delimiter of [",", ";", "\t"] as const) {
      const other = delimiter === "," ? /;/ : delimiter === ";" ? /,/ : /[;,]/;
      const csv = exportCsv(kind, records as never, { delimiter });
      // Every cell as a spreadsheet sees it, and every piece another locale's separator would start.
      for (const row of parse(csv, { delimiter, relax_quotes: false }) as string[][]) {
        for (const cell of row) for (const piece of cell.split(other)) {
          // A plain decimal (-12.50) is data; anything else starting a formula must start with the apostrophe.
          if (!/^-?\d+(\.\d+)?$/.test(piece)) expect(piece, JSON.stringify(cell)).not.toMatch(FORMULA_START);
        }
      }
      const back = importCsv(kind, csv, { importedAt: IMPORTED_AT, delimiter }).records;
      expect(back.map((r) => wire(kind, r, field))).toEqual(records.map((r) => wire(kind, r, field)));
    }
  });

  it.each(KINDS)("%s: XLSX has no formula and reads every hostile text back exactly; so does the dataset", async (kind) => {
    // One workbook per kind, the hostile texts spread over every text field (a record per text and field).
    const fields = textFields(kind).filter((f) => f !== "id");
    const records = fields.flatMap((f) => hostileRecords(kind, f).map((r, i) => decodeEntity(kind, { ...(encodeEntity(kind, r as never) as object), id: `${f}-${i}` })));
    const bytes = await exportXlsx({ [kind]: records } as never);
    const sheet = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]!);
    expect(sheet).not.toMatch(/<f[\s>/]/);
    const back = importXlsxWorkbook(bytes, { sheets: { [kind]: { kind } }, importedAt: IMPORTED_AT }).records[kind]!;
    // Compared by id: the dataset lists records in id order.
    const text = (rs: readonly unknown[]) => rs.map((r) => [wire(kind, r, "id"), ...fields.map((f) => wire(kind, r, f))]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    expect(text(back)).toEqual(text(records));
    const dataset = importDataset(exportDataset({ [kind]: records } as never)).records[kind]!;
    expect(text(dataset)).toEqual(text(records));
  });

  it("ids named after prototype members stay data in every format", async () => {
    // `__proto__` is refused by the id schema; `constructor` and `prototype` are ordinary ids.
    const base = office["cost-entry"][0] as object;
    expect(() => decodeEntity("cost-entry", { ...base, id: "__proto__" })).toThrow();
    const records = ["constructor", "prototype"].map((id) => decodeEntity("cost-entry", { ...base, id }));
    expect(importCsv("cost-entry", exportCsv("cost-entry", records), { importedAt: IMPORTED_AT }).records.map((r) => r.id)).toEqual(["constructor", "prototype"]);
    const ds = importDataset(exportDataset({ "cost-entry": records }));
    expect(ds.records["cost-entry"]!.map((r) => r.id)).toEqual(["constructor", "prototype"]);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
  });

  it("numbers stay numbers, text that starts like one is neutralised unless it is a plain number; both read back", () => {
    // OWASP's rule (a cell starting = + - @ tab CR gets a leading '), with pmokit's one exception: a cell that is
    // exactly -?digits(.digits)? is a number, never a formula — negative money must stay summable.
    const base = office["cost-entry"][0] as object;
    const rows = [["-12.50", "+12.50"], ["-0.01", "-1+2"], ["1", "-12.50"], ["2", "-12,50"]] as const;
    const entries = rows.map(([amount, description], i) => decodeEntity("cost-entry", { ...base, id: `n-${i}`, description, amount: { amount, currency: "EUR" } }));
    const cells = (csv: string, delimiter: string) => csv.trim().split(/\r?\n/).slice(1).map((l) => { const c = l.split(delimiter); return [c[4], c[8]]; });
    const dot = exportCsv("cost-entry", entries);
    expect(cells(dot, ",")).toEqual([["-12.50", "'+12.50"], ["-0.01", "'-1+2"], ["1.00", "-12.50"], ["2.00", '"\'-12']]);
    const comma = exportCsv("cost-entry", entries, { delimiter: ";", decimalMark: "," });
    expect(cells(comma, ";")).toEqual([["-12,50", "'+12.50"], ["-0,01", "'-1+2"], ["1,00", "-12.50"], ["2,00", "'-12,50"]]);
    for (const [csv, options] of [[dot, {}], [comma, { delimiter: ";", decimalMark: "," }]] as const) {
      const back = importCsv("cost-entry", csv, { importedAt: IMPORTED_AT, ...options }).records;
      expect(back.map((r) => [r.amount.amount.toFixed(2), r.description])).toEqual([["-12.50", "+12.50"], ["-0.01", "-1+2"], ["1.00", "-12.50"], ["2.00", "-12,50"]]);
    }
  });
});
