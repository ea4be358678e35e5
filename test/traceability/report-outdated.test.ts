import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, buildTraceGraph, traceMatrix, type TraceInput } from "../../src/traceability/index.js";
import { requirementsSection, type ReportSection } from "../../src/reports/index.js";
import { link, req, tc } from "./helpers.js";

// The report and OpenFastTrace revisions: a link pinning an older revision of its target (outdated) or a newer one
// than exists (predated) covers nothing and gives no evidence, so a requirement can turn uncovered with nothing on
// the report saying why. The trace section lists each such link with the pinned and the current revision.

/* FR-1 is at revision 3: TC-1 pins 2 (outdated), TC-2 pins 3 (covers), TC-3 pins 4 (predated). FR-2 has no revision. */
function input(): TraceInput {
  return {
    requirements: [req("FR-1", "functional", { revision: 3 }), req("FR-2", "functional")],
    testCases: [tc("TC-1"), tc("TC-2"), tc("TC-3"), tc("TC-4")],
    links: [
      link("TC-1", "verifies", "FR-1", { targetRevision: 2 }),
      link("TC-2", "verifies", "FR-1", { targetRevision: 3 }),
      link("TC-3", "verifies", "FR-1", { targetRevision: 4 }),
      link("TC-4", "verifies", "FR-2", { targetRevision: 1 }),
    ],
  };
}

const lists = (s: ReportSection): string[] => [...s.blocks, ...(s.sections ?? []).flatMap((x) => x.blocks)].flatMap((b) => (b.kind === "list" ? b.items.map(String) : []));
const paragraphs = (s: ReportSection): string[] => [...s.blocks, ...(s.sections ?? []).flatMap((x) => x.blocks)].flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));

describe("requirements section: links pinning another revision", () => {
  const analysis = analyzeTraceGraph(buildTraceGraph(input()));
  const s = requirementsSection({ result: analysis.result(), matrix: traceMatrix(analysis) });

  it("lists outdated and predated links with the pinned and the current revision; covering ones are not listed", () => {
    expect(lists(s).filter((l) => l.startsWith("outdated") || l.startsWith("predated"))).toEqual([
      "outdated TC-1>verifies>FR-1: TC-1 verifies FR-1 pins revision 2, FR-1 is at revision 3 (covers nothing until reviewed)",
      "predated TC-3>verifies>FR-1: TC-3 verifies FR-1 pins revision 4, FR-1 is at revision 3 (covers nothing until reviewed)",
    ]);
  });

  it("counts them in the section's summary line", () => {
    expect(paragraphs(s)[0]).toBe("2 requirements; 0 suspect links, 2 links pinning another revision, 0 with stale evidence, 0 with acknowledgement gaps.");
  });
});
