import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/core/index.js";
import { portfolioSection, projectSection, type ReportSection } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";
import { ragStatus } from "../../src/status/index.js";
import { earnedValueSeries, type EarnedValueOptions } from "../../src/variance/index.js";
import { cost, pkg, project, week } from "../variance/fixtures.js";

/*
 * The project and portfolio sections say which grid SPI(t) was read on and in which unit SV(t) is, from the options
 * earnedValue ran with.
 *
 * One package, 1000.00 a week for the four weeks from Mon 2027-01-04 to Sun 01-31 (20 working days, one monthly
 * period), 50 % at the status date Fri 01-22: EV = 2000.00, AT = 15 working days, PV = 2000 + 5/7 × 1000 = 2714.29
 * (calendar-day spread). The status date is inside January, so ES reads the partial month from the origin to it
 * (audit ev17): ES = 2000 / 2714.29 × 15 = 11.05, SV(t) = −3.9 working days, SPI(t) = 2000 / 2714.29 = 0.74. In
 * monthly periods (Lipke's form) AT = 15/20 = 0.75, ES = 2000 / 2714.29 × 0.75 = 0.55, SV(t) = −0.197 periods (−0.2
 * to one place), SPI(t) = 0.74 again. (Between the month's ends only, ES was 10 working days: SPI(t) 0.67, SV(t) −5.)
 */
const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")],
  progress: [{ date: "2027-01-22", percentComplete: "50" }] });
const input = project([A], [cost("A", "2027-01-22", "2000.00")]);

const figures = (s: ReportSection) => {
  const b = s.blocks.find((x) => x.kind === "figures");
  return b?.kind === "figures" ? Object.fromEntries(b.items.filter((i) => /SPI\(t\)|SV\(t\)/.test(i.label)).map((i) => [i.label, cellText(i.value)])) : {};
};

describe("project section: the grid and unit of earned schedule", () => {
  it("SV(t) in monthly periods when earnedValue ran with timeUnit periods (it read 'working days')", () => {
    const options: EarnedValueOptions = { statusDate: "2027-01-22", grid: { kind: "monthly" }, policy: { timeUnit: "periods" } };
    const series = earnedValueSeries(input, options);
    expect(figures(projectSection({ code: "PRJ-T", name: "Test", series, earnedValueOptions: options }))).toEqual({
      "Time-based schedule performance index SPI(t), monthly grid": "0.74",
      "Time-based schedule variance SV(t), monthly periods": "-0.2",
    });
  });

  it("SV(t) in working days by default, with the grid named", () => {
    const options: EarnedValueOptions = { statusDate: "2027-01-22", grid: { kind: "monthly" } };
    const series = earnedValueSeries(input, options);
    expect(figures(projectSection({ code: "PRJ-T", name: "Test", series, earnedValueOptions: options }))).toEqual({
      "Time-based schedule performance index SPI(t), monthly grid": "0.74",
      "Time-based schedule variance SV(t), working days": "-3.9",
    });
    // No grid given: earnedValue's default, weekly.
    const weekly = earnedValueSeries(input, { statusDate: "2027-01-22" });
    expect(Object.keys(figures(projectSection({ code: "PRJ-T", name: "Test", series: weekly, earnedValueOptions: { statusDate: "2027-01-22" } })))).toEqual([
      "Time-based schedule performance index SPI(t), weekly grid", "Time-based schedule variance SV(t), working days",
    ]);
  });

  it("without the options it names no grid (it cannot know it)", () => {
    const series = earnedValueSeries(input, { statusDate: "2027-01-22", grid: { kind: "monthly" } });
    expect(Object.keys(figures(projectSection({ code: "PRJ-T", name: "Test", series })))).toEqual([
      "Time-based schedule performance index SPI(t)", "Time-based schedule variance SV(t), working days",
    ]);
  });
});

describe("portfolio section: the grid SPI(t) was read on", () => {
  const options: EarnedValueOptions = { statusDate: "2027-01-22", grid: { kind: "monthly" } };
  const evm = earnedValueSeries(input, options).atStatusDate;
  const rag = ragStatus({ id: "PRJ-T" }, { asOf: isoDate("2027-01-22"), figures: { spiT: evm.schedule.spiT } });
  const paragraph = (s: ReportSection) => (s.blocks[0] as { text: string }).text;

  it("names the grid of every row that says it", () => {
    const s = portfolioSection({ asOf: "2027-01-22", projects: [{ code: "PRJ-T", name: "Test", rag, evm, earnedValueOptions: options }, { code: "PRJ-U", name: "Other", rag, evm, earnedValueOptions: options }] });
    expect(paragraph(s)).toContain("SPI(t) is read on the monthly grid.");
    const mixed = portfolioSection({ asOf: "2027-01-22", projects: [{ code: "PRJ-T", name: "Test", rag, evm, earnedValueOptions: options }, { code: "PRJ-U", name: "Other", rag, evm, earnedValueOptions: { statusDate: "2027-01-22" } }] });
    expect(paragraph(mixed)).toContain("SPI(t) is read on the monthly grid (PRJ-T), the weekly grid (PRJ-U).");
    expect(paragraph(portfolioSection({ asOf: "2027-01-22", projects: [{ code: "PRJ-T", name: "Test", rag, evm }] }))).not.toContain("grid");
  });
});
