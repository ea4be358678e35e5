import { describe, it, expect } from "vitest";
import { eur, paths } from "./helpers.js";
import { PmoDecimal } from "../../src/core/decimal.js";
import { earningRuleSchema, progressRecordSchema, workPackageJsonSchema, workPackageSchema, type WorkPackageWire } from "../../src/entities/work-package.js";
import { milestoneJsonSchema, milestoneSchema, type MilestoneWire } from "../../src/entities/milestone.js";

const stored = { version: 1, createdAt: "2026-01-05T09:00:00.000Z", updatedAt: "2026-01-06T10:30:00.000Z" };

const wp: WorkPackageWire = {
  id: "wp-mig",
  ...stored,
  projectId: "prj-crm",
  code: "1.2.3",
  parentId: "wp-1-2",
  name: "Data migration",
  description: "Move customer records from the legacy CRM.",
  ownerId: "p-rui",
  plannedStart: "2027-01-04",
  plannedFinish: "2027-03-26",
  timePhasedBudget: [
    { start: "2027-01-04", finish: "2027-01-31", amount: eur("20000.00") },
    { start: "2027-02-01", finish: "2027-02-28", amount: eur("25000.50") },
    { start: "2027-03-01", finish: "2027-03-26", amount: eur("14999.50") },
  ],
  earningRule: {
    type: "weighted-milestones",
    milestones: [
      { id: "m-extract", name: "Extract done", weight: "0.25" },
      { id: "m-load", name: "Load done", weight: "0.5" },
      { id: "m-recon", name: "Reconciled", weight: "0.25" },
    ],
  },
  progress: [
    { date: "2027-01-10", started: true },
    { date: "2027-01-31", percentComplete: "30", milestonesReached: ["m-extract"], note: "Extract signed off" },
    { date: "2027-02-28", percentComplete: "62.5", physicalPercentComplete: "60", milestonesReached: ["m-extract", "m-load"] },
  ],
  estimateToComplete: { amount: eur("21000.00"), asOf: "2027-02-28", basis: "bottom-up re-estimate" },
};

const clone = (): WorkPackageWire => structuredClone(wp);

