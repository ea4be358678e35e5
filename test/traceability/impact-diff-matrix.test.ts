import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import {
  analyzeTraceGraph,
  buildTraceGraph,
  diffTraceBaselines,
  impactOf,
  requirementFingerprint,
  traceMatrix,
  type TraceInput,
} from "../../src/traceability/index.js";
import { art, link, req, run, tc } from "./helpers.js";

// Impact analysis, baseline diff and the RTM on one small office: BR-1 ← SR-1 (derives) ← FR-1, FR-2 (refines);
// C-1 implements FR-1; TC-1 verifies FR-1 (passed), TC-2 verifies FR-2 (never run).

const T1 = "2026-04-01T09:00:00.000Z";
function office(): TraceInput {
  const requirements = [req("BR-1", "business"), req("SR-1", "stakeholder"), req("FR-1", "functional"), req("FR-2", "functional")];
  const fp = (id: string) => requirementFingerprint(requirements.find((r) => r.id === id)!);
  return {
    requirements,
    artifacts: [art("C-1", "code")],
    testCases: [tc("TC-1"), tc("TC-2")],
    testRuns: [run("R-1", "TC-1", "passed", T1)],
    links: [
      link("SR-1", "derives", "BR-1", { targetFingerprint: fp("BR-1") }),
      link("FR-1", "refines", "SR-1", { targetFingerprint: fp("SR-1") }),
      link("FR-2", "refines", "SR-1", { targetFingerprint: fp("SR-1") }),
      link("C-1", "implements", "FR-1", { targetFingerprint: fp("FR-1") }),
      link("TC-1", "verifies", "FR-1", { targetFingerprint: fp("FR-1") }),
      link("TC-2", "verifies", "FR-2", { targetFingerprint: fp("FR-2") }),
    ],
  };
}

describe("impact analysis", () => {
  const g = buildTraceGraph(office());

  it("goes downstream and upstream within the chosen link types, grouped by type and distance", () => {
    const down = impactOf(g, ["requirement:SR-1"], { direction: "downstream" });
    expect(down.items.map((i) => [i.item, i.distance, i.via])).toEqual([
      ["requirement:FR-1", 1, "refines"],
      ["requirement:FR-2", 1, "refines"],
      ["artifact:C-1", 2, "implements"],
      ["test-case:TC-1", 2, "verifies"],
      ["test-case:TC-2", 2, "verifies"],
    ]);
    expect(Object.keys(down.byType).sort()).toEqual(["code", "functional", "test-case"]);
    expect(down.byDistance.map((d) => d.length)).toEqual([2, 3]);
    const up = impactOf(g, ["test-case:TC-1"], { direction: "upstream" });
    expect(up.items.map((i) => [i.item, i.distance, i.via])).toEqual([
      ["requirement:FR-1", 1, "verified by"],
      ["requirement:SR-1", 2, "refined by"],
      ["requirement:BR-1", 3, "derived into"],
    ]);
  });

  it("respects link types, depth and unknown roots; the implicit run links are followed only when asked", () => {
    const onlyTests = impactOf(g, ["requirement:SR-1", "requirement:NOPE"], { linkTypes: ["refines", "verifies"], maxDepth: 2, direction: "downstream" });
    expect(onlyTests.items.map((i) => i.item)).toEqual(["requirement:FR-1", "requirement:FR-2", "test-case:TC-1", "test-case:TC-2"]);
    expect(onlyTests.unknown).toEqual(["requirement:NOPE"]);
    expect(impactOf(g, ["requirement:FR-1"], { maxDepth: 1 }).items.some((i) => i.item === "test-run:R-1")).toBe(false);
    expect(impactOf(g, ["test-case:TC-1"], { linkTypes: ["executes"] }).items.map((i) => [i.item, i.via])).toEqual([["test-run:R-1", "executes"]]);
    expect(() => impactOf(g, [], { maxDepth: -1 })).toThrow(ValidationError);
  });
});

describe("baseline diff", () => {
  it("reports items and links added, removed and changed, and what became uncovered, suspect and stale", () => {
    const before = office();
    const fr1 = { ...before.requirements![2]!, statement: "Export as CSV and XLSX", updatedAt: "2026-05-01T09:00:00.000Z" };
    const after: TraceInput = {
      ...before,
      requirements: [before.requirements![0]!, before.requirements![1]!, fr1, before.requirements![3]!, req("FR-3", "functional")],
      links: before.links!.filter((l) => l.id !== "C-1>implements>FR-1").concat(link("FR-3", "refines", "SR-1")),
    };
    const d = diffTraceBaselines(before, after, { items: [{ type: "functional", needs: [{ anyOf: ["code"], via: ["implements"] }] }] });
    expect(d.itemsAdded).toEqual(["requirement:FR-3"]);
    expect(d.itemsRemoved).toEqual([]);
    expect(d.itemsChanged).toEqual([{ item: "requirement:FR-1", fields: [{ field: "statement", before: "Statement of FR-1", after: "Export as CSV and XLSX" }] }]);
    expect(d.linksAdded).toEqual(["FR-3>refines>SR-1"]);
    expect(d.linksRemoved).toEqual(["C-1>implements>FR-1"]);
    // FR-1 lost its implementation; FR-3 is new without one (FR-2 never had one, so it did not *become* uncovered).
    expect(d.became.uncovered).toEqual(["requirement:FR-1", "requirement:FR-3"]);
    expect(d.became.suspect).toEqual(["TC-1>verifies>FR-1"]);
    // TC-1 passed on 2026-04-01, before FR-1 changed on 2026-05-01. SR-1 and BR-1 stay NOT RUN (FR-2's test never
    // ran, and NOT RUN ranks above STALE), so only FR-1 became stale.
    expect(d.became.stale).toEqual(["requirement:FR-1"]);
    expect(d.after.evidence.find((e) => e.id === "SR-1")!.rolledUp).toBe("NOT RUN");
    expect(d.resolved.uncovered).toEqual([]);
    expect(diffTraceBaselines(after, before).resolved.suspect).toEqual(["TC-1>verifies>FR-1"]);
  });
});

