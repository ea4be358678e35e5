import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { analyzeOffice } from "../../src/cli/office.js";
import { officeReport } from "../../src/cli/office-report.js";
import { analyzeOfficeSchedule, earnedScheduleFinishes } from "../../src/cli/schedule.js";
import { importDataset } from "../../src/io/index.js";
import { renderHtmlReport, renderMarkdownReport, type ReportSection, type ReportTable } from "../../src/reports/index.js";
import { underReversedLocale } from "../reports/fixtures.js";
import { HEAVY } from "./run.js";

// The office report as `pmokit demo` writes it (issue 17: what it says), read back from the rendered Markdown and
// HTML. Every figure below is derived from examples/data by hand in its comment.
const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });
const report = officeReport(office, analyzeOfficeSchedule(records, office.statusDate, undefined, earnedScheduleFinishes(office)));
const md = renderMarkdownReport(report);
const html = renderHtmlReport(report);
const line = (start: string) => md.split("\n").find((l) => l.startsWith(start));
const tables = (s: ReportSection): ReportTable[] => [...s.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : [])), ...(s.sections ?? []).flatMap(tables)];

describe("the office report reads as people read", { timeout: HEAVY }, () => {
  it("prints money one way everywhere: the constraint table and the RAG rule notes say EUR 1,201,841.04", () => {
    // Budget FY2027: 330,000 + 254,000 + 146,000 = 730,000 used of 1,000,000; 270,000 slack.
    expect(line("| budget FY2027")).toBe("| budget FY2027 (EUR 1,000,000.00) | EUR 730,000.00 | EUR 1,000,000.00 | EUR 270,000.00 | yes | REQ-2027-001, REQ-2027-004 |");
    // CRM: EAC 1,201,841.04 above BAC 1,167,000.00 but within BAC × 1.05 = 1,225,350.00 → amber.
    expect(md).toContain("**A** Amber — EAC EUR 1,201,841.04 &gt; BAC and ≤ EUR 1,225,350.00 → amber");
    expect(html).toContain('<span class="rag-note">EAC EUR 1,201,841.04 &gt; BAC and ≤ EUR 1,225,350.00 → amber</span>');
    expect(md).not.toMatch(/\d+\.\d{2} EUR/);
    expect(html).not.toMatch(/\d+\.\d{2} EUR/);
  });

  it("puts the % sign on percentages and groups the minutes behind availability", () => {
    // erp: 144 of 466,200 agreed minutes down → (466,200 − 144) / 466,200 = 99.96911…% → 99.969% (three places).
    // Three places, as the summary and the terminal show it (it read 99.9691 % here and 99.969 % there).
    expect(line("| Availability erp")).toBe("| Availability erp (2026-01-01 – 2026-11-20, to status date) | 99.969% | 144 of 466,200 agreed minutes down, 2 unplanned failures |");
    // Health: PRJ-CRM, PRJ-DCX, PRJ-EINV healthy, PRJ-WMS red → 3 of 4 = 75% → 75.0% (one place, as the terminal's
    // "healthy projects 75.0%"; it read 75% in the report).
    // The KPI table of the portfolio section, and the executive summary's out-of-target row (target ≥ 80%).
    expect(md.split("\n")).toContain("| Portfolio health | 75.0% | active projects not red, not overdue, no open critical issue: 3 of 4 (not: PRJ-WMS) |");
    expect(md.split("\n")).toContain("| Portfolio health | 75.0% | ≥ 80% | **R** Red — 75.0% &lt; 80%: below target |");
    expect(html).toContain('<td class="num">99.969%</td>');
  });

  it("names people, never their ids: owners, approvers, acknowledgers; resources by name", () => {
    expect(line("| RSK-CRM-001")).toBe("| RSK-CRM-001 | SalesBase data quality worse than assumed | 0.5 | 4 | 2 | mitigate | David Mensah |");
    expect(md).toContain("not voted yet: Ana Costa, Katrin Vogel, Rui Almeida, Stefan Krause, Ingrid Berg.");
    // wp-crm-4.1 (109 d) is 53 % duration complete (50 % physical, an earned-value measure the schedule does not
    // take): 109 × 0.47 = 51.23 d = 24,590 min = 51 d + 110 min from Mon 2026-11-23, ending Tue 2027-02-02 at minute
    // 110. wp-crm-4.2 (30 d, FF + 15 d) would start Tue 01-12 at minute 110; Aylin is free the morning after 4.1,
    // Wed 02-03: 370 min of Tue 01-12 + Wed 01-13 … Tue 02-02 (15 d) = 15.770833 d.
    // Activities by their labels, as `pmokit schedule` names them (wp-crm-4.2 and wp-crm-4.1 before).
    expect(md).toContain("- 4.2 User acceptance testing waits 15.770833 days for Aylin Yilmaz (QA), held by 4.1 System and integration testing on 2027-01-12");
    // No person id (p-…) and no resource id (res-…) is left in the text; chart file names may carry resource ids.
    expect(md.replace(/\(charts\/[^)]*\)/g, "")).not.toMatch(/\b(p|res)-[a-z]+(-[a-z]+)*\b/);
    expect(html.replace(/<svg[\s\S]*?<\/svg>/g, "")).not.toMatch(/\b(p|res)-[a-z]+-[a-z]+\b/);
  });

  it("heads every column in words: no camelCase, no ids", () => {
    const headers = [...new Set(report.sections.flatMap(tables).flatMap((t) => t.columns.map((c) => (typeof c === "string" ? c : c.header))))];
    expect(headers).toEqual(expect.arrayContaining(["Strategic fit", "Risks and issues", "Key milestone", "Slip from original"]));
    expect(headers.filter((h) => !/^[A-Z0-9%]/.test(h) || /[a-z][A-Z]/.test(h) || /^[a-z]+(-[a-z]+)+$/.test(h))).toEqual([]);
  });

  it("lists each milestone ledger in baseline order", () => {
    const ledgers = report.sections.flatMap(tables).filter((t) => t.caption?.startsWith("Milestones in baseline order"));
    expect(ledgers).toHaveLength(4);
    for (const t of ledgers) {
      const baseline = t.rows.map((r) => String(r[3]));
      expect(baseline).toEqual([...baseline].sort());
    }
    // CRM starts with the kick-off (2026-03-02) and ends with the closure (2027-04-30).
    const crm = ledgers[0]!.rows;
    expect([crm[0]![0], crm.at(-1)![0]]).toEqual(["Project kick-off", "Project closed"]);
  });

  it("fills the Due column of the gate's blocking items from the checklist schedule", () => {
    // ACC-03 is T-55 working days before go-live 2027-03-01 (Hamburg calendar, 2026-12-25 and 2027-01-01 off): due
    // 2026-12-10; owner p-ben-okafor; it is blocked, so its status carries the bad tone (bold in Markdown).
    expect(line("| ACC-03")).toMatch(/^\| ACC-03 \| Conditional access policy for field sales phones \| \*\*blocked\*\* \| 2026-12-10 \| Ben Okafor \| blocked: /);
    const header = md.split("\n").find((l) => l.startsWith("| Item | Title | Status"));
    expect(header).toBe("| Item | Title | Status | Due | Owner | Why |");
  });

  it("highlights NOK and NOT RUN with a colour and the word", () => {
    // FR-102: TC-003 failed, TC-004 passed; FR-106: TC-013 not run.
    expect(line("| FR-102")).toBe("| FR-102 | functional | implemented | Quote from rate card | covered | **NOK** | SR-002 |  |  | art-crm-sales-core | TC-003 \\[**NOK**\\], TC-004 \\[OK\\] | DEF-101 |");
    expect(line("| FR-106")).toContain("| covered | **NOT RUN** |");
    expect(html).toContain('<td><span class="tone tone-bad">NOK</span></td>');
    expect(html).toContain('<td>TC-003 [<span class="tone tone-bad">NOK</span>], TC-004 [OK]</td>');
    expect(html).toContain('<td><span class="tone tone-warning">NOT RUN</span></td>');
  });
});

