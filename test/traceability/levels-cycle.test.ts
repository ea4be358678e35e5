import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// Items in a loop of covering links: their deep coverage is `cycle` (OFT's CYCLE). Before, a level counted them in
// `items` but in no other figure and listed them nowhere: 3 items, 3 shallow, 0 deep and no gap — the three deep
// misses had no name. Now each level lists them in `inCycle`, so items = deepCovered + deep-uncovered + inCycle.

// Functional requirements refine each other (FR-2 refines FR-1 covers FR-1's need), and each needs a test.
const RULES = {
  items: [
    { type: "functional", needs: [{ name: "refinement", anyOf: ["functional"], via: ["refines"] }, { name: "test", anyOf: ["test-case"], via: ["verifies"] }] },
    { type: "non-functional", needs: [{ name: "test", anyOf: ["test-case"], via: ["verifies"] }] },
  ],
};

const fr = (id: string) => req(id, "functional");

describe("levels count and name the items in a loop", () => {
  // FR-1 ⇄ FR-2 refine each other (the loop); FR-1 refines FR-3 (FR-3 depends on the loop); FR-4 ← FR-5 is no loop.
  // Tests: TC-1 verifies FR-1, FR-2, FR-3, FR-4 (not FR-5).
  const links = [
    link("FR-1", "refines", "FR-2"), link("FR-2", "refines", "FR-1"), link("FR-1", "refines", "FR-3"), link("FR-5", "refines", "FR-4"),
    ...["FR-1", "FR-2", "FR-3", "FR-4"].map((r) => link("TC-1", "verifies", r)),
  ];
  const input = { requirements: ["FR-1", "FR-2", "FR-3", "FR-4", "FR-5"].map(fr), testCases: [tc("TC-1")], links };

  it("inCycle lists the loop's members and the items covered through it; the figures add up to items", () => {
    const r = analyzeTraceability(input, RULES);
    const f = r.levels.find((l) => l.type === "functional")!;
    // Shallow: FR-1..FR-4 have a refinement and a test; FR-5 has no refinement and no test → gap.
    // Deep: FR-1, FR-2 in the loop, FR-3 covered by FR-1 (in it) → cycle; FR-4 covered by FR-5 (uncovered) → uncovered;
    // FR-5 uncovered. Deep-covered: none. 0 covered + 2 uncovered + 3 in a cycle = 5 items.
    expect([f.items, f.shallowCovered, f.deepCovered, f.gaps]).toEqual([5, 4, 0, ["requirement:FR-5"]]);
    expect(f.inCycle).toEqual(["requirement:FR-1", "requirement:FR-2", "requirement:FR-3"]);
    // The loop's members, and one path round it, are the structural `cycle` finding.
    expect(r.findings.filter((x) => x.check === "cycle").map((x) => x.items)).toEqual([["requirement:FR-1", "requirement:FR-2"]]);
    // A level with no loop lists none.
    expect(r.levels.find((l) => l.type === "non-functional")!.inCycle).toEqual([]);
  });

  it("an item in a loop that is not shallow-covered is both a gap and in the cycle list", () => {
    // Without TC-1 → FR-2, FR-2 misses its test: shallow gap; its deep status stays cycle (ranked worst).
    const r = analyzeTraceability({ ...input, links: links.filter((l) => l.id !== "TC-1>verifies>FR-2") }, RULES);
    const f = r.levels.find((l) => l.type === "functional")!;
    expect([f.gaps, f.inCycle]).toEqual([["requirement:FR-2", "requirement:FR-5"], ["requirement:FR-1", "requirement:FR-2", "requirement:FR-3"]]);
  });

  it("after an edit that breaks the loop, the list empties, as a fresh analysis says", () => {
    const a = analyzeTraceGraph(buildTraceGraph(input, RULES));
    expect(a.result().levels.find((l) => l.type === "functional")!.inCycle.length).toBe(3);
    a.apply({ type: "link-removed", linkId: "FR-2>refines>FR-1" });
    const after = a.result().levels;
    expect(after.find((l) => l.type === "functional")!.inCycle).toEqual([]);
    expect(after).toEqual(analyzeTraceability({ ...input, links: links.filter((l) => l.id !== "FR-2>refines>FR-1") }, RULES).levels);
  });

  it("property: per level, inCycle is the items with deep `cycle`, and covered + uncovered + in a cycle = items", () => {
    const ids = ["FR-0", "FR-1", "FR-2", "FR-3", "FR-4", "FR-5"];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 12 }), fc.array(fc.nat(5), { maxLength: 6 }), (pairs, tested) => {
        const r = analyzeTraceability({
          requirements: ids.map(fr), testCases: [tc("TC-1")],
          links: [...pairs.map(([a, b]) => link(ids[a]!, "refines", ids[b]!, { id: `l-${a}-${b}` })), ...tested.map((t) => link("TC-1", "verifies", ids[t]!, { id: `t-${t}` }))],
        }, RULES);
        for (const l of r.levels) {
          const mine = r.coverage.filter((c) => c.type === l.type);
          expect(l.inCycle).toEqual(mine.filter((c) => c.deep === "cycle").map((c) => c.item));
          expect(l.deepCovered + mine.filter((c) => c.deep === "uncovered").length + l.inCycle.length).toBe(l.items);
        }
      }),
      { seed: 6, numRuns: 150 },
    );
  });
});
