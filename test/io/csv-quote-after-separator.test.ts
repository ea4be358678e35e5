import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEntity } from "../../src/entities/index.js";
import { exportCsv, importCsv, neutraliseCell, restoreCell, type CsvDelimiter } from "../../src/io/index.js";
import { toCsv } from "../../src/reports/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * A spreadsheet whose list separator is `;` splits a `,` file's line at every `;`, quotes or not (docs/interop.md,
 * "Formula injection"). A text `a;"=1+1;b` is written as the quoted field `"a;""=1+1;b"` (RFC 4180 doubles the quote),
 * so that reading gets the piece `""=1+1`. A lenient CSV reader takes a quote that opens a field, ends the quoted part
 * at the next lone quote and appends what follows: `""=1+1` is the cell `=1+1` — a formula. (Python's csv module, not
 * strict, reads it so: `csv.reader(['""=1+1'])` gives `['=1+1']`; `""""=1+1` gives `['"=1+1']`, a text.) The rule
 * "an apostrophe after such a separator followed by = + - @ …" must therefore also hold when one quote comes between.
 */
function lenientField(piece: string): string {
  if (!piece.startsWith('"')) return piece;
  let out = "";
  let i = 1;
  for (; i < piece.length; i++) {
    if (piece[i] === '"' && piece[i + 1] === '"') (out += '"'), i++;
    else if (piece[i] === '"') break;
    else out += piece[i];
  }
  return out + piece.slice(i + 1); // what follows the closing quote is appended
}
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
const OTHER: Record<CsvDelimiter, string> = { ",": ";", ";": ",", "\t": ";" };

describe("formula neutralisation after another locale's separator, with a quote between", () => {
  for (const delimiter of [",", ";", "\t"] as const) {
    const sep = OTHER[delimiter];
    it(`a ${JSON.stringify(delimiter)} file split at ${JSON.stringify(sep)}: no piece reads as a formula (before: "=1+1" did)`, () => {
      const description = `a${sep}"=1+1${sep}b`;
      const csv = exportCsv("cost-entry", [decodeEntity("cost-entry", { ...base, id: "ce-1", description })], { delimiter });
      const line = csv.split("\n")[1]!;
      const cells = line.split(sep).flatMap((p) => p.split(delimiter)).map(lenientField);
      expect(cells.filter((c) => FORMULA.test(c))).toEqual([]);
      expect(importCsv("cost-entry", csv, { importedAt: IMPORTED_AT, delimiter }).records[0]!.description).toBe(description);
    });
  }

  it("neutraliseCell puts the apostrophe before the quote, restoreCell takes it off", () => {
    expect(neutraliseCell('a;"=1+1')).toBe(`a;'"=1+1`);
    expect(restoreCell(`a;'"=1+1`)).toBe('a;"=1+1');
    expect(neutraliseCell('a;"x')).toBe('a;"x'); // no formula after the quote: unchanged
    expect(neutraliseCell('a,"@x', ";")).toBe(`a,'"@x`);
  });

  it("the rule stays exactly reversible with quotes about (property, fresh seed)", () => {
    const piece = fc.constantFrom(";", ",", "\t", "=", "+", "-", "@", "'", '"', "\r", "a", "1", " ", "＝");
    for (const d of [",", ";", "\t"] as const) {
      const seed = Date.now();
      fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join("")), (s) => restoreCell(neutraliseCell(s, d), d) === s), { seed, numRuns: 1000 });
    }
  });

  it("the report CSV neutralises the same piece", () => {
    const line = toCsv([['a;"=1+1;b']]).trimEnd();
    expect(line.split(";").map(lenientField).filter((c) => FORMULA.test(c))).toEqual([]);
  });
});
