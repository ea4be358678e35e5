import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph } from "../../src/traceability/index.js";
import { art, link, req, run, tc, T0 } from "./helpers.js";

// Audit (fifth pass, trace16): retiring a parent made its children's evidence STALE.
//
//   FR-1 refines SR-1; code-1 implements FR-1; TC-1 verifies FR-1 and passed at T1. SR-1 is then retired (status
//   obsolete) at T2 — its updatedAt, so its changedAt, moves to T2. A retired item reopens nothing (no suspect link
//   into it, no evidence from it), and FR-1's own path (FR-1, TC-1) has not changed since T0 < T1.
// Before: FR-1 own/rolled STALE (SR-1's T2 counted as a change above FR-1). Now: OK; the orphan finding still says FR-1
//   has no active parent, which is what the analyst acts on.
const T1 = "2026-03-05T09:00:00.000Z";
const T2 = "2026-03-06T09:00:00.000Z";
const input = (status: string) => ({
  requirements: [req("SR-1", "stakeholder", { status, updatedAt: T2 }), req("FR-1", "functional")],
  artifacts: [art("code-1", "code")],
  testCases: [tc("TC-1")],
  testRuns: [run("r1", "TC-1", "passed", T1)],
  links: [link("FR-1", "refines", "SR-1"), link("TC-1", "verifies", "FR-1"), link("code-1", "implements", "FR-1")],
});

describe("evidence under a retired parent", () => {
  it("an obsolete parent's change does not make the child's pass STALE; an active parent's still does", () => {
    const retired = analyzeTraceability(input("obsolete"));
    expect(retired.evidence.map((e) => [e.id, e.own, e.rolledUp])).toEqual([["FR-1", "OK", "OK"]]);
    expect(retired.findings.map((f) => f.check)).toEqual(["orphan"]);
    // SR-1 approved and changed at T2, after the pass at T1: STALE, as before.
    const active = analyzeTraceability(input("approved"));
    expect(active.evidence.find((e) => e.id === "FR-1")).toMatchObject({ own: "STALE", rolledUp: "STALE" });
  });

  it("retiring the parent through an edit gives the same as a fresh analysis", () => {
    const a = analyzeTraceGraph(buildTraceGraph(input("approved")));
    const delta = a.apply({ type: "item-changed", kind: "requirement", item: req("SR-1", "stakeholder", { status: "obsolete", updatedAt: T2 }), at: T2 });
    expect(delta.evidence).toContainEqual({ item: "requirement:FR-1", rolledUp: "OK" });
    expect(a.result().evidence).toEqual(analyzeTraceability(input("obsolete")).evidence);
    expect(T0 < T1).toBe(true);
  });
});
