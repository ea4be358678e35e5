import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { requirementSchema, testCaseSchema, traceLinkSchema } from "../../src/entities/index.js";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph, defineTraceRules, reviewLink, type TraceRulesInput } from "../../src/traceability/index.js";
import { art, link, req, run, tc, T0 } from "./helpers.js";

// The conventions users of other tools expect (issue 12), each an option whose default changes nothing.

describe("user-defined item levels and test kinds", () => {
  // The typical RTM: a requirement needs a unit, an integration, a system and an acceptance test (not a closed set).
  const rules: TraceRulesInput = {
    itemTypes: ["unit", "integration", "system", "acceptance", "software"],
    typeFields: { requirement: "level", "test-case": "testKind" },
    items: [
      {
        type: "software",
        needs: [
          { name: "unit test", anyOf: ["unit"], via: ["verifies"] },
          { name: "acceptance test", anyOf: ["acceptance"], via: ["verifies"] },
        ],
      },
    ],
  };

  it("a requirement's level and a test case's kind become their types, so a rule can ask for each test kind", () => {
    const r = analyzeTraceability(
      {
        requirements: [req("FR-1", "functional", { level: "software" }), req("FR-2", "functional", { level: "software" }), req("FR-3", "functional")],
        testCases: [tc("TC-1", { testKind: "unit" }), tc("TC-2", { testKind: "acceptance" }), tc("TC-3", { testKind: "unit" })],
        links: [link("TC-1", "verifies", "FR-1"), link("TC-2", "verifies", "FR-1"), link("TC-3", "verifies", "FR-2")],
      },
      rules,
    );
    // FR-1 has both kinds; FR-2 only a unit test; FR-3 has no level, keeps its built-in type (functional, no rule).
    expect(r.coverage.map((c) => [c.item, c.type, c.shallow, c.missing])).toEqual([
      ["requirement:FR-1", "software", "covered", []],
      ["requirement:FR-2", "software", "uncovered", ["acceptance test"]],
    ]);
    expect(r.levels.map((l) => [l.type, l.items, l.shallowPercent.value?.toString()])).toEqual([["software", 2, "50"]]);
  });

  it("by default the fields are ignored (types unchanged), and a type neither built in nor declared is refused", () => {
    const r = analyzeTraceability({ requirements: [req("FR-1", "functional", { level: "software" })] }, { items: [{ type: "functional" }] });
    expect(r.coverage.map((c) => c.type)).toEqual(["functional"]);
    expect(() => defineTraceRules({ items: [{ type: "software" }] })).toThrow(ValidationError);
  });

  it("the entity schemas accept a requirement level, a test kind, revisions and a link's target revision", () => {
    const base = { id: "x-1", version: 1, createdAt: T0, updatedAt: T0 };
    expect(
      requirementSchema.decode({
        ...base, projectId: "prj-1", key: "SW-1", type: "functional", level: "software", revision: 3, title: "T", statement: "S",
        priority: "must", acceptanceCriteria: [], verificationMethod: "test", status: "draft",
      }).level,
    ).toBe("software");
    expect(testCaseSchema.decode({ ...base, projectId: "prj-1", key: "TC-1", title: "T", automation: "automated", status: "ready", testKind: "integration" }).testKind).toBe("integration");
    expect(traceLinkSchema.decode({ ...base, from: { kind: "test-case", id: "tc-1" }, to: { kind: "requirement", id: "r-1" }, linkType: "verifies", targetRevision: 2 }).targetRevision).toBe(2);
    expect(() => testCaseSchema.decode({ ...base, projectId: "prj-1", key: "TC-1", title: "T", automation: "manual", status: "ready", testKind: "Unit Test" })).toThrow();
  });
});

