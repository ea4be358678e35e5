import { describe, it, expect } from "vitest";
import { eur, mutate, paths } from "./helpers.js";
import { PmoDecimal } from "../../src/core/decimal.js";
import { budgetAtCompletion, projectJsonSchema, projectSchema, recordKeySchema, type ProjectWire } from "../../src/entities/project.js";

const stored = { version: 4, createdAt: "2027-01-05T09:00:00.000Z", updatedAt: "2027-02-01T16:45:00.000Z" };

const project: ProjectWire = {
  id: "prj-crm",
  ...stored,
  requestId: "req-4",
  programmeId: "pg-cx",
  portfolioId: "pf-it",
  code: "PRJ-CRM",
  name: "CRM replacement",
  description: "Replace the on-premises CRM with a SaaS one",
  projectManagerId: "p-rui",
  sponsorId: "p-ana",
  stakeholders: [
    { personId: "p-ana", raci: "accountable", role: "sponsor" },
    { personId: "p-dba", raci: "consulted", role: "dba", note: "Owns the migration scripts" },
    { personId: "p-help", raci: "informed" },
  ],
  scope: {
    inScope: ["Sales pipeline", "Service tickets"],
    outOfScope: ["Marketing campaigns"],
    assumptions: ["SSO is available"],
    constraints: ["Go-live before the Q3 freeze"],
  },
  budget: {
    currency: "EUR",
    lines: [
      { period: "2027-Q1", category: "labour", expenditure: "capex", amount: eur("120000.00") },
      { period: "2027-Q1", category: "software", expenditure: "opex", amount: eur("0.10") },
      { period: "2027-Q2", category: "contingency", expenditure: "capex", amount: eur("0.20") },
      { period: "2027-Q2", category: "cloud", expenditure: "opex", amount: eur("8999.995") },
    ],
  },
  plannedStart: "2027-01-04",
  plannedFinish: "2027-06-30",
  statusDate: "2027-01-31",
  lifecycle: "executing",
  activeBaseline: 1,
  calendar: {
    name: "Lisbon office",
    workingWeekdays: [1, 2, 3, 4, 5],
    holidays: [{ date: "2027-04-25", name: "Freedom Day" }],
    blackouts: [{ start: "2027-06-20", end: "2027-06-30", reason: "Quarter close" }],
  },
};

