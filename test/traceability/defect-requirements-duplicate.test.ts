import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph } from "../../src/traceability/index.js";
import { req } from "./helpers.js";

// A plain-record defect listing the same requirement twice (`requirementIds: ["FR-1", "FR-1"]`) made two implicit
// `affects` links with one id, reported only as a "duplicate-link" warning (root path, no record named). The Defect
// schema refuses it ("requirement listed twice", path ["requirementIds", i]); the traceability functions take plain
// records, so they refuse it the same way with the record's path, as they refuse a repeated audience.

const issues = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => [i.path, i.message]);
    throw e;
  }
  return [];
};

const defect = (id: string, requirementIds: unknown) => ({ id, key: id, title: "PDF broken", severity: "major", requirementIds });

describe("a defect's requirements, each once", () => {
  it("buildTraceGraph / analyzeTraceability refuse a repeat at [defects, i, requirementIds, j]", () => {
    // FR-1 is listed at 0 and again at 2: the issue is at the repeat, index 2 (the schema's rule: indexOf(r) !== i).
    const input = { requirements: [req("FR-1", "functional"), req("FR-2", "functional")], defects: [defect("D-1", ["FR-2"]), defect("D-2", ["FR-1", "FR-2", "FR-1"])] };
    expect(issues(() => buildTraceGraph(input))).toEqual([[["defects", 1, "requirementIds", 2], "requirement listed twice"]]);
    expect(issues(() => analyzeTraceability(input))).toEqual([[["defects", 1, "requirementIds", 2], "requirement listed twice"]]);
  });

  it("an item-changed edit that repeats a requirement is refused at [item, requirementIds, j], the analysis unchanged", () => {
    const a = analyzeTraceGraph(buildTraceGraph({ requirements: [req("FR-1", "functional")], defects: [defect("D-1", ["FR-1"])] }));
    const before = a.result().findings;
    expect(issues(() => a.apply({ type: "item-changed", kind: "defect", item: defect("D-1", ["FR-1", "FR-1"]) }))).toEqual([[["item", "requirementIds", 1], "requirement listed twice"]]);
    expect(a.result().findings).toEqual(before);
  });

  it("requirementIds that are not a list of ids are refused, not read as no requirement", () => {
    // Before: `requirementIds: "FR-1"` was skipped (not an array), so the defect affected nothing.
    expect(issues(() => analyzeTraceability({ requirements: [req("FR-1", "functional")], defects: [defect("D-1", "FR-1")] }))).toEqual([[["defects", 0, "requirementIds"], "expected an array"]]);
    expect(issues(() => analyzeTraceability({ requirements: [req("FR-1", "functional")], defects: [defect("D-1", ["FR-1", 7])] }))).toEqual([[["defects", 0, "requirementIds", 1], "expected a requirement id"]]);
  });

  it("each requirement once: one affects link per listed requirement, no duplicate-link finding", () => {
    const r = analyzeTraceability({ requirements: [req("FR-1", "functional"), req("FR-2", "functional")], defects: [defect("D-1", ["FR-1", "FR-2"])] });
    expect(r.findings.filter((f) => f.check === "duplicate-link")).toEqual([]);
  });
});
