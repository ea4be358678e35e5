import { describe, expect, it } from "vitest";
import { csvProblems, importCsv, importCsvBatches, JIRA_CSV_PROFILE, readTrackerCsv } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

const H = "id;projectId;date;amount.amount;amount.currency;category;expenditure";
// Excel and Calc save rows whose cells were formatted but left empty as lines of separators only (`;;;;;;`), often
// below the data. Before: each was a record with every field missing (10 issues for two such lines), so the file could
// not be imported. After: a row whose every cell is empty is skipped like a blank line; the line numbers of the rows
// after it are unchanged (it still counts as a line of the file).
describe("CSV rows of empty cells only", () => {
  const text = [H, "c1;P;2026-10-01;1;EUR;labour;opex", ";;;;;;", ";;", "c2;P;2026-10-01;x;EUR;labour;opex", ";;;;;;"].join("\n");

  it("are skipped by importCsv and the stream; later rows keep their file lines", async () => {
    // c2 is on file line 5 (header 1, c1 2, the two empty rows 3 and 4): its bad amount is reported there.
    expect(csvProblems(validationErrorOf(() => importCsv("cost-entry", text, { importedAt: IMPORTED_AT, delimiter: ";" }))).map((p) => [p.row, p.column])).toEqual([[5, "amount.amount"]]);
    const ok = text.replace(";x;", ";2;");
    expect(importCsv("cost-entry", ok, { importedAt: IMPORTED_AT, delimiter: ";" }).records.map((r) => r.id)).toEqual(["c1", "c2"]);
    const streamed = [];
    for await (const b of importCsvBatches("cost-entry", [ok], { importedAt: IMPORTED_AT, delimiter: ";" })) streamed.push(...b.map((r) => r.id));
    expect(streamed).toEqual(["c1", "c2"]);
  });

  it("are skipped in a tracker CSV export", () => {
    const csv = "Summary,Issue key,Issue id,Issue Type,Status\nEpic,A-1,1,Epic,To Do\n,,,,\n";
    expect(readTrackerCsv(csv, JIRA_CSV_PROFILE).items.map((i) => i.key)).toEqual(["A-1"]);
  });
});
