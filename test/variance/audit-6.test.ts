import { describe, expect, it } from "vitest";
import { createWorkingCalendar, earnedValue, earnedValueInputFromRows, earnedValueSeries, money } from "../../src/index.js";
import { agileEarnedValue } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/*
 * Earned-value audit 6: a net credit (AC < 0) has no CPI, period-mode dates fall on working days, a zero agile budget
 * gives earnedValue's reasons.
 */

describe("a net credit (AC < 0): CPI and every figure resting on it is missing with ac-is-negative", () => {
  // A: W1 1000 + W2 1000 (BAC 2000), 25 % done on Fri 2027-01-08 → EV 500. Costs 300 on 01-05, a refund of −800 on
  // 01-07 → AC = −500. Status Sun 2027-01-10 (end of W1): PV 1000.
  // Before: CPI = 500 / −500 = −1, EAC₁ = BAC × AC / EV = 2000 × −500 / 500 = −2000.00 (a negative cost at completion).
  const input = project(
    [pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-08", percentComplete: "25" }] })],
    [cost("A", "2027-01-05", "300.00"), cost("A", "2027-01-07", "-800.00")],
  );
  const r = earnedValue(input, { statusDate: "2027-01-10" });
  const f = r.figures;

  it("CPI, CSI, EAC₁, EAC₃, EAC₅ (and their ETC and VAC) and IEAC(t) by SPI(t)·CPI carry ac-is-negative", () => {
    expect([show(f.ev), show(f.ac), show(f.pv)]).toEqual(["500.00", "-500.00", "1000.00"]);
    const cpiBased = [f.cpi, f.csi, f.eac.cpi, f.eac.cpiSpi, f.eac.earnedSchedule, f.etc.cpi, f.etc.cpiSpi, f.etc.earnedSchedule, f.vac.cpi, f.vac.cpiSpi, f.vac.earnedSchedule,
      r.schedule.ieacT.spiTCpi, r.schedule.forecastFinish.spiTCpi, r.packages[0]!.figures.cpi, r.packages[0]!.figures.eac.cpi];
    expect(cpiBased.map((m) => m.reason)).toEqual(Array(cpiBased.length).fill("ac-is-negative"));
  });

  it("figures that do not rest on CPI keep their values: SPI, CV, CV%, EAC₂, TCPI(BAC), the selected EAC and TCPI(EAC)", () => {
    // SPI = 500 / 1000; CV = 500 − (−500) = 1000, CV% = 1000 / 500 × 100 = 200; EAC₂ = AC + (BAC − EV) = −500 + 1500 = 1000.
    expect([show(f.spi), show(f.cv), show(f.cvPercent), show(f.eac.budgetRate), show(f.etc.budgetRate), show(f.vac.budgetRate)])
      .toEqual(["0.50", "1000.00", "200.00", "1000.00", "1500.00", "1000.00"]);
    // TCPI(BAC) = (BAC − EV) / (BAC − AC) = 1500 / 2500 = 0.6: the credit is money still to spend.
    expect(show(f.tcpiBac, 4)).toBe("0.6000");
    // Selected: cpi has none, bottom-up has no estimate, so budget-rate; TCPI(EAC) = 1500 / (1000 − (−500)) = 1.
    expect([f.selectedEac.method, show(f.selectedEac.value), show(f.tcpiEac, 4)]).toEqual(["budget-rate", "1000.00", "1.0000"]);
  });

  it("with nothing earned, a net credit is ac-is-negative too (it was CPI 0)", () => {
    const none = project([pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00")] })], [cost("A", "2027-01-05", "-10.00")]);
    const g = earnedValue(none, { statusDate: "2027-01-10" }).figures;
    expect([g.cpi.reason, g.eac.cpi.reason]).toEqual(["ac-is-negative", "ac-is-negative"]);
  });

  it("agileEarnedValue: CPI, EAC, ETC and VAC of a net credit carry ac-is-negative (CPI was −10, EAC −10.00)", () => {
    const run = (completedPoints: number) =>
      agileEarnedValue({ budget: money("100", "EUR"), sprints: [{ name: "S", finish: "2026-09-11" }], totalPoints: 10, completedPoints, costs: [{ date: "2026-09-01", amount: money("-5.00", "EUR") }] }, { statusDate: "2026-09-11" }).figures;
    const a = run(5); // EV 50, AC −5
    expect([show(a.ev), show(a.ac), show(a.spi), show(a.cv)]).toEqual(["50.00", "-5.00", "0.50", "55.00"]);
    expect([a.cpi, a.eac, a.etc, a.vac].map((m) => m.reason)).toEqual(Array(4).fill("ac-is-negative"));
    expect(run(0).cpi.reason).toBe("ac-is-negative"); // was plain 0
  });
});

describe("period-mode dates fall on the working day the time is reached, as in working days", () => {
  it("IEAC(t) of exactly 6 weeks is the last working day of week 6, Fri 2027-02-12 (it was Sun 2027-02-14); working days give the same day", () => {
    // As in forecast-finish-exact.test.ts: ES = 2/3 of week 1, AT = 1 week, IEAC(t) = PD / SPI(t) = 4 × 3/2 = 6 weeks;
    // in working days IEAC(t) = 30, the 30th working day from Mon 2027-01-04: Fri 2027-02-12. Read at the week's end
    // (Sun 01-10): a status inside the week reads ES on the partial week up to it (audit ev17).
    const day = (k: number) => new Date(Date.UTC(2027, 0, 4 + k)).toISOString().slice(0, 10);
    const input = earnedValueInputFromRows({
      project: { id: "P", currency: "EUR" },
      packages: [{ id: "A", rule: { type: "units", totalUnits: 180, unitName: "part" }, budget: Array.from({ length: 4 }, (_, i) => ({ start: day(7 * i), finish: day(7 * i + 6), amount: 900 })) }],
      progress: [{ package: "A", date: "2027-01-08", unitsComplete: 30 }],
      actuals: [{ package: "A", date: "2027-01-08", amount: 600 }],
    });
    const periods = earnedValue(input, { statusDate: "2027-01-10", policy: { timeUnit: "periods" } }).schedule;
    const days = earnedValue(input, { statusDate: "2027-01-10" }).schedule;
    expect(periods.ieacT.spiT.value?.toString()).toBe("6");
    expect([periods.forecastFinish.spiT.value, days.forecastFinish.spiT.value]).toEqual(["2027-02-12", "2027-02-12"]);
  });

  it("ES of exactly one week is dated Fri 2027-01-08, the last working day of week 1 (it was Sun 2027-01-10)", () => {
    const calendar = createWorkingCalendar({ holidays: ["2027-01-06"] });
    const input = project([pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-13", percentComplete: "50" }] })], [cost("A", "2027-01-12", "1000.00")]);
    const s = earnedValue(input, { statusDate: "2027-01-13", calendar, policy: { timeUnit: "periods" } }).schedule;
    // Working days: ES = 4 (the 4th working day, Fri 2027-01-08: Wed 06 is a holiday).
    const w = earnedValue(input, { statusDate: "2027-01-13", calendar }).schedule;
    expect([show(s.es), s.esDate.value, show(w.es), w.esDate.value]).toEqual(["1.00", "2027-01-08", "4.00", "2027-01-08"]);
  });

  it("monthly grid: an on-plan forecast of 2 months is Fri 2027-02-26, the baseline's last working day (it was Sun 2027-02-28)", () => {
    // A: January 1000, February 1000 (2027-01-01 … 2027-02-28); 50 % done and 1000 spent on Sun 2027-01-31: ES = AT = 1 month.
    // IEAC(t) with PF = 1 = AT + (PD − ES) = 2 months: the end of February, whose last working day is Fri 02-26.
    const input = earnedValueInputFromRows({
      project: { id: "P", currency: "EUR" },
      packages: [{ id: "A", rule: "percent-complete", budget: [{ start: "2027-01-01", finish: "2027-01-31", amount: 1000 }, { start: "2027-02-01", finish: "2027-02-28", amount: 1000 }] }],
      progress: [{ package: "A", date: "2027-01-29", percentComplete: 50 }],
      actuals: [{ package: "A", date: "2027-01-29", amount: 1000 }],
    });
    const s = earnedValue(input, { statusDate: "2027-01-31", grid: { kind: "monthly" }, policy: { timeUnit: "periods" } }).schedule;
    expect([show(s.es), show(s.at), show(s.ieacT.planned)]).toEqual(["1.00", "1.00", "2.00"]);
    expect([s.forecastFinish.planned.value, s.forecastFinish.spiT.value, s.esDate.value]).toEqual(["2027-02-26", "2027-02-26", "2027-01-29"]);
  });

  it("a forecast inside a period with no working day is dated the first working day after it, never a day off", () => {
    // Weekly grid, W3 (2027-01-18 … 01-24) a shutdown week. A: W1 … W4, 1000 each (PD = 4 periods); status Fri 01-08
    // (AT = 1), EV 1000, AC 1000: SPI(t) = 1. IEAC(t) by PF = 1 is 4 (end of W4: Fri 01-29). With EV 750 (ES = 0.75,
    // SPI(t) = 0.75) IEAC(t) = 4 / 0.75 = 5.33; with EV 2000 (ES = 2, SPI(t) = 2) IEAC(t) = 1 + 2 / 2 = 2 → Fri 01-15.
    // EV 1500: ES = 1.5, SPI(t) = 1.5, IEAC(t) = 1 + 2.5 / 1.5 = 2.67: 2/3 into W3, which has no working day, so the time
    // is reached on Mon 01-25, the first working day after it (it was Sun 01-24, the shutdown week's last day).
    const holidays = ["2027-01-18", "2027-01-19", "2027-01-20", "2027-01-21", "2027-01-22"];
    const calendar = createWorkingCalendar({ holidays });
    const at = (pct: string) => earnedValue(project([pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")],
      progress: [{ date: "2027-01-08", percentComplete: pct }] })], [cost("A", "2027-01-08", "1000.00")]), { statusDate: "2027-01-08", calendar, policy: { timeUnit: "periods" } }).schedule;
    const s = at("37.5");
    expect([show(s.es), show(s.at), show(s.ieacT.spiT, 4)]).toEqual(["1.50", "1.00", "2.6667"]);
    expect(s.forecastFinish.spiT.value).toBe("2027-01-25");
  });
});

describe("ES in periods is Lipke's C + (EV − PV_C) / (PV_{C+1} − PV_C) next to a period without working days", () => {
  // Weekly grid, W3 (2027-01-18 … 01-24) a shutdown week; A: W1 … W4, 1000 each, spread over calendar days, so PV at
  // the period ends is 1000, 2000, 3000, 4000. Status Sun 2027-01-17 (end of W2): AT = 2 periods.
  const calendar = createWorkingCalendar({ holidays: ["2027-01-18", "2027-01-19", "2027-01-20", "2027-01-21", "2027-01-22"] });
  const at = (pct: string) => earnedValue(project([pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")],
    progress: [{ date: "2027-01-15", percentComplete: pct }] })], [cost("A", "2027-01-08", "2000.00")]), { statusDate: "2027-01-17", calendar, policy: { timeUnit: "periods" } }).schedule;

  it("EV = PV₂ = 2000 exactly on plan: C = 2, ES = 2, SPI(t) = 1 (it read ES 3, SPI(t) 1.5: a period ahead)", () => {
    const s = at("50");
    expect([show(s.es), show(s.at), show(s.spiT), show(s.svT)]).toEqual(["2.00", "2.00", "1.00", "0.00"]);
  });

  it("EV 2500: C = 2, ES = 2 + 500 / 1000 = 2.5 (it read 3)", () => {
    expect(show(at("62.5").es)).toBe("2.50");
  });
});

describe("IEAC(t) by SPI(t) · CPI with CPI 0 says which factor is 0", () => {
  it("nothing earned, something spent, SPI(t) > 0: the detail names the performance factor, not SPI(t)", () => {
    // A starts Mon 2027-01-04 but plans nothing before W2: PV at the end of W1 is 0, so with EV 0 the flat-stretch
    // rule gives ES = 5 working days; status Tue 01-12 (AT 7): SPI(t) = 5/7 > 0, CPI = 0 / 100 = 0.
    const r = earnedValue(project([pkg({ id: "A", rule: { type: "percent-complete" }, start: "2027-01-04", slices: [week(2, "1000.00")] })], [cost("A", "2027-01-11", "100.00")]), { statusDate: "2027-01-12" });
    expect([show(r.schedule.spiT, 4), show(r.figures.cpi)]).toEqual(["0.7143", "0.00"]);
    expect(r.schedule.ieacT.spiTCpi).toStrictEqual({ reason: "ev-is-zero", detail: "the performance factor is 0: no progress to extrapolate" }); // said "SPI(t) is 0"
  });
});

describe("earnedValueSeries on a fiscal grid whose last period ends before the forecast finish", () => {
  it("keeps the listed periods (it threw 'fiscal periods must cover 2027-01-04…2027-01-26')", () => {
    // As issue-12-conventions: forecast finish (working days) Tue 2027-01-26, fiscal periods P1 (W1) and P2 (W2) only.
    // A fiscal grid cannot be continued: the S-curve stops at P2's end, its forecast paths 2 (Thu 14, Fri 15) of the 9
    // working days after the status date Wed 01-13 up to the finish along: EAC₅ path 1000 + (2750 − 1000) × 2/9 = 1388.89.
    const calendar = createWorkingCalendar({ holidays: ["2027-01-06"] });
    const input = project([pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-13", percentComplete: "50" }] })], [cost("A", "2027-01-12", "1000.00")]);
    const grid = { kind: "fiscal" as const, periods: [{ label: "P1", start: "2027-01-04", finish: "2027-01-10" }, { label: "P2", start: "2027-01-11", finish: "2027-01-17" }] };
    const s = earnedValueSeries(input, { statusDate: "2027-01-13", calendar, grid, policy: { eacOrder: ["earned-schedule"] } });
    expect(s.atStatusDate.schedule.forecastFinish.spiT.value).toBe("2027-01-26");
    expect(s.points.map((p) => `${p.label} ${p.date} ${show({ value: p.pv })} ${p.eacPath ? show({ value: p.eacPath }) : "-"}`))
      .toEqual(["P1 2027-01-10 1000.00 -", "P2 2027-01-13 1428.57 -", "P2 2027-01-17 2000.00 1388.89"]);
  });
});

describe("agileEarnedValue with a zero budget gives earnedValue's reasons for BAC 0", () => {
  // earnedValue, BAC 0 (one package of 0.00 in W1), status after it: PV = EV = 0. SPI is pv-is-zero; CPI is 0 with
  // AC > 0 (EV 0 ÷ AC) and ac-is-zero without actuals; EAC₁ is ev-is-zero (CPI 0) or ac-is-zero.
  const ev = (costs: ReturnType<typeof cost>[]) => earnedValue(project([pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "0.00")], progress: [{ date: "2027-01-08", percentComplete: "50" }] })], costs), { statusDate: "2027-01-10" }).figures;
  const agile = (costs: { date: string; amount: ReturnType<typeof money> }[]) =>
    agileEarnedValue({ budget: money("0.00", "EUR"), sprints: [{ name: "S1", finish: "2026-09-11" }, { name: "S2", finish: "2026-09-25" }], totalPoints: 10, completedPoints: 5, costs }, { statusDate: "2026-09-25" }).figures;

  it("with costs: SPI pv-is-zero, CPI 0, EAC/ETC/VAC ev-is-zero, the sprint forecast pv-is-zero (all were bac-is-zero)", () => {
    const e = ev([cost("A", "2027-01-05", "100.00")]);
    const a = agile([{ date: "2026-09-01", amount: money("100.00", "EUR") }]);
    expect([e.spi.reason, show(e.cpi), e.eac.cpi.reason]).toEqual(["pv-is-zero", "0.00", "ev-is-zero"]);
    expect([a.spi.reason, show(a.cpi), a.eac.reason, a.etc.reason, a.vac.reason, a.forecastSprints.reason]).toEqual(["pv-is-zero", "0.00", "ev-is-zero", "ev-is-zero", "ev-is-zero", "pv-is-zero"]);
  });

  it("without costs: CPI and EAC ac-is-zero in both", () => {
    const e = ev([]);
    const a = agile([]);
    expect([e.spi.reason, e.cpi.reason, e.eac.cpi.reason]).toEqual(["pv-is-zero", "ac-is-zero", "ac-is-zero"]);
    expect([a.spi.reason, a.cpi.reason, a.eac.reason]).toEqual(["pv-is-zero", "ac-is-zero", "ac-is-zero"]);
  });
});
