import { describe, expect, it } from "vitest";
import { analyzeTraceability, requirementFingerprint, type TraceLinkInput } from "../../src/traceability/index.js";

/*
 * A suspect self-link (FR-1 derives FR-1, recorded against FR-1's old statement) made FR-1 itself a source of
 * transitive suspicion: every other link into FR-1 — links into the changed item, judged directly by their own
 * fingerprint — was listed again as "transitive, 2 links away", and suspicion flowed on through them. Found by the
 * suspect oracle in oracles-chain.test.ts (seed 2122).
 */

const fr1 = { id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Quotes go out the same day.", updatedAt: "2026-03-01T00:00:00.000Z" };
const old = requirementFingerprint({ ...fr1, statement: "Quotes go out within a week." });
const link = (id: string, from: { kind: "requirement" | "test-case"; id: string }, linkType: string, extra: Partial<TraceLinkInput> = {}): TraceLinkInput =>
  ({ id, from, to: { kind: "requirement", id: "FR-1" }, linkType, createdAt: "2026-01-01T00:00:00.000Z", ...extra });

describe("a suspect self-link", () => {
  it("is one direct suspect; the other links into its item are not transitively suspect through it", () => {
    const r = analyzeTraceability({
      requirements: [fr1],
      testCases: [{ id: "TC-1", key: "TC-1", title: "Send a quote", updatedAt: "2026-01-01T00:00:00.000Z" }],
      links: [
        link("L-self", { kind: "requirement", id: "FR-1" }, "derives", { targetFingerprint: old }),
        link("L-test", { kind: "test-case", id: "TC-1" }, "verifies"), // never reviewed: needs its first review, nothing more
      ],
    });
    // Before: [["L-self", "direct", 1], ["L-test", "transitive", 2]] and transitiveLinks 1.
    expect(r.suspects.map((s) => [s.link, s.reason, s.distance])).toEqual([["L-self", "direct", 1]]);
    expect(r.unreviewedLinks).toEqual(["L-test"]);
    // FR-1's own self-link is its one suspect link; FR-1 is the one item whose links became suspect.
    expect(r.changedItems).toEqual([{ item: "requirement:FR-1", directLinks: 1, transitiveLinks: 0, blastRadius: 1 }]);
  });
});
