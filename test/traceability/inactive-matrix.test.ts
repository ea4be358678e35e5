import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, buildTraceGraph, traceMatrix, type TraceInput } from "../../src/traceability/index.js";
import { requirementsSection } from "../../src/reports/index.js";
import type { ReportBlock, ReportSection } from "../../src/reports/index.js";
import { art, link, req, run, tc } from "./helpers.js";

// The RTM and retired items: a rejected or obsolete requirement is still a row (its links are worth seeing when
// cleaning up), but the row says it is retired — the status that retires it, as result.inactive names it — instead
// of "no-rule" coverage and "UNCOVERED" evidence, which read like a gap nobody ruled on. A deprecated test in a cell
// is marked the same way.

const T1 = "2026-04-01T09:00:00.000Z";

/* BR-1 ← FR-1 (approved: code-1, TC-1 passed), ← FR-2 (rejected). FR-4 (approved) is verified by TC-4 (deprecated, passed). */
function input(): TraceInput {
  return {
    requirements: [req("BR-1", "business"), req("FR-1", "functional"), req("FR-2", "functional", { status: "rejected" }), req("FR-4", "functional")],
    artifacts: [art("code-1", "code")],
    testCases: [tc("TC-1", { status: "ready" }), tc("TC-4", { status: "deprecated" })],
    testRuns: [run("run-1", "TC-1", "passed", T1), run("run-4", "TC-4", "passed", T1)],
    links: [link("FR-1", "derives", "BR-1"), link("FR-2", "derives", "BR-1"), link("code-1", "implements", "FR-1"), link("TC-1", "verifies", "FR-1"), link("TC-4", "verifies", "FR-4")],
  };
}

describe("RTM rows and entries of retired items", () => {
  const analysis = analyzeTraceGraph(buildTraceGraph(input()));
  const rtm = traceMatrix(analysis);
  const row = (id: string) => rtm.rows.find((r) => r.id === id)!;

  it("a retired requirement's row carries its status, inactive coverage and evidence; active rows their status", () => {
    expect(rtm.rows.map((r) => r.id)).toEqual(["BR-1", "FR-1", "FR-2", "FR-4"]);
    const fr2 = row("FR-2");
    expect([fr2.status, fr2.inactive, fr2.coverage, fr2.evidence]).toEqual(["rejected", "rejected", "inactive", "INACTIVE"]);
    const fr1 = row("FR-1");
    expect([fr1.status, fr1.inactive, fr1.coverage, fr1.evidence]).toEqual(["approved", undefined, "covered", "OK"]);
    // The rows marked inactive are exactly the requirements result.inactive names.
    const inactiveRows = rtm.rows.filter((r) => r.inactive !== undefined).map((r) => r.item);
    expect(inactiveRows).toEqual(analysis.result().inactive.filter((i) => i.item.startsWith("requirement:")).map((i) => i.item));
  });

  it("a retired item in a cell is marked with the status that retires it", () => {
    const tests = rtm.columns.indexOf("Tests");
    const children = rtm.columns.indexOf("Children");
    expect(row("FR-4").cells[tests]!.entries).toEqual([{ item: "test-case:TC-4", link: "TC-4>verifies>FR-4", suspect: false, inactive: "deprecated" }]);
    expect(row("BR-1").cells[children]!.entries.map((e) => [e.item, e.inactive])).toEqual([["requirement:FR-1", undefined], ["requirement:FR-2", "rejected"]]);
  });

  it("the report's RTM shows the status column and marks retired rows and entries", () => {
    const s: ReportSection = requirementsSection({ result: analysis.result(), matrix: rtm });
    const table = (s.sections ?? []).flatMap((x) => x.blocks).find((b): b is Extract<ReportBlock, { kind: "table" }> => b.kind === "table" && (b.table.caption ?? "").startsWith("Requirements traceability matrix"))!.table;
    const header = table.columns.map((c) => (typeof c === "string" ? c : c.header));
    const r = (id: string) => table.rows.find((x) => x[0] === id)!;
    expect(header.slice(0, 6)).toEqual(["Requirement", "Type", "Status", "Title", "Coverage", "Evidence"]);
    expect([r("FR-2")[2], r("FR-2")[4], r("FR-2")[5]]).toEqual(["rejected (inactive)", "inactive", "INACTIVE"]);
    expect(r("FR-1")[2]).toBe("approved");
    expect(r("FR-4")[header.indexOf("Tests")]).toBe("TC-4 (deprecated)");
  });
});