describe("orphans derived from the needs", () => {
  // Functional needs code; code covers something only through `implements` into a functional requirement.
  const rules: TraceRulesInput = { items: [{ type: "functional", needs: [{ anyOf: ["code"], via: ["implements"] }] }] };
  const input = {
    requirements: [req("FR-1", "functional")],
    artifacts: [art("C-1", "code"), art("C-2", "code"), art("C-3", "code"), art("D-1", "design")],
    // C-2 only depends on FR-1 (depends-on never covers); C-3 links nothing; D-1's type no need asks for.
    links: [link("C-1", "implements", "FR-1"), link("C-2", "depends-on", "FR-1")],
  };

  it("default (`parents`): without a parents rule nothing is an orphan", () => {
    expect(analyzeTraceability(input, rules).findings.filter((f) => f.check === "orphan")).toEqual([]);
  });

  it("`needs`: an item of a type some need asks for that covers nothing is an orphan", () => {
    const r = analyzeTraceability(input, { ...rules, orphans: "needs" });
    expect(r.findings.filter((f) => f.check === "orphan").map((f) => [f.items[0], f.severity, f.message])).toEqual([
      ["artifact:C-2", "warning", "artifact:C-2 (code) covers nothing that needs a code"],
      ["artifact:C-3", "warning", "artifact:C-3 (code) covers nothing that needs a code"],
    ]);
  });
});

