import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, type Decision } from "../../src/index.js";
import { decisionsNeeded } from "../../src/reports/index.js";
import { pendingDecisions, ragStatus } from "../../src/status/index.js";

// The proposed day a pending decision shows must be the day pendingDecisions judged it recorded on: the UTC day of
// its createdAt (as-of rule `recordedOn`), also for an instant built in memory with an offset.

describe("decisionsNeeded: the proposed day of a pending decision", () => {
  const decoded = decodeEntity("decision", {
    id: "DEC-1", version: 1, createdAt: "2026-03-10T23:00:00.000Z", updatedAt: "2026-03-10T23:00:00.000Z", projectId: "P",
    title: "Hosting", description: "SaaS or on premises", options: ["SaaS", "On premises"], status: "proposed",
  }) as Decision;
  // 2026-03-11T01:00+02:00 is 2026-03-10T23:00Z: recorded on 2026-03-10, so pending on 2026-03-10.
  const withOffset = { ...decoded, createdAt: "2026-03-11T01:00:00+02:00" } as Decision;
  const rag = ragStatus({ id: "P" }, { asOf: isoDate("2026-03-10"), rules: [] });

  it("is the UTC day of createdAt, the day the decision counts as pending from", () => {
    expect(pendingDecisions([withOffset], { asOf: isoDate("2026-03-10") }).map((d) => d.id)).toEqual(["DEC-1"]);
    const [need] = decisionsNeeded({ asOf: "2026-03-10", projects: [{ code: "P", name: "n", rag, decisions: [withOffset] }] });
    // Before: "proposed 2026-03-11, not decided by 2026-03-10" — proposed after the day it was pending on.
    expect(need!.rule).toBe("proposed 2026-03-10, not decided by 2026-03-10; options: SaaS / On premises");
  });

  it("a decoded record (UTC) near midnight reads its UTC day", () => {
    const [need] = decisionsNeeded({ asOf: "2026-03-10", projects: [{ code: "P", name: "n", rag, decisions: [decoded] }] });
    expect(need!.rule.startsWith("proposed 2026-03-10,")).toBe(true);
  });
});
