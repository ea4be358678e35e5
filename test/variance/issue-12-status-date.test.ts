import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, type Milestone } from "../../src/index.js";
import { budgetVariance, compileEarnedValue, earnedValue, earnedValueSeries, evaluateEarnedValue, fiscalQuarters, forecastRange, milestoneSlips, performanceHistory } from "../../src/variance/index.js";
import { baselineOf, cost, pkg, project, show, week } from "./fixtures.js";

/*
 * Issue 12 #3, EVM side: everything judged "as of" the status date ignores what happened after it. Each function of
 * src/variance that takes a status date is checked here for progress, actuals, estimates, baselines and milestone
 * actuals dated after it. W1 = 2027-01-04…01-10, W2 = 01-11…01-17, W3 = 01-18…01-24.
 */
const T = "2027-01-01T09:00:00.000Z";
const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], etc: "500.00",
  progress: [{ date: "2027-01-08", percentComplete: "40" }, { date: "2027-01-20", percentComplete: "90" }] });
const costs = [cost("A", "2027-01-07", "700.00"), cost("A", "2027-01-19", "900.00")];
// Baseline 1, captured 2027-01-18, adds a third week of 2000.00 (BAC 4000).
const replanned = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "2000.00")] });
const b0 = baselineOf([A], 0);
const b1 = baselineOf([replanned], 1, "PRJ-T", "2027-01-18T09:00:00.000Z");

describe("issue 12 #3: earned value as of the status date", () => {
  it("issue 12 #3: an estimate to complete dated after the status date is not used (bottom-up EAC has no figure yet)", () => {
    // The estimate is dated 2027-01-24 (fixtures). On 01-15 it does not exist yet; old answer: EAC₄ = 700 + 500 = 1200.
    const early = earnedValue(project([A], costs), { statusDate: "2027-01-15" });
    expect(early.figures.eac.bottomUp.reason).toBe("no-estimate");
    expect(early.packages[0]!.figures.eac.bottomUp.reason).toBe("no-estimate");
    expect(early.warnings.map((w) => w.code)).toContain("estimate-after-status-date");
    // From its date on it counts: AC 1600 + 500 = 2100.
    expect(show(earnedValue(project([A], costs), { statusDate: "2027-01-24" }).figures.eac.bottomUp)).toBe("2100.00");
    // The compiled path answers the same for both dates.
    const c = compileEarnedValue(project([A], costs), { statusDate: "2027-01-24" });
    expect([evaluateEarnedValue(c, "2027-01-15").figures.eac.bottomUp.reason, show(evaluateEarnedValue(c, "2027-01-24").figures.eac.bottomUp)]).toEqual(["no-estimate", "2100.00"]);
  });

  it("issue 12 #3: a re-baseline captured after the status date is ignored; the baseline in force then is used", () => {
    const input = { ...project([A], costs), baselines: [b0, b1] };
    // On 01-15 only baseline 0 existed: BAC 2000, PV = 1000 + 5/7 × 1000 = 1714.29. Old answer: baseline 1, BAC 4000.
    const r = earnedValue(input, { statusDate: "2027-01-15" });
    expect([r.baseline, show(r.figures.bac), show(r.figures.pv)]).toEqual([0, "2000.00", "1714.29"]);
    expect(r.warnings.map((w) => w.code)).toContain("baseline-captured-after-status-date");
    // An active baseline captured later is not in force yet either.
    expect(earnedValue({ ...input, project: { ...input.project, activeBaseline: 1 } }, { statusDate: "2027-01-15" }).baseline).toBe(0);
    // After its capture, the re-baseline applies; a baseline asked for by number is always honoured.
    expect(earnedValue(input, { statusDate: "2027-01-20" }).baseline).toBe(1);
    expect(earnedValue(input, { statusDate: "2027-01-15", baseline: 1 }).baseline).toBe(1);
  });

  it("issue 12 #3: before any baseline was captured, the original plan is used and the warning says so", () => {
    const r = earnedValue({ ...project([A], costs), baselines: [b1] }, { statusDate: "2027-01-15" });
    expect(r.baseline).toBe(1);
    expect(r.warnings.find((w) => w.code === "baseline-captured-after-status-date")?.message).toMatch(/no baseline was captured by 2027-01-15/);
  });

  it("audit, already right: progress records and actuals after the status date do not count (EV from 40 %, AC 700)", () => {
    // 01-15: latest progress on or before is 40 % of 2000 = 800; the 90 % of 01-20 and the 900.00 of 01-19 are later.
    const r = earnedValue(project([A], costs), { statusDate: "2027-01-15" });
    expect([show(r.figures.ev), show(r.figures.ac), show(r.figures.cpi, 4)]).toEqual(["800.00", "700.00", "1.1429"]);
    expect(r.excludedActuals).toHaveLength(1);
    const s = earnedValueSeries(project([A], costs), { statusDate: "2027-01-15" });
    expect(s.points.filter((p) => p.ev).map((p) => show({ value: p.ev }))).toEqual(["800.00", "800.00"]);
  });

  it("audit, already right: forecast ranges and budget variance ignore actuals and progress after the status date", () => {
    // The same project with extra data dated after 01-15 (an actual of 5000.00, a 100 % record) gives the same answers on 01-15.
    const later = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], etc: "500.00",
      progress: [{ date: "2027-01-08", percentComplete: "40" }, { date: "2027-01-20", percentComplete: "90" }, { date: "2027-01-27", percentComplete: "100", finished: true }] });
    const more = [...costs, cost("A", "2027-01-16", "5000.00")];
    const range = (i: typeof plain) => JSON.stringify(forecastRange(i, { statusDate: "2027-01-15" }, { seed: 7, draws: 200 }).eacBand);
    const plain = project([A], costs);
    expect(range(project([later], more))).toBe(range(plain));
    const prj = decodeEntity("project", {
      id: "PRJ-T", version: 1, createdAt: T, updatedAt: T, code: "PRJ-T", name: "T", projectManagerId: "p-a", sponsorId: "p-b", scope: {},
      plannedStart: "2027-01-04", plannedFinish: "2027-06-30", lifecycle: "executing",
      budget: { currency: "EUR", lines: [{ period: "2027-Q1", category: "labour", expenditure: "opex", amount: { amount: "3000.00", currency: "EUR" } }] },
    });
    const q1 = (c: typeof costs) => budgetVariance(prj, c, { statusDate: "2027-01-15", periods: fiscalQuarters(2027, 2027).periods })[0]!;
    expect(show({ value: q1(more).actual })).toBe("700.00"); // only the 01-07 entry is on or before 01-15
    expect(show({ value: q1(more).actual })).toBe(show({ value: q1(costs).actual }));
  });

  it("audit, already right: performance history measures each date against the baseline in force then", () => {
    const h = performanceHistory({ ...project([A], costs), baselines: [b1, b0] }, ["2027-01-15", "2027-01-20"]);
    expect(h.snapshots.map((x) => [x.baseline, show(x.bac)])).toEqual([[0, "2000.00"], [1, "4000.00"]]);
  });
});

