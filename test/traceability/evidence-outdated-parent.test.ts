import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph, type TraceInput } from "../../src/traceability/index.js";
import { art, link, req, run, tc } from "./helpers.js";

// Audit (fifth pass, trace16): evidence rolled up through a parent link pinning an older revision of the parent.
//
//   SR-1 is at revision 2 (changed at T1). FR-1 refines SR-1 but its link pins revision 1 (OFT: outdated), so it
//   covers nothing: SR-1 is shallow-uncovered. FR-1 is implemented by code-1 and verified by TC-1, which passed at T2.
// Before: SR-1's rolled-up evidence read OK — FR-1's pass vouched for a revision FR-1 was never traced against —
//   beside coverage "uncovered". Now the outdated link rolls nothing up: SR-1 is UNCOVERED (no tests below it through
//   a link that counts), as coverage says; FR-1 keeps its own OK.
const T1 = "2026-03-05T09:00:00.000Z";
const T2 = "2026-03-06T09:00:00.000Z";

const input = (pin: number): TraceInput => ({
  requirements: [req("SR-1", "stakeholder", { revision: 2, updatedAt: T1 }), req("FR-1", "functional")],
  artifacts: [art("code-1", "code")],
  testCases: [tc("TC-1")],
  testRuns: [run("r1", "TC-1", "passed", T2)],
  links: [link("FR-1", "refines", "SR-1", { targetRevision: pin }), link("TC-1", "verifies", "FR-1"), link("code-1", "implements", "FR-1")],
});
const rolled = (r: ReturnType<typeof analyzeTraceability>) => Object.fromEntries(r.evidence.map((e) => [e.id, [e.own, e.rolledUp]]));

describe("evidence roll-up through a parent link pinning another revision", () => {
  it("an outdated link rolls nothing up; the current revision rolls up as before", () => {
    const stale = analyzeTraceability(input(1));
    expect(stale.coverage.find((c) => c.item === "requirement:SR-1")!.shallow).toBe("uncovered");
    expect(rolled(stale)).toEqual({ "FR-1": ["OK", "OK"], "SR-1": ["UNCOVERED", "UNCOVERED"] });
    // The same graph with the link pinning revision 2: covered, and FR-1's pass rolls up.
    expect(rolled(analyzeTraceability(input(2)))).toEqual({ "FR-1": ["OK", "OK"], "SR-1": ["UNCOVERED", "OK"] });
  });

  it("nor does SR-1's change flow down through it: FR-1's pass before the change is judged on FR-1's own path", () => {
    // TC-1 passed at T0 + 1 day, before SR-1 changed (T1). Through a covering link that pass is STALE (SR-1 is on
    // its path); through the outdated link FR-1 is traced to no current SR-1, so the pass is OK for FR-1 — the
    // outdated link itself is what `linkRevisions` reports for review.
    const early = (pin: number) => ({ ...input(pin), testRuns: [run("r1", "TC-1", "passed", "2026-03-02T09:00:00.000Z")] });
    expect(rolled(analyzeTraceability(early(2)))).toEqual({ "FR-1": ["STALE", "STALE"], "SR-1": ["UNCOVERED", "STALE"] });
    expect(rolled(analyzeTraceability(early(1)))).toEqual({ "FR-1": ["OK", "OK"], "SR-1": ["UNCOVERED", "UNCOVERED"] });
    expect(analyzeTraceability(early(1)).linkRevisions.map((x) => [x.link, x.status])).toEqual([["FR-1>refines>SR-1", "outdated"]]);
  });

  it("a predated link (revision 3 of a requirement at 2) rolls nothing up either", () => {
    expect(rolled(analyzeTraceability(input(3)))["SR-1"]).toEqual(["UNCOVERED", "UNCOVERED"]);
  });

  it("with transitive test rows, the parent lists no test through the outdated link", () => {
    const r = analyzeTraceability(input(1), {}, { evidence: { tests: "transitive" } });
    expect(r.evidence.find((e) => e.id === "SR-1")?.tests ?? []).toEqual([]);
  });

  it("raising SR-1's revision through an edit gives the same as a fresh analysis", () => {
    const a = analyzeTraceGraph(buildTraceGraph(input(2)));
    const delta = a.apply({ type: "item-changed", kind: "requirement", item: req("SR-1", "stakeholder", { revision: 3, statement: "new", updatedAt: T2 }) });
    expect(delta.evidence).toContainEqual({ item: "requirement:SR-1", rolledUp: "UNCOVERED" });
    expect(rolled(a.result())).toEqual({ "FR-1": ["OK", "OK"], "SR-1": ["UNCOVERED", "UNCOVERED"] });
  });
});
