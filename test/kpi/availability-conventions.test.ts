import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instant, type Decimal, type Metric } from "../../src/index.js";
import { serviceAvailability } from "../../src/kpi/index.js";
import { SEC, HOUR, DAY, at, outage, T0 } from "./outages.js";
import { firstIssuePath } from "../support/errors.js";

// Audit of serviceAvailability, second pass: ids, exactness, as-of dates, time zones and DST, leap years.


describe("serviceAvailability refuses an outage id listed twice", () => {
  it("the same id at two times was two failures; now a ValidationError at [1, \"id\"]", () => {
    // Was: OUT-1 10:00–11:00 and OUT-1 14:00–15:00 (one record exported twice after an edit) gave 2 failures,
    // 120 minutes down and outageIds ["OUT-1", "OUT-1"].
    const twice = [outage("OUT-1", T0 + 10 * HOUR, T0 + 11 * HOUR), outage("OUT-1", T0 + 14 * HOUR, T0 + 15 * HOUR)];
    expect(firstIssuePath(() => serviceAvailability(twice, { service: "crm", from: at(T0), to: at(T0 + DAY) }))).toEqual([1, "id"]);
  });

  it("the same record twice is refused too (it was listed twice in `outages`), as is an id twice across services", () => {
    const o = outage("OUT-1", T0 + 10 * HOUR, T0 + 11 * HOUR);
    expect(firstIssuePath(() => serviceAvailability([o, o], { service: "crm", from: at(T0), to: at(T0 + DAY) }))).toEqual([1, "id"]);
    const other = outage("OUT-1", T0, T0 + HOUR, { service: "erp" });
    expect(firstIssuePath(() => serviceAvailability([other, o], { service: "crm", from: at(T0), to: at(T0 + DAY) }))).toEqual([1, "id"]);
  });
});

describe("serviceAvailability is exact for outages in seconds", () => {
  it("1 s down in 3 s: availability is 200/3 % rounded once (…667), not …666 from rounded minutes", () => {
    // By hand: AST 3 000 ms, downtime 1 000 ms, (3 000 − 1 000) × 100 ÷ 3 000 = 200/3 = 66.666…; to 34 significant
    // digits (half-even) that is 66.66666666666666666666666666666667. Dividing the rounded minutes
    // (0.05 − 0.01666…667) × 100 ÷ 0.05 gave …666, one unit short in the last place.
    const a = serviceAvailability([outage("O1", T0 + SEC, T0 + 2 * SEC)], { service: "crm", from: at(T0), to: at(T0 + 3 * SEC) });
    expect(a.availabilityPercent.value?.toString()).toBe("66.66666666666666666666666666666667");
    // MTBF = 2 000 ms ÷ 1 failure = 1/30 min = 0.0333…; MTRS = 1/60 min = 0.01666…67; MTBSI = 3 000 ms = 0.05 min exactly.
    expect(a.mtbfMinutes.value?.toString()).toBe("0.03333333333333333333333333333333333");
    expect(a.mtbsiMinutes.value?.toString()).toBe("0.05");
  });

  it("MTBSI of whole seconds is exact: (AST ÷ failures), whatever the split between up and down (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_599 }), fc.integer({ min: 1, max: 5 }), (downSec, n) => {
        // n outages of downSec seconds each, an hour apart, in a period of n hours: MTBSI = 60 minutes exactly.
        const outs = Array.from({ length: n }, (_, i) => outage(`O${i}`, T0 + i * HOUR, T0 + i * HOUR + downSec * SEC));
        const a = serviceAvailability(outs, { service: "crm", from: at(T0), to: at(T0 + n * HOUR) });
        expect(a.mtbsiMinutes.value?.toString()).toBe("60");
      }),
      { numRuns: 60 },
    );
  });
});

describe("serviceAvailability leap years", () => {
  it("2028 is 366 days: 527 040 agreed minutes, one hour down → 99.98861566…%", () => {
    // By hand: 366 × 1 440 = 527 040 minutes; (527 040 − 60) ÷ 527 040 × 100 = 99.988615664845173…
    // (LibreOffice Calc: =(527040-60)/527040*100 → 99.9886156648452).
    const a = serviceAvailability([outage("O1", Date.UTC(2028, 1, 29, 10), Date.UTC(2028, 1, 29, 11))], {
      service: "crm",
      from: instant("2028-01-01T00:00:00Z"),
      to: instant("2029-01-01T00:00:00Z"),
    });
    expect(a.agreedMinutes.toString()).toBe("527040");
    expect(a.availabilityPercent.value?.toFixed(13)).toBe("99.9886156648452");
  });
});

