import { describe, expect, it } from "vitest";
import { csvCell, tableToCsv, toCsv } from "../../src/reports/index.js";
import { issuesOf } from "../support/errors.js";

// Seventh audit pass: a misspelt option key is refused, not ignored while the default runs (`{ delimeter: ";" }` wrote
// commas into a file a semicolon spreadsheet splits differently). The report CSV writers report their option errors
// at the key (["delimiter"], ["decimalMark"]), so an unknown key's path is [key].


describe("report CSV options: unknown keys", () => {
  it("csvCell, toCsv and tableToCsv refuse an unknown key; correct calls still work", () => {
    expect(issuesOf(() => csvCell("a", { delimeter: ";" } as never))).toEqual([["delimeter", "unknown option (csvCell takes delimiter, decimalMark)"]]);
    expect(issuesOf(() => toCsv([["a"]], { delimeter: ";" } as never))).toEqual([["delimeter", "unknown option (toCsv takes delimiter, decimalMark)"]]);
    const table = { columns: [{ header: "A" }, { header: "B" }], rows: [["x", "y"]] } as never;
    expect(issuesOf(() => tableToCsv(table, { mark: "," } as never))).toEqual([["mark", "unknown option (tableToCsv takes delimiter, decimalMark)"]]);
    // "a;b" holds the delimiter: quoted. Two cells joined by ";".
    expect(csvCell("a;b", { delimiter: ";" })).toBe('"a;b"');
    expect(toCsv([["a", "b"]], { delimiter: ";" }).startsWith("a;b")).toBe(true);
  });
});
