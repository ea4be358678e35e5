import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { officeReport } from "../../src/cli/office-report.js";
import { analyzeOffice } from "../../src/cli/office.js";
import { decimal, isoDate, metric, missing, money, ValidationError } from "../../src/core/index.js";
import type { Decision } from "../../src/entities/index.js";
import { importDataset } from "../../src/io/index.js";
import type { GateEvaluation } from "../../src/rollout/index.js";
import { selectPortfolio } from "../../src/selection/index.js";
import { ragStatus } from "../../src/status/index.js";
import {
  decisionsNeeded, executiveSummarySection, judgeKpis, overallRule, planXlsxReport, portfolioSection, renderHtmlReport, renderJsonReport, renderMarkdownReport, tableToCsv,
  type FiguresBlock, type ReportSection, type TableBlock,
} from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";

// The Northwind sample office at its status date (examples/data/README.md), through the whole pipeline.
const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });
const projects = office.projects.map((p) => ({ code: p.code, name: p.name, rag: p.rag, decisions: p.raid.decisions }));
const gates = office.rollouts.flatMap((r) => (r.gate ? [{ rollout: r.name, goLive: r.goLive, evaluation: r.gate }] : []));

const tableOf = (s: ReportSection, caption: string) => s.blocks.find((b): b is TableBlock => b.kind === "table" && b.table.caption === caption)?.table;
const text = (row: readonly unknown[]) => row.map((c) => cellText(c as never));
// A dimension's cell in the portfolio health table, as people read it.
const portfolioCell = (rag: ReturnType<typeof ragStatus>, dimension: string) => {
  const t = portfolioSection({ asOf: "2026-11-20", projects: [{ code: "P", name: "P", rag, evm: office.projects[0]!.series.atStatusDate }] }).blocks[1] as TableBlock;
  return cellText(t.table.rows[0]![(t.table.columns as string[]).indexOf(dimension === "cost" ? "Cost" : "Schedule")]!);
};

describe("decisionsNeeded on the sample office", () => {
  const needs = decisionsNeeded({ asOf: office.statusDate, projects, gates, selection: { label: "Intake FY2027", result: office.selection.result } });

  it("lists red first, then the NO-GO gate, the amber projects and the pending RAID decision — not the green project, not the optimal selection", () => {
    expect(needs.map((n) => [n.kind, n.item])).toEqual([
      ["project-red", "PRJ-WMS — Warehouse management system upgrade"],
      ["gate-no-go", "CRM go-live (Dynamics 365 Sales): Go/No-Go for the CRM cutover (go-live 2027-03-01)"],
      ["project-amber", "PRJ-CRM — CRM replacement"],
      ["project-amber", "PRJ-DCX — Data centre exit to the cloud"],
      ["decision-pending", "DEC-DCX-001 — One cloud provider or two (PRJ-DCX)"],
    ]);
  });

  it("names the rule that set each colour, with long decimals cut to three places", () => {
    // WMS: SPI 0.65425849… < 0.85 and a finish slip of 176 days > 20 (schedule), EAC above BAC + 5% (cost), one open
    // critical issue (risks and issues): the three worst dimensions, each with its deciding rules.
    expect(needs[0]).toMatchObject({
      colour: "red",
      rule: "Schedule: SPI 0.654 < 0.85 → red; finish slip days 176 > 20 → red · Cost: EAC EUR 2,027,349.95 > EUR 1,876,770.00 → red · Risks and issues: open critical issues 1 → red",
    });
    // CRM: EAC 1,201,841.04 over its BAC but within 5% (1,225,350.00): amber on cost only.
    expect(needs[2]).toMatchObject({ colour: "amber", rule: "Cost: EAC EUR 1,201,841.04 > BAC and ≤ EUR 1,225,350.00 → amber" });
  });

  it("derives the gate and the RAID decision lines from the records", () => {
    // 17 blocking checklist items open and none of the 4 required approvals given (docs/rollout.md).
    expect(needs[1]!.rule).toBe("NO-GO at 2026-11-20: 17 blocking item(s) open; approvals 0 of 4");
    expect(needs[1]!.colour).toBeUndefined();
    expect(needs[4]).toMatchObject({
      rule: "proposed 2026-11-06, not decided by 2026-11-20; options: One provider, two regions / Two providers (ERP on the second)",
      ask: "Decide: One cloud provider or two",
    });
  });

  it("does not list a decision proposed after the status date", () => {
    const later = decisionsNeeded({ asOf: "2026-11-05", projects: projects.filter((p) => p.code === "PRJ-DCX") });
    expect(later.map((n) => n.kind)).toEqual(["project-amber"]);
  });
});

