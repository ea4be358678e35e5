import { describe, expect, it } from "vitest";
import { isoDate, instant } from "../../src/index.js";
import { evaluateGate } from "../../src/rollout/index.js";
import { doneItem, goNoGoGate } from "./helpers.js";

// The approval rule is a quorum of approving votes (minApprovals), so a rejection does not by itself stop a GO. But
// the reasons are the gate's explanation: a GO whose reasons say only "1 of 1 approvals given" while two of three
// approvers voted reject hides what a steering committee would act on. The votes must be in the reasons.
const at = instant("2025-03-09T10:00:00Z");
const gate = goNoGoGate({
  approvers: [{ personId: "p-sponsor" }, { personId: "p-cio" }, { personId: "p-ops" }],
  minApprovals: 1,
  approvals: [
    { personId: "p-sponsor", vote: "approve", at },
    { personId: "p-cio", vote: "reject", at, comment: "hypercare not staffed" },
    { personId: "p-ops", vote: "reject", at },
  ],
});

describe("rejecting votes are named in the gate's reasons", () => {
  it("GO on 1 of 1 approvals with 2 rejections: the reasons say who rejected (they said nothing)", () => {
    const r = evaluateGate({ items: [doneItem("a")], gates: [gate] }, "g", { asOf: isoDate("2025-03-10") });
    expect(r.outcome).toBe("go"); // the quorum rule is unchanged
    expect(r.approvals).toMatchObject({ approving: 1, rejecting: 2, required: 1 });
    expect(r.reasons).toEqual(["every blocking item closed and 1 of 1 approvals given", "2 approver(s) voted reject: p-cio, p-ops"]);
  });

  it("a rejection cast after asOf is neither counted nor named; without rejections the reasons are unchanged", () => {
    const late = goNoGoGate({ ...gate, approvals: [gate.approvals[0]!, { personId: "p-cio", vote: "reject", at: instant("2025-03-12T10:00:00Z") }] });
    const r = evaluateGate({ items: [doneItem("a")], gates: [late] }, "g", { asOf: isoDate("2025-03-10") });
    expect(r.reasons).toEqual(["every blocking item closed and 1 of 1 approvals given"]);
  });
});
