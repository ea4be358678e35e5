import { describe, expect, it } from "vitest";
import { assignmentSchema, durationEstimateSchema, milestoneSchema, resourceSchema, riskSchema, workPackageSchema, dependencyLinkSchema, scheduleConstraintSchema } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { mutate, paths, rejectsProto, roundTrips } from "./helpers.js";

const office = loadSampleOffice();
const find = (kind: "work-package" | "milestone" | "resource" | "assignment", id: string) =>
  office[kind].find((r) => (r as { id: string }).id === id) as Record<string, unknown>;
const wp = find("work-package", "wp-crm-4.2");
const golive = find("milestone", "ms-crm-go-live");
const olga = find("resource", "res-olga-petrova");
const migration = find("assignment", "as-crm-3-olga-petrova");

describe("dependency links, constraints and deadlines", () => {
  it("decode a lead, an FF lag and exact decimals, and round-trip", () => {
    const w = workPackageSchema.decode(wp as never);
    expect(w.predecessors?.map((l) => [l.predecessorId, l.type, l.lag?.kind, l.lag && "days" in l.lag ? l.lag.days.toFixed() : undefined])).toEqual([
      ["ms-crm-build", "FS", "working-days", "-15"], ["wp-crm-4.1", "FF", "working-days", "15"],
    ]);
    roundTrips(workPackageSchema, wp);
    roundTrips(milestoneSchema, golive);
    expect(milestoneSchema.decode(golive as never).deadline).toBe("2027-03-01");
    expect(dependencyLinkSchema.decode({ predecessorId: "A", type: "SS", lag: { kind: "percent", percent: "50" } }).lag).toMatchObject({ kind: "percent" });
    expect(dependencyLinkSchema.decode({ predecessorId: "A", type: "FS", lag: { kind: "elapsed-days", days: "3" } }).lag).toMatchObject({ kind: "elapsed-days" });
  });

  it("refuse a self-link, a predecessor named twice, an unknown link type and a dated constraint without its date, with paths", () => {
    expect(paths(workPackageSchema, mutate(wp, (w) => w.predecessors.push({ predecessorId: "wp-crm-4.2", type: "FS" })))).toEqual(["predecessors.2.predecessorId"]);
    expect(paths(milestoneSchema, mutate(golive, (m) => m.predecessors.push({ predecessorId: "wp-crm-6", type: "FF" })))).toEqual(["predecessors.2.predecessorId"]);
    expect(paths(workPackageSchema, mutate(wp, (w) => (w.predecessors[0].type = "XX")))).toEqual(["predecessors.0.type"]);
    expect(paths(scheduleConstraintSchema, { kind: "snet" })).toEqual(["date"]);
    expect(paths(scheduleConstraintSchema, { kind: "asap", date: "2027-01-04" })).toEqual([""]);
    expect(paths(dependencyLinkSchema, { predecessorId: "A", type: "FS", lag: { days: "2" } })).toEqual(["lag.kind"]);
    expect(paths(dependencyLinkSchema, { predecessorId: "A", type: "FS", lag: { kind: "working-days", days: "1e3" } })).toEqual(["lag.days"]);
  });

  it("refuse a negative duration and an actual finish without (or before) an actual start", () => {
    expect(paths(workPackageSchema, mutate(wp, (w) => (w.durationDays = "-1")))).toEqual(["durationDays"]);
    expect(paths(workPackageSchema, mutate(wp, (w) => (w.actualFinish = "2027-02-19")))).toEqual(["actualStart"]);
    expect(paths(workPackageSchema, mutate(wp, (w) => Object.assign(w, { actualStart: "2027-02-19", actualFinish: "2027-02-18" })))).toEqual(["actualFinish"]);
  });
});

describe("resource", () => {
  it("round-trips the DBA with her rate rise, and refuses __proto__", () => {
    const r = resourceSchema.decode(olga as never);
    expect(r.costRates.map((c) => [c.effectiveFrom, c.perHour.amount.toFixed(2)])).toEqual([["2026-01-01", "92.00"], ["2027-01-01", "96.00"]]);
    expect(r.maxUnits.toFixed()).toBe("1");
    roundTrips(resourceSchema, olga);
    rejectsProto(resourceSchema, olga);
  });

  it("refuses zero capacity, a person id on a role or skill pool, rates out of order or in two currencies", () => {
    expect(paths(resourceSchema, mutate(olga, (r) => (r.maxUnits = "0")))).toEqual(["maxUnits"]);
    expect(paths(resourceSchema, mutate(olga, (r) => (r.type = "skill")))).toEqual(["personId"]);
    expect(paths(resourceSchema, mutate(olga, (r) => (r.costRates[1].effectiveFrom = "2026-01-01")))).toEqual(["costRates.1.effectiveFrom"]);
    expect(paths(resourceSchema, mutate(olga, (r) => (r.costRates[1].perHour.currency = "USD")))).toEqual(["costRates.1.perHour.currency"]);
    expect(paths(resourceSchema, mutate(olga, (r) => (r.skills = ["Not A Skill"])))).toEqual(["skills.0"]);
  });
});

describe("assignment", () => {
  it("round-trips, defaults the contour to flat, refuses zero units and an unknown contour", () => {
    roundTrips(assignmentSchema, migration);
    expect(assignmentSchema.decode(migration as never).contour).toBe("back-loaded");
    const { contour: _c, ...noContour } = migration;
    expect(assignmentSchema.decode(noContour as never).contour).toBe("flat");
    expect(paths(assignmentSchema, mutate(migration, (a) => (a.units = "0")))).toEqual(["units"]);
    expect(paths(assignmentSchema, mutate(migration, (a) => (a.contour = "zigzag")))).toEqual(["contour"]);
    expect(paths(assignmentSchema, mutate(migration, (a) => (a.work = "-8")))).toEqual(["work"]);
  });
});

describe("duration estimates and risk impacts", () => {
  it("decode three-point, uniform and lognormal estimates; refuse min > most likely > max, min = max and a zero mean", () => {
    expect(durationEstimateSchema.decode({ kind: "pert", min: "27", mostLikely: "30", max: "45" }).kind).toBe("pert");
    expect(durationEstimateSchema.decode({ kind: "uniform", min: "2", max: "3" }).kind).toBe("uniform");
    expect(paths(durationEstimateSchema, { kind: "triangular", min: "31", mostLikely: "30", max: "29" })).toEqual(["min", "max"]);
    expect(paths(durationEstimateSchema, { kind: "triangular", min: "30", mostLikely: "30", max: "30" })).toEqual(["max"]);
    expect(paths(durationEstimateSchema, { kind: "uniform", min: "3", max: "3" })).toEqual(["max"]);
    expect(paths(durationEstimateSchema, { kind: "lognormal", mean: "0", standardDeviation: "1" })).toEqual(["mean"]);
    expect(paths(durationEstimateSchema, { kind: "pert", min: "-1", mostLikely: "3", max: "5" })).toEqual(["min"]);
    roundTrips(workPackageSchema, find("work-package", "wp-crm-3"));
  });

  it("a risk names the activities its delay lands on (at least one)", () => {
    const risk = office.risk.find((r) => (r as { id: string }).id === "RSK-CRM-001") as Record<string, unknown>;
    expect(riskSchema.decode(risk as never).scheduleImpactOn).toEqual(["wp-crm-3"]);
    roundTrips(riskSchema, risk);
    expect(paths(riskSchema, mutate(risk, (r) => (r.scheduleImpactOn = [])))).toEqual(["scheduleImpactOn"]);
  });
});
