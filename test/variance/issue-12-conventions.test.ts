import { describe, expect, it } from "vitest";
import { createWorkingCalendar, ValidationError } from "../../src/index.js";
import { earnedValue, type EvmPolicy } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/* Issue 12, EVM conventions: each an option with a documented default. W1 = 2027-01-04…01-10, W2 = 01-11…01-17. */

describe("issue 12: policy.timeUnit — earned schedule in periods as well as working days", () => {
  // One package, W1 1000 + W2 1000, a holiday on Wednesday 2027-01-06 (W1 has 4 working days, W2 has 5).
  // Status Wednesday 2027-01-13: 50 % → EV 1000; AC 1000 (CPI 1). PV at the period ends: 1000, 2000.
  const calendar = createWorkingCalendar({ holidays: ["2027-01-06"] });
  const input = project([pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-13", percentComplete: "50" }] })], [cost("A", "2027-01-12", "1000.00")]);
  const at = (timeUnit?: EvmPolicy["timeUnit"]) => earnedValue(input, { statusDate: "2027-01-13", calendar, ...(timeUnit ? { policy: { timeUnit } } : {}) });

  it("working days (default): ES = 4 (end of W1), AT = 4 + 3 = 7, PD = 9; SPI(t) = 4/7; IEAC(t) = 7 + 5 / (4/7) = 15.75 → 16th working day", () => {
    const s = at().schedule;
    expect([show(s.es), show(s.at), show(s.pd), show(s.spiT, 4)]).toEqual(["4.00", "7.00", "9.00", "0.5714"]);
    expect(show(s.ieacT.spiT)).toBe("15.75");
    expect(s.forecastFinish.spiT.value).toBe("2027-01-26"); // W1 4 + W2 5 + W3 5 = 14, then Mon 15, Tue 16
    expect(show(at().figures.eac.earnedSchedule)).toBe("2750.00"); // 1000 + 1000 / (1 × 4/7)
    expect(show(at("working-days").schedule.spiT, 4)).toBe("0.5714");
  });

  it("periods: ES = 1 period (C = 1, EV = PV₁), AT = 1 + 3/5 = 1.6, PD = 2; SPI(t) = 0.625; IEAC(t) = 1.6 + 1/0.625 = 3.2 periods", () => {
    const r = at("periods");
    const s = r.schedule;
    expect([show(s.es), show(s.at), show(s.pd), show(s.svT), show(s.spiT, 4)]).toEqual(["1.00", "1.60", "2.00", "-0.60", "0.6250"]);
    // TSPI = (2 − 1) / (2 − 1.6) = 2.5; the ES date is the last working day of period 1 (it was its end, Sun 01-10).
    expect([show(s.tspi, 4), s.esDate.value]).toEqual(["2.5000", "2027-01-08"]);
    expect(show(s.ieacT.spiT)).toBe("3.20");
    // 3.2 periods: 0.2 into period 4 (W4 2027-01-25…, 5 working days) → its ⌈1⌉st working day; the grid is continued past W2.
    expect(s.forecastFinish.spiT.value).toBe("2027-01-25");
    expect(s.forecastFinish.planned.value).toBe("2027-01-20"); // AT + (PD − ES) = 2.6 periods → ⌈0.6 × 5⌉ = 3rd working day of W3
    // EAC₅ with SPI(t) in periods: 1000 + 1000 / (1 × 0.625) = 2600.00.
    expect(show(r.figures.eac.earnedSchedule)).toBe("2600.00");
  });

  it("periods on a fiscal grid: a forecast past the last listed period has no date (beyond-horizon)", () => {
    const grid = { kind: "fiscal" as const, periods: [{ label: "P1", start: "2027-01-04", finish: "2027-01-10" }, { label: "P2", start: "2027-01-11", finish: "2027-01-17" }] };
    const s = earnedValue(input, { statusDate: "2027-01-13", calendar, grid, policy: { timeUnit: "periods" } }).schedule;
    expect([show(s.ieacT.spiT), s.forecastFinish.spiT.reason]).toEqual(["3.20", "beyond-horizon"]);
  });
});

describe("issue 12: policy.levelOfEffort — LOE earning from the package start without a started record", () => {
  const loe = () => project([pkg({ id: "D", rule: { type: "level-of-effort" }, slices: [week(1, "500.00"), week(2, "500.00")] })], []);

  it("once-started (default): no record, no EV; from-planned-start: EV ≡ PV from the planned start", () => {
    // Status 2027-01-10 (end of W1): PV = 500. No progress record.
    expect(show(earnedValue(loe(), { statusDate: "2027-01-10" }).figures.ev)).toBe("0.00");
    const r = earnedValue(loe(), { statusDate: "2027-01-10", policy: { levelOfEffort: "from-planned-start" } });
    expect([show(r.figures.ev), show(r.figures.pv), show(r.figures.spi)]).toEqual(["500.00", "500.00", "1.00"]);
    // After its planned finish it has earned its budget and counts as finished; before its start it earns nothing.
    const done = earnedValue(loe(), { statusDate: "2027-01-20", policy: { levelOfEffort: "from-planned-start" } });
    expect([show(done.figures.ev), done.packages[0]!.finished, done.complete]).toEqual(["1000.00", true, true]);
    expect(show(earnedValue(loe(), { statusDate: "2027-01-01", policy: { levelOfEffort: "from-planned-start" } }).figures.ev)).toBe("0.00");
  });
});

describe("issue 12: policy choices are checked", () => {
  it("an unknown policy value is a ValidationError with its path, not a silent default", () => {
    const input = project([pkg({ id: "A", rule: { type: "0/100" }, slices: [week(1, "100.00")] })], []);
    try {
      earnedValue(input, { statusDate: "2027-01-10", policy: { timeUnit: "weeks", eacOrder: ["cpi", "magic"] } as unknown as EvmPolicy });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path.join("."))).toEqual(["policy.timeUnit", "policy.eacOrder.1"]);
    }
  });
});
