import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { decodeEntity } from "../../src/entities/index.js";
import { importCsv, requirementsToReqif, writeReqif } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { HOSTILE_IDS, ORDINARY, expectSameModuloRenaming, prototypeSnapshot, renaming } from "./hostile-keys.js";

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
