import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decimal, decodeEntity, isoDate, metric, money, PmoDecimal, type Issue, type Risk, type StatusReport } from "../../src/index.js";
import { DEFAULT_RAG_RULES, ragStatus, type RagColour, type RagFigures } from "../../src/status/index.js";
import { firstIssuePath } from "../support/errors.js";

// Audit of ragStatus: bad input must be a ValidationError with a path, never a wrong or silent colour.

const asOf = isoDate("2026-11-20");
const at = "2026-11-01T09:00:00.000Z";
const d = (x: string) => metric(decimal(x));
const only = (...ids: string[]) => DEFAULT_RAG_RULES.filter((r) => ids.includes(r.id));

const pathOf = firstIssuePath;

function report(projectId: string, resources: RagColour): StatusReport {
  return decodeEntity("status-report", {
    id: `SR-${projectId}`, version: 1, createdAt: at, updatedAt: at, projectId, asOf: "2026-10-31", authorId: "p-a",
    ragByDimension: [{ dimension: "resources", colour: resources, comment: "short" }], overall: { colour: resources },
    summary: "", publishedAt: at, publishedBy: "p-a",
  }) as StatusReport;
}

function risk(id: string, probability: string): Risk {
  return decodeEntity("risk", {
    id, version: 1, createdAt: at, updatedAt: at, projectId: "P", title: id, probability, impact: 3, ownerId: "p-o",
    response: "mitigate", mitigation: "m", status: "open", raisedOn: "2026-11-01",
  }) as Risk;
}

function issue(id: string): Issue {
  return decodeEntity("issue", {
    id, version: 1, createdAt: at, updatedAt: at, projectId: "P", title: id, severity: "critical", ownerId: "p-o",
    raisedOn: "2026-11-01", status: "open",
  }) as Issue;
}

describe("ragStatus: the previous report must be of the same project", () => {
  // allocated 360 < planned 400 → shortfall → amber; persistence makes it red only if THIS project was amber before.
  const f = { plannedHours: d("400"), allocatedHours: d("360"), actualHours: d("350") };
  const rules = only("resources-allocation");

  it("another project's amber report does not turn this project red", () => {
    // Before: red ("amber in the previous report") read from PRJ-OTHER's report.
    expect(pathOf(() => ragStatus({ id: "P" }, { asOf, rules, figures: f, previous: report("PRJ-OTHER", "amber") }))).toEqual(["previous", "projectId"]);
  });

  it("its own amber report does", () => {
    expect(ragStatus({ id: "P" }, { asOf, rules, figures: f, previous: report("P", "amber") }).dimensions[0]!.colour).toBe("red");
  });
});

describe("ragStatus: highRiskProbability is a probability", () => {
  it("above 1 no risk could ever count, so the risk rule went green silently; refused at highRiskProbability", () => {
    // Before: a pending risk with p 0.9 and highRiskProbability "1.5" gave highRisksPending 0 → green.
    for (const p of ["1.5", "-0.1", "abc"]) {
      expect(pathOf(() => ragStatus({ id: "P", risks: [risk("R1", "0.9")] }, { asOf, rules: only("risks-high"), highRiskProbability: p }))).toEqual(["highRiskProbability"]);
    }
  });

  it("at the threshold the risk counts (p 0.7 ≥ 0.7); 1 is allowed and counts only certain risks", () => {
    const risks = [risk("R1", "0.7"), risk("R2", "1")];
    expect(ragStatus({ id: "P", risks }, { asOf, rules: only("risks-high") }).derived["highRisksPending"]).toEqual({ value: "2", from: ["R1", "R2"] });
    expect(ragStatus({ id: "P", risks }, { asOf, rules: only("risks-high"), highRiskProbability: "1" }).derived["highRisksPending"]).toEqual({ value: "1", from: ["R2"] });
  });
});

describe("ragStatus: the override is a colour with a comment and an author", () => {
  it("a colour that is not green, amber or red is refused (it was published as the overall colour)", () => {
    expect(pathOf(() => ragStatus({ id: "P" }, { asOf, override: { colour: "purple" as RagColour, comment: "x", by: "p-a" } }))).toEqual(["override", "colour"]);
  });

  it("a comment or author that is not text is a ValidationError, not a TypeError", () => {
    expect(pathOf(() => ragStatus({ id: "P" }, { asOf, override: { colour: "red", comment: 5 as unknown as string, by: "p-a" } }))).toEqual(["override", "comment"]);
    expect(pathOf(() => ragStatus({ id: "P" }, { asOf, override: { colour: "red", comment: "vendor exit", by: undefined as unknown as string } }))).toEqual(["override", "by"]);
  });
});

