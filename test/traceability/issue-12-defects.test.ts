import { describe, expect, it } from "vitest";
import { analyzeTraceability, type TraceRulesInput } from "../../src/traceability/index.js";
import { art, link, req, tc } from "./helpers.js";

// Issue 12's wrong answers on the traceability side, each on the graph the issue describes.

// Functional requirements need a design (satisfies); a design needs a design (satisfies) and a test case (verifies).
const DESIGN_RULES: TraceRulesInput = {
  items: [
    { type: "functional", needs: [{ name: "design", anyOf: ["design"], via: ["satisfies"] }] },
    {
      type: "design",
      needs: [
        { name: "design", anyOf: ["design"], via: ["satisfies"] },
        { name: "test", anyOf: ["test-case"], via: ["verifies"] },
      ],
    },
  ],
};

const deepOf = (r: ReturnType<typeof analyzeTraceability>) => Object.fromEntries(r.coverage.map((c) => [c.item, [c.shallow, c.deep]]));

describe("issue 12 #1: deep coverage around a loop", () => {
  it("issue 12 #1: D1→R1, D1→D2, D2→D1 without tests make R1, D1 and D2 `cycle`, not `uncovered`", () => {
    // D1 and D2 satisfy each other: a loop of counted covering links. Neither has a test, so neither is shallow-covered,
    // but OFT ranks CYCLE worst: both are `cycle`, and R1, which depends on D1, is `cycle` too.
    const r = analyzeTraceability(
      {
        requirements: [req("FR-1", "functional")],
        artifacts: [art("D-1", "design"), art("D-2", "design")],
        links: [link("D-1", "satisfies", "FR-1"), link("D-1", "satisfies", "D-2"), link("D-2", "satisfies", "D-1")],
      },
      DESIGN_RULES,
    );
    expect(deepOf(r)).toEqual({
      "artifact:D-1": ["uncovered", "cycle"],
      "artifact:D-2": ["uncovered", "cycle"],
      "requirement:FR-1": ["covered", "cycle"],
    });
  });

  it("issue 12 #1: R1 needing 2 designs, one in a covered loop (D1↔D2) and one uncovered (D3), is `cycle`", () => {
    // D1↔D2 each have a test (shallow-covered, deep `cycle`); D3 has nothing (uncovered). R1 counts D1 and D3 (2 of 2,
    // shallow-covered); of its coverers' deep statuses `cycle` is worst, so R1 is `cycle`, whatever the link order.
    const rules: TraceRulesInput = {
      items: [{ type: "functional", needs: [{ name: "design", anyOf: ["design"], via: ["satisfies"], min: 2 }] }, DESIGN_RULES.items![1]!],
    };
    const links = [
      link("D-3", "satisfies", "FR-1"),
      link("D-1", "satisfies", "FR-1"),
      link("D-1", "satisfies", "D-2"),
      link("D-2", "satisfies", "D-1"),
      link("TC-1", "verifies", "D-1"),
      link("TC-2", "verifies", "D-2"),
    ];
    for (const order of [links, [...links].reverse()]) {
      const r = analyzeTraceability(
        {
          requirements: [req("FR-1", "functional")],
          artifacts: [art("D-1", "design"), art("D-2", "design"), art("D-3", "design")],
          testCases: [tc("TC-1"), tc("TC-2")],
          links: order,
        },
        rules,
      );
      expect(deepOf(r)).toEqual({
        "artifact:D-1": ["covered", "cycle"],
        "artifact:D-2": ["covered", "cycle"],
        "artifact:D-3": ["uncovered", "uncovered"],
        "requirement:FR-1": ["covered", "cycle"],
      });
    }
  });
});

describe("issue 12 #2: duplicated dangling links", () => {
  it("issue 12 #2: artifact:D1 -satisfies-> requirement:GHOST twice is a duplicate-link as well as two dangling links", () => {
    const ghost = link("D-1", "satisfies", "FR-GHOST");
    const r = analyzeTraceability({ artifacts: [art("D-1", "design")], links: [ghost, { ...ghost, id: "again" }] }, DESIGN_RULES);
    expect(r.findings.map((f) => [f.check, f.links, f.missingEnd, f.count])).toEqual([
      ["dangling-link", ["D-1>satisfies>FR-GHOST"], "to", undefined],
      ["dangling-link", ["again"], "to", undefined],
      ["duplicate-link", ["D-1>satisfies>FR-GHOST", "again"], undefined, 2],
    ]);
    expect(r.findings[2]!.message).toBe("artifact:D-1 satisfies requirement:FR-GHOST is linked 2 times");
  });

  it("issue 12 #2: a duplicate is found whether the target exists or not, and only one duplicate-link per repeated triple", () => {
    // The same triple three times with the target present, and twice with both ends missing.
    const ok = link("D-1", "satisfies", "FR-1");
    const lost = link("D-8", "satisfies", "FR-9");
    const r = analyzeTraceability(
      { requirements: [req("FR-1", "functional")], artifacts: [art("D-1", "design")], links: [ok, { ...ok, id: "ok-2" }, { ...ok, id: "ok-3" }, lost, { ...lost, id: "lost-2" }] },
      DESIGN_RULES,
    );
    const dup = r.findings.filter((f) => f.check === "duplicate-link");
    expect(dup.map((f) => [f.items, f.count])).toEqual([
      [["artifact:D-1", "requirement:FR-1"], 3],
      [["artifact:D-8", "requirement:FR-9"], 2],
    ]);
  });

  it("issue 12 #2: a dangling finding says which end is missing", () => {
    const r = analyzeTraceability(
      {
        requirements: [req("FR-1", "functional")],
        artifacts: [art("D-1", "design")],
        links: [link("D-1", "satisfies", "FR-404"), link("D-404", "satisfies", "FR-1"), link("D-8", "satisfies", "FR-9")],
      },
      DESIGN_RULES,
    );
    expect(r.findings.filter((f) => f.check === "dangling-link").map((f) => [f.links[0], f.missingEnd, f.items, f.message])).toEqual([
      ["D-404>satisfies>FR-1", "from", ["artifact:D-404"], "D-404>satisfies>FR-1 (satisfies) refers to a missing source artifact:D-404"],
      [
        "D-8>satisfies>FR-9", "both", ["artifact:D-8", "requirement:FR-9"],
        "D-8>satisfies>FR-9 (satisfies) refers to a missing source artifact:D-8 and target requirement:FR-9",
      ],
      ["D-1>satisfies>FR-404", "to", ["requirement:FR-404"], "D-1>satisfies>FR-404 (satisfies) refers to a missing target requirement:FR-404"],
    ]);
  });
});
