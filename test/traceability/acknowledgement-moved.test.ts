import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph, type AcknowledgementInput } from "../../src/traceability/index.js";
import { req } from "./helpers.js";

// Audit (fifth pass, trace16): an `acknowledged` edit replacing an acknowledgement (same id) that named another
// requirement. BR-1 and BR-2 each ask the dba audience. ack-1 first acknowledges BR-1's current version; then ack-1 is
// recorded again for BR-2 (corrected: the person meant BR-2). BR-1 is pending again, BR-2 acknowledged.
// Before: the second edit's delta listed BR-2 only — a screen updated from deltas kept BR-1 as acknowledged, while
// result() said it was pending. Now the delta lists both, each as result() has it.
describe("an acknowledgement recorded again for another requirement", () => {
  it("the delta reports the requirement it left as well as the one it names", () => {
    const input = { requirements: [req("BR-1", "business", { audiences: ["dba"] }), req("BR-2", "business", { audiences: ["dba"] })] };
    const g = buildTraceGraph(input);
    const ack = (requirementId: string): AcknowledgementInput => ({
      id: "ack-1", requirementId, audienceRole: "dba", personId: "p-1", fingerprint: g.item(`requirement:${requirementId}`)!.fingerprint, acknowledgedAt: "2026-03-02T09:00:00.000Z",
    });
    const a = analyzeTraceGraph(g);
    expect(a.apply({ type: "acknowledged", acknowledgement: ack("BR-1") }).acknowledgements.map((x) => [x.requirementId, x.pending])).toEqual([["BR-1", []]]);
    const delta = a.apply({ type: "acknowledged", acknowledgement: ack("BR-2") });
    const byId = (xs: readonly { requirementId: string; pending: readonly string[] }[]) => xs.map((x) => [x.requirementId, x.pending]).sort();
    expect(byId(delta.acknowledgements)).toEqual([["BR-1", ["dba"]], ["BR-2", []]]);
    // The delta agrees with the full result, and with a fresh analysis of the final acknowledgements.
    expect(byId(delta.acknowledgements)).toEqual(byId(a.result().acknowledgements));
    expect(a.result().acknowledgements).toEqual(analyzeTraceability({ ...input, acknowledgements: [ack("BR-2")] }).acknowledgements);
  });
});
