import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { decodeEntity, type EntityKind } from "../../src/index.js";
import {
  analyzeTraceGraph,
  buildTraceGraph,
  DEFAULT_TRACE_RULES,
  impactOf,
  requirementFingerprint,
  traceMatrix,
  type TraceInput,
} from "../../src/traceability/index.js";

// The Northwind sample office (examples/data/README.md) analysed end to end with the default rules, from the
// stored records as they are: trace links and acknowledgements carry real fingerprints; the three taken from an
// earlier statement (FR-102 and TR-001 changed on 2026-10-12) are the stale ones.

function office(): TraceInput {
  const o = loadSampleOffice();
  const decode = <T>(kind: EntityKind) => o[kind].map((r) => decodeEntity(kind, r) as T);
  return {
    requirements: decode("requirement"),
    artifacts: decode("artifact"),
    testCases: decode("test-case"),
    testRuns: decode("test-run"),
    defects: decode("defect"),
    links: decode<NonNullable<TraceInput["links"]>[number]>("trace-link"),
    acknowledgements: decode<NonNullable<TraceInput["acknowledgements"]>[number]>("acknowledgement"),
  };
}

describe("the sample office, end to end", () => {
  const input = office();
  const o = loadSampleOffice();
  const analysis = analyzeTraceGraph(buildTraceGraph(input, DEFAULT_TRACE_RULES), { people: o.person.map((p) => decodeEntity("person", p)) });
  const r = analysis.result();
  const ev = (id: string) => r.evidence.find((e) => e.id === id)!;

  it("holds the whole graph: 42 requirements, 14 artifacts, 30 test cases, 25 runs, 6 defects and 98 trace links, without structural findings", () => {
    expect(analysis.graph.size).toBe(42 + 14 + 30 + 25 + 6);
    expect(input.links).toHaveLength(98);
    expect(r.findings).toEqual([]);
    expect(r.unreviewedLinks).toEqual([]);
  });

  it("finds the one suspect link of the story: TC-014 was reviewed before TR-001 changed", () => {
    expect(r.suspects.map((s) => [s.link, s.reason, s.origin])).toEqual([["tl-TC-014-verifies-TR-001", "direct", "requirement:TR-001"]]);
    // Nothing traces to TC-014, so the change reaches one item.
    expect(r.changedItems).toEqual([{ item: "requirement:TR-001", directLinks: 1, transitiveLinks: 0, blastRadius: 1 }]);
  });

  it("reports Xray statuses from each test's latest run", () => {
    // FR-102: TC-003 failed on 2026-11-10 (DEF-101), TC-004 passed → NOK.
    expect(ev("FR-102").tests.map((t) => [t.testCase, t.status])).toEqual([["test-case:TC-003", "NOK"], ["test-case:TC-004", "OK"]]);
    expect(ev("FR-102").own).toBe("NOK");
    // FR-101: TC-001 failed on 09-28 but passed on 10-19 (latest), TC-002 passed → OK.
    expect(ev("FR-101").own).toBe("OK");
    // FR-107: TC-010 blocked → NOT RUN. FR-201: TC-024's only run was skipped → UNKNOWN. FR-109 (won't) has no test.
    expect([ev("FR-107").own, ev("FR-201").own, ev("FR-109").own]).toEqual(["NOT RUN", "UNKNOWN", "UNCOVERED"]);
    // FR-301: TC-026's latest run failed (DEF-105) and TC-027 failed (DEF-104) → NOK, rolled up to SR-006 and BR-006.
    expect([ev("FR-301").own, ev("SR-006").rolledUp, ev("BR-006").own, ev("BR-006").rolledUp]).toEqual(["NOK", "NOK", "UNCOVERED", "NOK"]);
    // Every pass is newer than the last change above it (FR-102's passing TC-004 ran a month after the change).
    expect(r.evidence.filter((e) => e.rolledUp === "STALE")).toEqual([]);
  });

  it("names the audiences still to reach: the two stale acknowledgements and the missing key user and trainer", () => {
    const ack = (id: string) => r.acknowledgements.find((a) => a.requirementId === id)!;
    expect(ack("FR-102").audiences.map((a) => [a.audience, a.status])).toEqual([["developer", "acknowledged"], ["key-user", "stale"], ["trainer", "missing"]]);
    expect(ack("TR-001").audiences.find((a) => a.audience === "key-user")).toEqual({ audience: "key-user", status: "stale", current: [], outdated: ["p-ingrid-berg"] });
    expect(ack("FR-101").pending).toEqual(["key-user"]);
    const changedSince = r.pendingByPerson.flatMap((p) => p.items.filter((i) => i.reason === "changed-since").map((i) => [p.personId, i.requirementId]));
    expect(changedSince).toEqual([["p-greta-lindqvist", "FR-102"], ["p-ingrid-berg", "TR-001"]]);
  });

  it("measures coverage per level with the default rules", () => {
    const level = (t: string) => r.levels.find((l) => l.type === t)!;
    // Functional: FR-107 (nothing implements it), FR-109 (won't: nothing at all), FR-301 and FR-302 (only a design
    // satisfies them, no implementation yet) are gaps: 12 of 16 = 75 %.
    expect(level("functional").gaps).toEqual(["requirement:FR-107", "requirement:FR-109", "requirement:FR-301", "requirement:FR-302"]);
    expect(level("functional").shallowPercent.value?.toFixed()).toBe("75");
    // Every business requirement has a derived requirement (7/7), but only BR-002 and BR-005 are deep-covered all the
    // way down.
    expect([level("business").shallowCovered, level("business").deepCovered]).toEqual([7, 2]);
    expect(r.coverage.filter((c) => c.type === "business" && c.deep === "covered").map((c) => c.item)).toEqual(["requirement:BR-002", "requirement:BR-005"]);
  });

  it("shows what a change to FR-101 touches, and makes its passes stale after an edit", () => {
    const impact = impactOf(analysis.graph, ["requirement:FR-101"], { direction: "downstream" });
    expect(impact.items.map((i) => [i.item, i.distance, i.via])).toEqual([
      ["artifact:art-crm-shipment-feed", 1, "implements"],
      ["test-case:TC-001", 1, "verifies"],
      ["test-case:TC-002", 1, "verifies"],
    ]);
    const fr101 = input.requirements!.find((x) => x.id === "FR-101")!;
    const delta = analysis.apply({ type: "item-changed", kind: "requirement", item: { ...fr101, statement: `${String(fr101.statement)} Totals in EUR.` }, at: "2026-11-21T09:00:00.000Z" });
    expect(delta.suspects).toEqual([{ item: "requirement:FR-101", directLinks: 3, transitiveLinks: 0, blastRadius: 3 }]);
    expect(delta.evidence.find((e) => e.item === "requirement:FR-101")).toEqual({ item: "requirement:FR-101", rolledUp: "STALE" });
    expect(delta.acknowledgements[0]!.pending).toEqual(["developer", "help-desk", "key-user"]);
    const rtm = traceMatrix(analysis, { rowTypes: ["functional"] });
    const row = rtm.rows.find((x) => x.id === "FR-101")!;
    expect(rtm.columns).toEqual(["Parent", "Children", "Design", "Implementation", "Tests", "Defects"]);
    expect(row.cells.map((c) => c.status)).toEqual(["linked", "empty", "empty", "suspect", "suspect", "linked"]);
    expect(row.cells[4]!.entries.map((e) => [e.item, e.evidence])).toEqual([["test-case:TC-001", "STALE"], ["test-case:TC-002", "STALE"]]);
    expect(row.cells[5]!.entries.map((e) => e.item)).toEqual(["defect:DEF-102"]);
  });
});