describe("decisionsNeeded on constructed cases", () => {
  const asOf = isoDate("2026-11-20");
  // SPI 0.80 < 0.85 → schedule red; CPI 0.97 ≥ 0.95 → cost green; overall red.
  const red = ragStatus({ id: "P1" }, { asOf, figures: { spi: metric(decimal("0.80")), cpi: metric(decimal("0.97")) } });
  const gate = (outcome: GateEvaluation["outcome"], recorded?: GateEvaluation["recorded"]): GateEvaluation => ({
    gateId: "g", gateName: "Cutover", asOf, outcome, reasons: ["r"], blockers: [], scope: [],
    noGoCauses: outcome === "no-go" ? ["blocking-items"] : [],
    readiness: { total: 0, done: 0, skipped: 0, notApplicable: 0, waived: 0, applicable: 0, percent: { reason: "no-applicable-items" } },
    openAdvisory: outcome === "conditional-go" ? ([{ id: "ADV-1" }] as unknown as GateEvaluation["openAdvisory"]) : [],
    approvals: { approving: 3, rejecting: 1, required: 3, notVoted: [], castAfterAsOf: [], vetoedBy: [] },
    ...(recorded ? { recorded } : {}),
  });

  it("states an override and the colour it replaced", () => {
    const overridden = ragStatus({ id: "P1" }, { asOf, figures: { spi: metric(decimal("0.80")), cpi: metric(decimal("0.97")) }, override: { colour: "amber", comment: "recovery plan approved", by: "p-ana" } });
    expect(decisionsNeeded({ asOf, projects: [{ code: "P1", name: "One", rag: overridden }] })).toEqual([
      // An amber that a human improved from the computed red is listed as an override to confirm (before: a plain amber).
      { kind: "project-overridden", item: "P1 — One", colour: "amber", rule: "override by p-ana: recovery plan approved (computed red)", ask: "Confirm the override of the computed red, or restore red" },
    ]);
  });

  it("names who overrode a colour, as the portfolio table does", () => {
    // The summary said "override by p-ana" where the portfolio table of the same report said "override by Ana Costa".
    const overridden = ragStatus({ id: "P1" }, { asOf, figures: { spi: metric(decimal("0.80")), cpi: metric(decimal("0.97")) }, override: { colour: "amber", comment: "recovery plan approved", by: "p-ana" } });
    const [need] = decisionsNeeded({ asOf, projects: [{ code: "P1", name: "One", rag: overridden }], people: { "p-ana": "Ana Costa" } });
    expect(need!.rule).toBe("override by Ana Costa: recovery plan approved (computed red)");
  });

  it("lists an infeasible selection with its conflicting constraints", async () => {
    // A forced-in request of EUR 200 cannot fit a EUR 100 budget.
    const result = await selectPortfolio({ periods: ["FY"], candidates: [{ id: "A", name: "A", value: 1, costs: { FY: money("200", "EUR") } }], budgets: { FY: money("100", "EUR") }, constraints: [{ kind: "forced-in", candidate: "A", reason: "law" }] });
    expect(decisionsNeeded({ asOf, projects: [], selection: { label: "Intake FY", result } })).toEqual([
      { kind: "selection-infeasible", item: "Intake FY", rule: "infeasible: A (law) is forced in; it uses EUR 200.00 against budget FY (EUR 100.00)", ask: "Raise a budget or capacity limit, or drop a forced-in request" },
    ]);
  });

  it("lists a conditional go and a recorded decision the evidence contradicts; a plain GO is not listed", () => {
    const needs = decisionsNeeded({ asOf, projects: [{ code: "P1", name: "One", rag: red }], gates: [{ rollout: "R", evaluation: gate("conditional-go") }, { rollout: "S", evaluation: gate("go", { outcome: "no-go", contradicts: true, decidedOn: asOf, outcomeThen: "no-go", contradictedThen: false }) }, { rollout: "T", evaluation: gate("go") }] });
    expect(needs.map((n) => [n.kind, n.item, n.rule])).toEqual([
      ["project-red", "P1 — One", "Schedule: SPI 0.8 < 0.85 → red"],
      ["gate-conditional-go", "R: Cutover", "CONDITIONAL GO at 2026-11-20: 1 advisory item(s) open; approvals 3 of 3, 1 rejecting"],
      ["gate-contradicted", "S: Cutover", "recorded NO-GO, evidence says GO at 2026-11-20"],
    ]);
  });

  it("the summary's own statement of the rule names every kind of item it lists (a contradicted recorded GO is not 'a gate that is not a plain GO')", () => {
    const s = executiveSummarySection({ asOf, projects: [], gates: [{ rollout: "S", evaluation: gate("go", { outcome: "no-go", contradicts: true, decidedOn: asOf, outcomeThen: "no-go", contradictedThen: false }) }] });
    const rule = s.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : [])).join(" ");
    const table = s.blocks.find((b) => b.kind === "table" && b.table.caption === "Needs a decision");
    expect(table?.kind === "table" && table.table.rows.length).toBe(1);
    // before: "…a gate that is not a plain GO, an infeasible selection, a RAID decision still proposed." — the one
    // item listed (a GO whose recorded NO-GO the evidence contradicts) fitted none of them.
    expect(rule).toContain("a recorded gate decision the evidence contradicts");
  });

  it("never rounds a figure onto the threshold its rule compared it with", () => {
    // SPI 0.84999 < 0.85 is red; at three places it would read "SPI 0.85 < 0.85 → red", a rule that contradicts itself.
    const edge = ragStatus({ id: "P3" }, { asOf, figures: { spi: metric(decimal("0.84999")), cpi: metric(decimal("0.9499")) } });
    const [need] = decisionsNeeded({ asOf, projects: [{ code: "P3", name: "Three", rag: edge }] });
    expect(need!.rule).toBe("Schedule: SPI 0.84999 < 0.85 → red");
    // Money keeps its cents unless they would read as the limit: EAC 1,050.004 is above 1,050.00 (BAC 1,000 + 5%).
    const eac = ragStatus({ id: "P4" }, { asOf, figures: { eac: metric(money("1050.004", "EUR")), bac: metric(money("1000", "EUR")), spi: metric(decimal("0.97134")) } });
    const cost = eac.dimensions.find((d) => d.dimension === "cost")!;
    expect(portfolioCell(eac, "cost")).toBe("Red — EAC EUR 1,050.004 > EUR 1,050.00 → red");
    expect(cost.colour).toBe("red");
    expect(portfolioCell(eac, "schedule")).toBe("Green — SPI 0.971 ≥ 0.95 → green");
  });

  it("leaves out a project with no overall colour, and refuses a bad date", () => {
    const unrated = ragStatus({ id: "P2" }, { asOf });
    expect(unrated.overall.colour).toBeUndefined();
    // overallRule says why there is no colour (what `pmokit evm` prints on its "why" line).
    expect(overallRule(unrated)).toMatch(/^not rated: /);
    expect(overallRule(red)).toBe("Schedule: SPI 0.8 < 0.85 → red");
    expect(decisionsNeeded({ asOf, projects: [{ code: "P2", name: "Two", rag: unrated }] })).toEqual([]);
    expect(() => decisionsNeeded({ asOf: "20/11/2026", projects: [] })).toThrow(ValidationError);
  });

  it("counts a decision taken after the status date as pending at it", () => {
    const decision = { id: "D1", title: "Hosting", options: [], status: "approved", decidedOn: "2026-12-01", decidedBy: "p-ana", createdAt: "2026-10-01T09:00:00.000Z", projectId: "P1" } as unknown as Decision;
    expect(decisionsNeeded({ asOf, projects: [{ code: "P1", name: "One", rag: ragStatus({ id: "P1" }, { asOf }), decisions: [decision] }] })).toEqual([
      { kind: "decision-pending", item: "D1 — Hosting (P1)", rule: "proposed 2026-10-01, not decided by 2026-11-20", ask: "Decide: Hosting" },
    ]);
  });

  it("says when a decision counts as pending only because the day it was superseded is unknown", () => {
    // Superseded while proposed, no supersededOn, last changed 2026-12-01: unknown on 2026-11-20, counted as pending.
    const decision = { id: "D1", title: "Hosting", options: [], status: "superseded", supersededBy: "D2", createdAt: "2026-10-01T09:00:00.000Z", updatedAt: "2026-12-01T09:00:00.000Z", projectId: "P1" } as unknown as Decision;
    expect(decisionsNeeded({ asOf, projects: [{ code: "P1", name: "One", rag: ragStatus({ id: "P1" }, { asOf }), decisions: [decision] }] })).toEqual([
      { kind: "decision-pending", item: "D1 — Hosting (P1)", rule: "proposed 2026-10-01, not decided by 2026-11-20; superseded with no day recorded, known only from 2026-12-01: unknown on 2026-11-20, counted as pending", ask: "Decide: Hosting" },
    ]);
  });
});

