import { describe, expect, it } from "vitest";
import { csvProblems, importCsv, importCsvBatches } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

// Some tools (SAP exports, older ERP and time-sheet systems, hand-made `;` files) end every line with the delimiter:
// `a;b;c;`. csv-parse reads that as one more field, empty, on every line — the header's last column has no name.
const LINES = [
  "id;projectId;date;amount.amount;amount.currency;category;expenditure",
  "c1;PRJ-CRM;2026-10-01;12.50;EUR;labour;opex",
  "c2;PRJ-CRM;2026-10-02;-3.25;EUR;labour;opex",
];
const plain = `${LINES.join("\n")}\n`;
const trailing = (lines: readonly string[], end = ";") => `${lines.map((l) => `${l}${end}`).join("\n")}\n`;
const options = { importedAt: IMPORTED_AT, delimiter: ";" } as const;
const summary = (text: string, o: Parameters<typeof importCsv>[2] = options) => importCsv("cost-entry", text, o).records.map((r) => [r.id, r.date, r.amount.amount.toFixed()]);

describe("CSV where every line ends with the delimiter", () => {
  // Before: refused — `column 8: "" is not a usable field name` — though every value sits under its header. After:
  // the empty last column is dropped, the records are those of the same file without the trailing delimiter, and the
  // report says so.
  it("reads it as the file without the trailing delimiter, and says so in the report", () => {
    const { records, report } = importCsv("cost-entry", trailing(LINES), options);
    expect(records.map((r) => [r.id, r.date, r.amount.amount.toFixed()])).toEqual([["c1", "2026-10-01", "12.5"], ["c2", "2026-10-02", "-3.25"]]);
    expect(records).toEqual(importCsv("cost-entry", plain, options).records);
    expect(report.warnings).toEqual([{ path: "line 1", code: "trailing-delimiter", message: 'every line ends with the delimiter ";" (an empty last field, as some tools export): that empty column was dropped' }]);
    expect(importCsv("cost-entry", plain, options).report.warnings).toEqual([]);
  });

  it("works for a , or tab file, with CRLF line ends, after a sep= line and around blank lines", () => {
    expect(summary(trailing(LINES.map((l) => l.replaceAll(";", ",")), ","), { importedAt: IMPORTED_AT })).toEqual(summary(plain));
    expect(summary(trailing(LINES.map((l) => l.replaceAll(";", "\t")), "\t"), { importedAt: IMPORTED_AT, delimiter: "\t" })).toEqual(summary(plain));
    expect(summary(trailing(LINES).replaceAll("\n", "\r\n"))).toEqual(summary(plain));
    expect(summary(`sep=;\n${trailing([LINES[0]!, "", LINES[1]!, LINES[2]!])}`.replace(";\n;\n", ";\n\n"))).toEqual(summary(plain));
  });

  it("keeps the file's line numbers in problems, and a quoted empty last field counts as empty", () => {
    const text = trailing([LINES[0]!, LINES[1]!, "c2;PRJ-CRM;2026-02-30;1;EUR;labour;opex"]).replace(/;\n$/, ';""\n');
    expect(csvProblems(validationErrorOf(() => importCsv("cost-entry", text, options))).map((p) => [p.row, p.column])).toEqual([[3, "date"]]);
  });

  it("skips a row of empty cells with or without the trailing delimiter, as elsewhere", () => {
    expect(summary(trailing([...LINES, ";;;;;;"]))).toEqual(summary(plain));
    expect(summary(`${trailing(LINES)};;;;;;\n`)).toEqual(summary(plain));
  });
});

describe("CSV where only some lines end with the delimiter", () => {
  // Still refused: a line without the empty last field (or with a value there) means the columns are not what the
  // header says; dropping a column then could lose a value or shift one.
  it("refuses the lines that do not end so, when the header does", () => {
    const text = `${trailing([LINES[0]!, LINES[1]!])}${LINES[2]!}\n`;
    const problems = csvProblems(validationErrorOf(() => importCsv("cost-entry", text, options)));
    expect(problems.map((p) => [p.row, p.column])).toEqual([[3, ""]]);
    expect(problems[0]!.message).toBe('line 3 does not end with the delimiter ";" as the header does: an empty last column is dropped only when every line has it');
  });

  it("refuses a value under the header's empty last column", () => {
    const text = trailing(LINES).replace("opex;\nc2", "opex;note\nc2");
    const problems = csvProblems(validationErrorOf(() => importCsv("cost-entry", text, options)));
    expect(problems.map((p) => [p.row, p.column])).toEqual([[2, ""]]);
    expect(problems[0]!.message).toBe('line 2 has the value "note" in the last column, which has no header: it would be lost');
  });

  it("refuses data lines that end so when the header does not (field counts)", () => {
    const text = `${LINES[0]!}\n${trailing([LINES[1]!, LINES[2]!])}`;
    const problems = csvProblems(validationErrorOf(() => importCsv("cost-entry", text, options)));
    expect(problems.map((p) => [p.row, p.column])).toEqual([[2, ""], [3, ""]]);
    expect(problems[0]!.message).toContain("line 2 has 8 fields where the header has 7");
  });
});

describe("importCsvBatches, the same rule", () => {
  // The stream has no report: its notices go to onWarning, the same warning importCsv's report lists.
  const stream = async (text: string, warnings: unknown[] = []) => {
    const out: string[] = [];
    for await (const batch of importCsvBatches("cost-entry", [text], { ...options, onWarning: (w) => warnings.push(w) })) out.push(...batch.map((r) => r.id));
    return out;
  };

  it("reads a file whose every line ends with the delimiter, and says so through onWarning", async () => {
    const warnings: unknown[] = [];
    expect(await stream(trailing(LINES), warnings)).toEqual(["c1", "c2"]);
    expect(warnings).toEqual(importCsv("cost-entry", trailing(LINES), options).report.warnings);
    expect(warnings).toHaveLength(1);
    const none: unknown[] = [];
    await stream(plain, none);
    expect(none).toEqual([]);
  });

  it("refuses a line that does not end so, at its line", async () => {
    let error: unknown;
    try {
      await stream(`${trailing([LINES[0]!, LINES[1]!])}${LINES[2]!}\n`);
    } catch (e) {
      error = e;
    }
    expect(csvProblems(error as never).map((p) => [p.row, p.column])).toEqual([[3, ""]]);
  });
});
