import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { analyzeOffice } from "../../src/cli/office.js";
import { decimal, isoDate, metric, missing, money } from "../../src/core/index.js";
import { importDataset } from "../../src/io/index.js";
import {
  cents, fixed, intakeSection, openItemsSeries, portfolioSection, projectSection, renderHtmlReport, renderMarkdownReport, requirementsSection, rolloutSection,
  type ReportBlock, type ReportSection, type TableBlock,
} from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";

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

  it("ranks the requests with the score breakdown: mandatory first, CRM 0.773 = 5→0.273 + 4→0.205 + 4→0.136 + 4→0.136 + 4→0.023", () => {
    const t = tableOf(s, "Ranked requests");
    expect(t.rows.map((r) => r[1])).toEqual(["REQ-2026-003", "REQ-2027-003", "REQ-2026-001", "REQ-2026-004", "REQ-2026-002", "REQ-2027-002", "REQ-2027-001", "REQ-2027-007", "REQ-2027-004", "REQ-2027-005", "REQ-2027-006", "REQ-2027-008", "REQ-2027-009"]);
    const crm = text(t.rows[2]!);
    expect(crm.slice(3, 10)).toEqual(["scored", "0.773", "5 → 0.273", "4 → 0.205", "4 → 0.136", "4 → 0.136", "4 → 0.023"]);
    expect(text(t.rows[1]!)[4]).toBe("n/a (missing-rating)");
    expect(text(t.rows[0]!)[11]).toMatch(/^forced-in: German Growth Opportunities Act/);
  });

  it("shows the selection under EUR 1,000,000 with the constraints used and why-not lines", () => {
    // Forced-in NIS2 SOC (330,000) leaves 670,000: route optimisation + backup (400,000, 68.18 + 59.09 = 127.27)
    // beats the portal + backup (646,000, 65.91 + 59.09 = 125.00) by 2.27; the driver app needs route optimisation.
    expect(office.selection.result.selected).toEqual(["REQ-2027-002", "REQ-2027-003", "REQ-2027-007"]);
    const used = tableOf(s, "Constraints used");
    expect(text(used.rows[0]!).slice(0, 4)).toEqual(["budget FY2027 (EUR 1,000,000.00)", "730000", "1000000", "270000"]);
    expect(lists(s)).toContain("REQ-2027-001 (Customer self-service portal for bookings and tracking): forcing REQ-2027-001 in lowers the objective by 2.2727273; it displaces REQ-2027-002");
    const [bubble] = charts(s);
    expect(bubble!.svg).toContain(">Value vs cost of the candidates</title>");
    expect(bubble!.file).toBe("charts/value-cost.svg");
  });
});

describe("portfolio section", () => {
  const s = portfolioSection({ asOf: SAMPLE_STATUS_DATE, projects: office.projects.map((p) => ({ code: p.code, name: p.name, rag: p.rag, evm: p.series.atStatusDate })), kpis: [{ label: "ERP availability", value: fixed(office.availability.find((a) => a.service === "erp")!.availabilityPercent, 3) }] });
  const t = tableOf(s, "Project health");

  it("names the rule that fired per dimension and gives CPI, SPI, SPI(t), EAC and the forecast finish", () => {
    const header = t.columns.map((c) => (typeof c === "string" ? c : c.header));
    const wms = text(t.rows.find((r) => r[0] === "PRJ-WMS")!);
    // README: WMS SPI 0.65, CPI 0.88; test/variance: SPI(t) 0.75 (ES 169.43 / AT 225).
    expect(wms[header.indexOf("schedule")]).toBe("Red — spi 0.654 < 0.85 → red; finishSlipDays 176 > 20 → red");
    expect([wms[header.indexOf("CPI")], wms[header.indexOf("SPI")], wms[header.indexOf("SPI(t)")]]).toEqual(["0.88", "0.65", "0.75"]);
    expect(wms[header.indexOf("Overall")]).toMatch(/^Red/);
    // Dimensions no project could be rated on are named once instead of as empty columns.
    expect(header).not.toContain("quality");
    expect((s.blocks[0] as { text: string }).text).toContain("Not rated (figures not supplied): scope, quality, resources, readiness.");
  });

  it("lists the KPIs", () => {
    expect(text(tableOf(s, "KPIs").rows[0]!)).toEqual(["ERP availability", expect.stringMatching(/^99\.\d{3}$/), ""]);
  });
});

