import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph, DEFAULT_TRACE_RULES, defineTraceRules, type TraceEntity, type TraceInput, type TraceRulesInput } from "../../src/traceability/index.js";
import { art, link, req, run, tc } from "./helpers.js";

// Lifecycle status: a rejected or obsolete requirement and a deprecated test case are inactive by default (OFT leaves
// rejected items out of its defect rule, Doorstop skips inactive items): no coverage needed, none given, no evidence.

const T1 = "2026-04-01T09:00:00.000Z";
const LEGACY: TraceRulesInput = { inactive: { requirement: [], "test-case": [] } };

/*
 * BR-1 ← FR-1 (approved: code-1 implements, TC-1 verifies, passed), ← FR-3 (obsolete, nothing else).
 * BR-2 ← FR-2 (rejected, nothing else): its only derived requirement is rejected.
 * FR-4 (approved, derives BR-1): code-4 implements, TC-4 verifies but TC-4 is deprecated (its run passed).
 * FR-5 (obsolete): no links at all.
 */
function office(): TraceInput {
  return {
    requirements: [
      req("BR-1", "business"), req("BR-2", "business"), req("FR-1", "functional"), req("FR-2", "functional", { status: "rejected" }),
      req("FR-3", "functional", { status: "obsolete" }), req("FR-4", "functional"), req("FR-5", "functional", { status: "obsolete" }),
    ],
    artifacts: [art("code-1", "code"), art("code-4", "code")],
    testCases: [tc("TC-1", { status: "ready" }), tc("TC-4", { status: "deprecated" })],
    testRuns: [run("run-1", "TC-1", "passed", T1), run("run-4", "TC-4", "passed", T1)],
    links: [
      link("FR-1", "derives", "BR-1"), link("FR-3", "derives", "BR-1"), link("FR-2", "derives", "BR-2"), link("FR-4", "derives", "BR-1"),
      link("code-1", "implements", "FR-1"), link("TC-1", "verifies", "FR-1"), link("code-4", "implements", "FR-4"), link("TC-4", "verifies", "FR-4"),
    ],
  };
}

const level = (r: ReturnType<typeof analyzeTraceability>, type: string) => {
  const l = r.levels.find((x) => x.type === type)!;
  return { items: l.items, shallowCovered: l.shallowCovered, percent: l.shallowPercent.value?.toString(), gaps: l.gaps };
};