describe("revision-based link status (OpenFastTrace)", () => {
  it("a link pinning an older revision is outdated, a newer one predated, the same one covers; unpinned links are not listed", () => {
    const r = analyzeTraceability({
      requirements: [req("FR-1", "functional", { revision: 2 })],
      testCases: [tc("TC-1"), tc("TC-2"), tc("TC-3"), tc("TC-4")],
      links: [
        link("TC-1", "verifies", "FR-1", { targetRevision: 1 }),
        link("TC-2", "verifies", "FR-1", { targetRevision: 2 }),
        link("TC-3", "verifies", "FR-1", { targetRevision: 3 }),
        link("TC-4", "verifies", "FR-1"),
      ],
    });
    expect(r.linkRevisions.map((x) => [x.link, x.status, x.linkRevision, x.itemRevision])).toEqual([
      ["TC-1>verifies>FR-1", "outdated", 1, 2],
      ["TC-2>verifies>FR-1", "covers", 2, 2],
      ["TC-3>verifies>FR-1", "predated", 3, 2],
    ]);
    // Beside fingerprints: none of these links recorded one, so none is suspect; all need their initial review.
    expect(r.suspects).toEqual([]);
  });

  it("an outdated or predated link covers nothing, as in OpenFastTrace; the same revision or no pin covers", () => {
    // Reference: OpenFastTrace's Linker (itsallcode/openfasttrace core/.../Linker.java) records a covered artifact type
    // only for a link naming the target's exact revision (COVERS); a link to another revision is OUTDATED or PREDATED
    // and adds no coverage. Hand derivation: FR-1 (functional, revision 2) needs code via implements and a test case via
    // verifies. C-1 implements it (unpinned: covers). TC-1 pins revision 1 (outdated), TC-3 revision 3 (predated), so
    // the test need counts 0 of 1: FR-1 is uncovered, missing "test", and the functional level is 0 of 1 covered.
    // Before the fix FR-1 read covered through TC-1 and TC-3.
    const stale = analyzeTraceability({
      requirements: [req("FR-1", "functional", { revision: 2 })],
      artifacts: [art("C-1", "code")],
      testCases: [tc("TC-1"), tc("TC-3")],
      links: [link("C-1", "implements", "FR-1"), link("TC-1", "verifies", "FR-1", { targetRevision: 1 }), link("TC-3", "verifies", "FR-1", { targetRevision: 3 })],
    });
    const fr1 = stale.coverage.find((c) => c.item === "requirement:FR-1")!;
    expect([fr1.shallow, fr1.missing, fr1.needs.map((n) => [n.name, n.count, n.coveredBy])]).toEqual([
      "uncovered", ["test"], [["implementation", 1, ["artifact:C-1"]], ["test", 0, []]],
    ]);
    // They are outdated/predated links (listed in linkRevisions), not links of a type the rule does not ask for.
    expect(fr1.unwanted).toEqual([]);
    const fn = stale.levels.find((l) => l.type === "functional")!;
    expect([fn.shallowCovered, fn.items, fn.gaps]).toEqual([0, 1, ["requirement:FR-1"]]);

    // TC-2 pins the current revision 2 (covers) and TC-4 pins nothing: each alone covers the test need.
    for (const pin of [{ targetRevision: 2 }, {}]) {
      const ok = analyzeTraceability({
        requirements: [req("FR-1", "functional", { revision: 2 })],
        artifacts: [art("C-1", "code")],
        testCases: [tc("TC-2")],
        links: [link("C-1", "implements", "FR-1"), link("TC-2", "verifies", "FR-1", pin)],
      });
      expect(ok.coverage.find((c) => c.item === "requirement:FR-1")?.shallow).toBe("covered");
    }
  });

  it("a test linked to another revision gives the requirement no evidence", () => {
    // OFT's user guide: "Incrementing the revision voids all existing links to this item". FR-1 is at revision 2 (content
    // of 2026-03-01); TC-1 passed on 2026-03-05, after that change, so through a live link FR-1 reads OK. TC-1's link
    // pins revision 1: void, so FR-1 has no test — UNCOVERED, no test rows. Before the fix: OK, from TC-1.
    const input = (targetRevision: number) => ({
      requirements: [req("FR-1", "functional", { revision: 2 })],
      testCases: [tc("TC-1")],
      links: [link("TC-1", "verifies", "FR-1", { targetRevision })],
      testRuns: [run("R1", "TC-1", "passed", "2026-03-05T10:00:00.000Z")],
    });
    const outdated = analyzeTraceability(input(1)).evidence.find((x) => x.id === "FR-1")!;
    expect([outdated.own, outdated.rolledUp, outdated.tests]).toEqual(["UNCOVERED", "UNCOVERED", []]);
    const current = analyzeTraceability(input(2)).evidence.find((x) => x.id === "FR-1")!;
    expect([current.own, current.tests.map((t) => [t.testCase, t.status])]).toEqual(["OK", [["test-case:TC-1", "OK"]]]);
  });

  it("raising a requirement's revision uncovers it in an incremental analysis, as in a fresh one", () => {
    // FR-1 at revision 2 is covered by C-1 and TC-1 (pinned 2). Its authors raise it to revision 3: TC-1's link is now
    // outdated, so FR-1 is uncovered (missing "test") until the link is reviewed, which pins 3 and covers it again.
    const input = {
      requirements: [req("FR-1", "functional", { revision: 2 })],
      artifacts: [art("C-1", "code")],
      testCases: [tc("TC-1")],
      links: [link("C-1", "implements", "FR-1"), link("TC-1", "verifies", "FR-1", { targetRevision: 2 })],
      testRuns: [run("R1", "TC-1", "passed", "2026-03-05T10:00:00.000Z")],
    };
    const a = analyzeTraceGraph(buildTraceGraph(input));
    const ownOf = () => a.result().evidence.find((x) => x.id === "FR-1")?.own;
    expect(ownOf()).toBe("OK");
    expect(a.result().coverage.find((c) => c.item === "requirement:FR-1")?.shallow).toBe("covered");
    const raised = req("FR-1", "functional", { revision: 3, statement: "Statement of FR-1, revised" });
    const delta = a.apply({ type: "item-changed", kind: "requirement", item: raised, at: "2026-03-05T09:00:00.000Z" });
    expect(delta.coverage).toEqual([{ item: "requirement:FR-1", shallow: "uncovered", deep: "uncovered" }]);
    const fresh = analyzeTraceability({ ...input, requirements: [raised] });
    expect(a.result().coverage).toEqual(fresh.coverage);
    expect(a.result().evidence).toEqual(fresh.evidence);
    expect(a.result().coverage.find((c) => c.item === "requirement:FR-1")?.missing).toEqual(["test"]);
    // The pass of 10:00 came after the 09:00 change, but through a void link: no evidence.
    expect(ownOf()).toBe("UNCOVERED");
    const reviewed = reviewLink(a, input.links[1]!, { at: "2026-03-06T09:00:00.000Z" });
    a.apply({ type: "link-updated", link: reviewed });
    expect(a.result().coverage.find((c) => c.item === "requirement:FR-1")?.shallow).toBe("covered");
    expect(ownOf()).toBe("OK");
  });

  it("reviewing a link pins the target's current revision too", () => {
    const input = { requirements: [req("FR-1", "functional", { revision: 4 })], testCases: [tc("TC-1")], links: [link("TC-1", "verifies", "FR-1", { targetRevision: 3 })] };
    const a = analyzeTraceGraph(buildTraceGraph(input));
    const reviewed = reviewLink(a, input.links[0]!, { at: "2026-12-01T10:00:00.000Z" });
    expect(reviewed.targetRevision).toBe(4);
    a.apply({ type: "link-updated", link: reviewed });
    expect(a.result().linkRevisions.map((x) => x.status)).toEqual(["covers"]);
  });
});
