import { describe, expect, it } from "vitest";
import { decimal, isoDate, metric } from "../../src/core/index.js";
import { ragStatus } from "../../src/status/index.js";
import { decisionsNeeded, executiveSummarySection, renderMarkdownReport, type FiguresBlock, type TableBlock } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";

const asOf = "2026-11-20";
const figures = (spi: string, cpi: string) => ({ spi: metric(decimal(spi)), cpi: metric(decimal(cpi)) });
// Hand derivation with the default rules: SPI 0.80 < 0.85 → schedule red; SPI 0.90 (≥ 0.85, < 0.95) → amber;
// SPI and CPI 1.00 → green. The overall computed colour is the worst dimension.
const red = figures("0.80", "1.00");
const amber = figures("0.90", "1.00");
const green = figures("1.00", "1.00");
const rag = (id: string, f: ReturnType<typeof figures>, override?: { colour: "red" | "amber" | "green"; comment: string; by: string }) =>
  ragStatus({ id }, { asOf: isoDate(asOf), figures: f, ...(override ? { override } : {}) });

const projects = [
  { code: "P1", name: "Red overridden green", rag: rag("P1", red, { colour: "green", comment: "sponsor accepts the slip", by: "p-ana" }) },
  { code: "P2", name: "Plain green", rag: rag("P2", green) },
  { code: "P3", name: "Amber overridden green", rag: rag("P3", amber, { colour: "green", comment: "variance within contingency", by: "p-bo" }) },
  { code: "P4", name: "Red overridden amber", rag: rag("P4", red, { colour: "amber", comment: "recovery plan approved", by: "p-ana" }) },
  { code: "P5", name: "Green overridden red", rag: rag("P5", green, { colour: "red", comment: "vendor insolvent", by: "p-bo" }) },
  { code: "P6", name: "Green overridden green", rag: rag("P6", green, { colour: "green", comment: "as computed", by: "p-bo" }) },
];
const people = { "p-ana": "Ana Costa", "p-bo": "Bo Lind" };

describe("an override that improves on the computed colour needs a decision", () => {
  it("lists every improving override with who overrode it and why, keeping the shown colour", () => {
    // Before: P1 and P3 (shown green) were not listed at all; P4 was listed as a plain amber project.
    const needs = decisionsNeeded({ asOf, projects, people });
    expect(needs.map((n) => [n.kind, n.item, n.colour, n.rule])).toEqual([
      ["project-red", "P5 — Green overridden red", "red", "override by Bo Lind: vendor insolvent (computed green)"],
      ["project-overridden", "P1 — Red overridden green", "green", "override by Ana Costa: sponsor accepts the slip (computed red)"],
      ["project-overridden", "P3 — Amber overridden green", "green", "override by Bo Lind: variance within contingency (computed amber)"],
      ["project-overridden", "P4 — Red overridden amber", "amber", "override by Ana Costa: recovery plan approved (computed red)"],
    ]);
    expect(needs[1]!.ask).toBe("Confirm the override of the computed red, or restore red");
    expect(needs[3]!.ask).toBe("Confirm the override of the computed red, or restore red");
  });

  it("says in the RAG counts how many colours are overrides and of what", () => {
    const s = executiveSummarySection({ asOf, projects, people });
    const tiles = (s.blocks[0] as FiguresBlock).items.map((i) => [i.label, cellText(i.value)]);
    // Shown colours: red P5; amber P4 (from red); green P1 (from red), P2, P3 (from amber), P6 (agrees).
    expect(tiles.slice(0, 3)).toEqual([
      ["Red projects", "Red — 1: P5 (1 overridden: P5 from green)"],
      ["Amber projects", "Amber — 1: P4 (1 overridden: P4 from red)"],
      ["Green projects", "Green — 4: P1, P2, P3, P6 (2 overridden: P1 from red, P3 from amber)"],
    ]);
    const t = s.blocks.find((b): b is TableBlock => b.kind === "table" && b.table.caption === "Needs a decision")!;
    expect(t.table.rows.map((r) => cellText(r[0]!))).toEqual(["P5 — Green overridden red", "P1 — Red overridden green", "P3 — Amber overridden green", "P4 — Red overridden amber"]);
    expect(cellText(t.table.rows[1]![1]!)).toBe("Green — override by Ana Costa: sponsor accepts the slip (computed red)");
    const md = renderMarkdownReport({ title: "t", sections: [s] });
    expect(md).toContain("P1 — Red overridden green");
  });

  it("keeps the plain counts when no colour is overridden", () => {
    const s = executiveSummarySection({ asOf, projects: [projects[1]!] });
    expect(cellText((s.blocks[0] as FiguresBlock).items[2]!.value)).toBe("Green — 1: P2");
  });
});
