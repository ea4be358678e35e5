import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { decodeEntity, encodeEntity } from "../../src/entities/index.js";
import { CSV_PROFILES, csvProblems, exportCsv, importCsv } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { IMPORTED_AT } from "./fixtures.js";

const office = loadSampleOffice();
const columnsOf = (kind: keyof typeof CSV_PROFILES, e: unknown) => {
  const w = encodeEntity(kind, e as never) as Record<string, unknown>;
  return CSV_PROFILES[kind].columns.map((c) => c.split(".").reduce<unknown>((v, p) => (v as Record<string, unknown> | undefined)?.[p], w));
};

describe("CSV", () => {
  it.each(["request", "requirement", "cost-entry", "checklist-item"] as const)("%s: export then import gives the same columns", (kind) => {
    const entities = office[kind].map((w) => decodeEntity(kind, w));
    const { records } = importCsv(kind, exportCsv(kind, entities as never), { importedAt: IMPORTED_AT });
    expect(records.map((r) => columnsOf(kind, r))).toEqual(entities.map((e) => columnsOf(kind, e)));
  });

  it("maps columns, fills defaults and validates every row (all-or-nothing)", () => {
    const csv = "Invoice,Project,Booked,EUR,Kind,Capex/Opex\nINV-1,PRJ-CRM,2026-13-01,12.50,labour,opex\nINV-2,PRJ-CRM,2026-10-01,abc,labour,opex\nINV-3,PRJ-CRM,2026-10-02,1.00,labour,opex\n";
    const options = {
      mapping: { Invoice: "sourceRef", Project: "projectId", Booked: "date", EUR: "amount.amount", Kind: "category", "Capex/Opex": "expenditure" },
      defaults: { "amount.currency": "EUR" }, importedAt: IMPORTED_AT,
    };
    try {
      importCsv("cost-entry", csv, options);
      expect.unreachable();
    } catch (e) {
      expect(csvProblems(e as ValidationError).map((p) => [p.row, p.column])).toEqual([[2, "Booked"], [3, "EUR"]]);
    }
    const ok = importCsv("cost-entry", csv.split("\n").filter((l, i) => i === 0 || l.startsWith("INV-3")).join("\n"), options);
    expect(ok.records.map((r) => [r.id, r.sourceRef, r.amount.amount.toFixed(2), r.amount.currency])).toEqual([["cost-entry-2", "INV-3", "1.00", "EUR"]]);
  });

  it("neutralises formula injection on export and restores the text on import", () => {
    const entry = decodeEntity("cost-entry", { ...(office["cost-entry"][0] as object), description: '=HYPERLINK("http://x","click")', amount: { amount: "-12.50", currency: "EUR" } });
    const csv = exportCsv("cost-entry", [entry]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csv).toContain(",-12.50,"); // a plain negative number is data, not a formula
    const back = importCsv("cost-entry", csv, { importedAt: IMPORTED_AT }).records[0]!;
    expect([back.description, back.amount.amount.toFixed(2)]).toEqual(['=HYPERLINK("http://x","click")', "-12.50"]);
  });

  it("gives one error with the line for malformed CSV", () => {
    expect(() => importCsv("requirement", 'id,title\n"r1,x\n', { importedAt: IMPORTED_AT })).toThrow(/malformed CSV/);
  });
});
