import { describe, expect, it } from "vitest";
import { decimal, decodeEntity, instant, isoDate, metric, missing, money, ValidationError, type Issue, type Milestone, type Risk } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { createStatusReport, DEFAULT_RAG_RULES, decodeRagRules, ragStatus, statusTrend, type RagFigures } from "../../src/status/index.js";

const asOf = isoDate("2026-11-20");
const d = (x: string) => metric(decimal(x));
const only = (id: string) => DEFAULT_RAG_RULES.filter((r) => r.id === id);
const colourOf = (figures: RagFigures, ruleId: string) => ragStatus({ id: "P" }, { asOf, rules: only(ruleId), figures }).dimensions[0]!.colour;

describe("RAG rules at their threshold edges", () => {
  it("SPI: 0.95 exactly is green, just below is amber; 0.85 exactly is amber, just below is red", () => {
    expect(colourOf({ spi: d("0.95") }, "schedule-spi")).toBe("green");
    expect(colourOf({ spi: d("0.9499") }, "schedule-spi")).toBe("amber");
    expect(colourOf({ spi: d("0.85") }, "schedule-spi")).toBe("amber");
    expect(colourOf({ spi: d("0.8499") }, "schedule-spi")).toBe("red");
  });

  it("CPI: the same edges", () => {
    expect(colourOf({ cpi: d("0.95") }, "cost-cpi")).toBe("green");
    expect(colourOf({ cpi: d("0.85") }, "cost-cpi")).toBe("amber");
    expect(colourOf({ cpi: d("0.84999999") }, "cost-cpi")).toBe("red");
  });

  it("EAC vs BAC: = BAC green, = 1.05 × BAC amber, a cent above red", () => {
    const bac = metric(money("1000000.00", "EUR"));
    expect(colourOf({ bac, eac: metric(money("1000000.00", "EUR")) }, "cost-eac")).toBe("green");
    expect(colourOf({ bac, eac: metric(money("1000000.01", "EUR")) }, "cost-eac")).toBe("amber");
    expect(colourOf({ bac, eac: metric(money("1050000.00", "EUR")) }, "cost-eac")).toBe("amber");
    expect(colourOf({ bac, eac: metric(money("1050000.01", "EUR")) }, "cost-eac")).toBe("red");
  });

  it("PRINCE2 tolerance: amber from 80% of the tolerance, red only when breached", () => {
    // finish tolerance 20 days → amber from 16 days
    expect(colourOf({ finishSlipDays: d("15") }, "schedule-finish-tolerance")).toBe("green");
    expect(colourOf({ finishSlipDays: d("16") }, "schedule-finish-tolerance")).toBe("amber");
    expect(colourOf({ finishSlipDays: d("20") }, "schedule-finish-tolerance")).toBe("amber");
    expect(colourOf({ finishSlipDays: d("21") }, "schedule-finish-tolerance")).toBe("red");
  });

  it("counts: one open critical issue is red, one overdue blocking rollout item amber", () => {
    expect(colourOf({ openCriticalIssues: d("0") }, "issues-critical")).toBe("green");
    expect(colourOf({ openCriticalIssues: d("1") }, "issues-critical")).toBe("red");
    expect(colourOf({ overdueBlockingItems: d("1") }, "readiness-overdue")).toBe("amber");
    expect(colourOf({ openBlockingAtGoNoGo: d("2") }, "readiness-go-no-go")).toBe("red");
  });

  it("resources: shortfall is amber, red when the previous report was amber too", () => {
    const f = { plannedHours: d("400"), allocatedHours: d("360"), actualHours: d("350") };
    expect(colourOf({ ...f, allocatedHours: d("400") }, "resources-allocation")).toBe("green");
    expect(colourOf(f, "resources-allocation")).toBe("amber");
    const o = loadSampleOffice();
    const prev = decodeEntity("status-report", o["status-report"][0]);
    const withPrev = { ...prev, ragByDimension: [{ dimension: "resources" as const, colour: "amber" as const, comment: "" }] };
    // The previous report must be this project's (another project's colours are refused).
    const r = ragStatus({ id: prev.projectId }, { asOf, rules: only("resources-allocation"), figures: f, previous: withPrev });
    expect(r.dimensions[0]!.colour).toBe("red");
    expect(r.dimensions[0]!.comment).toBe("allocated < planned, and amber in the previous report → red");
  });
});

