import { describe, expect, it } from "vitest";
import { decodeEntity, instant, isoDate, ValidationError } from "../../src/index.js";
import { evaluateGate } from "../../src/rollout/index.js";
import { CREATED_AT, doneItem, goNoGoGate } from "./helpers.js";

// Many gate processes give a named approver a veto (the security officer, the service owner): one reject from them is
// NO-GO whatever the majority. The veto is a flag on the approver, beside `personId` and `role`: `veto: true`.
const at = instant("2025-03-09T10:00:00Z");
const approvers = [{ personId: "p-sponsor" }, { personId: "p-ops" }, { personId: "p-sec", role: "security" as const, veto: true }];
const gate = (approvals: { personId: string; vote: "approve" | "reject" | "abstain"; at: typeof at }[], minApprovals = 2) =>
  goNoGoGate({ approvers, minApprovals, approvals });
const judge = (g: ReturnType<typeof gate>, asOf = "2025-03-10") => evaluateGate({ items: [doneItem("a")], gates: [g] }, "g", { asOf: isoDate(asOf) });

describe("an approver with a veto", () => {
  it("2 of 2 approvals given but the security officer (veto) rejects: NO-GO, the reason names the veto", () => {
    // Before: the quorum (sponsor + ops approve, 2 of 2) made it GO; the security reject was only named.
    const r = judge(gate([
      { personId: "p-sponsor", vote: "approve", at },
      { personId: "p-ops", vote: "approve", at },
      { personId: "p-sec", vote: "reject", at },
    ]));
    expect(r.outcome).toBe("no-go");
    expect(r.approvals).toMatchObject({ approving: 2, rejecting: 1, required: 2, vetoedBy: ["p-sec"] });
    expect(r.reasons).toEqual([
      "vetoed by p-sec (security): an approver with a veto voted reject",
      "1 approver(s) voted reject: p-sec",
    ]);
  });

  it("a reject from an approver without a veto does not stop a go; an abstaining or silent veto holder is no veto", () => {
    const r = judge(gate([
      { personId: "p-sponsor", vote: "approve", at },
      { personId: "p-ops", vote: "reject", at },
      { personId: "p-sec", vote: "approve", at },
    ]));
    expect([r.outcome, r.approvals.vetoedBy]).toEqual(["go", []]);
    const abstains = judge(gate([{ personId: "p-sponsor", vote: "approve", at }, { personId: "p-ops", vote: "approve", at }, { personId: "p-sec", vote: "abstain", at }]));
    expect(abstains.outcome).toBe("go");
    const silent = judge(gate([{ personId: "p-sponsor", vote: "approve", at }, { personId: "p-ops", vote: "approve", at }]));
    expect([silent.outcome, silent.approvals.notVoted]).toEqual(["go", ["p-sec"]]);
  });

  it("a veto cast after asOf does not count yet; from its day it does", () => {
    const g = gate([
      { personId: "p-sponsor", vote: "approve", at },
      { personId: "p-ops", vote: "approve", at },
      { personId: "p-sec", vote: "reject", at: instant("2025-03-12T10:00:00Z") },
    ]);
    expect(judge(g, "2025-03-11").outcome).toBe("go");
    expect(judge(g, "2025-03-12").outcome).toBe("no-go");
  });

  it("a veto joins the other NO-GO reasons (missing approvals), listed first", () => {
    const r = judge(gate([{ personId: "p-sec", vote: "reject", at }]));
    expect(r.outcome).toBe("no-go");
    expect(r.reasons).toEqual([
      "vetoed by p-sec (security): an approver with a veto voted reject",
      "0 of 2 required approvals given",
      "1 approver(s) voted reject: p-sec",
    ]);
  });

  it("the gate entity keeps the flag and refuses a recorded go over a veto; a veto that is not true/false is refused", () => {
    const wire = {
      id: "g", version: 1, createdAt: CREATED_AT, updatedAt: CREATED_AT, rolloutPlanId: "rp-x", name: "Go/No-Go", type: "go-no-go",
      scope: { phases: ["prepare"] }, approvers, minApprovals: 2,
      approvals: [
        { personId: "p-sponsor", vote: "approve", at },
        { personId: "p-ops", vote: "approve", at },
        { personId: "p-sec", vote: "reject", at },
      ],
    };
    expect(decodeEntity("gate", wire).approvers[2]).toEqual({ personId: "p-sec", role: "security", veto: true });
    const recordedGo = () => decodeEntity("gate", { ...wire, decision: { outcome: "go", decidedAt: at, decidedBy: "p-sponsor" } });
    expect(recordedGo).toThrow(ValidationError);
    expect(() => recordedGo()).toThrow(/vetoed by p-sec/);
    expect(() => decodeEntity("gate", { ...wire, approvers: [approvers[0], approvers[1], { personId: "p-sec", veto: "yes" }] })).toThrow(ValidationError);
    // evaluateGate checks the memory form too: a veto given as text would read as true.
    const bad = goNoGoGate({ approvers: [{ personId: "p", veto: "no" as unknown as boolean }] });
    let path: unknown;
    try {
      judge(bad);
    } catch (e) {
      path = (e as ValidationError).issues[0]?.path;
    }
    expect(path).toEqual(["gates", 0, "approvers", 0, "veto"]);
  });
});

describe("votes evaluateGate cannot read are refused, not dropped", () => {
  const pathOf = (f: () => unknown): unknown => {
    try {
      f();
    } catch (e) {
      return (e as ValidationError).issues?.[0]?.path;
    }
    return undefined;
  };
  it("a vote that is not approve, reject or abstain ('Reject' from the veto holder) is a ValidationError, not a silent GO", () => {
    // Before: "Reject" counted as neither vote, so the veto was lost and 2 of 2 approvals read GO.
    const g = gate([
      { personId: "p-sponsor", vote: "approve", at },
      { personId: "p-ops", vote: "approve", at },
      { personId: "p-sec", vote: "Reject" as "reject", at },
    ]);
    expect(pathOf(() => judge(g))).toEqual(["gates", 0, "approvals", 2, "vote"]);
  });

  it("a vote from someone who is not an approver is a ValidationError (the gate entity refuses it too)", () => {
    // Before: silently left out of every count.
    const g = gate([{ personId: "p-sponsor", vote: "approve", at }, { personId: "p-ops", vote: "approve", at }, { personId: "p-intern", vote: "reject", at }]);
    expect(pathOf(() => judge(g))).toEqual(["gates", 0, "approvals", 2, "personId"]);
  });
});
