import { describe, it, expect } from "vitest";
import { mutate, paths, roundTrips } from "./helpers.js";
import type { z } from "zod";
import { PmoDecimal } from "../../src/core/decimal.js";
import { actionJsonSchema, actionSchema, type ActionWire } from "../../src/entities/action.js";
import { changeRequestJsonSchema, changeRequestSchema, type ChangeRequestWire } from "../../src/entities/change-request.js";
import { decisionJsonSchema, decisionSchema, type DecisionWire } from "../../src/entities/decision.js";
import { issueJsonSchema, issueSchema, type IssueWire } from "../../src/entities/issue.js";
import { riskJsonSchema, riskSchema, type RiskWire } from "../../src/entities/risk.js";

const stored = { version: 2, createdAt: "2027-02-01T09:00:00.000Z", updatedAt: "2027-02-03T11:15:30.250Z" };

/** Checks the `__proto__` key, a negative version and an impossible date on any RAID entity. */
function rejectsCommonBadInput(schema: z.ZodType, wire: object, dateField: string): void {
  const proto = JSON.parse(JSON.stringify(wire).replace(/^\{/, '{"__proto__":{"isAdmin":true},'));
  const r = schema.safeDecode(proto as never);
  expect(r.success).toBe(false);
  expect(r.error!.issues).toMatchObject([{ code: "unrecognized_keys", keys: ["__proto__"], path: [] }]);
  expect(paths(schema, mutate(wire, (w) => (w.version = -1)))).toEqual(["version"]);
  expect(paths(schema, mutate(wire, (w) => (w[dateField] = "2026-02-30")))).toEqual([dateField]);
  expect(paths(schema, mutate(wire, (w) => (w.updatedAt = "2027-02-03 11:15")))).toEqual(["updatedAt"]);
}

const risk: RiskWire = {
  id: "rsk-1",
  ...stored,
  projectId: "prj-crm",
  programmeId: "pg-cx",
  key: "RSK-012",
  title: "Data migration slips",
  description: "Legacy data quality is poor, so cleansing may take longer than planned",
  category: "technical",
  probability: "0.35",
  impact: 4,
  costImpact: { amount: "48000.00", currency: "EUR" },
  scheduleImpactDays: 15,
  ownerId: "p-dba",
  response: "mitigate",
  mitigation: "Trial migration in March",
  contingency: { amount: "16800.50", currency: "EUR" },
  status: "closed",
  raisedOn: "2027-02-01",
  reviewDate: "2027-02-15",
  closedOn: "2027-03-20",
};

const issue: IssueWire = {
  id: "iss-1",
  ...stored,
  projectId: "prj-crm",
  key: "ISS-007",
  title: "Test environment down",
  description: "The UAT database server lost its disks",
  severity: "high",
  ownerId: "p-ops",
  raisedOn: "2027-02-01",
  dueDate: "2027-02-03",
  status: "resolved",
  resolution: "Restored from last night's backup",
  resolvedOn: "2027-02-02",
};

const decision: DecisionWire = {
  id: "dec-2",
  ...stored,
  projectId: "prj-crm",
  title: "Hosting model",
  description: "Where the new CRM runs",
  options: ["SaaS", "On premises"],
  outcome: "SaaS",
  rationale: "No data-centre refresh needed",
  decidedBy: "p-ana",
  decidedOn: "2027-02-01",
  status: "superseded",
  supersededBy: "dec-5",
};

const action: ActionWire = {
  id: "act-1",
  ...stored,
  projectId: "prj-crm",
  title: "Book the trial migration window",
  description: "Two days with the DBA team",
  ownerId: "p-rui",
  dueDate: "2027-02-15",
  status: "done",
  completedOn: "2027-02-10",
  source: { kind: "risk", id: "rsk-1" },
};

const changeRequest: ChangeRequestWire = {
  id: "cr-1",
  ...stored,
  projectId: "prj-crm",
  key: "CR-014",
  title: "Drop the reporting module",
  description: "Use the BI platform instead",
  requestedBy: "p-ana",
  requestedOn: "2027-02-01",
  scopeImpact: "Reporting moves out of scope",
  costImpact: { amount: "-12500.75", currency: "EUR" },
  scheduleImpactDays: -10,
  status: "implemented",
  decidedBy: "p-board",
  decidedOn: "2027-02-05",
  decisionReason: "Saves money and time",
};

describe("risk", () => {
  it("round-trips and decodes money and probability exactly", () => {
    roundTrips(riskSchema, risk);
    const r = riskSchema.decode(risk);
    expect(r.probability.equals(new PmoDecimal("0.35"))).toBe(true);
    expect(PmoDecimal.isDecimal(r.costImpact!.amount)).toBe(true);
    expect(r.costImpact!.amount.toFixed()).toBe("48000");
    expect(r.contingency!.amount.toFixed()).toBe("16800.5");
  });

  it("rejects bad input with exact paths", () => {
    rejectsCommonBadInput(riskSchema, risk, "raisedOn");
    const p = (edit: (w: any) => void) => paths(riskSchema, mutate(risk, edit));
    expect(p((w) => (w.response = "ignore"))).toEqual(["response"]);
    expect(p((w) => (w.probability = "1.01"))).toEqual(["probability"]);
    expect(p((w) => (w.impact = 6))).toEqual(["impact"]);
    expect(p((w) => (w.scheduleImpactDays = -1))).toEqual(["scheduleImpactDays"]);
    expect(p((w) => (w.costImpact.amount = "1e3"))).toEqual(["costImpact.amount"]);
    expect(p((w) => (w.costImpact.currency = "EURO"))).toEqual(["costImpact.currency"]);
    expect(p((w) => (w.contingency.amount = "-1.00"))).toEqual(["contingency"]);
  });

  it("needs a project or a programme", () => {
    expect(paths(riskSchema, mutate(risk, (w) => delete w.projectId && delete w.programmeId))).toEqual(["projectId"]);
    expect(riskSchema.safeDecode(mutate(risk, (w) => delete w.projectId) as never).success).toBe(true);
  });

  it("ties closedOn to the closed status", () => {
    const p = (edit: (w: any) => void) => paths(riskSchema, mutate(risk, edit));
    expect(p((w) => delete w.closedOn)).toEqual(["closedOn"]);
    expect(p((w) => (w.status = "open"))).toEqual(["closedOn"]);
    expect(p((w) => (w.closedOn = "2027-01-31"))).toEqual(["closedOn"]);
  });

  it("rejects mixed currencies and a review before raising", () => {
    const p = (edit: (w: any) => void) => paths(riskSchema, mutate(risk, edit));
    expect(p((w) => (w.contingency.currency = "USD"))).toEqual(["contingency.currency"]);
    expect(p((w) => (w.reviewDate = "2027-01-15"))).toEqual(["reviewDate"]);
  });

  it("has a titled JSON Schema", () => {
    expect(riskJsonSchema().title).toBe("Risk");
  });
});

describe("issue", () => {
  it("round-trips the canonical wire", () => {
    roundTrips(issueSchema, issue);
    expect(issueSchema.decode(issue).resolvedOn).toBe("2027-02-02");
  });

  it("rejects bad input with exact paths", () => {
    rejectsCommonBadInput(issueSchema, issue, "raisedOn");
    const p = (edit: (w: any) => void) => paths(issueSchema, mutate(issue, edit));
    expect(p((w) => (w.severity = "blocker"))).toEqual(["severity"]);
    expect(p((w) => (w.key = "iss-7"))).toEqual(["key"]);
  });

  it("ties resolvedOn to resolved or closed", () => {
    const p = (edit: (w: any) => void) => paths(issueSchema, mutate(issue, edit));
    expect(p((w) => delete w.resolvedOn)).toEqual(["resolvedOn"]);
    expect(p((w) => (w.status = "closed") && delete w.resolvedOn)).toEqual(["resolvedOn"]);
    expect(p((w) => (w.status = "in-progress"))).toEqual(["resolvedOn"]);
    expect(p((w) => (w.resolvedOn = "2027-01-31"))).toEqual(["resolvedOn"]);
    expect(p((w) => (w.dueDate = "2027-01-31"))).toEqual(["dueDate"]);
  });

  it("has a titled JSON Schema", () => {
    expect(issueJsonSchema().title).toBe("Issue");
  });
});

describe("decision", () => {
  it("round-trips the canonical wire", () => {
    roundTrips(decisionSchema, decision);
    expect(decisionSchema.decode(decision).options).toEqual(["SaaS", "On premises"]);
  });

  it("rejects bad input with exact paths", () => {
    rejectsCommonBadInput(decisionSchema, decision, "decidedOn");
    expect(paths(decisionSchema, mutate(decision, (w) => (w.status = "pending")))).toEqual(["status"]);
  });

  it("needs who and when for approved and rejected decisions", () => {
    const p = (edit: (w: any) => void) => paths(decisionSchema, mutate(decision, edit));
    const approved = (w: any) => {
      w.status = "approved";
      delete w.supersededBy;
    };
    expect(p((w) => approved(w) ?? delete w.decidedBy)).toEqual(["decidedBy"]);
    expect(p((w) => (w.status = "rejected") && delete w.supersededBy && delete w.decidedBy && delete w.decidedOn)).toEqual(["decidedBy", "decidedOn"]);
    expect(p((w) => (w.status = "proposed") && delete w.supersededBy)).toEqual(["decidedOn"]);
  });

  it("ties supersededBy to the superseded status", () => {
    const p = (edit: (w: any) => void) => paths(decisionSchema, mutate(decision, edit));
    expect(p((w) => delete w.supersededBy)).toEqual(["supersededBy"]);
    expect(p((w) => (w.status = "approved"))).toEqual(["supersededBy"]);
    expect(p((w) => (w.supersededBy = "dec-2"))).toEqual(["supersededBy"]);
  });

  it("takes an optional supersededOn, only when superseded, not before it was recorded or decided", () => {
    const p = (edit: (w: any) => void) => paths(decisionSchema, mutate(decision, edit));
    // Recorded 2027-02-01 (createdAt), decided 2027-02-01: superseded on 02-20 is fine, and so is no day (older records).
    roundTrips(decisionSchema, { ...decision, supersededOn: "2027-02-20" });
    expect(decisionSchema.safeDecode(decision).success).toBe(true);
    expect(p((w) => (w.status = "approved") && delete w.supersededBy && (w.supersededOn = "2027-02-20"))).toEqual(["supersededOn"]);
    expect(p((w) => delete w.decidedOn && delete w.decidedBy && (w.supersededOn = "2027-01-31"))).toEqual(["supersededOn"]); // before createdAt's day
    expect(p((w) => (w.decidedOn = "2027-02-10") && (w.supersededOn = "2027-02-09"))).toEqual(["supersededOn"]); // before its decision
    expect(decisionJsonSchema().properties).toHaveProperty("supersededOn");
  });

  it("has a titled JSON Schema", () => {
    expect(decisionJsonSchema().title).toBe("Decision");
  });
});

describe("action", () => {
  it("round-trips the canonical wire", () => {
    roundTrips(actionSchema, action);
    expect(actionSchema.decode(action).source).toEqual({ kind: "risk", id: "rsk-1" });
  });

  it("rejects bad input with exact paths", () => {
    rejectsCommonBadInput(actionSchema, action, "dueDate");
    const p = (edit: (w: any) => void) => paths(actionSchema, mutate(action, edit));
    expect(p((w) => (w.status = "finished"))).toEqual(["status"]);
    expect(p((w) => (w.source.kind = "Risk"))).toEqual(["source.kind"]);
    expect(p((w) => (w.source.extra = 1))).toEqual(["source"]);
  });

  it("ties completedOn to the done status", () => {
    const p = (edit: (w: any) => void) => paths(actionSchema, mutate(action, edit));
    expect(p((w) => delete w.completedOn)).toEqual(["completedOn"]);
    expect(p((w) => (w.status = "cancelled"))).toEqual(["completedOn"]);
  });

  it("takes an optional cancelledOn, only when cancelled, not before it was recorded", () => {
    const p = (edit: (w: any) => void) => paths(actionSchema, mutate(action, edit));
    const cancelled = mutate(action, (w) => (w.status = "cancelled") && delete w.completedOn) as ActionWire;
    // Recorded 2027-02-01 (createdAt): cancelled that day is fine, and so is no day (records made before the field).
    const { source, ...head } = cancelled;
    roundTrips(actionSchema, { ...head, cancelledOn: "2027-02-01", source }); // in field order: after completedOn
    expect(actionSchema.safeDecode(cancelled).success).toBe(true);
    expect(paths(actionSchema, { ...cancelled, cancelledOn: "2027-01-31" })).toEqual(["cancelledOn"]);
    expect(p((w) => (w.cancelledOn = "2027-02-10"))).toEqual(["cancelledOn"]); // a done action
    expect(actionJsonSchema().properties).toHaveProperty("cancelledOn");
  });

  it("has a titled JSON Schema", () => {
    expect(actionJsonSchema().title).toBe("Action");
  });
});

describe("change request", () => {
  it("round-trips and keeps a negative cost impact exact", () => {
    roundTrips(changeRequestSchema, changeRequest);
    const c = changeRequestSchema.decode(changeRequest);
    expect(c.costImpact.amount.equals(new PmoDecimal("-12500.75"))).toBe(true);
    expect(c.scheduleImpactDays).toBe(-10);
  });

  it("rejects bad input with exact paths", () => {
    rejectsCommonBadInput(changeRequestSchema, changeRequest, "requestedOn");
    const p = (edit: (w: any) => void) => paths(changeRequestSchema, mutate(changeRequest, edit));
    expect(p((w) => (w.status = "pending"))).toEqual(["status"]);
    expect(p((w) => (w.costImpact.amount = "1e3"))).toEqual(["costImpact.amount"]);
    expect(p((w) => (w.costImpact.currency = "EURO"))).toEqual(["costImpact.currency"]);
    expect(p((w) => (w.scheduleImpactDays = 2.5))).toEqual(["scheduleImpactDays"]);
  });

  it("needs who and when once decided", () => {
    const p = (edit: (w: any) => void) => paths(changeRequestSchema, mutate(changeRequest, edit));
    expect(p((w) => delete w.decidedBy)).toEqual(["decidedBy"]);
    expect(p((w) => (w.status = "approved") && delete w.decidedOn)).toEqual(["decidedOn"]);
    expect(p((w) => (w.status = "rejected") && delete w.decidedBy && delete w.decidedOn)).toEqual(["decidedBy", "decidedOn"]);
    expect(p((w) => (w.decidedOn = "2027-01-31"))).toEqual(["decidedOn"]);
    const submitted = mutate(changeRequest, (w) => (w.status = "submitted") && delete w.decidedBy && delete w.decidedOn);
    expect(changeRequestSchema.safeDecode(submitted as never).success).toBe(true);
  });

  it("takes an optional withdrawnOn, only when withdrawn, not before it was requested", () => {
    const p = (edit: (w: any) => void) => paths(changeRequestSchema, mutate(changeRequest, edit));
    const withdrawn = mutate(changeRequest, (w) => (w.status = "withdrawn") && delete w.decidedBy && delete w.decidedOn && delete w.decisionReason) as ChangeRequestWire;
    // Requested 2027-02-01: withdrawn that day is fine, and so is no day (records made before the field).
    roundTrips(changeRequestSchema, { ...withdrawn, withdrawnOn: "2027-02-01" });
    expect(changeRequestSchema.safeDecode(withdrawn).success).toBe(true);
    expect(paths(changeRequestSchema, { ...withdrawn, withdrawnOn: "2027-01-31" })).toEqual(["withdrawnOn"]);
    expect(p((w) => (w.withdrawnOn = "2027-02-10"))).toEqual(["withdrawnOn"]); // an implemented change
    expect(changeRequestJsonSchema().properties).toHaveProperty("withdrawnOn");
  });

  it("has a titled JSON Schema", () => {
    expect(changeRequestJsonSchema().title).toBe("Change request");
  });
});