describe("baseline diff: deleted is not resolved", () => {
  it("one item fixed and one deleted: the fixed one is resolved, the deleted one removed (items and links alike)", () => {
    // Rule: a functional requirement needs a test case (verifies). Before: FR-1 and FR-2 have no test (uncovered);
    // TC-3 → FR-3 and TC-4 → FR-4 recorded FR-3's and FR-4's old statements (suspect); TC-5 → FR-5 likewise.
    // After: FR-1 got TC-1 (fixed); FR-2 was deleted; TC-3 → FR-3 was reviewed (fixed); the link TC-4 → FR-4 was
    // deleted (so FR-4 is uncovered now); FR-5 was deleted, its link left dangling.
    // Before the fix resolved.uncovered was [FR-1, FR-2] and resolved.suspect named all three links.
    const rules = { items: [{ type: "functional", needs: [{ anyOf: ["test-case"], via: ["verifies"] }] }] };
    const fr = ["FR-1", "FR-2", "FR-3", "FR-4", "FR-5"].map((id) => req(id, "functional"));
    const oldFp = (id: string) => requirementFingerprint(req(id, "functional", { statement: `Old statement of ${id}` }));
    const fp = (id: string) => requirementFingerprint(fr.find((r) => r.id === id)!);
    const before: TraceInput = {
      requirements: fr,
      testCases: [tc("TC-1"), tc("TC-3"), tc("TC-4"), tc("TC-5")],
      links: [
        link("TC-3", "verifies", "FR-3", { targetFingerprint: oldFp("FR-3") }),
        link("TC-4", "verifies", "FR-4", { targetFingerprint: oldFp("FR-4") }),
        link("TC-5", "verifies", "FR-5", { targetFingerprint: oldFp("FR-5") }),
      ],
    };
    const after: TraceInput = {
      ...before,
      requirements: fr.filter((r) => r.id !== "FR-2" && r.id !== "FR-5"),
      links: [
        link("TC-1", "verifies", "FR-1", { targetFingerprint: fp("FR-1") }),
        link("TC-3", "verifies", "FR-3", { targetFingerprint: fp("FR-3") }),
        link("TC-5", "verifies", "FR-5", { targetFingerprint: oldFp("FR-5") }),
      ],
    };
    const d = diffTraceBaselines(before, after, rules);
    expect([d.before.suspects.map((x) => x.link), d.after.suspects.map((x) => x.link)]).toEqual([["TC-3>verifies>FR-3", "TC-4>verifies>FR-4", "TC-5>verifies>FR-5"], []]);
    expect([d.itemsRemoved, d.linksRemoved]).toEqual([["requirement:FR-2", "requirement:FR-5"], ["TC-4>verifies>FR-4"]]);
    expect(d.resolved).toEqual({ uncovered: ["requirement:FR-1"], orphaned: [], suspect: ["TC-3>verifies>FR-3"], stale: [], failing: [], outdated: [], dangling: [], duplicated: [] });
    expect(d.removed).toEqual({ uncovered: ["requirement:FR-2"], orphaned: [], suspect: ["TC-4>verifies>FR-4", "TC-5>verifies>FR-5"], stale: [], failing: [], outdated: [], dangling: [], duplicated: [] });
    expect(d.became.uncovered).toEqual(["requirement:FR-4"]);
    // FR-5 was deleted while TC-5's link to it was kept: its suspicion left with FR-5, and the link now points at nothing.
    expect(d.became.dangling).toEqual(["TC-5>verifies>FR-5"]);
  });
});

describe("requirements traceability matrix", () => {
  it("has one row per requirement and one cell per column, with suspicion and test evidence", () => {
    const a = analyzeTraceGraph(buildTraceGraph(office()));
    const rtm = traceMatrix(a, { rowTypes: ["functional", "stakeholder"] });
    expect(rtm.rows.map((r) => [r.id, r.evidence])).toEqual([["FR-1", "OK"], ["FR-2", "NOT RUN"], ["SR-1", "NOT RUN"]]);
    const fr1 = rtm.rows[0]!;
    expect(fr1.cells.map((c) => c.status)).toEqual(["linked", "empty", "empty", "linked", "linked", "empty"]);
    expect(fr1.cells[4]!.entries).toEqual([{ item: "test-case:TC-1", link: "TC-1>verifies>FR-1", suspect: false, evidence: "OK" }]);
    expect(rtm.rows[2]!.cells[1]!.entries.map((e) => e.item)).toEqual(["requirement:FR-1", "requirement:FR-2"]);
    const custom = traceMatrix(a, { rowTypes: ["functional"], columns: [{ label: "Code", itemTypes: ["code"], linkTypes: ["implements"] }] });
    expect(custom.columns).toEqual(["Code"]);
    expect(custom.rows.map((r) => r.cells[0]!.status)).toEqual(["linked", "empty"]);
  });
});
