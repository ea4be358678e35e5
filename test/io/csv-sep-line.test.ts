import { describe, expect, it } from "vitest";
import { csvProblems, importCsv, importCsvBatches, JIRA_CSV_PROFILE, readTrackerCsv } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

const H = "id;projectId;date;amount.amount;amount.currency;category;expenditure";
// Files made for Excel often start with a `sep=;` line, Excel's hint of the separator (Excel reads it and does not show
// it). Before: that line was taken as the header (one column "sep="), so every row was refused as having 7 fields where
// the header has 2. After: a first line `sep=X` naming the delimiter in use is skipped (the header is line 2, and the
// lines keep their file numbers); one naming another separator is refused at [1, ""], saying which delimiter to use.
describe("a first line sep=X", () => {
  const text = ["sep=;", H, "c1;P;2026-10-01;1;EUR;labour;opex", "c2;P;2026-10-01;x;EUR;labour;opex"].join("\r\n");

  it("is skipped when it names the delimiter; rows keep their file lines", async () => {
    // c2 is on line 4: sep 1, header 2, c1 3.
    expect(csvProblems(validationErrorOf(() => importCsv("cost-entry", text, { importedAt: IMPORTED_AT, delimiter: ";" }))).map((p) => [p.row, p.column])).toEqual([[4, "amount.amount"]]);
    const ok = text.replace(";x;", ";2;");
    expect(importCsv("cost-entry", `\ufeff${ok}`, { importedAt: IMPORTED_AT, delimiter: ";" }).records.map((r) => r.id)).toEqual(["c1", "c2"]);
    const streamed: string[] = [];
    for await (const b of importCsvBatches("cost-entry", [ok], { importedAt: IMPORTED_AT, delimiter: ";" })) streamed.push(...b.map((r) => r.id));
    expect(streamed).toEqual(["c1", "c2"]);
  });

  it("is refused, naming the delimiter to use, when it names another", () => {
    const e = validationErrorOf(() => importCsv("cost-entry", text, { importedAt: IMPORTED_AT }));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[[1, ""], 'the first line "sep=;" says the fields are separated by ";": read the file with delimiter ";"']]);
  });

  it("is skipped in a tracker CSV export", () => {
    const csv = "sep=,\nSummary,Issue key,Issue id,Issue Type,Status\nEpic,A-1,1,Epic,To Do\n";
    expect(readTrackerCsv(csv, JIRA_CSV_PROFILE).items.map((i) => i.key)).toEqual(["A-1"]);
  });
});