describe("ragStatus", () => {
  it("every colour carries the rule and the figures that produced it", () => {
    const r = ragStatus({ id: "P" }, { asOf, figures: { spi: d("0.92"), cpi: d("0.97") } });
    const schedule = r.dimensions.find((x) => x.dimension === "schedule")!;
    expect(schedule.colour).toBe("amber");
    expect(schedule.decidedBy).toEqual(["schedule-spi"]);
    expect(schedule.comment).toBe("spi 0.92 ≥ 0.85 and < 0.95 → amber");
    expect(schedule.rules[0]!.figures).toEqual({ spi: "0.92" });
    expect(schedule.rules[0]!.rule).toBe("spi ≥ 0.95 green; ≥ 0.85 amber; below red");
    expect(schedule.partial).toBe(true); // milestones and finish slip were not supplied
  });

  it("a missing figure never yields a colour: it says which figure and why", () => {
    const r = ragStatus({ id: "P" }, { asOf, rules: only("cost-cpi"), figures: { cpi: missing("ac-is-zero") } });
    expect(r.dimensions[0]!.colour).toBeUndefined();
    expect(r.dimensions[0]!.rules[0]!.missing).toEqual({ figure: "cpi", reason: "ac-is-zero" });
    expect(r.overall.colour).toBeUndefined();
  });

  it("the sample WMS project: late and over budget, a slipped key milestone and a critical issue", () => {
    const o = loadSampleOffice();
    const milestones = o.milestone.map((x) => decodeEntity("milestone", x)) as Milestone[];
    const risks = o.risk.map((x) => decodeEntity("risk", x)) as Risk[];
    const issues = o.issue.map((x) => decodeEntity("issue", x)) as Issue[];
    const wms = decodeEntity("project", o.project.find((p) => (p as { id: string }).id === "PRJ-WMS"));
    const r = ragStatus(
      { ...wms, forecastFinish: isoDate("2027-08-31"), milestones, risks, issues },
      {
        asOf,
        // SPI and CPI as in examples/data/README.md; EAC = BAC ÷ CPI ≈ 2,031,136 against BAC 1,787,400.
        figures: { spi: d("0.65"), cpi: d("0.88"), bac: metric(money("1787400.00", "EUR")), eac: metric(money("2031136.36", "EUR")) },
      },
    );
    const colour = Object.fromEntries(r.dimensions.map((x) => [x.dimension, x.colour]));
    expect(colour).toMatchObject({ schedule: "red", cost: "red", "risks-and-issues": "red" });
    expect(r.derived["missedKeyMilestones"]).toEqual({ value: "1", from: ["ms-wms-pilot"], note: "each milestone's own baselineDate (no baseline given)" });
    expect(r.derived["openCriticalIssues"]).toEqual({ value: "1", from: ["ISS-WMS-002"] });
    expect(r.derived["highRisksPending"]).toEqual({ value: "0", from: [] });
    expect(r.derived["finishSlipDays"]!.value).toBe("62"); // 2027-06-30 → 2027-08-31
    expect(r.overall).toMatchObject({ colour: "red", computed: "red", worstDimensions: ["schedule", "cost", "risks-and-issues"] });
  });

  it("overall = worst dimension unless overridden, and an override needs a comment", () => {
    const figures = { spi: d("1.25"), cpi: d("1.19") };
    expect(ragStatus({ id: "P" }, { asOf, figures }).overall.colour).toBe("green");
    const o = ragStatus({ id: "P" }, { asOf, figures, override: { colour: "amber", comment: "Lease-end risk RSK-DCX-001", by: "p-frank-meyer" } });
    expect(o.overall).toMatchObject({ colour: "amber", computed: "green", override: { comment: "Lease-end risk RSK-DCX-001" } });
    expect(() => ragStatus({ id: "P" }, { asOf, figures, override: { colour: "amber", comment: "  ", by: "p" } })).toThrow(/needs a comment/);
  });

  it("rejects rules that reference unknown figures or invert thresholds", () => {
    try {
      decodeRagRules([
        { id: "a", dimension: "schedule", kind: "index", figure: "spii", greenAtLeast: "0.95", amberAtLeast: "0.85" },
        { id: "b", dimension: "cost", kind: "index", figure: "cpi", greenAtLeast: "0.85", amberAtLeast: "0.95" },
        { id: "c", dimension: "quality", kind: "count", figure: "openHighDefects" },
      ]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => [i.path, i.message])).toEqual([
        [[0, "figure"], "unknown figure spii"],
        [[1, "amberAtLeast"], "the amber threshold is above the green one"],
        [[2, "redAtLeast"], "a count rule needs an amber or a red threshold"],
      ]);
    }
    // A custom figure is known once supplied.
    const r = ragStatus({ id: "P" }, {
      asOf,
      rules: [{ id: "nps", dimension: "quality", kind: "index", figure: "nps", greenAtLeast: "30", amberAtLeast: "0" }],
      figures: { custom: { nps: d("12") } },
    });
    expect(r.dimensions[0]!.colour).toBe("amber");
  });
});

