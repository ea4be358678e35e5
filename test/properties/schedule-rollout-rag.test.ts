import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, instant, isoDate, metric, missing, type ChecklistItem, type Gate } from "../../src/index.js";
import { evaluateGate, readinessProgress } from "../../src/rollout/index.js";
import { analyseScheduleRisk, scheduleNetwork, type ScheduleInput } from "../../src/schedule/index.js";
import { ragStatus } from "../../src/status/index.js";
import { expectClean } from "./walk.js";

/* Schedules with zero-duration activities, Monte Carlo with constant durations, readiness with nothing applicable,
   RAG with every figure missing: figures or reasons, and every colour with the rule that gave it. */

const network = fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({
  durations: fc.array(fc.constantFrom(0, 0, 1, 3, 0.5), { minLength: n, maxLength: n }),
  links: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: n })), { maxLength: 6 }),
})).map(({ durations, links }): ScheduleInput => {
  const seen = new Set<string>();
  const kept = links.filter(([a, g]) => a + g < durations.length && !seen.has(`${a}-${a + g}`) && seen.add(`${a}-${a + g}`));
  return { projectStart: "2027-01-06", activities: durations.map((d, i) => ({ id: `A${i}`, duration: d })), links: kept.map(([a, g]) => ({ from: `A${a}`, to: `A${a + g}`, type: "FS" as const })) };
});

describe("schedule: CPM and Monte Carlo", () => {
  it("zero-duration activities and milestones only", () => {
    fc.assert(fc.property(network, (input) => expectClean(scheduleNetwork(input))), { seed: 9, numRuns: 150 });
  });

  it("constant and zero durations in the risk model: sensitivity is a reason, not NaN", () => {
    fc.assert(fc.property(network, fc.boolean(), (input, constant) => {
      // Activities left out of `durations` never vary (constant-duration); with `constant` none varies at all.
      const durations = constant ? [] : input.activities.filter((a) => Number(a.duration) > 0).map((a) => {
        const d = Number(a.duration);
        return { activityId: a.id, distribution: { kind: "triangular" as const, min: d, mostLikely: d, max: d * 2 } };
      });
      expectClean(analyseScheduleRisk({ network: input, durations }, { iterations: 50, seed: 1 }));
    }), { seed: 9, numRuns: 40 });
  });
});

const at = instant("2025-03-01T09:00:00Z");
const STATUSES = ["todo", "in-progress", "blocked", "done", "skipped", "waived", "not-applicable"] as const;
const item = (id: string, status: (typeof STATUSES)[number]): ChecklistItem => ({
  id, version: 1, createdAt: at, updatedAt: at, rolloutPlanId: "rp-x", code: id.toUpperCase(), title: id, phase: "prepare",
  category: "help-desk", raci: [], anchor: "go-live", tMinusDays: 5, dependsOn: [], blocking: true, gateIds: [], evidence: [],
  // A done item carries its completion day, a waived one its waiver and a skipped or not-applicable one its reason, as
  // the entity schema (and the field check) ask.
  status, ...(status === "done" ? { completedOn: isoDate("2025-03-05") } : {}),
  ...(status === "skipped" || status === "not-applicable" ? { statusReason: "because" } : {}),
  ...(status === "waived" ? { waiver: { reason: "accepted risk", approvedBy: "p", grantedAt: "2025-03-01T09:00:00.000Z", expiresOn: "2025-03-31" } } : {}),
} as unknown as ChecklistItem);
const gate = { id: "g", version: 1, createdAt: at, updatedAt: at, rolloutPlanId: "rp-x", name: "Go/No-Go", type: "go-no-go", scope: { phases: ["prepare"] }, approvers: [{ personId: "p" }], minApprovals: 1, approvals: [] } as unknown as Gate;

describe("rollout readiness", () => {
  it("nothing applicable, all done, all waived: a percentage or no-applicable-items", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...STATUSES), { maxLength: 4 }), (ss) => {
      const items = ss.map((s, i) => item(`i${i}`, s));
      const asOf = isoDate("2025-03-10");
      expectClean(readinessProgress(items, { asOf }));
      const g = evaluateGate({ items, gates: [gate] }, "g", { asOf });
      expectClean(g);
    }), { seed: 9, numRuns: 80 });
  });
});

describe("RAG: every colour carries its rule", () => {
  it("figures at the thresholds, zero and missing", () => {
    const fig = fc.oneof(fc.constantFrom("0", "0.85", "0.95", "1", "2").map((x) => metric(decimal(x))), fc.constant(missing("ac-is-zero")));
    fc.assert(fc.property(fig, fig, (spi, cpi) => {
      const s = ragStatus({ id: "P", milestones: [], risks: [], issues: [] }, { asOf: isoDate("2026-11-20"), figures: { spi, cpi } });
      expectClean(s);
      for (const d of s.dimensions) {
        expect(d.comment.length).toBeGreaterThan(0);
        if (d.colour !== undefined) expect(d.decidedBy.length).toBeGreaterThan(0);
      }
      if (s.overall.colour !== undefined) expect(s.overall.worstDimensions.length).toBeGreaterThan(0);
    }), { seed: 9, numRuns: 60 });
  });
});

describe("Monte Carlo: worked edge case", () => {
  it("cruciality of an activity that is never critical is plain 0 (r × 0 ÷ N), not −0", () => {
    // The counterexample the property found: A1 (1 → 1–2 days) and A2 (0.5 → 0.5–1 days) in parallel with three
    // milestones. A2 is never longer than A1, so never critical; its sampled durations happen to correlate
    // negatively with the project's, and r × 0 ÷ 50 was −0.
    const input: ScheduleInput = { projectStart: "2027-01-06", activities: [{ id: "A0", duration: 0 }, { id: "A1", duration: 1 }, { id: "A2", duration: 0.5 }, { id: "A3", duration: 0 }, { id: "A4", duration: 0 }], links: [] };
    const r = analyseScheduleRisk({ network: input, durations: [
      { activityId: "A1", distribution: { kind: "triangular", min: 1, mostLikely: 1, max: 2 } },
      { activityId: "A2", distribution: { kind: "triangular", min: 0.5, mostLikely: 0.5, max: 1 } },
    ] }, { iterations: 50, seed: 1 });
    const a2 = r.activities.find((a) => a.id === "A2")!;
    expect(a2.criticalityIndex.toFixed()).toBe("0");
    expect(a2.durationCorrelation.value!.isNeg()).toBe(true);
    expect(a2.cruciality.value!.isZero() && !a2.cruciality.value!.isNeg()).toBe(true);
  });
});
