import { describe, expect, it } from "vitest";
import type { IsoDate, Metric, Money } from "../../src/core/index.js";
import { createWorkingCalendar } from "../../src/index.js";
import { earnedValue, earnedValueSeries, forecastRange, type Band, type EarnedValueOptions } from "../../src/variance/index.js";
import { cost, pkg, project, week } from "./fixtures.js";

/*
 * Earned-value audit 8: forecastRange gives each percentile of a band its own value or reason, and a completed
 * project's known forecast.
 */

/** A band of metrics → [low, median, high], each its value (money to cents) or `<reason: detail>`. */
const read = (b: Band<Metric<Money | IsoDate>>) =>
  [b.low, b.median, b.high].map((m) => m.value === undefined ? `<${m.reason}: ${m.detail}>` : typeof m.value === "string" ? m.value : m.value.amount.toFixed(2));

describe("forecastRange: each percentile has its own value or reason", () => {
  it("a finish band partly past the horizon dates the 10th and 50th percentiles and gives the 90th beyond-horizon (the whole band was missing)", () => {
    // Four weeks of 1000.00 from Mon 2027-01-04; EV 1000.00 at the end of W1 (ΔES = 5, ΔAT = 5), then 0.01 in W2
    // (ΔES = 0.00005, ΔAT = 5). Status Sun 2027-01-17: AT = 10, ES = 5.00005, PD = 20. Draws of two periods:
    // W1 W1 → IEAC(t) = 10 + 14.99995 × 10 / 10 = 24.99995 → 25th working day, Fri 02-05; W1 W2 → 10 + 14.99995 × 10 /
    // 5.00005 = 39.9993… → 40th, Fri 02-26; W2 W2 → 10 + 14.99995 × 10 / 0.0001 ≈ 1.5 million working days, past the
    // 50,000-working-day horizon. Nearest rank over 2000 draws (¼, ½, ¼): P10 02-05, P50 02-26, P90 beyond.
    const s = [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")];
    const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: s, progress: [{ date: "2027-01-10", percentComplete: "25" }, { date: "2027-01-17", percentComplete: "25.00025" }] });
    const input = project([A], [cost("A", "2027-01-08", "900.00"), cost("A", "2027-01-15", "900.00")]);
    const r = forecastRange(input, { statusDate: "2027-01-17" }, { seed: 42 });
    expect(read(r.finishBand)).toEqual([
      "2027-02-05",
      "2027-02-26",
      "<beyond-horizon: the 90th percentile lies past the calendar's horizon (about 200 years, or the last fiscal period)>",
    ]);
    // The EAC band has no horizon: all three percentiles have a figure.
    expect(r.eacBand.low.value).toBeDefined();
    expect(r.eacBand.high.value).toBeDefined();
  });

  it("exclusive percentiles on two draws: the median is reported, the 10th and 90th say no-data (the whole band was no-data)", () => {
    // BAC 4000 over four weeks; W1 (ΔEV 800, ΔAC 1000, ΔES 4, ΔAT 5), W2 the same, W3 to Fri 01-22 (400, 800, 2, 5).
    // AC 2800, EV 2000, ES 10, AT 15, PD 20. Seed 1, two draws: W3 picked k = 0 and k = 2 times, EAC = 2800 + 2000 ×
    // ΣΔAC/ΣΔEV = 5300 and 6050; finish = 15 + 10 × ΣΔAT/ΣΔES = 27.5 and 33.75 working days.
    // PERCENTILE.EXC on n = 2: h = 3p is 0.3 (< 1: none), 1.5 (between the two: 5675.00, 30.625 → 31st working day,
    // Mon 02-15), 2.7 (> 2: none).
    const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")],
      progress: [{ date: "2027-01-08", percentComplete: "20" }, { date: "2027-01-15", percentComplete: "40" }, { date: "2027-01-22", percentComplete: "50" }] });
    const costs = [cost("A", "2027-01-08", "1000.00"), cost("A", "2027-01-15", "1000.00"), cost("A", "2027-01-22", "800.00")];
    const r = forecastRange(project([A], costs), { statusDate: "2027-01-22" }, { seed: 1, draws: 2, percentileMethod: "exclusive" });
    const none = (p: number, what: string) => `<no-data: the exclusive interpolation (Hyndman–Fan type 6, PERCENTILE.EXC) has no ${p}th percentile of 2 usable ${what} draws: it needs at least 9>`;
    expect(read(r.eacBand)).toEqual([none(10, "EAC"), "5675.00", none(90, "EAC")]);
    expect(read(r.finishBand)).toEqual([none(10, "finish"), "2027-02-15", none(90, "finish")]);
  });
});

