import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEntity, type EntityOf } from "../../src/entities/index.js";
import { exportCsv, exportXlsx, importCsv, importXlsxWorkbook, type CsvDelimiter } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * write → read with a fresh seed per run (printed on failure): any description survives exportCsv → importCsv (every
 * delimiter, with and without a decimal comma) and exportXlsx → importXlsxWorkbook. And, checked with a parser written
 * here from RFC 4180 (not csv-parse, which pmokit uses), no written field — nor the text after a separator another
 * locale splits at — starts as a formula (OWASP CSV injection: = + - @ tab CR, and the full-width ＝＋－＠ the
 * project's rule adds) unless it is a plain number.
 */
const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
// An empty description is an empty cell, which reads as no description: not a text case here.
const entry = (description: string): EntityOf<"cost-entry"> | undefined => {
  if (description === "") return undefined;
  try {
    return decodeEntity("cost-entry", { ...base, id: "ce-1", description });
  } catch {
    return undefined; // a text the entity refuses (too long, only spaces …) is no case here
  }
};
const piece = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 4 }),
  fc.constantFrom(";", ",", "\t", "=", "+", "-", "@", "'", "\r", "\n", "\r\n", '"', "＝", "＋", "－", "＠", " ", "_x0041_", "\u007f", "1", "-1", ".5", "=1+1"),
);
const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join(""));

/** RFC 4180 fields of one CSV text (quoted fields may hold the delimiter, CR, LF and doubled quotes). */
function rfc4180(csv: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let field = "";
    if (csv[i] === '"') {
      for (i++; i < csv.length; i++) {
        if (csv[i] === '"' && csv[i + 1] === '"') (field += '"'), i++;
        else if (csv[i] === '"') break;
        else field += csv[i];
      }
      i++; // the closing quote
    } else for (; i < csv.length && csv[i] !== delimiter && csv[i] !== "\n" && csv[i] !== "\r"; i++) field += csv[i];
    row.push(field);
    if (csv[i] === delimiter) i++;
    else {
      if (csv[i] === "\r") i++;
      if (csv[i] === "\n") i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}
/** A field as a lenient reader (Python's csv, not strict) takes it: a quoted part, then whatever follows it appended. */
function lenient(piece: string): string {
  if (!piece.startsWith('"')) return piece;
  let out = "";
  let i = 1;
  for (; i < piece.length && !(piece[i] === '"' && piece[i + 1] !== '"'); i++) out += piece[i] === '"' ? (i++, '"') : piece[i];
  return out + piece.slice(i + 1);
}
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;
const OTHER: Record<CsvDelimiter, string[]> = { ",": [";"], ";": [","], "\t": [";", ","] };

describe("CSV and XLSX exports: round trip and formula neutralisation (property, fresh seed)", () => {
  for (const [delimiter, decimalMark] of [[",", undefined], [";", undefined], [";", ","], ["\t", ","]] as const) {
    it(`CSV ${JSON.stringify(delimiter)}${decimalMark === undefined ? "" : " with a decimal comma"}: read back the same, no cell a formula`, () => {
      const seed = Date.now();
      fc.assert(fc.property(text, (description) => {
        const e = entry(description);
        if (e === undefined) return;
        const mark = decimalMark === undefined ? {} : { decimalMark };
        const csv = exportCsv("cost-entry", [e], { delimiter, ...mark });
        expect(importCsv("cost-entry", csv, { importedAt: IMPORTED_AT, delimiter, ...mark }).records[0]!.description).toBe(e.description);
        for (const field of rfc4180(csv, delimiter).flat()) {
          // A cell a spreadsheet opens, and each piece another locale's separator would make a cell of its own.
          const pieces = OTHER[delimiter].reduce<string[]>((all, sep) => all.flatMap((p) => p.split(sep)), [field]);
          // A piece opening with a quote is read leniently: the quoted part, then what follows (`""=1` is `=1`).
          for (const p of [field, ...pieces.slice(1).map(lenient)]) if (FORMULA.test(p)) expect(PLAIN_NUMBER.test(p), `${JSON.stringify(p)} in ${JSON.stringify(csv)}`).toBe(true);
        }
      }), { seed, numRuns: 300 });
    });
  }

  it("XLSX: read back the same", async () => {
    const seed = Date.now();
    const cases = fc.sample(text, { seed, numRuns: 60 }).map(entry).filter((e) => e !== undefined);
    const bytes = await exportXlsx({ "cost-entry": cases.map((e, i) => ({ ...e, id: `ce-${i}` })) });
    const back = importXlsxWorkbook(bytes, { sheets: { "cost-entry": { kind: "cost-entry" } }, importedAt: IMPORTED_AT }).records["cost-entry"]!;
    expect(back.map((r) => r.description), `seed ${seed}`).toEqual(cases.map((e) => e.description));
  });
});
