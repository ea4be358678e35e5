import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { analyzeTraceGraph, buildTraceGraph, traceMatrix, type TraceRulesInput } from "../../src/traceability/index.js";
import { art, link, req, run, tc } from "./helpers.js";

// Audit (fifth pass, trace16): RTM cells that dropped or misreported links.
const T2 = "2026-03-06T09:00:00.000Z";

describe("traceMatrix: links pinning another revision", () => {
  it("an entry whose only link is outdated says so and carries no evidence; a covering one keeps its evidence", () => {
    // FR-1 is at revision 2. TC-1's link pins revision 1 (OFT: outdated → covers nothing, its test is no evidence);
    // TC-2's pins 2 (covers), passed at T2. Coverage: FR-1's test need is met by TC-2 only.
    // Before: the TC-1 entry read like a plain link — no marker — beside TC-2, nothing told them apart.
    const a = analyzeTraceGraph(buildTraceGraph({
      requirements: [req("FR-1", "functional", { revision: 2 })],
      testCases: [tc("TC-1"), tc("TC-2")],
      testRuns: [run("r1", "TC-1", "passed", T2), run("r2", "TC-2", "passed", T2)],
      links: [link("TC-1", "verifies", "FR-1", { targetRevision: 1 }), link("TC-2", "verifies", "FR-1", { targetRevision: 2 })],
    }));
    const tests = traceMatrix(a).rows[0]!.cells[4]!;
    expect(tests.entries).toEqual([
      { item: "test-case:TC-1", link: "TC-1>verifies>FR-1", suspect: false, revision: "outdated" },
      { item: "test-case:TC-2", link: "TC-2>verifies>FR-1", suspect: false, evidence: "OK" },
    ]);
  });

  it("a predated link is marked predated; an item linked twice is marked only when every link pins another revision", () => {
    const a = analyzeTraceGraph(buildTraceGraph({
      requirements: [req("FR-1", "functional", { revision: 2 })],
      testCases: [tc("TC-1"), tc("TC-2")],
      links: [
        link("TC-1", "verifies", "FR-1", { targetRevision: 3 }),
        link("TC-2", "verifies", "FR-1", { targetRevision: 1 }), { ...link("TC-2", "verifies", "FR-1", { targetRevision: 2 }), id: "TC-2>verifies>FR-1#2" },
      ],
    }));
    const [e1, e2] = traceMatrix(a).rows[0]!.cells[4]!.entries;
    expect(e1!.revision).toBe("predated");
    // TC-2's second link covers revision 2, so TC-2 is one of FR-1's tests (NOT RUN: it has no run).
    expect(e2).toEqual({ item: "test-case:TC-2", link: "TC-2>verifies>FR-1", suspect: false, duplicateLinks: ["TC-2>verifies>FR-1#2"], evidence: "NOT RUN" });
  });
});

describe("traceMatrix: the office's own item types", () => {
  // Levels read through typeFields (requirement `level`, test-case `kind`, artifact `artifactType` as usual).
  const rules: TraceRulesInput = {
    itemTypes: ["system", "software", "unit", "runbook"],
    typeFields: { requirement: "level", "test-case": "kind" },
    items: [{ type: "software", needs: [{ anyOf: ["unit"], via: ["verifies"] }] }],
  };
  const graph = () =>
    buildTraceGraph({
      requirements: [req("SR-1", "functional", { level: "system" }), req("FR-2", "functional", { level: "software" })],
      artifacts: [art("rb-1", "runbook")],
      testCases: [tc("TC-2", { kind: "unit" })],
      testRuns: [run("r1", "TC-2", "passed", T2)],
      links: [link("TC-2", "verifies", "FR-2"), link("FR-2", "refines", "SR-1"), link("rb-1", "satisfies", "FR-2")],
    }, rules);

  it("the default columns show parents, children and tests of any type", () => {
    // Before: FR-2's Parent and Tests cells and SR-1's Children cell were empty (the default columns listed the
    // built-in types only), while coverage counted TC-2 and the evidence read OK.
    const rows = traceMatrix(analyzeTraceGraph(graph())).rows;
    const fr2 = rows.find((r) => r.id === "FR-2")!;
    const sr1 = rows.find((r) => r.id === "SR-1")!;
    expect(fr2.coverage).toBe("covered");
    expect(fr2.cells[0]!.entries.map((e) => e.item)).toEqual(["requirement:SR-1"]);
    expect(fr2.cells[4]!.entries).toEqual([{ item: "test-case:TC-2", link: "TC-2>verifies>FR-2", suspect: false, evidence: "OK" }]);
    expect(sr1.cells[1]!.entries.map((e) => e.item)).toEqual(["requirement:FR-2"]);
  });

  it("a traced link no column shows is listed in unshown, not dropped", () => {
    // rb-1 (artifact type runbook) satisfies FR-2: neither Design nor Implementation lists runbook.
    const rows = traceMatrix(analyzeTraceGraph(graph())).rows;
    expect(rows.find((r) => r.id === "FR-2")!.unshown).toEqual(["rb-1>satisfies>FR-2"]);
    expect(rows.find((r) => r.id === "SR-1")!.unshown).toBeUndefined();
    // A column choosing only tests leaves the parent and the runbook unshown.
    const onlyTests = traceMatrix(analyzeTraceGraph(graph()), { columns: [{ label: "Tests", itemTypes: ["unit"], linkTypes: ["verifies"] }] });
    expect(onlyTests.rows.find((r) => r.id === "FR-2")!.unshown).toEqual(["FR-2>refines>SR-1", "rb-1>satisfies>FR-2"]);
  });

  it("an unknown item kind in a column is refused with its path", () => {
    const bad = () => traceMatrix(analyzeTraceGraph(graph()), { columns: [{ label: "X", itemTypes: [], itemKinds: ["testcase" as never] }] });
    expect(bad).toThrow(ValidationError);
    try {
      bad();
    } catch (e) {
      expect((e as ValidationError).issues[0]!.path).toEqual(["columns", 0, "itemKinds", 0]);
    }
  });
});

describe("requirements section: links no RTM column shows", () => {
  it("are named under the matrix", async () => {
    // The same graph as above: rb-1 (runbook) satisfies FR-2, and no default column lists runbooks.
    const { requirementsSection } = await import("../../src/reports/index.js");
    const a = analyzeTraceGraph(buildTraceGraph({
      requirements: [req("FR-2", "functional")],
      artifacts: [art("rb-1", "runbook")],
      links: [link("rb-1", "satisfies", "FR-2")],
    }, { itemTypes: ["runbook"] }));
    const s = requirementsSection({ result: a.result(), matrix: traceMatrix(a) });
    const texts = (s.sections ?? []).flatMap((x) => x.blocks).flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(texts).toContain("Links no column shows: FR-2 (rb-1>satisfies>FR-2).");
  });
});
