import { describe, expect, it } from "vitest";
import { decimal, instant, isoDate, type Gate } from "../../src/index.js";
import { evaluateGate } from "../../src/rollout/index.js";
import { doneItem, goNoGoGate } from "./helpers.js";

// status22 audit: a recorded gate decision judged against the evidence on the day it was taken, not only on asOf.
// `recorded.contradicts` compares the decision with the evidence on asOf (is it still right?); a GO taken before its
// evidence existed (a blocking item done, a waiver granted or a vote cast only after the decision) read as supported
// once the evidence came in — nothing said the decision had been taken without it. `recorded.outcomeThen` is the
// gate's outcome on the decision's UTC day and `recorded.contradictedThen` compares the decision with it.
const decision = (outcome: "go" | "no-go", at: string) => ({ outcome, decidedAt: instant(at), decidedBy: "p", conditions: [] }) as unknown as Gate["decision"];
const asOf = isoDate("2025-03-15");

describe("a recorded decision judged on the day it was taken", () => {
  it("a GO decided on 03-10 while the only blocking item was done only on 03-12 contradicted the evidence then", () => {
    // On 03-10: item a open (done 03-12), p approved 03-10 09:00 → 1 of 1 approvals, 1 blocking item open → NO-GO.
    // On 03-15: a done, 1 of 1 approvals → GO. The GO of 03-10 agrees with today's evidence, not with the evidence of its day.
    const g = goNoGoGate({ approvals: [{ personId: "p", vote: "approve", at: instant("2025-03-10T09:00:00Z") }], decision: decision("go", "2025-03-10T16:00:00Z") });
    const r = evaluateGate({ items: [doneItem("a", { completedOn: isoDate("2025-03-12") })], gates: [g] }, "g", { asOf });
    expect(r.outcome).toBe("go");
    expect(r.recorded).toEqual({ outcome: "go", contradicts: false, decidedOn: "2025-03-10", outcomeThen: "no-go", contradictedThen: true });
  });

  it("a GO decided before the approving vote was cast (03-10, vote 03-11) contradicted the evidence then", () => {
    // The gate entity counts every vote on record, so it accepts this GO; on 03-10 there were 0 of 1 approvals.
    const g = goNoGoGate({ approvals: [{ personId: "p", vote: "approve", at: instant("2025-03-11T09:00:00Z") }], decision: decision("go", "2025-03-10T16:00:00Z") });
    const r = evaluateGate({ items: [doneItem("a")], gates: [g] }, "g", { asOf });
    expect(r.recorded).toEqual({ outcome: "go", contradicts: false, decidedOn: "2025-03-10", outcomeThen: "no-go", contradictedThen: true });
  });

  it("a GO decided before the waiver that closes the blocking item was granted contradicted the evidence then", () => {
    // Waiver granted 03-11, expiring 03-31: on 03-10 the item was open (NO-GO), on 03-15 waived (GO).
    const w = doneItem("w", { status: "waived", completedOn: undefined, waiver: { reason: "r", approvedBy: "p-cio", grantedAt: instant("2025-03-11T09:00:00Z"), expiresOn: isoDate("2025-03-31") } });
    const g = goNoGoGate({ decision: decision("go", "2025-03-10T16:00:00Z") });
    const r = evaluateGate({ items: [w], gates: [g] }, "g", { asOf });
    expect(r.outcome).toBe("go");
    expect(r.recorded).toMatchObject({ contradicts: false, outcomeThen: "no-go", contradictedThen: true });
  });

  it("a GO decided while a waiver held, the waiver expired since: contradicted now, not then", () => {
    // Waiver granted 03-08, expires 03-11: on 03-10 the item is waived (GO, 1 of 1 approvals from 03-01); on 03-15
    // the waiver has expired → NO-GO.
    const w = doneItem("w", { status: "waived", completedOn: undefined, waiver: { reason: "r", approvedBy: "p-cio", grantedAt: instant("2025-03-08T09:00:00Z"), expiresOn: isoDate("2025-03-11") } });
    const g = goNoGoGate({ decision: decision("go", "2025-03-10T16:00:00Z") });
    const r = evaluateGate({ items: [w], gates: [g] }, "g", { asOf });
    expect(r.outcome).toBe("no-go");
    expect(r.recorded).toEqual({ outcome: "go", contradicts: true, decidedOn: "2025-03-10", outcomeThen: "go", contradictedThen: false });
  });

  it("a NO-GO that was right on its day and is overtaken by later evidence: contradicts now, not then", () => {
    const g = goNoGoGate({ decision: decision("no-go", "2025-03-10T16:00:00Z") });
    const r = evaluateGate({ items: [doneItem("a", { completedOn: isoDate("2025-03-12") })], gates: [g] }, "g", { asOf });
    expect(r.recorded).toEqual({ outcome: "no-go", contradicts: true, decidedOn: "2025-03-10", outcomeThen: "no-go", contradictedThen: false });
  });

  it("supplied facts describe asOf: on an earlier decision day an evidence rule reads only metric evidence recorded by then", () => {
    // Rule kb ≥ 20. Facts today: 25 (GO now). Metric evidence: 12 recorded 03-09 → on 03-10 the rule fails → NO-GO then.
    const rule = { all: [{ fact: "kb", op: ">=" as const, threshold: decimal(20) }] };
    const kb = doneItem("kb", { status: "todo", completedOn: undefined, evidenceRule: rule, evidence: [{ type: "metric", reference: "kb", value: decimal(12), recordedBy: "p", recordedAt: instant("2025-03-09T12:00:00Z") }] });
    const g = goNoGoGate({ decision: decision("go", "2025-03-10T16:00:00Z") });
    const r = evaluateGate({ items: [kb], gates: [g] }, "g", { asOf, facts: { kb: 25 } });
    expect(r.outcome).toBe("go");
    expect(r.recorded).toMatchObject({ outcomeThen: "no-go", contradictedThen: true });
    // Decided on asOf itself: the supplied facts are that day's, outcomeThen is the outcome.
    const same = evaluateGate({ items: [kb], gates: [goNoGoGate({ decision: decision("go", "2025-03-15T08:00:00Z") })] }, "g", { asOf, facts: { kb: 25 } });
    expect(same.recorded).toEqual({ outcome: "go", contradicts: false, decidedOn: "2025-03-15", outcomeThen: "go", contradictedThen: false });
  });
});

describe("the rollout report section names a decision taken against the evidence of its day", () => {
  it("GO of 03-10 with its blocking item done only on 03-12: the gate paragraph says NO-GO then", async () => {
    const { rolloutSection } = await import("../../src/reports/index.js");
    const { readinessProgress } = await import("../../src/rollout/index.js");
    const items = [doneItem("a", { completedOn: isoDate("2025-03-12") })];
    const g = goNoGoGate({ approvals: [{ personId: "p", vote: "approve", at: instant("2025-03-10T09:00:00Z") }], decision: decision("go", "2025-03-10T16:00:00Z") });
    const gate = evaluateGate({ items, gates: [g] }, "g", { asOf });
    const s = rolloutSection({ name: "X", asOf, progress: readinessProgress(items, { asOf }), gate });
    const texts = (s.sections ?? []).flatMap((x) => x.blocks).flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(texts).toContain("Go/No-Go: GO at 2025-03-15 — approvals 1 of 1 required; recorded decision GO on 2025-03-10 (taken against the evidence of that day: NO-GO then).");
  });
});
