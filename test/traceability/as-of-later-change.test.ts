import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph, requirementFingerprint, type TraceInput } from "../../src/traceability/index.js";

// Audit "as-of views disagree on a later change": FR-1's statement changed on 03-12. As of 03-10 that change had not
// happened — evidence read it so (EvidenceState.changedAtOf: the pass of 03-05 was OK), but the suspect check
// (SuspectState.directOf) and the acknowledgement status (acknowledgementOf) compared the link's and the
// acknowledgement's recorded fingerprints with the content of 03-12: the link reviewed on 03-02 was suspect and the
// developer's acknowledgement of 03-03 stale, as of a date when nothing had changed. Now all three read the state in
// force at asOf: a change dated after it has not happened, so what was recorded by then stands.
const before = { id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Quotes go out the same day.", audiences: ["developer"] };
const now = { ...before, statement: "Quotes go out within the hour.", updatedAt: "2026-03-12T09:00:00.000Z" };
const input: TraceInput = {
  requirements: [now],
  testCases: [{ id: "TC-1", key: "TC-1", title: "Send a quote", updatedAt: "2026-03-01T09:00:00.000Z" }],
  links: [{ id: "tl-1", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "FR-1" }, linkType: "verifies", targetFingerprint: requirementFingerprint(before), reviewedAt: "2026-03-02T09:00:00.000Z" }],
  testRuns: [{ id: "R1", testCaseId: "TC-1", result: "passed", executedAt: "2026-03-05T09:00:00.000Z", environment: "sit", defectIds: [] }],
  acknowledgements: [{ id: "a1", requirementId: "FR-1", audienceRole: "developer", personId: "p1", fingerprint: requirementFingerprint(before), acknowledgedAt: "2026-03-03T09:00:00.000Z" }],
};
const views = (r: ReturnType<typeof analyzeTraceability>) => ({
  evidence: r.evidence.find((e) => e.id === "FR-1")?.own,
  suspects: r.suspects.map((s) => s.link),
  unreviewed: r.unreviewedLinks.length,
  acknowledgement: r.acknowledgements[0]?.audiences[0]?.status,
  pending: r.pendingByPerson.length,
});

describe("as of a date, a later change has not happened in any view", () => {
  it("today: the change of 03-12 is there — STALE pass, suspect link, stale acknowledgement", () => {
    expect(views(analyzeTraceability(input))).toEqual({ evidence: "STALE", suspects: ["tl-1"], unreviewed: 0, acknowledgement: "stale", pending: 1 });
  });

  it("as of 03-10: OK pass, no suspect link, acknowledged", () => {
    // Before: { evidence: "OK", suspects: ["tl-1"], acknowledgement: "stale", pending: 1 }.
    expect(views(analyzeTraceability(input, {}, { asOf: "2026-03-10" }))).toEqual({ evidence: "OK", suspects: [], unreviewed: 0, acknowledgement: "acknowledged", pending: 0 });
  });

  it("as of 03-12T09:00, the instant of the change: it has happened", () => {
    expect(views(analyzeTraceability(input, {}, { asOf: "2026-03-12T09:00:00.000Z" }))).toEqual({ evidence: "STALE", suspects: ["tl-1"], unreviewed: 0, acknowledgement: "stale", pending: 1 });
  });

  it("the same when the change arrives as an edit, and an edit's delta says so", () => {
    const analysis = analyzeTraceGraph(buildTraceGraph({ ...input, requirements: [before] }), { asOf: "2026-03-10" });
    const delta = analysis.apply({ type: "item-changed", kind: "requirement", item: now, at: "2026-03-12T09:00:00.000Z" });
    expect(delta.acknowledgements.map((a) => a.pending)).toEqual([[]]);
    expect(views(analysis.result())).toEqual({ evidence: "OK", suspects: [], unreviewed: 0, acknowledgement: "acknowledged", pending: 0 });
  });
});
