import { describe, expect, it } from "vitest";
import { readReqif, reqifToPmokit } from "../../src/io/index.js";
import { analyzeTraceGraph, buildTraceGraph, DEFAULT_TRACE_RULES, requirementFingerprint } from "../../src/traceability/index.js";
import { IMPORTED_AT, fixtureText } from "./fixtures.js";

// ProR (Eclipse RMF) suspect links: the ProR traceability template (STARIONGROUP/reqifsharp, ../shared/fixtures) gives
// its SPEC-RELATION-TYPE "realizes" two BOOLEAN attributes, S and T, of datatype "T_SuspectLinks"; its own text says the
// traces "contain a flag, indicating whether source or target has changed" and that the flag is set again "as soon as
// any attribute of the source or target changes". Before, the import reported S and T as unmapped (9× each) and every
// link came in never reviewed, so the one link whose target changed (LNK-1, T="true") was not suspect.
// pmokit's suspect link is one whose recorded target fingerprint differs from the target's current one. So T="false"
// imports as reviewed against the target as it is (its current fingerprint), and T="true" as reviewed against other
// content (the fingerprint of no content, which no requirement has): a direct suspect. pmokit's suspicion follows the
// target only, so S="true" (LNK-2) is a `source-changed` warning naming the relation.
// Checked in the file: LNK-1 (_4yHa8…) T=true S=false; LNK-2 (_4y3o4…) S=true T=false; LNK-3…LNK-9 both false.

const OPTIONS = { projectId: "prj-x", importedAt: IMPORTED_AT };
const imported = () => reqifToPmokit(readReqif(fixtureText("reqif/pror_fmstudio_traceability-template-v1.0.reqif")).document, OPTIONS);

describe("ProR S/T suspect flags", () => {
  it("S and T are no longer unmapped; S=true is a source-changed warning", () => {
    const r = imported();
    expect(r.report.unmapped.filter((u) => u.path.startsWith("SPEC-RELATION"))).toEqual([]);
    expect(r.report.warnings.filter((w) => w.code === "source-changed").map((w) => w.path)).toEqual(["SPEC-RELATION[_4y3o4KdeEeafNduaIhMwQg]"]);
  });

  it("T=false records the target's current fingerprint; T=true one that differs", () => {
    const r = imported();
    const byId = new Map(r.records.requirement.map((q) => [q.id, q]));
    const current = r.records["trace-link"].map((l) => [l.id, l.targetFingerprint === requirementFingerprint(byId.get(l.to.id)!)]);
    expect(current).toEqual(r.records["trace-link"].map((l) => [l.id, l.id !== "prj-x:_4yHa8KdeEeafNduaIhMwQg"]));
  });

  it("the analysis lists LNK-1 as the one direct suspect link, from REQ-18 into REQ-2", () => {
    const r = imported();
    const graph = buildTraceGraph({ requirements: r.records.requirement, links: r.records["trace-link"] }, DEFAULT_TRACE_RULES);
    const suspects = analyzeTraceGraph(graph).result().suspects;
    expect(suspects.map((s) => [s.link, s.from, s.to, s.reason])).toEqual([
      ["prj-x:_4yHa8KdeEeafNduaIhMwQg", "requirement:prj-x:_niFdkKdeEeafNduaIhMwQg", "requirement:prj-x:_o7scR6dbEeafNduaIhMwQg", "direct"],
    ]);
  });
});