describe("serviceAvailability as of a moment inside the period", () => {
  const march = { service: "crm", from: instant("2026-03-01T00:00:00Z"), to: instant("2026-04-01T00:00:00Z") };
  const asOf = instant("2026-03-10T12:00:00Z");
  // An outage still open on 10 March at 12:00, which started at 11:00.
  const open = outage("OUT-OPEN", Date.UTC(2026, 2, 10, 11), undefined);

  it("an outage still open at `asOf` counts up to `asOf`, not to the end of the month (was 31 020 minutes, most of them in the future)", () => {
    // Was: asOf was not an option, so the open outage ran to 1 April: 21 × 1 440 + 13 × 60 = 31 020 minutes.
    // By hand: measured 1 March 00:00 → 10 March 12:00 = 9.5 days = 13 680 minutes; down 11:00 → 12:00 = 60 minutes;
    // availability (13 680 − 60) ÷ 13 680 × 100 = 99.5614035087719… (LibreOffice Calc =(13680-60)/13680*100 →
    // 99.5614035087719).
    const a = serviceAvailability([open], { ...march, asOf });
    expect(a.agreedMinutes.toString()).toBe("13680");
    expect(a.downtimeMinutes.toString()).toBe("60");
    expect(a.availabilityPercent.value?.toFixed(13)).toBe("99.5614035087719");
    expect(a.partial).toBe(true);
    expect(a.measuredTo).toBe("2026-03-10T12:00:00.000Z");
    expect(a.ongoing).toEqual(["OUT-OPEN"]);
  });

  it("an outage recorded later (ended after `asOf`, or started after it) is seen as it was at `asOf`", () => {
    // Ended 14:00, after asOf: at 12:00 it was still running (60 minutes, ongoing). One starting 13:00 did not exist yet.
    const ended = outage("OUT-E", Date.UTC(2026, 2, 10, 11), Date.UTC(2026, 2, 10, 14));
    const later = outage("OUT-L", Date.UTC(2026, 2, 10, 13), Date.UTC(2026, 2, 10, 15));
    const a = serviceAvailability([ended, later], { ...march, asOf });
    expect(a.downtimeMinutes.toString()).toBe("60");
    expect(a.outageIds).toEqual(["OUT-E"]);
    expect(a.ongoing).toEqual(["OUT-E"]);
    expect(a.failures).toBe(1);
  });

  it("`asOf` at or after the period end measures the whole period (not partial); an open outage is ongoing at the end", () => {
    const a = serviceAvailability([open], { ...march, asOf: instant("2026-04-15T00:00:00Z") });
    expect(a.partial).toBe(false);
    expect(a.measuredTo).toBe("2026-04-01T00:00:00.000Z");
    expect(a.agreedMinutes.toString()).toBe(String(31 * 1440));
    expect(a.ongoing).toEqual(["OUT-OPEN"]);
    // Without asOf the period end is the measured end, as before.
    const b = serviceAvailability([open], march);
    expect(b.partial).toBe(false);
    expect(b.downtimeMinutes.toString()).toBe(a.downtimeMinutes.toString());
  });

  it("`asOf` at or before the period start, or not an instant, is a ValidationError at [\"asOf\"]", () => {
    expect(firstIssuePath(() => serviceAvailability([open], { ...march, asOf: instant("2026-03-01T00:00:00Z") }))).toEqual(["asOf"]);
    expect(firstIssuePath(() => serviceAvailability([open], { ...march, asOf: "2026-03-10" as never }))).toEqual(["asOf"]);
  });
});

