import { describe, expect, it } from "vitest";
import { Decimal as DecimalJs } from "decimal.js";
import { PmoDecimal, WideDecimal, decimal, roundingConstant, type RoundingMode } from "../../src/core/decimal.js";
import { currencyCodes, isCurrencyCode, minorUnits } from "../../src/core/money/currency.js";
import { STANDARD_CALENDAR, createWorkingCalendar } from "../../src/core/calendar/working-calendar.js";
import { addWorkingDays, isWorkingDay } from "../../src/core/calendar/working-days.js";
import type { IsoDate } from "../../src/core/dates/iso-date.js";

/*
 * Issue 17 "Size": some module-level tables were rewritten so that bundlers can drop them (a literal instead of a
 * call, a table built on first use, constants instead of property reads on an import). These tests pin each one to
 * what it replaced, so the rewrite cannot change a value.
 */

// The ISO 4217 list as it was written out before (169 active codes).
const WRITTEN_OUT =
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD " +
  "CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD " +
  "GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR " +
  "LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK " +
  "PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT " +
  "TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XDR XOF XPF YER ZAR ZMW " +
  "ZWG ZWL";

describe("tables written for tree shaking equal what they replaced", () => {
  it("the grouped currency table decodes to exactly the 169 codes written out before", () => {
    const codes = WRITTEN_OUT.split(" ");
    expect(codes.length).toBe(169);
    expect(currencyCodes()).toEqual(codes);
    for (const c of codes) expect(isCurrencyCode(c)).toBe(true);
    // Two-letter fragments of the grouped form are not codes, nor are codes across a group boundary.
    for (const c of ["AE", "AEDF", "ZNB", "ZWLX", "XAU", "XXX"]) expect(isCurrencyCode(c)).toBe(false);
    expect(() => minorUnits("ZNB")).toThrow(/not an ISO 4217 currency code/);
  });

  it("the minor units written inline in the currency table equal the exception table they replaced (2 for the rest)", () => {
    // ISO 4217 table A.1, as MINOR_UNIT_EXCEPTIONS listed it before the digits moved into the grouped string.
    const before: Record<string, number> = {
      BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0,
      VUV: 0, XAF: 0, XOF: 0, XPF: 0,
      BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
      CLF: 4, UYW: 4,
    };
    for (const c of WRITTEN_OUT.split(" ")) expect([c, minorUnits(c)]).toEqual([c, Object.hasOwn(before, c) ? before[c] : 2]);
    // A digit is not part of a code.
    for (const c of ["BHD3", "HD3", "D3I"]) expect(isCurrencyCode(c)).toBe(false);
  });

  it("STANDARD_CALENDAR, written out, equals the calendar createWorkingCalendar builds", () => {
    const built = createWorkingCalendar({ name: "Monday–Friday" });
    expect(STANDARD_CALENDAR).toEqual(built);
    expect(Object.isFrozen(STANDARD_CALENDAR)).toBe(true);
    expect(Object.isFrozen(STANDARD_CALENDAR.workingWeekdays)).toBe(true);
    expect(Object.isFrozen(STANDARD_CALENDAR.weekdayMask)).toBe(true);
    expect(STANDARD_CALENDAR.holidayDays).toBeInstanceOf(Int32Array);
    // Friday 2026-11-27 + 1 working day = Monday 2026-11-30; Saturday does not work.
    expect(addWorkingDays(STANDARD_CALENDAR, "2026-11-27" as IsoDate, 1)).toBe("2026-11-30");
    expect(isWorkingDay(STANDARD_CALENDAR, "2026-11-28" as IsoDate)).toBe(false);
  });

  it("the rounding constants are decimal.js' own", () => {
    const modes: [RoundingMode, number][] = [
      ["up", DecimalJs.ROUND_UP],
      ["down", DecimalJs.ROUND_DOWN],
      ["ceil", DecimalJs.ROUND_CEIL],
      ["floor", DecimalJs.ROUND_FLOOR],
      ["half-up", DecimalJs.ROUND_HALF_UP],
      ["half-down", DecimalJs.ROUND_HALF_DOWN],
      ["half-even", DecimalJs.ROUND_HALF_EVEN],
    ];
    for (const [mode, constant] of modes) expect(roundingConstant(mode)).toBe(constant);
    expect(PmoDecimal.rounding).toBe(DecimalJs.ROUND_HALF_EVEN);
    expect(PmoDecimal.precision).toBe(34);
    expect(WideDecimal.rounding).toBe(DecimalJs.ROUND_DOWN);
    expect(WideDecimal.precision).toBe(1000);
    // 2.5 and 3.5 to whole numbers, half-even: 2 and 4.
    expect(decimal("2.5").toDecimalPlaces(0, roundingConstant("half-even")).toFixed()).toBe("2");
    expect(decimal("3.5").toDecimalPlaces(0, roundingConstant("half-even")).toFixed()).toBe("4");
  });
});
