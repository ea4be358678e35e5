import { describe, expect, it } from "vitest";
import { expandMspdiException, mspdiExceptionProblem, mspdiToPmokit, readMspdi, resolveMspdiCalendar } from "../../src/io/index.js";
import type { MspdiElement } from "../../src/io/mspdi/element.js";
import { fixtureText, IMPORTED_AT } from "./fixtures.js";

const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
/** A monthly-relative exception (Type 5, every month) over January–March 2027. */
const monthly = (item: string, position: string): MspdiElement => ({
  fields: { Name: `item ${item}`, Type: "5", Period: "1", MonthItem: item, MonthPosition: position, DayWorking: "0" },
  lists: { timePeriod: [{ fields: { FromDate: "2027-01-01T00:00:00", ToDate: "2027-03-31T23:59:00" }, lists: {} }] },
});

describe("MSPDI recurring exceptions: MonthItem 0 (day), 1 (weekday), 2 (weekend day)", () => {
  // MSPDI MonthItem codes (MonthItem element, Project XML schema): 0 Day, 1 Weekday, 2 Weekend day, 3 Sunday … 9 Saturday;
  // MonthPosition 0 first … 3 fourth, 4 last. Before, 0–2 were read as "weekday -3 … -1" and matched no day: the
  // exception's non-working days were silently dropped.
  it("expands the last day, last weekday and last weekend day of each month", () => {
    // 2027: Jan 31 and Feb 28 are Sundays, Mar 31 a Wednesday. Last weekday: Fri Jan 29, Fri Feb 26, Wed Mar 31.
    // Last weekend day: Sun Jan 31, Sun Feb 28, Sun Mar 28.
    expect(expandMspdiException(monthly("0", "4"))).toEqual(["2027-01-31", "2027-02-28", "2027-03-31"]);
    expect(expandMspdiException(monthly("1", "4"))).toEqual(["2027-01-29", "2027-02-26", "2027-03-31"]);
    expect(expandMspdiException(monthly("2", "4"))).toEqual(["2027-01-31", "2027-02-28", "2027-03-28"]);
  });

  it("expands the n-th day, weekday and weekend day", () => {
    // Third day: the 3rd. First weekday: Fri Jan 1, Mon Feb 1, Mon Mar 1. Second weekend day: Jan 2 is a Saturday, so
    // Sun Jan 3; Feb 6 and Mar 6 are Saturdays, so Sun Feb 7 and Sun Mar 7.
    expect(expandMspdiException(monthly("0", "2"))).toEqual(["2027-01-03", "2027-02-03", "2027-03-03"]);
    expect(expandMspdiException(monthly("1", "0"))).toEqual(["2027-01-01", "2027-02-01", "2027-03-01"]);
    expect(expandMspdiException(monthly("2", "1"))).toEqual(["2027-01-03", "2027-02-07", "2027-03-07"]);
    // A weekday item still means that weekday: second Monday (MonthItem 4) — Jan 11, Feb 8, Mar 8.
    expect(expandMspdiException(monthly("4", "1"))).toEqual(["2027-01-11", "2027-02-08", "2027-03-08"]);
  });

  it("names what it cannot expand instead of reading it as something else", () => {
    // A Type outside the schema's 1–9 was read as a daily range: every day of the period non-working. (Type 8, "by
    // weekday count", has no documented pattern and is reported too: mspdi-exception-weekday-count.test.ts.)
    const type12: MspdiElement = { ...monthly("0", "0"), fields: { Name: "count", Type: "12", DayWorking: "0" } };
    expect(mspdiExceptionProblem(type12)).toBe("recurrence Type 12 is not one pmokit expands (1–7)");
    expect(expandMspdiException(type12)).toEqual([]);
    expect(mspdiExceptionProblem(monthly("10", "0"))).toBe('MonthItem "10" is outside its MSPDI codes');
    expect(mspdiExceptionProblem(monthly("1", "5"))).toBe('MonthPosition "5" is outside its MSPDI codes');
    expect(mspdiExceptionProblem(monthly("1", "4"))).toBeUndefined();
  });
});

