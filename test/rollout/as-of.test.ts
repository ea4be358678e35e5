import { describe, expect, it } from "vitest";
import { decimal, instant, isoDate, type ChecklistItem, type Gate } from "../../src/index.js";
import { doneItem, goNoGoGate } from "./helpers.js";
import { assessItem, checkEvidenceRule, decodeFacts, evaluateGate, readinessFigures, readinessProgress } from "../../src/rollout/index.js";

// Everything judged "as of" a day ignores what happened after that day. A record stamped with an instant counts on
// asOf when its UTC day is on or before asOf (the same rule as a waiver's grant).
const at = instant("2025-03-01T08:00:00Z");

const item = doneItem;

const gate = (extra: Partial<Gate> = {}): Gate =>
  goNoGoGate({ approvers: [{ personId: "p-sponsor" }], approvals: [{ personId: "p-sponsor", vote: "approve", at: instant("2025-03-11T09:00:00Z") }], ...extra });

describe("gates judged as of a day", () => {
  it("issue 12 #3: a vote cast after asOf is not counted (sponsor approves 2025-03-11T09:00Z, asOf 2025-03-10 → NO-GO)", () => {
    const r = evaluateGate({ items: [item("a")], gates: [gate()] }, "g", { asOf: isoDate("2025-03-10") });
    expect(r.outcome).toBe("no-go");
    expect(r.approvals).toEqual({ approving: 0, rejecting: 0, required: 1, notVoted: ["p-sponsor"], castAfterAsOf: ["p-sponsor"], vetoedBy: [] });
    expect(r.reasons).toEqual(["0 of 1 required approvals given"]);
    // The day the vote is cast it counts (the whole of asOf is judged).
    expect(evaluateGate({ items: [item("a")], gates: [gate()] }, "g", { asOf: isoDate("2025-03-11") }).outcome).toBe("go");
  });

  it("issue 12 #3: a rejection cast after asOf is not counted either", () => {
    const g = gate({ approvers: [{ personId: "p1" }, { personId: "p2" }], approvals: [
      { personId: "p1", vote: "approve", at: instant("2025-03-09T10:00:00Z") },
      { personId: "p2", vote: "reject", at: instant("2025-03-12T10:00:00Z") },
    ] });
    const r = evaluateGate({ items: [item("a")], gates: [g] }, "g", { asOf: isoDate("2025-03-10") });
    expect(r.approvals).toMatchObject({ approving: 1, rejecting: 0, notVoted: ["p2"], castAfterAsOf: ["p2"] });
  });

  it("issue 12 #3: a decision recorded after asOf is not the gate's decision on asOf", () => {
    const g = gate({ approvals: [], decision: { outcome: "go", decidedAt: instant("2025-03-12T16:00:00Z"), decidedBy: "p-sponsor", conditions: [] } as unknown as Gate["decision"] });
    const r = evaluateGate({ items: [item("a", { status: "todo", completedOn: undefined })], gates: [g] }, "g", { asOf: isoDate("2025-03-10") });
    expect(r.recorded).toBeUndefined();
    expect(evaluateGate({ items: [item("a", { status: "todo", completedOn: undefined })], gates: [g] }, "g", { asOf: isoDate("2025-03-12") }).recorded)
      .toEqual({ outcome: "go", contradicts: true, decidedOn: "2025-03-12", outcomeThen: "no-go", contradictedThen: true });
  });
});

describe("items judged as of a day", () => {
  const rule = { all: [{ fact: "kb.published", op: ">=" as const, threshold: decimal(20) }] };
  const metric = (value: number, day: string) => ({ type: "metric" as const, reference: "kb.published", value: decimal(value), recordedBy: "p", recordedAt: instant(`${day}T12:00:00Z`) });

  it("issue 12 #3: metric evidence recorded after asOf does not prove an item on asOf", () => {
    // 12 articles on 03-05, 25 on 03-12: on 03-10 the latest known figure is 12 (< 20) → open.
    const kb = item("kb", { status: "in-progress", completedOn: undefined, evidenceRule: rule, evidence: [metric(12, "2025-03-05"), metric(25, "2025-03-12")] });
    const on10 = assessItem(kb, { asOf: isoDate("2025-03-10"), facts: decodeFacts({}) });
    expect(on10.state).toBe("open");
    expect(on10.why).toBe("evidence rule fails: kb.published = 12 fails >= 20");
    expect(assessItem(kb, { asOf: isoDate("2025-03-12"), facts: decodeFacts({}) }).state).toBe("closed");
    expect(checkEvidenceRule(kb, decodeFacts({}), { asOf: isoDate("2025-03-04") })!.explanation).toBe("kb.published not supplied (needs >= 20)");
  });

  it("readiness progress and figures count only work done by asOf", () => {
    const xs = [item("a", { completedOn: isoDate("2025-03-05") }), item("b", { completedOn: isoDate("2025-03-12") })];
    const p = readinessProgress(xs, { asOf: isoDate("2025-03-10") });
    expect(p.overall).toMatchObject({ total: 2, done: 1, applicable: 2 });
    expect(p.overall.percent.value!.toFixed()).toBe("50");
    const g = gate({ plannedDate: isoDate("2025-03-10") } as Partial<Gate>);
    expect(readinessFigures({ items: xs, gates: [g] }, { asOf: isoDate("2025-03-10") }).openBlockingAtGoNoGo).toBe(1);
  });

  it("a waiver granted after asOf does not count as waived in readiness", () => {
    const w = item("w", { status: "waived", completedOn: undefined, waiver: { approvedBy: "p", reason: "r", grantedAt: instant("2025-03-11T08:00:00Z"), expiresOn: isoDate("2025-04-01") } });
    expect(readinessProgress([w], { asOf: isoDate("2025-03-10") }).overall.waived).toBe(0);
    expect(readinessProgress([w], { asOf: isoDate("2025-03-11") }).overall.waived).toBe(1);
  });
});
