import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, instant, isoDate, type ChecklistItem, type Gate } from "../../src/index.js";
import { evaluateGate, readinessProgress } from "../../src/rollout/index.js";

// Property: what happens after asOf never changes a view as of asOf. From a random plan judged on 2025-03-10, the
// "future" copy adds only events dated after that day — completions, waivers, skips and not-applicable findings, metric
// evidence, votes, a decision — and evaluateGate and readinessProgress must answer exactly the same; and the answer
// must not depend on item order.
const asOf = isoDate("2025-03-10");
const at = instant("2025-03-01T08:00:00Z");
const later = (d: number) => instant(`2025-03-${String(11 + d).padStart(2, "0")}T0${d}:00:00Z`);
const rule = { all: [{ fact: "kb.published", op: ">=" as const, threshold: decimal(20) }] };

const itemArb = fc.record({
  blocking: fc.boolean(),
  status: fc.constantFrom("todo", "in-progress", "done", "not-applicable"),
  withRule: fc.boolean(),
  past: fc.integer({ min: 0, max: 30 }),
  future: fc.constantFrom("none", "done", "waived", "metric", "skipped", "not-applicable", "not-applicable-undated"),
});

function build(specs: readonly fc.Arbitrary<never>[] | readonly { blocking: boolean; status: string; withRule: boolean; past: number; future: string }[], withFuture: boolean): ChecklistItem[] {
  return (specs as { blocking: boolean; status: string; withRule: boolean; past: number; future: string }[]).map((s, i) => {
    const base: Record<string, unknown> = {
      id: `i${i}`, version: 1, createdAt: at, updatedAt: at, rolloutPlanId: "rp", code: `I-${i}`, title: `i${i}`, phase: "prepare", category: "testing",
      raci: [], anchor: "go-live", tMinusDays: 5, dependsOn: [], blocking: s.blocking, gateIds: [], status: s.status, evidence: [],
      ...(s.status === "done" ? { completedOn: isoDate("2025-03-05") } : {}),
      ...(s.status === "not-applicable" ? { statusReason: "n/a" } : {}),
      ...(s.withRule ? { evidenceRule: rule, evidence: [{ type: "metric", reference: "kb.published", value: decimal(s.past), recordedBy: "p", recordedAt: at }] } : {}),
    };
    if (withFuture && (s.status === "todo" || s.status === "in-progress")) {
      if (s.future === "done") Object.assign(base, { status: "done", completedOn: isoDate("2025-03-12") });
      if (s.future === "waived") Object.assign(base, { status: "waived", waiver: { approvedBy: "p", reason: "r", grantedAt: later(1), expiresOn: isoDate("2025-04-30") } });
      // Skipped or found not applicable after asOf, with its day — or, like a record made before the day existed,
      // without it (then its last change, after asOf, is all the record tells).
      if (s.future === "skipped") Object.assign(base, { status: "skipped", statusReason: "r", skippedOn: isoDate("2025-03-12"), updatedAt: later(5) });
      if (s.future === "not-applicable") Object.assign(base, { status: "not-applicable", statusReason: "r", notApplicableOn: isoDate("2025-03-12"), updatedAt: later(5) });
      if (s.future === "not-applicable-undated") Object.assign(base, { status: "not-applicable", statusReason: "r", updatedAt: later(5) });
    }
    if (withFuture && s.withRule && s.future === "metric") {
      base["evidence"] = [...(base["evidence"] as unknown[]), { type: "metric", reference: "kb.published", value: decimal(99), recordedBy: "p", recordedAt: later(2) }];
    }
    return base as unknown as ChecklistItem;
  });
}

function gate(votes: readonly (boolean | null)[], withFuture: boolean): Gate {
  const approvers = votes.map((_, i) => ({ personId: `p${i}` }));
  const cast = votes.flatMap((v, i) => (v === null ? [] : [{ personId: `p${i}`, vote: v ? ("approve" as const) : ("reject" as const), at }]));
  const future = withFuture ? votes.flatMap((v, i) => (v === null ? [{ personId: `p${i}`, vote: "approve" as const, at: later(3) }] : [])) : [];
  return {
    id: "g", version: 1, createdAt: at, updatedAt: at, rolloutPlanId: "rp", name: "G", type: "go-no-go", scope: { phases: ["prepare"] },
    approvers, minApprovals: 1, approvals: [...cast, ...future],
    ...(withFuture ? { decision: { outcome: "go", decidedAt: later(4), decidedBy: "p0", conditions: [] } } : {}),
  } as unknown as Gate;
}

describe("as-of views ignore what happens after asOf (property)", () => {
  it("evaluateGate and readinessProgress are unchanged by later events and by item order", () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 8 }), fc.array(fc.constantFrom(true, false, null), { minLength: 1, maxLength: 4 }), (specs, votes) => {
        const now = evaluateGate({ items: build(specs, false), gates: [gate(votes, false)] }, "g", { asOf });
        const withLater = evaluateGate({ items: build(specs, true), gates: [gate(votes, true)] }, "g", { asOf });
        const pick = (r: typeof now) => ({ outcome: r.outcome, blockers: r.blockers.map((b) => b.id), advisory: r.openAdvisory.map((b) => b.id), approving: r.approvals.approving, rejecting: r.approvals.rejecting, recorded: r.recorded });
        expect(pick(withLater)).toEqual(pick(now));
        const reversed = evaluateGate({ items: build(specs, true).reverse(), gates: [gate(votes, true)] }, "g", { asOf });
        expect(reversed.outcome).toBe(now.outcome);
        expect(reversed.blockers.map((b) => b.id).sort()).toEqual(now.blockers.map((b) => b.id).sort());
        const p0 = readinessProgress(build(specs, false), { asOf }).overall;
        const p1 = readinessProgress(build(specs, true), { asOf }).overall;
        expect([p1.done, p1.waived, p1.applicable, p1.percent.value?.toFixed() ?? p1.percent.reason]).toEqual([p0.done, p0.waived, p0.applicable, p0.percent.value?.toFixed() ?? p0.percent.reason]);
      }),
      { seed: 20261205, numRuns: 200 },
    );
  });
});

describe("an item proven by its evidence, waived only later", () => {
  it("KB ≥ 20 proven by 20 articles on 03-01, waived on 03-12: as of 03-10 it is closed and done (was open; a GO turned CONDITIONAL)", () => {
    // Shrunk counterexample of the property above. On 03-10 the waiver did not exist yet; the item stood on its rule,
    // which held (20 ≥ 20). Judged with the later waiver it read "waiver granted only on 2025-03-12" → open.
    const [kb] = build([{ blocking: false, status: "todo", withRule: true, past: 20, future: "waived" }], true);
    const r = evaluateGate({ items: [kb!], gates: [gate([true], false)] }, "g", { asOf });
    expect([r.outcome, r.scope[0]!.state, r.scope[0]!.done]).toEqual(["go", "closed", true]);
    expect(readinessProgress([kb!], { asOf }).overall).toMatchObject({ done: 1, waived: 0, applicable: 1 });
  });
});