describe("forecastRange: a completed project's forecast is known", () => {
  // One package, W1 1000.00 (Mon 2027-01-04 – Sun 01-10), 100 % and finished on Thu 01-07, costs 400 (Tue 01-05) + 550 (Thu 01-07).
  const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00")], progress: [{ date: "2027-01-07", percentComplete: "100", finished: true }] });
  const input = project([A], [cost("A", "2027-01-05", "400.00"), cost("A", "2027-01-07", "550.00")]);

  it("fewer than two periods: finish = the actual finish Thu 2027-01-07, EAC = AC = 950.00 at every percentile (they were no-data)", () => {
    // Status Fri 2027-01-08, inside W1: one period observed.
    const options: EarnedValueOptions = { statusDate: "2027-01-08" };
    expect(earnedValue(input, options).schedule.forecastFinish.spiT.value).toBe("2027-01-07");
    const r = forecastRange(input, options, { seed: 42 });
    expect(r.periodsObserved).toBe(1);
    expect(read(r.finishBand)).toEqual(["2027-01-07", "2027-01-07", "2027-01-07"]);
    expect(read(r.eacBand)).toEqual(["950.00", "950.00", "950.00"]);
    expect(r.basis).toEqual({ rule: "complete", detail: "the project is complete: its finish is the actual finish (2027-01-07) and its EAC is AC (950.00), with no spread" });
    expect(r.warnings).toEqual([]);
  });

  it("all value earned but no finish recorded: the point forecast's finish, and the detail does not call it actual", () => {
    // 100 % on Thu 01-07 without `finished`: complete (EV = BAC) but no package records a finish, so AT runs to the
    // status date Fri 01-08 (5 working days) and IEAC(t) = AT + (PD − ES) / SPI(t) = 5 → the 5th working day, 01-08.
    const open = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00")], progress: [{ date: "2027-01-07", percentComplete: "100" }] });
    const input = project([open], [cost("A", "2027-01-05", "400.00"), cost("A", "2027-01-07", "550.00")]);
    const options: EarnedValueOptions = { statusDate: "2027-01-08" };
    expect(earnedValue(input, options).schedule.forecastFinish.spiT.value).toBe("2027-01-08");
    const r = forecastRange(input, options, { seed: 42 });
    expect(read(r.finishBand)).toEqual(["2027-01-08", "2027-01-08", "2027-01-08"]);
    expect(r.basis).toEqual({ rule: "complete", detail: "the project is complete: its finish is the point forecast (2027-01-08; no package records its finish) and its EAC is AC (950.00), with no spread" });
  });

  it("an unfinished project's bands come from the bootstrap, and say so", () => {
    const half = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-08", percentComplete: "25" }, { date: "2027-01-13", percentComplete: "40" }] });
    const r = forecastRange(project([half], [cost("A", "2027-01-05", "400.00"), cost("A", "2027-01-12", "300.00")]), { statusDate: "2027-01-13" }, { seed: 1, draws: 50 });
    expect(r.basis.rule).toBe("bootstrap");
  });
});

