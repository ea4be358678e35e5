import { describe, expect, it } from "vitest";
import { decimal, decodeEntity, instant, isoDate, metric, missing, ValidationError, type Issue, type Milestone, type Risk } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { createStatusReport, ragStatus } from "../../src/status/index.js";

// Issue 17 "Truthful on empty data": a project with no baseline, no milestones and no risks showed overall GREEN
// because the derived counts of its empty registers were 0 ("missedKeyMilestones 0 → green").
const asOf = isoDate("2026-11-20");
const d = (x: string) => metric(decimal(x));
const o = loadSampleOffice();
const milestone = { ...(decodeEntity("milestone", o.milestone[0]) as Milestone), id: "ms", projectId: "P", key: true };
const risk = { ...(decodeEntity("risk", o.risk[0]) as Risk), id: "r", projectId: "P", probability: decimal("0.2"), raisedOn: isoDate("2026-01-05"), status: "open" } as Risk;
const issue = { ...(decodeEntity("issue", o.issue[0]) as Issue), id: "i", projectId: "P", severity: "low", raisedOn: isoDate("2026-01-05"), status: "open" } as Issue;
const noBaseline = { spi: missing("no-baseline"), cpi: missing("no-baseline") };

describe("issue 17: truthful on empty data", () => {
  it("issue 17: no baseline, no milestones, no risks is not green (missedKeyMilestones 0 → green no more)", () => {
    const s = ragStatus({ id: "P", milestones: [], risks: [], issues: [] }, { asOf, figures: noBaseline });
    const schedule = s.dimensions.find((x) => x.dimension === "schedule")!;
    expect(schedule.colour).toBeUndefined();
    expect(schedule.rules.find((r) => r.ruleId === "schedule-key-milestones")!.missing).toEqual({ figure: "missedKeyMilestones", reason: "no-data", detail: "no key milestone recorded" });
    expect(schedule.comment).toContain("missedKeyMilestones not available (no-data: no key milestone recorded)");
    expect(s.derived["missedKeyMilestones"]).toEqual({ reason: "no-data", note: "no key milestone recorded", from: [] });
    expect(s.derived["highRisksPending"]).toEqual({ reason: "no-data", note: "no risk raised by 2026-11-20", from: [] });
    expect(s.derived["openCriticalIssues"]).toEqual({ reason: "no-data", note: "no issue raised by 2026-11-20", from: [] });
    expect(s.overall.colour).toBeUndefined();
    expect(s.overall.computed).toBeUndefined();
    expect(s.overall.insufficientData).toEqual({
      reason: "insufficient-data",
      minimumRated: 2,
      rated: [],
      unrated: ["schedule", "cost", "scope", "quality", "risks-and-issues", "resources", "readiness"],
      explanation: "0 of 7 dimensions rated, at least 2 needed; not rated: schedule, cost, scope, quality, risks-and-issues, resources, readiness",
    });
  });

  it("issue 17: key milestones without a baseline day are unrated no-baseline; one not yet due counts 0", () => {
    const unbaselined = { ...milestone, baselineDate: undefined } as Milestone;
    const s = ragStatus({ id: "P", milestones: [unbaselined] }, { asOf });
    expect(s.derived["missedKeyMilestones"]).toEqual({ reason: "no-baseline", note: "no key milestone has a baseline day", from: [] });
    const notDue = { ...milestone, baselineDate: isoDate("2027-03-01"), actualDate: undefined } as Milestone;
    // A key milestone that exists and is not due yet is real data: none missed.
    expect(ragStatus({ id: "P", milestones: [notDue] }, { asOf }).derived["missedKeyMilestones"]).toEqual({ value: "0", from: [], note: "each milestone's own baselineDate (no baseline given)" });
  });

  it("issue 17: a risk or issue raised after asOf does not make the register non-empty", () => {
    const later = { ...risk, raisedOn: isoDate("2026-12-01") } as Risk;
    expect(ragStatus({ id: "P", risks: [later] }, { asOf }).derived["highRisksPending"]).toMatchObject({ reason: "no-data" });
    // A register with a low risk and a low issue: both counts are a real 0.
    const s = ragStatus({ id: "P", risks: [risk], issues: [issue] }, { asOf });
    expect(s.derived["highRisksPending"]).toEqual({ value: "0", from: [] });
    expect(s.derived["openCriticalIssues"]).toEqual({ value: "0", from: [] });
  });

  it("issue 17: one rated dimension is not enough for an overall colour by default; the minimum is configurable", () => {
    const s = ragStatus({ id: "P" }, { asOf, figures: { spi: d("1.02") } });
    expect(s.dimensions.find((x) => x.dimension === "schedule")!.colour).toBe("green");
    expect(s.overall).toMatchObject({ colour: undefined, computed: undefined, worstDimensions: [] });
    expect(s.overall.insufficientData).toMatchObject({ minimumRated: 2, rated: ["schedule"] });
    const one = ragStatus({ id: "P" }, { asOf, figures: { spi: d("1.02") }, minimumRatedDimensions: 1 });
    expect(one.overall).toMatchObject({ colour: "green", computed: "green", worstDimensions: ["schedule"] });
    expect(one.overall.insufficientData).toBeUndefined();
    // Two rated dimensions meet the default minimum.
    expect(ragStatus({ id: "P" }, { asOf, figures: { spi: d("1.02"), cpi: d("0.90") } }).overall.colour).toBe("amber");
  });

  it("issue 17: rules for one dimension only need that one dimension rated (the default is at most the dimensions with rules)", () => {
    const rules = [{ id: "cost-cpi", dimension: "cost", kind: "index", figure: "cpi", greenAtLeast: "0.95", amberAtLeast: "0.85" }];
    const s = ragStatus({ id: "P" }, { asOf, rules, figures: { cpi: d("0.97") } });
    expect(s.overall).toMatchObject({ colour: "green", computed: "green" });
  });

  it("issue 17: an override still gives a colour on insufficient data, and the snapshot keeps it; without one the snapshot refuses", () => {
    const by = { colour: "amber", comment: "Baseline not yet approved", by: "p-frank-meyer" } as const;
    const s = ragStatus({ id: "P", milestones: [], risks: [] }, { asOf, override: by });
    expect(s.overall).toMatchObject({ colour: "amber", computed: undefined, insufficientData: { rated: [] } });
    const content = { id: "SR", authorId: "p", summary: "", publishedAt: instant("2026-11-20T17:00:00Z"), publishedBy: "p" };
    expect(createStatusReport(s, content).overall.colour).toBe("amber");
    expect(() => createStatusReport(ragStatus({ id: "P" }, { asOf, figures: { spi: d("1.02") } }), content)).toThrow(
      /insufficient data: 1 of 7 dimensions rated, at least 2 needed/,
    );
  });

  it("issue 17: the minimum must be a whole number of at least 1", () => {
    for (const bad of [0, 1.5, -1]) {
      expect(() => ragStatus({ id: "P" }, { asOf, minimumRatedDimensions: bad })).toThrow(ValidationError);
    }
  });
});
