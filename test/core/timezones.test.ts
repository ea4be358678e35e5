import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const probePath = fileURLToPath(new URL("./tz-probe.ts", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

interface ProbeOutput {
  env: { TZ: string | null; resolvedTimeZone: string; offsets: Record<string, number> };
  results: {
    dates: Record<string, Record<string, unknown>>;
    instants: Record<string, Record<string, unknown>>;
    spans: Record<string, unknown>;
  };
}

function runProbe(TZ: string): ProbeOutput {
  const out = execFileSync(process.execPath, ["--import", "tsx", probePath], {
    env: { ...process.env, TZ },
    cwd: repoRoot,
    encoding: "utf8",
  });
  return JSON.parse(out) as ProbeOutput;
}

const ZONES = ["UTC", "Pacific/Kiritimati", "America/Anchorage"] as const;

describe("date, calendar and instant helpers do not depend on the process time zone", () => {
  const outputs = new Map<string, ProbeOutput>();
  const get = (tz: string) => {
    let o = outputs.get(tz);
    if (!o) {
      o = runProbe(tz);
      outputs.set(tz, o);
    }
    return o;
  };

  it("the zone really was applied to each probe process", { timeout: 60_000 }, () => {
    // UTC never moves.
    expect(get("UTC").env.offsets).toEqual({ "1994-12-30T12:00Z": 0, "1995-01-01T12:00Z": 0, "2026-03-01T12:00Z": 0, "2026-07-01T12:00Z": 0 });
    // Kiritimati jumped from UTC−10 to UTC+14 at the end of 1994, skipping 31 December locally.
    expect(get("Pacific/Kiritimati").env.offsets).toEqual({
      "1994-12-30T12:00Z": 600,
      "1995-01-01T12:00Z": -840,
      "2026-03-01T12:00Z": -840,
      "2026-07-01T12:00Z": -840,
    });
    // Anchorage: AKST (UTC−9) in winter, AKDT (UTC−8) in summer.
    expect(get("America/Anchorage").env.offsets).toEqual({
      "1994-12-30T12:00Z": 540,
      "1995-01-01T12:00Z": 540,
      "2026-03-01T12:00Z": 540,
      "2026-07-01T12:00Z": 480,
    });
    for (const tz of ZONES) expect(get(tz).env.resolvedTimeZone).toBe(tz);
  });

  it("the three outputs are identical", { timeout: 60_000 }, () => {
    const [utc, kiritimati, anchorage] = ZONES.map((tz) => get(tz).results);
    expect(kiritimati).toEqual(utc);
    expect(anchorage).toEqual(utc);
    expect(JSON.stringify(kiritimati)).toBe(JSON.stringify(utc));
    expect(JSON.stringify(anchorage)).toBe(JSON.stringify(utc));
  });

  it("and equal hand-derived values", { timeout: 60_000 }, () => {
    for (const tz of ZONES) {
      const { dates, instants, spans } = get(tz).results;

      // 1994-12-31, the day Kiritimati skipped: epoch day 25·365 + 6 leap days − 1 = 9130, a Saturday.
      expect(dates["1994-12-31"]).toEqual({
        valid: true,
        epochDay: 9130,
        fromEpochDay: "1994-12-31",
        weekday: 6,
        prev: "1994-12-30",
        next: "1995-01-01",
        prevMonth: "1994-11-30",
        nextMonth: "1995-01-31",
        startOfMonth: "1994-12-01",
        endOfMonth: "1994-12-31",
        startOfDay: "1994-12-31T00:00:00.000Z",
        // Sat → Mon 1995-01-02 (1 Jan is a Sunday); 20 working days later is Fri 1995-01-27.
        standard: { working: false, minus1: "1994-12-30", plus1: "1995-01-02", plus20: "1995-01-27" },
        // Probe calendar: 1994-12-30 (Fri) and 1995-01-02 (Mon) are holidays.
        holidays: {
          working: false,
          workingSkippingBlackouts: false,
          minus1: "1994-12-29",
          plus1: "1995-01-03",
          plus1SkippingBlackouts: "1995-01-03",
          plus30: "1995-02-13",
        },
      });

      // 2026-03-08, US DST start (a Sunday): epoch day 20454 (2026-01-01) + 31 + 28 + 7 = 20520.
      expect(dates["2026-03-08"]).toMatchObject({ epochDay: 20520, weekday: 7, prev: "2026-03-07", next: "2026-03-09" });
      expect(dates["2026-03-08"]?.["standard"]).toMatchObject({ minus1: "2026-03-06", plus1: "2026-03-09" });
      expect(dates["2026-03-08"]?.["holidays"]).toMatchObject({ plus1: "2026-03-10" }); // 9 March is a probe holiday

      // 2026-11-01, US DST end (a Sunday): 20454 + 304 = 20758. Probe blackout 30 Oct – 3 Nov, holiday 2 Nov.
      expect(dates["2026-11-01"]).toMatchObject({ epochDay: 20758, weekday: 7, nextMonth: "2026-12-01" });
      expect(dates["2026-11-01"]?.["holidays"]).toMatchObject({ plus1: "2026-11-03", plus1SkippingBlackouts: "2026-11-04" });

      // 2024-02-29 ± 1 month clamps to the 29th of a 29-day February only when it exists.
      expect(dates["2024-02-29"]).toMatchObject({ prevMonth: "2024-01-29", nextMonth: "2024-03-29", endOfMonth: "2024-02-29" });
      expect(dates["1970-01-01"]).toMatchObject({ epochDay: 0, weekday: 4 });
      expect(dates["0001-01-01"]).toMatchObject({ epochDay: -719162, weekday: 1, prev: "throws ValidationError" });
      expect(dates["9999-12-31"]).toMatchObject({ epochDay: 2932896, next: "throws ValidationError" });

      expect(instants["2026-03-08T06:59:59.999Z"]).toEqual({
        canonical: "2026-03-08T06:59:59.999Z",
        date: "2026-03-08",
        plus1ms: "2026-03-08T07:00:00.000Z",
        plus1h: "2026-03-08T07:59:59.999Z",
        plus1d: "2026-03-09T06:59:59.999Z",
        minus1d: "2026-03-07T06:59:59.999Z",
        fromDate: "2026-03-08T06:59:59.999Z",
        toStartOfDay: 25_199_999, // 6 h 59 min 59.999 s
      });
      expect(instants["1994-12-31T10:00:00Z"]).toMatchObject({ canonical: "1994-12-31T10:00:00.000Z", date: "1994-12-31", toStartOfDay: 36_000_000 });
      expect(instants["2026-11-01T09:00:00.5Z"]).toMatchObject({ canonical: "2026-11-01T09:00:00.500Z", plus1h: "2026-11-01T10:00:00.500Z" });

      expect(spans).toEqual({
        "days 1994-12-30 → 1995-01-01": 2,
        "days 2026-03-07 → 2026-03-09": 2,
        "days 2026-10-31 → 2026-11-02": 2,
        "months 1994-11-30 → 1994-12-31": 1,
        "working 1994-12-29 → 1995-01-03": 1, // 30 Dec holiday, 31 Dec/1 Jan weekend, 2 Jan holiday, 3 Jan counts
        "working 2026-03-06 → 2026-03-10": 1, // 7/8 weekend, 9 holiday, 10 counts
        "working 2026-10-29 → 2026-11-04 skipping blackouts": 1, // only 4 Nov counts
        "ms over 2026-03-08": 86_400_000,
        "ms over 2026-11-01": 86_400_000,
        "ms over 1994-12-31": 86_400_000,
        "dateFromParts 1994-12-31": "1994-12-31",
        "instant(Date.UTC 2026-03-08 02:30)": "2026-03-08T02:30:00.000Z",
        "format 2026 budget": "$1,234,567.50",
      });
    }
  });
});
