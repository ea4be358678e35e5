import { describe, expect, it } from "vitest";
import { diffTraceBaselines, type TraceInput } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// Audit: the baseline diff says what a change broke — uncovered, orphaned, suspect, stale, failing — but not the
// links a new revision made outdated (or predated). FR-1 raised to revision 2 with TC-1 (pinning 1) and TC-2 (pinning
// nothing) verifying it: FR-1 stays covered through TC-2, so `became` was empty everywhere and the voided link
// TC-1 → FR-1 appeared nowhere. Now `became.outdated` lists it; `resolved.outdated` once re-pinned, `removed.outdated`
// when the link or an end goes.

const RULES = { items: [{ type: "functional", needs: [{ name: "test", anyOf: ["test-case"], via: ["verifies"] }] }] };

function snapshot(revision: number, pinned: number, opts: { dropLink?: boolean; dropTest?: boolean } = {}): TraceInput {
  return {
    requirements: [req("FR-1", "functional", { revision })],
    testCases: [tc("TC-2"), ...(opts.dropTest ? [] : [tc("TC-1")])],
    links: [...(opts.dropLink ? [] : [link("TC-1", "verifies", "FR-1", { targetRevision: pinned })]), link("TC-2", "verifies", "FR-1")],
  };
}

describe("baseline diff: links made outdated or predated", () => {
  it("a revision raised: the link pinning the old one became outdated, though the item stays covered", () => {
    const d = diffTraceBaselines(snapshot(1, 1), snapshot(2, 1), RULES);
    expect([d.became.uncovered, d.became.suspect, d.became.outdated]).toEqual([[], [], ["TC-1>verifies>FR-1"]]);
    expect([d.resolved.outdated, d.removed.outdated]).toEqual([[], []]);
  });

  it("a link pinning a revision that does not exist yet became outdated too (predated)", () => {
    expect(diffTraceBaselines(snapshot(1, 1), snapshot(1, 3), RULES).became.outdated).toEqual(["TC-1>verifies>FR-1"]);
  });

  it("re-pinned to the current revision: resolved; the link or its test deleted: removed, not resolved", () => {
    expect(diffTraceBaselines(snapshot(2, 1), snapshot(2, 2), RULES).resolved.outdated).toEqual(["TC-1>verifies>FR-1"]);
    const gone = diffTraceBaselines(snapshot(2, 1), snapshot(2, 1, { dropLink: true }), RULES);
    expect([gone.resolved.outdated, gone.removed.outdated]).toEqual([[], ["TC-1>verifies>FR-1"]]);
    // The test deleted, the link kept (now a dangling-link finding, judged no more): it left with its source.
    const testGone = diffTraceBaselines(snapshot(2, 1), snapshot(2, 1, { dropTest: true }), RULES);
    expect([testGone.became.outdated, testGone.resolved.outdated, testGone.removed.outdated]).toEqual([[], [], ["TC-1>verifies>FR-1"]]);
    // FR-1 retired (rejected): its links wait for no review, so the outdated link left with it — removed, not resolved.
    const retired = diffTraceBaselines(snapshot(2, 1), { ...snapshot(2, 1), requirements: [req("FR-1", "functional", { revision: 2, status: "rejected" })] }, RULES);
    expect([retired.resolved.outdated, retired.removed.outdated]).toEqual([[], ["TC-1>verifies>FR-1"]]);
  });
});
