import { describe, expect, it } from "vitest";
import { eur, risk } from "./risks.js";
import { createMemoryAdapter, isoDate, isPmoError, type Risk } from "../../src/index.js";
import { DEFAULT_RAG_RULES, contingencyReserve, ragStatus } from "../../src/status/index.js";
import { createPmo } from "../../src/services/index.js";
import { seedOffice } from "../services/office.js";

// Risk exposure as of an earlier day used the current probability, impact and cost impact, not those in force then.
// A risk now keeps its earlier assessments (`assessments`, oldest first, each with the day it was replaced,
// `reassessedOn`); as-of views read the one in force. A risk without that history judged before its last change uses
// its current values and says so (`currentAssessmentUsed`), never silently.


// A: p 0.2, impact 2, 10,000.00 EUR until 03-01; since then p 0.8, impact 5, 50,000.00 EUR.
const a = risk("RSK-A", {
  probability: "0.8", impact: 5, costImpact: eur("50000.00"),
  assessments: [{ probability: "0.2", impact: 2, costImpact: eur("10000.00"), reassessedOn: "2026-03-01" }],
});
// B: no assessment history, p 0.5, impact 3, 20,000.00 EUR, last changed 03-05.
const b = risk("RSK-B", { probability: "0.5", impact: 3, costImpact: eur("20000.00") });
// C: history kept, never reassessed (empty): its current values were in force since raising.
const c = risk("RSK-C", { probability: "0.1", impact: 1, costImpact: eur("1000.00"), assessments: [] });
const reserve = (day: string, risks = [a]) => contingencyReserve(risks, { currency: "EUR", asOf: isoDate(day) });
// The closing-day rule's words: no assessment day recorded, the current one known only from the last change (03-05).
const why = "assessment with no day recorded, known only from 2026-03-05: unknown on 2026-02-15, counted as current";

describe("contingencyReserve as of a day reads the assessment in force then", () => {
  it("before the reassessment: 0.2 × 10,000.00 = 2,000.00 EUR (was 0.8 × 50,000.00 = 40,000.00)", () => {
    const x = reserve("2026-02-15");
    expect(x.total.amount.toFixed(2)).toBe("2000.00");
    expect(x.contributions.map((k) => [k.probability.toFixed(), k.costImpact.amount.toFixed(2), k.emv.amount.toFixed(2)])).toEqual([["0.2", "10000.00", "2000.00"]]);
    expect(x.currentAssessmentUsed).toEqual([]);
  });

  it("on and after the reassessment day: 0.8 × 50,000.00 = 40,000.00 EUR", () => {
    expect(reserve("2026-03-01").total.amount.toFixed(2)).toBe("40000.00");
    expect(contingencyReserve([a], { currency: "EUR" }).total.amount.toFixed(2)).toBe("40000.00");
  });

  it("an assessment without a cost impact then: excluded as no-cost-impact, the reserve partial", () => {
    const unpriced = risk("RSK-U", { probability: "0.8", impact: 5, costImpact: eur("50000.00"), assessments: [{ probability: "0.3", impact: 2, reassessedOn: "2026-03-01" }] });
    const x = reserve("2026-02-15", [unpriced]);
    expect([x.total.amount.toFixed(2), x.excluded, x.partial]).toEqual(["0.00", [{ riskId: "RSK-U", reason: "no-cost-impact" }], true]);
  });

  it("without history, before its last change: current values (0.5 × 20,000.00 = 10,000.00), said so; from that day, nothing to say", () => {
    const x = reserve("2026-02-15", [b, c]);
    // B 10,000.00 + C 0.1 × 1,000.00 = 100.00 → 10,100.00 EUR.
    expect(x.total.amount.toFixed(2)).toBe("10100.00");
    expect(x.currentAssessmentUsed).toEqual([{ id: "RSK-B", why }]);
    expect(reserve("2026-03-05", [b, c]).currentAssessmentUsed).toEqual([]);
  });
});

