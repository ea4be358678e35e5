import fc from "fast-check";
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
  it("issue 18 #6: a user's own leading apostrophe survives export then import exactly", () => {
    const base = office["cost-entry"][0] as object;
    const texts = ["'+49 30 1234", "'quoted", "''twice", "'", "+49 30 1234", "-note", "'-12.50", "plain"];
    const entries = texts.map((description, i) => decodeEntity("cost-entry", { ...base, id: `ce-${i}`, description }));
    const back = importCsv("cost-entry", exportCsv("cost-entry", entries), { importedAt: IMPORTED_AT }).records;
    expect(back.map((r) => r.description)).toEqual(texts);
  });

  it("issue 18 #6: the round trip restores any description (property)", () => {
    const base = office["cost-entry"][0] as object;
    // Descriptions the entity accepts: trimmed, non-empty; prefixes that exercise the neutralising rule.
    const text = fc.tuple(fc.constantFrom("", "'", "''", "=", "+", "-", "@", "'=", "'-1", "-1"), fc.string({ maxLength: 8 }))
      .map(([a, b]) => `${a}${b}`.trim()).filter((t) => t.length > 0);
    fc.assert(fc.property(text, (description) => {
      const entry = decodeEntity("cost-entry", { ...base, description });
      const [back] = importCsv("cost-entry", exportCsv("cost-entry", [entry]), { importedAt: IMPORTED_AT }).records;
      expect(back!.description).toBe(entry.description);
    }), { numRuns: 300 });
  });

  it("issue 18 #5: a duplicated header is refused, not silently overwritten", () => {
    const csv = "id,title,title,statement\nr1,First,Second,The system shall.\n";
    try {
      importCsv("requirement", csv, { importedAt: IMPORTED_AT, defaults: { projectId: "prj-a" } });
      expect.unreachable();
    } catch (e) {
      expect(csvProblems(e as ValidationError)).toEqual([{ row: 1, column: "title", message: 'column 3: "title" repeats column 2 (both hold title)' }]);
    }
    // Two headers mapped onto the same field are the same fault.
    expect(() => importCsv("cost-entry", "Net,Gross\n1,2\n", { importedAt: IMPORTED_AT, mapping: { Net: "amount.amount", Gross: "amount.amount" } }))
      .toThrow(ValidationError);
  });

  it("issue 18 #5: two rows with the same id are refused at validation (not first at storage)", () => {
    const row = (id: string) => `${id},prj-a,FR-${id.slice(1)},functional,T,The system shall.,should,test,proposed`;
    const csv = `id,projectId,key,type,title,statement,priority,verificationMethod,status,acceptanceCriteria\n${row("r1")},Works\n${row("r1")},Works\n`;
    try {
      importCsv("requirement", csv, { importedAt: IMPORTED_AT });
      expect.unreachable();
    } catch (e) {
      expect(csvProblems(e as ValidationError)).toEqual([{ row: 3, column: "id", message: "id r1 is already used on line 2" }]);
    }
  });
});