describe("MSPDI import: an exception pmokit cannot expand is reported, never dropped", () => {
  const file = (exception: string, legacy = "") =>
    `<Project xmlns="http://schemas.microsoft.com/project"><Name>f</Name><CurrencyCode>EUR</CurrencyCode><CalendarUID>1</CalendarUID>` +
    `<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>${legacy}</WeekDays>` +
    `<Exceptions><Exception><TimePeriod><FromDate>2027-01-01T00:00:00</FromDate><ToDate>2027-01-31T23:59:00</ToDate></TimePeriod>${exception}</Exception></Exceptions></Calendar></Calendars>` +
    `<Tasks><Task><UID>1</UID><ID>1</ID><Name>T</Name><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2027-01-04T08:00:00</Start>` +
    `<Finish>2027-01-08T17:00:00</Finish><Milestone>0</Milestone><Summary>0</Summary></Task></Tasks></Project>`;

  it("uses MS Project's expanded DayType=0 days for the calendar when the file has them", () => {
    const legacy = "<WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod><FromDate>2027-01-04T00:00:00</FromDate><ToDate>2027-01-05T23:59:00</ToDate></TimePeriod></WeekDay>";
    const { records, report } = mspdiToPmokit(readMspdi(file("<Name>Stocktake</Name><Type>9</Type><DayWorking>0</DayWorking>", legacy)).document, OPTIONS);
    expect(records.project![0]!.calendar?.holidays?.map((h) => h.date)).toEqual(["2027-01-04", "2027-01-05"]);
    expect(report.warnings.filter((w) => w.code === "unexpanded-exception").map((w) => [w.path, w.message])).toEqual([[
      "Project/Calendars/Calendar[UID=1]",
      'exception "Stocktake" cannot be expanded: recurrence Type 9 (no exception type) gives no recurrence pattern to expand; MS Project\'s expanded exception days (WeekDay DayType=0) are used for this calendar',
    ]]);
  });

  it("says the days are missing when nothing stands for them", () => {
    const { records, report } = mspdiToPmokit(readMspdi(file("<Name>Audit</Name><Type>5</Type><MonthItem>12</MonthItem><MonthPosition>0</MonthPosition><DayWorking>0</DayWorking>")).document, OPTIONS);
    expect(records.project![0]!.calendar?.holidays).toEqual([]);
    expect(report.warnings.filter((w) => w.code === "unexpanded-exception").map((w) => w.message))
      .toEqual(['exception "Audit" cannot be expanded: MonthItem "12" is outside its MSPDI codes; its days are not in the calendar; add them as holidays']);
  });

  it("leaves MS Project 2016's 27 recurring exceptions as they were: all expandable, none reported", () => {
    const { report } = mspdiToPmokit(readMspdi(fixtureText("mspdi/mpxj_calendar-recurring-exceptions-project2016-mspdi.xml")).document, OPTIONS);
    expect(report.warnings.filter((w) => w.code === "unexpanded-exception")).toEqual([]);
    const cal = resolveMspdiCalendar(readMspdi(fixtureText("mspdi/mpxj_calendar-recurring-exceptions-project2016-mspdi.xml")).document.project.lists["calendars"]!, "1")!;
    expect(cal.unexpanded).toEqual([]);
  });
});

describe("MSPDI monthly relative exceptions: one date a month (property)", () => {
  it("every MonthItem 0–9 at every MonthPosition 0–4 gives exactly one day in each month of a year, of its kind", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1990, max: 2060 }), (item, position, year) => {
      const ex: MspdiElement = {
        fields: { Name: "p", Type: "5", Period: "1", MonthItem: String(item), MonthPosition: String(position), DayWorking: "0" },
        lists: { timePeriod: [{ fields: { FromDate: `${year}-01-01T00:00:00`, ToDate: `${year}-12-31T23:59:00` }, lists: {} }] },
      };
      const dates = expandMspdiException(ex);
      // Every month has at least four of each weekday, four weekdays, four weekend days and 28 days: all positions exist.
      expect(dates.map((d) => d.slice(5, 7))).toEqual(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"]);
      for (const d of dates) {
        const w = new Date(`${d}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
        expect(item === 0 || (item === 1 ? w >= 1 && w <= 5 : item === 2 ? w === 0 || w === 6 : w === item - 3)).toBe(true);
      }
    }), { numRuns: 60, seed: 16 });
  });
});
