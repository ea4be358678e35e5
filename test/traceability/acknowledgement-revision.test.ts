import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, buildTraceGraph, fingerprintOf, requirementFingerprint, type TraceRulesInput } from "../../src/traceability/index.js";

// Audit "a revision bump re-dates the acknowledged content": an acknowledgement pins the requirement's fingerprint, and
// as of a date it was judged against the item's `changedAt` — which a raised `revision` also moves (evidence reads it:
// a declared change of meaning). So, incrementally:
//   T0 FR-1 reads A (fingerprint FA)       T1 p1 (developer) acknowledges FA
//   T2 FR-1 now reads B (fingerprint FB)   T3 = asOf
//   T4 FR-1 raised to revision 2, B unchanged (fingerprint still FB)
// As of T3 the content in force was B (changed at T2 ≤ T3) and p1 had read A: the developer audience is `stale`. The
// revision of T4 changed nothing the acknowledgement pins, yet `changedAt` became T4 > T3, so "a change after asOf
// has not happened" took p1's acknowledgement of A for current: `acknowledged`. Now acknowledgements read when the
// fingerprint itself last changed (`fingerprintChangedAt`, T2). Suspects read `triggerChangedAt` (T2 too: the revision
// does not move it) and were right before. (A revision that changes no fingerprinted field never made an
// acknowledgement of the same fingerprint stale: the fingerprints are equal, whatever the times say.)
const T0 = "2026-03-01T09:00:00.000Z";
const T1 = "2026-03-02T09:00:00.000Z";
const T2 = "2026-03-05T09:00:00.000Z";
const T3 = "2026-03-10T09:00:00.000Z";
const T4 = "2026-03-12T09:00:00.000Z";
const a = { id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Quotes go out the same day.", audiences: ["developer"], revision: 1, updatedAt: T0 };
const b = { ...a, statement: "Quotes go out within the hour." };
const ack = (fingerprint: string, acknowledgedAt: string) => ({ id: `ack-${acknowledgedAt}`, requirementId: "FR-1", audienceRole: "developer", personId: "p1", fingerprint, acknowledgedAt });
const link = { id: "tl-1", from: { kind: "test-case" as const, id: "TC-1" }, to: { kind: "requirement" as const, id: "FR-1" }, linkType: "verifies", targetFingerprint: requirementFingerprint(a), reviewedAt: T0 };
const testCases = [{ id: "TC-1", key: "TC-1", title: "Send a quote", updatedAt: T0 }];

function history(acks: ReturnType<typeof ack>[], asOf?: string, rules: TraceRulesInput = {}) {
  const analysis = analyzeTraceGraph(buildTraceGraph({ requirements: [a], testCases, links: [{ ...link, targetFingerprint: fingerprintOf(a, rules.triggerFields?.requirement ?? ["key", "type", "title", "statement", "acceptanceCriteria", "verificationMethod"]) }], acknowledgements: acks }, rules), asOf === undefined ? {} : { asOf });
  const view = () => {
    const r = analysis.result();
    const dev = r.acknowledgements[0]?.audiences[0];
    return { status: dev?.status, current: dev?.current, outdated: dev?.outdated, suspects: r.suspects.map((s) => s.link) };
  };
  return { analysis, view };
}

describe("a revision that changes no fingerprinted field does not re-date the acknowledged content", () => {
  it("as of T3, after B (T2) and before revision 2 (T4): p1's acknowledgement of A stays stale, and the link stays suspect", () => {
    const { analysis, view } = history([ack(requirementFingerprint(a), T1)], T3);
    analysis.apply({ type: "item-changed", kind: "requirement", item: b, at: T2 });
    expect(view()).toEqual({ status: "stale", current: [], outdated: ["p1"], suspects: ["tl-1"] });
    const delta = analysis.apply({ type: "item-changed", kind: "requirement", item: { ...b, revision: 2 }, at: T4 });
    // Before: pending [] and { status: "acknowledged", current: ["p1"], outdated: [] } — the revision of T4 revived it.
    expect(delta.acknowledgements.map((x) => x.pending)).toEqual([["developer"]]);
    expect(view()).toEqual({ status: "stale", current: [], outdated: ["p1"], suspects: ["tl-1"] });
    const item = analysis.graph.items().find((i) => i.key === "requirement:FR-1")!;
    // changedAt: the revision (evidence); triggerChangedAt and fingerprintChangedAt: the statement change.
    expect([item.changedAt, item.triggerChangedAt, item.fingerprintChangedAt]).toEqual([T4, T2, T2]);
  });

  it("a build of the same state agrees: the revision's time in changedAt, the statement's in triggerChangedAt", () => {
    const input = {
      requirements: [{ ...b, revision: 2 }], testCases, links: [link], acknowledgements: [ack(requirementFingerprint(a), T1)],
      changedAt: { "requirement:FR-1": T4 }, triggerChangedAt: { "requirement:FR-1": T2 },
    };
    const r = analyzeTraceGraph(buildTraceGraph(input), { asOf: T3 }).result();
    // Before: "acknowledged" (changedAt T4 is after asOf).
    expect([r.acknowledgements[0]?.audiences[0]?.status, r.suspects.map((s) => s.link)]).toEqual(["stale", ["tl-1"]]);
    const item = buildTraceGraph(input).items()[0]!;
    expect([item.changedAt, item.triggerChangedAt, item.fingerprintChangedAt]).toEqual([T4, T2, T2]);
  });

  it("an acknowledgement of B given before revision 2 stays acknowledged after it, today and as of any date since", () => {
    for (const asOf of [undefined, T3, "2026-03-13T09:00:00.000Z"]) {
      const { analysis, view } = history([ack(requirementFingerprint(b), "2026-03-06T09:00:00.000Z")], asOf);
      analysis.apply({ type: "item-changed", kind: "requirement", item: b, at: T2 });
      analysis.apply({ type: "item-changed", kind: "requirement", item: { ...b, revision: 2 }, at: T4 });
      expect(view()).toEqual({ status: "acknowledged", current: ["p1"], outdated: [], suspects: ["tl-1"] });
    }
  });

  it("trigger fields apart (statement only): a title edit is a fingerprint change for acknowledgements, dated by itself", () => {
    // T2 the title changes (fingerprint FA → FA', trigger fingerprint unchanged), T4 revision 2. p1 read FA at T1.
    // As of 03-03 (before T2) FA was in force: acknowledged — triggerChangedAt (T0) would have called it stale.
    // As of T3 (after T2, before T4) FA' was in force: stale — changedAt (T4) had called it acknowledged.
    const rules: TraceRulesInput = { triggerFields: { requirement: ["statement"] } };
    const titled = { ...a, title: "Quote in time" };
    const seen: unknown[] = [];
    for (const asOf of ["2026-03-03T09:00:00.000Z", T3]) {
      const { analysis, view } = history([ack(requirementFingerprint(a), T1)], asOf, rules);
      analysis.apply({ type: "item-changed", kind: "requirement", item: titled, at: T2 });
      analysis.apply({ type: "item-changed", kind: "requirement", item: { ...titled, revision: 2 }, at: T4 });
      const item = analysis.graph.items().find((i) => i.key === "requirement:FR-1")!;
      seen.push([view().status, item.changedAt, item.triggerChangedAt, item.fingerprintChangedAt]);
    }
    // Before: ["acknowledged", …] for both dates (and no fingerprintChangedAt).
    expect(seen).toEqual([["acknowledged", T4, T0, T2], ["stale", T4, T0, T2]]);
  });
});
