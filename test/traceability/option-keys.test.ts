import { describe, expect, it } from "vitest";
import {
  analyzeTraceGraph,
  analyzeTraceability,
  buildTraceGraph,
  clearSuspects,
  diffTraceBaselines,
  impactOf,
  reviewLink,
  traceMatrix,
  type TraceInput,
} from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";
import { issuesOf } from "../support/errors.js";

// Seventh audit pass: a misspelt option key is refused, not ignored while the default runs. The traceability
// functions report their option errors at the option's own key (["maxDepth"], ["asOf"]), so the unknown key's path is
// [key] too. The message lists the keys the function takes, in the order of its options interface.

const AT = "2026-04-01T09:00:00.000Z";
const input = (): TraceInput => ({ requirements: [req("FR-1", "functional")], testCases: [tc("TC-1")], links: [link("TC-1", "verifies", "FR-1")] });
const ANALYSIS = "evidenceScope, resultOutcomes, people, asOf, evidence";

describe("traceability options: unknown keys", () => {
  it("analyzeTraceGraph, analyzeTraceability and diffTraceBaselines refuse a misspelt asOf", () => {
    expect(issuesOf(() => analyzeTraceGraph(buildTraceGraph(input()), { asof: "2026-04-01" } as never))).toEqual([["asof", `unknown option (analyzeTraceGraph takes ${ANALYSIS})`]]);
    expect(issuesOf(() => analyzeTraceability(input(), {}, { bogus: 1 } as never))).toEqual([["bogus", `unknown option (analyzeTraceability takes ${ANALYSIS})`]]);
    expect(issuesOf(() => diffTraceBaselines(input(), input(), {}, { bogus: 1 } as never))).toEqual([["bogus", `unknown option (diffTraceBaselines takes ${ANALYSIS})`]]);
    // A correct call still works: the default rules want a functional requirement implemented and verified; FR-1 is
    // only verified (TC-1), so it is uncovered, missing its implementation.
    const fr1 = analyzeTraceability(input(), {}, { asOf: "2026-04-01" }).coverage.find((c) => c.item === "requirement:FR-1");
    expect([fr1?.shallow, fr1?.missing]).toEqual(["uncovered", ["implementation"]]);
  });
  it("the nested evidence bag is checked too, at evidence.KEY", () => {
    expect(issuesOf(() => analyzeTraceGraph(buildTraceGraph(input()), { evidence: { test: "transitive" } } as never))).toEqual([
      ["evidence.test", "unknown option (analyzeTraceGraph takes environments, finalBeatsNotRun, tests)"],
    ]);
  });
  it("evidenceScope and the analysis's evidenceFor(scope) refuse a misspelt filter, which would count every run", () => {
    expect(issuesOf(() => analyzeTraceGraph(buildTraceGraph(input()), { evidenceScope: { enviroment: "staging" } } as never))).toEqual([
      ["evidenceScope.enviroment", "unknown option (analyzeTraceGraph takes softwareVersion, environment)"],
    ]);
    const a = analyzeTraceGraph(buildTraceGraph(input()));
    expect(issuesOf(() => a.evidenceFor({ enviroment: "staging" } as never))).toEqual([["enviroment", "unknown option (evidenceFor takes softwareVersion, environment)"]]);
    // FR-1's only test has no run: no evidence in the staging scope → "NOT RUN" status for FR-1.
    expect(a.evidenceFor({ environment: "staging" }).map((e) => e.id)).toEqual(["FR-1"]);
  });
  it("impactOf refuses an unknown key; a correct call still works", () => {
    const g = buildTraceGraph(input());
    expect(issuesOf(() => impactOf(g, ["requirement:FR-1"], { maxdepth: 1 } as never))).toEqual([["maxdepth", "unknown option (impactOf takes linkTypes, direction, maxDepth)"]]);
    // FR-1 ← TC-1 (verifies): one item downstream at distance 1.
    expect(impactOf(g, ["requirement:FR-1"], { maxDepth: 1 }).items.map((i) => i.item)).toEqual(["test-case:TC-1"]);
  });
  it("traceMatrix refuses an unknown key; a correct call still works", () => {
    const a = analyzeTraceGraph(buildTraceGraph(input()));
    expect(issuesOf(() => traceMatrix(a, { rowType: ["functional"] } as never))).toEqual([["rowType", "unknown option (traceMatrix takes rowTypes, columns, result)"]]);
    expect(traceMatrix(a, { rowTypes: ["functional"] }).rows.map((r) => r.id)).toEqual(["FR-1"]);
  });
  it("reviewLink and clearSuspects refuse an unknown key; a correct call still works", () => {
    const a = analyzeTraceGraph(buildTraceGraph(input()));
    const l = input().links![0]!;
    expect(issuesOf(() => reviewLink(a, l, { at: AT, reviewer: "P-1" } as never))).toEqual([["reviewer", "unknown option (reviewLink takes at, reviewedBy)"]]);
    expect(issuesOf(() => clearSuspects(a, [l], { at: AT, target: [] } as never))).toEqual([
      ["target", "unknown option (clearSuspects takes at, reviewedBy, targets, includeUnreviewed)"],
    ]);
    expect(reviewLink(a, l, { at: AT, reviewedBy: "P-1" }).reviewedBy).toBe("P-1");
    // The link was never reviewed, so it is not suspect; includeUnreviewed reviews it.
    expect(clearSuspects(a, [l], { at: AT, includeUnreviewed: true }).map((x) => x.reviewedAt)).toEqual([AT]);
  });
});

describe("the graph's input: an unknown field is refused, not read as an empty list", () => {
  it("acknowledgments (American spelling) was ignored, every acknowledgement pending; a non-list was a TypeError", () => {
    const ack = { id: "ack-1", requirementId: "FR-1", audienceRole: "developer", personId: "p1", fingerprint: "x", acknowledgedAt: AT };
    expect(issuesOf(() => buildTraceGraph({ ...input(), acknowledgments: [ack] } as never))).toEqual([
      ["", 'Unrecognized key: "acknowledgments" (a trace input has requirements, artifacts, testCases, testRuns, defects, links, acknowledgements, changedAt, triggerChangedAt)'],
    ]);
    expect(issuesOf(() => buildTraceGraph({ ...input(), acknowledgements: {} } as never))).toEqual([["acknowledgements", "expected an array"]]);
    expect(issuesOf(() => buildTraceGraph(input()))).toEqual([]);
  });
});
