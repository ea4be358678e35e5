import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph, type TraceInput } from "../../src/traceability/index.js";
import { firstIssuePath } from "../support/errors.js";
import { link, req, run, tc } from "./helpers.js";

// Xray's status comes from each test's *latest* run (reference §2, Xray [X1]), so a run is only usable with its
// execution instant — the TestRun schema requires `executedAt`. A run without one was read as executed at "" (before
// every other run and every change): silently never the latest beside a dated run, and alone it counted, as of any
// asOf, as a stale pass. It is refused with its path instead, as a malformed executedAt already was.

const base = (runs: NonNullable<TraceInput["testRuns"]>): TraceInput => ({
  requirements: [req("FR-1", "functional")], testCases: [tc("TC-1")], links: [link("TC-1", "verifies", "FR-1")], testRuns: runs,
});
const undated = { id: "r2", testCaseId: "TC-1", result: "failed", environment: "sit", defectIds: [] };

describe("a test run without executedAt", () => {
  it("is refused at build with its path (was: a failure hidden behind an older pass — FR-1 read OK)", () => {
    expect(firstIssuePath(() => analyzeTraceability(base([run("r1", "TC-1", "passed", "2026-04-01T10:00:00.000Z"), undated])))).toEqual(["testRuns", 1, "executedAt"]);
  });

  it("is refused as a recorded run and as a changed item", () => {
    const a = analyzeTraceGraph(buildTraceGraph(base([])));
    expect(firstIssuePath(() => a.apply({ type: "run-recorded", run: undated }))).toEqual(["run", "executedAt"]);
    expect(firstIssuePath(() => a.apply({ type: "item-changed", kind: "test-run", item: undated, at: "2026-04-01T10:00:00.000Z" }))).toEqual(["item", "executedAt"]);
  });
});