describe("judgeKpis", () => {
  it("judges exactly and shows enough places that rounding never hides a miss", () => {
    expect(judgeKpis([
      // 99.9499 rounds to 99.95 at two places — the target itself — so four places are shown.
      { label: "A", actual: metric(decimal("99.9499")), target: { atLeast: "99.95" }, unit: "%" },
      { label: "B", actual: metric(decimal("99.95")), target: { atLeast: "99.95" }, unit: "%" },
      { label: "C", actual: metric(decimal("2.5")), target: { atMost: 2 }, places: 1 },
      { label: "D", actual: missing("no-data"), target: { atLeast: "80" }, unit: "%" },
    ])).toEqual([
      { label: "A", status: "missed", actual: "99.9499%", target: "≥ 99.95%", rule: "99.9499% < 99.95%: below target" },
      { label: "B", status: "met", actual: "99.95%", target: "≥ 99.95%", rule: "99.95% ≥ 99.95%: on target" },
      { label: "C", status: "missed", actual: "2.5", target: "≤ 2", rule: "2.5 > 2: above target" },
      { label: "D", status: "not-measured", actual: "n/a (no-data)", target: "≥ 80%", rule: "not measured (no-data): cannot be judged" },
    ]);
  });

  it("never shows a figure on the wrong side of a target that has more places than the figure", () => {
    // 99.954 ≥ 99.953 is met; at two places it would read "99.95% ≥ 99.953%".
    expect(judgeKpis([{ label: "A", actual: metric(decimal("99.954")), target: { atLeast: "99.953" }, unit: "%" }])[0]).toMatchObject({ status: "met", rule: "99.954% ≥ 99.953%: on target" });
    expect(judgeKpis([{ label: "B", actual: metric(decimal("99.952")), target: { atLeast: "99.953" }, unit: "%" }])[0]).toMatchObject({ status: "missed", rule: "99.95% < 99.953%: below target" });
  });

  it("refuses a target that is not a decimal and places out of range", () => {
    expect(() => judgeKpis([{ label: "A", actual: metric(decimal("1")), target: { atLeast: "high" } }])).toThrow(ValidationError);
    expect(() => judgeKpis([{ label: "A", actual: metric(decimal("1")), target: {} as never }])).toThrow(/atLeast/);
    expect(() => judgeKpis([{ label: "A", actual: metric(decimal("1")), target: { atLeast: "1" }, places: 9 }])).toThrow(/places/);
  });
});

