import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { analyzeTraceability, buildTraceGraph, defineTraceRules, type TraceRulesInput } from "../../src/traceability/index.js";
import { art, link, req, tc } from "./helpers.js";

// One test per coverage and validation definition in shared/reference/traceability.md §2 (OFT, Doorstop, StrictDoc,
// sphinx-needs, Jama), on hand-built graphs whose expected statuses are spelled out.

const FR_NEEDS: TraceRulesInput = {
  items: [
    {
      type: "functional",
      needs: [
        { name: "impl", anyOf: ["code"], via: ["implements"] },
        { name: "test", anyOf: ["test-case"], via: ["verifies"] },
      ],
    },
    { type: "stakeholder", needs: [{ name: "functional", anyOf: ["functional"], via: ["refines"] }] },
  ],
};

describe("coverage (OpenFastTrace)", () => {
  it("shallow: every needed type has at least one covering item, else the missing types are listed", () => {
    const r = analyzeTraceability(
      {
        requirements: [req("FR-1", "functional"), req("FR-2", "functional")],
        artifacts: [art("C-1", "code")],
        testCases: [tc("TC-1"), tc("TC-2")],
        links: [link("C-1", "implements", "FR-1"), link("TC-1", "verifies", "FR-1"), link("TC-2", "verifies", "FR-2")],
      },
      FR_NEEDS,
    );
    const fr1 = r.coverage.find((c) => c.item === "requirement:FR-1")!;
    const fr2 = r.coverage.find((c) => c.item === "requirement:FR-2")!;
    expect(fr1.shallow).toBe("covered");
    expect(fr1.needs.map((n) => [n.name, n.count, n.coveredBy])).toEqual([["impl", 1, ["artifact:C-1"]], ["test", 1, ["test-case:TC-1"]]]);
    expect(fr2.shallow).toBe("uncovered");
    expect(fr2.missing).toEqual(["impl"]); // OFT prints it as "-impl"
  });

  it("deep: covered only when every counted covering item is deep-covered too", () => {
    // SR-1 ← FR-1 (code + test): deep covered. SR-2 ← FR-2 (no test): SR-2 is shallow covered but not deep.
    const r = analyzeTraceability(
      {
        requirements: [req("SR-1", "stakeholder"), req("SR-2", "stakeholder"), req("FR-1", "functional"), req("FR-2", "functional")],
        artifacts: [art("C-1", "code"), art("C-2", "code")],
        testCases: [tc("TC-1")],
        links: [
          link("FR-1", "refines", "SR-1"), link("FR-2", "refines", "SR-2"), link("C-1", "implements", "FR-1"), link("C-2", "implements", "FR-2"),
          link("TC-1", "verifies", "FR-1"),
        ],
      },
      FR_NEEDS,
    );
    const get = (id: string) => r.coverage.find((c) => c.item === `requirement:${id}`)!;
    expect([get("SR-1").shallow, get("SR-1").deep]).toEqual(["covered", "covered"]);
    expect([get("SR-2").shallow, get("SR-2").deep]).toEqual(["covered", "uncovered"]);
    expect(get("FR-2").deep).toBe("uncovered");
  });

  it("deep: a loop of covering links is CYCLE, and so is what depends on it; the cycle finding names the path", () => {
    // FR-1 and FR-2 derive from each other (each covers the other); FR-1 also derives from FR-3, so FR-3's deep
    // status depends on FR-1's.
    const rules: TraceRulesInput = { items: [{ type: "functional", needs: [{ anyOf: ["functional"], via: ["derives"] }] }] };
    const r = analyzeTraceability(
      {
        requirements: [req("FR-1", "functional"), req("FR-2", "functional"), req("FR-3", "functional")],
        links: [link("FR-1", "derives", "FR-2"), link("FR-2", "derives", "FR-1"), link("FR-1", "derives", "FR-3")],
      },
      rules,
    );
    expect(r.coverage.map((c) => [c.item, c.shallow, c.deep])).toEqual([
      ["requirement:FR-1", "covered", "cycle"],
      ["requirement:FR-2", "covered", "cycle"],
      ["requirement:FR-3", "covered", "cycle"],
    ]);
    const cycle = r.findings.find((f) => f.check === "cycle")!;
    expect(cycle.severity).toBe("error");
    expect(cycle.path).toEqual(["requirement:FR-1", "requirement:FR-2", "requirement:FR-1"]);
    expect(cycle.links).toEqual(["FR-1>derives>FR-2", "FR-2>derives>FR-1"]);
  });

  it("unwanted: coverage from a type the rule does not ask for is reported (OFT's +type); depends-on never covers", () => {
    const r = analyzeTraceability(
      {
        requirements: [req("FR-1", "functional"), req("FR-9", "functional")],
        artifacts: [art("D-1", "design")],
        links: [link("D-1", "satisfies", "FR-1"), link("FR-9", "depends-on", "FR-1")],
      },
      FR_NEEDS,
    );
    const fr1 = r.coverage.find((c) => c.item === "requirement:FR-1")!;
    expect(fr1.unwanted).toEqual([{ link: "D-1>satisfies>FR-1", from: "artifact:D-1", fromType: "design" }]);
    expect(fr1.needs.every((n) => n.count === 0)).toBe(true);
  });

  it("quorum (sphinx-needs minContains): distinct covering items are counted; a repeated link counts once and is reported", () => {
    const rules: TraceRulesInput = { items: [{ type: "functional", needs: [{ name: "two tests", anyOf: ["test-case"], via: ["verifies"], min: 2 }] }] };
    const twice = link("TC-1", "verifies", "FR-1");
    const r = analyzeTraceability(
      { requirements: [req("FR-1", "functional")], testCases: [tc("TC-1")], links: [twice, { ...twice, id: "again" }] },
      rules,
    );
    expect(r.coverage[0]!.needs[0]).toMatchObject({ count: 1, min: 2, met: false });
    expect(r.findings).toEqual([
      expect.objectContaining({ check: "duplicate-link", severity: "warning", links: ["TC-1>verifies>FR-1", "again"].sort() }),
    ]);
  });

  it("any-of group: items of any listed type add up to the quorum", () => {
    const rules: TraceRulesInput = { items: [{ type: "functional", needs: [{ anyOf: ["code", "database-change"], via: ["implements"], min: 2 }] }] };
    const r = analyzeTraceability(
      {
        requirements: [req("FR-1", "functional")],
        artifacts: [art("C-1", "code"), art("DB-1", "database-change")],
        links: [link("C-1", "implements", "FR-1"), link("DB-1", "implements", "FR-1")],
      },
      rules,
    );
    expect(r.coverage[0]).toMatchObject({ shallow: "covered", missing: [] });
  });

  it("coverage percent per level (Jama's Trace Score): 2 of 3 functional requirements covered = 66.67 %, an empty level has no figure", () => {
    const rules: TraceRulesInput = {
      items: [{ type: "functional", needs: [{ anyOf: ["test-case"], via: ["verifies"] }] }, { type: "business", root: true }],
    };
    const r = analyzeTraceability(
      {
        requirements: [req("FR-1", "functional"), req("FR-2", "functional"), req("FR-3", "functional")],
        testCases: [tc("TC-1")],
        links: [link("TC-1", "verifies", "FR-1"), link("TC-1", "verifies", "FR-2")],
      },
      rules,
    );
    const fr = r.levels.find((l) => l.type === "functional")!;
    expect(fr.shallowPercent.value?.toFixed(2)).toBe("66.67");
    expect(fr.gaps).toEqual(["requirement:FR-3"]);
    expect(r.levels.find((l) => l.type === "business")!.shallowPercent).toEqual({ reason: "no-data", detail: "no items of this type" });
  });
});