describe("inactive items (the rules' inactive statuses)", () => {
  it("default: rejected/obsolete requirements need no coverage and cover nothing; a deprecated test case verifies nothing", () => {
    const r = analyzeTraceability(office());
    // Functional: active FR-1 (code + TC-1: covered) and FR-4 (code, but its only test is deprecated: uncovered) → 1/2 = 50 %.
    // FR-2, FR-3, FR-5 are not counted and are no gaps.
    expect(level(r, "functional")).toEqual({ items: 2, shallowCovered: 1, percent: "50", gaps: ["requirement:FR-4"] });
    // Business: BR-1 has the active FR-1 deriving (covered); BR-2 has only the rejected FR-2 (uncovered) → 1/2 = 50 %.
    expect(level(r, "business")).toEqual({ items: 2, shallowCovered: 1, percent: "50", gaps: ["requirement:BR-2"] });
    // Its deprecated test is not "unwanted" (OFT's +type) either: it is listed in inactive.
    expect(r.coverage.find((c) => c.item === "requirement:FR-4")).toMatchObject({ missing: ["test"], unwanted: [] });
    expect(r.coverage.map((c) => c.item)).not.toContain("requirement:FR-2");
    // Reported apart, in key order, so nothing disappears silently.
    expect(r.inactive).toEqual([
      { item: "requirement:FR-2", type: "functional", status: "rejected" },
      { item: "requirement:FR-3", type: "functional", status: "obsolete" },
      { item: "requirement:FR-5", type: "functional", status: "obsolete" },
      { item: "test-case:TC-4", type: "test-case", status: "deprecated" },
    ]);
    // Evidence: FR-4's deprecated TC-4 passed, but gives nothing (UNCOVERED, no test row); FR-1 stays OK.
    const ev = (id: string) => r.evidence.find((e) => e.id === id);
    expect([ev("FR-4")?.own, ev("FR-4")?.tests]).toEqual(["UNCOVERED", []]);
    expect(ev("FR-1")?.own).toBe("OK");
    expect(ev("FR-2")).toBeUndefined();
    // The obsolete FR-5 without a parent is no orphan.
    expect(r.findings.filter((f) => f.check === "orphan").map((f) => f.items)).toEqual([]);
  });

  it("empty lists restore the earlier behaviour (every status active)", () => {
    const r = analyzeTraceability(office(), LEGACY);
    // Functional: FR-1 and FR-4 covered; FR-2, FR-3, FR-5 have no implementation and no test → 2/5 = 40 %.
    expect(level(r, "functional")).toEqual({ items: 5, shallowCovered: 2, percent: "40", gaps: ["requirement:FR-2", "requirement:FR-3", "requirement:FR-5"] });
    // Business: BR-2 is covered by the rejected FR-2 → 2/2.
    expect(level(r, "business")).toEqual({ items: 2, shallowCovered: 2, percent: "100", gaps: [] });
    expect(r.inactive).toEqual([]);
    expect(r.evidence.find((e) => e.id === "FR-4")?.own).toBe("OK");
    expect(r.findings.filter((f) => f.check === "orphan").map((f) => f.items)).toEqual([["requirement:FR-5"]]);
  });

  it("nobody has to acknowledge an inactive requirement (no acknowledgement gap, none pending per person)", () => {
    const input: TraceInput = { requirements: [req("FR-6", "functional", { status: "rejected", audiences: ["developer"] }), req("FR-7", "functional", { audiences: ["developer"] })] };
    // Before (and with empty inactive lists): both pending for the developer audience.
    expect(analyzeTraceability(input, LEGACY).acknowledgements.map((a) => [a.requirementId, a.pending])).toEqual([["FR-6", ["developer"]], ["FR-7", ["developer"]]]);
    expect(analyzeTraceability(input).acknowledgements.map((a) => [a.requirementId, a.pending])).toEqual([["FR-7", ["developer"]]]);
  });

  it("one kind given keeps the other's default; a status outside the enum is refused with its path", () => {
    const r = analyzeTraceability(office(), { inactive: { requirement: [] } });
    expect(r.inactive).toEqual([{ item: "test-case:TC-4", type: "test-case", status: "deprecated" }]);
    expect(() => defineTraceRules({ inactive: { requirement: ["retired" as never] } })).toThrow(/inactive/);
    expect(DEFAULT_TRACE_RULES.inactive).toEqual({ requirement: ["rejected", "obsolete"], "test-case": ["deprecated"] });
  });

  it("an edit that retires or revives an item updates coverage and evidence as a fresh analysis does", () => {
    const input = office();
    const a = analyzeTraceGraph(buildTraceGraph(input, {}));
    const fr4 = input.requirements!.find((x) => x.id === "FR-4")!;
    const tc4 = input.testCases!.find((x) => x.id === "TC-4")!;
    // TC-4 back to ready: FR-4 covered (functional 2/2), its evidence OK.
    const d1 = a.apply({ type: "item-changed", kind: "test-case", item: { ...tc4, status: "ready" } });
    expect(d1.coverage).toContainEqual({ item: "requirement:FR-4", shallow: "covered", deep: "covered" });
    // FR-1 retired: BR-1 still derived by FR-4 (active); FR-1 leaves the functional level → 1/1.
    a.apply({ type: "item-changed", kind: "requirement", item: { ...input.requirements!.find((x) => x.id === "FR-1")!, status: "obsolete" } });
    const now = a.result();
    const fresh = analyzeTraceability({
      ...input,
      requirements: input.requirements!.map((x) => (x.id === "FR-1" ? { ...x, status: "obsolete" } : x)),
      testCases: [input.testCases![0]!, { ...tc4, status: "ready" }],
    });
    expect(level(now, "functional")).toEqual({ items: 1, shallowCovered: 1, percent: "100", gaps: [] });
    for (const k of ["coverage", "levels", "evidence", "inactive", "findings"] as const) expect(JSON.parse(JSON.stringify(now[k]))).toEqual(JSON.parse(JSON.stringify(fresh[k])));
    expect(fr4.status).toBe("approved");
  });

  it("property: adding inactive items, linked anywhere, never changes an active item's coverage or evidence", () => {
    const base = office();
    const ACTIVE = ["BR-1", "BR-2", "FR-1", "FR-4"];
    const before = analyzeTraceability(base);
    const extra = fc.array(
      fc.record({
        kind: fc.constantFrom("requirement", "test-case"),
        status: fc.nat(1),
        type: fc.constantFrom("business", "functional", "stakeholder"),
        targets: fc.subarray(ACTIVE, { minLength: 1 }),
        via: fc.constantFrom("derives", "refines", "verifies", "implements"),
        passed: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(extra, (xs) => {
        const reqs: TraceEntity[] = [];
        const tcs: TraceEntity[] = [];
        const runs: TraceEntity[] = [];
        const links = [] as NonNullable<TraceInput["links"]>[number][];
        xs.forEach((x, i) => {
          const id = x.kind === "requirement" ? `FR-X${i}` : `TC-X${i}`;
          if (x.kind === "requirement") reqs.push(req(id, x.type, { status: x.status === 0 ? "rejected" : "obsolete" }));
          else {
            tcs.push(tc(id, { status: "deprecated" }));
            runs.push(run(`run-X${i}`, id, x.passed ? "passed" : "failed", T1));
          }
          for (const t of x.targets) links.push(link(id, x.via, t));
          // An active item linking to the inactive one must not change either.
          links.push(link("code-1", "implements", id));
        });
        const after = analyzeTraceability({ ...base, requirements: [...base.requirements!, ...reqs], testCases: [...base.testCases!, ...tcs], testRuns: [...base.testRuns!, ...runs], links: [...base.links!, ...links] });
        // Levels count the retired items apart (`inactive`, and a missing percentage's detail names them); every figure
        // must stay as it was.
        const pct = (m: (typeof before)["levels"][number]["shallowPercent"]) => [m.value?.toString(), m.reason];
        const levels = (r: typeof before) => r.levels.map((l) => [l.type, l.items, l.shallowCovered, l.deepCovered, l.gaps, pct(l.shallowPercent), pct(l.deepPercent)]);
        const strip = (r: typeof before) => JSON.parse(JSON.stringify({ coverage: r.coverage, levels: levels(r), evidence: r.evidence }));
        expect(strip(after)).toEqual(strip(before));
        expect(after.inactive.length).toBe(before.inactive.length + xs.length);
      }),
      { seed: 4, numRuns: 200 },
    );
  });
});