describe("workPackageSchema", () => {
  it("round-trips the canonical wire form exactly", () => {
    const back = workPackageSchema.encode(workPackageSchema.decode(wp));
    expect(back).toEqual(wp);
    expect(JSON.stringify(back)).toBe(JSON.stringify(wp));
  });

  it("decodes money and decimals to exact Decimals", () => {
    const m = workPackageSchema.decode(wp);
    expect(PmoDecimal.isDecimal(m.timePhasedBudget[1]!.amount.amount)).toBe(true);
    expect(m.timePhasedBudget[1]!.amount.amount.toFixed()).toBe("25000.5");
    expect(m.timePhasedBudget[1]!.amount.currency).toBe("EUR");
    expect(m.progress[2]!.percentComplete!.toFixed()).toBe("62.5");
    expect(m.estimateToComplete!.amount.amount.eq("21000")).toBe(true);
    if (m.earningRule.type !== "weighted-milestones") throw new Error("rule lost");
    expect(m.earningRule.milestones.map((x) => x.weight.toFixed())).toEqual(["0.25", "0.5", "0.25"]);
  });

  it("round-trips every earning rule", () => {
    const rules = [
      { type: "0/100" },
      { type: "50/50" },
      { type: "fixed-split", startPercent: "25" },
      { type: "percent-complete" },
      { type: "physical-percent-complete" },
      { type: "units", totalUnits: "120", unitName: "tables" },
      { type: "level-of-effort" },
      { type: "apportioned", basePackageId: "wp-build", factor: "0.15" },
    ] as const;
    for (const earningRule of rules) {
      const w = { ...clone(), earningRule, progress: [{ date: "2027-01-10", started: true }] };
      expect(workPackageSchema.encode(workPackageSchema.decode(w))).toEqual(w);
    }
    expect(earningRuleSchema.decode({ type: "fixed-split", startPercent: "20" })).toMatchObject({ type: "fixed-split" });
  });

  it("rejects a __proto__ key without polluting prototypes", () => {
    const evil = JSON.parse(JSON.stringify(wp).replace(/^\{/, '{"__proto__":{"polluted":true},'));
    const r = workPackageSchema.safeDecode(evil);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["__proto__"] });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("rejects bad scalar input with exact paths", () => {
    expect(paths(workPackageSchema, { ...clone(), code: "1..2" })).toContain("code");
    expect(paths(workPackageSchema, { ...clone(), version: -1 })).toContain("version");
    expect(paths(workPackageSchema, { ...clone(), plannedFinish: "2027-02-30" })).toContain("plannedFinish");
    expect(paths(workPackageSchema, { ...clone(), earningRule: { type: "80/20" } })).toContain("earningRule.type");
    const w = clone();
    w.timePhasedBudget[0]!.amount = { amount: "1e3", currency: "EUR" };
    expect(paths(workPackageSchema, w)).toContain("timePhasedBudget.0.amount.amount");
    const c = clone();
    c.timePhasedBudget[0]!.amount = { amount: "1.00", currency: "EURO" };
    expect(paths(workPackageSchema, c)).toContain("timePhasedBudget.0.amount.currency");
  });

  it("rejects a finish before the start", () => {
    const w = { ...clone(), plannedFinish: "2027-01-03", timePhasedBudget: [] };
    expect(paths(workPackageSchema, w)).toEqual(["plannedFinish"]);
  });

  it("rejects overlapping, out-of-range and mixed-currency slices", () => {
    const overlap = clone();
    overlap.timePhasedBudget[1]!.start = "2027-01-31";
    expect(paths(workPackageSchema, overlap)).toEqual(["timePhasedBudget.1.start"]);
    const early = clone();
    early.timePhasedBudget[0]!.start = "2027-01-03";
    expect(paths(workPackageSchema, early)).toEqual(["timePhasedBudget.0.start"]);
    const late = clone();
    late.timePhasedBudget[2]!.finish = "2027-03-27";
    expect(paths(workPackageSchema, late)).toEqual(["timePhasedBudget.2.finish"]);
    const usd = clone();
    usd.timePhasedBudget[2]!.amount = { amount: "14999.50", currency: "USD" };
    expect(paths(workPackageSchema, usd)).toContain("timePhasedBudget.2.amount.currency");
    const negative = clone();
    negative.timePhasedBudget[0]!.amount = eur("-1.00");
    expect(paths(workPackageSchema, negative)).toEqual(["timePhasedBudget.0.amount"]);
  });

  it("rejects self references", () => {
    expect(paths(workPackageSchema, { ...clone(), parentId: "wp-mig" })).toEqual(["parentId"]);
    const self = { ...clone(), earningRule: { type: "apportioned", basePackageId: "wp-mig", factor: "0.1" }, progress: [] };
    expect(paths(workPackageSchema, self)).toEqual(["earningRule.basePackageId"]);
  });

  it("checks the earning rules' own fields", () => {
    const split = { ...clone(), earningRule: { type: "fixed-split", startPercent: "101" }, progress: [] };
    expect(paths(workPackageSchema, split)).toEqual(["earningRule.startPercent"]);
    const units = { ...clone(), earningRule: { type: "units", totalUnits: "0", unitName: "tables" }, progress: [] };
    expect(paths(workPackageSchema, units)).toEqual(["earningRule.totalUnits"]);
    const factor = { ...clone(), earningRule: { type: "apportioned", basePackageId: "wp-b", factor: "-0.1" }, progress: [] };
    expect(paths(workPackageSchema, factor)).toEqual(["earningRule.factor"]);
    const dup = clone();
    if (dup.earningRule.type !== "weighted-milestones") throw new Error("fixture");
    dup.earningRule.milestones[2]!.id = "m-load";
    expect(paths(workPackageSchema, dup)).toEqual(["earningRule.milestones.2.id"]);
    const zero = { ...clone(), progress: [], earningRule: { type: "weighted-milestones", milestones: [{ id: "a", name: "A", weight: "0" }] } };
    expect(paths(workPackageSchema, zero)).toEqual(["earningRule.milestones"]);
  });

  it("checks progress records", () => {
    // Issue 12: an overrun (above 100 %) is a valid report; the EVM policy clamps or refuses it. Negative is not.
    const over = clone();
    over.progress[1]!.percentComplete = "100.5";
    expect(workPackageSchema.safeDecode(over as never).success).toBe(true);
    over.progress[1]!.percentComplete = "-1";
    expect(paths(workPackageSchema, over)).toEqual(["progress.1.percentComplete"]);
    const unknown = clone();
    unknown.progress[2]!.milestonesReached = ["m-extract", "m-golive"];
    expect(paths(workPackageSchema, unknown)).toEqual(["progress.2.milestonesReached.1"]);
    const empty = clone();
    empty.progress[1] = { date: "2027-01-31", note: "nothing measured" };
    expect(paths(workPackageSchema, empty)).toEqual(["progress.1"]);
    const order = clone();
    order.progress[2]!.date = "2027-01-31";
    expect(paths(workPackageSchema, order)).toEqual(["progress.2.date"]);
    const contradiction = clone();
    contradiction.progress[0] = { date: "2027-01-10", started: false, finished: true };
    expect(paths(workPackageSchema, contradiction)).toEqual(["progress.0.started"]);
    const units = { ...clone(), earningRule: { type: "units", totalUnits: "10", unitName: "tables" } };
    units.progress = [{ date: "2027-01-10", unitsComplete: "4" }, { date: "2027-01-20", unitsComplete: "10.5" }];
    expect(workPackageSchema.safeDecode(units as never).success).toBe(true); // more units than planned: an overrun, as above
    units.progress = [{ date: "2027-01-10", unitsComplete: "-4" }];
    expect(paths(workPackageSchema, units)).toEqual(["progress.0.unitsComplete"]);
    expect(progressRecordSchema.decode({ date: "2027-01-10", unitsComplete: "4" }).unitsComplete!.toFixed()).toBe("4");
  });

  it("reports, never throws, when a field fails and cross-field rules would see its wire form", () => {
    const units = { ...clone(), earningRule: { type: "units", totalUnits: "10", unitName: "tables" } };
    units.progress = [{ date: "2027-01-10", unitsComplete: "four" }];
    expect(paths(workPackageSchema, units)).toEqual(["progress.0.unitsComplete"]);
    const weights = { ...clone(), progress: [], earningRule: { type: "weighted-milestones", milestones: [{ id: "a", name: "A", weight: "x" }] } };
    expect(paths(workPackageSchema, weights)).toEqual(["earningRule.milestones.0.weight"]);
    const etc = clone();
    etc.estimateToComplete = { amount: { amount: "1e3", currency: "EUR" }, asOf: "2027-02-28" };
    expect(paths(workPackageSchema, etc)).toEqual(["estimateToComplete.amount.amount"]);
  });

  it("keeps the estimate to complete in the budget currency", () => {
    const w = clone();
    w.estimateToComplete = { amount: { amount: "10.00", currency: "USD" }, asOf: "2027-02-28" };
    expect(paths(workPackageSchema, w)).toEqual(["estimateToComplete.amount.currency"]);
  });

  it("refuses to encode an invalid memory value", () => {
    const m = workPackageSchema.decode(wp);
    const bad = { ...m, plannedFinish: m.plannedStart, timePhasedBudget: m.timePhasedBudget };
    const r = workPackageSchema.safeEncode(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toContain("timePhasedBudget.0.finish");
  });

  it("publishes a JSON Schema of the wire form", () => {
    const js = workPackageJsonSchema();
    expect(js["title"]).toBe("WorkPackage");
    expect(js["required"]).toEqual(expect.arrayContaining(["projectId", "code", "timePhasedBudget", "earningRule", "progress"]));
  });
});

const ms: MilestoneWire = {
  id: "ms-golive",
  ...stored,
  projectId: "prj-crm",
  workPackageId: "wp-deploy",
  name: "Go-live",
  key: true,
  baselineDate: "2027-06-01",
  forecastDate: "2027-06-15",
  actualDate: "2027-06-14",
  description: "Production cut-over complete.",
};

describe("milestoneSchema", () => {
  it("round-trips the canonical wire form exactly", () => {
    const back = milestoneSchema.encode(milestoneSchema.decode(ms));
    expect(back).toEqual(ms);
    expect(JSON.stringify(back)).toBe(JSON.stringify(ms));
    const minimal: MilestoneWire = { id: "ms-2", ...stored, projectId: "prj-crm", name: "Design sign-off", key: false };
    expect(milestoneSchema.encode(milestoneSchema.decode(minimal))).toEqual(minimal);
  });

  it("rejects bad input with exact paths", () => {
    expect(paths(milestoneSchema, { ...ms, forecastDate: "2026-02-30" })).toEqual(["forecastDate"]);
    expect(paths(milestoneSchema, { ...ms, key: "yes" })).toEqual(["key"]);
    expect(paths(milestoneSchema, { ...ms, version: -1 })).toEqual(["version"]);
    expect(paths(milestoneSchema, { ...ms, name: "   " })).toEqual(["name"]);
    const evil = JSON.parse(JSON.stringify(ms).replace(/^\{/, '{"__proto__":1,'));
    expect(milestoneSchema.safeDecode(evil).error!.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["__proto__"] });
  });

  it("publishes a JSON Schema of the wire form", () => {
    expect(milestoneJsonSchema()["title"]).toBe("Milestone");
  });
});
