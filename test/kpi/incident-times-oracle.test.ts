import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { incidentResponseTimes, instant, isoDate, type IncidentTimes, type IsoDate } from "../../src/index.js";

// An independent oracle for MTTA / MTTR over a period of local days, written from the definitions (mean of
// acknowledged − opened and of resolved − opened, in minutes) and the library's documented conventions, with the
// local day of an instant read straight from Intl (the "sv-SE" locale writes YYYY-MM-DD), not from pmokit's offset
// arithmetic:
//   basis "resolved": MTTR over incidents opened by asOf and resolved by asOf on a local day in the period; MTTA the
//                      same with acknowledged.
//   basis "opened":    both over incidents opened on a local day in the period, acknowledged / resolved by asOf.
// The result must not depend on the order of the incidents (the id lists are compared as sets).
const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Pacific/Apia", "Pacific/Chatham"];
const localDay = (ms: number, tz: string) => {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get("year").padStart(4, "0")}-${get("month")}-${get("day")}`;
};
// Instants around DST changes and the day Samoa skipped (2011-12-30), minute resolution.
const BASES = [Date.UTC(2011, 11, 28), Date.UTC(2026, 2, 27), Date.UTC(2026, 9, 23), Date.UTC(2026, 3, 3), Date.UTC(2026, 10, 1)];
const inc = fc.record({
  base: fc.constantFrom(...BASES),
  open: fc.integer({ min: 0, max: 6 * 1440 }),
  ack: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
  res: fc.option(fc.integer({ min: 0, max: 3 * 1440 }), { nil: undefined }),
});
const iso = (ms: number) => instant(new Date(ms).toISOString());

describe("incidentResponseTimes against an Intl-based oracle", () => {
  it("MTTA, MTTR and their incident sets agree for local-day periods in zones with DST, half-hour offsets and a skipped day", () => {
    fc.assert(
      fc.property(
        fc.array(inc, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 8 * 1440 }),
        fc.constantFrom("resolved" as const, "opened" as const),
        (raw, tz, fromOff, len, asOfOff, basis) => {
          const base = raw[0]!.base;
          const incidents: IncidentTimes[] = raw.map((r, i) => {
            const o = r.base + r.open * 60_000;
            return {
              id: `INC-${i}`,
              openedAt: iso(o),
              ...(r.ack !== undefined ? { acknowledgedAt: iso(o + r.ack * 60_000) } : {}),
              ...(r.res !== undefined ? { resolvedAt: iso(o + r.res * 60_000) } : {}),
            };
          });
          const day0 = new Date(base + fromOff * 86_400_000).toISOString().slice(0, 10) as IsoDate;
          const period = { from: isoDate(day0), to: isoDate(new Date(base + (fromOff + len) * 86_400_000).toISOString().slice(0, 10)) };
          const asOfMs = base + asOfOff * 60_000 * 2;
          const t = incidentResponseTimes(incidents, { asOf: iso(asOfMs), period, basis, timeZone: tz });
          const inP = (ms: number) => {
            const d = localDay(ms, tz);
            return d >= period.from && d <= period.to;
          };
          const rows = incidents.filter((x) => Date.parse(x.openedAt) <= asOfMs);
          const by = (s?: string) => (s !== undefined && Date.parse(s) <= asOfMs ? Date.parse(s) : undefined);
          const set = (f: "acknowledgedAt" | "resolvedAt") =>
            rows.filter((x) => {
              const at = by(x[f]);
              return at !== undefined && (basis === "resolved" ? inP(at) : inP(Date.parse(x.openedAt)));
            });
          for (const [f, ids, mean] of [["acknowledgedAt", t.acknowledged, t.mttaMinutes], ["resolvedAt", t.resolved, t.mttrMinutes]] as const) {
            const s = set(f);
            expect([...ids].sort()).toEqual(s.map((x) => x.id).sort());
            if (s.length === 0) expect(mean.value).toBeUndefined();
            else {
              const total = s.reduce((acc, x) => acc + (Date.parse(x[f]!) - Date.parse(x.openedAt)) / 60_000, 0);
              // Whole minutes: the mean is total ÷ n exactly; compare n × mean to the total.
              expect(mean.value!.times(s.length).toDecimalPlaces(20).toNumber()).toBe(total);
            }
          }
          // Permuting the input changes nothing but the order of the lists.
          const back = incidentResponseTimes([...incidents].reverse(), { asOf: iso(asOfMs), period, basis, timeZone: tz });
          expect(back.mttrMinutes.value?.toFixed()).toBe(t.mttrMinutes.value?.toFixed());
          expect(back.mttaMinutes.value?.toFixed()).toBe(t.mttaMinutes.value?.toFixed());
          expect([...back.unresolved].sort()).toEqual([...t.unresolved].sort());
        },
      ),
      { numRuns: 600, seed: 22 },
    );
  });
});
