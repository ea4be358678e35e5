import { describe, expect, it } from "vitest";
import { analyzeTraceability, requirementFingerprint } from "../../src/traceability/index.js";
import { req } from "./helpers.js";

// `people[].active: false` marks someone who left: "they are not asked" (AudienceMember). pendingByPerson left them
// out of the `not-yet` asks but still asked them to re-read what they had acknowledged in an earlier version
// (`changed-since`): a reminder to someone gone, while the audience's other members were asked as if nobody had read
// it. Hand-derived case: FR-1 lists dba; p-gone (dba, left) acknowledged an earlier version, p-dba (dba, active)
// nothing. The dba audience is stale (p-gone's acknowledgement is history, kept in `outdated`); the one to ask is
// p-dba (not-yet), not p-gone.

const fr = req("FR-1", "functional", { audiences: ["dba"] });
const earlier = requirementFingerprint({ ...fr, statement: "Earlier statement of FR-1" });
const input = {
  requirements: [fr],
  acknowledgements: [{ id: "a1", requirementId: "FR-1", audienceRole: "dba", personId: "p-gone", fingerprint: earlier, acknowledgedAt: "2026-02-01T09:00:00.000Z" }],
};

describe("pendingByPerson asks nobody who left", () => {
  it("a person marked inactive is not asked to re-read (changed-since); the active member is asked (not-yet)", () => {
    const r = analyzeTraceability(input, {}, { people: [{ id: "p-gone", roles: ["dba"], active: false }, { id: "p-dba", roles: ["dba"] }] });
    expect(r.acknowledgements[0]!.audiences).toEqual([{ audience: "dba", status: "stale", current: [], outdated: ["p-gone"] }]);
    expect(r.pendingByPerson).toEqual([{ personId: "p-dba", items: [{ requirementId: "FR-1", audience: "dba", reason: "not-yet" }] }]);
  });

  it("without people, or with the person active, the earlier reader is asked again (changed-since)", () => {
    const asked = [{ personId: "p-gone", items: [{ requirementId: "FR-1", audience: "dba", reason: "changed-since" }] }];
    expect(analyzeTraceability(input).pendingByPerson).toEqual(asked);
    expect(analyzeTraceability(input, {}, { people: [{ id: "p-gone", roles: ["dba"] }] }).pendingByPerson).toEqual(asked);
  });
});
