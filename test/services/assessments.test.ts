import { describe, expect, it } from "vitest";
import { createMemoryAdapter, createPmo, isoDate, OPEN_REQUEST_STATUSES, type ScoringModel } from "../../src/index.js";
import { NOW, seedOffice } from "./office.js";

// The report queries that run a calculator over stored records: the open intake scored with a model, and open
// rollouts judged at a date. Expected values come from the sample office (examples/data/README.md) and the
// worked example in docs/prioritization.md.

const onScale = (id: string, weight: number) =>
  ({ id, weight, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" }) as const;
const intake: ScoringModel = {
  kind: "weighted-sum",
  name: "Northwind intake 2027",
  criteria: [
    onScale("strategic-fit", 3), onScale("financial-value", 3), onScale("risk-reduction", 2), onScale("urgency", 2),
    { ...onScale("complexity", 1), direction: "cost" },
  ],
  gates: [{ kind: "mandatory" }],
  tieBreak: [{ criterionId: "urgency" }],
} as ScoringModel;

async function office() {
  const adapter = createMemoryAdapter();
  await seedOffice(adapter);
  return createPmo(adapter, { clock: () => NOW });
}

describe("scoredOpenRequests", () => {
  it("scores exactly the requests still in the pipeline, with breakdowns that add up", async () => {
    const pmo = await office();
    const { requests, scoreboard } = await pmo.scoredOpenRequests(intake, { asOf: "2026-11-20" });
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => (OPEN_REQUEST_STATUSES as readonly string[]).includes(r.status))).toBe(true);
    expect(scoreboard.entries.map((e) => e.requestId).sort()).toEqual(requests.map((r) => r.id).sort());
    expect(scoreboard.entries.map((e) => e.rank)).toEqual(requests.map((_, i) => i + 1));
    for (const e of scoreboard.entries) {
      if (e.score.value === undefined) continue;
      const sum = e.breakdown.reduce((s, c) => s.plus(c.contribution), e.score.value.minus(e.score.value));
      expect(sum.eq(e.score.value)).toBe(true);
    }
    // Converted and rejected requests (CRM, WMS, e-invoicing, data centre exit …) are not in the open intake.
    expect(scoreboard.entries.some((e) => e.requestId === "REQ-2026-001")).toBe(false);
  });
});

describe("rolloutReadiness", () => {
  it("judges the CRM rollout at the status date: readiness counts and both gates NO-GO with their blockers", async () => {
    const pmo = await office();
    const [crm, ...others] = await pmo.rolloutReadiness({ asOf: isoDate("2026-11-20") });
    expect(others).toHaveLength(0);
    expect(crm?.gateEvaluations.map((g) => g.outcome)).toEqual(crm?.gates.map(() => "no-go"));
    expect(crm?.gateEvaluations.every((g) => g.blockers.length > 0 || g.reasons.length > 0)).toBe(true);
    const total = Object.values(crm?.itemsByStatus ?? {}).reduce((a, b) => a + b, 0);
    expect(total).toBe(29);
    expect(crm?.readiness.overall).toBeDefined();
  });
});
