import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, buildTraceGraph } from "../../src/traceability/index.js";
import { traceMatrix } from "../../src/traceability/index.js";
import { requirementsSection, type ReportSection } from "../../src/reports/index.js";
import { link, req, tc } from "./helpers.js";

// The report's coverage table shows, per level, items, shallow and deep counts and the gaps. Items in a loop of
// covering links are never deep-covered, yet were named nowhere: a level read "3 items, 0 deep" with no gap and no
// word on why. The section now names them in one line under the table, as it does for retired items.

const RULES = { items: [{ type: "functional", needs: [{ name: "refinement", anyOf: ["functional"], via: ["refines"] }, { name: "test", anyOf: ["test-case"], via: ["verifies"] }] }] };
const paragraphs = (s: ReportSection): string[] => [...s.blocks, ...(s.sections ?? []).flatMap((x) => x.blocks)].flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));

function section(loop: boolean): ReportSection {
  const links = [link("FR-1", "refines", "FR-2"), link("FR-1", "refines", "FR-3"), ...(loop ? [link("FR-2", "refines", "FR-1")] : []), ...["FR-1", "FR-2", "FR-3"].map((r) => link("TC-1", "verifies", r))];
  const a = analyzeTraceGraph(buildTraceGraph({ requirements: ["FR-1", "FR-2", "FR-3"].map((id) => req(id, "functional")), testCases: [tc("TC-1")], links }, RULES));
  return requirementsSection({ result: a.result(), matrix: traceMatrix(a) });
}

describe("requirements section: items in a loop of covering links", () => {
  it("names them under the coverage table", () => {
    // FR-1 ⇄ FR-2 (the loop), FR-3 refined by FR-1: all three deep `cycle`.
    expect(paragraphs(section(true)).filter((p) => p.includes("loop"))).toEqual([
      "In a loop of covering links, so never deep-covered (deep status cycle): FR-1, FR-2, FR-3.",
    ]);
  });

  it("says nothing when there is no loop", () => {
    expect(paragraphs(section(false)).filter((p) => p.includes("loop"))).toEqual([]);
  });
});
