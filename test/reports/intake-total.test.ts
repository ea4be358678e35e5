import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { analyzeOffice } from "../../src/cli/office.js";
import { decimal } from "../../src/core/index.js";
import { importDataset } from "../../src/io/index.js";
import { intakeSection, type ReportBlock, type ReportSection, type TableBlock } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";

// The "Selected portfolio" paragraph printed the total value with toFixed(): trailing zeros dropped and no thousands
// separators, beside a Value column at three places (reports17 audit: "127.27" over 59.091 and 68.182). It now reads
// as the column does.
const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });
const blocks = (s: ReportSection): ReportBlock[] => [...s.blocks, ...(s.sections ?? []).flatMap(blocks)];

describe("intake: the selection's total value", () => {
  it("has the Value column's places and thousands separators", () => {
    const s = intakeSection({ scoreboard: office.scoreboard, requests: office.requests, selection: office.selection });
    const table = blocks(s).find((b): b is TableBlock => b.kind === "table" && b.table.caption === "Selected portfolio")!.table;
    const values = table.rows.map((r) => cellText(r[2]!));
    // Each value at three places; their sum, at three places, is the total (the objective is the sum of the values).
    expect(values.every((v) => /^\d{1,3}(,\d{3})*\.\d{3}$/.test(v))).toBe(true);
    const sum = values.reduce((a, v) => a.plus(v.replace(/,/g, "")), decimal(0)).toFixed(3);
    const paragraph = blocks(s).find((b) => b.kind === "paragraph" && b.text.startsWith("Selected "));
    expect(paragraph && paragraph.kind === "paragraph" ? paragraph.text.endsWith(`total value ${sum}.`) : false).toBe(true);
    // Scaled ×100 (values 5,909.1 and the like): grouped, places kept.
    const big = { ...office.selection, result: { ...office.selection.result, objective: { value: decimal("12727.3") } } };
    const text = blocks(intakeSection({ scoreboard: office.scoreboard, requests: office.requests, selection: big })).find((b) => b.kind === "paragraph" && b.text.startsWith("Selected "));
    expect(text && text.kind === "paragraph" ? text.text.slice(text.text.indexOf("total value")) : "").toBe("total value 12,727.300.");
  });
});
