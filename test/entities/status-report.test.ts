import { describe, it, expect } from "vitest";
import { mutate, paths } from "./helpers.js";
import { statusReportJsonSchema, statusReportSchema, type StatusReportWire } from "../../src/entities/status-report.js";

const stored = { version: 1, createdAt: "2027-03-01T09:00:00.000Z", updatedAt: "2027-03-01T09:00:00.000Z" };

const report: StatusReportWire = {
  id: "sr-2027-02",
  ...stored,
  projectId: "prj-crm",
  asOf: "2027-02-28",
  authorId: "p-rui",
  ragByDimension: [
    { dimension: "schedule", colour: "green", comment: "SPI 1.02", rule: "SPI >= 0.95" },
    { dimension: "cost", colour: "amber", comment: "CPI 0.93", rule: "0.85 <= CPI < 0.95" },
    { dimension: "risks-and-issues", colour: "red", comment: "Two critical issues open" },
  ],
  overall: { colour: "amber", override: { comment: "Critical issues have fixes scheduled this week", by: "p-ana" } },
  summary: "On schedule, slightly over cost",
  accomplishments: ["Design signed off", "Trial migration done"],
  nextSteps: ["Start build sprint 1"],
  raidRefs: [
    { kind: "risk", id: "rsk-1" },
    { kind: "issue", id: "iss-1" },
    { kind: "change-request", id: "cr-1" },
  ],
  publishedAt: "2027-03-01T08:30:00.000Z",
  publishedBy: "p-rui",
};

describe("status report", () => {
  it("round-trips the canonical wire", () => {
    const encoded = statusReportSchema.encode(statusReportSchema.decode(report));
    expect(encoded).toEqual(report);
    expect(JSON.stringify(encoded)).toBe(JSON.stringify(report));
  });

  it("normalises instants to milliseconds", () => {
    const r = statusReportSchema.decode({ ...report, publishedAt: "2027-03-01T08:30:00Z" });
    expect(r.publishedAt).toBe("2027-03-01T08:30:00.000Z");
    expect(statusReportSchema.encode(r).publishedAt).toBe("2027-03-01T08:30:00.000Z");
  });

  it("decodes the snapshot's values", () => {
    const r = statusReportSchema.decode(report);
    expect(r.ragByDimension.map((d) => `${d.dimension}:${d.colour}`)).toEqual(["schedule:green", "cost:amber", "risks-and-issues:red"]);
    expect(r.overall.override?.by).toBe("p-ana");
  });

  it("fills defaults for a bare report", () => {
    const r = statusReportSchema.decode({
      id: "sr-1", ...stored, projectId: "prj-crm", asOf: "2027-01-31", authorId: "p-rui", overall: { colour: "green" },
      summary: "", publishedAt: "2027-02-01T09:00:00.000Z", publishedBy: "p-rui",
    });
    expect(r.ragByDimension).toEqual([]);
    expect(r.raidRefs).toEqual([]);
    expect(r.accomplishments).toEqual([]);
  });

  it("rejects the common bad inputs with exact paths", () => {
    const p = (edit: (w: any) => void) => paths(statusReportSchema, mutate(report, edit));
    const proto = JSON.parse(JSON.stringify(report).replace(/^\{/, '{"__proto__":{"x":1},'));
    expect(paths(statusReportSchema, proto)).toEqual([""]);
    const nested = JSON.parse(JSON.stringify(report).replace('"overall":{', '"overall":{"__proto__":{"x":1},'));
    expect(paths(statusReportSchema, nested)).toEqual(["overall"]);
    expect(p((w) => (w.ragByDimension[1].colour = "blue"))).toEqual(["ragByDimension.1.colour"]);
    expect(p((w) => (w.ragByDimension[1].dimension = "budget"))).toEqual(["ragByDimension.1.dimension"]);
    expect(p((w) => (w.asOf = "2026-02-30"))).toEqual(["asOf"]);
    expect(p((w) => (w.publishedAt = "2027-03-01T08:30:00+01:00"))).toEqual(["publishedAt"]);
    expect(p((w) => (w.version = -1))).toEqual(["version"]);
    expect(p((w) => (w.raidRefs[0].id = "__proto__"))).toEqual(["raidRefs.0.id"]);
  });

  it("requires an override to be explained", () => {
    const p = (edit: (w: any) => void) => paths(statusReportSchema, mutate(report, edit));
    expect(p((w) => (w.overall.override.comment = "  "))).toEqual(["overall.override.comment"]);
    expect(p((w) => delete w.overall.override.comment)).toEqual(["overall.override.comment"]);
    expect(p((w) => delete w.overall.override.by)).toEqual(["overall.override.by"]);
  });

  it("rejects a dimension rated twice", () => {
    const wire = mutate(report, (w) => w.ragByDimension.push({ dimension: "cost", colour: "red", comment: "again" }));
    expect(paths(statusReportSchema, wire)).toEqual(["ragByDimension.3.dimension"]);
  });

  it("only cites RAID items, each once", () => {
    const p = (edit: (w: any) => void) => paths(statusReportSchema, mutate(report, edit));
    expect(p((w) => (w.raidRefs[1].kind = "project"))).toEqual(["raidRefs.1.kind"]);
    expect(p((w) => w.raidRefs.push({ kind: "risk", id: "rsk-1" }))).toEqual(["raidRefs.3.id"]);
    // Same id, different kind: a different item.
    expect(statusReportSchema.safeDecode(mutate(report, (w) => w.raidRefs.push({ kind: "action", id: "rsk-1" })) as never).success).toBe(true);
  });

  it("cannot be published before its as-of date", () => {
    expect(paths(statusReportSchema, mutate(report, (w) => (w.publishedAt = "2027-02-27T23:59:59.999Z")))).toEqual(["publishedAt"]);
    expect(statusReportSchema.safeDecode(mutate(report, (w) => (w.publishedAt = "2027-02-28T00:00:00.000Z")) as never).success).toBe(true);
  });

  it("has a titled JSON Schema", () => {
    const schema = statusReportJsonSchema();
    expect(schema.title).toBe("Status report");
    expect(schema.required).toEqual(expect.arrayContaining(["projectId", "asOf", "overall", "publishedAt"]));
  });
});
