import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { analyzeOffice } from "../../src/cli/office.js";
import { decimal, isoDate, metric, missing, money } from "../../src/core/index.js";
import { importDataset } from "../../src/io/index.js";
import { ragStatus } from "../../src/status/index.js";
import type { Action, Decision } from "../../src/entities/index.js";
import {
  cents, fixed, intakeSection, openItemsSeries, percent, portfolioSection, projectSection, renderHtmlReport, renderMarkdownReport, requirementsSection, rolloutSection, runsCell, toneCell,
  type ReportBlock, type ReportSection, type TableBlock,
} from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";
import { underReversedLocale } from "./fixtures.js";

// The Northwind sample office (examples/data/README.md) analysed at its status date through the whole pipeline; the
// figures asserted below are the ones the calculators' own sample-office tests derive (test/variance,
// test/traceability, docs/prioritization.md, docs/rollout.md).
const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });

const blocks = (s: ReportSection): ReportBlock[] => [...s.blocks, ...(s.sections ?? []).flatMap(blocks)];
const tableOf = (s: ReportSection, caption: string) => blocks(s).find((b): b is TableBlock => b.kind === "table" && (b.table.caption ?? "").startsWith(caption))!.table;
const text = (row: readonly unknown[]) => row.map((c) => cellText(c as never));
const lists = (s: ReportSection) => blocks(s).flatMap((b) => (b.kind === "list" ? b.items : []));
const charts = (s: ReportSection) => blocks(s).flatMap((b) => (b.kind === "chart" ? [b] : []));

