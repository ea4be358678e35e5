import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph, fingerprintOf, type TraceLinkInput, type TraceRulesInput } from "../../src/traceability/index.js";

// Audit: an item had one change time for its fingerprint and for the rules' `triggerFields`: any edit that moved
// either moved it. With triggerFields { requirement: ["statement"] }:
// - a title edit (fingerprinted, no trigger) at T3 dated FR-1's statement change (T1) at T3, so a link reviewed at T2,
//   after that change, counted as not reviewed since it and was transitively suspect again — in a fresh analysis,
//   and in the incremental one as soon as any edit made it recompute FR-1's spread;
// - a trigger field outside the fingerprinted ones (riskClass) moved the time evidence reads, so a pass before it
//   turned STALE though the item's content (its fingerprint) had not changed.
// Now each has its own time: `changedAt` (fingerprint or revision: evidence) and `triggerChangedAt` (trigger
// fingerprint: transitive suspicion), the latter also an input map; a build given one time uses it for both.
const T0 = "2026-01-01T09:00:00.000Z";
const T1 = "2026-02-01T09:00:00.000Z"; // FR-1's statement changes
const T2 = "2026-02-15T09:00:00.000Z"; // TC-2 → FR-2 reviewed
const T3 = "2026-03-01T09:00:00.000Z"; // FR-1's title changes
const T4 = "2026-03-10T09:00:00.000Z";

const rules: TraceRulesInput = { triggerFields: { requirement: ["statement"] } };
const req = (id: string, statement: string, title = id) => ({ id, key: id, type: "functional", title, statement, updatedAt: T0 });
const trigger = (r: { statement: string }) => fingerprintOf(r, ["statement"]);
const fr1 = req("FR-1", "Quotes go out the same day.");
const fr2 = req("FR-2", "Quotes are priced from the list.");
const link = (id: string, from: [string, string], to: string, linkType: string, targetFingerprint: string, reviewedAt: string): TraceLinkInput =>
  ({ id, from: { kind: from[0] as "requirement", id: from[1] }, to: { kind: "requirement", id: to }, linkType, targetFingerprint, reviewedAt });
// FR-2 refines FR-1 (reviewed at T0: directly suspect after T1); TC-2 verifies FR-2, reviewed at T2 after the change.
const links = [link("l1", ["requirement", "FR-2"], "FR-1", "refines", trigger(fr1), T0), link("l2", ["test-case", "TC-2"], "FR-2", "verifies", trigger(fr2), T2)];
const testCases = [{ id: "TC-2", key: "TC-2", title: "Price a quote" }, { id: "TC-3", key: "TC-3", title: "Price a discount" }];
const suspects = (r: { suspects: readonly { link: string; distance: number }[] }) => r.suspects.map((s) => [s.link, s.distance]);

describe("trigger fields have their own change time", () => {
  it("an edit outside the trigger fields does not re-date the trigger change: a link reviewed since stays clear", () => {
    const analysis = analyzeTraceGraph(buildTraceGraph({ requirements: [fr1, fr2], testCases, links }, rules));
    analysis.apply({ type: "item-changed", kind: "requirement", item: { ...fr1, statement: "Quotes go out within the hour." }, at: T1 });
    expect(suspects(analysis.result())).toEqual([["l1", 1]]); // l2 was reviewed at T2, after the change
    analysis.apply({ type: "item-changed", kind: "requirement", item: { ...fr1, statement: "Quotes go out within the hour.", title: "Fast quotes" }, at: T3 });
    const fr1Now = analysis.graph.items().find((i) => i.key === "requirement:FR-1")!;
    expect([fr1Now.changedAt, fr1Now.triggerChangedAt]).toEqual([T3, T1]);
    // An unrelated link into FR-2 makes the analysis recompute FR-1's spread. Before: l2 then became suspect at
    // distance 2 (its review at T2 was older than the single change time T3).
    analysis.apply({ type: "link-added", link: link("l3", ["test-case", "TC-3"], "FR-2", "verifies", trigger(fr2), T4) });
    expect(suspects(analysis.result())).toEqual([["l1", 1]]);
  });

  it("a fresh analysis reads the trigger time from `triggerChangedAt` (default: `changedAt`, the one time known)", () => {
    const edited = { ...fr1, statement: "Quotes go out within the hour.", title: "Fast quotes" };
    const input = { requirements: [edited, fr2], testCases, links, changedAt: { "requirement:FR-1": T3 } };
    // Both times T3 (the convention when only one is given): l2, reviewed at T2, has not seen the change.
    expect(suspects(analyzeTraceability(input, rules))).toEqual([["l1", 1], ["l2", 2]]);
    // Before: the same, `triggerChangedAt` was not read.
    expect(suspects(analyzeTraceability({ ...input, triggerChangedAt: { "requirement:FR-1": T1 } }, rules))).toEqual([["l1", 1]]);
    let path: unknown;
    try {
      analyzeTraceability({ ...input, triggerChangedAt: { "requirement:FR-1": "2026-02-01" } }, rules);
    } catch (e) {
      path = (e as { issues: { path: unknown }[] }).issues[0]?.path;
    }
    expect(path).toEqual(["triggerChangedAt", "requirement:FR-1"]);
  });

  it("a trigger field outside the fingerprinted ones makes links suspect without making earlier passes STALE", () => {
    const withRisk: TraceRulesInput = { triggerFields: { requirement: ["statement", "riskClass"] } };
    const fr9 = { ...req("FR-9", "Quotes are archived."), riskClass: "A" };
    const input = {
      requirements: [fr9],
      testCases: [{ id: "TC-9", key: "TC-9", title: "Archive a quote", updatedAt: T0 }],
      links: [{ id: "l9", from: { kind: "test-case", id: "TC-9" }, to: { kind: "requirement", id: "FR-9" }, linkType: "verifies", targetFingerprint: fingerprintOf(fr9, ["statement", "riskClass"]), reviewedAt: T0 } as TraceLinkInput],
      testRuns: [{ id: "R9", testCaseId: "TC-9", result: "passed", executedAt: T2, environment: "sit", defectIds: [] }],
    };
    const analysis = analyzeTraceGraph(buildTraceGraph(input, withRisk));
    analysis.apply({ type: "item-changed", kind: "requirement", item: { ...fr9, riskClass: "B" }, at: T3 });
    const r = analysis.result();
    expect(r.suspects.map((s) => s.link)).toEqual(["l9"]);
    // The fingerprint (key, type, title, statement, acceptanceCriteria, verificationMethod) did not move: the pass of
    // T2 still proves the content. Before: "STALE".
    expect(r.evidence.find((e) => e.id === "FR-9")?.own).toBe("OK");
    const item = analysis.graph.items().find((i) => i.key === "requirement:FR-9")!;
    expect([item.changedAt, item.triggerChangedAt]).toEqual([T0, T3]);
  });
});
