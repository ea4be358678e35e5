import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, decimal, decodeEntity, isoDate, money, ValidationError, type Action, type ChangeRequest, type Decision, type Issue, type Risk } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import {
  changeRequestImpact,
  contingencyReserve,
  DEFAULT_RISK_MATRIX,
  expectedMonetaryValue,
  issueAgeing,
  overdueActions,
  pendingDecisions,
  riskScore,
} from "../../src/status/index.js";

const o = loadSampleOffice();
const risks = o.risk.map((x) => decodeEntity("risk", x)) as Risk[];
const issues = o.issue.map((x) => decodeEntity("issue", x)) as Issue[];
const asOf = isoDate("2026-11-20");
const risk = (id: string) => risks.find((r) => r.id === id)!;

describe("risk matrix, EMV and contingency reserve", () => {
  it("scores probability band × impact on the default 5 × 5 matrix", () => {
    // RSK-CRM-001: p 0.5 → band 3 (≤ 0.5), × impact 4 = 12 → medium (6 ≤ 12 < 15)
    expect(riskScore(risk("RSK-CRM-001"))).toMatchObject({ probabilityBand: 3, score: 12, rating: "medium" });
    // RSK-WMS-001: p 0.6 → band 4, × 4 = 16 → high
    expect(riskScore(risk("RSK-WMS-001")).explanation).toBe("p 0.6 → band 4; 4 × impact 4 = 16 ≥ 15 → high");
    // Band edges: 0.1 is band 1, 0.1000001 band 2
    expect(riskScore({ id: "x", probability: decimal("0.1"), impact: 5 }).score).toBe(5);
    expect(riskScore({ id: "x", probability: decimal("0.1000001"), impact: 5 })).toMatchObject({ score: 10, rating: "medium" });
    expect(() => riskScore(risk("RSK-CRM-001"), { ...DEFAULT_RISK_MATRIX, probabilityBands: ["0.5", "0.3", "1"] })).toThrow(ValidationError);
  });

  it("EMV = probability × cost impact; no cost impact is a typed reason", () => {
    expect(expectedMonetaryValue(risk("RSK-CRM-001")).value).toEqual(money("22500.00", "EUR")); // 0.5 × 45,000
    expect(expectedMonetaryValue(risk("RSK-CRM-002"))).toEqual({ reason: "no-cost-impact" });
  });

  it("contingency reserve = Σ EMV of pending risks (WMS: 0.3 × 80,000 + 0.35 × 28,000 = 33,800)", () => {
    const wms = contingencyReserve(risks.filter((r) => r.projectId === "PRJ-WMS"), { currency: "EUR" });
    expect(wms.total.amount.toFixed(2)).toBe("33800.00");
    expect(wms.excluded).toEqual([{ riskId: "RSK-WMS-001", reason: "occurred" }]);
    // An opportunity reduces it: EINV 0.3 × 15,000 + 0.6 × (−18,000) = 4,500 − 10,800 = −6,300
    expect(contingencyReserve(risks.filter((r) => r.projectId === "PRJ-EINV"), { currency: "EUR" }).total.amount.toFixed(2)).toBe("-6300.00");
    expect(() => contingencyReserve(risks, { currency: "USD" })).toThrow(CurrencyMismatchError);
  });
});

describe("issues, actions, decisions, change requests", () => {
  it("issue ageing and overdue as of 2026-11-20", () => {
    const a = issueAgeing(issues, { asOf });
    // ISS-WMS-002 raised 09-25: 5 + 31 + 20 = 56 days; due 11-13 → 7 days overdue.
    expect(a.overdue).toEqual([{ issueId: "ISS-WMS-002", severity: "critical", open: true, ageDays: 56, overdue: true, daysOverdue: 7 }]);
    expect(a.issues.find((i) => i.issueId === "ISS-CRM-002")).toMatchObject({ open: false, ageDays: 3 }); // 09-14 → 09-17
    // Open: CRM-001 (28), DCX-001 (35), WMS-001 (98), WMS-002 (56) → 217 ÷ 4 = 54.25
    expect(a.averageOpenAgeDays.value!.toFixed()).toBe("54.25");
    expect(issueAgeing(issues, { asOf: isoDate("2026-01-01") }).averageOpenAgeDays).toEqual({ reason: "no-data" });
  });

  it("overdue actions and pending decisions", () => {
    const actions = o.action.map((x) => decodeEntity("action", x)) as Action[];
    expect(overdueActions(actions, { asOf })).toEqual([{ actionId: "ACT-WMS-002", ownerId: actions.find((a) => a.id === "ACT-WMS-002")!.ownerId, dueDate: "2026-11-13", daysOverdue: 7, statusUnknown: false, why: "open" }]);
    const decisions = o.decision.map((x) => decodeEntity("decision", x)) as Decision[];
    expect(pendingDecisions(decisions).map((d) => d.id)).toEqual(["DEC-DCX-001"]);
  });

  it("change request impact: approved, pending and rejected apart", () => {
    const crs = o["change-request"].map((x) => decodeEntity("change-request", x)) as ChangeRequest[];
    const r = changeRequestImpact(crs, { currency: "EUR" });
    expect(r.approved).toEqual({ changeRequestIds: ["CR-CRM-001"], cost: money("84000.00", "EUR"), scheduleDays: 28, statusUnknown: [] });
    expect(r.pending).toMatchObject({ changeRequestIds: ["CR-WMS-001"], scheduleDays: 62 });
    expect(r.pending.cost.amount.toFixed(2)).toBe("262000.00");
    expect(r.rejected.changeRequestIds).toEqual(["CR-EINV-001"]);
  });
});
