import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instant, isoDate, type ChecklistItem, type Gate, type IsoDate } from "../../src/index.js";
import { evaluateGate, readinessProgress } from "../../src/rollout/index.js";
import { doneItem, goNoGoGate } from "./helpers.js";

// gates21 audit: evaluateGate against the reference's gate rule written out independently (rollout-status-kpi.md §1,
// "Gate rule (default)"): GO when every blocking item in scope is done, not applicable (with its reason) or waived
// (approved and not expired), and minApprovals is met; CONDITIONAL GO when only advisory items are open; else NO-GO.
// With pmokit's stated conventions on top: judged as of a day (a status, vote or waiver dated after asOf has not
// happened), a skipped blocking item holds the gate, a scope with nothing applicable is NO-GO, and a reject from an
// approver with a veto is NO-GO. Readiness = done ÷ (total − skipped − not applicable), waived in the denominator.

const DAYS = ["2025-03-05", "2025-03-08", "2025-03-10", "2025-03-12", "2025-03-15"] as const;
const day = (i: number) => isoDate(DAYS[i]!);
const at = (i: number, h: number) => instant(`${DAYS[i]}T${String(h).padStart(2, "0")}:00:00Z`);

type Spec = {
  blocking: boolean;
  status: "todo" | "in-progress" | "blocked" | "done" | "skipped" | "not-applicable" | "waived";
  on: number; // the day of the status (completedOn, skippedOn, notApplicableOn, waiver grantedAt)
  expires: number; // waiver expiresOn (from its grant day on)
};

function item(s: Spec, i: number): ChecklistItem {
  const base = { blocking: s.blocking, completedOn: undefined, status: s.status } as Partial<ChecklistItem>;
  // Recorded on the last day, so a status day is always known.
  const rec = { updatedAt: at(4, 20) };
  if (s.status === "done") return doneItem(`i${i}`, { ...base, ...rec, completedOn: day(s.on) });
  if (s.status === "skipped") return doneItem(`i${i}`, { ...base, ...rec, statusReason: "r", skippedOn: day(s.on) });
  if (s.status === "not-applicable") return doneItem(`i${i}`, { ...base, ...rec, statusReason: "r", notApplicableOn: day(s.on) });
  if (s.status === "blocked") return doneItem(`i${i}`, { ...base, ...rec, statusReason: "r" });
  if (s.status === "waived") {
    const expiresOn = day(Math.max(s.on, s.expires));
    return doneItem(`i${i}`, { ...base, ...rec, waiver: { reason: "r", approvedBy: "p-w", grantedAt: at(s.on, 9), expiresOn } });
  }
  return doneItem(`i${i}`, { ...base, ...rec });
}

const arbSpec: fc.Arbitrary<Spec> = fc.record({
  blocking: fc.boolean(),
  // Weighted towards closed items, so that a single item (a waiver expiring on asOf) often decides the outcome.
  status: fc.constantFrom<Spec["status"][]>("done", "done", "done", "waived", "waived", "not-applicable", "todo", "in-progress", "blocked", "skipped"),
  on: fc.integer({ min: 0, max: 4 }),
  expires: fc.integer({ min: 0, max: 4 }),
});
const arbVote = fc.record({ vote: fc.constantFrom("approve", "approve", "approve", "reject", "abstain", "none"), on: fc.integer({ min: 0, max: 4 }), veto: fc.constantFrom(false, false, true) });

function oracle(specs: readonly Spec[], votes: readonly { vote: string; on: number; veto: boolean }[], min: number, asOf: number) {
  // Each item's state on asOf.
  const state = specs.map((s) => {
    const happened = s.on <= asOf;
    if (s.status === "done") return happened ? "done" : "open";
    if (s.status === "not-applicable") return happened ? "na" : "open";
    if (s.status === "skipped") return happened ? "skipped" : "open";
    if (s.status === "waived") return happened && asOf <= Math.max(s.on, s.expires) ? "waived" : "open";
    return "open";
  });
  const cast = votes.filter((v) => v.vote !== "none" && v.on <= asOf);
  const approving = cast.filter((v) => v.vote === "approve").length;
  const vetoed = cast.some((v) => v.vote === "reject" && v.veto);
  const applicable = state.filter((x) => x !== "na" && x !== "skipped").length;
  const blockingHeld = specs.some((s, i) => s.blocking && (state[i] === "open" || state[i] === "skipped"));
  const advisoryOpen = specs.some((s, i) => !s.blocking && state[i] === "open");
  const outcome = vetoed || applicable === 0 || blockingHeld || approving < min ? "no-go" : advisoryOpen ? "conditional-go" : "go";
  const done = state.filter((x) => x === "done").length;
  return { outcome, done, applicable };
}

describe("evaluateGate against the reference gate rule (property, fixed seed)", () => {
  it("outcome and readiness match the rule written out, for any mix of statuses, days, waivers and votes", () => {
    fc.assert(
      fc.property(
        fc.array(arbSpec, { maxLength: 6 }),
        fc.array(arbVote, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 4 }),
        (specs, votes, minWanted, asOfIndex) => {
          const min = Math.min(minWanted, votes.length);
          const items = specs.map(item);
          const gate: Gate = goNoGoGate({
            approvers: votes.map((v, i) => ({ personId: `p${i}`, ...(v.veto ? { veto: true } : {}) })),
            minApprovals: min,
            approvals: votes.flatMap((v, i) => (v.vote === "none" ? [] : [{ personId: `p${i}`, vote: v.vote as "approve", at: at(v.on, 12) }])),
          });
          const asOf: IsoDate = day(asOfIndex);
          const want = oracle(specs, votes, min, asOfIndex);
          const got = evaluateGate({ items, gates: [gate] }, "g", { asOf });
          expect(got.outcome).toBe(want.outcome);
          expect([got.readiness.done, got.readiness.applicable]).toEqual([want.done, want.applicable]);
          const r = readinessProgress(items, { asOf }).overall;
          expect([r.done, r.applicable]).toEqual([want.done, want.applicable]);
          if (want.applicable === 0) expect(r.percent.reason).toBe("no-applicable-items");
        },
      ),
      { seed: 2121, numRuns: 600 },
    );
  });
});
