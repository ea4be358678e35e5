import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import {
  analyzeTraceGraph,
  analyzeTraceability,
  buildTraceGraph,
  requirementFingerprint,
  type TraceInput,
  type TraceRulesInput,
} from "../../src/traceability/index.js";
import { art, link, req, run, T0, tc } from "./helpers.js";

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

describe("issue 12 #3: as of a date, nothing after it counts", () => {
  const T_BEFORE = "2026-03-09T10:00:00.000Z";
  const T_AFTER = "2026-03-11T09:00:00.000Z";
  const AS_OF = "2026-03-10";

  it("issue 12 #3: a run executed after asOf is not the latest run (a later pass does not hide the earlier failure)", () => {
    // TC-1 failed on 03-09 and passed on 03-11. As of 03-10 only the failure had happened: NOK, not OK.
    const input = {
      requirements: [req("FR-1", "functional")],
      testCases: [tc("TC-1")],
      testRuns: [run("r1", "TC-1", "failed", T_BEFORE), run("r2", "TC-1", "passed", T_AFTER)],
      links: [link("TC-1", "verifies", "FR-1")],
    };
    expect(analyzeTraceability(input).evidence[0]!.own).toBe("OK");
    const asOf = analyzeTraceability(input, {}, { asOf: AS_OF }).evidence[0]!;
    expect([asOf.own, asOf.tests[0]!.run]).toEqual(["NOK", "test-run:r1"]);
    // An instant works too; a run exactly at asOf has happened.
    expect(analyzeTraceability(input, {}, { asOf: T_AFTER }).evidence[0]!.own).toBe("OK");
  });

  it("issue 12 #3: a content change after asOf does not make an earlier pass STALE yet", () => {
    // FR-1 changed on 03-11 (changedAt); the pass of 03-09 is stale today, but fresh as of 03-10.
    const input = {
      requirements: [req("FR-1", "functional")],
      testCases: [tc("TC-1")],
      testRuns: [run("r1", "TC-1", "passed", T_BEFORE)],
      links: [link("TC-1", "verifies", "FR-1")],
      changedAt: { "requirement:FR-1": T_AFTER },
    };
    expect(analyzeTraceability(input).evidence[0]!.own).toBe("STALE");
    expect(analyzeTraceability(input, {}, { asOf: AS_OF }).evidence[0]!.own).toBe("OK");
  });

  it("issue 12 #3: an acknowledgement given after asOf does not count", () => {
    const fr = req("FR-1", "functional", { audiences: ["operations"] });
    const ack = { id: "ack-1", requirementId: "FR-1", audienceRole: "operations", personId: "p-ops", fingerprint: requirementFingerprint(fr), acknowledgedAt: T_AFTER };
    const input = { requirements: [fr], acknowledgements: [ack] };
    expect(analyzeTraceability(input).acknowledgements[0]!.pending).toEqual([]);
    const asOf = analyzeTraceability(input, {}, { asOf: AS_OF });
    expect(asOf.acknowledgements[0]!.audiences[0]).toEqual({ audience: "operations", status: "missing", current: [], outdated: [] });
    // The incremental analysis applies the same rule to an acknowledgement recorded as an edit.
    const a = analyzeTraceGraph(buildTraceGraph({ requirements: [fr] }), { asOf: AS_OF });
    expect(a.apply({ type: "acknowledged", acknowledgement: ack }).acknowledgements[0]!.pending).toEqual(["operations"]);
    expect(a.apply({ type: "acknowledged", acknowledgement: { ...ack, id: "ack-0", acknowledgedAt: T_BEFORE } }).acknowledgements[0]!.pending).toEqual([]);
  });

  /** SR-1 ← FR-1 (refines) ← TC-1 (verifies); SR-1 as given (changed on 03-09), FR-1 → SR-1 reviewed when given, TC-1 → FR-1 on 03-11. */
  function reviewedChain(srStatement: string | undefined, frReviewedAt: string): TraceInput {
    const sr = req("SR-1", "stakeholder");
    const fr = req("FR-1", "functional");
    return {
      requirements: [srStatement === undefined ? sr : { ...sr, statement: srStatement }, fr],
      testCases: [tc("TC-1")],
      links: [
        link("FR-1", "refines", "SR-1", { targetFingerprint: requirementFingerprint(sr), reviewedAt: frReviewedAt }),
        link("TC-1", "verifies", "FR-1", { targetFingerprint: requirementFingerprint(fr), reviewedAt: T_AFTER }),
      ],
      changedAt: { "requirement:SR-1": T_BEFORE },
    };
  }

  it("issue 12 #3: a link reviewed after asOf was not reviewed as of asOf", () => {
    // Both links were reviewed on 03-11 against the current content: today neither needs anything; as of 03-10 neither
    // review had happened, so both still need their review.
    const input = reviewedChain(undefined, T_AFTER);
    const now = analyzeTraceability(input);
    expect([now.suspects, now.unreviewedLinks]).toEqual([[], []]);
    expect(analyzeTraceability(input, {}, { asOf: AS_OF }).unreviewedLinks).toEqual(["FR-1>refines>SR-1", "TC-1>verifies>FR-1"]);
  });

  it("issue 12 #3: a review after asOf does not stop transitive suspicion that a review before it would", () => {
    // FR-1 → SR-1 is directly suspect (SR-1's statement changed on 03-09, after the link's review at T0). TC-1 → FR-1 was
    // reviewed on 03-11: today that review stops the spread; as of 03-10 it had not happened (created at T0), so the
    // link is transitively suspect — and, its recorded fingerprint being from after asOf, also needs its review.
    const input = reviewedChain("Changed", T0);
    expect(analyzeTraceability(input).suspects.map((s) => [s.link, s.reason])).toEqual([["FR-1>refines>SR-1", "direct"]]);
    expect(analyzeTraceability(input, {}, { asOf: AS_OF }).suspects.map((s) => [s.link, s.reason])).toEqual([
      ["FR-1>refines>SR-1", "direct"],
      ["TC-1>verifies>FR-1", "transitive"],
    ]);
  });

  it("issue 12 #3: an as-of that is neither a date nor a UTC instant is a ValidationError", () => {
    expect(() => analyzeTraceability({}, {}, { asOf: "10/03/2026" })).toThrow(ValidationError);
    try {
      analyzeTraceability({}, {}, { asOf: "2026-03-10T10:00:00+01:00" });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([["asOf"]]);
    }
  });
});
