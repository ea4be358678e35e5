import { describe, expect, it } from "vitest";
import { mspdiToPmokit, pmokitToMspdi, readMspdi, writeMspdi, type MspdiMappingOptions } from "../../src/io/index.js";
import { ValidationError } from "../../src/index.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * The unit of LinkLag under a percent LagFormat is a convention writers disagree on. Microsoft documents LinkLag in
 * tenths (of a minute), and several importers read a percent lag as tenths of a percent (500 = 50 %). MPXJ — the
 * reference reader of MS Project files — reads and writes it as whole percent: its MSPDIReader takes
 * `Duration.getInstance(lag, TimeUnit.PERCENT)` without the ÷ 10 it applies to time formats, and its MSPDIWriter
 * writes `lag.getDuration()` unscaled for PERCENT / ELAPSED_PERCENT (a 25 % lag as <LinkLag>25</LinkLag>); the ÷ 10
 * was removed from MPXJ's reader as a bug (joniles/mpxj pull request 58, "MSPDI percentage lag was divided by 10").
 */
const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const task = (uid: number, extra = "") => `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><OutlineNumber>${uid}</OutlineNumber><OutlineLevel>1</OutlineLevel>
  <Start>2027-01-04T08:00:00</Start><Finish>2027-01-08T17:00:00</Finish><Duration>PT40H0M0S</Duration><Milestone>0</Milestone><Summary>0</Summary>${extra}</Task>`;
const file = (lag: number, format: number) => `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project"><Name>lag.xml</Name><StartDate>2027-01-04T08:00:00</StartDate>
<CurrencyCode>EUR</CurrencyCode><MinutesPerDay>480</MinutesPerDay><Tasks>${task(1)}${task(2, `<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>${lag}</LinkLag><LagFormat>${format}</LagFormat></PredecessorLink>`)}</Tasks></Project>`;
const imported = (xml: string, options: Partial<MspdiMappingOptions> = {}) => mspdiToPmokit(readMspdi(xml).document, { ...OPTIONS, ...options });
const lagOf = (r: ReturnType<typeof imported>) => r.records["work-package"]!.find((w) => w.name === "T2")!.predecessors![0]!.lag;

describe("MSPDI percent lags: the LinkLag unit is named and chosen", () => {
  it("reads tenths of a percent by default (500 → 50 %) and says the other reading would be 500 %", () => {
    const r = imported(file(500, 19));
    expect(lagOf(r)).toEqual({ kind: "percent", percent: expect.anything() });
    expect((lagOf(r) as { percent: { toFixed(): string } }).percent.toFixed()).toBe("50");
    const w = r.report.warnings.filter((x) => x.code === "percent-lag-unit");
    expect(w.map((x) => x.path)).toEqual(["Task[UID=2]/PredecessorLink"]);
    expect(w[0]!.message).toContain("500 %");
  });

  it("reads whole percent as MPXJ writes it (<LinkLag>25</LinkLag> at format 19 or elapsed 20 is 25 %), without the warning", () => {
    for (const format of [19, 20]) {
      const r = imported(file(25, format), { percentLagUnit: "whole" });
      expect((lagOf(r) as { percent: { toFixed(): string } }).percent.toFixed()).toBe("25");
      expect(r.report.warnings.filter((x) => x.code === "percent-lag-unit")).toEqual([]);
    }
  });

  it("writes a percent lag in the unit asked for, and reads it back the same in that unit", () => {
    const r = imported(file(25, 19), { percentLagUnit: "whole" });
    const plan = { project: r.records.project![0]!, workPackages: r.records["work-package"]! };
    const whole = writeMspdi(pmokitToMspdi(plan, { percentLagUnit: "whole" }).document);
    expect(whole).toContain("<LinkLag>25</LinkLag>");
    const tenths = writeMspdi(pmokitToMspdi(plan).document);
    expect(tenths).toContain("<LinkLag>250</LinkLag>");
    expect((lagOf(imported(whole, { percentLagUnit: "whole" })) as { percent: { toFixed(): string } }).percent.toFixed()).toBe("25");
    expect((lagOf(imported(tenths)) as { percent: { toFixed(): string } }).percent.toFixed()).toBe("25");
  });

  it("time lags are in tenths of a minute whatever the option (4800 at format 7 = one 480-minute day)", () => {
    expect(lagOf(imported(file(4800, 7), { percentLagUnit: "whole" }))).toMatchObject({ kind: "working-days" });
    expect((lagOf(imported(file(4800, 7), { percentLagUnit: "whole" })) as { days: { toFixed(): string } }).days.toFixed()).toBe("1");
  });

  it("refuses a unit that is neither, at its path", () => {
    const bad = { percentLagUnit: "percent" } as unknown as Partial<MspdiMappingOptions>;
    expect(() => imported(file(500, 19), bad)).toThrow(ValidationError);
    try {
      imported(file(500, 19), bad);
    } catch (e) {
      expect((e as ValidationError).issues[0]!.path).toEqual(["percentLagUnit"]);
    }
    expect(() => pmokitToMspdi({ project: imported(file(0, 7)).records.project![0]!, workPackages: [] }, bad as never)).toThrow(ValidationError);
  });
});
