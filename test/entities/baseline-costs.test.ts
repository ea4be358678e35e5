import { describe, it, expect } from "vitest";
import { eur, paths } from "./helpers.js";
import { PmoDecimal } from "../../src/core/decimal.js";
import { baselineJsonSchema, baselineSchema, type BaselineWire } from "../../src/entities/baseline.js";
import { costEntryJsonSchema, costEntrySchema, type CostEntryWire } from "../../src/entities/cost-entry.js";

const stored = { version: 3, createdAt: "2026-12-01T09:00:00.000Z", updatedAt: "2026-12-02T09:00:00.000Z" };

const baseline: BaselineWire = {
  id: "bl-1",
  ...stored,
  projectId: "prj-crm",
  number: 1,
  capturedAt: "2026-12-01T09:00:00.000Z",
  capturedBy: "p-ana",
  reason: "CR-7 approved: migration scope extended",
  workPackages: [
    {
      workPackageId: "wp-design",
      code: "1.1",
      name: "Design",
      plannedStart: "2027-01-04",
      plannedFinish: "2027-01-29",
      timePhasedBudget: [{ start: "2027-01-04", finish: "2027-01-29", amount: eur("20000.10") }],
      earningRule: { type: "fixed-split", startPercent: "25" },
    },
    {
      workPackageId: "wp-mig",
      code: "1.2",
      name: "Data migration",
      plannedStart: "2027-02-01",
      plannedFinish: "2027-03-26",
      timePhasedBudget: [
        { start: "2027-02-01", finish: "2027-02-28", amount: eur("0.20") },
        { start: "2027-03-01", finish: "2027-03-26", amount: eur("39999.70") },
      ],
    },
  ],
  milestones: [
    { milestoneId: "ms-design", name: "Design sign-off", date: "2027-01-29", key: false },
    { milestoneId: "ms-golive", name: "Go-live", date: "2027-06-01", key: true },
  ],
  budgetAtCompletion: eur("60000.00"),
  supersedes: 0,
};

const clone = (): BaselineWire => structuredClone(baseline);

describe("baselineSchema", () => {
  it("round-trips the canonical wire form exactly", () => {
    const back = baselineSchema.encode(baselineSchema.decode(baseline));
    expect(back).toEqual(baseline);
    expect(JSON.stringify(back)).toBe(JSON.stringify(baseline));
  });

  it("decodes the BAC and slices to exact Decimals", () => {
    const b = baselineSchema.decode(baseline);
    expect(PmoDecimal.isDecimal(b.budgetAtCompletion.amount)).toBe(true);
    expect(b.budgetAtCompletion.amount.toFixed(2)).toBe("60000.00");
    expect(b.workPackages[1]!.timePhasedBudget[0]!.amount.amount.toFixed()).toBe("0.2");
    const rule = b.workPackages[0]!.earningRule;
    expect(rule?.type === "fixed-split" && rule.startPercent.toFixed()).toBe("25");
  });

  it("accepts an empty original baseline with a zero BAC", () => {
    const b0: BaselineWire = {
      ...clone(), number: 0, workPackages: [], milestones: [], budgetAtCompletion: { amount: "0.00", currency: "USD" },
    };
    delete b0.supersedes;
    expect(baselineSchema.encode(baselineSchema.decode(b0))).toEqual(b0);
  });

  it("rejects a BAC that is not the exact sum", () => {
    expect(paths(baselineSchema, { ...clone(), budgetAtCompletion: eur("60000.01") })).toEqual(["budgetAtCompletion"]);
    expect(paths(baselineSchema, { ...clone(), budgetAtCompletion: eur("59999.99") })).toEqual(["budgetAtCompletion"]);
    const empty = { ...clone(), workPackages: [], budgetAtCompletion: eur("1.00") };
    expect(paths(baselineSchema, empty)).toEqual(["budgetAtCompletion"]);
  });

  it("rejects currency mismatches", () => {
    expect(paths(baselineSchema, { ...clone(), budgetAtCompletion: { amount: "60000.00", currency: "USD" } })).toEqual([
      "budgetAtCompletion.currency",
    ]);
    const mixed = clone();
    mixed.workPackages[1]!.timePhasedBudget = [{ start: "2027-02-01", finish: "2027-03-26", amount: { amount: "39999.90", currency: "GBP" } }];
    expect(paths(baselineSchema, mixed)).toEqual(["workPackages.1.timePhasedBudget.0.amount.currency"]);
    expect(paths(baselineSchema, { ...clone(), budgetAtCompletion: { amount: "60000.00", currency: "EURO" } })).toEqual([
      "budgetAtCompletion.currency",
    ]);
    expect(paths(baselineSchema, { ...clone(), budgetAtCompletion: eur("6e4") })).toEqual(["budgetAtCompletion.amount"]);
  });

  it("applies the work package slice rules to frozen packages", () => {
    const overlap = clone();
    overlap.workPackages[1]!.timePhasedBudget[1]!.start = "2027-02-28";
    expect(paths(baselineSchema, overlap)).toEqual(["workPackages.1.timePhasedBudget.1.start"]);
    const outside = clone();
    outside.workPackages[0]!.timePhasedBudget[0]!.finish = "2027-01-30";
    expect(paths(baselineSchema, outside)).toEqual(["workPackages.0.timePhasedBudget.0.finish"]);
    const backwards = clone();
    backwards.workPackages[0]!.plannedFinish = "2027-01-03";
    expect(paths(baselineSchema, backwards)).toContain("workPackages.0.plannedFinish");
    const self = clone();
    self.workPackages[0]!.earningRule = { type: "apportioned", basePackageId: "wp-design", factor: "1" };
    expect(paths(baselineSchema, self)).toEqual(["workPackages.0.earningRule.basePackageId"]);
  });

  it("rejects duplicates and impossible numbering", () => {
    const dupWp = clone();
    dupWp.workPackages[1]!.workPackageId = "wp-design";
    expect(paths(baselineSchema, dupWp)).toEqual(["workPackages.1.workPackageId"]);
    const dupMs = clone();
    dupMs.milestones[1]!.milestoneId = "ms-design";
    expect(paths(baselineSchema, dupMs)).toEqual(["milestones.1.milestoneId"]);
    expect(paths(baselineSchema, { ...clone(), supersedes: 1 })).toEqual(["supersedes"]);
    expect(paths(baselineSchema, { ...clone(), number: 11 })).toEqual(["number"]);
    expect(paths(baselineSchema, { ...clone(), number: 1.5 })).toEqual(["number"]);
    expect(paths(baselineSchema, { ...clone(), reason: "  " })).toEqual(["reason"]);
    expect(paths(baselineSchema, { ...clone(), version: -1 })).toEqual(["version"]);
    expect(paths(baselineSchema, { ...clone(), capturedAt: "2026-12-01 09:00" })).toEqual(["capturedAt"]);
    const badDate = clone();
    badDate.milestones[0]!.date = "2026-02-30";
    expect(paths(baselineSchema, badDate)).toEqual(["milestones.0.date"]);
  });

  it("rejects unknown keys, including __proto__", () => {
    const evil = JSON.parse(JSON.stringify(baseline).replace(/^\{/, '{"__proto__":{"x":1},'));
    expect(baselineSchema.safeDecode(evil).error!.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["__proto__"] });
    const nested = clone() as unknown as { milestones: Record<string, unknown>[] };
    nested.milestones[0]!["forecast"] = "2027-01-30";
    expect(paths(baselineSchema, nested)).toEqual(["milestones.0"]);
  });

  it("publishes a JSON Schema of the wire form", () => {
    expect(baselineJsonSchema()["title"]).toBe("Baseline");
  });
});

