import { describe, expect, it } from "vitest";
import { analyzeTraceability } from "../../src/traceability/index.js";
import { link, req, run, tc } from "./helpers.js";

// Two records with one id (two requirements FR-1, two runs r1) cannot both be in the graph: the first copy is used,
// the others are left out. That choice stays (a messy repository can still be analysed; StrictDoc's and OFT's
// duplicate is an error, and so is this finding by default, so `pmokit trace` exits 1), but the finding said only
// `requirement:BR-1 is given 2 times; the first is used` — not which records, so nobody could tell which copy won
// nor find the other in a 10,000-row export. It now names the position of every copy in its input list, as a
// ValidationError path would (`["requirements", 0]`), in `paths` and in the message.

describe("a duplicate item names the position of every copy", () => {
  it("two requirements BR-1 at requirements[0] and [2]: both positions, the first used", () => {
    const r = analyzeTraceability({ requirements: [req("BR-1", "business"), req("BR-2", "business"), req("BR-1", "business", { statement: "other" })] });
    expect(r.findings).toEqual([
      {
        check: "duplicate-item", severity: "error",
        message: "requirement:BR-1 is given 2 times (requirements[0], requirements[2]); the first, requirements[0], is used",
        items: ["requirement:BR-1"], links: [], count: 2, paths: [["requirements", 0], ["requirements", 2]],
      },
    ]);
  });

  it("a run given three times: every position, in input order, and the first copy decides the evidence", () => {
    // r1 passed at [0], failed at [1] and [3]; the first copy (passed) is the run used: OK, with the finding saying so.
    const input = {
      requirements: [req("BR-1", "business")],
      testCases: [tc("TC-1")],
      testRuns: [
        run("r1", "TC-1", "passed", "2026-03-02T09:00:00.000Z"), run("r1", "TC-1", "failed", "2026-03-02T09:00:00.000Z"),
        run("r2", "TC-1", "passed", "2026-03-01T09:00:00.000Z"), run("r1", "TC-1", "failed", "2026-03-02T09:00:00.000Z"),
      ],
      links: [link("TC-1", "verifies", "BR-1")],
    };
    const r = analyzeTraceability(input);
    const dup = r.findings.filter((f) => f.check === "duplicate-item");
    expect(dup.map((f) => [f.items, f.count, f.paths, f.message])).toEqual([
      [["test-run:r1"], 3, [["testRuns", 0], ["testRuns", 1], ["testRuns", 3]], "test-run:r1 is given 3 times (testRuns[0], testRuns[1], testRuns[3]); the first, testRuns[0], is used"],
    ]);
    expect(r.evidence.find((e) => e.id === "BR-1")?.own).toBe("OK");
  });

  it("one id in two kinds is no duplicate (ids are unique per kind)", () => {
    const r = analyzeTraceability({ requirements: [req("X-1", "business")], testCases: [tc("X-1")] });
    expect(r.findings.filter((f) => f.check === "duplicate-item")).toEqual([]);
  });
});

describe("a duplicate item edited afterwards", () => {
  it("the finding no longer says the first copy is used once an edit replaced the item", async () => {
    // BR-1 given twice; an `item-changed` edit then replaces the item with a third version. The finding kept saying
    // "the first, requirements[0], is used" although the edited version was the one analysed.
    const { buildTraceGraph, analyzeTraceGraph } = await import("../../src/traceability/index.js");
    const analysis = analyzeTraceGraph(buildTraceGraph({ requirements: [req("BR-1", "business"), req("BR-1", "business", { statement: "other" })] }));
    expect(analysis.result().findings[0]?.message).toBe("requirement:BR-1 is given 2 times (requirements[0], requirements[1]); the first, requirements[0], is used");
    analysis.apply({ type: "item-changed", kind: "requirement", item: req("BR-1", "business", { statement: "edited" }), at: "2026-03-05T09:00:00.000Z" });
    const [f] = analysis.result().findings;
    expect([f?.message, f?.count, f?.paths]).toEqual([
      "requirement:BR-1 is given 2 times (requirements[0], requirements[1]); an edit has replaced it since",
      2, [["requirements", 0], ["requirements", 1]],
    ]);
  });
});
