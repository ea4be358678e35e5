import { describe, expect, it } from "vitest";
import { decimal, decodeEntity, isoDate, metric, missing, type Risk } from "../../src/index.js";
import { portfolioSection, type PortfolioSectionInput } from "../../src/reports/index.js";
import { ragStatus } from "../../src/status/index.js";

// The portfolio paragraph names the dimensions no project could be rated on. It said "(figures not supplied)" for
// all of them, also when the figures were derived and missing for another reason: a risk register with no risk raised
// by the status date is `no-data`, not a figure someone forgot to pass.

const asOf = isoDate("2026-11-20");
const none = missing("not-supplied");
// The EVM columns are not what this test reads: every figure missing.
const evm = { figures: { cpi: none, spi: none, selectedEac: { value: none } }, schedule: { spiT: none, forecastFinish: { spiT: none } } } as unknown as PortfolioSectionInput["projects"][number]["evm"];
const at = "2026-12-01T09:00:00.000Z";
// Raised after the status date: the register holds no risk raised by then.
const later = decodeEntity("risk", {
  id: "RSK-1", version: 1, createdAt: at, updatedAt: at, projectId: "P", title: "Vendor exit", probability: "0.9", impact: 4,
  ownerId: "p-o", response: "mitigate", mitigation: "m", status: "open", raisedOn: "2026-12-01",
}) as Risk;
const rules = [
  { id: "cost-cpi", dimension: "cost", kind: "index", figure: "cpi", greenAtLeast: "0.95", amberAtLeast: "0.85" },
  { id: "scope-change", dimension: "scope", kind: "tolerance", figure: "scopeChangePercent", tolerance: "10", amberShare: "0.8" },
  { id: "risks-high", dimension: "risks-and-issues", kind: "count", figure: "highRisksPending", amberAtLeast: "1" },
];

describe("portfolio section: why a dimension is not rated", () => {
  it("names each reason: figures not supplied, or no data recorded", () => {
    const rag = ragStatus({ id: "P", risks: [later] }, { asOf, rules, figures: { cpi: metric(decimal("0.97")) } });
    expect(rag.dimensions.find((d) => d.dimension === "risks-and-issues")!.rules[0]!.missing).toEqual({ figure: "highRisksPending", reason: "no-data", detail: "no risk raised by 2026-11-20" });
    const s = portfolioSection({ asOf, projects: [{ code: "P", name: "Project", rag, evm }] });
    const text = (s.blocks[0] as { text: string }).text;
    // Before: "Not rated (figures not supplied): scope, risks and issues."
    expect(text).toContain(" Not rated (figures not supplied): scope. Not rated (no-data): risks and issues.");
  });

  it("an unrated dimension's cell says 'not rated' once", () => {
    // cli21's audit: the cell read "n/a (not-rated: not rated: cpi not available (not-supplied))"; the comment keeps
    // its prefix. A column shows when some project rates its dimension: Q rates cost, P does not.
    const rag = ragStatus({ id: "P", risks: [later] }, { asOf, rules, figures: {} });
    expect(rag.dimensions.find((d) => d.dimension === "cost")!.comment).toMatch(/^not rated: cpi not available \(not-supplied\)/);
    const rated = ragStatus({ id: "Q", risks: [later] }, { asOf, rules, figures: { cpi: metric(decimal("0.97")) } });
    const s = portfolioSection({ asOf, projects: [{ code: "P", name: "Project", rag, evm }, { code: "Q", name: "Other", rag: rated, evm }] });
    const table = (s.blocks[1] as unknown as { table: { columns: unknown[]; rows: unknown[][] } }).table;
    expect(table.columns[3]).toBe("Cost");
    expect(table.rows[0]![3]).toEqual({ reason: "not-rated", detail: "CPI not available (not-supplied)" });
  });
});