describe("ragStatus counts a risk high by the assessment in force on asOf", () => {
  const rules = DEFAULT_RAG_RULES.filter((r) => r.id === "risks-high");
  it("probability convention: A (0.2 then) not high on 02-15 (was: high, 0.8 ≥ 0.7), high on 03-01", () => {
    expect(ragStatus({ id: "P", risks: [a] }, { asOf: isoDate("2026-02-15"), rules }).derived["highRisksPending"]).toEqual({ value: "0", from: [] });
    expect(ragStatus({ id: "P", risks: [a] }, { asOf: isoDate("2026-03-01"), rules }).derived["highRisksPending"]).toEqual({ value: "1", from: ["RSK-A"] });
  });

  it("score convention: A band 2 × impact 2 = 4 (low) on 02-15, band 5 × 5 = 25 (high) on 03-01", () => {
    const on = (day: string) => ragStatus({ id: "P", risks: [a] }, { asOf: isoDate(day), rules, highRisk: "score" }).derived["highRisksPending"]?.from;
    expect([on("2026-02-15"), on("2026-03-01")]).toEqual([[], ["RSK-A"]]);
  });

  it("a risk judged on current values (no history, changed after asOf) is listed in currentAssessmentUsed", () => {
    const hi = risk("RSK-H", { probability: "0.9", impact: 4 });
    const d = ragStatus({ id: "P", risks: [hi, c] }, { asOf: isoDate("2026-02-15"), rules }).derived["highRisksPending"];
    expect(d).toEqual({ value: "1", from: ["RSK-H"], currentAssessmentUsed: [{ id: "RSK-H", why }] });
  });
});

describe("the assessment history on the record", () => {
  const refused = (extra: Record<string, unknown>, path: (string | number)[]) => {
    let e: unknown;
    try {
      risk("RSK-X", { probability: "0.5", impact: 3, costImpact: eur("1.00"), ...extra });
    } catch (x) {
      e = x;
    }
    expect(isPmoError(e, "validation")).toBe(true);
    expect((e as { issues: { path: unknown }[] }).issues.map((x) => x.path)).toContainEqual(path);
  };
  it("reassessments in day order, not before raising; its cost impact in the risk's currency", () => {
    refused({ assessments: [{ probability: "0.1", impact: 1, reassessedOn: "2026-01-09" }] }, ["assessments", 0, "reassessedOn"]);
    refused({ assessments: [{ probability: "0.1", impact: 1, reassessedOn: "2026-02-01" }, { probability: "0.2", impact: 1, reassessedOn: "2026-01-20" }] }, ["assessments", 1, "reassessedOn"]);
    refused({ assessments: [{ probability: "0.1", impact: 1, costImpact: { amount: "1.00", currency: "USD" }, reassessedOn: "2026-02-01" }] }, ["assessments", 0, "costImpact", "currency"]);
    refused({ assessments: [{ probability: "1.5", impact: 1, reassessedOn: "2026-02-01" }] }, ["assessments", 0, "probability"]);
  });
});

describe("pmo keeps a risk's assessment history", () => {
  it("raiseRisk starts it empty; a change of probability, impact or cost impact adds the assessment it replaces", async () => {
    const adapter = createMemoryAdapter();
    await seedOffice(adapter, ["person", "project", "programme"]);
    const pmo = createPmo(adapter, { clock: () => "2026-11-20T09:00:00.000Z" });
    const r = await pmo.raiseRisk("p-david-mensah", {
      projectId: "PRJ-CRM", title: "Vendor insolvency", probability: "0.2", impact: 4, costImpact: eur("30000.00"), ownerId: "p-david-mensah", response: "mitigate", mitigation: "Escrow", raisedOn: "2026-11-02",
    } as never);
    expect(r.assessments).toEqual([]);
    const same = (await pmo.update("p-david-mensah", "risk", r.id, r.version, { mitigation: "Escrow and a second vendor" })) as Risk;
    expect(same.assessments).toEqual([]); // nothing reassessed
    const up = (await pmo.update("p-david-mensah", "risk", r.id, same.version, { probability: "0.6" })) as Risk;
    expect(up.assessments?.map((x) => [x.probability.toFixed(), x.impact, x.costImpact?.amount.toFixed(2), x.reassessedOn])).toEqual([["0.2", 4, "30000.00", "2026-11-20"]]);
    // As of 11-10 the reserve holds 0.2 × 30,000.00 = 6,000.00 EUR (was 0.6 × 30,000.00 = 18,000.00), nothing assumed.
    const x = contingencyReserve([up], { currency: "EUR", asOf: isoDate("2026-11-10") });
    expect([x.total.amount.toFixed(2), x.currentAssessmentUsed]).toEqual(["6000.00", []]);
  });
});
