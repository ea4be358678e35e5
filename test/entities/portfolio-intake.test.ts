import { describe, it, expect } from "vitest";
import { eur, mutate, paths, roundTrips, withProto } from "./helpers.js";
import { PmoDecimal } from "../../src/core/decimal.js";
import { portfolioJsonSchema, portfolioSchema, type PortfolioWire } from "../../src/entities/portfolio.js";
import { programmeJsonSchema, programmeSchema, type ProgrammeWire } from "../../src/entities/programme.js";
import {
  canTransitionRequest,
  projectRequestJsonSchema,
  projectRequestSchema,
  REQUEST_TRANSITIONS,
  type ProjectRequestWire,
} from "../../src/entities/project-request.js";

const stored = { version: 2, createdAt: "2027-01-05T09:00:00.000Z", updatedAt: "2027-01-06T10:30:00.000Z" };

const portfolio: PortfolioWire = {
  id: "pf-it",
  ...stored,
  name: "IT Portfolio",
  description: "Everything IT runs or changes",
  ownerId: "p-ana",
  currency: "EUR",
  fiscalYearStartMonth: 4,
  strategicObjectives: [
    { id: "so-growth", name: "Grow recurring revenue", weight: "0.4" },
    { id: "so-comply", name: "Stay compliant" },
  ],
};

const programme: ProgrammeWire = {
  id: "pg-cx",
  ...stored,
  portfolioId: "pf-it",
  name: "Customer Experience",
  description: "",
  sponsorId: "p-ana",
  managerId: "p-rui",
  objectives: ["One customer view", "Self-service portal"],
  status: "active",
};

const at = (day: number) => `2027-01-${String(day).padStart(2, "0")}T09:00:00.000Z`;

const request: ProjectRequestWire = {
  id: "req-4",
  ...stored,
  portfolioId: "pf-it",
  key: "REQ-2027-004",
  title: "Replace CRM",
  sponsorId: "p-ana",
  requesterId: "p-joao",
  purpose: "One view of the customer for sales and service",
  need: "Vendor support for the current CRM ends in 2028",
  benefits: [
    {
      id: "b-rev",
      category: "revenue",
      description: "Upsell from a single pipeline",
      amounts: [
        { period: "FY2028", amount: eur("150000.00") },
        { period: "FY2029", amount: eur("0.125") },
      ],
      confidence: "0.6",
    },
    {
      id: "b-reg",
      category: "regulatory",
      description: "GDPR subject-access requests answered from one system",
      amounts: [],
      measure: "audit findings closed",
      confidence: "0.9",
      note: "Per the 2026 audit",
    },
  ],
  estimatedCost: [
    { period: "FY2027", expenditure: "capex", category: "labour", amount: eur("250000.00") },
    { period: "FY2028", expenditure: "opex", category: "cloud", amount: eur("12000.50") },
  ],
  effort: [
    { skill: "java", period: "2027-Q2", hours: "480" },
    { skill: "dba", period: "2027-Q3", hours: "37.5" },
  ],
  dependsOn: ["req-2"],
  mandatory: { reason: "Vendor ends support" },
  ratings: [
    { criterionId: "c-roi", value: "3.5" },
    { criterionId: "c-risk", note: "New vendor", label: "high" },
  ],
  strategicObjectiveIds: ["so-growth", "so-comply"],
  targetStart: "2027-04-01",
  status: "converted",
  transitions: [
    { to: "submitted", by: "p-joao", at: at(10) },
    { from: "submitted", to: "in-review", by: "p-pmo", at: at(11) },
    { from: "in-review", to: "deferred", by: "p-board", at: at(12), reason: "Budget freeze until Q2" },
    { from: "deferred", to: "submitted", by: "p-joao", at: at(20) },
    { from: "submitted", to: "in-review", by: "p-pmo", at: at(21) },
    { from: "in-review", to: "approved", by: "p-board", at: at(25) },
    { from: "approved", to: "converted", by: "p-pmo", at: at(26) },
  ],
  convertedProjectId: "prj-crm",
};

