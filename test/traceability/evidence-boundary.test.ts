import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph, type TraceInput } from "../../src/traceability/index.js";
import { link, req, run, tc } from "./helpers.js";

// Reference (shared/reference/traceability.md §5.1, "Check that test evidence is fresh"): "Count a test result only if
// it ran after the last reviewed fingerprint of every item on its path (business requirement → functional requirement
// → design → test), and roll it up as VERIFIED, STALE, …". A pass stamped at the very instant of the last change did
// not run *after* it (the two cannot be ordered), so it does not count: STALE, as a pass a millisecond earlier.

const CHANGE = "2026-04-01T10:00:00.000Z";

function input(passAt: string, changed: "requirement" | "test" | "parent"): TraceInput {
  const at = (who: typeof changed) => (who === changed ? CHANGE : "2026-03-01T09:00:00.000Z");
  return {
    requirements: [req("BR-1", "business", { updatedAt: at("parent") }), req("FR-1", "functional", { updatedAt: at("requirement") })],
    testCases: [tc("TC-1", { updatedAt: at("test") })],
    testRuns: [run("r1", "TC-1", "passed", passAt)],
    links: [link("FR-1", "derives", "BR-1"), link("TC-1", "verifies", "FR-1")],
  };
}
const own = (i: TraceInput) => analyzeTraceability(i).evidence.find((e) => e.id === "FR-1")!.own;

describe("a pass at the same instant as the last change on its path", () => {
  it.each(["requirement", "test", "parent"] as const)("%s changed at the pass's instant: STALE (not after the change)", (changed) => {
    // Hand-derived: the pass (10:00:00.000) is not after the change (10:00:00.000) → STALE; 1 ms later → OK; 1 ms earlier → STALE.
    expect(own(input(CHANGE, changed))).toBe("STALE");
    expect(own(input("2026-04-01T10:00:00.001Z", changed))).toBe("OK");
    expect(own(input("2026-04-01T09:59:59.999Z", changed))).toBe("STALE");
  });

  it("the same instant written without milliseconds is the same instant: STALE", () => {
    expect(own(input("2026-04-01T10:00:00Z", "requirement"))).toBe("STALE");
  });

  it("an edit at the instant of a recorded pass makes it STALE in the incremental analysis too", () => {
    const i = input("2026-04-02T09:00:00.000Z", "requirement");
    const a = analyzeTraceGraph(buildTraceGraph(i));
    expect(a.result().evidence.find((e) => e.id === "FR-1")!.own).toBe("OK");
    a.apply({ type: "run-recorded", run: run("r2", "TC-1", "passed", "2026-05-01T12:00:00.000Z") });
    a.apply({ type: "item-changed", kind: "requirement", item: { ...req("FR-1", "functional"), statement: "Changed." }, at: "2026-05-01T12:00:00.000Z" });
    expect(a.result().evidence.find((e) => e.id === "FR-1")!.own).toBe("STALE");
  });
});
