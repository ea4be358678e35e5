import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { decodeEntity, encodeEntity } from "../../src/entities/index.js";
import { csvProblems, exportXlsx, importXlsx, importXlsxWorkbook, readXlsx, xlsxTemplate } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { IMPORTED_AT } from "./fixtures.js";

const office = loadSampleOffice();
const KINDS = ["request", "requirement", "cost-entry", "checklist-item"] as const;
/** The wire form without the fields an import sets itself (version, createdAt, updatedAt). */
const content = (kind: (typeof KINDS)[number], e: unknown) => {
  const { version: _v, createdAt: _c, updatedAt: _u, ...rest } = encodeEntity(kind, e as never) as Record<string, unknown>;
  return rest;
};

async function bookBytes(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A minimal hand-made workbook: the parts pmokit reads, with the sheet XML (and shared strings) given. */
function rawWorkbook(sheetXml: string | Uint8Array, sharedStrings?: string | Uint8Array): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": typeof sheetXml === "string" ? strToU8(sheetXml) : sheetXml,
  };
  if (sharedStrings !== undefined) files["xl/sharedStrings.xml"] = typeof sharedStrings === "string" ? strToU8(sharedStrings) : sharedStrings;
  return zipSync(files, { level: 1 });
}

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).message;
  }
  return expect.unreachable() as never;
};

