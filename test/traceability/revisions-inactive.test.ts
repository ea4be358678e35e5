import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// Audit: a retired item (the rules' inactive statuses) reopens nothing — its links are never suspect nor waiting for
// a first review. Its links pinning an old revision were still listed in `linkRevisions` as outdated, so a report
// (and `pmokit trace`, which exits 1 on them) asked for a review nobody will do: a deprecated test case's link, or a
// link into a rejected requirement.

describe("linkRevisions leaves out links from or into a retired item, as suspects do", () => {
  // FR-1 at revision 2. TC-1 (active) pins 1: outdated. TC-2 (deprecated) pins 1. FR-9 (rejected, revision 5) is
  // verified by TC-3 pinning 4.
  const input = {
    requirements: [req("FR-1", "functional", { revision: 2 }), req("FR-9", "functional", { revision: 5, status: "rejected" })],
    testCases: [tc("TC-1"), tc("TC-2", { status: "deprecated" }), tc("TC-3")],
    links: [
      link("TC-1", "verifies", "FR-1", { targetRevision: 1, targetFingerprint: "00000000000000ff" }),
      link("TC-2", "verifies", "FR-1", { targetRevision: 1, targetFingerprint: "00000000000000ff" }),
      link("TC-3", "verifies", "FR-9", { targetRevision: 4, targetFingerprint: "00000000000000ff" }),
    ],
  };

  it("only the active test's link is outdated (suspects agree: the same one link)", () => {
    const r = analyzeTraceability(input);
    expect(r.linkRevisions.map((x) => [x.link, x.status])).toEqual([["TC-1>verifies>FR-1", "outdated"]]);
    expect(r.suspects.map((x) => x.link)).toEqual(["TC-1>verifies>FR-1"]);
  });

  it("reviving the test case brings its link back, as a fresh analysis says", () => {
    const a = analyzeTraceGraph(buildTraceGraph(input));
    a.apply({ type: "item-changed", kind: "test-case", item: tc("TC-2") });
    const revived = { ...input, testCases: [tc("TC-1"), tc("TC-2"), tc("TC-3")] };
    expect(a.result().linkRevisions).toEqual(analyzeTraceability(revived).linkRevisions);
    expect(a.result().linkRevisions.map((x) => x.link)).toEqual(["TC-1>verifies>FR-1", "TC-2>verifies>FR-1"]);
  });

  it("with no inactive statuses every link is judged, as before", () => {
    const r = analyzeTraceability(input, { inactive: { requirement: [], "test-case": [] } });
    expect(r.linkRevisions.map((x) => [x.link, x.status])).toEqual([["TC-1>verifies>FR-1", "outdated"], ["TC-2>verifies>FR-1", "outdated"], ["TC-3>verifies>FR-9", "outdated"]]);
  });
});
