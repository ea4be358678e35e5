import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { decodeEntity } from "../../src/entities/index.js";
import { JIRA_CSV_PROFILE, JIRA_JSON_PROFILE, exportCsv, xlsxTemplate, importCsv, importDataset, importXlsxWorkbook, readTrackerCsv, readTrackerJson, requirementsToReqif, writeReqif } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { HOSTILE, HOSTILE_IDS, ORDINARY, expectSameModuloRenaming, prototypeSnapshot, renaming } from "./hostile-keys.js";

let before: unknown;
beforeEach(() => { before = prototypeSnapshot(); });
afterEach(() => { expect(prototypeSnapshot()).toEqual(before); });

const [k0, k1, k2, k3, k4, k5] = ORDINARY as [string, string, string, string, string, string];
const IMPORTED_AT = "2026-11-25T12:00:00.000Z";

describe("CSV import: headers named like Object.prototype members", () => {
  // Every header is a token mapped to a field; the same file and mapping with hostile headers imports the same.
  const given = () => ({
    text: `${k0},${k1},${k2},${k3},${k4},${k5}\nINV-3,PRJ-CRM,2026-10-02,1.00,labour,opex\n`,
    options: { mapping: { [k0]: "sourceRef", [k1]: "projectId", [k2]: "date", [k3]: "amount.amount", [k4]: "category", [k5]: "expenditure" }, defaults: { "amount.currency": "EUR" }, importedAt: IMPORTED_AT },
  });

  it("mapped headers import the same records", async () => {
    const r = importCsv("cost-entry", given().text, given().options);
    expect(r.records.map((x) => [x.sourceRef, x.amount.amount.toFixed(2), x.amount.currency])).toEqual([["INV-3", "1.00", "EUR"]]);
    await expectSameModuloRenaming(given(), ({ text, options }) => importCsv("cost-entry", text, options));
  });

  it("an unmapped header named toString or valueOf is an unknown field (ValidationError), as an unmapped k1 is", async () => {
    const input = () => ({ text: `sourceRef,${k3}\nINV-3,x\n`, options: { mapping: { other: "projectId" }, importedAt: IMPORTED_AT } });
    await expectSameModuloRenaming(input(), ({ text, options }) => importCsv("cost-entry", text, options), renaming(["toString", "valueOf", "hasOwnProperty"]), { mayThrow: true });
    expect(() => importCsv("cost-entry", "sourceRef,valueOf\nINV-3,x\n", { mapping: { other: "projectId" }, importedAt: IMPORTED_AT })).toThrow(ValidationError);
  });
});

describe("ReqIF export: rich text by requirement id", () => {
  const office = loadSampleOffice();
  const requirements = () => office.requirement.slice(0, 3).map((w, i) => ({ ...(w as object), id: ORDINARY[i + 1]!, parentId: undefined }));

  it("a requirement without kept rich text is written from its statement, whatever its id", async () => {
    const run = (wire: readonly object[]) => {
      const reqs = wire.map((w) => decodeEntity("requirement", w));
      const doc = requirementsToReqif(reqs, [], { title: "export", exportedAt: IMPORTED_AT, richText: { [reqs[0]!.id]: "<xhtml:div>kept</xhtml:div>" } });
      return writeReqif(doc);
    };
    const xml = run(requirements());
    expect(xml).toContain("kept");
    expect(xml).not.toContain("native code");
    await expectSameModuloRenaming(requirements(), run, renaming(HOSTILE_IDS));
  });
});

