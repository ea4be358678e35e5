import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, ValidationError, type Milestone } from "../../src/index.js";
import { budgetVariance, earnedValueSeries, fiscalQuarters, forecastRange, milestoneSlips, performanceHistory, periodGrid } from "../../src/variance/index.js";
import { bandValues, baselineOf, cost, pkg, project, show, week } from "./fixtures.js";
import type { Money } from "../../src/core/index.js";

/* Series, forecast range, period grids, milestones, budget variance and re-baselining on small hand-made data. */

const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")],
  progress: [{ date: "2027-01-08", percentComplete: "20" }, { date: "2027-01-15", percentComplete: "40" }, { date: "2027-01-22", percentComplete: "50" }] });
const costs = [cost("A", "2027-01-08", "1000.00"), cost("A", "2027-01-15", "1000.00"), cost("A", "2027-01-22", "800.00")];

describe("period grids", () => {
  it("weekly grids are ISO weeks; monthly grids calendar months; fiscal periods must be contiguous and cover the range", () => {
    expect(periodGrid({ kind: "weekly" }, isoDate("2026-12-30"), isoDate("2027-01-05")).periods.map((p) => p.label)).toEqual(["2026-W53", "2027-W01"]);
    expect(periodGrid({ kind: "monthly" }, isoDate("2027-01-31"), isoDate("2027-02-01")).periods.map((p) => `${p.label}:${p.finish}`)).toEqual(["2027-01:2027-01-31", "2027-02:2027-02-28"]);
    const q = fiscalQuarters(2027, 2027, 4); // fiscal year from April
    expect(q.periods.map((p) => `${p.label}:${p.start}`)).toEqual(["2027-Q1:2027-04-01", "2027-Q2:2027-07-01", "2027-Q3:2027-10-01", "2027-Q4:2028-01-01"]);
    expect(() => periodGrid({ kind: "fiscal", periods: [{ label: "a", start: "2027-01-01", finish: "2027-01-31" }, { label: "b", start: "2027-02-02", finish: "2027-02-28" }] }, isoDate("2027-01-01"), isoDate("2027-02-10"))).toThrow(ValidationError);
  });
});

describe("S-curve series", () => {
  it("PV over the whole baseline, EV and AC only up to the status date, then forecast paths to EAC and BAC", () => {
    // Status 2027-01-22 (Fri of W3): EV = 2000 (50%), AC = 2800, PV = 2000 + 5/7 × 1000 = 2714.29.
    const s = earnedValueSeries(project([A], costs), { statusDate: "2027-01-22" });
    const rows = s.points.map((p) => [p.label, show({ value: p.pv }), p.ev ? show({ value: p.ev }) : "-", p.ac ? show({ value: p.ac }) : "-"]);
    expect(rows.slice(0, 4)).toEqual([
      ["2027-W01", "1000.00", "800.00", "1000.00"], ["2027-W02", "2000.00", "1600.00", "2000.00"],
      ["2027-W03", "2714.29", "2000.00", "2800.00"], ["2027-W03", "3000.00", "-", "-"],
    ]);
    const last = s.points[s.points.length - 1]!;
    expect(last.ev).toBeUndefined();
    // The cost path ends at the selected EAC (EAC₁ = 4000 × 2800 / 2000 = 5600) and the value path at BAC.
    const ends = s.points.filter((p) => p.eacPath).at(-1)!;
    expect([show({ value: ends.eacPath }), show({ value: ends.ieacPath })]).toEqual(["5600.00", "4000.00"]);
  });
});

describe("forecast range", () => {
  it("reports the EAC family as a range and a seeded, reproducible confidence band", () => {
    const opts = { statusDate: "2027-01-22" } as const;
    const a = forecastRange(project([A], costs), opts, { seed: 42, draws: 500, confidence: 0.8 });
    const b = forecastRange(project([A], costs), opts, { seed: 42, draws: 500, confidence: 0.8 });
    expect(JSON.stringify(a.eacBand)).toBe(JSON.stringify(b.eacBand));
    // Family: EAC₂ = 2800 + 2000 = 4800 (lowest) … EAC₃ = 2800 + 2000 × 2800 × PV / 2000² with PV 2714.29 → 6600.00 (highest).
    expect(a.eacRange.value).toMatchObject({ lowMethod: "budgetRate" });
    expect(show({ value: a.eacRange.value!.low })).toBe("4800.00");
    // Period CPIs are 0.8, 0.8, 0.5 (ΔEV/ΔAC per week): every resample gives an EAC between 2800 + 2000/0.8 = 5300 and 2800 + 2000/0.5 = 6800.
    const band = bandValues(a.eacBand) as { low: Money; median: Money; high: Money };
    expect(band.low.amount.gte(5300) && band.high.amount.lte(6800) && band.low.amount.lte(band.median.amount) && band.median.amount.lte(band.high.amount)).toBe(true);
    expect(a.finishBand.low.value! <= a.finishBand.high.value!).toBe(true);
    expect(() => forecastRange(project([A], costs), opts, { seed: 1, confidence: 1.5 })).toThrow(ValidationError);
  });
});

