import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, buildTraceGraph, traceMatrix } from "../../src/traceability/index.js";
import { requirementsSection, type ReportBlock, type ReportSection, type TableBlock } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";
import { link, req } from "./helpers.js";

// Audit (fifth pass, trace16): the RTM showed shallow coverage only. BR-1 ← SR-1 (derives) ← FR-1 (refines); FR-1
// has neither an implementation nor a test. Default rules: BR-1 needs a derived requirement (SR-1: met), SR-1 a
// refining functional requirement (FR-1: met), FR-1 an implementation and a test (neither: uncovered). Deep (OFT):
// FR-1 uncovered → SR-1 uncovered → BR-1 uncovered. Before: BR-1 and SR-1 rows read "covered" and nothing in the row
// said the chain below them ends in a gap.
const blocks = (s: ReportSection): ReportBlock[] => [...s.blocks, ...(s.sections ?? []).flatMap(blocks)];

describe("traceMatrix: deep coverage on each row", () => {
  const analysis = () =>
    analyzeTraceGraph(buildTraceGraph({
      requirements: [req("BR-1", "business"), req("SR-1", "stakeholder"), req("FR-1", "functional"), req("FR-9", "functional", { status: "rejected" })],
      links: [link("SR-1", "derives", "BR-1"), link("FR-1", "refines", "SR-1")],
    }));

  it("rows carry deep next to shallow coverage; a retired row has neither", () => {
    const rows = traceMatrix(analysis()).rows.map((r) => [r.id, r.coverage, r.deep]);
    expect(rows).toEqual([
      ["BR-1", "covered", "uncovered"],
      ["FR-1", "uncovered", "uncovered"],
      ["FR-9", "inactive", undefined],
      ["SR-1", "covered", "uncovered"],
    ]);
  });

  it("the report's Coverage cell says when a covered row is not deep-covered", () => {
    const a = analysis();
    const s = requirementsSection({ result: a.result(), matrix: traceMatrix(a) });
    const rtm = blocks(s).find((b): b is TableBlock => b.kind === "table" && (b.table.caption ?? "").startsWith("Requirements traceability matrix"))!.table;
    const col = rtm.columns.findIndex((c) => (typeof c === "string" ? c : c.header) === "Coverage");
    expect(rtm.rows.map((r) => [cellText(r[0] as never), cellText(r[col] as never)])).toEqual([
      ["BR-1", "covered, deep uncovered"],
      ["FR-1", "uncovered"],
      ["FR-9", "inactive"],
      ["SR-1", "covered, deep uncovered"],
    ]);
  });
});