describe("status snapshots and trend", () => {
  const make = (id: string, day: string, spi: string, cpi: string) =>
    createStatusReport(ragStatus({ id: "PRJ-CRM" }, { asOf: isoDate(day), figures: { spi: d(spi), cpi: d(cpi) } }), {
      id, authorId: "p-rui-almeida", summary: "Status", accomplishments: ["UAT started"], nextSteps: ["Cutover rehearsal"],
      raidRefs: [{ kind: "risk", id: "RSK-CRM-001" }], publishedAt: instant(`${day}T17:00:00Z`), publishedBy: "p-rui-almeida",
    });

  it("a snapshot is an immutable StatusReport with colours, comments and the deciding rules", () => {
    const r = make("SR-1", "2026-11-20", "0.99", "0.97");
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.ragByDimension[0])).toBe(true);
    expect(r.ragByDimension).toEqual([
      { dimension: "schedule", colour: "green", comment: "spi 0.99 ≥ 0.95 → green", rule: "schedule-spi", ruleColours: { "schedule-spi": "green" } },
      { dimension: "cost", colour: "green", comment: "cpi 0.97 ≥ 0.95 → green", rule: "cost-cpi", ruleColours: { "cost-cpi": "green" } },
    ]);
    expect(() => createStatusReport(ragStatus({ id: "P" }, { asOf, figures: {} }), { id: "x", authorId: "p", summary: "", publishedAt: instant("2026-11-20T17:00:00Z"), publishedBy: "p" })).toThrow(/no dimension could be rated/);
  });

  it("trend per dimension against the previous report", () => {
    const oct = make("SR-0", "2026-10-30", "0.90", "0.97");
    const nov = make("SR-1", "2026-11-20", "0.96", "0.86");
    expect(statusTrend(nov, oct)).toEqual([
      { dimension: "schedule", current: "green", previous: "amber", direction: "improved", arrow: "↑" },
      { dimension: "cost", current: "amber", previous: "green", direction: "worsened", arrow: "↓" },
      { dimension: "overall", current: "amber", previous: "amber", direction: "unchanged", arrow: "→" },
    ]);
    expect(statusTrend(nov)[0]!.direction).toBe("new");
    expect(() => statusTrend(oct, nov)).toThrow(/not older/);
  });
});

describe("explanations show money with its minor units", () => {
  it("EAC rule names the limit it compared against", () => {
    const r = ragStatus({ id: "P" }, { asOf, rules: only("cost-eac"), figures: { bac: metric(money("1787400.00", "EUR")), eac: metric(money("2031136.36", "EUR")) } });
    // 1.05 × 1,787,400.00 = 1,876,770.00
    expect(r.dimensions[0]!.comment).toBe("EAC 2031136.36 EUR > 1876770.00 EUR → red");
    expect(r.dimensions[0]!.rules[0]!.figures).toEqual({ eac: "2031136.36 EUR", bac: "1787400.00 EUR" });
  });
});