describe("structural checks (Doorstop, OFT, StrictDoc, sphinx-needs)", () => {
  const rules: TraceRulesInput = {
    items: [
      { type: "business", root: true },
      { type: "functional", parents: { anyOf: ["business"], via: ["derives"] } },
    ],
  };

  it("unknown UID / orphaned link / dead link: a link to a missing item is an error by default", () => {
    const r = analyzeTraceability({ testCases: [tc("TC-9")], links: [link("TC-9", "verifies", "FR-404")] }, rules);
    expect(r.findings).toEqual([
      {
        check: "dangling-link", severity: "error", message: "TC-9>verifies>FR-404 (verifies) refers to a missing target requirement:FR-404",
        items: ["requirement:FR-404"], links: ["TC-9>verifies>FR-404"], missingEnd: "to",
      },
    ]);
  });

  it("a dead link's severity is configurable (sphinx-needs allow_dead_links gives INFO)", () => {
    const r = analyzeTraceability({ links: [link("TC-9", "verifies", "FR-404")] }, { ...rules, severities: { "dangling-link": "info" } });
    expect(r.findings.map((f) => [f.check, f.severity])).toEqual([["dangling-link", "info"]]);
  });

  it("duplicate UID (StrictDoc error, OFT duplicate): the first copy is used and the duplicate reported", () => {
    const r = analyzeTraceability({ requirements: [req("BR-1", "business"), req("BR-1", "business", { statement: "other" })] }, rules);
    expect(r.findings.map((f) => [f.check, f.severity, f.items, f.count])).toEqual([["duplicate-item", "error", ["requirement:BR-1"], 2]]);
  });

  it("self-link (Doorstop warning)", () => {
    const r = analyzeTraceability({ requirements: [req("BR-1", "business")], links: [link("BR-1", "depends-on", "BR-1")] }, rules);
    expect(r.findings.filter((f) => f.check === "self-link").map((f) => f.severity)).toEqual(["warning"]);
    expect(r.findings.some((f) => f.check === "cycle")).toBe(true); // a self-loop is the smallest cycle
  });

  it("missing parent (StrictDoc's non-root without parent, Doorstop's unlinked child item): orphans of the wrong parent type too", () => {
    const r = analyzeTraceability(
      {
        requirements: [req("BR-1", "business"), req("FR-1", "functional"), req("FR-2", "functional"), req("FR-3", "functional")],
        links: [link("FR-1", "derives", "BR-1"), link("FR-3", "derives", "FR-2")],
      },
      rules,
    );
    expect(r.findings.filter((f) => f.check === "orphan").map((f) => f.items[0])).toEqual(["requirement:FR-2", "requirement:FR-3"]);
  });

  it("links whose type is not allowed between the two item types", () => {
    const r = analyzeTraceability(
      {
        requirements: [req("FR-1", "functional")],
        artifacts: [art("C-1", "code")],
        testCases: [tc("TC-1")],
        links: [link("C-1", "verifies", "FR-1"), link("TC-1", "verifies", "FR-1")],
      },
      // Item rules given (without them the default ones apply, which these allowedLinks could never satisfy).
      { items: [{ type: "functional", needs: [{ anyOf: ["test-case"], via: ["verifies"] }] }], allowedLinks: [{ from: ["test-case"], linkType: "verifies", to: ["functional"] }] },
    );
    expect(r.findings.map((f) => [f.check, f.links])).toEqual([["disallowed-link", ["C-1>verifies>FR-1"]]]);
  });

  it("custom link types carry their inverse label; an undeclared one is reported as information", () => {
    const input = {
      requirements: [req("NFR-1", "non-functional")],
      artifacts: [art("OPS-1", "operations-change")],
      links: [link("OPS-1", "custom:mitigates", "NFR-1"), link("OPS-1", "custom:mentions", "NFR-1")],
    };
    // Item rules given: under the default ones NFR-1 would also be an orphan (no business or stakeholder parent).
    const rules2 = { linkTypes: [{ name: "custom:mitigates", inverse: "mitigated by" }], items: [{ type: "non-functional", needs: [{ anyOf: ["operations-change"], via: ["custom:mitigates"] }] }] };
    const g = buildTraceGraph(input, rules2);
    expect(g.incoming("requirement:NFR-1").map((n) => [n.linkType, n.label])).toEqual([
      ["custom:mentions", "custom:mentions (inverse)"],
      ["custom:mitigates", "mitigated by"],
    ]);
    const r = analyzeTraceability(input, rules2);
    expect(r.findings.map((f) => [f.check, f.severity, f.links])).toEqual([["unknown-link-type", "info", ["OPS-1>custom:mentions>NFR-1"]]]);
    expect(r.coverage.map((c) => [c.item, c.shallow, c.needs[0]!.coveredBy])).toEqual([["requirement:NFR-1", "covered", ["artifact:OPS-1"]]]); // a declared custom type covers
  });
});

