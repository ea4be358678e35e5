import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/index.js";
import { planXlsxReport, ragCell, renderXlsxReport, XLSX_MAX_CELL_CHARS, type Report, type XlsxCell } from "../../src/reports/index.js";

// Excel holds at most 32,767 characters in a cell; before, the report workbook wrote a longer text as it was and Excel
// repaired the file on open, cutting it silently. A report is a view of data kept elsewhere (the HTML, Markdown and
// JSON reports carry every character), so the workbook is still written, but such a cell is cut to exactly 32,767
// characters ending in a marker that says so, and the cover lists every cut cell.
const LONG = `${"a".repeat(39_999)}Z`; // 40,000 characters
const MARKER = " … [cut: 40,000 characters; an Excel cell holds 32,767 — the full text is in the HTML, Markdown and JSON reports]";

function report(): Report {
  return {
    title: "Long cells",
    asOf: "2026-11-20",
    sections: [
      {
        heading: "Risks",
        blocks: [
          { kind: "table", table: { columns: ["Risk", "Detail", "Status"], rows: [["R-1", LONG, ragCell("red", "short rule")], ["R-2", "short", ragCell("green")]] } },
          { kind: "paragraph", text: LONG },
        ],
      },
    ],
  };
}

const value = (c: XlsxCell | undefined) => (c?.kind === "text" || c?.kind === "rag" ? c.value : undefined);

describe("report workbook and Excel's cell limit", () => {
  it("cuts a data cell to 32,767 characters with a marker, and lists it on the cover", () => {
    const plan = planXlsxReport(report());
    const cell = value(plan.sheets[0]!.rows[0]![1]);
    expect(XLSX_MAX_CELL_CHARS).toBe(32_767);
    expect(cell).toHaveLength(32_767);
    // The kept text is the start of the original: 32,767 − marker length characters of it.
    expect(cell).toBe(`${LONG.slice(0, 32_767 - MARKER.length)}${MARKER}`);
    const coverTexts = plan.cover.rows.map((r) => value(r[1]));
    expect(coverTexts).toContain("Risks!B2 (R-1 — Detail): cut from 40,000 to 32,767 characters (an Excel cell holds 32,767); the full text is in the HTML, Markdown and JSON reports");
    // The paragraph becomes a cover note, itself over the limit: cut with the marker (its length is the note's).
    const note = coverTexts.find((t) => t?.startsWith("Risks: aaa"));
    expect(note).toHaveLength(32_767);
    expect(note?.endsWith(" … [cut: 40,007 characters; an Excel cell holds 32,767 — the full text is in the HTML, Markdown and JSON reports]")).toBe(true);
  });

  it("never splits a surrogate pair at the cut", () => {
    // 40,001 UTF-16 units; the marker is 113 characters, so 32,654 would be kept — unit 32,654 being the high
    // half of an emoji (after the "x", each emoji starts at an odd index): it is dropped with its low half.
    const emoji = `x${"😀".repeat(20_000)}`;
    const plan = planXlsxReport({ title: "E", sections: [{ heading: "S", blocks: [{ kind: "table", table: { columns: ["T"], rows: [[emoji]] } }] }] });
    const cell = value(plan.sheets[0]!.rows[0]![0])!;
    expect(cell.length).toBeLessThanOrEqual(32_767);
    const kept = cell.slice(0, cell.indexOf(" … [cut:"));
    expect(kept).toBe(`x${"😀".repeat((kept.length - 1) / 2)}`);
    // One unit short of the limit: the next unit would have been half an emoji.
    expect(cell.length).toBe(32_766);
  });

  it("the written workbook holds no cell over the limit, and a cell at the limit is kept whole", async () => {
    const exact = "b".repeat(32_767);
    const r = report();
    (r.sections[0]!.blocks[0] as unknown as { table: { rows: unknown[][] } }).table.rows[1]![1] = exact;
    const { sheets } = readXlsx(await renderXlsxReport(r));
    expect(sheets.every((s) => s.rows.every((row) => row.cells.every((t) => t.length <= 32_767)))).toBe(true);
    const risks = sheets.find((s) => s.name === "Risks")!;
    expect(risks.rows[1]!.cells[1]).toHaveLength(32_767);
    expect(risks.rows[1]!.cells[1]!.endsWith(MARKER)).toBe(true);
    expect(risks.rows[2]!.cells[1]).toBe(exact);
  });
});
