import { describe, expect, it } from "vitest";
import { decimal, decodeEntity, instant, isoDate, ValidationError, type Action, type ChangeRequest, type Decision, type Issue, type Milestone, type Risk } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { changeRequestImpact, contingencyReserve, DEFAULT_RAG_RULES, overdueActions, pendingDecisions, ragStatus } from "../../src/status/index.js";

// Everything judged "as of" a day ignores what happened after it (issue 12 #3, audited across the status module).
const o = loadSampleOffice();
const first = <K extends keyof typeof o>(kind: K) => decodeEntity(kind as never, o[kind][0]) as never;
const asOf = isoDate("2025-03-10");
const d = isoDate;
const after = d("2025-03-12");

describe("RAG figures derived as of a day", () => {
  const ms: Milestone = { ...(first("milestone") as Milestone), id: "ms", projectId: "P", key: true, baselineDate: d("2025-03-01"), actualDate: after };
  // assessments: [] — the history is kept (nothing reassessed), so the count reads no assumed assessment.
  const riskBase: Risk = { ...(first("risk") as Risk), assessments: [] };
  const closedLater: Risk = { ...riskBase, id: "r-closed-later", projectId: "P", probability: decimal("0.8"), raisedOn: d("2025-01-01"), status: "closed", closedOn: after };
  const raisedLater: Risk = { ...riskBase, id: "r-raised-later", projectId: "P", probability: decimal("0.8"), raisedOn: d("2025-03-11"), status: "open" };
  const issueBase = first("issue") as Issue;
  const resolvedLater: Issue = { ...issueBase, id: "i-resolved-later", projectId: "P", severity: "critical", raisedOn: d("2025-02-01"), status: "resolved", resolvedOn: after };
  const issueRaisedLater: Issue = { ...issueBase, id: "i-raised-later", projectId: "P", severity: "critical", raisedOn: d("2025-03-11"), status: "open" };
  const s = ragStatus({ id: "P", milestones: [ms], risks: [closedLater, raisedLater], issues: [resolvedLater, issueRaisedLater] }, { asOf });

  it("issue 12 #3: a key milestone achieved after asOf was still missed on asOf", () => {
    expect(s.derived["missedKeyMilestones"]).toEqual({ value: "1", from: ["ms"], note: "each milestone's own baselineDate (no baseline given)" });
    expect(ragStatus({ id: "P", milestones: [ms] }, { asOf: after }).derived["missedKeyMilestones"]).toMatchObject({ value: "0", from: [] });
  });

  it("issue 12 #3: a risk closed after asOf was pending on asOf; one raised after asOf did not exist", () => {
    expect(s.derived["highRisksPending"]).toEqual({ value: "1", from: ["r-closed-later"] });
  });

  it("issue 12 #3: an issue resolved after asOf was open on asOf; one raised after asOf did not exist", () => {
    expect(s.derived["openCriticalIssues"]).toEqual({ value: "1", from: ["i-resolved-later"] });
    expect(s.dimensions.find((x) => x.dimension === "risks-and-issues")!.colour).toBe("red");
  });

  it("issue 12 #3: a previous report that is not older than asOf is refused", () => {
    const prev = decodeEntity("status-report", o["status-report"][0]); // as of 2026-10-30
    const rules = DEFAULT_RAG_RULES.filter((r) => r.id === "resources-allocation");
    expect(() => ragStatus({ id: prev.projectId }, { asOf: d("2026-10-30"), rules, previous: prev })).toThrow(ValidationError);
    expect(() => ragStatus({ id: prev.projectId }, { asOf: d("2026-10-31"), rules, previous: prev })).not.toThrow();
  });
});

describe("RAID judged as of a day", () => {
  const actionBase = first("action") as Action;
  const at = (day: string) => instant(`${day}T10:00:00Z`);

  it("issue 12 #3: an action completed after asOf was overdue on asOf; one recorded after asOf did not exist", () => {
    const doneLater: Action = { ...actionBase, id: "a-done-later", createdAt: at("2025-02-01"), dueDate: d("2025-03-05"), status: "done", completedOn: after };
    const recordedLater: Action = { ...actionBase, id: "a-recorded-later", createdAt: at("2025-03-11"), dueDate: d("2025-03-01"), status: "open" };
    // 03-05 → 03-10: 5 days overdue.
    expect(overdueActions([doneLater, recordedLater], { asOf })).toEqual([{ actionId: "a-done-later", ownerId: actionBase.ownerId, dueDate: "2025-03-05", daysOverdue: 5, statusUnknown: false, why: "done only on 2025-03-12, after 2025-03-10" }]);
    expect(overdueActions([doneLater, recordedLater], { asOf: after }).map((a) => a.actionId)).toEqual(["a-recorded-later"]);
  });

  it("issue 12 #3: a decision taken after asOf was pending on asOf; one proposed after asOf did not exist", () => {
    const base = first("decision") as Decision;
    const decidedLater: Decision = { ...base, id: "dec-later", createdAt: at("2025-02-01"), status: "approved", decidedOn: after };
    const proposedLater: Decision = { ...base, id: "dec-new", createdAt: at("2025-03-11"), status: "proposed", decidedOn: undefined } as Decision;
    expect(pendingDecisions([decidedLater, proposedLater], { asOf }).map((x) => x.id)).toEqual(["dec-later"]);
    expect(pendingDecisions([decidedLater, proposedLater], { asOf: after }).map((x) => x.id)).toEqual(["dec-new"]);
    expect(pendingDecisions([decidedLater, proposedLater]).map((x) => x.id)).toEqual(["dec-new"]); // without asOf: as recorded
  });

  it("issue 12 #3: a change approved after asOf was pending on asOf; one requested after asOf did not exist", () => {
    const base = first("change-request") as ChangeRequest;
    const approvedLater: ChangeRequest = { ...base, id: "cr-later", requestedOn: d("2025-02-01"), status: "approved", decidedOn: after };
    const requestedLater: ChangeRequest = { ...base, id: "cr-new", requestedOn: d("2025-03-11"), status: "submitted", decidedOn: undefined } as ChangeRequest;
    const currency = base.costImpact.currency;
    const r = changeRequestImpact([approvedLater, requestedLater], { currency, asOf });
    expect(r.approved.changeRequestIds).toEqual([]);
    expect(r.pending.changeRequestIds).toEqual(["cr-later"]);
    expect(changeRequestImpact([approvedLater, requestedLater], { currency, asOf: after }).approved.changeRequestIds).toEqual(["cr-later"]);
  });
});

