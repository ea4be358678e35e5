import { describe, expect, it } from "vitest";
import { analyzeTraceability, requirementFingerprint, type TraceEntity } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// Audit of the suspect links against a hand-derived case (a diamond, a review that stops the flow, two changed items):
// the library agreed on every value; pinned here with the derivation.
//
//   BR-1 ← SR-1 (derives) ← FR-1, FR-2 (refines) ← TC-1 verifies both, TC-2 verifies FR-2 (reviewed after the change).
//   Every link recorded its target's fingerprint at T0. BR-1 and FR-1 changed at T1; TC-2's link was reviewed at T2.
// - SR-1 → BR-1: BR-1's fingerprint moved → direct (origin BR-1, distance 1).
// - Into SR-1: FR-1 → SR-1, FR-2 → SR-1 reviewed T0 < T1 → transitive, distance 2.
// - Into FR-2: TC-1 → FR-2 (T0 < T1) → transitive, distance 3; TC-2 → FR-2 reviewed T2 ≥ T1 → stops there.
// - Into FR-1: TC-1 → FR-1 is reached at distance 3 too, but FR-1's own change makes it direct (origin FR-1): listed
//   once, as direct; BR-1's spread still counts it (4 transitive links: 2 + 2), reaching SR-1, FR-1, FR-2, TC-1 (4).
// - FR-1's spread: its one direct link; TC-1 has no incoming link → 0 transitive, blast radius 1.

const T0 = "2026-03-01T09:00:00.000Z";
const T1 = "2026-03-05T09:00:00.000Z";
const T2 = "2026-03-06T09:00:00.000Z";
const pin = (target: TraceEntity, reviewedAt = T0) => ({ targetFingerprint: requirementFingerprint(target), reviewedAt: reviewedAt as never, createdAt: T0 as never });

describe("suspect links: a hand-derived diamond", () => {
  it("direct, transitive with distances and origins, a review after the change stopping the flow, the blast radius", () => {
    const br = req("BR-1", "business");
    const sr = req("SR-1", "stakeholder");
    const fr1 = req("FR-1", "functional");
    const fr2 = req("FR-2", "functional");
    const r = analyzeTraceability({
      requirements: [{ ...br, statement: "Changed", updatedAt: T1 }, sr, { ...fr1, statement: "Changed too", updatedAt: T1 }, fr2],
      testCases: [tc("TC-1"), tc("TC-2")],
      links: [
        link("SR-1", "derives", "BR-1", pin(br)), link("FR-1", "refines", "SR-1", pin(sr)), link("FR-2", "refines", "SR-1", pin(sr)),
        link("TC-1", "verifies", "FR-1", pin(fr1)), link("TC-1", "verifies", "FR-2", pin(fr2)), link("TC-2", "verifies", "FR-2", pin(fr2, T2)),
      ],
    });
    expect(r.suspects.map((s) => [s.link, s.reason, s.origin, s.distance])).toEqual([
      ["FR-1>refines>SR-1", "transitive", "requirement:BR-1", 2],
      ["FR-2>refines>SR-1", "transitive", "requirement:BR-1", 2],
      ["SR-1>derives>BR-1", "direct", "requirement:BR-1", 1],
      ["TC-1>verifies>FR-1", "direct", "requirement:FR-1", 1],
      ["TC-1>verifies>FR-2", "transitive", "requirement:BR-1", 3],
    ]);
    expect(r.changedItems).toEqual([
      { item: "requirement:BR-1", directLinks: 1, transitiveLinks: 4, blastRadius: 4 },
      { item: "requirement:FR-1", directLinks: 1, transitiveLinks: 0, blastRadius: 1 },
    ]);
  });
});