describe("project", () => {
  it("round-trips the canonical wire", () => {
    const encoded = projectSchema.encode(projectSchema.decode(project));
    expect(encoded).toEqual(project);
    expect(JSON.stringify(encoded)).toBe(JSON.stringify(project));
  });

  it("decodes budget lines to exact Money", () => {
    const p = projectSchema.decode(project);
    const line = p.budget.lines[3]!.amount;
    expect(PmoDecimal.isDecimal(line.amount)).toBe(true);
    expect(line.amount.equals(new PmoDecimal("8999.995"))).toBe(true);
    expect(line.currency).toBe("EUR");
  });

  it("computes the budget at completion exactly", () => {
    const bac = budgetAtCompletion(projectSchema.decode(project));
    // 0.10 + 0.20 is exactly 0.30 here, unlike binary floats.
    expect(bac.amount.toFixed()).toBe("129000.295");
    expect(bac.currency).toBe("EUR");
  });

  it("gives a zero budget in the budget currency when there are no lines", () => {
    const p = projectSchema.decode(mutate(project, (w) => (w.budget = { currency: "CHF", lines: [] })) as ProjectWire);
    const bac = budgetAtCompletion(p);
    expect(bac.amount.isZero()).toBe(true);
    expect(bac.currency).toBe("CHF");
  });

  it("fills defaults for a minimal project", () => {
    const p = projectSchema.decode({
      id: "prj-min", ...stored, code: "PRJ-MIN", name: "Minimal", projectManagerId: "p-rui", sponsorId: "p-ana",
      scope: {}, budget: { currency: "EUR" }, plannedStart: "2027-01-04", plannedFinish: "2027-01-04", lifecycle: "proposed",
    });
    expect(p.scope).toEqual({ inScope: [], outOfScope: [], assumptions: [], constraints: [] });
    expect(p.stakeholders).toEqual([]);
    expect(p.budget.lines).toEqual([]);
    expect(p.description).toBe("");
  });

  it("rejects the common bad inputs with exact paths", () => {
    const p = (edit: (w: any) => void) => paths(projectSchema, mutate(project, edit));
    expect(p((w) => (w.lifecycle = "running"))).toEqual(["lifecycle"]);
    expect(p((w) => (w.stakeholders[0].raci = "owner"))).toEqual(["stakeholders.0.raci"]);
    expect(p((w) => (w.plannedStart = "2026-02-30"))).toEqual(["plannedStart"]);
    expect(p((w) => (w.budget.lines[0].amount.amount = "1e3"))).toEqual(["budget.lines.0.amount.amount"]);
    expect(p((w) => (w.budget.currency = "EURO"))).toEqual(["budget.currency"]);
    expect(p((w) => (w.budget.lines[0].amount.currency = "EURO"))).toEqual(["budget.lines.0.amount.currency"]);
    expect(p((w) => (w.version = -1))).toEqual(["version"]);
    expect(p((w) => (w.version = 1.5))).toEqual(["version"]);
    expect(p((w) => (w.budget.lines[1].amount = eur("-0.10")))).toEqual(["budget.lines.1.amount"]);
    expect(p((w) => (w.activeBaseline = 11))).toEqual(["activeBaseline"]);
    expect(p((w) => (w.code = "crm"))).toEqual(["code"]);
    expect(p((w) => (w.calendar.workingWeekdays = [0]))).toEqual(["calendar.workingWeekdays.0"]);
    expect(p((w) => (w.scope.inScope = [""]))).toEqual(["scope.inScope.0"]);
  });

  it("rejects __proto__ keys at the top and in nested objects", () => {
    const top = JSON.parse(JSON.stringify(project).replace(/^\{/, '{"__proto__":{"admin":true},'));
    const r = projectSchema.safeDecode(top);
    expect(r.success).toBe(false);
    expect(r.error!.issues).toMatchObject([{ code: "unrecognized_keys", keys: ["__proto__"], path: [] }]);
    const nested = JSON.parse(JSON.stringify(project).replace('"scope":{', '"scope":{"__proto__":{"admin":true},'));
    expect(paths(projectSchema, nested)).toEqual(["scope"]);
  });

  it("rejects budget lines outside the budget currency", () => {
    const p = (edit: (w: any) => void) => paths(projectSchema, mutate(project, edit));
    expect(p((w) => (w.budget.lines[2].amount.currency = "USD"))).toEqual(["budget.lines.2.amount.currency"]);
    expect(p((w) => (w.budget.currency = "GBP"))).toEqual([0, 1, 2, 3].map((i) => `budget.lines.${i}.amount.currency`));
  });

  it("rejects finishing before starting", () => {
    expect(paths(projectSchema, mutate(project, (w) => (w.plannedFinish = "2027-01-03")))).toEqual(["plannedFinish"]);
  });

  it("rejects a stakeholder listed twice", () => {
    const wire = mutate(project, (w) => w.stakeholders.push({ personId: "p-ana", raci: "informed" }));
    expect(paths(projectSchema, wire)).toEqual(["stakeholders.3.personId"]);
  });

  it("checks refinements when encoding memory values too", () => {
    const p = projectSchema.decode(project);
    const bad = { ...p, plannedFinish: p.plannedStart, plannedStart: p.plannedFinish };
    const r = projectSchema.safeEncode(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["plannedFinish"]);
  });

  it("accepts readable keys and has a titled JSON Schema", () => {
    expect(recordKeySchema.parse("REQ-2027-004")).toBe("REQ-2027-004");
    expect(recordKeySchema.safeParse("PRJ").success).toBe(false);
    expect(recordKeySchema.safeParse("PRJ-").success).toBe(false);
    const schema = projectJsonSchema();
    expect(schema.title).toBe("Project");
    expect(schema.required).toContain("code");
  });
});