describe("portfolio", () => {
  it("round-trips the canonical wire and decodes weights exactly", () => {
    roundTrips(portfolioSchema, portfolio);
    const p = portfolioSchema.decode(portfolio);
    expect(PmoDecimal.isDecimal(p.strategicObjectives[0]!.weight)).toBe(true);
    expect(p.strategicObjectives[0]!.weight!.toFixed()).toBe("0.4");
    expect(p.strategicObjectives[1]!.weight).toBeUndefined();
  });

  it("fills defaults", () => {
    const p = portfolioSchema.decode({ id: "pf-1", ...stored, name: "Ops", ownerId: "p-ana", currency: "CHF" });
    expect(p.fiscalYearStartMonth).toBe(1);
    expect(p.strategicObjectives).toEqual([]);
    expect(p.description).toBe("");
  });

  it("rejects bad input with exact paths", () => {
    expect(paths(portfolioSchema, mutate(portfolio, (w) => (w.currency = "EURO")))).toEqual(["currency"]);
    expect(paths(portfolioSchema, mutate(portfolio, (w) => (w.fiscalYearStartMonth = 13)))).toEqual(["fiscalYearStartMonth"]);
    expect(paths(portfolioSchema, mutate(portfolio, (w) => (w.version = -1)))).toEqual(["version"]);
    expect(paths(portfolioSchema, mutate(portfolio, (w) => (w.strategicObjectives[0].weight = "1e3")))).toEqual(["strategicObjectives.0.weight"]);
    expect(paths(portfolioSchema, mutate(portfolio, (w) => (w.strategicObjectives[0].weight = "-0.1")))).toEqual(["strategicObjectives.0.weight"]);
    expect(paths(portfolioSchema, mutate(portfolio, (w) => (w.strategicObjectives[1].id = "so-growth")))).toEqual(["strategicObjectives.1.id"]);
  });

  it("rejects a __proto__ key instead of dropping it", () => {
    const r = portfolioSchema.safeDecode(withProto(portfolio) as never);
    expect(r.success).toBe(false);
    expect(r.error!.issues).toMatchObject([{ code: "unrecognized_keys", keys: ["__proto__"], path: [] }]);
  });

  it("has a titled JSON Schema", () => {
    expect(portfolioJsonSchema().title).toBe("Portfolio");
  });
});

describe("programme", () => {
  it("round-trips the canonical wire", () => {
    roundTrips(programmeSchema, programme);
    expect(programmeSchema.decode(programme).objectives).toEqual(["One customer view", "Self-service portal"]);
  });

  it("rejects bad input with exact paths", () => {
    expect(paths(programmeSchema, mutate(programme, (w) => (w.status = "done")))).toEqual(["status"]);
    expect(paths(programmeSchema, mutate(programme, (w) => (w.version = -1)))).toEqual(["version"]);
    expect(paths(programmeSchema, mutate(programme, (w) => (w.createdAt = "2026-02-30T09:00:00.000Z")))).toEqual(["createdAt"]);
    expect(paths(programmeSchema, mutate(programme, (w) => delete w.managerId)).join()).toBe("managerId");
    expect(paths(programmeSchema, withProto(programme))).toEqual([""]);
  });

  it("has a titled JSON Schema", () => {
    expect(programmeJsonSchema().title).toBe("Programme");
  });
});