describe("earnedValueSeries on a fiscal grid: the listed periods carry the forecast to its finish", () => {
  // As audit 6: a holiday on Wed 2027-01-06; A = W1 1000 + W2 1000, 50 % on Wed 01-13, cost 1000 on 01-12. Status
  // 01-13, EAC₅ = 1000 + 1000 / (1 × 4/7) = 2750.00 selected; forecast finish (working days) Tue 2027-01-26, 9 working
  // days after the status date (Thu 14, Fri 15, Mon 18 – Fri 22, Mon 25, Tue 26).
  const calendar = createWorkingCalendar({ holidays: ["2027-01-06"] });
  const input = project([pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-13", percentComplete: "50" }] })], [cost("A", "2027-01-12", "1000.00")]);
  const P = [["P1", "2027-01-04", "2027-01-10"], ["P2", "2027-01-11", "2027-01-17"], ["P3", "2027-01-18", "2027-01-24"], ["P4", "2027-01-25", "2027-01-31"], ["P5", "2027-02-01", "2027-02-07"]] as const;
  const series = (k: number) => earnedValueSeries(input, { statusDate: "2027-01-13", calendar, grid: { kind: "fiscal", periods: P.slice(0, k).map(([label, start, finish]) => ({ label, start, finish })) }, policy: { eacOrder: ["earned-schedule"] } });
  const rows = (s: ReturnType<typeof series>) => s.points.map((p) => `${p.label} ${p.date} ${p.pv.amount.toFixed(2)} ${p.eacPath?.amount.toFixed(2) ?? "-"} ${p.ieacPath?.amount.toFixed(2) ?? "-"}`);

  it("uses the listed periods after the project's last one (it stopped at P2 although P3 and P4 were listed)", () => {
    // Paths after the status date, by working days along: P2 end 2 of 9 → EAC path 1000 + 1750 × 2/9 = 1388.89, EV path
    // 1000 + 1000 × 2/9 = 1222.22; P3 end 7 of 9 → 2361.11 and 1777.78; P4 end (past the finish) 9 of 9 → 2750.00 and
    // 2000.00. P5 is listed but lies after the forecast finish: not shown (as a weekly grid ends at the finish's period).
    const s = series(5);
    expect(s.atStatusDate.schedule.forecastFinish.spiT.value).toBe("2027-01-26");
    expect(rows(s)).toEqual([
      "P1 2027-01-10 1000.00 - -",
      "P2 2027-01-13 1428.57 - -",
      "P2 2027-01-17 2000.00 1388.89 1222.22",
      "P3 2027-01-24 2000.00 2361.11 1777.78",
      "P4 2027-01-31 2000.00 2750.00 2000.00",
    ]);
    expect(s.unplotted).toBeUndefined();
  });

  it("a list that ends before the finish: the points end with it and `unplotted` names the stretch without a period", () => {
    const s = series(3);
    expect(rows(s).at(-1)).toBe("P3 2027-01-24 2000.00 2361.11 1777.78");
    expect(s.unplotted).toEqual({
      reason: "beyond-horizon", from: "2027-01-25", to: "2027-01-26",
      detail: "the fiscal periods end on 2027-01-24, before the forecast finish 2027-01-26: 2027-01-25 … 2027-01-26 has no period (pmokit does not invent fiscal periods), so the forecast paths stop part way",
    });
  });
});

describe("earned schedule in periods on a fiscal grid reads the periods listed after the project's last one", () => {
  // As issue-12-conventions: holiday Wed 2027-01-06; W1 1000 + W2 1000, 50 % on Wed 01-13. In periods ES = 1, AT = 1.6,
  // PD = 2, SPI(t) = 0.625, IEAC(t) = 1.6 + 1 / 0.625 = 3.2 periods: 0.2 into period 4 (Mon 01-25 – Fri 01-29, 5
  // working days) → its ⌈0.2 × 5⌉ = 1st working day, Mon 2027-01-25, as on the weekly grid.
  const calendar = createWorkingCalendar({ holidays: ["2027-01-06"] });
  const input = project([pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-13", percentComplete: "50" }] })], [cost("A", "2027-01-12", "1000.00")]);
  const P = [["P1", "2027-01-04", "2027-01-10"], ["P2", "2027-01-11", "2027-01-17"], ["P3", "2027-01-18", "2027-01-24"], ["P4", "2027-01-25", "2027-01-31"]] as const;
  const at = (k: number) => earnedValue(input, { statusDate: "2027-01-13", calendar, grid: { kind: "fiscal", periods: P.slice(0, k).map(([label, start, finish]) => ({ label, start, finish })) }, policy: { timeUnit: "periods" } }).schedule;

  it("P1–P4 listed: the forecast finish is Mon 2027-01-25 (it was beyond-horizon: only P1 and P2, which the project touches, were read)", () => {
    const s = at(4);
    expect(s.ieacT.spiT.value?.toString()).toBe("3.2");
    expect(s.forecastFinish.spiT.value).toBe("2027-01-25");
    // AT + (PD − ES) = 2.6 periods → ⌈0.6 × 5⌉ = 3rd working day of P3, Wed 01-20.
    expect(s.forecastFinish.planned.value).toBe("2027-01-20");
  });

  it("P1–P3 listed: 3.2 periods lie past the list, beyond-horizon still; 2.6 periods are dated", () => {
    const s = at(3);
    expect([s.forecastFinish.spiT.reason, s.forecastFinish.planned.value]).toEqual(["beyond-horizon", "2027-01-20"]);
  });
});

describe("forecastRange without actual cost gives the point EAC₁'s reason", () => {
  it("AC = 0 with value earned: every EAC percentile is ac-is-zero, as EAC₁ (it said ev-is-zero, though EV is 2000.00)", () => {
    // Four weeks of 1000.00, 25 % at the end of W1 and 50 % at the end of W2 (EV 2000.00 = PV at Sun 01-17), no cost entry.
    const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")],
      progress: [{ date: "2027-01-10", percentComplete: "25" }, { date: "2027-01-17", percentComplete: "50" }] });
    const options: EarnedValueOptions = { statusDate: "2027-01-17" };
    const point = earnedValue(project([A], []), options).figures;
    expect([point.ev.value?.amount.toFixed(2), point.eac.cpi.reason]).toEqual(["2000.00", "ac-is-zero"]);
    const r = forecastRange(project([A], []), options, { seed: 1, draws: 20 });
    expect(read(r.eacBand)).toEqual(Array(3).fill("<ac-is-zero: no actual cost yet: there is no cost efficiency to resample the EAC with>"));
    // The finish band does not rest on AC: on plan in both weeks (ΔES = ΔAT = 5), every draw is IEAC(t) = PD = 20
    // working days, Fri 01-29.
    expect(read(r.finishBand)).toEqual(["2027-01-29", "2027-01-29", "2027-01-29"]);
  });
});