describe("work-tracker exports: column headers and JSON field paths named like Object.prototype members", () => {
  // An epic k-points story that is done and one in progress: whatever the headers and property names are called.
  const fields = { key: k0, title: k1, type: k2, status: k3, points: k4, parent: k5 };
  const csv = () => ({
    text: [`${k0},${k1},${k2},${k3},${k4},${k5},Resolved`, "CRM-1,Lead capture,Epic,In Progress,,,", "CRM-2,Form,Story,Done,5,CRM-1,2026-11-03", "CRM-3,Dedupe,Story,In Progress,3,CRM-1,"].join("\n"),
    profile: { ...JIRA_CSV_PROFILE, fields: { ...fields, resolved: "Resolved" }, dateFormat: "iso" as const },
  });
  const json = () => ({
    text: JSON.stringify({ issues: [
      { [k0]: "CRM-1", [k1]: { [k2]: "Lead capture" }, t: "Epic", s: "In Progress" },
      { [k0]: "CRM-2", [k1]: { [k2]: "Form" }, t: "Story", s: "Done", p: { [k4]: 5 }, up: "CRM-1", r: "2026-11-03" },
      { [k0]: "CRM-3", [k1]: { [k2]: "Dedupe" }, t: "Story", s: "In Progress", p: { [k4]: 3 }, up: "CRM-1" },
    ] }),
    profile: { ...JIRA_JSON_PROFILE, itemsPath: "issues", fields: { key: [k0], title: [k1, k2], type: ["t"], status: ["s"], points: ["p", k4], parent: ["up"], resolved: ["r"] }, dateFormat: "iso" as const },
  });

  it("readTrackerCsv and readTrackerJson read the same items", async () => {
    const items = readTrackerCsv(csv().text, csv().profile).items;
    expect(items.map((i) => [i.key, i.points === undefined ? undefined : String(i.points)])).toEqual([["CRM-1", undefined], ["CRM-2", "5"], ["CRM-3", "3"]]);
    await expectSameModuloRenaming(csv(), ({ text, profile }) => readTrackerCsv(text, profile));
    await expectSameModuloRenaming(json(), ({ text, profile }) => readTrackerJson(text, profile));
  });

  it("a JSON path through an inherited member (constructor.name) finds nothing", () => {
    const { text, profile } = json();
    const r = readTrackerJson(text, { ...profile, fields: { ...profile.fields, points: ["constructor", "name"] } });
    expect(r.items.map((i) => i.points)).toEqual([undefined, undefined, undefined]);
  });
});

describe("pmokit dataset: record lists under keys named like Object.prototype members", () => {
  it("refuses each as an unknown entity kind, with its path", () => {
    for (const kind of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      const text = `{"format":"pmokit-dataset","formatVersion":1,"records":{"${kind}":[{"id":"x"}]}}`;
      const e = (() => { try { importDataset(text); } catch (x) { return x; } return undefined; })();
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => [i.path, i.message])).toEqual([[["records", kind], "unknown entity kind"]]);
    }
  });
});

describe("XLSX workbook import: sheets named like Object.prototype members", () => {
  const bookBytes = async (names: { costs: string; other: string }) => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet(names.costs).addRows([["sourceRef", "projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"], ["INV-1", "PRJ-CRM", "2026-10-01", "1234.5", "EUR", "labour", "opex"]]);
    book.addWorksheet(names.other).addRows([["anything"], ["x"]]);
    return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
  };

  it("imports the mapped sheet and leaves the unmapped one, whatever their names", async () => {
    const run = async (n: { costs: string; other: string }) => importXlsxWorkbook(await bookBytes(n), { sheets: Object.fromEntries([[n.costs, { kind: "cost-entry" as const }]]), importedAt: IMPORTED_AT });
    const r = await run({ costs: k1, other: k2 });
    expect(r.records["cost-entry"]?.map((e) => e.sourceRef)).toEqual(["INV-1"]);
    await expectSameModuloRenaming({ costs: k1, other: k2 }, run, renaming(["constructor", "hasOwnProperty"]));
    await expectSameModuloRenaming({ costs: k3, other: k4 }, run, renaming(["prototype", "toString"]));
  });
});

describe("CSV and XLSX kinds named like Object.prototype members", () => {
  it("importCsv, exportCsv and xlsxTemplate refuse them at [\"kind\"], as they refuse any unknown kind", async () => {
    for (const kind of ["nope", ...HOSTILE]) {
      for (const run of [() => importCsv(kind as never, "id\nx\n", { importedAt: IMPORTED_AT }), () => exportCsv(kind as never, [])]) {
        const e = (() => { try { run(); } catch (x) { return x; } return undefined; })();
        expect(e, kind).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).issues[0]!.path).toEqual(["kind"]);
      }
      await expect(xlsxTemplate(kind as never)).rejects.toThrow(/is not a CSV kind/);
    }
  });
});
