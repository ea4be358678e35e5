import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { analyzeOffice } from "../../src/cli/office.js";
import { isoDate } from "../../src/core/index.js";
import { importDataset } from "../../src/io/index.js";
import { openItemsSeries, rolloutSection, type ReportSection } from "../../src/reports/index.js";

const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });
const r = office.rollouts[0]!;
const desc = (s: ReportSection) => {
  const chart = s.blocks.find((b) => b.kind === "chart");
  return chart && chart.kind === "chart" ? /<desc id="[^"]*">([^<]*)<\/desc>/.exec(chart.svg)?.[1] : undefined;
};

// The chart's description said "week by week, against a straight line to zero at go-live" whatever the series' step,
// and with no go-live (no ideal line drawn) too.
describe("the readiness burn-down says the step it was sampled at and draws what it says", () => {
  it("the office's weekly series, with a go-live, reads as before", () => {
    expect(desc(rolloutSection({ name: r.name, asOf: office.statusDate, goLive: r.goLive, progress: r.progress, burnDown: r.burnDown }))).toBe(
      "Applicable checklist items not yet done, week by week, against a straight line to zero at go-live.",
    );
  });

  it("a fortnightly series reads 'every 14 days'; a daily one 'day by day'", () => {
    const from = r.burnDown[0]!.date;
    const every14 = openItemsSeries(r.items, { from, to: isoDate(SAMPLE_STATUS_DATE), stepDays: 14 });
    expect(desc(rolloutSection({ name: r.name, asOf: office.statusDate, goLive: r.goLive, progress: r.progress, burnDown: every14 }))).toBe(
      "Applicable checklist items not yet done, every 14 days, against a straight line to zero at go-live.",
    );
    const daily = openItemsSeries(r.items, { from, to: isoDate(SAMPLE_STATUS_DATE), stepDays: 1 });
    expect(desc(rolloutSection({ name: r.name, asOf: office.statusDate, goLive: r.goLive, progress: r.progress, burnDown: daily }))).toBe(
      "Applicable checklist items not yet done, day by day, against a straight line to zero at go-live.",
    );
  });

  it("without a go-live no ideal line is drawn, and none is described", () => {
    expect(desc(rolloutSection({ name: r.name, asOf: office.statusDate, progress: r.progress, burnDown: r.burnDown }))).toBe(
      "Applicable checklist items not yet done, week by week.",
    );
  });
});
