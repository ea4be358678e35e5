import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// Audit: a level's percentages when it has no items to measure. "no items of this type" is right for an empty
// level, but a level whose items are all retired (the rules' inactive statuses) has items: the reason must say they
// are retired, and the level counts them, so a 0-item level is not read as "nothing was ever written here".

const RULES = { items: [{ type: "functional", needs: [{ name: "test", anyOf: ["test-case"], via: ["verifies"] }] }, { type: "non-functional", needs: [{ name: "test", anyOf: ["test-case"], via: ["verifies"] }] }] };

describe("levels whose every item is retired", () => {
  const input = {
    requirements: [req("FR-1", "functional", { status: "rejected" }), req("FR-2", "functional", { status: "obsolete" }), req("FR-3", "functional")],
    testCases: [tc("TC-1")],
    links: [link("TC-1", "verifies", "FR-3")],
  };

  it("name the retired items in the level and in the missing figure's reason", () => {
    const r = analyzeTraceability({ ...input, requirements: input.requirements.slice(0, 2) }, RULES);
    const functional = r.levels.find((l) => l.type === "functional")!;
    // 2 functional requirements, both retired: 0 active items, 2 inactive.
    expect([functional.items, functional.inactive]).toEqual([0, 2]);
    expect(functional.shallowPercent).toEqual({ reason: "no-data", detail: "no active items of this type (2 inactive)" });
    expect(functional.deepPercent).toEqual({ reason: "no-data", detail: "no active items of this type (2 inactive)" });
    // A level with nothing in it at all keeps its reason.
    const nfr = r.levels.find((l) => l.type === "non-functional")!;
    expect([nfr.items, nfr.inactive, nfr.shallowPercent]).toEqual([0, 0, { reason: "no-data", detail: "no items of this type" }]);
  });

  it("count the retired items beside the active ones, the same in coverage and in the levels-only listing", () => {
    const a = analyzeTraceGraph(buildTraceGraph(input, RULES));
    const r = a.result();
    const functional = r.levels.find((l) => l.type === "functional")!;
    // FR-3 active and tested: 1/1 = 100 %, with FR-1 and FR-2 retired beside it.
    expect([functional.items, functional.shallowCovered, functional.inactive, functional.shallowPercent.value?.toString()]).toEqual([1, 1, 2, "100"]);
    // The coverage listing builds the levels too: both give the same counts.
    void a.result().coverage;
    expect(a.result().levels).toEqual(r.levels);
  });
});