describe("the executive summary of the sample office", () => {
  const report = officeReport(office);
  const summary = report.sections[0]!;

  it("comes first in the office report, laid out as the summary; every detail section starts folded", () => {
    expect(summary.heading).toBe("Executive summary");
    expect(summary.layout).toBe("summary");
    expect(report.sections.slice(1).every((s) => s.layout === "collapsed")).toBe(true);
    expect(report.sections.slice(1).map((s) => s.heading).slice(0, 2)).toEqual(["Intake", "Portfolio"]);
  });

  it("counts the portfolio's colours, each naming its projects", () => {
    const figures = summary.blocks[0] as FiguresBlock;
    expect(figures.items.map((f) => [f.label, cellText(f.value)])).toEqual([
      ["Red projects", "Red — 1: PRJ-WMS"],
      ["Amber projects", "Amber — 2: PRJ-CRM, PRJ-DCX"],
      ["Green projects", "Green — 1: PRJ-EINV"],
      // The CRM plan has two gates, both NO-GO at the status date (test/services/assessments: both held by their
      // blocking items): the readiness exit is a gate to decide too. Before, the summary passed the go/no-go alone and
      // read "1 of 1", 5 decisions, while `pmokit rollout` exits 1 on either gate.
      ["Need a decision", "6"],
      ["Gates NO-GO", "2 of 2"],
      // Three availabilities, on time, on budget, health: 6 KPIs with targets, 2 of them (on time, on budget) without data.
      ["KPIs out of target", "2 of 6; 2 not measured"],
    ]);
  });

  it("shows every gate's outcome with its deciding rule, the long list of blocking items shortened", () => {
    const rows = tableOf(summary, "Gate outcomes")!.rows;
    // In planned-date order: the readiness exit (2027-02-19) before the go/no-go (2027-02-24).
    expect(rows.map((r) => text(r).slice(0, 2))).toEqual([
      ["CRM go-live (Dynamics 365 Sales): Readiness exit: preparation and testing complete (go-live 2027-03-01)", "NO-GO"],
      ["CRM go-live (Dynamics 365 Sales): Go/No-Go for the CRM cutover (go-live 2027-03-01)", "NO-GO"],
    ]);
    expect(text(rows[1]!)).toEqual([
      "CRM go-live (Dynamics 365 Sales): Go/No-Go for the CRM cutover (go-live 2027-03-01)",
      "NO-GO",
      "17 blocking item(s) not closed: ACC-01, ACC-02, ACC-03, CUT-01, CUT-02 and 12 more; 0 of 4 required approvals given",
      "0 of 4",
    ]);
  });

  it("lists the KPIs out of target with figure, target and rule, and names those not measured", () => {
    // salesbase-crm: 99.94638…% of its agreed minutes < 99.95%; health: 3 of 4 active projects healthy = 75% < 80%, shown to its one place (75.0%) as in the portfolio.
    expect(tableOf(summary, "KPIs out of target")!.rows.map(text)).toEqual([
      ["Availability salesbase-crm (2026-01-01 – 2026-11-20, to status date)", "99.946%", "≥ 99.95%", "Red — 99.946% < 99.95%: below target"],
      ["Portfolio health", "75.0%", "≥ 80%", "Red — 75.0% < 80%: below target"],
    ]);
    expect(summary.blocks.find((b) => b.kind === "list")).toEqual({
      kind: "list",
      items: ["On-time delivery (target ≥ 80%): not measured (no-data): cannot be judged", "On-budget delivery (target ≥ 80%): not measured (no-data): cannot be judged"],
    });
  });

  it("renders in HTML (first, unfolded), Markdown, CSV, JSON and the XLSX plan", () => {
    const html = renderHtmlReport(report);
    expect(html.indexOf('<section id="section-1" class="summary"')).toBeGreaterThan(html.indexOf("<main>"));
    expect(html).not.toContain("<nav"); // every detail section is folded: their headings are the contents
    expect(html.match(/<details class="fold fold-2">/g)).toHaveLength(report.sections.length - 1);
    const md = renderMarkdownReport(report);
    expect(md.indexOf("## Executive summary")).toBeLessThan(md.indexOf("## Intake"));
    expect(md).toContain("| PRJ-WMS — Warehouse management system upgrade | **R** Red — Schedule: SPI 0.654 &lt; 0.85 → red;");
    // The CSV keeps the rule under "Why — the rule that put it here", not the colour alone.
    expect(tableToCsv(tableOf(summary, "Needs a decision")!).split("\r\n")[1]).toBe('PRJ-WMS — Warehouse management system upgrade,"red — Schedule: SPI 0.654 < 0.85 → red; finish slip days 176 > 20 → red · Cost: EAC EUR 2,027,349.95 > EUR 1,876,770.00 → red · Risks and issues: open critical issues 1 → red","Approve a recovery plan, re-baseline or stop"');
    expect(JSON.parse(renderJsonReport(report)).sections[0]).toMatchObject({ heading: "Executive summary", layout: "summary" });
    // Sheet names are cut to Excel's 31 characters.
    expect(planXlsxReport(report).sheets.map((s) => s.name).slice(0, 4)).toEqual(["Executive summary — figures", "Executive summary — Needs a dec", "Executive summary — Gate outcom", "Executive summary — KPIs out of"]);
  });

  it("does not count KPIs that could not be measured as on target", () => {
    // With no KPI measurable the tile read "0 of 2": as if both were on target.
    const s = executiveSummarySection({ asOf: "2026-11-20", projects: [], kpis: [
      { label: "On-time delivery", actual: missing("no-data"), target: { atLeast: "80" }, unit: "%" },
      { label: "Portfolio health", actual: missing("no-active-projects"), target: { atLeast: "80" }, unit: "%" },
    ] });
    expect((s.blocks[0] as FiguresBlock).items.map((f) => [f.label, cellText(f.value)]).at(-1)).toEqual(["KPIs out of target", "0 of 2; 2 not measured"]);
  });

  it("says so when nothing needs a decision", () => {
    const green = ragStatus({ id: "P" }, { asOf: isoDate("2026-11-20"), figures: { spi: metric(decimal("1")), cpi: metric(decimal("1")) } });
    const s = executiveSummarySection({ asOf: "2026-11-20", projects: [{ code: "P", name: "P", rag: green }] });
    expect(s.blocks.filter((b) => b.kind === "table")).toEqual([]);
    expect(s.blocks.at(-1)).toMatchObject({ kind: "paragraph", text: expect.stringMatching(/ Nothing needs a decision\.$/) });
  });
});
