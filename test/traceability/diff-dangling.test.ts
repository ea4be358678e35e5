import { describe, expect, it } from "vitest";
import { diffTraceBaselines, type TraceInput } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// A link whose test case was deleted is a dangling link (a structural finding, severity error by default), and it is
// not revision-checked (it is not wired into the graph: it covers nothing, and the review it would need is its
// deletion). The baseline diff showed such a change only as `removed.outdated` — the outdated link "left with" its
// test — and said nowhere that the change left a link to nothing behind: `became` was empty everywhere. Now the diff
// lists dangling links like the other problems: `became.dangling` (newly referring to a missing item),
// `resolved.dangling` (the link is still there and its ends exist again), `removed.dangling` (the link was deleted).

const RULES = { items: [{ type: "functional", needs: [{ name: "test", anyOf: ["test-case"], via: ["verifies"] }] }] };

function snapshot(opts: { dropLink?: boolean; dropTest?: boolean } = {}): TraceInput {
  return {
    // FR-1 is at revision 2; TC-1's link pins revision 1 (outdated); TC-2 keeps FR-1 covered.
    requirements: [req("FR-1", "functional", { revision: 2 })],
    testCases: [tc("TC-2"), ...(opts.dropTest ? [] : [tc("TC-1")])],
    links: [...(opts.dropLink ? [] : [link("TC-1", "verifies", "FR-1", { targetRevision: 1 })]), link("TC-2", "verifies", "FR-1")],
  };
}

describe("baseline diff: dangling links", () => {
  it("the test case deleted, its link kept: the outdated link left with its source, and the link became dangling", () => {
    const d = diffTraceBaselines(snapshot(), snapshot({ dropTest: true }), RULES);
    // The after analysis reports it (severity error) and judges its revision no more.
    expect(d.after.findings.map((f) => [f.check, f.severity, f.links])).toEqual([["dangling-link", "error", ["TC-1>verifies>FR-1"]]]);
    expect(d.after.linkRevisions).toEqual([]);
    expect([d.removed.outdated, d.resolved.outdated, d.became.outdated]).toEqual([["TC-1>verifies>FR-1"], [], []]);
    expect([d.became.dangling, d.resolved.dangling, d.removed.dangling]).toEqual([["TC-1>verifies>FR-1"], [], []]);
  });

  it("the test case restored: resolved; the dangling link deleted: removed, not resolved", () => {
    const back = diffTraceBaselines(snapshot({ dropTest: true }), snapshot(), RULES);
    expect([back.became.dangling, back.resolved.dangling, back.removed.dangling]).toEqual([[], ["TC-1>verifies>FR-1"], []]);
    // Restored, the link pins revision 1 of 2 again: outdated anew.
    expect(back.became.outdated).toEqual(["TC-1>verifies>FR-1"]);
    const deleted = diffTraceBaselines(snapshot({ dropTest: true }), snapshot({ dropTest: true, dropLink: true }), RULES);
    expect([deleted.became.dangling, deleted.resolved.dangling, deleted.removed.dangling]).toEqual([[], [], ["TC-1>verifies>FR-1"]]);
  });

  it("no dangling link on either side: empty lists", () => {
    const d = diffTraceBaselines(snapshot(), snapshot(), RULES);
    expect([d.became.dangling, d.resolved.dangling, d.removed.dangling]).toEqual([[], [], []]);
  });
});
