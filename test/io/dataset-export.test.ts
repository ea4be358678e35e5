import { describe, expect, it } from "vitest";
import { exportDataset, importDataset } from "../../src/io/index.js";
import { decodeEntity } from "../../src/entities/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { validationErrorOf } from "../support/errors.js";

describe("pmokit dataset export", () => {
  it("refuses two records of one kind with the same id instead of writing a file that cannot be read back", () => {
    // Two versions of cost entry ce-crm-1-2026-03 (12,990.65 and 99.00). Before: both were written, their order
    // followed the input (the file changed when the list was permuted), and importDataset refused the file later.
    const office = loadSampleOffice();
    const a = decodeEntity("cost-entry", office["cost-entry"][0]);
    const b = decodeEntity("cost-entry", { ...(office["cost-entry"][0] as object), amount: { amount: "99.00", currency: "EUR" } });
    const e = validationErrorOf(() => exportDataset({ "cost-entry": [a, b] }));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[["records", "cost-entry", 1, "id"], `duplicate id ${a.id}`]]);
    expect(() => exportDataset({ "cost-entry": [b, a] })).toThrow(/duplicate id/);
    // Distinct ids: written and read back.
    const text = exportDataset({ "cost-entry": [a] });
    expect(importDataset(text).records["cost-entry"]!.map((r) => r.amount.amount.toFixed(2))).toEqual(["12990.65"]);
  });
});
