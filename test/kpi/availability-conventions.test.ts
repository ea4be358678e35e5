import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instant, type ServiceOutage } from "../../src/index.js";
import { serviceAvailability } from "../../src/kpi/index.js";
import { firstIssuePath, validationErrorOf } from "../support/errors.js";

// Audit of serviceAvailability, second pass: ids, exactness, as-of dates, time zones and DST, leap years.

const SEC = 1_000;
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const at = (ms: number) => instant(new Date(ms));
const outage = (id: string, start: number, end: number | undefined, extra: Partial<Record<"planned" | "impact" | "service", unknown>> = {}): ServiceOutage =>
  ({ id, version: 1, createdAt: at(start), updatedAt: at(start), service: "crm", start: at(start), ...(end === undefined ? {} : { end: at(end) }), planned: false, impact: "full", ...extra }) as never;
const T0 = Date.UTC(2026, 2, 9); // Monday 9 March 2026

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
