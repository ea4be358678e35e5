import { describe, expect, it } from "vitest";
import { percentText } from "../../src/cli/summary.js";
import { decimal, metric, missing } from "../../src/core/index.js";

describe("percentages on the terminal", () => {
  it("keep their places, never read 100% short of it, and say why one is missing", () => {
    // `rollout` printed "ready n/a%" for a plan without applicable items, and 99.96 as "100.0%".
    expect(percentText(metric(decimal("75")), 1)).toBe("75.0%");
    expect(percentText(metric(decimal("99.96")), 1)).toBe("99.96%");
    expect(percentText(metric(decimal("99.94638")), 3)).toBe("99.946%");
    expect(percentText(missing("no-applicable-items"))).toBe("n/a (no-applicable-items)");
  });
});

/** The sample office's first running project, analysed at the sample's status date, and the function under test. */
async function sampleProject() {
  const { loadSampleOffice, SAMPLE_STATUS_DATE } = await import("../../examples/office.js");
  const { importDataset } = await import("../../src/io/index.js");
  const { analyzeDelivery } = await import("../../src/cli/office.js");
  const { projectLines } = await import("../../src/cli/summary.js");
  const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
  return { p: analyzeDelivery(records, SAMPLE_STATUS_DATE).projects[0], projectLines, SAMPLE_STATUS_DATE };
}

describe("the projects' lines", () => {
  it("never print a negative zero (a CPI of −0.0001 reads 0.00), and say why a figure is missing", async () => {
    const { p, projectLines, SAMPLE_STATUS_DATE } = await sampleProject();
    const at = p!.series.atStatusDate;
    const credit = { ...p!, series: { ...p!.series, atStatusDate: { ...at, figures: { ...at.figures, cpi: metric(decimal("-0.0001")) } } } };
    expect(projectLines([credit])[1]).toMatch(/^ {11}PRJ-CRM {4}amber {2}0\.00 {2}0\.99/);
    // An EAC or a forecast finish that could not be computed printed a bare "n/a".
    const none = { ...p!, series: { ...p!.series, atStatusDate: { ...at, figures: { ...at.figures, selectedEac: { ...at.figures.selectedEac, value: missing("ac-is-zero") } }, schedule: { ...at.schedule, forecastFinish: { ...at.schedule.forecastFinish, spiT: missing("no-earned-schedule") } } } } };
    expect(projectLines([none])[1]).toMatch(/ n\/a \(ac-is-zero\) +n\/a \(no-earned-schedule\)$/);
    // The reason's detail was dropped ("n/a (no-estimate)"): it is shown as the reports show it.
    const detailed = { ...p!, series: { ...p!.series, atStatusDate: { ...at, figures: { ...at.figures, selectedEac: { ...at.figures.selectedEac, value: missing("no-estimate", "WP-3 has no estimate to complete") } } } } };
    expect(projectLines([detailed])[1]).toContain(" n/a (no-estimate: WP-3 has no estimate to complete) ");
    // SPI(t) depends on the grid earned schedule read PV on: the office runs on a monthly grid, and the lines say so.
    expect(projectLines([p!]).at(-1)).toBe("           SPI(t) read on the monthly grid");
    expect(projectLines([{ ...p!, earnedValueOptions: { statusDate: SAMPLE_STATUS_DATE } }]).at(-1)).toBe("           SPI(t) read on the weekly grid");
  });
  it("keep every column under its header when a figure is missing (CPI 'n/a (ac-is-zero)' pushed SPI, SPI(t) and EAC right)", async () => {
    const { p, projectLines, SAMPLE_STATUS_DATE } = await sampleProject();
    const at = p!.series.atStatusDate;
    const noActuals = { ...p!, code: "PRJ-NEW", series: { ...p!.series, atStatusDate: { ...at, figures: { ...at.figures, cpi: missing("ac-is-zero") } } } };
    const lines = projectLines([p!, noActuals]);
    // Each header word starts the column: the cell under it starts at the same offset on every row.
    const header = lines[0]!;
    const starts = ["code", "RAG", "CPI", "SPI ", "SPI(t)", "EAC", "forecast finish"].map((h) => header.indexOf(h));
    const rows = [lines[1]!, lines.find((l) => l.includes("PRJ-NEW"))!];
    for (const row of rows) for (const s of starts) expect([row[s - 1], row[s] !== " "]).toEqual([" ", true]);
    // The sample's own row is unchanged where nothing is missing (the widths grow only to fit a longer cell).
    expect(projectLines([p!])[0]).toBe("PROJECTS   code       RAG    CPI   SPI   SPI(t)  EAC                  forecast finish");
    expect(rows[1]).toContain(" n/a (ac-is-zero) ");
  });
});

describe("gate outcomes on the terminal", () => {
  it("read as the reports spell them: CONDITIONAL GO, not CONDITIONAL-GO", async () => {
    const { loadSampleOffice, SAMPLE_STATUS_DATE } = await import("../../examples/office.js");
    const { importDataset } = await import("../../src/io/index.js");
    const { analyzeDelivery } = await import("../../src/cli/office.js");
    const { rolloutLines } = await import("../../src/cli/summary.js");
    const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
    const [r] = analyzeDelivery(records, SAMPLE_STATUS_DATE).rollouts;
    // `rollout` printed the library value upper-cased ("CONDITIONAL-GO"); the reports print "CONDITIONAL GO".
    const conditional = { ...r!, gate: { ...r!.gate!, outcome: "conditional-go" as const, reasons: ["2 advisory item(s) open"] } };
    const lines = rolloutLines([conditional]);
    expect(lines[0]).toMatch(/^CRM go-live \(Dynamics 365 Sales\): ready 14\.3%; Go\/No-Go for the CRM cutover: CONDITIONAL GO$/);
    // Then the plan's other gate, as the report's gates table lists it.
    expect(lines.slice(1)).toEqual(["  2 advisory item(s) open", expect.stringMatching(/^ {2}gate Readiness exit: preparation and testing complete: NO-GO — 13 blocking item\(s\) not closed: /)]);
    expect(rolloutLines([r!])[0]).toMatch(/: NO-GO$/);
  });
});

describe("an overridden colour on the terminal", () => {
  it("prints the rule behind a green that a human overrode from the computed amber, with who and why", async () => {
    const { p, projectLines } = await sampleProject();
    // PRJ-CRM computes amber (cost: EAC over BAC within 5%); the PM publishes green.
    const rag = { ...p!.rag, overall: { ...p!.rag.overall, colour: "green" as const, override: { colour: "green" as const, comment: "contingency covers it", by: "p-ana" } } };
    const lines = projectLines([{ ...p!, rag }], { "p-ana": "Ana Costa" });
    // Before: the green line had no "why" line, so the overridden amber was invisible.
    expect(lines[1]).toMatch(/^ {11}PRJ-CRM {4}green /);
    expect(lines[2]).toBe("           why PRJ-CRM green (overridden from amber, needs a decision): override by Ana Costa: contingency covers it (computed amber)");
  });
});
