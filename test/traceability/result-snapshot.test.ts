import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, buildTraceGraph, DEFAULT_TRACE_RULES } from "../../src/traceability/index.js";
import { link, req, run, tc, T0 } from "./helpers.js";

/*
 * `result()` builds each listing when it is first read. A result taken before an edit must still describe the graph
 * as it was: the edit builds the listings not yet read before changing the state. Hand-built graph: FR-1 verified by
 * TC-1, whose only run passed — FR-1 is shallow-covered (its rule asks for an implementing artifact too, so it has a
 * gap) and its evidence is OK; after a failing run is recorded the evidence becomes NOK, but only in the new result.
 */
const T1 = "2026-04-01T09:00:00.000Z";

function analysis() {
  return analyzeTraceGraph(
    buildTraceGraph(
      {
        requirements: [req("BR-1", "business"), req("FR-1", "functional", { audiences: ["developer"] })],
        testCases: [tc("TC-1")],
        testRuns: [run("RUN-1", "TC-1", "passed", T1)],
        links: [link("FR-1", "derives", "BR-1"), link("TC-1", "verifies", "FR-1")],
      },
      DEFAULT_TRACE_RULES,
    ),
  );
}

describe("result() listings built on first read", () => {
  it("a result read after an edit still shows the state before the edit", () => {
    const a = analysis();
    const before = a.result();
    a.apply({ type: "run-recorded", run: run("RUN-2", "TC-1", "failed", "2026-05-01T09:00:00.000Z") });
    a.apply({ type: "item-changed", kind: "requirement", item: req("FR-1", "functional", { audiences: ["developer"], statement: "Changed" }), at: T1 });
    const after = a.result();
    expect(before.evidence.find((x) => x.id === "FR-1")?.own).toBe("OK");
    expect(after.evidence.find((x) => x.id === "FR-1")?.own).toBe("NOK");
    // FR-1's fingerprint moved: the acknowledgement listing of the earlier result keeps the earlier one.
    const fpBefore = before.acknowledgements.find((x) => x.requirementId === "FR-1")?.fingerprint;
    const fpAfter = after.acknowledgements.find((x) => x.requirementId === "FR-1")?.fingerprint;
    expect(fpBefore).toMatch(/^[0-9a-f]{64}$/);
    expect(fpAfter).not.toBe(fpBefore);
    // The derives link recorded no fingerprint, so nothing is suspect before or after; the run changed TC-1's runs only.
    expect(before.suspects).toEqual([]);
    expect(before.unreviewedLinks.length).toBe(after.unreviewedLinks.length);
  });

  it("reading listings in any order, or twice, gives the same data as a fresh result", () => {
    const a = analysis();
    const r1 = a.result();
    const acks = r1.acknowledgements;
    expect(r1.acknowledgements).toBe(acks);
    const r2 = a.result();
    expect({ ...r1 }).toEqual({ ...r2 });
    expect(JSON.stringify(r1)).toBe(JSON.stringify(r2));
    expect(r1.evidence.find((x) => x.id === "FR-1")?.tests[0]).toEqual({ testCase: "test-case:TC-1", run: "test-run:RUN-1", status: "OK", result: "passed", executedAt: T1 });
    expect(T0 < T1).toBe(true);
  });
});

describe("many unread results between edits", () => {
  it("each still shows the state it was taken in", () => {
    const a = analysis();
    // More results than the analysis keeps waiting (16): the older ones are built early, none changes.
    const results = Array.from({ length: 40 }, () => a.result());
    a.apply({ type: "run-recorded", run: run("RUN-2", "TC-1", "failed", "2026-05-01T09:00:00.000Z") });
    for (const r of results) expect(r.evidence.find((x) => x.id === "FR-1")?.rolledUp).toBe("OK");
    expect(a.result().evidence.find((x) => x.id === "FR-1")?.rolledUp).toBe("NOK");
  });
});