describe("milestones and re-baselining", () => {
  const T = "2027-01-01T09:00:00.000Z";
  const b0 = { ...baselineOf([A], 0), milestones: [{ milestoneId: "ms-live", name: "Go-live", date: isoDate("2027-02-01"), key: true }] };
  const b1 = { ...baselineOf([A], 1, "PRJ-T", "2027-01-18T09:00:00.000Z"), milestones: [{ milestoneId: "ms-live", name: "Go-live", date: isoDate("2027-02-15"), key: true }] };
  const ms = decodeEntity("milestone", { id: "ms-live", version: 1, createdAt: T, updatedAt: T, projectId: "PRJ-T", name: "Go-live", key: true, baselineDate: "2027-02-15", forecastDate: "2027-02-19" }) as Milestone;

  it("keeps the original date visible in a slip ledger across re-baselines; slips in working days", () => {
    const [m] = milestoneSlips([ms], [b1, b0], { statusDate: "2027-01-22" });
    // 02-01 → 02-15 is 10 working days; forecast 02-19 is 4 working days after 02-15, 14 after the original.
    expect(m).toMatchObject({ originalDate: "2027-02-01", baselineDate: "2027-02-15", slip: 4, slipFromOriginal: 14, status: "forecast-late" });
    expect(m!.ledger.map((l) => [l.baseline, l.date, l.slipFromPrevious])).toEqual([[0, "2027-02-01", 0], [1, "2027-02-15", 10]]);
    expect(milestoneSlips([ms], [b0, b1], { statusDate: "2027-02-16" })[0]!.status).toBe("overdue");
  });

  it("snapshots remember the baseline they used; each re-baseline shows the same date against the old baseline", () => {
    const h = performanceHistory({ ...project([A], costs), baselines: [b0, b1] }, ["2027-01-15", "2027-01-22"]);
    expect(h.snapshots.map((s) => s.baseline)).toEqual([0, 1]);
    expect(h.rebaselines[0]).toMatchObject({ date: "2027-01-22", from: 0, to: 1, reason: "Re-plan 1" });
  });
});

describe("budget variance", () => {
  it("planned vs actual vs forecast by category and period, with percent", () => {
    const prj = decodeEntity("project", {
      id: "PRJ-T", version: 1, createdAt: "2027-01-01T09:00:00.000Z", updatedAt: "2027-01-01T09:00:00.000Z", code: "PRJ-T", name: "T", projectManagerId: "p-a", sponsorId: "p-b",
      scope: {}, plannedStart: "2027-01-04", plannedFinish: "2027-06-30", lifecycle: "executing",
      budget: { currency: "EUR", lines: [
        { period: "2027-Q1", category: "labour", expenditure: "opex", amount: { amount: "3000.00", currency: "EUR" } },
        { period: "2027-Q2", category: "labour", expenditure: "opex", amount: { amount: "1000.00", currency: "EUR" } },
      ] },
    });
    const lines = budgetVariance(prj, costs, { statusDate: "2027-01-22", periods: fiscalQuarters(2027, 2027).periods });
    // Q1 is open: forecast = max(3000, 2800) = 3000, variance 0. Q2 in the future: forecast = plan.
    expect(lines.map((l) => [l.period, show({ value: l.planned }), show({ value: l.actual }), show({ value: l.forecast }), show(l.variancePercent)])).toEqual([
      ["2027-Q1", "3000.00", "2800.00", "3000.00", "0.00"], ["2027-Q2", "1000.00", "0.00", "1000.00", "0.00"],
    ]);
    const closed = budgetVariance(prj, costs, { statusDate: "2027-04-01", periods: fiscalQuarters(2027, 2027).periods });
    expect(show(closed[0]!.variancePercent)).toBe("6.67"); // (3000 − 2800) / 3000 × 100
  });
});

describe("compiled evaluation", () => {
  it("compile once, evaluate at many dates: the same figures as earnedValue; evaluatePortfolio rolls up", async () => {
    const { compileEarnedValue, evaluateEarnedValue, evaluatePortfolio, earnedValue } = await import("../../src/variance/index.js");
    const input = project([A], costs);
    const c = compileEarnedValue(input, { statusDate: "2027-01-22" });
    for (const d of ["2027-01-03", "2027-01-12", "2027-01-22", "2027-02-20"]) {
      expect(JSON.stringify(evaluateEarnedValue(c, d))).toBe(JSON.stringify(earnedValue(input, { statusDate: d })));
    }
    const p = evaluatePortfolio([c], "2027-01-22");
    expect(show(p.projects[0]!.figures.cpi, 4)).toBe("0.7143"); // 2000 / 2800
    expect(show(p.portfolios[0]!.figures.cpi, 4)).toBe("0.7143");
  });
});

describe("working-day index", () => {
  it("finds the n-th working day by binary search exactly as addWorkingDays walks the calendar", async () => {
    const { compileDays, nthWorkingDay } = await import("../../src/variance/day-index.js");
    const { addWorkingDays, createWorkingCalendar, fromEpochDay, toEpochDay } = await import("../../src/index.js");
    const cal = createWorkingCalendar({ holidays: ["2027-01-06", "2027-02-01", "2027-02-02"] });
    const start = toEpochDay(isoDate("2027-01-04"));
    const ix = compileDays(cal, start - 5, start + 60);
    for (let n = 1; n <= 80; n++) expect(nthWorkingDay(ix, start, n)).toBe(addWorkingDays(cal, fromEpochDay(start - 1), n)); // beyond day 60 the fallback answers
  });
});
