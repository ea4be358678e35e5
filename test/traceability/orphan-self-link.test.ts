import { describe, expect, it } from "vitest";
import { analyzeTraceability, type TraceLinkInput, type TraceRulesInput } from "../../src/traceability/index.js";

/*
 * An item is not its own parent. With rules where a functional requirement may hang from a business or another
 * functional one, FR-1 refining only itself was no orphan: the orphan check counted the self-link as a parent link
 * (coverage already ignored it, so FR-1 was uncovered yet "had a parent"). The `orphans: "needs"` check already
 * skipped self-links.
 */

const req = (id: string, type: string) => ({ id, key: id, type, title: id, statement: `Statement of ${id}` });
const refines = (id: string, from: string, to: string): TraceLinkInput =>
  ({ id, from: { kind: "requirement", id: from }, to: { kind: "requirement", id: to }, linkType: "refines" });
const rules: TraceRulesInput = {
  items: [
    { type: "business", root: true, needs: [] },
    { type: "functional", needs: [], parents: { anyOf: ["business", "functional"], via: ["refines"] } },
  ],
};

describe("orphans and self-links", () => {
  it("an item whose only parent link points at itself is an orphan", () => {
    const r = analyzeTraceability({
      requirements: [req("BR-1", "business"), req("FR-1", "functional"), req("FR-2", "functional"), req("FR-3", "functional")],
      links: [refines("a", "FR-1", "FR-1"), refines("b", "FR-2", "BR-1"), refines("c", "FR-3", "FR-3"), refines("d", "FR-3", "FR-2")],
    }, rules);
    // FR-2 hangs from BR-1 and FR-3 from FR-2 (its self-link aside); FR-1 hangs from nothing but itself. Before: no orphan.
    expect(r.findings.filter((f) => f.check === "orphan").map((f) => [f.items, f.message])).toEqual([
      [["requirement:FR-1"], "requirement:FR-1 (functional) has no parent of type business|functional"],
    ]);
    expect(r.findings.filter((f) => f.check === "self-link").map((f) => f.links)).toEqual([["a"], ["c"]]);
  });
});