describe("contingency reserve as of a day", () => {
  it("a risk raised after asOf is not in the reserve; one closed after asOf still is", () => {
    const base = first("risk") as Risk; // RSK-CRM-001: p 0.5, cost impact 45,000.00 EUR
    const closedLater: Risk = { ...base, id: "r1", raisedOn: d("2025-01-01"), status: "closed", closedOn: after };
    const raisedLater: Risk = { ...base, id: "r2", raisedOn: d("2025-03-11"), status: "open", closedOn: undefined } as Risk;
    const r = contingencyReserve([closedLater, raisedLater], { currency: "EUR", asOf });
    expect(r.contributions.map((c) => c.riskId)).toEqual(["r1"]);
    expect(r.total.amount.toFixed(2)).toBe("22500.00"); // 0.5 × 45,000
    expect(r.excluded).toEqual([{ riskId: "r2", reason: "not-yet-raised" }]);
    expect(contingencyReserve([closedLater, raisedLater], { currency: "EUR", asOf: after }).excluded).toEqual([{ riskId: "r1", reason: "closed" }]);
  });
});

describe("a risk that occurred, as of a day before it occurred", () => {
  // RSK-CRM-001: p 0.5, cost impact 45,000.00 EUR → EMV 22,500.00. It occurred on 2025-03-12 (after asOf 2025-03-10):
  // on 2025-03-10 it was still pending, so the reserve then held its 22,500.00 and it counted as a high pending risk.
  // Without a date of occurrence it was dropped at every asOf (reserve 0.00, no high risk pending).
  const base = first("risk") as Risk;
  // assessments: [] — nothing reassessed, so the as-of views read no assumed assessment.
  const occurredLater: Risk = { ...base, id: "r1", probability: decimal("0.8"), raisedOn: d("2025-01-01"), status: "occurred", occurredOn: after, assessments: [] };

  it("counts in the contingency reserve before occurredOn and is excluded as occurred from it on", () => {
    const then = contingencyReserve([occurredLater], { currency: "EUR", asOf });
    expect(then.contributions.map((c) => c.riskId)).toEqual(["r1"]);
    expect(then.total.amount.toFixed(2)).toBe("36000.00"); // 0.8 × 45,000
    expect(contingencyReserve([occurredLater], { currency: "EUR", asOf: after }).excluded).toEqual([{ riskId: "r1", reason: "occurred" }]);
    expect(contingencyReserve([occurredLater], { currency: "EUR" }).excluded).toEqual([{ riskId: "r1", reason: "occurred" }]);
  });

  it("a risk that occurred and was closed later is 'occurred' between the two days, not 'closed'", () => {
    const closed: Risk = { ...occurredLater, status: "closed", occurredOn: d("2025-03-05"), closedOn: after };
    expect(contingencyReserve([closed], { currency: "EUR", asOf }).excluded).toEqual([{ riskId: "r1", reason: "occurred" }]);
  });

  it("counts as a high risk pending in the RAG figures before occurredOn", () => {
    expect(ragStatus({ id: base.projectId!, risks: [{ ...occurredLater, projectId: base.projectId }] }, { asOf }).derived["highRisksPending"]).toEqual({ value: "1", from: ["r1"] });
    expect(ragStatus({ id: base.projectId!, risks: [{ ...occurredLater, projectId: base.projectId }] }, { asOf: after }).derived["highRisksPending"]).toEqual({ value: "0", from: [] });
  });

  it("the entity refuses occurredOn before raisedOn, on an open risk, or after closedOn", () => {
    const wire = o["risk"][0] as Record<string, unknown>;
    const path = (over: Record<string, unknown>) => {
      try {
        decodeEntity("risk", { ...wire, ...over });
      } catch (e) {
        return (e as ValidationError).issues.map((i) => i.path.join("."));
      }
      return [];
    };
    expect(path({ status: "occurred", raisedOn: "2025-01-10", occurredOn: "2025-01-09" })).toEqual(["occurredOn"]);
    expect(path({ status: "open", occurredOn: "2025-01-09" })).toEqual(["occurredOn"]);
    expect(path({ status: "closed", raisedOn: "2025-01-01", occurredOn: "2025-02-01", closedOn: "2025-01-15" })).toEqual(["closedOn"]);
    expect(path({ status: "closed", raisedOn: "2025-01-01", occurredOn: "2025-01-10", closedOn: "2025-01-15" })).toEqual([]);
  });
});
