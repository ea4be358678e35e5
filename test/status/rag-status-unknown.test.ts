import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, type Risk } from "../../src/index.js";
import { ragStatus } from "../../src/status/index.js";

// ragStatus counted an occurred risk without `occurredOn` as a high pending risk before its `updatedAt` day (the
// closing-day rule: occurred from 2026-11-20, unknown before), but `derived.highRisksPending` did not say so, while
// contingencyReserve listed the same risk with its why in `statusUnknown`. The count now carries the same flag.

const risk = (id: string, extra: Record<string, unknown> = {}) =>
  decodeEntity("risk", {
    id, version: 2, createdAt: "2026-02-06T09:00:00.000Z", updatedAt: "2026-11-20T17:30:00.000Z", projectId: "P",
    title: "Vendor slips", probability: "0.8", impact: 4, ownerId: "p-o", response: "mitigate", mitigation: "Second vendor",
    status: "occurred", raisedOn: "2026-02-06", assessments: [], ...extra, // assessments: nothing reassessed
  }) as Risk;
const why = "occurred with no day recorded, known only from 2026-11-20: unknown on 2026-06-30, counted as pending";

describe("ragStatus: a high risk counted pending only because its occurrence day is unknown", () => {
  it("is flagged in derived.highRisksPending.statusUnknown with the closing-day rule's why", () => {
    const risks = [risk("R-1"), risk("R-2", { status: "open" }), risk("R-3", { occurredOn: "2026-07-01" })];
    const s = ragStatus({ id: "P", risks }, { asOf: isoDate("2026-06-30") });
    // R-1 unknown (counted), R-2 open, R-3 occurred only on 07-01 (known, counted, not flagged): 3 pending, 1 flagged.
    expect(s.derived["highRisksPending"]).toEqual({ value: "3", from: ["R-1", "R-2", "R-3"], statusUnknown: [{ id: "R-1", why }] });
  });

  it("from its updatedAt day on it is occurred, not counted and not flagged", () => {
    const s = ragStatus({ id: "P", risks: [risk("R-1")] }, { asOf: isoDate("2026-11-20") });
    expect(s.derived["highRisksPending"]).toEqual({ value: "0", from: [] });
  });

  it("a low risk with the same unknown is not counted, so not flagged", () => {
    const s = ragStatus({ id: "P", risks: [risk("R-1", { probability: "0.2" })] }, { asOf: isoDate("2026-06-30") });
    expect(s.derived["highRisksPending"]).toEqual({ value: "0", from: [] });
  });
});
