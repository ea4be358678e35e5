import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph, DEFAULT_SEVERITIES, type AcknowledgementInput } from "../../src/traceability/index.js";
import { req } from "./helpers.js";

// An acknowledgement names a requirement and the audience acknowledged for. One naming a requirement that is not in
// the graph (deleted, or a typo: FR-404 for FR-104), or an audience the requirement does not list (ops for a
// requirement that asks developers and DBAs), counted for nothing and was reported nowhere: the acknowledgement
// vanished, and whoever gave it believed the rollout knew. Each is now a finding of its own check, naming the
// acknowledgement, the requirement and the audience.

const ack = (id: string, requirementId: string, audienceRole: string, personId = "p-1"): AcknowledgementInput => ({
  id, requirementId, audienceRole, personId, fingerprint: "f".repeat(64), acknowledgedAt: "2026-03-02T09:00:00.000Z",
});

// Business requirements: roots, so no orphan finding stands beside the acknowledgement findings.
const fr1 = req("FR-1", "business", { audiences: ["developer", "dba"] });
const fr2 = req("FR-2", "business");

describe("acknowledgements of unknown requirements or audiences are findings", () => {
  it("an acknowledgement of a requirement not in the graph: a dangling-acknowledgement finding with its id", () => {
    const r = analyzeTraceability({ requirements: [fr1], acknowledgements: [ack("ack-7", "FR-404", "developer")] });
    expect(r.findings).toEqual([
      {
        check: "dangling-acknowledgement", severity: "warning",
        message: "acknowledgement ack-7 (p-1 for developer) names a missing requirement requirement:FR-404",
        items: ["requirement:FR-404"], links: [], acknowledgements: ["ack-7"],
      },
    ]);
    // It counts for nothing: FR-1 still waits for both audiences.
    expect(r.acknowledgements.map((a) => [a.requirementId, a.pending])).toEqual([["FR-1", ["developer", "dba"]]]);
  });

  it("an acknowledgement for an audience the requirement does not list: an unknown-audience finding", () => {
    const r = analyzeTraceability({
      requirements: [fr1, fr2],
      acknowledgements: [ack("ack-1", "FR-1", "developer"), ack("ack-2", "FR-1", "operations", "p-ops"), ack("ack-3", "FR-2", "dba", "p-dba")],
    });
    expect(r.findings).toEqual([
      {
        check: "unknown-audience", severity: "warning",
        message: "acknowledgement ack-2 (p-ops for operations): requirement:FR-1 lists no audience operations (it lists developer, dba)",
        items: ["requirement:FR-1"], links: [], acknowledgements: ["ack-2"],
      },
      {
        check: "unknown-audience", severity: "warning",
        message: "acknowledgement ack-3 (p-dba for dba): requirement:FR-2 lists no audience dba (it lists none)",
        items: ["requirement:FR-2"], links: [], acknowledgements: ["ack-3"],
      },
    ]);
  });

  it("both checks have default severities, and the rules can change them", () => {
    expect([DEFAULT_SEVERITIES["dangling-acknowledgement"], DEFAULT_SEVERITIES["unknown-audience"]]).toEqual(["warning", "warning"]);
    const r = analyzeTraceability({ requirements: [fr1], acknowledgements: [ack("ack-7", "FR-404", "developer")] }, { severities: { "dangling-acknowledgement": "error" } });
    expect(r.findings.map((f) => [f.check, f.severity])).toEqual([["dangling-acknowledgement", "error"]]);
  });

  it("as of a day before an acknowledgement was given, it has not happened: no finding then", () => {
    // ack-7 was given on 2026-03-02 (ack()): as of 03-01 it does not exist yet, as of 03-02 it does.
    const input = { requirements: [fr1], acknowledgements: [ack("ack-7", "FR-404", "developer")] };
    expect(analyzeTraceability(input, {}, { asOf: "2026-03-01" }).findings).toEqual([]);
    expect(analyzeTraceability(input, {}, { asOf: "2026-03-02" }).findings.map((f) => f.acknowledgements)).toEqual([["ack-7"]]);
  });

  it("an acknowledgement given by an edit is checked too, and one acknowledging a listed audience is no finding", () => {
    const a = analyzeTraceGraph(buildTraceGraph({ requirements: [fr1] }));
    a.apply({ type: "acknowledged", acknowledgement: ack("ack-1", "FR-1", "dba") });
    expect(a.result().findings).toEqual([]);
    a.apply({ type: "acknowledged", acknowledgement: ack("ack-9", "FR-9", "dba") });
    expect(a.result().findings.map((f) => [f.check, f.items, f.acknowledgements])).toEqual([["dangling-acknowledgement", ["requirement:FR-9"], ["ack-9"]]]);
    // The requirement arrives: the acknowledgement is no longer dangling (FR-9 lists dba).
    a.apply({ type: "item-changed", kind: "requirement", item: req("FR-9", "business", { audiences: ["dba"] }) });
    expect(a.result().findings).toEqual([]);
  });
});
