import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/core/index.js";
import { planXlsxReport, portfolioSection, tableToCsv, type ReportTable, type TableBlock } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";
import { ragStatus } from "../../src/status/index.js";
import { earnedValue, type EvmPolicy } from "../../src/variance/index.js";
import { cost, pkg, project, week } from "../variance/fixtures.js";

/*
 * The portfolio table's EAC column held each project's selected EAC without saying which method selected it. Projects
 * choose by their own `policy.eacOrder`, and a project falls back along it when a method has no figure, so one column
 * mixed BAC / CPI with AC + (BAC − EV) unannounced. Each row now names its method, in every export.
 *
 * One package, 1000.00 a week for two weeks from Mon 2027-01-04, status date Sun 01-10 (PV 1000):
 * - P-CPI: 50 % (EV 1000), AC 800, default order → EAC₁ = BAC / CPI = 2000 / 1.25 = 1600.00.
 * - P-BR: the same, eacOrder ["budget-rate"] → EAC₂ = AC + BAC − EV = 800 + 1000 = 1800.00.
 * - P-FALLBACK: nothing earned (EV 0), AC 500, default order: CPI 0 gives no EAC₁ (ev-is-zero), no estimate gives
 *   no EAC₄, so EAC₂ = 500 + 2000 = 2500.00.
 */
const evm = (pct: string, ac: string, policy: EvmPolicy = {}) => {
  const a = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-10", percentComplete: pct }] });
  return earnedValue(project([a], [cost("A", "2027-01-08", ac)]), { statusDate: "2027-01-10", policy });
};
const rows = [
  { code: "P-CPI", evm: evm("50", "800.00") },
  { code: "P-BR", evm: evm("50", "800.00", { eacOrder: ["budget-rate"] }) },
  { code: "P-FALLBACK", evm: evm("0", "500.00") },
].map((r) => ({ ...r, name: r.code, rag: ragStatus({ id: r.code }, { asOf: isoDate("2027-01-10"), figures: { cpi: r.evm.figures.cpi } }) }));
const section = portfolioSection({ asOf: "2027-01-10", projects: rows });
const table = (section.blocks.find((b): b is TableBlock => b.kind === "table") as TableBlock).table as ReportTable;
const header = table.columns.map((c) => (typeof c === "string" ? c : c.header));

describe("portfolio table: each row's EAC names its method", () => {
  it("an EAC method column beside EAC: EAC₁ (BAC / CPI) 1600.00, EAC₂ (AC + BAC − EV) 1800.00 and the fallback's EAC₂ 2500.00", () => {
    const i = header.indexOf("EAC"), m = header.indexOf("EAC method");
    expect(m).toBe(i + 1);
    expect(table.rows.map((r) => [cellText(r[0] as never), cellText(r[i] as never), cellText(r[m] as never)])).toEqual([
      ["P-CPI", "EUR 1,600.00", "EAC₁ (BAC / CPI)"],
      ["P-BR", "EUR 1,800.00", "EAC₂ (AC + BAC − EV)"],
      ["P-FALLBACK", "EUR 2,500.00", "EAC₂ (AC + BAC − EV)"],
    ]);
    expect((section.blocks[0] as { text: string }).text).toContain("EAC is the first computable method of each project's policy, named per row");
  });

  it("no EAC at all: the method cell gives the EAC's reason, not a blank", () => {
    const none = earnedValue({ ...project([], [cost(undefined, "2027-01-08", "10.00")]), baselines: [] }, { statusDate: "2027-01-10" });
    const s = portfolioSection({ asOf: "2027-01-10", projects: [{ code: "P-NONE", name: "P-NONE", rag: rows[0]!.rag, evm: none }] });
    const t = (s.blocks.find((b): b is TableBlock => b.kind === "table") as TableBlock).table;
    expect(t.rows[0]![header.indexOf("EAC method")]).toEqual({ reason: "no-baseline" });
  });

  it("the CSV export carries the method per row", () => {
    const csv = tableToCsv(table).split(/\r?\n/);
    expect(csv[0]).toContain(",EAC method,");
    expect(csv.find((l) => l.startsWith("P-BR,"))).toContain("EAC₂ (AC + BAC − EV)");
    expect(csv.find((l) => l.startsWith("P-CPI,"))).toContain("EAC₁ (BAC / CPI)");
  });

  it("the XLSX export carries the method per row, as text", () => {
    const sheet = planXlsxReport({ title: "Portfolio", asOf: "2027-01-10", sections: [section] }).sheets.find((s) => s.headers.includes("EAC method"))!;
    const m = sheet.headers.indexOf("EAC method");
    expect(sheet.rows.map((r) => r[m])).toEqual([
      { kind: "text", value: "EAC₁ (BAC / CPI)" }, { kind: "text", value: "EAC₂ (AC + BAC − EV)" }, { kind: "text", value: "EAC₂ (AC + BAC − EV)" },
    ]);
  });
});