const cost: CostEntryWire = {
  id: "ce-42",
  ...stored,
  projectId: "prj-crm",
  workPackageId: "wp-mig",
  date: "2027-02-28",
  amount: { amount: "12500.00", currency: "USD" },
  category: "contractors",
  expenditure: "capex",
  description: "Migration contractor, February",
  sourceRef: "INV-2027-0042",
  fxRate: { rate: "0.9215", currency: "EUR", source: "ECB", date: "2027-02-28" },
};

describe("costEntrySchema", () => {
  it("round-trips the canonical wire form exactly", () => {
    const back = costEntrySchema.encode(costEntrySchema.decode(cost));
    expect(back).toEqual(cost);
    expect(JSON.stringify(back)).toBe(JSON.stringify(cost));
    const credit: CostEntryWire = {
      id: "ce-43", ...stored, projectId: "prj-crm", date: "2027-03-01",
      amount: { amount: "-125.50", currency: "EUR" }, category: "software", expenditure: "opex",
    };
    expect(costEntrySchema.encode(costEntrySchema.decode(credit))).toEqual(credit);
    expect(costEntrySchema.decode(credit).amount.amount.toFixed()).toBe("-125.5");
  });

  it("decodes the amount and rate to exact Decimals", () => {
    const c = costEntrySchema.decode(cost);
    expect(c.amount.amount.eq("12500")).toBe(true);
    expect(c.fxRate!.rate.toFixed()).toBe("0.9215");
    expect(c.amount.amount.times(c.fxRate!.rate).toFixed(2)).toBe("11518.75");
  });

  it("rejects bad input with exact paths", () => {
    expect(paths(costEntrySchema, { ...cost, amount: { amount: "1e3", currency: "USD" } })).toEqual(["amount.amount"]);
    expect(paths(costEntrySchema, { ...cost, amount: { amount: "1000.00", currency: "EURO" } })).toEqual(["amount.currency"]);
    expect(paths(costEntrySchema, { ...cost, category: "beer" })).toEqual(["category"]);
    expect(paths(costEntrySchema, { ...cost, expenditure: "both" })).toEqual(["expenditure"]);
    expect(paths(costEntrySchema, { ...cost, date: "2026-02-30" })).toEqual(["date"]);
    expect(paths(costEntrySchema, { ...cost, version: -1 })).toEqual(["version"]);
    expect(paths(costEntrySchema, { ...cost, sourceRef: "x".repeat(201) })).toEqual(["sourceRef"]);
    expect(paths(costEntrySchema, { ...cost, fxRate: { ...cost.fxRate!, rate: "0" } })).toEqual(["fxRate.rate"]);
    expect(paths(costEntrySchema, { ...cost, fxRate: { ...cost.fxRate!, rate: "-1.2" } })).toEqual(["fxRate.rate"]);
    const evil = JSON.parse(JSON.stringify(cost).replace(/^\{/, '{"__proto__":null,'));
    expect(costEntrySchema.safeDecode(evil).error!.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["__proto__"] });
  });

  it("rejects a rate into the entry's own currency", () => {
    expect(paths(costEntrySchema, { ...cost, fxRate: { ...cost.fxRate!, currency: "USD" } })).toEqual(["fxRate.currency"]);
  });

  it("publishes a JSON Schema of the wire form", () => {
    expect(costEntryJsonSchema()["title"]).toBe("CostEntry");
  });
});
