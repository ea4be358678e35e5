import { describe, expect, it } from "vitest";
import { requirementsSection, type ReportBlock, type ReportSection, type TableBlock } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";
import { analyzeTraceGraph, buildTraceGraph, traceMatrix } from "../../src/traceability/index.js";

// Audit (trace16): an RTM entry linked only through a link pinning an older revision (it covers nothing) was printed
// like any other link: "TC-1" beside "TC-2 [OK]". Now "TC-1 (outdated)".
const T0 = "2026-03-01T09:00:00.000Z";
const blocks = (s: ReportSection): ReportBlock[] => [...s.blocks, ...(s.sections ?? []).flatMap(blocks)];

describe("requirements section: revision of a matrix entry", () => {
  it("prints an outdated entry with its revision status", () => {
    const fr = { id: "FR-1", key: "FR-1", type: "functional", title: "T", statement: "S", acceptanceCriteria: [], verificationMethod: "test", status: "approved", revision: 2, updatedAt: T0 };
    const tcs = ["TC-1", "TC-2"].map((id) => ({ id, key: id, title: id, updatedAt: T0 }));
    const links = [
      { id: "l1", from: { kind: "test-case" as const, id: "TC-1" }, to: { kind: "requirement" as const, id: "FR-1" }, linkType: "verifies", targetRevision: 1 },
      { id: "l2", from: { kind: "test-case" as const, id: "TC-2" }, to: { kind: "requirement" as const, id: "FR-1" }, linkType: "verifies", targetRevision: 2 },
    ];
    const runs = [{ id: "r2", testCaseId: "TC-2", result: "passed", executedAt: "2026-03-02T09:00:00.000Z", environment: "sit", softwareVersion: "1", defectIds: [] }];
    const analysis = analyzeTraceGraph(buildTraceGraph({ requirements: [fr], testCases: tcs, testRuns: runs, links }));
    const s = requirementsSection({ result: analysis.result(), matrix: traceMatrix(analysis) });
    const rtm = blocks(s).find((b): b is TableBlock => b.kind === "table" && (b.table.caption ?? "").startsWith("Requirements traceability matrix"))!.table;
    const tests = rtm.columns.findIndex((c) => (typeof c === "string" ? c : c.header) === "Tests");
    expect(cellText(rtm.rows[0]![tests] as never)).toBe("TC-1 (outdated), TC-2 [OK]");
  });
});
