import { describe, expect, it } from "vitest";
import { buildTraceGraph, impactOf } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// Impact analysis and retired items: a change to BR-1 reaches the rejected FR-9, which is marked as retired (nothing
// disappears unseen), but nobody rebuilds or reruns what hangs below a retired requirement, so the walk stops there —
// as suspicion does. With empty inactive lists FR-9 is active and its test is reached as before.

/* BR-1 ← FR-1 (approved) ← TC-1; BR-1 ← FR-9 (rejected) ← TC-9; TC-7 (deprecated) verifies FR-1. */
const input = {
  requirements: [req("BR-1", "business"), req("FR-1", "functional"), req("FR-9", "functional", { status: "rejected" })],
  testCases: [tc("TC-1"), tc("TC-7", { status: "deprecated" }), tc("TC-9")],
  links: [link("FR-1", "derives", "BR-1"), link("FR-9", "derives", "BR-1"), link("TC-1", "verifies", "FR-1"), link("TC-7", "verifies", "FR-1"), link("TC-9", "verifies", "FR-9")],
};

describe("impactOf and retired items", () => {
  it("marks a retired item reached and does not walk past it", () => {
    const r = impactOf(buildTraceGraph(input), ["requirement:BR-1"], { direction: "downstream" });
    expect(r.items.map((x) => [x.item, x.distance, x.inactive])).toEqual([
      ["requirement:FR-1", 1, undefined],
      ["requirement:FR-9", 1, "rejected"],
      ["test-case:TC-1", 2, undefined],
      ["test-case:TC-7", 2, "deprecated"],
    ]);
  });

  it("with empty inactive lists every item is walked through as before", () => {
    const r = impactOf(buildTraceGraph(input, { inactive: { requirement: [], "test-case": [] } }), ["requirement:BR-1"], { direction: "downstream" });
    expect(r.items.map((x) => [x.item, x.distance, x.inactive])).toEqual([
      ["requirement:FR-1", 1, undefined],
      ["requirement:FR-9", 1, undefined],
      ["test-case:TC-1", 2, undefined],
      ["test-case:TC-7", 2, undefined],
      ["test-case:TC-9", 2, undefined],
    ]);
  });
});