describe("project request", () => {
  it("round-trips the canonical wire", () => {
    roundTrips(projectRequestSchema, request);
  });

  it("decodes money, fractions and hours to exact Decimals", () => {
    const r = projectRequestSchema.decode(request);
    const cost = r.estimatedCost[1]!.amount;
    expect(PmoDecimal.isDecimal(cost.amount)).toBe(true);
    expect(cost.amount.equals(new PmoDecimal("12000.5"))).toBe(true);
    expect(cost.currency).toBe("EUR");
    expect(r.benefits[0]!.amounts[1]!.amount.amount.toFixed()).toBe("0.125");
    expect(r.benefits[0]!.confidence.toFixed()).toBe("0.6");
    expect(r.effort[1]!.hours.toFixed()).toBe("37.5");
    const [numeric, ordinal] = r.ratings;
    expect(numeric && "value" in numeric ? numeric.value.toFixed() : null).toBe("3.5");
    expect(ordinal && "label" in ordinal ? ordinal.label : null).toBe("high");
  });

  it("fills defaults for a minimal draft", () => {
    const r = projectRequestSchema.decode({
      id: "req-9", ...stored, title: "Intranet refresh", sponsorId: "p-ana", purpose: "", need: "", status: "draft",
    });
    expect(r.benefits).toEqual([]);
    expect(r.transitions).toEqual([]);
    expect(r.dependsOn).toEqual([]);
  });

  it("rejects the common bad inputs with exact paths", () => {
    const p = (edit: (w: any) => void) => paths(projectRequestSchema, mutate(request, edit));
    expect(paths(projectRequestSchema, withProto(request))).toEqual([""]);
    expect(p((w) => (w.benefits[0].category = "fun"))).toEqual(["benefits.0.category"]);
    expect(p((w) => (w.targetStart = "2026-02-30"))).toEqual(["targetStart"]);
    expect(p((w) => (w.estimatedCost[0].amount.amount = "1e3"))).toEqual(["estimatedCost.0.amount.amount"]);
    expect(p((w) => (w.estimatedCost[0].amount.currency = "EURO"))).toEqual(["estimatedCost.0.amount.currency"]);
    expect(p((w) => (w.version = -1))).toEqual(["version"]);
    expect(p((w) => (w.benefits[0].confidence = "1.5"))).toEqual(["benefits.0.confidence"]);
    expect(p((w) => (w.estimatedCost[0].amount = eur("-1.00")))).toEqual(["estimatedCost.0.amount"]);
    expect(p((w) => (w.effort[0].hours = "-2"))).toEqual(["effort.0.hours"]);
    expect(p((w) => (w.mandatory.reason = " "))).toEqual(["mandatory.reason"]);
    expect(p((w) => (w.key = "req 4"))).toEqual(["key"]);
    expect(p((w) => (w.ratings[0].label = "high"))).toEqual(["ratings.0"]);
    expect(p((w) => (w.ratings[0].value = "1e3"))).toEqual(["ratings.0.value"]);
  });

  it("rejects a broken transition chain", () => {
    const p = (edit: (w: any) => void) => paths(projectRequestSchema, mutate(request, edit));
    expect(p((w) => (w.transitions[3].from = "in-review"))).toEqual(["transitions.3.from"]);
    expect(p((w) => delete w.transitions[3].from)).toEqual(["transitions.3.from"]);
    expect(p((w) => (w.transitions[0].from = "submitted"))).toEqual(["transitions.0.from"]);
    const fromDraft = mutate(request, (w) => (w.transitions[0].from = "draft"));
    expect(projectRequestSchema.safeDecode(fromDraft as never).success).toBe(true);
    expect(p((w) => (w.transitions[2].at = at(10)))).toEqual(["transitions.2.at"]);
  });

  it("rejects steps the lifecycle does not allow", () => {
    const p = (edit: (w: any) => void) => paths(projectRequestSchema, mutate(request, edit));
    // draft → approved skips review
    expect(p((w) => (w.transitions = [{ to: "approved", by: "p-x", at: at(10) }]) && (w.status = "approved") && delete w.convertedProjectId)).toEqual(["transitions.0.to"]);
    // rejected is final
    expect(
      p((w) => {
        w.transitions.splice(5, 2, { from: "in-review", to: "rejected", by: "p-board", at: at(25) }, { from: "rejected", to: "submitted", by: "p-joao", at: at(26) });
        w.status = "submitted";
        delete w.convertedProjectId;
      }),
    ).toEqual(["transitions.6.to"]);
  });

  it("requires status to match the last transition", () => {
    const p = (edit: (w: any) => void) => paths(projectRequestSchema, mutate(request, edit));
    expect(p((w) => (w.status = "approved") && delete w.convertedProjectId)).toEqual(["status"]);
  });

  it("requires convertedProjectId exactly when converted", () => {
    const p = (edit: (w: any) => void) => paths(projectRequestSchema, mutate(request, edit));
    expect(p((w) => delete w.convertedProjectId)).toEqual(["convertedProjectId"]);
    expect(p((w) => w.transitions.pop() && (w.status = "approved"))).toEqual(["convertedProjectId"]);
  });

  it("rejects money in more than one currency", () => {
    const p = (edit: (w: any) => void) => paths(projectRequestSchema, mutate(request, edit));
    expect(p((w) => (w.estimatedCost[1].amount.currency = "USD"))).toEqual(["estimatedCost.1.amount.currency"]);
    expect(p((w) => (w.benefits[0].amounts[1].amount.currency = "GBP"))).toEqual(["benefits.0.amounts.1.amount.currency"]);
  });

  it("rejects duplicates, self-dependency and unmeasurable benefits", () => {
    const p = (edit: (w: any) => void) => paths(projectRequestSchema, mutate(request, edit));
    expect(p((w) => (w.benefits[1].id = "b-rev"))).toEqual(["benefits.1.id"]);
    expect(p((w) => (w.ratings[1].criterionId = "c-roi"))).toEqual(["ratings.1.criterionId"]);
    expect(p((w) => w.dependsOn.push("req-2"))).toEqual(["dependsOn.1"]);
    expect(p((w) => w.dependsOn.push("req-4"))).toEqual(["dependsOn.1"]);
    expect(p((w) => w.strategicObjectiveIds.push("so-growth"))).toEqual(["strategicObjectiveIds.2"]);
    expect(p((w) => delete w.benefits[1].measure)).toEqual(["benefits.1.measure"]);
  });

  it("checks refinements when encoding memory values too", () => {
    const r = projectRequestSchema.decode(request);
    expect(projectRequestSchema.safeEncode({ ...r, status: "approved" }).success).toBe(false);
    expect(projectRequestSchema.safeEncode(r).success).toBe(true);
  });

  it("encodes decimals canonically", () => {
    const wire = mutate(request, (w) => (w.estimatedCost[0].amount.amount = "250000.5")) as ProjectRequestWire;
    const out = projectRequestSchema.encode(projectRequestSchema.decode(wire));
    expect(out.estimatedCost![0]!.amount).toEqual(eur("250000.50"));
  });

  it("has a titled JSON Schema", () => {
    expect(projectRequestJsonSchema().title).toBe("Project request");
  });
});

describe("request lifecycle", () => {
  it("lists the allowed next states", () => {
    expect(REQUEST_TRANSITIONS["in-review"]).toEqual(["approved", "rejected", "deferred"]);
    expect(REQUEST_TRANSITIONS.converted).toEqual([]);
    expect(Object.isFrozen(REQUEST_TRANSITIONS)).toBe(true);
    expect(Object.isFrozen(REQUEST_TRANSITIONS.draft)).toBe(true);
  });

  it("answers canTransitionRequest", () => {
    expect(canTransitionRequest("draft", "submitted")).toBe(true);
    expect(canTransitionRequest("deferred", "submitted")).toBe(true);
    expect(canTransitionRequest("approved", "converted")).toBe(true);
    expect(canTransitionRequest("draft", "approved")).toBe(false);
    expect(canTransitionRequest("rejected", "submitted")).toBe(false);
    expect(canTransitionRequest("submitted", "approved")).toBe(false);
  });
});
