// opts20: the money and calendar functions refused a wrong-typed options object but ignored a misspelt key, so the
// default ran: `allocateMoney(…, { scal: 4 })` split to cents, `workingDaysBetween(…, { skipBlackout: true })` counted
// the freeze week as working. Every one of them now refuses an unknown key at [key], naming the keys it takes.
import { describe, expect, it } from "vitest";
import {
  addWorkingDays, allocateMoney, createWorkingCalendar, divideMoney, expandHolidayRules, formatMoney, isoDate, isWorkingDay,
  money, nextWorkingDay, previousWorkingDay, publicHolidays, roundMoney, workingDaysBetween,
} from "../../src/index.js";
import { issuesOf } from "../support/errors.js";

const eur = money("10.00", "EUR");

describe("money functions refuse unknown option keys", () => {
  it("allocateMoney: { scal: 4 } split to cents", () => {
    expect(issuesOf(() => allocateMoney(eur, [1, 2], { scal: 4 } as never))).toEqual([["scal", "unknown option (allocateMoney takes scale)"]]);
    // 10 × 1/3 = 3.3333 at scale 4; the remainder unit goes to the larger remainder (6.6666… → 6.6667).
    expect(allocateMoney(eur, [1, 2], { scale: 4 }).map((m) => m.amount.toFixed())).toEqual(["3.3333", "6.6667"]);
  });
  it("formatMoney: { local: \"de-DE\" } formatted in en-US", () => {
    expect(issuesOf(() => formatMoney(eur, { local: "de-DE" } as never))).toEqual([["local", "unknown option (formatMoney takes locale, currencyDisplay)"]]);
    expect(formatMoney(eur, { locale: "de-DE", currencyDisplay: "code" })).toBe("10,00 EUR");
  });
  it("roundMoney and divideMoney: { scales: 4 } rounded to cents", () => {
    expect(issuesOf(() => roundMoney(money("2.34567", "EUR"), { rounding: "half-up", scales: 4 } as never))).toEqual([
      ["scales", "unknown option (roundMoney takes rounding, scale)"],
    ]);
    expect(issuesOf(() => divideMoney(eur, 3, { rounding: "half-even", scales: 4 } as never))).toEqual([
      ["scales", "unknown option (divideMoney takes rounding, scale)"],
    ]);
    // 2.34567 half-up at 4 places = 2.3457; 10 ÷ 3 = 3.3333… half-even at 4 places = 3.3333.
    expect(roundMoney(money("2.34567", "EUR"), { rounding: "half-up", scale: 4 }).amount.toFixed()).toBe("2.3457");
    expect(divideMoney(eur, 3, { rounding: "half-even", scale: 4 }).amount.toFixed()).toBe("3.3333");
  });
});

describe("calendar functions refuse unknown option keys", () => {
  // Mon 2026-12-21 … Fri 2026-12-25 frozen; no holidays.
  const cal = createWorkingCalendar({ blackouts: [{ start: isoDate("2026-12-21"), end: isoDate("2026-12-25"), reason: "freeze" }] });
  const bad = { skipBlackout: true } as never;
  const msg = (f: string) => [["skipBlackout", `unknown option (${f} takes skipBlackouts)`]];
  it("the working-day functions: { skipBlackout: true } counted the freeze as working", () => {
    expect(issuesOf(() => isWorkingDay(cal, isoDate("2026-12-21"), bad))).toEqual(msg("isWorkingDay"));
    expect(issuesOf(() => nextWorkingDay(cal, isoDate("2026-12-18"), bad))).toEqual(msg("nextWorkingDay"));
    expect(issuesOf(() => previousWorkingDay(cal, isoDate("2026-12-28"), bad))).toEqual(msg("previousWorkingDay"));
    expect(issuesOf(() => addWorkingDays(cal, isoDate("2026-12-18"), 1, bad))).toEqual(msg("addWorkingDays"));
    expect(issuesOf(() => workingDaysBetween(cal, isoDate("2026-12-21"), isoDate("2026-12-28"), bad))).toEqual(msg("workingDaysBetween"));
    // With the right key: Fri 18 Dec + 1 working day skipping the freeze week = Mon 28 Dec. Days d with
    // 18 Dec < d ≤ 28 Dec: Mon 21–Fri 25 frozen, Sat/Sun off, Mon 28 works → 1 (6 without skipping the freeze).
    expect(addWorkingDays(cal, isoDate("2026-12-18"), 1, { skipBlackouts: true })).toBe("2026-12-28");
    expect(workingDaysBetween(cal, isoDate("2026-12-18"), isoDate("2026-12-28"), { skipBlackouts: true })).toBe(1);
    expect(workingDaysBetween(cal, isoDate("2026-12-18"), isoDate("2026-12-28"))).toBe(6);
  });
  it("expandHolidayRules: { substitue: \"next-monday\" } left a Saturday holiday unsubstituted", () => {
    const rules = [{ kind: "fixed", name: "Christmas Day", month: 12, day: 25 }, { kind: "fixed", name: "Boxing Day", month: 12, day: 26 }] as const;
    expect(issuesOf(() => expandHolidayRules(rules, { fromYear: 2027, substitue: "next-monday" } as never))).toEqual([
      ["substitue", "unknown option (expandHolidayRules takes fromYear, toYear, substitute, weekend)"],
    ]);
    // 2027-12-25 is a Saturday, 26 a Sunday: they move to Monday 27 and Tuesday 28 December (without the policy
    // they would stay on the weekend).
    expect(expandHolidayRules(rules, { fromYear: 2027, substitute: "next-monday" }).map((h) => h.date)).toEqual(["2027-12-27", "2027-12-28"]);
    expect(expandHolidayRules(rules, { fromYear: 2027 }).map((h) => h.date)).toEqual(["2027-12-25", "2027-12-26"]);
  });
  it("publicHolidays names itself: { toyear } gave one year where two were asked for", () => {
    // It passed its years on to expandHolidayRules: refused there (since opts20) but under the wrong name.
    expect(issuesOf(() => publicHolidays("GB-EAW", { fromYear: 2026, toyear: 2027 } as never))).toEqual([["toyear", "unknown option (publicHolidays takes fromYear, toYear)"]]);
    // England and Wales have 8 bank holidays a year: 16 over 2026–2027.
    expect(publicHolidays("GB-EAW", { fromYear: 2026, toYear: 2027 })).toHaveLength(16);
  });
});
