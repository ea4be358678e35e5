import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { analyzeOffice } from "../../src/cli/office.js";
import { officeReport } from "../../src/cli/office-report.js";
import { importDataset } from "../../src/io/index.js";
import { renderJsonReport } from "../../src/reports/index.js";

// Audit of the office report's figures against a hand-made office whose every figure is derived by hand below: one
// running project PRJ-H, two 50/50 packages under baseline 0 (BAC 40,000), status date 2026-11-30.
//   A: Oct 1–31, 10,000, started and finished  → EV 10,000 (50 % at start, 50 % at finish); PV by Nov 30 10,000.
//   B: Nov 1–30, 30,000, started, not finished → EV 15,000;                                   PV by Nov 30 30,000.
//   PV 40,000, EV 25,000, AC 12,000 + 18,000 = 30,000; SV −15,000, CV −5,000; CPI 25/30 = 0.833… (0.83);
//   SPI 25/40 = 0.625, 0.62 at two places half-even (docs/reports.md); EAC = BAC / CPI = 48,000;
//   TCPI = (40,000 − 25,000) / (40,000 − 30,000) = 1.50; % complete 25/40 = 62.5.
//   Earned schedule in working days (Mon–Fri): October has 22, November 21, AT = 43; EV 25,000 lies half-way through
//   November's 30,000 of PV, ES = 22 + 21 / 2 = 32.5, SV(t) = −10.5, SPI(t) = 32.5 / 43 = 0.7558… (0.76).
//   RAG: SPI 0.625 < 0.85 red; CPI 0.833 < 0.85 red and EAC 48,000 > 1.05 × BAC = 42,000 red → one red project,
//   one decision needed, portfolio health 0 of 1.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const s = loadSampleOffice() as any;
const base = { version: 1, createdAt: "2026-09-01T08:00:00.000Z", updatedAt: "2026-09-01T08:00:00.000Z" };
const eur = (a: string) => ({ amount: a, currency: "EUR" });
const { stakeholders: _s, requestId: _r, statusDate: _d, ...einv } = s.project.find((x: { id: string }) => x.id === "PRJ-EINV");
const project = { ...einv, id: "PRJ-H", code: "PRJ-H", name: "Hand", plannedStart: "2026-10-01", plannedFinish: "2026-11-30", budget: { currency: "EUR", lines: [{ period: "2026-Q4", category: "labour", expenditure: "opex", amount: eur("40000.00") }] }, activeBaseline: 0 };
const wp = (id: string, code: string, from: string, to: string, amount: string, progress: object[], actual: object) => ({ ...base, id, projectId: "PRJ-H", code, name: id, plannedStart: from, plannedFinish: to, timePhasedBudget: [{ start: from, finish: to, amount: eur(amount) }], earningRule: { type: "50/50" }, progress, ...actual });
const wpA = wp("wp-a", "1", "2026-10-01", "2026-10-31", "10000.00", [{ date: "2026-10-01", started: true }, { date: "2026-10-30", started: true, finished: true }], { actualStart: "2026-10-01", actualFinish: "2026-10-30" });
const wpB = wp("wp-b", "2", "2026-11-01", "2026-11-30", "30000.00", [{ date: "2026-11-02", started: true }], { actualStart: "2026-11-02" });
const snapshot = (w: typeof wpA) => ({ workPackageId: w.id, code: w.code, name: w.name, plannedStart: w.plannedStart, plannedFinish: w.plannedFinish, timePhasedBudget: w.timePhasedBudget, earningRule: w.earningRule });
const baseline = { ...base, id: "bl-h-0", projectId: "PRJ-H", number: 0, capturedAt: "2026-09-01T08:00:00.000Z", capturedBy: s.person[0].id, reason: "initial", budgetAtCompletion: eur("40000.00"), workPackages: [snapshot(wpA), snapshot(wpB)], milestones: [] };
const cost = (id: string, w: string, date: string, a: string) => ({ ...base, id, projectId: "PRJ-H", workPackageId: w, date, amount: eur(a), category: "labour", expenditure: "opex" });
const wire = { person: s.person, portfolio: s.portfolio, programme: s.programme, project: [project], "work-package": [wpA, wpB], baseline: [baseline], "cost-entry": [cost("ce-1", "wp-a", "2026-10-30", "12000.00"), cost("ce-2", "wp-b", "2026-11-27", "18000.00")] };

describe("the office report of a hand-made office reads the figures derived by hand", async () => {
  const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: wire });
  const report = JSON.parse(renderJsonReport(officeReport(await analyzeOffice(records, { statusDate: "2026-11-30" }))));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const find = (h: string, list: any[] = report.sections): any => { for (const x of list) { if (x.heading?.startsWith(h)) return x; const f = x.sections && find(h, x.sections); if (f) return f; } };
  const text = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

  it("the executive summary's counts", () => {
    expect(report.sections[0].blocks[0].items.map((i: { label: string; value: unknown }) => `${i.label}: ${text(i.value)}`)).toEqual([
      'Red projects: {"rag":"red","note":"1: PRJ-H"}',
      'Amber projects: {"rag":"amber","note":"0"}',
      'Green projects: {"rag":"green","note":"0"}',
      "Need a decision: 1",
      // Health 0 of 1 (< 80 %); on time and on budget have no closed project.
      "KPIs out of target: 1 of 3; 2 not measured",
    ]);
  });

  it("the project's earned value figures", () => {
    const figures = find("PRJ-H").blocks.find((b: { kind: string }) => b.kind === "figures").items;
    expect(Object.fromEntries(figures.map((i: { label: string; value: unknown }) => [i.label, text(i.value)]))).toMatchObject({
      "Budget at completion (BAC)": text(eur("40000.00")),
      "Planned value (PV)": text(eur("40000.00")),
      "Earned value (EV)": text(eur("25000.00")),
      "Actual cost (AC)": text(eur("30000.00")),
      "Schedule variance (SV)": text(eur("-15000.00")),
      "Cost variance (CV)": text(eur("-5000.00")),
      "Cost performance index (CPI)": "0.83",
      "Schedule performance index (SPI)": "0.62",
      "Time-based schedule performance index SPI(t), monthly grid": "0.76",
      "Time-based schedule variance SV(t), working days": "-10.5",
      "Estimate at completion (EAC, method cpi)": text(eur("48000.00")),
      "To-complete performance index (TCPI, to BAC)": "1.50",
      Complete: text({ percent: "62.5" }),
    });
  });

  it("the portfolio table agrees with the project section", () => {
    const table = find("Portfolio").blocks.find((b: { kind: string }) => b.kind === "table");
    const row = table.rows[0];
    const at = (c: string) => row[table.columns.indexOf(c)];
    expect([at("CPI"), at("SPI"), at("SPI(t)"), text(at("EAC"))]).toEqual(["0.83", "0.62", "0.76", text(eur("48000.00"))]);
    expect(text(at("Cost"))).toBe(text({ rag: "red", note: "CPI 0.833 < 0.85 → red; EAC EUR 48,000.00 > EUR 42,000.00 → red" }));
  });
});