describe("issue 12 #3: milestone slips as of the status date", () => {
  const bm = (date: string) => [{ milestoneId: "ms-live", name: "Go-live", date: isoDate(date), key: true }];
  const m0 = { ...b0, milestones: bm("2027-02-01") };
  const m1 = { ...b1, milestones: bm("2027-02-15") };
  const ms = (extra: Record<string, unknown>) => decodeEntity("milestone", { id: "ms-live", version: 1, createdAt: T, updatedAt: T, projectId: "PRJ-T", name: "Go-live", key: true, baselineDate: "2027-02-15", ...extra }) as Milestone;

  it("issue 12 #3: an actual date after the status date is not achieved yet: the milestone is overdue", () => {
    // Baseline date 02-15 has passed on 02-16; the actual 02-18 lies after the status date. Old answer: achieved-late.
    const [m] = milestoneSlips([ms({ actualDate: "2027-02-18" })], [m0, m1], { statusDate: "2027-02-16" });
    expect([m!.status, m!.actualDate, m!.slip]).toEqual(["overdue", undefined, undefined]);
    expect(milestoneSlips([ms({ actualDate: "2027-02-18" })], [m0, m1], { statusDate: "2027-02-18" })[0]!.status).toBe("achieved-late");
  });

  it("issue 12 #3: a re-baseline captured after the status date is not in the ledger nor the baseline date", () => {
    // On 01-15 only baseline 0 (02-01) exists; forecast 02-19 is 14 working days after 02-01. Old answer: baseline 02-15, slip 4.
    const [m] = milestoneSlips([ms({ forecastDate: "2027-02-19" })], [m1, m0], { statusDate: "2027-01-15" });
    expect([m!.baselineDate, m!.slip, m!.ledger.length, m!.status]).toEqual(["2027-02-01", 14, 1, "forecast-late"]);
  });
});

