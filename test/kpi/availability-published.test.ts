import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instant, ValidationError } from "../../src/index.js";
import { errorBudget, serviceAvailability } from "../../src/kpi/index.js";
import { MIN, HOUR, DAY, at, outage, T0 } from "./outages.js";

// Audit of serviceAvailability against published worked examples and hand-derived edge cases (kpi12).


describe("published worked examples", () => {
  it("Rance (itSMF, via Forrester 2013): AST 100 hours, 2 hours down → 98 %", () => {
    // "If AST is 100 hours and downtime is 2 hours then availability would be" (100 − 2) ÷ 100 = 98 %.
    // One outage: MTBF = (6 000 − 120) ÷ 1 = 5 880 min; MTRS = 120; MTBSI = 6 000.
    const a = serviceAvailability([outage("O1", T0 + 10 * HOUR, T0 + 12 * HOUR)], { service: "crm", from: at(T0), to: at(T0 + 100 * HOUR) });
    expect([a.agreedMinutes.toFixed(), a.downtimeMinutes.toFixed(), a.availabilityPercent.value?.toFixed()]).toEqual(["6000", "120", "98"]);
    expect([a.mtbfMinutes, a.mtrsMinutes, a.mtbsiMinutes].map((m) => m.value?.toFixed())).toEqual(["5880", "120", "6000"]);
  });

  it("Google SRE book (Embracing Risk): 99.99 % over a year allows 52.56 minutes down", () => {
    // 365 days = 525 600 min; 525 600 × 0.0001 = 52.56 min = 52 min 33.6 s. Down exactly that: (525 600 − 52.56) ÷
    // 525 600 × 100 = 99.99 exactly; a millisecond more is below it.
    const year = { service: "crm", from: instant("2026-01-01T00:00:00Z"), to: instant("2027-01-01T00:00:00Z") };
    const down = 52 * MIN + 33_600;
    expect(serviceAvailability([outage("O1", T0, T0 + down)], year).availabilityPercent.value?.toString()).toBe("99.99");
    expect(serviceAvailability([outage("O1", T0, T0 + down + 1)], year).availabilityPercent.value?.lt("99.99")).toBe(true);
    // The same budget from the error-budget side, and spent exactly by that outage.
    const a = serviceAvailability([outage("O1", T0, T0 + down)], year);
    const b = errorBudget({ slo: "0.9999", windowMinutes: a.agreedMinutes, badMinutes: a.downtimeMinutes });
    expect([b.budgetMinutes.toFixed(), b.consumedPercent.value?.toFixed(), b.exhausted.value]).toEqual(["52.56", "100", true]);
  });

  it("ITIL: availability = MTBF ÷ (MTBF + MTRS) = MTBF ÷ MTBSI, for any outages (property)", () => {
    // (AST − DT)/n ÷ (AST/n) = (AST − DT) ÷ AST: the two published forms agree exactly whatever the count n.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }), fc.integer({ min: 1, max: 600 }), fc.boolean()), { minLength: 1, maxLength: 8 }), fc.constantFrom("count-once" as const, "count-each-part" as const), (spec, outageSplitting) => {
        const outs = spec.map(([s, len, planned], i) => outage(`O${i}`, T0 + s * MIN, T0 + (s + len) * MIN, { planned }));
        const a = serviceAvailability(outs, { service: "crm", from: at(T0), to: at(T0 + 7 * DAY), outageSplitting, serviceHours: { weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" } });
        if (a.failures === 0) return;
        expect(a.mtbfMinutes.value!.div(a.mtbsiMinutes.value!).times(100).toSignificantDigits(30).eq(a.availabilityPercent.value!.toSignificantDigits(30))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("edge cases derived by hand", () => {
  const day = { service: "crm", from: at(T0), to: at(T0 + DAY) };

  it("an outage across the period start counts its part inside the period, and is a failure of the period", () => {
    // 8 March 23:00 → 9 March 01:00: 60 min inside 9 March; 1 failure; interval clipped to 00:00–01:00.
    const a = serviceAvailability([outage("O1", T0 - HOUR, T0 + HOUR)], day);
    expect([a.downtimeMinutes.toFixed(), a.failures, a.downtimeIntervals[0]?.start]).toEqual(["60", 1, "2026-03-09T00:00:00.000Z"]);
    expect(a.outages[0]?.downtimeMinutes.toFixed()).toBe("60");
  });

  it("an outage across the period end counts up to the end; one entirely outside counts nothing", () => {
    const a = serviceAvailability([outage("O1", T0 + DAY - 30 * MIN, T0 + DAY + HOUR), outage("O2", T0 + DAY, T0 + DAY + HOUR), outage("O3", T0 - 2 * HOUR, T0)], day);
    // O1 23:30–24:00 inside (30 min); O2 starts at the (exclusive) end, O3 ends at the (inclusive) start: outside.
    expect([a.downtimeMinutes.toFixed(), a.failures, a.outageIds]).toEqual(["30", 1, ["O1"]]);
  });

  it("overlapping outages of one service: each minute once, one failure (nested, crossing and identical spans)", () => {
    // O1 10:00–12:00, O2 10:30–11:00 (nested), O3 11:30–13:00 (crossing), O4 10:00–12:00 (same span, another id):
    // union 10:00–13:00 = 180 min, 1 failure, MTRS 180.
    const outs = [outage("O1", T0 + 10 * HOUR, T0 + 12 * HOUR), outage("O2", T0 + 10.5 * HOUR, T0 + 11 * HOUR), outage("O3", T0 + 11.5 * HOUR, T0 + 13 * HOUR), outage("O4", T0 + 10 * HOUR, T0 + 12 * HOUR)];
    const a = serviceAvailability(outs, day);
    expect([a.downtimeMinutes.toFixed(), a.failures, a.mtrsMinutes.value?.toFixed()]).toEqual(["180", 1, "180"]);
    expect(a.outages.map((o) => [o.outageId, o.downtimeMinutes.toFixed()])).toEqual([["O1", "120"], ["O4", "120"], ["O2", "30"], ["O3", "90"]]);
  });

  it("an unplanned outage inside a maintenance window is no failure (planned: exclude); with planned: count, one failure", () => {
    // MNT 10:00–12:00 planned, INC 10:30–11:00 unplanned. Exclude: AST 1 440 − 120 = 1 320, INC has no agreed time
    // → 0 down, 0 failures, 100 %. Count: AST 1 440, union 10:00–12:00 = 120 down, 1 failure, (1 440 − 120) ÷ 1 440.
    const outs = [outage("MNT", T0 + 10 * HOUR, T0 + 12 * HOUR, { planned: true }), outage("INC", T0 + 10.5 * HOUR, T0 + 11 * HOUR)];
    const ex = serviceAvailability(outs, day);
    expect([ex.agreedMinutes.toFixed(), ex.downtimeMinutes.toFixed(), ex.failures, ex.availabilityPercent.value?.toFixed()]).toEqual(["1320", "0", 0, "100"]);
    const ct = serviceAvailability(outs, { ...day, planned: "count" });
    expect([ct.agreedMinutes.toFixed(), ct.downtimeMinutes.toFixed(), ct.failures, ct.availabilityPercent.value?.toFixed(4)]).toEqual(["1440", "120", 1, "91.6667"]);
  });

  it("a zero-length outage (end = start) is refused at its path: a failure without downtime cannot be measured", () => {
    try {
      serviceAvailability([outage("O1", T0 + HOUR, T0 + 2 * HOUR), outage("O2", T0 + 5 * HOUR, T0 + 5 * HOUR)], day);
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues).toEqual([{ path: [1, "end"], message: "an outage must end after it starts", code: "custom" }]);
    }
  });

  it("no outage: availability 100 %, MTBF/MTRS/MTBSI missing with no-failures (never Infinity or 0)", () => {
    const a = serviceAvailability([], day);
    expect(a.availabilityPercent.value?.toFixed()).toBe("100");
    for (const m of [a.mtbfMinutes, a.mtrsMinutes, a.mtbsiMinutes]) expect(m).toEqual({ reason: "no-failures" });
  });

  it("outages only outside the agreed service time are no failures: no-failures, 100 %", () => {
    // Hours Mon–Fri 08–18: an outage on Saturday 14 March and one 19:00–20:00 Monday touch no agreed time.
    const outs = [outage("SAT", T0 + 5 * DAY + 10 * HOUR, T0 + 5 * DAY + 11 * HOUR), outage("EVE", T0 + 19 * HOUR, T0 + 20 * HOUR)];
    const a = serviceAvailability(outs, { service: "crm", from: at(T0), to: at(T0 + 7 * DAY), serviceHours: { weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" } });
    expect([a.agreedMinutes.toFixed(), a.failures, a.availabilityPercent.value?.toFixed()]).toEqual(["3000", 0, "100"]);
    expect(a.mtbfMinutes).toEqual({ reason: "no-failures" });
  });

  it("a period that is all maintenance has no agreed service time: no-agreed-service-time, not 100 % or NaN", () => {
    const a = serviceAvailability([outage("M", T0 - HOUR, T0 + DAY + HOUR, { planned: true })], day);
    expect([a.agreedMinutes.toFixed(), a.availabilityPercent, a.mtbfMinutes]).toEqual(["0", { reason: "no-agreed-service-time" }, { reason: "no-failures" }]);
  });
});

describe("service hours on DST days are the times local clocks show inside the window", () => {
  const sunday = (y: number, m: number, d: number) => ({ service: "crm", from: at(Date.UTC(y, m - 1, d) - DAY), to: at(Date.UTC(y, m - 1, d) + 2 * DAY) });

  it("Berlin, 25 October 2026 (fall back at 03:00 CEST → 02:00 CET): 02:30–03:00 is shown twice, 60 minutes (was 90)", () => {
    // Clocks show 02:30–03:00 from 00:30Z to 01:00Z (CEST) and again from 01:30Z to 02:00Z (CET): 2 × 30 = 60 min.
    // Read as [first 02:30, 03:00] it ran 00:30Z → 02:00Z = 90 min, counting 02:00–02:30 CET, which is outside.
    const hours = { weekdays: [7], start: "02:30", end: "03:00", timeZone: "Europe/Berlin" };
    expect(serviceAvailability([], { ...sunday(2026, 10, 25), serviceHours: hours }).agreedMinutes.toFixed()).toBe("60");
  });

  it("Berlin, 29 March 2026 (spring forward 02:00 → 03:00): 02:30–03:30 is shown 03:00–03:30 only, 30 minutes (was 0)", () => {
    // Clocks skip 02:00–03:00; of the window only 03:00–03:30 CEST (01:00Z–01:30Z) is ever shown: 30 min.
    const hours = { weekdays: [7], start: "02:30", end: "03:30", timeZone: "Europe/Berlin" };
    expect(serviceAvailability([], { ...sunday(2026, 3, 29), serviceHours: hours }).agreedMinutes.toFixed()).toBe("30");
  });

  it("New York, 1 November 2026 (fall back at 02:00 EDT → 01:00 EST): 01:30–06:00 is 5 hours (was 5.5)", () => {
    // 01:30–02:00 EDT (05:30Z–06:00Z) 30 min, then 01:30–06:00 EST (06:30Z–11:00Z) 270 min = 300 min. An outage in
    // the repeated 01:00–01:30 EST (06:00Z–06:30Z) is outside the hours: no downtime.
    const hours = { weekdays: [7], start: "01:30", end: "06:00", timeZone: "America/New_York" };
    const a = serviceAvailability([outage("O1", Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 10, 1, 6, 30))], { ...sunday(2026, 11, 1), serviceHours: hours });
    expect([a.agreedMinutes.toFixed(), a.downtimeMinutes.toFixed(), a.failures]).toEqual(["300", "0", 0]);
  });

  it("agreed minutes = the minutes whose local time (Intl, read minute by minute) falls in the hours (property, oracle)", () => {
    // Each zone's DST changes of 2026 (the local date of the change), measured over the day either side; Kolkata has none.
    const changes: [string, number][] = [
      ["Europe/Berlin", Date.UTC(2026, 2, 29)], ["Europe/Berlin", Date.UTC(2026, 9, 25)], ["America/New_York", Date.UTC(2026, 2, 8)],
      ["America/New_York", Date.UTC(2026, 10, 1)], ["America/Santiago", Date.UTC(2026, 3, 4)], ["America/Santiago", Date.UTC(2026, 8, 6)],
      ["Australia/Lord_Howe", Date.UTC(2026, 3, 5)], ["Australia/Lord_Howe", Date.UTC(2026, 9, 4)], ["Asia/Kolkata", Date.UTC(2026, 2, 29)],
    ];
    const WD: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
    const hhmm = (half: number) => `${String(Math.floor(half / 2)).padStart(2, "0")}:${half % 2 === 0 ? "00" : "30"}`;
    // Ends are drawn near 00:00–04:00 most of the time, where the clocks change.
    const half = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 8 }), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 48 }), weight: 1 });
    fc.assert(
      fc.property(fc.constantFrom(...changes), half, half, fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }), ([tz, change], x, y, weekdays) => {
        const start = Math.min(x, y);
        const end = Math.max(x, y);
        if (end === start) return;
        const from = change - DAY;
        const to = change + DAY;
        const f = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", weekday: "short", hour: "2-digit", minute: "2-digit" });
        let minutes = 0;
        for (let t = from; t < to; t += MIN) {
          const p = f.formatToParts(new Date(t));
          const get = (k: string) => p.find((x) => x.type === k)!.value;
          const m = Number(get("hour")) * 60 + Number(get("minute"));
          if (weekdays.includes(WD[get("weekday")]!) && m >= start * 30 && m < end * 30) minutes++;
        }
        const r = serviceAvailability([], { service: "crm", from: at(from), to: at(to), serviceHours: { weekdays, start: hhmm(start), end: end === 48 ? "24:00" : hhmm(end), timeZone: tz } });
        expect(r.agreedMinutes.toFixed()).toBe(String(minutes));
      }),
      { numRuns: 50 },
    );
  });
});
