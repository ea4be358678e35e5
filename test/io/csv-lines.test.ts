import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { csvProblems, importCsv, importCsvBatches } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";

const OPTIONS = { importedAt: IMPORTED_AT };
const HEADER = "id,projectId,key,type,title,statement,priority,verificationMethod,status,acceptanceCriteria";
const row = (id: string, criteria: string, priority = "should") => `${id},prj-a,FR-${id.slice(1)},functional,T ${id},The system shall.,${priority},test,proposed,${criteria}`;
/** The text in pieces of `n` characters, as a stream would deliver it (cells and lines cut anywhere). */
const pieces = (text: string, n: number) => Array.from({ length: Math.ceil(text.length / n) }, (_, i) => text.slice(i * n, (i + 1) * n));

const problemsOf = (text: string) => {
  try {
    importCsv("requirement", text, OPTIONS);
  } catch (e) {
    if (e instanceof ValidationError) return csvProblems(e).map((p) => [p.row, p.column, p.message]);
    throw e;
  }
  return expect.unreachable() as never;
};

const streamedProblemsOf = async (chunks: string[]) => {
  try {
    for await (const _ of importCsvBatches("requirement", chunks, { ...OPTIONS, batchSize: 1 })) void _;
  } catch (e) {
    if (e instanceof ValidationError) return csvProblems(e).map((p) => [p.row, p.column, p.message]);
    throw e;
  }
  return expect.unreachable() as never;
};

describe("CSV problems name the file line where the row starts", () => {
  // The file as an editor numbers it:
  //   1  header
  //   2  r1,…,"Logs in          ← r1's acceptance criteria: a quoted cell over three lines (2–4)
  //   3  Logs out
  //   4  Remembers me"
  //   5  (blank)
  //   6  r2,…,bogus,…          ← the bad row: priority "bogus"
  //   7  (blank)
  //   8  r3,…,"Ünïcödé €
  //   9  ✓ 🎉",…,bogus       ← the second bad row starts on line 8
  // Before: rows were counted as records (header 1, r1 2, r2 3, r3 4), so the errors said 3 and 4 — lines that
  // hold "Logs out" and the blank line in the editor.
  const lines = [HEADER, row("r1", '"Logs in\nLogs out\nRemembers me"'), "", row("r2", "Works", "bogus"), "", row("r3", '"Ünïcödé €\n✓ 🎉"', "bogus")];
  const bogus = 'Invalid option: expected one of "must"|"should"|"could"|"wont"';
  const expected = [[6, "priority", bogus], [8, "priority", bogus]];

  it("importCsv, with \\n, \\r\\n and \\r line ends", () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = `${lines.join("\n")}\n`.replace(/\n/g, eol); // the line ends inside the quoted cells too
      expect(problemsOf(text), JSON.stringify(eol)).toEqual(expected);
    }
  });

  it("importCsvBatches, from pieces cut anywhere, gives the same lines", async () => {
    const text = lines.join("\n").replace(/\n/g, "\r\n");
    // Pieces of 5 split the \r\n pairs, but never a surrogate pair (the 🎉 would become two U+FFFD in any reader).
    const safe = pieces(text, 5).reduce<string[]>((acc, p) => {
      const last = acc.at(-1);
      if (last !== undefined && /[\ud800-\udbff]$/.test(last)) acc[acc.length - 1] = last + p;
      else acc.push(p);
      return acc;
    }, []);
    expect(await streamedProblemsOf(safe)).toEqual(expected);
    expect(await streamedProblemsOf([text])).toEqual(expected);
  });

  it("blank lines before the header and a UTF-8 BOM: the header's own problems are on its line", () => {
    const text = `\ufeff\n\n${HEADER},title\n${row("r1", "Works")},x\n`;
    expect(problemsOf(text)).toEqual([[3, "title", 'column 11: "title" repeats column 5 (both hold title)']]);
  });

  it("a repeated id names both lines as the editor shows them", () => {
    const text = [HEADER, row("r1", '"A\nB"'), row("r1", "C")].join("\n");
    // r1 spans lines 2–3; the second r1 is on line 4 (was: "[3]… already used on line 2").
    expect(problemsOf(text)).toEqual([[4, "id", "id r1 is already used on line 2"]]);
  });

  it("the default id of a row without an id cell is its line (a row after a two-line cell is one line further down)", () => {
    const text = ["projectId,key,type,title,statement,priority,verificationMethod,status,acceptanceCriteria", 'prj-a,FR-1,functional,A,The system shall.,should,test,proposed,"x\ny"', "prj-a,FR-2,functional,B,The system shall.,should,test,proposed,z"].join("\n");
    expect(importCsv("requirement", text, OPTIONS).records.map((r) => r.id)).toEqual(["requirement-2", "requirement-4"]);
  });
});

describe("CSV rows whose field count is not the header's", () => {
  // Line 3 has an unquoted comma in the title ("T r2, draft"): 11 fields for 10 columns — read before as
  // title "T r2", statement " draft", priority "The system shall." … or refused by csv-parse with the first one only.
  // Line 4 is cut after the status: 9 fields. Both are listed, with their lines and counts, and nothing is imported.
  const text = [
    HEADER,
    row("r1", "Works"),
    "r2,prj-a,FR-2,functional,T r2, draft,The system shall.,should,test,proposed,Works",
    "r3,prj-a,FR-3,functional,T r3,The system shall.,should,test,proposed",
    row("r4", "Works"),
  ].join("\n");
  const expected = [
    [3, "", "line 3 has 11 fields where the header has 10 (an unquoted comma?); values would land under the wrong columns"],
    [4, "", "line 4 has 9 fields where the header has 10 (a row cut short?); values would land under the wrong columns"],
  ];

  it("importCsv refuses them all, at their lines", () => {
    expect(problemsOf(text)).toEqual(expected);
  });

  it("importCsvBatches refuses them the same way, before any batch of a later row", async () => {
    const seen: number[] = [];
    let error: unknown;
    try {
      for await (const b of importCsvBatches("requirement", pieces(text, 9), { ...OPTIONS, batchSize: 1 })) seen.push(b.length);
    } catch (e) {
      error = e;
    }
    expect(seen).toEqual([1]); // r1 only: after line 3 no batch is yielded
    expect(csvProblems(error as ValidationError).map((p) => [p.row, p.column, p.message])).toEqual(expected);
  });
});
