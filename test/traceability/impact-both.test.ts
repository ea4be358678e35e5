import { describe, expect, it } from "vitest";
import { buildTraceGraph, impactOf } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// Audit: `direction: "both"` (the default) walked up and down at every step, so from FR-1 it went up to its parent
// BR-1 and then down again to BR-1's other children and their tests: FR-2 and TC-2 were reported as "downstream" of
// FR-1 (distances 2 and 3) though nothing of them traces to FR-1 — "both" returned the whole connected component.
// Now "both" is what is upstream plus what is downstream, each walk keeping its direction.

describe("impactOf with direction both: upstream and downstream, never a zigzag through a parent", () => {
  // BR-1 ← FR-1, FR-2 (derives); TC-1 verifies FR-1; TC-2 verifies FR-2.
  const g = () => buildTraceGraph({
    requirements: [req("BR-1", "business"), req("FR-1", "functional"), req("FR-2", "functional")],
    testCases: [tc("TC-1"), tc("TC-2")],
    links: [link("FR-1", "derives", "BR-1"), link("FR-2", "derives", "BR-1"), link("TC-1", "verifies", "FR-1"), link("TC-2", "verifies", "FR-2")],
  });

  it("FR-1 changed: its parent (up) and its test (down), not its sibling FR-2 nor FR-2's test", () => {
    const r = impactOf(g(), ["requirement:FR-1"]);
    expect(r.items.map((x) => [x.item, x.direction, x.distance])).toEqual([
      ["requirement:BR-1", "upstream", 1],
      ["test-case:TC-1", "downstream", 1],
    ]);
    // "both" is exactly the union of the two one-way walks.
    const up = impactOf(g(), ["requirement:FR-1"], { direction: "upstream" }).items;
    const down = impactOf(g(), ["requirement:FR-1"], { direction: "downstream" }).items;
    expect(r.items).toEqual([...up, ...down].sort((a, b) => a.distance - b.distance || (a.item < b.item ? -1 : 1)));
  });

  it("an item reached both ways (a loop) is listed once, at its shorter distance", () => {
    // FR-1 derives BR-1 and BR-1 refines FR-1 (a loop): BR-1 is one link away either way; upstream wins the tie
    // only when the link id ties, so the smaller link id names it: "BR-1>refines>FR-1" < "FR-1>derives>BR-1".
    const loop = buildTraceGraph({
      requirements: [req("BR-1", "business"), req("FR-1", "functional")],
      links: [link("FR-1", "derives", "BR-1"), link("BR-1", "refines", "FR-1")],
    });
    const r = impactOf(loop, ["requirement:FR-1"]);
    expect(r.items.map((x) => [x.item, x.direction, x.distance, x.via])).toEqual([["requirement:BR-1", "downstream", 1, "refines"]]);
  });
});
