import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph, clearSuspects, requirementFingerprint, type TraceInput, type TraceRulesInput } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// Suspect links and retired items: a retired (inactive) requirement or test case is no longer built or run, so a
// change on either end of its links reopens nothing for anyone (Doorstop skips inactive items; DOORS hides
// soft-deleted objects from its views; OFT leaves rejected items out of its defect rule). With empty `inactive`
// lists every item is active again and the links are suspect as before.

/** After the links were made and reviewed (T0): a review before it does not stop suspicion flowing down. */
const CHANGED = "2026-03-15T09:00:00.000Z";
const LEGACY: TraceRulesInput = { inactive: { requirement: [], "test-case": [] } };

/*
 * BR-1 changed since the links into it were reviewed (they recorded its old statement):
 *   FR-1 (approved) derives BR-1 → direct suspect; TC-1 verifies FR-1 (reviewed before the change) → transitive.
 *   FR-9 (rejected) derives BR-1 → retired source: not suspect; TC-9 verifies FR-9 → nothing flows through FR-9.
 * FR-8 (obsolete) changed too; TC-8 verifies FR-8 recording its old content → retired target: not suspect.
 * TC-7 (deprecated) verifies FR-1 and was never reviewed → not listed among the unreviewed links.
 */
function input(): TraceInput {
  const br1 = req("BR-1", "business", { statement: "Quotes go out the same day.", updatedAt: CHANGED });
  const fr8 = req("FR-8", "functional", { status: "obsolete", statement: "Quotes can be faxed within the hour.", updatedAt: CHANGED });
  const oldBr1 = requirementFingerprint({ ...br1, statement: "Quotes go out within two days." });
  const oldFr8 = requirementFingerprint({ ...fr8, statement: "Quotes can be faxed." });
  const fr1 = req("FR-1", "functional");
  const fr9 = req("FR-9", "functional", { status: "rejected" });
  return {
    requirements: [br1, fr1, fr8, fr9],
    testCases: [tc("TC-1"), tc("TC-7", { status: "deprecated" }), tc("TC-8"), tc("TC-9")],
    links: [
      link("FR-1", "derives", "BR-1", { targetFingerprint: oldBr1 }),
      link("FR-9", "derives", "BR-1", { targetFingerprint: oldBr1 }),
      link("TC-1", "verifies", "FR-1", { targetFingerprint: requirementFingerprint(fr1) }),
      link("TC-9", "verifies", "FR-9", { targetFingerprint: requirementFingerprint(fr9) }),
      link("TC-8", "verifies", "FR-8", { targetFingerprint: oldFr8 }),
      link("TC-7", "verifies", "FR-1"),
    ],
  };
}

describe("suspect links and retired items", () => {
  it("default: no link from or into a retired item is suspect or waits for review; suspicion does not flow through one", () => {
    const r = analyzeTraceability(input());
    expect(r.suspects.map((s) => [s.link, s.reason, s.distance])).toEqual([
      ["FR-1>derives>BR-1", "direct", 1],
      ["TC-1>verifies>FR-1", "transitive", 2],
    ]);
    expect(r.unreviewedLinks).toEqual([]);
    // BR-1's change reaches FR-1 (its link) and TC-1 (below FR-1): 2 items, not FR-9 and TC-9.
    expect(r.changedItems).toEqual([{ item: "requirement:BR-1", directLinks: 1, transitiveLinks: 1, blastRadius: 2 }]);
  });

  it("empty inactive lists: every item active, every link suspect as before", () => {
    const r = analyzeTraceability(input(), LEGACY);
    expect(r.suspects.map((s) => [s.link, s.reason])).toEqual([
      ["FR-1>derives>BR-1", "direct"],
      ["FR-9>derives>BR-1", "direct"],
      ["TC-1>verifies>FR-1", "transitive"],
      ["TC-7>verifies>FR-1", "transitive"],
      ["TC-8>verifies>FR-8", "direct"],
      ["TC-9>verifies>FR-9", "transitive"],
    ]);
    expect(r.unreviewedLinks).toEqual(["TC-7>verifies>FR-1"]);
    expect(r.changedItems.map((c) => [c.item, c.blastRadius])).toEqual([["requirement:BR-1", 5], ["requirement:FR-8", 1]]);
  });

  it("clearSuspects leaves links of retired items alone (nothing to review)", () => {
    const given = input();
    const a = analyzeTraceGraph(buildTraceGraph(given));
    const updated = clearSuspects(a, given.links!, { at: "2026-04-01T09:00:00.000Z", includeUnreviewed: true });
    expect(updated.map((l) => l.id)).toEqual(["FR-1>derives>BR-1", "TC-1>verifies>FR-1"]);
  });

  it("retiring or reviving an item by edit updates the suspects as a fresh analysis does", () => {
    const given = input();
    const a = analyzeTraceGraph(buildTraceGraph(given));
    const fr9 = given.requirements!.find((x) => x.id === "FR-9")!;
    const fr1 = given.requirements!.find((x) => x.id === "FR-1")!;
    a.apply({ type: "item-changed", kind: "requirement", item: { ...fr9, status: "approved" } });
    a.apply({ type: "item-changed", kind: "requirement", item: { ...fr1, status: "obsolete" } });
    const fresh = analyzeTraceability({ ...given, requirements: given.requirements!.map((x) => (x.id === "FR-9" ? { ...x, status: "approved" } : x.id === "FR-1" ? { ...x, status: "obsolete" } : x)) });
    const now = a.result();
    // FR-9 active again: its link into BR-1 is suspect, TC-9 below it transitively; FR-1 retired: its links are not.
    expect(now.suspects.map((s) => s.link)).toEqual(["FR-9>derives>BR-1", "TC-9>verifies>FR-9"]);
    for (const k of ["suspects", "unreviewedLinks", "changedItems"] as const) expect(now[k]).toEqual(fresh[k]);
  });
});
