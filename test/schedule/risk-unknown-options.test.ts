import { describe, expect, it } from "vitest";
import { ValidationError, analyseScheduleRisk, type RiskOptions, type ScheduleOptions, type ScheduleRiskModel } from "../../src/index.js";

/*
 * analyseScheduleRisk's options were not strict: a misspelt key was ignored and its default used — `iteration: 500`
 * ran 1,000 iterations, `percentile: [50, 95]` gave P10/P50/P80/P90, `targetfinish` gave no probability at all. The
 * model's own objects are strict (risk-unknown-fields.test.ts); the options are now too: one `unrecognized_keys`
 * issue per unknown key, at the key's path, naming the options there are. A ScheduleOptions object may still be passed
 * as it is (docs/scheduling.md said so): its two keys no risk figure reads are taken and checked.
 */
const network: ScheduleRiskModel["network"] = {
  projectStart: "2027-01-04",
  activities: [{ id: "A", duration: 5 }, { id: "B", duration: 3 }],
  links: [{ from: "A", to: "B" }],
};
const KNOWN =
  "unknown option (analyseScheduleRisk takes iterations, seed, percentiles, percentileMethod, correlationMeasure, rounding, milestoneDating, startLinkFloat, " +
  "startNoLaterThan, outOfSequence, criticalDays, finishBy, targetFinish, targetCost, histogramBins, onProgress, totalFloat, nearCriticalDays)";
const issues = (options: unknown): string[] => {
  try {
    analyseScheduleRisk({ network }, options as RiskOptions);
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => `${i.path.join(".")} [${i.code}]: ${i.message}`);
    throw e;
  }
  return [];
};

describe("analyseScheduleRisk: unknown options are refused at their path", () => {
  it("iteration (for iterations): before, ignored and 1,000 iterations run", () => {
    expect(issues({ iteration: 500 })).toEqual([`iteration [custom]: ${KNOWN}`]);
  });

  it("each unknown key at its own path, with the known ones' issues beside them", () => {
    expect(issues({ percentile: [50, 95], targetfinish: "2027-01-20", iterations: 0 })).toEqual([
      "iterations [custom]: iterations must be an integer 1–1,000,000",
      `percentile [custom]: ${KNOWN}`,
      `targetfinish [custom]: ${KNOWN}`,
    ]);
  });

  it("a ScheduleOptions object still passes as it is: totalFloat and nearCriticalDays are checked, and read by no figure", () => {
    const scheduleOptions: ScheduleOptions = { totalFloat: "finish", nearCriticalDays: 3, criticalDays: 0 };
    expect(issues({ ...scheduleOptions, iterations: 10 })).toEqual([]);
    expect(issues({ totalFloat: "latest", nearCriticalDays: "x", iterations: 10 })).toEqual([
      "totalFloat [custom]: expected start, finish or smallest",
      'nearCriticalDays [custom]: expected an exact decimal string or a finite number, got "x"',
    ]);
  });

  it("every documented option is still taken (A 5 + B 3 days from Mon 2027-01-04: finish Wed 2027-01-13)", () => {
    const all: Required<RiskOptions> = {
      iterations: 10, seed: 3, percentiles: [50], percentileMethod: "linear", correlationMeasure: "spearman", rounding: "half-up",
      milestoneDating: "reached", startLinkFloat: "exact", startNoLaterThan: "working-time", outOfSequence: "retained-logic",
      criticalDays: 0, finishBy: "2027-01-29", targetFinish: "2027-01-13", targetCost: "0", histogramBins: 5, onProgress: () => {},
    };
    const r = analyseScheduleRisk({ network }, all);
    expect([r.deterministicFinish, r.percentiles.map((p) => p.finish), r.probabilityOfFinish.value?.toFixed()]).toEqual(["2027-01-13", ["2027-01-13"], "1"]);
    expect(issues({})).toEqual([]);
  });
});
