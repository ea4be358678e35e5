import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph } from "../../src/traceability/index.js";
import { art, link, req, run, tc } from "./helpers.js";

// Audit (fifth pass, trace16): a test run on an older revision of the requirement counted for the new one.
//
//   FR-1 at revision 1; TC-1 verifies it (the link pins revision 1) and passed at T1. At T2 the author raises FR-1 to
//   revision 2 — a declared change of meaning (OFT) — without touching a fingerprinted field (the change is in an
//   attachment, say), and the link is re-pinned to revision 2 at T2. TC-1 has not run since.
// Before: FR-1 OK — the pass at T1 ran against revision 1 but counted for revision 2, since FR-1's changedAt stayed at
//   T0 (only a fingerprint move advanced it). Now the raised revision moves changedAt to T2: the pass is STALE, as a
//   full analysis given FR-1's change at T2 says.
const T1 = "2026-03-05T09:00:00.000Z";
const T2 = "2026-03-06T09:00:00.000Z";
const base = {
  artifacts: [art("code-1", "code")],
  testCases: [tc("TC-1")],
  testRuns: [run("r1", "TC-1", "passed", T1)],
};

describe("evidence after a raised revision", () => {
  it("a revision raised by an edit makes earlier passes STALE, even when no fingerprinted field moved", () => {
    const a = analyzeTraceGraph(buildTraceGraph({
      ...base,
      requirements: [req("FR-1", "functional", { revision: 1 })],
      links: [link("TC-1", "verifies", "FR-1", { targetRevision: 1 }), link("code-1", "implements", "FR-1")],
    }));
    expect(a.result().evidence[0]).toMatchObject({ own: "OK" });
    a.apply({ type: "item-changed", kind: "requirement", item: req("FR-1", "functional", { revision: 2, updatedAt: T2 }), at: T2 });
    a.apply({ type: "link-updated", link: link("TC-1", "verifies", "FR-1", { targetRevision: 2, reviewedAt: T2 }) });
    expect(a.result().evidence[0]).toMatchObject({ own: "STALE", rolledUp: "STALE" });
    // The same as a full analysis told that FR-1 changed at T2.
    const full = analyzeTraceability({
      ...base,
      requirements: [req("FR-1", "functional", { revision: 2, updatedAt: T2 })],
      links: [link("TC-1", "verifies", "FR-1", { targetRevision: 2, reviewedAt: T2 }), link("code-1", "implements", "FR-1")],
      changedAt: { "requirement:FR-1": T2 },
    });
    expect(a.result().evidence).toEqual(full.evidence);
  });

  it("an edit keeping the revision and the content keeps changedAt (a status change stales nothing)", () => {
    const a = analyzeTraceGraph(buildTraceGraph({
      ...base,
      requirements: [req("FR-1", "functional", { revision: 1 })],
      links: [link("TC-1", "verifies", "FR-1", { targetRevision: 1 }), link("code-1", "implements", "FR-1")],
    }));
    a.apply({ type: "item-changed", kind: "requirement", item: req("FR-1", "functional", { revision: 1, status: "implemented", updatedAt: T2 }), at: T2 });
    expect(a.result().evidence[0]).toMatchObject({ own: "OK" });
  });
});
