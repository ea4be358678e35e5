import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { decodeEntity } from "../../src/entities/index.js";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph } from "../../src/traceability/index.js";
import { req } from "./helpers.js";

// A requirement listing the same audience twice (`audiences: ["dba", "dba"]`) got that audience twice in its
// acknowledgement statuses and in `pending` (["dba", "dba"]: two gaps for one missing acknowledgement). The entity
// schema refuses it ("audience listed twice", path ["audiences", 1]), as every list of ids in the schemas refuses a
// repeat; the traceability functions take plain records, so they refuse it the same way, with the record's path.

const issues = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => [i.path, i.message]);
    throw e;
  }
  return [];
};

describe("a requirement's audiences, each once", () => {
  it("the entity schema refuses a repeated audience (the convention followed)", () => {
    const wire = { id: "FR-1", version: 1, projectId: "prj-x", createdAt: "2026-03-01T09:00:00.000Z", updatedAt: "2026-03-01T09:00:00.000Z", key: "FR-1", type: "functional", title: "t", statement: "s", priority: "must", acceptanceCriteria: [], verificationMethod: "test", status: "approved", audiences: ["dba", "developer", "dba"] };
    expect(issues(() => decodeEntity("requirement", wire))).toEqual([[["audiences", 2], "audience listed twice"]]);
  });

  it("buildTraceGraph / analyzeTraceability refuse it at [requirements, i, audiences, j]", () => {
    const input = { requirements: [req("FR-1", "functional", { audiences: ["developer"] }), req("FR-2", "functional", { audiences: ["dba", "dba"] })] };
    expect(issues(() => analyzeTraceability(input))).toEqual([[["requirements", 1, "audiences", 1], "audience listed twice"]]);
    expect(issues(() => buildTraceGraph(input))).toEqual([[["requirements", 1, "audiences", 1], "audience listed twice"]]);
  });

  it("an item-changed edit that repeats an audience is refused at [item, audiences, j], the analysis unchanged", () => {
    const a = analyzeTraceGraph(buildTraceGraph({ requirements: [req("FR-1", "functional", { audiences: ["dba"] })] }));
    expect(issues(() => a.apply({ type: "item-changed", kind: "requirement", item: req("FR-1", "functional", { audiences: ["dba", "ops", "dba"] }) }))).toEqual([[["item", "audiences", 2], "audience listed twice"]]);
    expect(a.result().acknowledgements.map((x) => x.pending)).toEqual([["dba"]]);
  });

  it("audiences that are not a list of roles are refused, not read as no audience", () => {
    // Before: `audiences: "dba"` was skipped (not an array), so FR-1 needed no acknowledgement at all.
    expect(issues(() => analyzeTraceability({ requirements: [req("FR-1", "functional", { audiences: "dba" })] }))).toEqual([[["requirements", 0, "audiences"], "expected an array"]]);
    expect(issues(() => analyzeTraceability({ requirements: [req("FR-1", "functional", { audiences: ["dba", 7] })] }))).toEqual([[["requirements", 0, "audiences", 1], "expected a role"]]);
  });

  it("each audience once: one pending entry per missing audience", () => {
    const r = analyzeTraceability({ requirements: [req("FR-1", "functional", { audiences: ["dba", "developer"] })] });
    expect(r.acknowledgements.map((x) => [x.requirementId, x.pending])).toEqual([["FR-1", ["dba", "developer"]]]);
  });
});