describe("serviceAvailability: agreed service hours in a time zone (DST days of 23 and 25 hours)", () => {
  const week = (y: number, m: number, d: number) => ({ from: at(Date.UTC(y, m - 1, d) - 2 * DAY), to: at(Date.UTC(y, m - 1, d) + 2 * DAY) });

  it("Sundays 00:00–24:00 Europe/Berlin: 29 March 2026 has 23 hours, 25 October 2026 has 25", () => {
    // Europe/Berlin moves from UTC+1 to UTC+2 at 01:00 UTC on Sunday 29 March 2026 and back at 01:00 UTC on Sunday 25
    // October 2026. The local day 29 March runs 28 March 23:00Z → 29 March 22:00Z = 23 h = 1 380 minutes; 25 October
    // runs 24 October 22:00Z → 25 October 23:00Z = 25 h = 1 500 minutes. In UTC both days were 1 440 minutes.
    const hours = { weekdays: [7], start: "00:00", end: "24:00", timeZone: "Europe/Berlin" };
    expect(serviceAvailability([], { service: "crm", ...week(2026, 3, 29), serviceHours: hours }).agreedMinutes.toString()).toBe("1380");
    expect(serviceAvailability([], { service: "crm", ...week(2026, 10, 25), serviceHours: hours }).agreedMinutes.toString()).toBe("1500");
  });

  it("Santiago skips midnight: Sunday 7 September 2025 starts at 01:00 local (04:00Z) and has 23 hours", () => {
    // Chile's clocks went from 6 September 23:59 (UTC−4) straight to 7 September 01:00 (UTC−3) at 04:00Z: local 00:00
    // does not exist (Node's Intl: 03:00Z is 6 Sept 23:00, 04:00Z is 7 Sept 01:00). The day runs 04:00Z → 8 September
    // 03:00Z = 23 h = 1 380 minutes.
    const hours = { weekdays: [7], start: "00:00", end: "24:00", timeZone: "America/Santiago" };
    expect(serviceAvailability([], { service: "crm", ...week(2025, 9, 7), serviceHours: hours }).agreedMinutes.toString()).toBe("1380");
  });

  it("08:00–18:00 Europe/Berlin is 10 hours every day of a DST week, and an outage is matched in local time", () => {
    const hours = { weekdays: [1, 2, 3, 4, 5, 6, 7], start: "08:00", end: "18:00", timeZone: "Europe/Berlin" };
    // 26 March (Thu) → 2 April (Thu) 2026 UTC: 7 whole local days of 10 h (the DST change is on Sunday 29 March) =
    // 4 200 minutes, plus the edges: the period starts 26 March 00:00Z (01:00 local, before 08:00) and ends 2 April
    // 00:00Z (02:00 local): nothing more.
    const p = { service: "crm", from: instant("2026-03-26T00:00:00Z"), to: instant("2026-04-02T00:00:00Z"), serviceHours: hours };
    // Monday 30 March 07:30Z–08:30Z is 09:30–10:30 in Berlin (UTC+2): all 60 minutes are in service hours. With the
    // hours read in UTC (the old only reading) just 08:00Z–08:30Z, 30 minutes, counted.
    const a = serviceAvailability([outage("OUT-1", Date.UTC(2026, 2, 30, 7, 30), Date.UTC(2026, 2, 30, 8, 30))], p);
    expect(a.agreedMinutes.toString()).toBe("4200");
    expect(a.downtimeMinutes.toString()).toBe("60");
  });

  it("all-day, all-week local hours tile time in any zone: AST = the period's length, DST or not (property)", () => {
    // Zones with DST at 02:00 (Berlin, New York), at midnight (Santiago), by 30 minutes (Lord Howe), and without (Kolkata).
    const zones = ["Europe/Berlin", "America/New_York", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata"];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 1, max: 60 * 24 }), fc.integer({ min: 0, max: 23 }), (tz, d, hours, h) => {
        const from = Date.UTC(2025, 0, 1) + d * DAY + h * HOUR;
        const a = serviceAvailability([], { service: "crm", from: at(from), to: at(from + hours * HOUR), serviceHours: { weekdays: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00", timeZone: tz } });
        expect(a.agreedMinutes.toString()).toBe(String(hours * 60));
      }),
      { numRuns: 80 },
    );
  });

  it("an unknown time zone is a ValidationError at [\"serviceHours\", \"timeZone\"]", () => {
    const hours = { weekdays: [1], start: "08:00", end: "18:00", timeZone: "Europe/Atlantis" };
    expect(firstIssuePath(() => serviceAvailability([], { service: "crm", from: at(T0), to: at(T0 + DAY), serviceHours: hours }))).toEqual(["serviceHours", "timeZone"]);
  });

  it("service hours in UTC are the same with and without timeZone \"UTC\" (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 24 }), (d, len, s, e) => {
        fc.pre(e > s);
        const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;
        const base = { service: "crm", from: at(T0 + d * DAY + 5 * HOUR), to: at(T0 + (d + len) * DAY) };
        const hours = { weekdays: [1, 3, 5, 6], start: hh(s), end: hh(e) };
        const outs = [outage("A", T0 + d * DAY + 9 * HOUR, T0 + d * DAY + 30 * HOUR)];
        const x = serviceAvailability(outs, { ...base, serviceHours: hours });
        const y = serviceAvailability(outs, { ...base, serviceHours: { ...hours, timeZone: "UTC" } });
        expect(y.agreedMinutes.toString()).toBe(x.agreedMinutes.toString());
        expect(y.downtimeMinutes.toString()).toBe(x.downtimeMinutes.toString());
      }),
      { numRuns: 50 },
    );
  });
});

describe("serviceAvailability: asOf inside the period is the period cut at asOf (property)", () => {
  it("{ to, asOf } gives the figures of { to: asOf }, outages running past asOf included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 * 24 }), fc.integer({ min: 1, max: 30 })), { maxLength: 6 }),
        fc.integer({ min: 21 * 24, max: 29 * 24 }),
        (spans, asOfHours) => {
          const outs = spans.map(([h, len], k) => outage(`O${k}`, T0 + h * HOUR, T0 + h * HOUR + len * HOUR));
          const a = serviceAvailability(outs, { service: "crm", from: at(T0), to: at(T0 + 30 * DAY), asOf: at(T0 + asOfHours * HOUR) });
          const b = serviceAvailability(outs, { service: "crm", from: at(T0), to: at(T0 + asOfHours * HOUR) });
          expect(a.partial).toBe(true);
          expect(b.partial).toBe(false);
          const m = (x: Metric<Decimal>) => (x.value === undefined ? `(${x.reason})` : String(x.value));
          const figures = (r: typeof a) => [String(r.agreedMinutes), String(r.downtimeMinutes), String(r.failures), m(r.availabilityPercent), m(r.mtbfMinutes), m(r.mtrsMinutes), String(r.ongoing)];
          expect(figures(a)).toEqual(figures(b));
        },
      ),
      { numRuns: 60 },
    );
  });
});