describe("project section", () => {
  const wms = office.projects.find((p) => p.code === "PRJ-WMS")!;
  const s = projectSection({ code: wms.code, name: wms.name, series: wms.series, slips: wms.slips, raid: wms.raid });

  it("gives the EVM figures of the README (PV 1,390,501.89, EV 909,747.67, AC 1,031,876.97)", () => {
    const figures = s.blocks.find((b) => b.kind === "figures")!;
    const get = (label: string) => cellText(figures.kind === "figures" ? figures.items.find((i) => i.label === label)!.value : null);
    expect([get("PV"), get("EV"), get("AC"), get("CPI"), get("SPI")]).toEqual(["EUR 1,390,501.89", "EUR 909,747.67", "EUR 1,031,876.97", "0.88", "0.65"]);
  });

  it("draws the S-curve and keeps the slip ledger: the pilot slipped 55 working days and is overdue", () => {
    expect(charts(s)[0]!.svg).toContain(">PRJ-WMS S-curve</title>");
    const ledger = blocks(s).find((b): b is TableBlock => b.kind === "table" && b.table.columns.includes("Slip (wd)"))!.table;
    const pilot = text(ledger.rows.find((r) => String(r[0]).toLowerCase().includes("pilot"))!);
    expect(pilot.slice(3, 5).concat(pilot.slice(6, 7), pilot.slice(8))).toEqual(["2026-11-02", "2027-01-18", "55", "overdue"]);
  });

  it("summarises the RAID log", () => {
    expect((blocks(s).find((b) => b.kind === "paragraph" && b.text.startsWith("Open risks")) as { text: string }).text).toMatch(/^Open risks \d+, open issues \d+/);
  });
});

describe("requirements section", () => {
  const s = requirementsSection(office.trace);

  it("lists the one suspect link of the story and the coverage per level with a heat map", () => {
    expect(lists(s)).toContain("suspect tl-TC-014-verifies-TR-001: TC-014 verifies TR-001 (direct, changed TR-001)");
    // Functional: 12 of 16 shallow-covered (FR-107, FR-109, FR-301, FR-302 are gaps) = 75 %.
    const functional = text(tableOf(s, "Coverage per level").rows.find((r) => r[0] === "functional")!);
    expect(functional.slice(0, 4)).toEqual(["functional", "16", "12", "75"]);
    expect(charts(s)[0]!.svg).toContain("12/16");
  });

  it("shows the RTM with suspect marks and the acknowledgement gaps", () => {
    const rtm = tableOf(s, "Requirements traceability matrix");
    expect(rtm.rows).toHaveLength(42);
    const tr001 = text(rtm.rows.find((r) => r[0] === "TR-001")!);
    expect(tr001.join("|")).toContain("TC-014 !");
    const fr102 = text(tableOf(s, "Acknowledgement gaps").rows.find((r) => r[0] === "FR-102")!);
    expect(fr102.slice(1)).toEqual(["key-user, trainer", "key-user (p-greta-lindqvist)", "trainer"]);
  });
});

describe("rollout section", () => {
  const r = office.rollouts[0]!;
  const s = rolloutSection({ name: r.name, asOf: office.statusDate, goLive: r.goLive, progress: r.progress, ...(r.gate ? { gate: r.gate } : {}), waves: r.waves, burnDown: r.burnDown });

  it("decides the go/no-go gate with its blocking items", () => {
    expect(r.gate!.outcome).toBe("no-go");
    const para = blocks(s).find((b) => b.kind === "paragraph" && b.text.startsWith("Go/No-Go"));
    expect((para as { text: string }).text).toMatch(/^Go\/No-Go for the CRM cutover: NO-GO at 2026-11-20 — approvals 0 of \d+ required/);
    expect(tableOf(s, "Blocking items").rows.length).toBe(r.gate!.blockers.length);
  });

  it("shows readiness per phase and category and a burn-down that ends at the status date", () => {
    const phases = tableOf(s, "Readiness per phase");
    const done = phases.rows.reduce((n, row) => n + Number(row[3]), 0);
    expect(done).toBe(r.progress.overall.done);
    expect(r.burnDown.at(-1)).toEqual({ date: "2026-11-20", value: r.progress.overall.applicable - r.progress.overall.done });
    expect(charts(s)[0]!.svg).toContain(">CRM go-live (Dynamics 365 Sales): open readiness items</title>");
  });
});

describe("helpers", () => {
  it("rounds half-even for display and keeps reasons", () => {
    expect(cellText(fixed(metric(decimal("0.125")), 2))).toBe("0.12"); // half-even: 0.125 → 0.12
    expect(cellText(fixed(missing("ac-is-zero"), 2))).toBe("n/a (ac-is-zero)");
    expect(cellText(cents(metric(money("10.005", "EUR"))))).toBe("EUR 10.00");
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
