import { describe, expect, it } from "vitest";
import { analyzeOffice } from "../../src/cli/office.js";
import { intakeSection, renderMarkdownReport, tableToCsv, type TableBlock } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";
import { sampleOfficeRecords, SAMPLE_STATUS_DATE } from "../../src/office/index.js";
import { HEAVY } from "../cli/run.js";

// REQ-2027-009 of the sample office has no rating at all: its score is "n/a (missing-rating: no value for …)".
const office = await analyzeOffice(sampleOfficeRecords(), { statusDate: SAMPLE_STATUS_DATE });
const s = intakeSection({ scoreboard: office.scoreboard, requests: office.requests });
const t = (s.blocks[1] as TableBlock).table;
const row = t.rows.find((r) => r[1] === "REQ-2027-009")!;

describe("an unscored request's criterion cells say why they are empty", { timeout: HEAVY }, () => {
  it("reads n/a (reason) in each criterion cell, as the score cell does", () => {
    // Before: the five criterion cells were "" — a blank that hides why.
    expect(row.slice(3, 10).map((c) => cellText(c))).toEqual([
      "unscored",
      "n/a (missing-rating: no value for strategic-fit, financial-value, risk-reduction, urgency, complexity)",
      "n/a (missing-rating)", "n/a (missing-rating)", "n/a (missing-rating)", "n/a (missing-rating)", "n/a (missing-rating)",
    ]);
  });

  it("renders the same words in Markdown and CSV", () => {
    const md = renderMarkdownReport({ title: "t", sections: [s] }).split("\n").find((l) => l.includes("REQ-2027-009"))!;
    expect(md).toContain("| n/a (missing-rating) | n/a (missing-rating) |");
    expect(tableToCsv(t).split("\r\n").find((l) => l.includes("REQ-2027-009"))).toContain(",n/a (missing-rating),n/a (missing-rating),");
  });
});
