import { describe, expect, it } from "vitest";
import { decodeEntity, type EntityOf } from "../../src/entities/index.js";
import { csvProblems, exportCsv, exportXlsx, importCsv, importCsvBatches, importXlsx } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

function entry(id: string, amount: string): EntityOf<"cost-entry"> {
  const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
  return decodeEntity("cost-entry", { ...base, id, amount: { amount, currency: "EUR" } });
}

const HEAD = "id;projectId;date;amount.amount;amount.currency;category;expenditure";
const row = (id: string, amount: string) => `${id};PRJ-CRM;2026-10-01;${amount};EUR;labour;opex`;

// European spreadsheets (German, French, Dutch … locales) write 1.234,56 in a `;`-separated file. Before: no option;
// "1234,56" reached the decimal codec and was refused, and "1.234,56" too, so such a file could not be imported at all
// (and exportCsv always wrote 1234.56, which those spreadsheets read as text or as a date).
describe("CSV decimal mark", () => {
  it("imports amounts written with a decimal comma, thousands dots allowed in groups of three, exactly", async () => {
    const text = [HEAD, row("c1", "1234,56"), row("c2", "1.234.567,891"), row("c3", "-0,05"), row("c4", "12")].join("\n");
    const got = importCsv("cost-entry", text, { importedAt: IMPORTED_AT, delimiter: ";", decimalMark: "," }).records;
    // 1234,56 → 1234.56; 1.234.567,891 → 1234567.891 (no float on the way); -0,05 → -0.05; 12 → 12
    expect(got.map((r) => r.amount.amount.toFixed())).toEqual(["1234.56", "1234567.891", "-0.05", "12"]);
    const batches = [];
    for await (const b of importCsvBatches("cost-entry", [text], { importedAt: IMPORTED_AT, delimiter: ";", decimalMark: "," })) batches.push(...b);
    expect(batches.map((r) => r.amount.amount.toFixed())).toEqual(["1234.56", "1234567.891", "-0.05", "12"]);
  });

  it("refuses a number that is not written with the declared mark, at its line and column", () => {
    // 12.50 has a dot group of two digits (no thousands group); 1,2,3 has two marks; 1.23,4 a short group.
    const text = [HEAD, row("c1", "12.50"), row("c2", "1,2,3"), row("c3", "1.23,4"), row("c4", "1e3")].join("\n");
    const problems = csvProblems(validationErrorOf(() => importCsv("cost-entry", text, { importedAt: IMPORTED_AT, delimiter: ";", decimalMark: "," })));
    expect(problems.map((p) => [p.row, p.column])).toEqual([[2, "amount.amount"], [3, "amount.amount"], [4, "amount.amount"], [5, "amount.amount"]]);
    expect(problems[0]!.message).toContain('decimal mark ","');
  });

  it("with the mark \".\" reads thousands commas in groups of three (a tab file)", () => {
    const text = ["id\tprojectId\tdate\tamount.amount\tamount.currency\tcategory\texpenditure", "c1\tPRJ-CRM\t2026-10-01\t1,234.5\tEUR\tlabour\topex"].join("\n");
    expect(importCsv("cost-entry", text, { importedAt: IMPORTED_AT, delimiter: "\t", decimalMark: "." }).records[0]!.amount.amount.toFixed()).toBe("1234.5");
  });

  it("exports amounts with the decimal comma and reads them back to the same records", () => {
    const records = [entry("c1", "-1234.50"), entry("c2", "7")];
    const csv = exportCsv("cost-entry", records, { delimiter: ";", decimalMark: ",", columns: ["id", "projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"] });
    // -1234.50 is written -1234,50 (not neutralised: a plain number is data, not a formula)
    expect(csv.split("\n")[1]).toContain(";-1234,50;EUR;");
    const back = importCsv("cost-entry", csv, { importedAt: IMPORTED_AT, delimiter: ";", decimalMark: "," }).records;
    expect(back.map((r) => r.amount.amount.toFixed(2))).toEqual(["-1234.50", "7.00"]);
  });

  it("refuses a comma mark with a comma delimiter, and a mark that is neither", () => {
    const e = validationErrorOf(() => exportCsv("cost-entry", [], { decimalMark: "," }));
    expect(e.issues.map((i) => i.path)).toEqual([["decimalMark"]]);
    expect(validationErrorOf(() => importCsv("cost-entry", HEAD, { importedAt: IMPORTED_AT, decimalMark: "," })).issues[0]!.path).toEqual(["decimalMark"]);
    expect(validationErrorOf(() => importCsv("cost-entry", HEAD, { importedAt: IMPORTED_AT, delimiter: ";", decimalMark: "'" as never })).issues[0]!.path).toEqual(["decimalMark"]);
  });

  it("does not apply to a workbook, whose numbers are typed (the shared row options pass it through)", async () => {
    // Before: importXlsx passed decimalMark on to the shared decoder, so 1234.5 was refused as not written with ",".
    const bytes = await exportXlsx({ "cost-entry": [entry("c1", "1234.50")] });
    const got = importXlsx("cost-entry", bytes, { importedAt: IMPORTED_AT, decimalMark: "," } as never).records;
    expect(got.map((r) => r.amount.amount.toFixed(2))).toEqual(["1234.50"]);
  });
});