describe("bad rules and input", () => {
  it("refuses unknown item types, unknown link types and needs no allowed link can satisfy, with paths", () => {
    try {
      defineTraceRules({
        items: [{ type: "epic", needs: [{ anyOf: ["unit-test"], via: ["custom:tests"] }] }, { type: "functional", needs: [{ anyOf: ["code"], via: ["implements"] }] }],
        allowedLinks: [{ from: ["test-case"], linkType: "verifies", to: ["functional"] }],
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([
        ["items", 0, "type"],
        ["items", 0, "needs", 0, "anyOf", 0],
        ["items", 0, "needs", 0, "via", 0],
        ["items", 0, "needs", 0],
        ["items", 1, "needs", 0],
      ]);
    }
  });

  it("refuses a rule given twice and a quorum below one", () => {
    expect(() => defineTraceRules({ items: [{ type: "functional" }, { type: "functional" }] })).toThrow(/given twice/);
    expect(() => defineTraceRules({ items: [{ type: "functional", needs: [{ anyOf: ["code"], min: 0 }] }] })).toThrow(ValidationError);
  });

  it("refuses records without ids and links without ends, with paths", () => {
    try {
      buildTraceGraph({ requirements: [{ id: 7 } as never], links: [{ id: "x", from: { kind: "story", id: "S-1" }, linkType: "verifies" } as never] });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([["requirements", 0, "id"], ["links", 0, "from", "kind"], ["links", 0, "to"]]);
    }
  });
});
