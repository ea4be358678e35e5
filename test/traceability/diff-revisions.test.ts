import { describe, expect, it } from "vitest";
import { diffTraceBaselines, requirementFingerprint, type TraceInput } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// Baseline diff and OpenFastTrace revisions: raising an item's revision is a declared change of meaning — it voids
// every link pinning the old one (they stop covering) — even when no fingerprinted field moved. Such an item must be
// listed in itemsChanged with what changed (`revision`), like a statement edit.

/* FR-1 (revision 1) is verified by TC-1, whose link pins revision 1. After: FR-1 at revision 2, same text. */
function snapshot(revision: number | undefined, status = "approved"): TraceInput {
  return {
    requirements: [req("FR-1", "functional", { ...(revision !== undefined ? { revision } : {}), status }), req("FR-2", "functional", { revision: 1 })],
    testCases: [tc("TC-1"), tc("TC-2")],
    links: [link("TC-1", "verifies", "FR-1", { targetRevision: 1 }), link("TC-2", "verifies", "FR-2", { targetRevision: 1 })],
  };
}

const RULES = { items: [{ type: "functional", needs: [{ name: "test", anyOf: ["test-case"], via: ["verifies"] }] }] };

describe("baseline diff: a revision-only change", () => {
  it("is in itemsChanged with the revision before and after, and its effect shows in became.uncovered", () => {
    const d = diffTraceBaselines(snapshot(1), snapshot(2), RULES);
    expect(d.itemsChanged).toEqual([{ item: "requirement:FR-1", fields: [{ field: "revision", before: 1, after: 2 }] }]);
    // TC-1 pins revision 1, now outdated: FR-1 lost its only test.
    expect(d.became.uncovered).toEqual(["requirement:FR-1"]);
    expect(d.itemsAdded).toEqual([]);
    expect(d.itemsRemoved).toEqual([]);
  });

  it("a revision given or dropped is a change too; an unchanged revision is none", () => {
    expect(diffTraceBaselines(snapshot(undefined), snapshot(1), RULES).itemsChanged).toEqual([{ item: "requirement:FR-1", fields: [{ field: "revision", before: undefined, after: 1 }] }]);
    expect(diffTraceBaselines(snapshot(1), snapshot(undefined), RULES).itemsChanged).toEqual([{ item: "requirement:FR-1", fields: [{ field: "revision", before: 1, after: undefined }] }]);
    expect(diffTraceBaselines(snapshot(1), snapshot(1), RULES).itemsChanged).toEqual([]);
  });

  it("a status change that retires an item (inactive) is a change; one that does not is left out as before", () => {
    // approved → rejected: FR-1 leaves coverage (the rules' inactive statuses), so the diff names it.
    expect(diffTraceBaselines(snapshot(1), snapshot(1, "rejected"), RULES).itemsChanged).toEqual([{ item: "requirement:FR-1", fields: [{ field: "status", before: "approved", after: "rejected" }] }]);
    // approved → implemented changes nothing the analysis reads (lifecycle fields are not fingerprinted).
    expect(diffTraceBaselines(snapshot(1), snapshot(1, "implemented"), RULES).itemsChanged).toEqual([]);
  });
});

describe("baseline diff: a type change through the rules' typeFields", () => {
  it("an item whose level moved (typeFields: requirement → level) is in itemsChanged with that field", () => {
    // `level` is not fingerprinted, yet with typeFields it decides which rule applies: FR-1 moves from the software
    // level (needs a unit test, TC-1 is one) to the system level (needs an acceptance test: none) and turns uncovered.
    const rules = {
      itemTypes: ["software", "system", "unit", "acceptance"],
      typeFields: { requirement: "level", "test-case": "testKind" },
      items: [
        { type: "software", needs: [{ name: "unit test", anyOf: ["unit"], via: ["verifies"] }] },
        { type: "system", needs: [{ name: "acceptance test", anyOf: ["acceptance"], via: ["verifies"] }] },
      ],
    };
    const at = (level: string): TraceInput => ({ requirements: [req("FR-1", "functional", { level })], testCases: [tc("TC-1", { testKind: "unit" })], links: [link("TC-1", "verifies", "FR-1")] });
    const d = diffTraceBaselines(at("software"), at("system"), rules);
    expect(d.itemsChanged).toEqual([{ item: "requirement:FR-1", fields: [{ field: "level", before: "software", after: "system" }] }]);
    expect(d.became.uncovered).toEqual(["requirement:FR-1"]);
  });
});

describe("baseline diff: an item retired between the snapshots", () => {
  it("its problems left with the retirement (removed), they were not fixed (resolved)", () => {
    // Before: FR-1 and FR-2 approved, neither tested (uncovered). After: FR-1 got TC-1; FR-2 was rejected.
    const before: TraceInput = { requirements: [req("FR-1", "functional"), req("FR-2", "functional")], testCases: [tc("TC-1")], links: [] };
    const after: TraceInput = { requirements: [req("FR-1", "functional"), req("FR-2", "functional", { status: "rejected" })], testCases: [tc("TC-1")], links: [link("TC-1", "verifies", "FR-1")] };
    const d = diffTraceBaselines(before, after, RULES);
    expect(d.resolved.uncovered).toEqual(["requirement:FR-1"]);
    expect(d.removed.uncovered).toEqual(["requirement:FR-2"]);
  });

  it("a suspect link into an item retired since is removed, not resolved", () => {
    const fr2 = req("FR-2", "functional", { statement: "Quotes can be faxed within the hour.", updatedAt: "2026-03-15T09:00:00.000Z" });
    const old = requirementFingerprint({ ...fr2, statement: "Quotes can be faxed." });
    const snap = (status: string): TraceInput => ({ requirements: [{ ...fr2, status }], testCases: [tc("TC-2")], links: [link("TC-2", "verifies", "FR-2", { targetFingerprint: old })] });
    const d = diffTraceBaselines(snap("approved"), snap("obsolete"), RULES);
    expect([d.resolved.suspect, d.removed.suspect]).toEqual([[], ["TC-2>verifies>FR-2"]]);
  });
});