describe("XLSX import", () => {
  it("round trip: the sample office's requests, requirements, costs and checklist items → xlsx → the same records", async () => {
    const entities = Object.fromEntries(KINDS.map((k) => [k, office[k].map((w) => decodeEntity(k, w))]));
    const bytes = await exportXlsx(entities);
    const { records, report } = importXlsxWorkbook(bytes, { sheets: Object.fromEntries(KINDS.map((k) => [k, { kind: k }])), importedAt: IMPORTED_AT });
    for (const k of KINDS) {
      expect(records[k]?.map((r) => content(k, r))).toEqual(entities[k]!.map((e) => content(k, e)));
      expect(report.counts[`rows:${k}`]).toBe(office[k].length);
    }
  });

  it("reads typed number and date cells, merged two-row headers, and maps like CSV", async () => {
    const bytes = await bookBytes((book) => {
      const ws = book.addWorksheet("Costs");
      ws.getRow(1).values = ["Invoice", "amount", "", "Project", "Booked", "Kind", "Capex/Opex"];
      ws.getRow(2).values = ["", "amount", "currency"];
      ws.mergeCells("B1:C1");
      ws.mergeCells("A1:A2");
      ws.addRow(["INV-1", 1234.5, "EUR", "PRJ-CRM", new Date(Date.UTC(2026, 9, 1)), "labour", "opex"]);
      ws.getCell("E3").numFmt = "dd.mm.yyyy";
      ws.addRow(["INV-2", "-12.50", "EUR", "PRJ-CRM", "2026-10-02", "travel", "opex"]);
    });
    const { records } = importXlsx("cost-entry", bytes, {
      sheet: "Costs", headerRows: 2, importedAt: IMPORTED_AT,
      mapping: { Invoice: "sourceRef", Project: "projectId", Booked: "date", Kind: "category", "Capex/Opex": "expenditure" },
    });
    expect(records.map((r) => [r.id, r.sourceRef, r.amount.amount.toFixed(), r.amount.currency, r.date])).toEqual([
      ["cost-entry-3", "INV-1", "1234.5", "EUR", "2026-10-01"],
      ["cost-entry-4", "INV-2", "-12.5", "EUR", "2026-10-02"],
    ]);
  });

  it("is all or nothing across sheets, naming sheet, row and column", async () => {
    const bytes = await bookBytes((book) => {
      book.addWorksheet("Costs").addRows([["projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"], ["PRJ-CRM", "2026-13-01", "1", "EUR", "labour", "opex"]]);
      book.addWorksheet("Reqs").addRows([["id", "projectId", "type", "title", "priority", "status"], ["FR-1", "PRJ-CRM", "functional", "Log in", "nice", "draft"]]);
    });
    try {
      importXlsxWorkbook(bytes, { sheets: { Costs: { kind: "cost-entry" }, Reqs: { kind: "requirement" } }, importedAt: IMPORTED_AT });
      expect.unreachable();
    } catch (e) {
      const paths = (e as ValidationError).issues.map((i) => i.path.slice(0, 3));
      expect(paths[0]).toEqual(["Costs", 2, "date"]);
      expect(paths).toContainEqual(["Reqs", 2, "priority"]);
      expect(new Set(paths.map((p) => p[0]))).toEqual(new Set(["Costs", "Reqs"]));
    }
    expect(() => importXlsx("cost-entry", bytes, { sheet: "Nope", importedAt: IMPORTED_AT })).toThrow(/no sheet "Nope" \(sheets: Costs, Reqs\)/);
  });

  it("takes a formula cell's cached value as text and never evaluates it", () => {
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>title</t></is></c></row><row r="2"><c r="A2" t="str"><f>HYPERLINK("http://x","y")</f><v>y</v></c></row></sheetData></worksheet>';
    expect(readXlsx(rawWorkbook(sheet)).sheets[0]!.rows.map((r) => r.cells)).toEqual([["title"], ["y"]]);
  });

  it("template: the kind's columns, drop-down lists for enums from the JSON Schema, and it imports once filled in", async () => {
    const bytes = await xlsxTemplate("cost-entry", { rows: 10 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = book.getWorksheet("cost-entry")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(["id", "projectId", "workPackageId", "date", "amount.amount", "amount.currency", "category", "expenditure", "description", "sourceRef", "fxRate"]);
    expect(ws.getCell("G2").dataValidation).toMatchObject({ type: "list", formulae: ["Lists!$A$2:$A$12"] });
    expect(ws.getCell("H11").dataValidation).toMatchObject({ type: "list", formulae: ["Lists!$B$2:$B$3"] });
    expect(ws.getCell("D2").dataValidation).toBeUndefined();
    const lists = book.getWorksheet("Lists")!;
    expect(lists.getColumn(2).values.slice(1)).toEqual(["expenditure", "capex", "opex"]);
    ws.getRow(2).values = ["C-1", "PRJ-CRM", "", "2026-10-01", "99.99", "EUR", "cloud", "opex"];
    const filled = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const { records } = importXlsx("cost-entry", filled, { sheet: "cost-entry", importedAt: IMPORTED_AT });
    expect(records.map((r) => [r.id, r.category, r.amount.amount.toFixed(2)])).toEqual([["C-1", "cloud", "99.99"]]);
  });
});

describe("XLSX hostile workbooks", () => {
  it("refuses a zip bomb while inflating (32 MiB of zeros in a small archive, 4 MiB limit)", () => {
    const bomb = rawWorkbook(new Uint8Array(32 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(512 * 1024);
    expect(refusal(() => readXlsx(bomb, { maxInflatedBytes: 4 * 1024 * 1024 }))).toMatch(/inflates beyond the limit of 4194304 bytes; refused/);
  }, 60_000);

  it("refuses XML entity declarations (billion laughs) and undeclared entities", () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';
    expect(refusal(() => readXlsx(rawWorkbook(laughs)))).toMatch(/document type declaration refused/);
    const external = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>';
    expect(refusal(() => readXlsx(rawWorkbook(external)))).toMatch(/malformed XML/);
  });

  it("refuses a huge shared-string table as it streams", () => {
    const sst = `<sst>${"<si><t>x</t></si>".repeat(20_001)}</sst>`;
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>';
    expect(refusal(() => readXlsx(rawWorkbook(sheet, sst), { maxSharedStrings: 20_000 }))).toMatch(/more than 20000 shared strings; refused/);
    const long = `<sst><si><t>${"y".repeat(100_000)}</t></si></sst>`;
    expect(refusal(() => readXlsx(rawWorkbook(sheet, long), { maxSharedStringChars: 50_000 }))).toMatch(/longer than 50000 characters/);
  });

  it("refuses a 1,000,000-row sheet at the default row limit without building the rows", () => {
    // Rows without an `r` attribute are numbered in order, as the format allows.
    const bytes = rawWorkbook(`<worksheet><sheetData>${"<row><c><v>1</v></c></row>".repeat(1_000_000)}</sheetData></worksheet>`);
    const before = process.memoryUsage().heapUsed;
    expect(refusal(() => readXlsx(bytes))).toMatch(/sheet "Data" has more than 100000 rows; refused/);
    // The refusal comes as row 100,001 streams by; the rows read until then stay small.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(256 * 1024 * 1024);
  }, 120_000);

  it("refuses column references beyond the column limit", () => {
    const sheet = '<worksheet><sheetData><row r="1"><c r="XFD1"><v>1</v></c></row></sheetData></worksheet>';
    expect(refusal(() => readXlsx(rawWorkbook(sheet)))).toMatch(/more than 1000 columns; refused/);
  });

  it("refuses what is not a workbook", () => {
    expect(refusal(() => readXlsx(strToU8("id,title\n1,x\n")))).toMatch(/XLSX|workbook/);
    expect(csvProblems).toBeTypeOf("function");
  });
});
