import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, buildTraceGraph, clearSuspects } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// docs/traceability.md §5: a link reviewed after the change stops transitive suspicion below it. A review recorded at
// the very instant of the change (clearSuspects called with the edit's own `at`, as a script using one clock reading
// does) was made by someone who saw the changed graph, so it must stop the flow too — else clearing a transitive
// suspect would leave it suspect. (Test evidence differs: a run's executedAt is when the test ran, not when it was
// recorded, so a pass at the change's instant is STALE — evidence-boundary.test.ts.)

describe("clearing a transitive suspect at the instant of the change", () => {
  it("BR-1 changed at X; clearing TC-1 → FR-1 at X leaves only the direct suspect FR-1 → BR-1", () => {
    const X = "2026-04-01T10:00:00.000Z";
    const br = req("BR-1", "business");
    const links = [link("FR-1", "derives", "BR-1", { reviewedAt: "2026-03-01T09:00:00.000Z" }), link("TC-1", "verifies", "FR-1")];
    const g = buildTraceGraph({ requirements: [br, req("FR-1", "functional")], testCases: [tc("TC-1")], links });
    const a = analyzeTraceGraph(g);
    const l0 = { ...links[0]!, targetFingerprint: g.item("requirement:BR-1")!.triggerFingerprint };
    a.apply({ type: "link-updated", link: l0 });
    a.apply({ type: "item-changed", kind: "requirement", item: { ...br, statement: "Changed." }, at: X });
    expect(a.result().suspects.map((s) => [s.link, s.reason])).toEqual([["FR-1>derives>BR-1", "direct"], ["TC-1>verifies>FR-1", "transitive"]]);
    const updated = clearSuspects(a, [l0, links[1]!], { at: X, targets: ["requirement:FR-1"] });
    for (const l of updated) a.apply({ type: "link-updated", link: l });
    expect(a.result().suspects.map((s) => [s.link, s.reason])).toEqual([["FR-1>derives>BR-1", "direct"]]);
  });
});
