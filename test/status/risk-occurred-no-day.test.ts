import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, type Risk } from "../../src/index.js";
import { contingencyReserve, ragStatus } from "../../src/status/index.js";

// A risk with status `occurred` but no `occurredOn` (records made before the field existed, like the sample
// RSK-WMS-001) was taken as occurred on every day, so every earlier view dropped it: the reserve as of a day months
// before it occurred left out its EMV, the RAG count of high pending risks left it out. That made the log look better
// than the data shows, against the rule cancelled actions, withdrawn changes and superseded decisions follow: without
// its day it counts as occurred from the UTC day of its `updatedAt`; before that day it is pending, flagged.

const risk = (extra: Record<string, unknown> = {}) =>
  decodeEntity("risk", {
    id: "R-1", version: 2, createdAt: "2026-02-06T09:00:00.000Z", updatedAt: "2026-11-20T17:30:00.000Z", projectId: "P",
    title: "Vendor slips", probability: "0.8", impact: 4, costImpact: { amount: "10000.00", currency: "EUR" }, ownerId: "p-o",
    response: "mitigate", mitigation: "Second vendor", status: "occurred", raisedOn: "2026-02-06", assessments: [], ...extra, // assessments: nothing reassessed
  }) as Risk;
const why = "occurred with no day recorded, known only from 2026-11-20: unknown on 2026-06-30, counted as pending";

describe("an occurred risk without occurredOn, as of a day before its updatedAt day", () => {
  it("is in the reserve, flagged: 0.8 × 10,000.00 = 8,000.00 EUR (was 0.00, excluded as occurred)", () => {
    const r = contingencyReserve([risk()], { currency: "EUR", asOf: isoDate("2026-06-30") });
    expect([r.total.amount.toFixed(2), r.contributions.map((c) => c.riskId), r.excluded]).toEqual(["8000.00", ["R-1"], []]);
    expect(r.statusUnknown).toEqual([{ id: "R-1", why }]);
  });

  it("is occurred from its updatedAt day on, and without asOf (as recorded)", () => {
    for (const r of [contingencyReserve([risk()], { currency: "EUR", asOf: isoDate("2026-11-20") }), contingencyReserve([risk()], { currency: "EUR" })]) {
      expect([r.total.amount.toFixed(2), r.excluded, r.statusUnknown]).toEqual(["0.00", [{ riskId: "R-1", reason: "occurred" }], []]);
    }
  });

  it("with occurredOn the day decides and nothing is flagged", () => {
    const r = contingencyReserve([risk({ occurredOn: "2026-06-01" })], { currency: "EUR", asOf: isoDate("2026-06-30") });
    expect([r.total.amount.toFixed(2), r.excluded, r.statusUnknown]).toEqual(["0.00", [{ riskId: "R-1", reason: "occurred" }], []]);
  });

  it("counts as a high pending risk in the RAG figures (p 0.8 ≥ 0.7): 1, was 0", () => {
    const s = ragStatus({ id: "P", risks: [risk()] }, { asOf: isoDate("2026-06-30") });
    expect(s.derived["highRisksPending"]).toEqual({ value: "1", from: ["R-1"], statusUnknown: [{ id: "R-1", why }] });
  });
});