describe("milestoneSlips: the baseline earnedValue measures against", () => {
  const bm = (date: string) => [{ milestoneId: "ms-live", name: "Go-live", date: isoDate(date), key: true }];
  const m0 = { ...b0, milestones: bm("2027-02-01") };
  const m1 = { ...b1, milestones: bm("2027-02-15") };
  const live = (extra: Record<string, unknown> = {}) => decodeEntity("milestone", { id: "ms-live", version: 1, createdAt: T, updatedAt: T, projectId: "PRJ-T", name: "Go-live", key: true, forecastDate: "2027-02-19", ...extra }) as Milestone;
  const slip = (m: Milestone, baseline?: number, statusDate = "2027-01-22") => {
    const [s] = milestoneSlips([m], [m0, m1], { statusDate, baseline });
    return [s!.baselineDate, s!.slip, s!.status];
  };

  it("measures against the baseline named (the project's active one), not the latest", () => {
    // On 01-22 both baselines are captured. Without the option: the latest, baseline 1 (02-15); the forecast 02-19 is
    // 4 working days later. A project whose active baseline is 0 (as MS Project's BaselineForEarnedValue can say) has
    // its earned value measured against 02-01: 02-02..02-05, 02-08..02-12, 02-15..02-19 = 14 working days late.
    expect(slip(live())).toEqual(["2027-02-15", 4, "forecast-late"]);
    expect(slip(live(), 0)).toEqual(["2027-02-01", 14, "forecast-late"]);
    // The option wins over the milestone's own baselineDate, as earnedValue's `baseline` wins over activeBaseline.
    expect(slip(live({ baselineDate: "2027-02-15" }), 0)).toEqual(["2027-02-01", 14, "forecast-late"]);
    expect(slip(live({ baselineDate: "2027-02-15" }))).toEqual(["2027-02-15", 4, "forecast-late"]);
  });

  it("a baseline not holding the milestone gives no-baseline", () => {
    expect(slip(live(), 3)).toEqual([undefined, undefined, "no-baseline"]);
  });

  it("an explicit baseline captured after the status date is used, as earnedValue uses it", () => {
    // Baseline 1 is captured 01-18. earnedValue with `baseline: 1` on 01-15 measures against it (chooseBaseline takes
    // the number asked for, whatever its capture date); the slip table reads the same baseline: 02-15, and the
    // forecast 02-19 is 02-16..02-19 = 4 working days late. Before: no-baseline (the ledger as of 01-15 lacks it).
    const ev = earnedValue({ ...project([A], costs), project: { id: "PRJ-T", name: "Test" }, baselines: [m0, m1] }, { statusDate: "2027-01-15", baseline: 1 });
    expect(ev.baseline).toBe(1);
    expect(slip(live(), 1, "2027-01-15")).toEqual(["2027-02-15", 4, "forecast-late"]);
    // The ledger stays as of the status date: baseline 1 was not captured yet, so it lists baseline 0 only.
    const [s] = milestoneSlips([live()], [m0, m1], { statusDate: "2027-01-15", baseline: 1 });
    expect([s!.originalDate, s!.ledger.map((e) => e.baseline)]).toEqual(["2027-02-01", [0]]);
  });

  it("refuses a baseline number that is not 0–10, at its path", () => {
    for (const bad of [1.5, -1, 11]) {
      expect(() => milestoneSlips([live()], [m0, m1], { statusDate: "2027-01-22", baseline: bad })).toThrow(/baseline numbers are 0–10/);
      expect(() => milestoneSlips([live()], [m0, m1], { statusDate: "2027-01-22", activeBaseline: bad })).toThrow(/activeBaseline: baseline numbers are 0–10/);
    }
  });

  it("activeBaseline: the baseline in force on the status date, the one earnedValue measures against on that date", () => {
    const active = (activeBaseline: number, statusDate: string) => {
      const [s] = milestoneSlips([live()], [m0, m1], { statusDate, activeBaseline });
      const ev = earnedValue({ ...project([A], costs), project: { id: "PRJ-T", name: "Test", activeBaseline }, baselines: [m0, m1] }, { statusDate });
      return [ev.baseline, s!.baselineDate, s!.slip, s!.status];
    };
    // Active baseline 1 is captured 01-18. On 01-15 baseline 0 is in force (02-01): forecast 02-19 is 14 working days
    // late. Passing `baseline: 1` instead names baseline 1 exactly, as earnedValue's `baseline` does (02-15, 4 days).
    expect(active(1, "2027-01-15")).toEqual([0, "2027-02-01", 14, "forecast-late"]);
    expect(slip(live(), 1, "2027-01-15")).toEqual(["2027-02-15", 4, "forecast-late"]);
    // From 01-18 on it is baseline 1 (02-15): 02-16..02-19 = 4 working days late.
    expect(active(1, "2027-01-22")).toEqual([1, "2027-02-15", 4, "forecast-late"]);
    // An active baseline 0 stays in force after the re-baseline: 14 days against 02-01.
    expect(active(0, "2027-01-22")).toEqual([0, "2027-02-01", 14, "forecast-late"]);
    // A project naming a baseline it does not have: no figure, as earnedValue says no-baseline.
    expect(active(3, "2027-01-22")).toEqual([undefined, undefined, undefined, "no-baseline"]);
    // The milestone's own (stale) baselineDate does not win over the baseline in force.
    expect(milestoneSlips([live({ baselineDate: "2027-02-15" })], [m0, m1], { statusDate: "2027-01-22", activeBaseline: 0 })[0]!.baselineDate).toBe("2027-02-01");
  });
});
