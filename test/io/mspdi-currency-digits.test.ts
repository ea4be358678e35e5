import { describe, expect, it } from "vitest";
import { pmokitToMspdi, writeMspdi } from "../../src/io/index.js";
import { decodeEntity } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";

const office = loadSampleOffice();
const project = decodeEntity("project", office.project.find((p) => (p as { id: string }).id === "PRJ-CRM"));

describe("MSPDI export: CurrencyDigits", () => {
  it("is the currency's ISO 4217 minor unit (JPY 0, EUR 2, KWD 3), as MS Project shows amounts with it", () => {
    // MS Project's CurrencyDigits is "the number of digits after the decimal symbol" its views show for costs.
    // ISO 4217: JPY has no minor unit, EUR two, KWD three (fils). Before: always 2, so a yen plan showed ¥1,000.00
    // and a dinar plan rounded its third decimal away in every cost column.
    const digits = (currency: string) => /<CurrencyDigits>(\d+)<\/CurrencyDigits>/.exec(writeMspdi(pmokitToMspdi({
      project: { ...project, budget: { currency, lines: [] } } as typeof project, workPackages: [],
    }).document))?.[1];
    expect(["JPY", "EUR", "KWD"].map(digits)).toEqual(["0", "2", "3"]);
  });
});
