import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import {
  analyzeTraceability,
  analyzeTraceGraph,
  buildTraceGraph,
  defineTraceRules,
  diffTraceBaselines,
  DEFAULT_TRACE_RULES,
  type TraceInput,
} from "../../src/traceability/index.js";
import { art, link, req, tc } from "./helpers.js";

/*
 * Issue 17: called without rules, the analysis used an empty rule set and returned 0 levels without a word. A rule set
 * that does not say `items` now gets DEFAULT_TRACE_RULES' item rules (and the result says so); an explicitly empty
 * `items` list is refused, since it would measure nothing.
 *
 * The office below, under the default chain business → derived requirement → implementation + test:
 *   BR-1 (business)        ← FR-1, FR-2, NFR-1 derive from it: 3 distinct derived requirements ≥ 1 → shallow covered;
 *                            deep needs every counted coverer deep-covered, FR-2 and NFR-1 are not → deep uncovered.
 *   FR-1 (functional)      ← C-1 implements, TC-1 verifies: both needs met → shallow covered; C-1 (code, no rule)
 *                            and TC-1 (test-case rule without needs) are covered → deep covered.
 *   FR-2 (functional)      ← TC-2 verifies only: "implementation" missing → uncovered (shallow and deep).
 *   NFR-1 (non-functional) ← nothing realises it: "realisation" missing → uncovered.
 *   TC-1, TC-2, TC-3       the test-case rule has no needs, only parents → all three covered; TC-3 verifies
 *                            nothing, so it is an orphan (warning).
 * Levels, by type: business 1 item, 1 shallow (100 %), 0 deep (0 %); functional 2, 1 (50 %), 1 (50 %), gap FR-2;
 * non-functional 1, 0 (0 %), 0 (0 %), gap NFR-1; stakeholder and transition 0 items (no-data); test-case 3, 3
 * (100 %), 3 (100 %).
 */
const OFFICE: TraceInput = {
  requirements: [req("BR-1", "business"), req("FR-1", "functional"), req("FR-2", "functional"), req("NFR-1", "non-functional")],
  artifacts: [art("C-1", "code")],
  testCases: [tc("TC-1"), tc("TC-2"), tc("TC-3")],
  links: [
    link("FR-1", "derives", "BR-1"),
    link("FR-2", "derives", "BR-1"),
    link("NFR-1", "derives", "BR-1"),
    link("C-1", "implements", "FR-1"),
    link("TC-1", "verifies", "FR-1"),
    link("TC-2", "verifies", "FR-2"),
  ],
};

const EXPECTED_LEVELS = [
  ["business", 1, 1, 0, "100", "0", []],
  ["functional", 2, 1, 1, "50", "50", ["requirement:FR-2"]],
  ["non-functional", 1, 0, 0, "0", "0", ["requirement:NFR-1"]],
  ["stakeholder", 0, 0, 0, "no-data", "no-data", []],
  ["test-case", 3, 3, 3, "100", "100", []],
  ["transition", 0, 0, 0, "no-data", "no-data", []],
];

type Levels = ReturnType<typeof analyzeTraceability>["levels"];
const shown = (levels: Levels) =>
  levels.map((l) => [
    l.type,
    l.items,
    l.shallowCovered,
    l.deepCovered,
    l.shallowPercent.value?.toFixed() ?? l.shallowPercent.reason,
    l.deepPercent.value?.toFixed() ?? l.deepPercent.reason,
    l.gaps,
  ]);

