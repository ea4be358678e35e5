import { describe, expect, it } from "vitest";
import { analyzeTraceability, diffTraceBaselines, type TraceInput } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// A retired item (rejected, obsolete; the rules' `inactive`) "covers nothing" and needs nothing — but as a parent it
// still counted: a functional requirement deriving only from an obsolete business requirement, or a test verifying
// only a rejected requirement, was no orphan, so nothing said that what justified it was gone. Doorstop reports a
// link to an inactive item (an error in its docs, info in its code; reference §2 "pmokit should fix the severity of
// each check explicitly"). It is now an orphan (warning by default), naming the retired parents.

const hangsFromRetired = (): TraceInput => ({
  requirements: [req("BR-1", "business", { status: "obsolete" }), req("BR-2", "business"), req("FR-1", "functional"), req("FR-2", "functional"), req("FR-9", "functional", { status: "rejected" })],
  testCases: [tc("TC-1"), tc("TC-2")],
  links: [
    link("FR-1", "derives", "BR-1"), // only a retired parent → orphan
    link("FR-2", "derives", "BR-1"), link("FR-2", "derives", "BR-2"), // one active parent left → fine
    link("TC-1", "verifies", "FR-9"), // verifies only a rejected requirement → orphan
    link("TC-2", "verifies", "FR-2"),
  ],
});

const orphans = (r: ReturnType<typeof analyzeTraceability>) => r.findings.filter((f) => f.check === "orphan").map((f) => [f.items, f.severity, f.message]);

describe("an item whose only parents are retired is an orphan", () => {
  it("FR-1 derives only from the obsolete BR-1; TC-1 verifies only the rejected FR-9", () => {
    expect(orphans(analyzeTraceability(hangsFromRetired()))).toEqual([
      [["requirement:FR-1"], "warning", "requirement:FR-1 (functional) has no active parent of type business|stakeholder (requirement:BR-1 is obsolete)"],
      [["test-case:TC-1"], "warning", "test-case:TC-1 (test-case) has no active parent of type business|stakeholder|functional|non-functional|transition (requirement:FR-9 is rejected)"],
    ]);
  });

  it("with every status active (empty inactive lists) their parents count again: only FR-9, which has none, is an orphan", () => {
    expect(orphans(analyzeTraceability(hangsFromRetired(), { inactive: { requirement: [], "test-case": [] } }))).toEqual([
      [["requirement:FR-9"], "warning", "requirement:FR-9 (functional) has no parent of type business|stakeholder"],
    ]);
  });

  it("orphans: 'needs' — a test covering only a rejected requirement covers nothing that needs a test", () => {
    const rules = { items: [{ type: "functional", needs: [{ anyOf: ["test-case"], via: ["verifies" as const] }] }], orphans: "needs" as const };
    const r = analyzeTraceability({ requirements: [req("FR-9", "functional", { status: "rejected" })], testCases: [tc("TC-1")], links: [link("TC-1", "verifies", "FR-9")] }, rules);
    expect(orphans(r)).toEqual([[["test-case:TC-1"], "warning", "test-case:TC-1 (test-case) covers nothing that needs a test-case"]]);
  });

  it("the baseline diff reports it as became orphaned when the parent is retired", () => {
    const before = { ...hangsFromRetired(), requirements: [req("BR-1", "business"), req("FR-1", "functional")], testCases: [], links: [link("FR-1", "derives", "BR-1")] };
    const after = { ...before, requirements: [req("BR-1", "business", { status: "obsolete" }), req("FR-1", "functional")] };
    expect(diffTraceBaselines(before, after).became.orphaned).toEqual(["requirement:FR-1"]);
  });
});