describe("chart files of the office report", () => {
  it("gives two rollout plans of one name two burn-down files, so the Markdown report shows each its own", async () => {
    const { chartFiles } = await import("../../src/cli/output.js");
    const r = office.rollouts[0]!;
    const twice = officeReport({ ...office, rollouts: [r, { ...r, burnDown: r.burnDown.slice(0, 3) }] });
    const files = Object.keys(chartFiles(twice)).filter((f) => f.startsWith("charts/readiness-burn-down"));
    expect(files).toEqual(["charts/readiness-burn-down-CRM-go-live-Dynamics-365-Sales.svg", "charts/readiness-burn-down-CRM-go-live-Dynamics-365-Sales-2.svg"]);
    const twiceMd = renderMarkdownReport(twice);
    for (const f of files) expect(twiceMd).toContain(`](${f})`);
  });
});

describe("KPIs of the office as of the status date", () => {
  it("counts a critical issue raised after the status date as not yet open in portfolio health", async () => {
    const { analyzeDelivery } = await import("../../src/cli/office.js");
    // PRJ-EINV is healthy on 2026-11-20; a critical issue raised on 2026-12-01 did not exist yet (it made EINV unhealthy).
    const wmsIssue = records.issue!.find((i) => i.severity === "critical")!;
    const later = { ...wmsIssue, id: "ISS-EINV-LATE", key: "ISS-EINV-LATE", projectId: "PRJ-EINV", raisedOn: "2026-12-01" as typeof wmsIssue.raisedOn };
    const delivery = analyzeDelivery({ ...records, issue: [...records.issue!, later] }, SAMPLE_STATUS_DATE);
    expect([delivery.kpis.health.numerator, delivery.kpis.health.denominator, delivery.kpis.health.notMet]).toEqual([3, 4, ["PRJ-WMS"]]);
  });
});

describe("the office's choices do not depend on the machine's locale", () => {
  it("picks the same go/no-go gate of two on one day, and orders the schedules alike, whatever localeCompare says", async () => {
    const { analyzeDelivery } = await import("../../src/cli/office.js");
    // Two gates planned on one day: the one decided is the first by id. localeCompare follows the machine's locale,
    // so a locale that orders differently picked the other gate.
    const readiness = records.gate!.find((g) => g.id === "g-crm-readiness")!;
    const tied = { ...records, gate: records.gate!.map((g) => (g.id === "g-crm-readiness" ? { ...g, plannedDate: records.gate!.find((x) => x.id === "g-crm-go-no-go")!.plannedDate } : g)) };
    const pick = () => [analyzeDelivery(tied, SAMPLE_STATUS_DATE).rollouts[0]!.gate!.gateId, analyzeOfficeSchedule(records, SAMPLE_STATUS_DATE).projects.map((p) => p.code)];
    const expected = pick();
    expect(expected[0]).toBe("g-crm-go-no-go");
    expect(readiness.id > "g-crm-go-no-go").toBe(true);
    expect(underReversedLocale(pick)).toEqual(expected);
  });
});