describe("ragStatus: a figure must be a Metric of a finite Decimal", () => {
  const rules = only("schedule-spi");
  it("a number, NaN, Infinity or a bare Decimal instead of metric(decimal(…)) is refused at its path", () => {
    const bad: unknown[] = [{ value: 0.9 }, { value: new PmoDecimal(NaN) }, { value: new PmoDecimal(Infinity) }, decimal("0.9"), {}];
    for (const spi of bad) expect(pathOf(() => ragStatus({ id: "P" }, { asOf, rules, figures: { spi } as RagFigures }))).toEqual(["figures", "spi"]);
    const custom = [{ id: "c", dimension: "scope", kind: "count", figure: "openChanges", amberAtLeast: "1" }];
    expect(pathOf(() => ragStatus({ id: "P" }, { asOf, rules: custom, figures: { custom: { openChanges: { value: 3 } } } as unknown as RagFigures }))).toEqual(["figures", "custom", "openChanges"]);
    expect(pathOf(() => ragStatus({ id: "P" }, { asOf, rules: only("cost-eac"), figures: { eac: { value: 10 }, bac: metric(money("10.00", "EUR")) } as unknown as RagFigures }))).toEqual(["figures", "eac"]);
  });
});

describe("ragStatus: each record counts once", () => {
  it("a risk or issue listed twice is refused, not counted twice", () => {
    // Before: [R1, R1] gave highRisksPending 2 from ["R1", "R1"].
    expect(pathOf(() => ragStatus({ id: "P", risks: [risk("R1", "0.9"), risk("R1", "0.9")] }, { asOf }))).toEqual(["project", "risks", 1, "id"]);
    expect(pathOf(() => ragStatus({ id: "P", issues: [issue("I1"), issue("I1")] }, { asOf }))).toEqual(["project", "issues", 1, "id"]);
  });
});

describe("RAG colours are monotone in the measured figure", () => {
  const rank = { green: 0, amber: 1, red: 2 } as const;
  const colour = (rule: string, figures: RagFigures) => ragStatus({ id: "P" }, { asOf, rules: only(rule), figures, minimumRatedDimensions: 1 }).dimensions[0]!.colour!;
  const hundredths = fc.integer({ min: -20_000, max: 20_000 }).map((n) => decimal(n).div(100));

  it("index rules: a higher SPI is never a worse colour", () => {
    fc.assert(fc.property(hundredths, hundredths, (a, b) => {
      const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
      expect(rank[colour("schedule-spi", { spi: metric(hi) })]).toBeLessThanOrEqual(rank[colour("schedule-spi", { spi: metric(lo) })]);
    }), { numRuns: 200 });
  });

  it("tolerance and count rules: a higher figure is never a better colour", () => {
    fc.assert(fc.property(hundredths, hundredths, (a, b) => {
      const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
      expect(rank[colour("schedule-finish-tolerance", { finishSlipDays: metric(hi) })]).toBeGreaterThanOrEqual(rank[colour("schedule-finish-tolerance", { finishSlipDays: metric(lo) })]);
      // The scope rule reads a change either way (sides "both"): a larger change in size is never a better colour.
      const [small, large] = a.abs().lte(b.abs()) ? [a, b] : [b, a];
      expect(rank[colour("scope-change", { scopeChangePercent: metric(large) })]).toBeGreaterThanOrEqual(rank[colour("scope-change", { scopeChangePercent: metric(small) })]);
      expect(rank[colour("issues-critical", { openCriticalIssues: metric(hi) })]).toBeGreaterThanOrEqual(rank[colour("issues-critical", { openCriticalIssues: metric(lo) })]);
    }), { numRuns: 200 });
  });

  it("EAC: a higher estimate against the same budget is never a better colour", () => {
    const cents = fc.integer({ min: 0, max: 300_000 });
    fc.assert(fc.property(cents, cents, (a, b) => {
      const bac = metric(money("1000.00", "EUR"));
      const eac = (c: number) => metric(money(decimal(c).div(100).toFixed(2), "EUR"));
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(rank[colour("cost-eac", { eac: eac(hi), bac })]).toBeGreaterThanOrEqual(rank[colour("cost-eac", { eac: eac(lo), bac })]);
    }), { numRuns: 200 });
  });
});
