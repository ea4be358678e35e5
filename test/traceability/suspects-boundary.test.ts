import { describe, expect, it } from "vitest";
import { analyzeTraceability, type TraceInput } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// docs/traceability.md §5: "Transitive: suspicion flows down the chain … A link reviewed (or created) after the change
// stops the flow below it." A review stamped at the very instant of the change is not after it (the two cannot be
// ordered), so, as a test pass at that instant counts as STALE, it does not stop the flow.
//
// BR-1 changed at CHANGE; FR-1 → BR-1 recorded an older fingerprint (directly suspect); TC-1 → FR-1 was reviewed at
// `reviewedAt`. Hand-derived: reviewed before or at CHANGE → TC-1's link is transitively suspect (distance 2); after → not.

const CHANGE = "2026-04-01T10:00:00.000Z";

function input(reviewedAt: string): TraceInput {
  return {
    requirements: [req("BR-1", "business", { updatedAt: CHANGE }), req("FR-1", "functional")],
    testCases: [tc("TC-1")],
    links: [
      link("FR-1", "derives", "BR-1", { targetFingerprint: "fingerprint-of-an-older-BR-1", reviewedAt: "2026-03-01T09:00:00.000Z" }),
      link("TC-1", "verifies", "FR-1", { reviewedAt, createdAt: "2026-03-01T09:00:00.000Z" }),
    ],
  };
}
const suspects = (reviewedAt: string) => analyzeTraceability(input(reviewedAt)).suspects.map((s) => [s.link, s.reason, s.distance]);

describe("transitive suspicion and a review at the instant of the change", () => {
  it("reviewed at the same instant as the change: the flow goes on (was: stopped)", () => {
    expect(suspects(CHANGE)).toEqual([["FR-1>derives>BR-1", "direct", 1], ["TC-1>verifies>FR-1", "transitive", 2]]);
    expect(suspects("2026-04-01T10:00:00Z")).toEqual([["FR-1>derives>BR-1", "direct", 1], ["TC-1>verifies>FR-1", "transitive", 2]]);
  });

  it("a millisecond before: suspect; a millisecond after: the review stops it", () => {
    expect(suspects("2026-04-01T09:59:59.999Z")).toEqual([["FR-1>derives>BR-1", "direct", 1], ["TC-1>verifies>FR-1", "transitive", 2]]);
    expect(suspects("2026-04-01T10:00:00.001Z")).toEqual([["FR-1>derives>BR-1", "direct", 1]]);
  });
});
