import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, type Risk } from "../../src/index.js";
import { DEFAULT_RAG_RULES, contingencyReserve, ragStatus } from "../../src/status/index.js";

// RSK-R: raised 01-01, closed 01-02, reopened 03-04, then occurred (no occurredOn recorded), last changed 03-06;
// p 0.5 × 1,000.00 EUR.
const r = decodeEntity("risk", {
  id: "RSK-R", version: 4, createdAt: "2026-01-01T09:00:00.000Z", updatedAt: "2026-03-06T09:00:00.000Z", projectId: "P", title: "t",
  ownerId: "o", response: "mitigate", mitigation: "m", status: "occurred", raisedOn: "2026-01-01", probability: "0.5", impact: 3,
  costImpact: { amount: "1000.00", currency: "EUR" }, closings: [{ closedOn: "2026-01-02", reopenedOn: "2026-03-04" }],
}) as Risk;

describe("contingencyReserve: a risk in an earlier closing on asOf is not of unknown status", () => {
  it("as of 01-10 RSK-R was closed (01-02, reopened only 03-04): excluded as closed, statusUnknown empty (was flagged 'counted as pending' while left out)", () => {
    const x = contingencyReserve([r], { currency: "EUR", asOf: isoDate("2026-01-10") });
    expect([x.total.amount.toFixed(2), x.excluded, x.statusUnknown]).toEqual(["0.00", [{ riskId: "RSK-R", reason: "closed" }], []]);
    // ragStatus agrees: not pending, nothing unknown.
    const rag = ragStatus({ id: "P", risks: [r] }, { asOf: isoDate("2026-01-10"), rules: DEFAULT_RAG_RULES.filter((k) => k.id === "risks-high"), highRiskProbability: "0" });
    expect(rag.derived["highRisksPending"]).toEqual({ value: "0", from: [] });
  });

  it("as of 03-05 (reopened, occurrence day unknown, before the 03-06 change): pending 500.00 EUR and flagged, as before", () => {
    const x = contingencyReserve([r], { currency: "EUR", asOf: isoDate("2026-03-05") });
    expect([x.total.amount.toFixed(2), x.statusUnknown.map((s) => s.id)]).toEqual(["500.00", ["RSK-R"]]);
  });
});
