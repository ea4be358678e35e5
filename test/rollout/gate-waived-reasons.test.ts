import { describe, expect, it } from "vitest";
import { instant, isoDate } from "../../src/index.js";
import { evaluateGate } from "../../src/rollout/index.js";
import { doneItem, goNoGoGate } from "./helpers.js";

// A GO whose blocking items are closed partly by waivers read "every blocking item closed and 1 of 1 approvals
// given": a PMO head reading the reasons could not tell that work was waived, not done (only readiness.waived
// counted it). The reasons now name the blocking items a waiver closes.
describe("a GO with a blocking item closed by a waiver", () => {
  const done = doneItem("d", { code: "TST-01" });
  const waived = doneItem("w", {
    code: "RBK-01", status: "waived", completedOn: undefined,
    waiver: { reason: "rollback tested in the pilot", approvedBy: "p-ana", grantedAt: instant("2025-03-02T08:00:00Z"), expiresOn: isoDate("2025-03-31") },
  });

  it("says so in its reasons, naming the item (before: only 'every blocking item closed …')", () => {
    const g = evaluateGate({ items: [done, waived], gates: [goNoGoGate()] }, "g", { asOf: isoDate("2025-03-10") });
    expect(g.outcome).toBe("go");
    expect(g.reasons).toEqual([
      "every blocking item closed and 1 of 1 approvals given",
      "1 blocking item(s) closed by a waiver, not done: RBK-01",
    ]);
  });

  it("adds nothing when every blocking item is done", () => {
    expect(evaluateGate({ items: [done], gates: [goNoGoGate()] }, "g", { asOf: isoDate("2025-03-10") }).reasons).toEqual(["every blocking item closed and 1 of 1 approvals given"]);
  });
});

describe("a waived item without its waiver", () => {
  // Built by hand (the entity schema refuses it: "a waived item needs a waiver"), it counted as open with
  // `waiverExpired: true` — a waiver that never existed reported as expired. The shared field check refuses it, as
  // it refuses a done item without its completion day.
  it("is a ValidationError at [items, 0, waiver] (was: open, waiverExpired true)", async () => {
    const { firstIssuePath } = await import("../support/errors.js");
    const bare = doneItem("w", { status: "waived", completedOn: undefined });
    expect(firstIssuePath(() => evaluateGate({ items: [bare], gates: [goNoGoGate()] }, "g", { asOf: isoDate("2025-03-10") }))).toEqual(["items", 0, "waiver"]);
  });
});