describe("issue 17: traceability without rules uses the documented defaults", () => {
  it("analyzeTraceability(input) measures coverage with DEFAULT_TRACE_RULES, not 0 levels", () => {
    const r = analyzeTraceability(OFFICE);
    expect(shown(r.levels)).toEqual(EXPECTED_LEVELS);
    const get = (key: string) => r.coverage.find((c) => c.item === key)!;
    expect([get("requirement:BR-1").shallow, get("requirement:BR-1").deep]).toEqual(["covered", "uncovered"]);
    expect(get("requirement:BR-1").needs.map((n) => [n.name, n.count, n.min])).toEqual([["derived requirement", 3, 1]]);
    expect(get("requirement:FR-2").missing).toEqual(["implementation"]);
    expect(get("requirement:NFR-1").missing).toEqual(["realisation"]);
    expect(r.findings.filter((f) => f.check === "orphan").map((f) => [f.items, f.severity])).toEqual([[["test-case:TC-3"], "warning"]]);
  });

  it("gives the same figures as passing DEFAULT_TRACE_RULES, and says which rules it used", () => {
    const implicit = analyzeTraceability(OFFICE);
    const explicit = analyzeTraceability(OFFICE, DEFAULT_TRACE_RULES);
    expect(shown(explicit.levels)).toEqual(EXPECTED_LEVELS);
    expect(implicit.rules.itemsSource).toBe("default");
    expect(explicit.rules.itemsSource).toBe("given");
    expect(implicit.rules.items.map((i) => i.type)).toEqual(["business", "stakeholder", "functional", "non-functional", "transition", "test-case"]);
    expect(implicit.rules.items).toEqual(explicit.rules.items);
  });

  it("an empty options object, or rules that only set other fields, keep the default item rules", () => {
    expect(shown(analyzeTraceability(OFFICE, {}).levels)).toEqual(EXPECTED_LEVELS);
    const r = analyzeTraceability(OFFICE, { severities: { orphan: "error" } });
    expect(r.rules.itemsSource).toBe("default");
    expect(shown(r.levels)).toEqual(EXPECTED_LEVELS);
    expect(r.findings.filter((f) => f.check === "orphan").map((f) => f.severity)).toEqual(["error"]);
  });

  it("rules that give their own items use those only, and say so", () => {
    // One rule: functional needs a test. FR-1 and FR-2 each have one → 2 of 2; no other level.
    const r = analyzeTraceability(OFFICE, { items: [{ type: "functional", needs: [{ name: "test", anyOf: ["test-case"], via: ["verifies"] }] }] });
    expect(r.rules.itemsSource).toBe("given");
    expect(shown(r.levels)).toEqual([["functional", 2, 2, 2, "100", "100", []]]);
  });

  it("buildTraceGraph, analyzeTraceGraph and diffTraceBaselines default the same way", () => {
    const g = buildTraceGraph(OFFICE);
    expect(g.rules.itemsSource).toBe("default");
    expect(shown(analyzeTraceGraph(g).result().levels)).toEqual(EXPECTED_LEVELS);
    expect(defineTraceRules().itemsSource).toBe("default");
    // Removing FR-1's test makes FR-1 uncovered: only visible when rules are applied.
    const after = { ...OFFICE, links: OFFICE.links!.filter((l) => l.id !== "TC-1>verifies>FR-1") };
    expect(diffTraceBaselines(OFFICE, after).became.uncovered).toEqual(["requirement:FR-1"]);
  });

  it("refuses an explicitly empty item rule list, with its path", () => {
    for (const call of [() => analyzeTraceability(OFFICE, { items: [] }), () => defineTraceRules({ items: [] }), () => buildTraceGraph(OFFICE, { items: [] })]) {
      let error: unknown;
      try {
        call();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path)).toEqual([["items"]]);
      expect((error as ValidationError).issues[0]!.message).toMatch(/DEFAULT_TRACE_RULES/);
    }
  });

  it("names the default item rules when the rule set's allowedLinks rule them out", () => {
    // Only test-case → functional links allowed: the default business need (a derived requirement) can never be met.
    try {
      defineTraceRules({ allowedLinks: [{ from: ["test-case"], linkType: "verifies", to: ["functional"] }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const issues = (e as ValidationError).issues;
      // Default rules 0 (business), 1 (stakeholder), 2 (functional: its implementation need), 3 and 4 (realisation).
      expect(issues.map((i) => i.path)).toEqual([["items", 0, "needs", 0], ["items", 1, "needs", 0], ["items", 2, "needs", 0], ["items", 3, "needs", 0], ["items", 4, "needs", 0]]);
      expect(issues.every((i) => i.message.includes("DEFAULT_TRACE_RULES"))).toBe(true);
    }
  });
});