describe("intake section", () => {
  const s = intakeSection({ scoreboard: office.scoreboard, requests: office.requests, selection: office.selection });

  it("ranks the open requests with the score breakdown: mandatory first, route optimisation 0.682 = 4→0.205 + 5→0.273 + 2→0.045 + 3→0.091 + 2→0.068", () => {
    const t = tableOf(s, "Ranked requests");
    // Only the requests still in the pipeline (submitted, in review, approved, deferred): the four converted to
    // projects, the rejected one and the two drafts are not ranked (they were, so "top" named running projects).
    expect(t.rows.map((r) => r[1])).toEqual(["REQ-2027-003", "REQ-2027-002", "REQ-2027-001", "REQ-2027-007", "REQ-2027-004", "REQ-2027-009"]);
    // Weights 3, 3, 2, 2, 1 (Σ 11), absolute on 1–5 ((x − 1) / 4; complexity is a cost: 1 − that):
    // 0.75·3/11 + 1·3/11 + 0.25·2/11 + 0.5·2/11 + 0.75·1/11 = 0.20455 + 0.27273 + 0.04545 + 0.09091 + 0.06818 = 0.68182.
    const route = text(t.rows[1]!);
    expect(route.slice(3, 10)).toEqual(["scored", "0.682", "4 → 0.205", "5 → 0.273", "2 → 0.045", "3 → 0.091", "2 → 0.068"]);
    // The reason's detail says which ratings are missing (it was dropped: "n/a (missing-rating)").
    expect(text(t.rows[5]!)[4]).toBe("n/a (missing-rating: no value for strategic-fit, financial-value, risk-reduction, urgency, complexity)");
    // Criterion ids as headers people read.
    expect(t.columns.slice(5, 10)).toEqual(["Strategic fit", "Financial value", "Risk reduction", "Urgency", "Complexity"]);
    const named = intakeSection({ scoreboard: office.scoreboard, requests: office.requests, criterionNames: { urgency: "Urgency (deadline)" } });
    expect(tableOf(named, "Ranked requests").columns[8]).toBe("Urgency (deadline)");
    expect(text(t.rows[0]!)[11]).toMatch(/^forced-in: German NIS2 implementation/);
  });

  it("says why a request has no estimated cost, and keeps costs in several currencies apart", () => {
    // Both used to be an empty cell: no estimate, or estimates in EUR and USD (pmokit does not convert).
    const requests = office.requests.map((r) =>
      r.id === "REQ-2027-004" ? { ...r, estimatedCost: [] }
        : r.id === "REQ-2027-009" ? { ...r, estimatedCost: [...r.estimatedCost, { ...r.estimatedCost[0]!, amount: money("1000", "USD") }] }
          : r);
    const t = tableOf(intakeSection({ scoreboard: office.scoreboard, requests }), "Ranked requests");
    const cost = (id: string) => cellText(t.rows.find((row) => row[1] === id)!.at(-2) as never);
    expect([cost("REQ-2027-004"), cost("REQ-2027-009"), cost("REQ-2027-002")]).toEqual(["n/a (no-cost-estimate)", "EUR 264,000.00 + USD 1,000.00", "EUR 452,000.00"]);
  });

  it("never shows a proven gap above 0 as 0%", () => {
    // A gap of 0.003 % read "proven gap 0.00%", as if the plan were proven optimal.
    const result = { ...office.selection.result, status: "gap-reached" as const, gap: metric(decimal("0.00003")) };
    const para = intakeSection({ scoreboard: office.scoreboard, requests: office.requests, selection: { ...office.selection, result } }).sections![0]!.blocks[0];
    expect((para as { text: string }).text).toMatch(/^Selected 3 of 5 candidates \(gap-reached, proven gap 0\.003%, solver built-in\)/);
    const optimal = intakeSection({ scoreboard: office.scoreboard, requests: office.requests, selection: office.selection }).sections![0]!.blocks[0];
    // percent() keeps its two places (before: "0%", while a gap of 1.5 read "1.50%" — trailing zeros dropped).
    expect((optimal as { text: string }).text).toContain("(optimal, proven gap 0.00%, solver built-in)");
  });

  it("names the clashing constraints of an infeasible selection", async () => {
    const { selectPortfolio } = await import("../../src/selection/index.js");
    const problem = { periods: ["FY"], candidates: [{ id: "A", name: "A", value: 1, costs: { FY: money("200", "EUR") } }], budgets: { FY: money("100", "EUR") }, constraints: [{ kind: "forced-in" as const, candidate: "A", reason: "law" }] };
    const result = await selectPortfolio(problem);
    const sel = intakeSection({ scoreboard: office.scoreboard, requests: office.requests, selection: { problem, result } });
    expect(lists(sel)).toEqual(["infeasible: A (law) is forced in; it uses EUR 200.00 against budget FY (EUR 100.00)"]);
  });

  it("shows the selection under EUR 1,000,000 with the constraints used and why-not lines", () => {
    // Forced-in NIS2 SOC (330,000) leaves 670,000: route optimisation + backup (400,000, 68.18 + 59.09 = 127.27)
    // beats the portal + backup (646,000, 65.91 + 59.09 = 125.00) by 2.27; the driver app needs route optimisation.
    expect(office.selection.result.selected).toEqual(["REQ-2027-002", "REQ-2027-003", "REQ-2027-007"]);
    // Used, limit and slack of the budget row are money: 330,000 + 254,000 + 146,000 = 730,000 of 1,000,000, 270,000
    // left. The capacity row is integration hours: only route optimisation (700 h) uses it, 1,600 − 700 = 900.
    const used = tableOf(s, "Constraints used");
    expect(text(used.rows[0]!).slice(0, 4)).toEqual(["budget FY2027 (EUR 1,000,000.00)", "EUR 730,000.00", "EUR 1,000,000.00", "EUR 270,000.00"]);
    expect(text(used.rows[1]!).slice(0, 4)).toEqual(["integration capacity FY2027 (1600)", "700", "1,600", "900"]);
    expect(lists(s)).toContain("REQ-2027-001 (Customer self-service portal for bookings and tracking): forcing REQ-2027-001 in lowers the objective by 2.2727273; it displaces REQ-2027-002");
    const [bubble] = charts(s);
    expect(bubble!.svg).toContain(">Value vs cost of the candidates</title>");
    expect(bubble!.file).toBe("charts/value-cost.svg");
    // The cost axis names its currency; bubble area is each candidate's integration demand (REQ-2027-001 1,200 h the
    // largest, so the reference bubbles are 1,000 and 500).
    // The axis names the period its costs are of (intake-period-cost.test: before, "Estimated cost", the ranked
    // table's name for every cost line).
    expect(bubble!.svg).toContain(">Cost FY2027 (EUR)</text>");
    expect(bubble!.svg).toContain("Bubble area: integration demand.</desc>");
    const withUnit = charts(intakeSection({ scoreboard: office.scoreboard, requests: office.requests, selection: { ...office.selection, demandUnit: "hours" } }))[0]!;
    expect(withUnit.caption).toBe("Value against cost in FY2027 (EUR); filled: selected, dashed: not selected; bubble area: integration demand in hours.");
    expect([...withUnit.svg.matchAll(/<g class="size-ref">.*?<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(["1,000", "500"]);
  });
});

describe("portfolio section", () => {
  const s = portfolioSection({ asOf: SAMPLE_STATUS_DATE, projects: office.projects.map((p) => ({ code: p.code, name: p.name, rag: p.rag, evm: p.series.atStatusDate })), kpis: [{ label: "ERP availability", value: fixed(office.availability.find((a) => a.service === "erp")!.availabilityPercent, 3) }] });
  const t = tableOf(s, "Project health");

  it("names the rule that fired per dimension and gives CPI, SPI, SPI(t), EAC and the forecast finish", () => {
    const header = t.columns.map((c) => (typeof c === "string" ? c : c.header));
    const wms = text(t.rows.find((r) => r[0] === "PRJ-WMS")!);
    // README: WMS SPI 0.65, CPI 0.88; test/variance: SPI(t) 0.75 (ES 169.43 / AT 225).
    expect(header.slice(0, 6)).toEqual(["Project", "Name", "Overall", "Schedule", "Cost", "Risks and issues"]);
    expect(wms[header.indexOf("Schedule")]).toBe("Red — SPI 0.654 < 0.85 → red; finish slip days 176 > 20 → red");
    expect([wms[header.indexOf("CPI")], wms[header.indexOf("SPI")], wms[header.indexOf("SPI(t)")]]).toEqual(["0.88", "0.65", "0.75"]);
    expect(wms[header.indexOf("Overall")]).toBe("Red — worst: schedule, cost, risks and issues");
    // Money in the rule's note reads as everywhere else: CRM's BAC 1,167,000.00 × 1.05 = 1,225,350.00, the amber limit.
    const crm = text(t.rows.find((r) => r[0] === "PRJ-CRM")!);
    expect(crm[header.indexOf("Cost")]).toBe("Amber — EAC EUR 1,201,841.04 > BAC and ≤ EUR 1,225,350.00 → amber");
    // Dimensions no project could be rated on are named once instead of as empty columns.
    expect(header).not.toContain("Quality");
    expect((s.blocks[0] as { text: string }).text).toContain("Not rated (figures not supplied): scope, quality, resources, readiness.");
  });

  it("lists the KPIs", () => {
    expect(text(tableOf(s, "KPIs").rows[0]!)).toEqual(["ERP availability", expect.stringMatching(/^99\.\d{3}$/), ""]);
  });

  it("says why a project has no overall colour instead of a bare n/a", () => {
    // Only the schedule could be rated (SPI given, nothing else): too few dimensions for an overall colour.
    const wms = office.projects.find((p) => p.code === "PRJ-WMS")!;
    const rag = ragStatus({ id: "P" }, { asOf: isoDate(SAMPLE_STATUS_DATE), figures: { spi: metric(decimal("0.97")) } });
    expect(rag.overall.colour).toBeUndefined();
    const o = portfolioSection({ asOf: SAMPLE_STATUS_DATE, projects: [{ code: "P", name: "P", rag, evm: wms.series.atStatusDate }] });
    const cell = tableOf(o, "Project health").rows[0]![2];
    expect(cellText(cell as never)).toBe("n/a (insufficient-data: 1 of 7 dimensions rated, at least 2 needed; not rated: cost, scope, quality, risks-and-issues, resources, readiness)");
    expect(cell).toEqual({ reason: "insufficient-data", detail: rag.overall.insufficientData!.explanation });
  });

  it("names who overrode an overall colour", () => {
    const wms = office.projects.find((p) => p.code === "PRJ-WMS")!;
    const rag = { ...wms.rag, overall: { ...wms.rag.overall, colour: "amber" as const, override: { colour: "amber" as const, comment: "recovery plan approved", by: "p-ana-costa" } } };
    const o = portfolioSection({ asOf: SAMPLE_STATUS_DATE, projects: [{ code: wms.code, name: wms.name, rag, evm: wms.series.atStatusDate }], people: office.people });
    // WMS computes red (SPI 0.654 < 0.85 …); the amber override names the colour it replaced, as the summary does.
    expect(text(tableOf(o, "Project health").rows[0]!)[2]).toBe("Amber — override by Ana Costa: recovery plan approved (computed red)");
  });
});

describe("project section", () => {
  const wms = office.projects.find((p) => p.code === "PRJ-WMS")!;
  const s = projectSection({ code: wms.code, name: wms.name, series: wms.series, slips: wms.slips, raid: wms.raid, people: office.people });

  it("gives the EVM figures of the README (PV 1,390,501.89, EV 909,747.67, AC 1,031,876.97) under their names", () => {
    const figures = s.blocks.find((b) => b.kind === "figures")!;
    const get = (label: string) => cellText(figures.kind === "figures" ? figures.items.find((i) => i.label === label)!.value : null);
    expect([get("Planned value (PV)"), get("Earned value (EV)"), get("Actual cost (AC)"), get("Cost performance index (CPI)"), get("Schedule performance index (SPI)")])
      .toEqual(["EUR 1,390,501.89", "EUR 909,747.67", "EUR 1,031,876.97", "0.88", "0.65"]);
    // EV / BAC = 909,747.67 / 1,787,400.00 = 50.897…% → 50.9%.
    expect(get("Complete")).toBe("50.9%");
  });

  it("draws the S-curve and keeps the slip ledger in baseline order: the pilot slipped 55 working days and is overdue", () => {
    expect(charts(s)[0]!.svg).toContain(">PRJ-WMS S-curve</title>");
    const ledger = tableOf(s, "Milestones in baseline order");
    expect(ledger.columns).toEqual(["Milestone", "Key milestone", "Original", "Baseline", "Forecast", "Actual", "Slip", "Slip from original", "Status"]);
    // milestone.json baselines: design 2026-03-27, scanners 08-28, configuration 10-30, pilot 11-02, sites 2027-05-28, close 06-30.
    expect(ledger.rows.map((r) => r[3])).toEqual(["2026-03-27", "2026-08-28", "2026-10-30", "2026-11-02", "2027-05-28", "2027-06-30"]);
    const pilot = ledger.rows.find((r) => String(r[0]).toLowerCase().includes("pilot"))!;
    expect(text(pilot).slice(3, 5).concat(text(pilot).slice(6, 7), text(pilot).slice(8))).toEqual(["2026-11-02", "2027-01-18", "55", "overdue"]);
    // The state that needs attention carries a tone beside its words; an achieved one stays plain.
    expect(pilot[8]).toEqual(toneCell("bad", "overdue"));
    expect(ledger.rows[0]![8]).toBe("achieved late");
  });

  it("summarises the RAID log with people by name", () => {
    expect((blocks(s).find((b) => b.kind === "paragraph" && b.text.startsWith("Open risks")) as { text: string }).text).toMatch(/^Open risks \d+, open issues \d+/);
    // risk.json owners: RSK-WMS-002 p-tomasz-nowak, RSK-WMS-003 p-stefan-krause; action.json: ACT-WMS-002 due 2026-11-13, 7 days before 2026-11-20.
    expect(tableOf(s, "Open risks").rows.map((r) => r.at(-1))).toEqual(["Tomasz Nowak", "Stefan Krause"]);
    expect(tableOf(s, "Open issues").rows.map((r) => r.at(-1))).toEqual(["Stefan Krause", "Tomasz Nowak"]);
    expect(lists(s)).toContain("action ACT-WMS-002 (Tomasz Nowak) due 2026-11-13: 7 days overdue");
  });

  it("drops the Due column of open issues when none has a due date", () => {
    const issues = wms.raid.issues.map(({ dueDate: _, ...i }) => i);
    const t = tableOf(projectSection({ code: wms.code, name: wms.name, series: wms.series, raid: { issues } }), "Open issues");
    expect(t.columns).toEqual(["Issue", "Title", "Severity", "Raised", "Owner"]);
    // Without names the id is shown as it is.
    expect(t.rows.map((r) => r.at(-1))).toEqual(["p-stefan-krause", "p-tomasz-nowak"]);
  });

  it("counts the RAID log as of the status date, as the RAG rules and the executive summary do", () => {
    // The section counted records by today's status: a risk raised after the status date (2026-11-20) was open, an
    // issue resolved and a decision taken after it were not — while the summary listed that decision as pending.
    const [risk, other] = wms.raid.risks;
    const [issue] = wms.raid.issues;
    const raid = {
      risks: [{ ...risk!, raisedOn: isoDate("2026-12-01") }, { ...other!, status: "closed" as const, closedOn: isoDate("2026-12-01") }],
      issues: [{ ...issue!, status: "resolved" as const, resolvedOn: isoDate("2026-12-01") }],
      decisions: [{ id: "D1", projectId: "PRJ-WMS", title: "Second scanner vendor", options: [], status: "approved", decidedOn: "2026-12-01", decidedBy: "p-ana-costa", createdAt: "2026-10-01T09:00:00.000Z" } as unknown as Decision],
    };
    const r = projectSection({ code: wms.code, name: wms.name, series: wms.series, raid });
    expect((blocks(r).find((b) => b.kind === "paragraph" && b.text.startsWith("Open risks")) as { text: string }).text).toBe("Open risks 1, open issues 1, overdue actions 0, decisions pending 1.");
    expect(tableOf(r, "Open risks").rows.map((row) => row[0])).toEqual([other!.key ?? other!.id]);
    expect(lists(r)).toContain("decision pending: D1 — Second scanner vendor");
  });

  it("names a record counted as open only because its cancelled or superseded day is unknown", () => {
    // Cancelled / superseded with no day, last changed 2026-12-01: on 2026-11-20 whether they already were is unknown,
    // so both count (before: both were left out) and the line says why. ACT-X due 2026-11-10 → 10 days overdue.
    const raid = {
      actions: [{ id: "ACT-X", projectId: "PRJ-WMS", title: "Book a slot", ownerId: "p-tomasz-nowak", dueDate: "2026-11-10", status: "cancelled", createdAt: "2026-10-01T09:00:00.000Z", updatedAt: "2026-12-01T09:00:00.000Z" } as unknown as Action],
      decisions: [{ id: "D2", projectId: "PRJ-WMS", title: "Scanner model", options: [], status: "superseded", supersededBy: "D3", createdAt: "2026-10-01T09:00:00.000Z", updatedAt: "2026-12-01T09:00:00.000Z" } as unknown as Decision],
    };
    const r = projectSection({ code: wms.code, name: wms.name, series: wms.series, raid, people: office.people });
    expect((blocks(r).find((b) => b.kind === "paragraph" && b.text.startsWith("Open risks")) as { text: string }).text).toBe("Open risks 0, open issues 0, overdue actions 1, decisions pending 1.");
    expect(lists(r)).toContain("action ACT-X (Tomasz Nowak) due 2026-11-10: 10 days overdue (cancelled with no day recorded, known only from 2026-12-01: unknown on 2026-11-20, counted as open)");
    expect(lists(r)).toContain("decision pending: D2 — Scanner model (superseded with no day recorded, known only from 2026-12-01: unknown on 2026-11-20, counted as pending)");
  });
});

describe("requirements section", () => {
  const s = requirementsSection({ ...office.trace, people: office.people });

  it("lists the one suspect link of the story and the coverage per level with a heat map", () => {
    expect(lists(s)).toContain("suspect tl-TC-014-verifies-TR-001: TC-014 verifies TR-001 (direct, changed TR-001)");
    // Functional: 12 of 16 shallow-covered (FR-107, FR-109, FR-301, FR-302 are gaps) = 75 %.
    const functional = text(tableOf(s, "Coverage per level").rows.find((r) => r[0] === "functional")!);
    // 12 of 16 = 75 %, at one place as every coverage figure of the column (before: "75%" beside "66.7%").
    expect(functional.slice(0, 4)).toEqual(["functional", "16", "12", "75.0%"]);
    expect(charts(s)[0]!.svg).toContain("12/16");
  });

  it("names the inactive items (rejected, obsolete, deprecated) next to the coverage; the sample has none", () => {
    const paragraphs = (x: ReportSection) => blocks(x).flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(paragraphs(s).filter((p) => p.startsWith("Inactive"))).toEqual([]);
    const inactive = [{ item: "requirement:FR-901", type: "functional", status: "rejected" }, { item: "test-case:TC-901", type: "test-case", status: "deprecated" }];
    const withInactive = requirementsSection({ ...office.trace, result: { ...office.trace.result, inactive }, people: office.people });
    expect(paragraphs(withInactive).filter((p) => p.startsWith("Inactive"))).toEqual(["Inactive, not traced (their status or tag retires them): FR-901 (rejected), TC-901 (deprecated)."]);
  });

  it("shows the RTM with suspect marks and the acknowledgement gaps", () => {
    const rtm = tableOf(s, "Requirements traceability matrix");
    expect(rtm.rows).toHaveLength(42);
    const tr001 = text(rtm.rows.find((r) => r[0] === "TR-001")!);
    expect(tr001.join("|")).toContain("TC-014 !");
    const fr102 = text(tableOf(s, "Acknowledgement gaps").rows.find((r) => r[0] === "FR-102")!);
    expect(fr102.slice(1)).toEqual(["key-user, trainer", "key-user (Greta Lindqvist)", "trainer"]);
    expect(lists(s).find((l) => l.startsWith("Greta Lindqvist: "))).toMatch(/^Greta Lindqvist: FR-101 as key-user \(not-yet\), FR-102 as key-user \(changed-since\)/);
    expect(lists(s).some((l) => l.startsWith("p-"))).toBe(false);
  });

  it("marks failed and not-run evidence with a tone, in the evidence column and on each test", () => {
    const rtm = tableOf(s, "Requirements traceability matrix");
    const header = rtm.columns.map((c) => (typeof c === "string" ? c : c.header));
    const row = (id: string) => rtm.rows.find((r) => r[0] === id)!;
    // FR-102: TC-003 failed (NOK), TC-004 passed; FR-106: TC-013 not run; FR-101: both tests passed.
    expect(row("FR-102")[header.indexOf("Evidence")]).toEqual(toneCell("bad", "NOK"));
    expect(row("FR-102")[header.indexOf("Tests")]).toEqual(runsCell(["TC-003 [", toneCell("bad", "NOK"), "]", ", TC-004 [OK]"]));
    expect(row("FR-106")[header.indexOf("Evidence")]).toEqual(toneCell("warning", "NOT RUN"));
    expect(row("FR-101")[header.indexOf("Evidence")]).toBe("OK");
    expect(row("FR-101")[header.indexOf("Tests")]).toBe("TC-001 [OK], TC-002 [OK]");
    expect(row("FR-109")[header.indexOf("Coverage")]).toEqual(toneCell("warning", "uncovered"));
  });
});

describe("rollout section", () => {
  const r = office.rollouts[0]!;
  const s = rolloutSection({ name: r.name, asOf: office.statusDate, goLive: r.goLive, progress: r.progress, ...(r.gate ? { gate: r.gate } : {}), waves: r.waves, burnDown: r.burnDown, items: r.items, people: office.people });

  it("decides the go/no-go gate with its blocking items, their due days and owners by name", () => {
    expect(r.gate!.outcome).toBe("no-go");
    const para = blocks(s).find((b) => b.kind === "paragraph" && b.text.startsWith("Go/No-Go"));
    // gate.json: five approvers of g-crm-go-no-go, none has voted.
    expect((para as { text: string }).text).toBe("Go/No-Go for the CRM cutover: NO-GO at 2026-11-20 — approvals 0 of 4 required; not voted yet: Ana Costa, Katrin Vogel, Rui Almeida, Stefan Krause, Ingrid Berg.");
    const blockers = tableOf(s, "Blocking items");
    expect(blockers.rows.length).toBe(r.gate!.blockers.length);
    expect(blockers.columns).toEqual(["Item", "Title", "Status", "Due", "Owner", "Why"]);
    // ACC-01 is T-60 working days from go-live 2027-03-01 on the Hamburg calendar: 2026-12-04…2027-03-01 holds 60
    // working days (2026-12-25 and 2027-01-01 are holidays), so it is due 2026-12-03. Owner p-ben-okafor.
    const acc = (code: string) => blockers.rows.find((row) => row[0] === code)!;
    expect([acc("ACC-01")[3], acc("ACC-01")[4]]).toEqual(["2026-12-03", "Ben Okafor"]);
    // Every blocking item is scheduled: the Due column has no gap.
    expect(blockers.rows.every((row) => typeof row[3] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(row[3]))).toBe(true);
    // A blocked item's status carries the bad tone; others stay plain.
    expect(acc("ACC-03")[2]).toEqual(toneCell("bad", "blocked"));
    expect(acc("ACC-01")[2]).toBe("in-progress");
  });

  it("judges every gate of the plan, in planned-date order, beside the go/no-go it decides", () => {
    // gate.json: the readiness exit (prepare and test phases, 2027-02-19, 3 approvers) comes before the go/no-go
    // (2027-02-24, 4 required). Before, only the go/no-go was judged and the earlier NO-GO was nowhere in the report.
    expect(r.gates.map((g) => [g.gateName, g.outcome, g.blockers.length])).toEqual([
      ["Readiness exit: preparation and testing complete", "no-go", 13],
      ["Go/No-Go for the CRM cutover", "no-go", 17],
    ]);
    expect(r.gate).toBe(r.gates[1]);
    const t = tableOf(rolloutSection({ name: r.name, asOf: office.statusDate, progress: r.progress, gates: r.gates }), "Gates at 2026-11-20");
    expect(t.rows.map((row) => row.slice(0, 4))).toEqual([
      ["Readiness exit: preparation and testing complete", "NO-GO", 13, "0 of 3"],
      ["Go/No-Go for the CRM cutover", "NO-GO", 17, "0 of 4"],
    ]);
    expect(t.rows[0]![4]).toMatch(/^13 blocking item\(s\) not closed: ACC-01, /);
  });

  it("drops the Due column when no blocking item has a due date", () => {
    const gate = { ...r.gate!, blockers: r.gate!.blockers.map(({ dueDate: _, ...b }) => b) };
    const t = tableOf(rolloutSection({ name: r.name, asOf: office.statusDate, progress: r.progress, gate }), "Blocking items");
    expect(t.columns).toEqual(["Item", "Title", "Status", "Why"]);
  });

  it("shows readiness per phase and category and a burn-down that ends at the status date", () => {
    const phases = tableOf(s, "Readiness per phase");
    const done = phases.rows.reduce((n, row) => n + Number(row[3]), 0);
    expect(done).toBe(r.progress.overall.done);
    // initiate: 3 of 3 done = 100%; prepare: 1 of 12 applicable = 8.33…% → 8.3%.
    // In the order a rollout runs, not the order of the checklist file (which began prepare, close, initiate…).
    expect(phases.rows.map((row) => row[0])).toEqual(["initiate", "prepare", "test", "deploy", "cutover", "hypercare", "close"]);
    expect(text(phases.rows.find((row) => row[0] === "initiate")!).at(-1)).toBe("100.0%"); // one place, as the other phases (before: "100%")
    expect(text(phases.rows.find((row) => row[0] === "prepare")!).at(-1)).toBe("8.3%");
    expect(r.burnDown.at(-1)).toEqual({ date: "2026-11-20", value: r.progress.overall.applicable - r.progress.overall.done });
    expect(charts(s)[0]!.svg).toContain(">CRM go-live (Dynamics 365 Sales): open readiness items</title>");
  });

  it("writes each plan's burn-down to its own file, and Markdown refuses two different charts under one file", () => {
    // Every rollout used charts/readiness-burn-down.svg: in the Markdown report the second plan's chart showed under both.
    expect(charts(s)[0]!.file).toBe("charts/readiness-burn-down-CRM-go-live-Dynamics-365-Sales.svg");
    const other = rolloutSection({ name: "ERP go-live", asOf: office.statusDate, goLive: r.goLive, progress: r.progress, burnDown: r.burnDown.slice(0, 2) });
    expect(charts(other)[0]!.file).toBe("charts/readiness-burn-down-ERP-go-live.svg");
    const twin = rolloutSection({ name: r.name, asOf: office.statusDate, goLive: r.goLive, progress: r.progress, burnDown: r.burnDown.slice(0, 2) });
    expect(() => renderMarkdownReport({ title: "t", sections: [s, twin] })).toThrow(/another chart is written to charts\/readiness-burn-down-CRM-go-live-Dynamics-365-Sales\.svg/);
    expect(renderMarkdownReport({ title: "t", sections: [s, other] })).toContain("](charts/readiness-burn-down-ERP-go-live.svg)");
  });
});

describe("helpers", () => {
  it("rounds half-even for display and keeps reasons", () => {
    expect(cellText(fixed(metric(decimal("0.125")), 2))).toBe("0.12"); // half-even: 0.125 → 0.12
    expect(cellText(fixed(missing("ac-is-zero"), 2))).toBe("n/a (ac-is-zero)");
    expect(cellText(cents(metric(money("10.005", "EUR"))))).toBe("EUR 10.00");
  });

  it("never rounds a percentage onto 100% short of it, nor onto 0% above it", () => {
    // 2,499 of 2,500 items ready (99.96 %) read "Ready 100%"; 1 of 2,500 (0.04 %) read "0%".
    const shown = (v: string) => cellText(percent(metric(decimal(v)), 1));
    expect(["99.96", "0.04", "99.94", "100", "0", "100.04", "-0.001"].map(shown)).toEqual(["99.96%", "0.04%", "99.9%", "100.0%", "0.0%", "100.04%", "0.0%"]);
  });

  it("openItemsSeries rejects a reversed period and a bad step", () => {
    expect(() => openItemsSeries([], { from: isoDate("2026-11-20"), to: isoDate("2026-11-01") })).toThrow(/before/);
    expect(() => openItemsSeries([], { from: isoDate("2026-11-01"), to: isoDate("2026-11-20"), stepDays: 0 })).toThrow(/whole number/);
    expect(openItemsSeries([], { from: isoDate("2026-11-01"), to: isoDate("2026-11-20"), stepDays: 7 }).map((p) => p.date)).toEqual(["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-20"]);
  });

  it("the whole office renders to HTML and Markdown", async () => {
    const { officeReport } = await import("../../src/cli/office-report.js");
    const report = officeReport(office);
    const html = renderHtmlReport(report);
    expect(html.match(/<svg/g)?.length).toBe(7); // bubble, 4 S-curves, heat map, burn-down
    expect(renderMarkdownReport(report)).toContain("![Coverage per level");
  });
});

describe("orders that do not depend on the machine's locale", () => {
  it("sorts categories, tied risks and milestones by code point, whatever localeCompare says", () => {
    // localeCompare follows the machine's locale: under one that orders everything the other way, nothing changes.
    const r = office.rollouts[0]!;
    const wms = office.projects.find((p) => p.code === "PRJ-WMS")!;
    const build = () => {
      const rollout = rolloutSection({ name: r.name, asOf: office.statusDate, progress: r.progress });
      const risks = wms.raid.risks.map((k) => ({ ...k, probability: decimal("0.5"), impact: 2 }));
      const project = projectSection({ code: wms.code, name: wms.name, series: wms.series, slips: wms.slips.map((m) => ({ ...m, baselineDate: isoDate("2026-11-02") })), raid: { risks } });
      return [tableOf(rollout, "Readiness per category").rows.map((row) => row[0]), tableOf(project, "Open risks").rows.map((row) => row[0]), tableOf(project, "Milestones").rows.map((row) => row[0])];
    };
    const expected = build();
    expect(expected[0]).toEqual([...expected[0]!].sort());
    expect(underReversedLocale(build)).toEqual(expected);
  });
});
